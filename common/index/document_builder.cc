#include "index/document_builder.h"

#include "index/date_terms.h"
#include "index/sample_buckets.h"
#include "index/stored_article.h"
#include "schema.h"
#include "util/fnv1a.h"

#include <cstdio>
#include <filesystem>

namespace archivar::index {
namespace {

bool FitsTermLimit(std::size_t bytes) { return bytes <= schema::kMaxTermBytes; }

// The fingerprint value of a built document: FNV-1a over the analysis
// version and the stored article (its header value and its body), as 16
// hex digits.
std::string Fingerprint(const Xapian::Document& doc, const Article& article) {
  Fnv1a hash;
  hash.Mix(schema::kAnalysisVersion);
  hash.Mix(doc.get_value(schema::kHeaderSlot));
  hash.Mix(article.body);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash.value()));
  return hex;
}

std::string AbsolutePath(const std::string& path) {
  if (path == "-") return path;
  std::error_code error;
  auto absolute = std::filesystem::absolute(path, error);
  return error ? path : absolute.lexically_normal().string();
}

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

std::string SurnameKey(const std::string& person_key) {
  std::size_t space = person_key.rfind(' ');
  return space == std::string::npos ? person_key : person_key.substr(space + 1);
}

std::string FullNamesOfSurnamePrefix(const std::string& surname_key) {
  return std::string(schema::kFullNameBySurnamePrefix) + surname_key + " ";
}

std::string FullNameBySurnameTerm(const std::string& person_key) {
  return FullNamesOfSurnamePrefix(SurnameKey(person_key)) + person_key;
}

void DocumentBuilder::AddPersons(Xapian::Document& doc, const Article& article) {
  std::string names;
  for (const std::string& person : recognizer_.RecognizeArticle(article.title, article.body).persons) {
    std::string key = persons::PersonKey(person);
    if (key.empty()) continue;
    std::vector<std::string> terms = {std::string(schema::kPersonPrefix) + key,
                                      std::string(schema::kSurnamePrefix) + SurnameKey(key)};
    if (key.find(' ') != std::string::npos) terms.push_back(FullNameBySurnameTerm(key));
    for (const auto& term : terms) {
      if (FitsTermLimit(term.size())) doc.add_boolean_term(term);
    }
    if (!names.empty()) names += schema::kFacetValueSeparator;
    names += person;
  }
  if (!names.empty()) doc.add_value(schema::kPersonsSlot, names);
}

Xapian::Document DocumentBuilder::Build(const Article& article) {
  Xapian::Document doc;
  doc.add_boolean_term(IdTerm(article.id));
  doc.add_boolean_term(SampleBucketTerm(SampleBucketOf(article.id)));

  AnalyzedTerms title = analyzer_.Analyze(article.title, 1);
  AddPositionalTerms(doc, title, 1 + schema::kTitleWdfBoost);
  AddPrefixedTerms(doc, title, schema::kTitlePrefix);
  Xapian::termpos title_end = title.empty() ? 1 : title.back().position;
  AddPositionalTerms(doc, analyzer_.Analyze(article.body, title_end + schema::kBodyPositionGap),
                     1);

  AddPrefixedTerms(doc, analyzer_.Analyze(article.author), schema::kAuthorPrefix);
  AddPrefixedTerms(doc, analyzer_.Analyze(article.source), schema::kSourcePrefix);
  AddPrefixedTerms(doc, analyzer_.Analyze(article.category), schema::kCategoryPrefix);
  AddPersons(doc, article);

  if (!article.date.empty()) {
    std::string day = DateValue(article.date);
    for (const auto& term : DateTermsOfDay(day)) doc.add_boolean_term(term);
    doc.add_value(schema::kDateSlot, day);
    doc.add_value(schema::kYearSlot, article.date.substr(0, 4));
  }
  if (!article.source.empty()) doc.add_value(schema::kSourceSlot, article.source);
  if (!article.category.empty()) doc.add_value(schema::kCategorySlot, article.category);
  StoreArticle(article, body_compressor_, doc);
  return doc;
}

PreparedArticle DocumentBuilder::Prepare(const Article& article,
                                         const std::string& origin_path) {
  PreparedArticle prepared{IdTerm(article.id), "", Build(article)};
  prepared.fingerprint = Fingerprint(prepared.document, article);
  prepared.document.add_value(schema::kFingerprintSlot, prepared.fingerprint);
  prepared.document.add_value(schema::kOriginSlot, AbsolutePath(origin_path));
  return prepared;
}

}  // namespace archivar::index
