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

Xapian::termpos DocumentBuilder::AddPositionalText(Xapian::Document& doc,
                                                   std::string_view text,
                                                   Xapian::termpos first_position,
                                                   Xapian::termcount wdf) {
  Xapian::termpos last = first_position;
  for (const auto& term : analyzer_.Analyze(text, first_position)) {
    last = term.position;
    if (FitsTermLimit(term.term.size())) doc.add_posting(term.term, term.position, wdf);
  }
  return last;
}

void DocumentBuilder::AddPrefixedWords(Xapian::Document& doc,
                                       std::string_view text,
                                       std::string_view prefix) {
  for (const auto& term : analyzer_.Analyze(text)) {
    std::string prefixed = std::string(prefix) + term.term;
    if (FitsTermLimit(prefixed.size())) doc.add_term(prefixed);
  }
}

Xapian::Document DocumentBuilder::Build(const Article& article) {
  Xapian::Document doc;
  doc.add_boolean_term(IdTerm(article.id));

  Xapian::termpos title_end =
      AddPositionalText(doc, article.title, 1, 1 + schema::kTitleWdfBoost);
  AddPrefixedWords(doc, article.title, schema::kTitlePrefix);
  AddPositionalText(doc, article.body, title_end + schema::kBodyPositionGap, 1);

  AddPrefixedWords(doc, article.author, schema::kAuthorPrefix);
  AddPrefixedWords(doc, article.source, schema::kSourcePrefix);
  AddPrefixedWords(doc, article.category, schema::kCategoryPrefix);

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
