#include "index/document_builder.h"

#include "index/stored_article.h"
#include "schema.h"

namespace archivar::index {
namespace {

bool FitsTermLimit(std::size_t bytes) { return bytes <= schema::kMaxTermBytes; }

}  // namespace

std::string IdTerm(std::string_view id) {
  return std::string(schema::kIdPrefix) + std::string(id);
}

std::string DateValue(std::string_view date) {
  std::string value;
  for (char c : date) {
    if (c != '-') value += c;
  }
  return value;
}

void DocumentBuilder::AddPositionalTerms(Xapian::Document& doc, const AnalyzedTerms& terms,
                                         Xapian::termcount wdf) {
  for (const auto& term : terms) {
    if (!FitsTermLimit(term.term.size())) continue;
    // Compound parts count, but carry no positions: a phrase matches the
    // words as written, and position lists are the costliest part to write.
    if (term.rule == analysis::TermRule::kCompoundPart) {
      doc.add_term(term.term, wdf);
    } else {
      doc.add_posting(term.term, term.position, wdf);
    }
  }
}

void DocumentBuilder::AddPrefixedTerms(Xapian::Document& doc, const AnalyzedTerms& terms,
                                       std::string_view prefix) {
  for (const auto& term : terms) {
    std::string prefixed = std::string(prefix) + term.term;
    if (FitsTermLimit(prefixed.size())) doc.add_term(prefixed);
  }
}

Xapian::Document DocumentBuilder::Build(const Article& article) {
  Xapian::Document doc;
  doc.add_boolean_term(IdTerm(article.id));

  AnalyzedTerms title = analyzer_.Analyze(article.title, 1);
  AddPositionalTerms(doc, title, 1 + schema::kTitleWdfBoost);
  AddPrefixedTerms(doc, title, schema::kTitlePrefix);
  Xapian::termpos title_end = title.empty() ? 1 : title.back().position;
  AddPositionalTerms(doc, analyzer_.Analyze(article.body, title_end + schema::kBodyPositionGap),
                     1);

  AddPrefixedTerms(doc, analyzer_.Analyze(article.author), schema::kAuthorPrefix);
  AddPrefixedTerms(doc, analyzer_.Analyze(article.source), schema::kSourcePrefix);
  AddPrefixedTerms(doc, analyzer_.Analyze(article.category), schema::kCategoryPrefix);

  if (!article.date.empty()) {
    doc.add_value(schema::kDateSlot, DateValue(article.date));
    doc.add_value(schema::kYearSlot, article.date.substr(0, 4));
  }
  if (!article.source.empty()) doc.add_value(schema::kSourceSlot, article.source);
  if (!article.category.empty()) doc.add_value(schema::kCategorySlot, article.category);
  doc.set_data(EncodeStoredArticle(article));
  return doc;
}

}  // namespace archivar::index
