// DocumentBuilder: turns an Article into the Xapian document Archivar
// stores (a PreparedArticle, ready for IndexWriter), following schema.h:
//   - the unique id term (Q<id>) used for replacement,
//   - title and body words with positions (title words weighted up and
//     also under the title prefix); compound parts without positions,
//   - author, source and category words under their prefixes,
//   - the persons the article mentions (persons::PersonRecognizer): a term
//     per person and per surname, and their names in a value slot,
//   - the date in its value slot, and the stored article
//     (index/stored_article.h: header and compressed body values),
//   - a fingerprint of that data and the file the article came from, in
//     their value slots (for incremental runs and --prune).
// Terms longer than schema::kMaxTermBytes are skipped.
//
// Not thread-safe (it uses the caller's Analyzer and PersonRecognizer): one
// per thread.  A PreparedArticle may be handed to another thread.
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "index/stored_article.h"
#include "persons/person_recognizer.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace archivar::index {

// The unique id term of an article: "Q" + id.
std::string IdTerm(std::string_view id);

// The last word of a person key ("wladimir putin" -> "putin"), indexed
// under schema::kSurnamePrefix so "any Putin" can be searched.
std::string SurnameKey(const std::string& person_key);

// The schema::kFullNameBySurnamePrefix term of a person key with a first
// name ("XFputin wladimir putin"); the terms of one surname all start with
// FullNamesOfSurnamePrefix(surname) ("XFputin ").
std::string FullNameBySurnameTerm(const std::string& person_key);
std::string FullNamesOfSurnamePrefix(const std::string& surname_key);

// "YYYY-MM-DD" -> "YYYYMMDD", the form kept in the date value slot.
std::string DateValue(std::string_view date);

// A document ready to be written, made in any thread.
struct PreparedArticle {
  std::string id_term;       // IdTerm(article.id)
  std::string fingerprint;   // of the stored article and schema::kAnalysisVersion
  Xapian::Document document;  // carries the fingerprint and origin values
};

class DocumentBuilder {
 public:
  DocumentBuilder(analysis::Analyzer& analyzer, persons::PersonRecognizer& recognizer)
      : analyzer_(analyzer), recognizer_(recognizer) {}

  // `origin_path` is the file the article came from ("-" for standard
  // input), stored as an absolute path.
  PreparedArticle Prepare(const Article& article, const std::string& origin_path);

  // The document alone, without fingerprint and origin.
  Xapian::Document Build(const Article& article);

 private:
  using AnalyzedTerms = std::vector<analysis::AnalyzedTerm>;

  // Adds analysed words with their positions (compound parts without).
  void AddPositionalTerms(Xapian::Document& doc, const AnalyzedTerms& terms,
                          Xapian::termcount wdf);
  // Adds analysed words under a field prefix, without positions.
  void AddPrefixedTerms(Xapian::Document& doc, const AnalyzedTerms& terms,
                        std::string_view prefix);

  void AddPersons(Xapian::Document& doc, const Article& article);

  analysis::Analyzer& analyzer_;
  persons::PersonRecognizer& recognizer_;
  BodyCompressor body_compressor_;
};

}  // namespace archivar::index
