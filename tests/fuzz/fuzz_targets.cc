#include "fuzz_targets.h"

#include "analysis/analyzer.h"
#include "formats/article_fields.h"
#include "formats/json_lines.h"
#include "formats/plain_text.h"
#include "index/document_builder.h"
#include "persons/person_recognizer.h"
#include "index/index_writer.h"
#include "index/stored_article.h"
#include "render/renderers.h"
#include "search/query_text.h"
#include "search/searcher.h"
#include "text/unicode.h"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string_view>

namespace archivar::fuzz {
namespace {

// Aborts with a message when an invariant does not hold (a finding).
void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

bool HasControlCharacter(std::string_view text, bool newline_allowed) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' && newline_allowed) continue;
    if (c == '\t' && newline_allowed) continue;
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      return true;  // C1 control
    }
  }
  return false;
}

void CheckArticle(const Article& article) {
  Check(!article.id.empty() && !article.body.empty(), "article without id or body");
  for (const std::string* field : {&article.id, &article.title, &article.date, &article.source,
                                   &article.category, &article.author, &article.url,
                                   &article.body, &article.editor_code}) {
    Check(text::IsValidUtf8(*field), "article field is not valid UTF-8");
    Check(!HasControlCharacter(*field, /*newline_allowed=*/true),
          "article field has a control character");
  }
  Check(article.body.size() <= formats::kMaxBodyBytes, "body over the limit");
  for (const std::string* field :
       {&article.title, &article.source, &article.category, &article.author, &article.url}) {
    Check(field->size() <= formats::kMaxFieldBytes, "field over the limit");
  }
  static analysis::Analyzer analyzer;
  static persons::PersonRecognizer recognizer;
  index::DocumentBuilder builder(analyzer, recognizer);
  Xapian::Document doc = builder.Build(article);
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    Check((*term).size() <= 245, "term over Xapian's disk limit");
  }
  Article stored = index::DecodeStoredArticle(index::EncodeStoredArticle(article));
  Check(stored.id == article.id && stored.body == article.body && stored.title == article.title,
        "stored article does not round-trip");
}

// A small on-disk database, made once per process (on-disk, so Xapian's
// real limits apply), removed at exit.
class TinyDatabase {
 public:
  TinyDatabase() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr && *base ? base : "/tmp") +
                          "/archivar-fuzz-XXXXXX";
    Check(mkdtemp(pattern.data()) != nullptr, "mkdtemp");
    dir_ = pattern;
    index::IndexWriter writer(Path(), 10);
    const char* bodies[][4] = {
        {"a1", "Neue Häuser am Stadtrand", "2019-05-02", "Am Stadtrand entstehen neue Häuser."},
        {"a2", "Wahlbeteiligung gestiegen", "2021-09-26",
         "Die Beteiligung an der Wahl war hoch; Wahlbeteiligung 76 Prozent."},
        {"a3", "Atomwaffenprogramm", "", "Nordkorea treibt sein Atomwaffenprogramm voran."},
        {"a4", "Straße gesperrt", "2023-01-01", "Die Straße in München wird gesperrt. Erdoğan."},
        {"a5", "Emoji 👋 und שלום", "1999-12-31", "Wasserstoff 👋 שלום עולם مرحبا Zürich-Nord"},
    };
    for (const auto& b : bodies) {
      Article article;
      article.id = b[0];
      article.title = b[1];
      article.date = b[2];
      article.body = b[3];
      article.source = "Tagesblatt Berlin";
      article.category = "Politik";
      writer.Add(article);
    }
    writer.Close();
  }
  ~TinyDatabase() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string Path() const { return dir_ + "/db"; }

 private:
  std::string dir_;
};

search::Searcher& TinySearcher() {
  static TinyDatabase database;  // destroyed at exit, after the searcher
  static search::Searcher searcher(database.Path());
  return searcher;
}

}  // namespace

int FuzzArticleParsers(const uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  formats::RepairNotes notes;
  auto plain = formats::ParsePlainTextArticle(input, "fuzz-default-id", &notes);
  if (plain) CheckArticle(plain.value());
  if (!plain) Check(!plain.error().reason.empty(), "plain text rejected without a reason");
  auto json = formats::ParseJsonArticle(input, &notes);
  if (json) CheckArticle(json.value());
  if (!json) Check(!json.error().empty(), "JSON rejected without a reason");
  return 0;
}

int FuzzQuery(const uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string normalized = search::NormalizeQueryText(input);
  Check(text::IsValidUtf8(normalized), "normalised query is not valid UTF-8");
  Check(!HasControlCharacter(normalized, /*newline_allowed=*/false),
        "normalised query has a control character");
  static analysis::Analyzer analyzer;
  search::MarkCompoundWords(search::DropStopwordOperands(normalized), analyzer,
                            [](std::string_view) { return true; });

  search::SearchRequest request;
  request.query = input;
  request.facets = {"source", "year"};
  auto response = TinySearcher().Search(request);
  if (!response) {
    Check(!response.error().empty(), "query failed without a message");
    return 0;
  }
  std::ostringstream text, json;
  render::RenderText(response.value(), render::TextStyle{false}, text);
  Check(text::IsValidUtf8(text.str()), "text output is not valid UTF-8");
  Check(!HasControlCharacter(text.str(), /*newline_allowed=*/true),
        "text output has a control character");
  render::RenderJson(response.value(), json);
  return 0;
}

int FuzzAnalyzer(const uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  static analysis::Analyzer analyzer;
  Xapian::termpos last_position = 0;
  for (const auto& term : analyzer.Analyze(input)) {
    Check(!term.term.empty(), "empty term");
    Check(term.start < term.end && term.end <= input.size(), "term offsets outside the text");
    Check(text::IsValidUtf8(input.substr(term.start, term.end - term.start)),
          "term offsets cut a code point");
    Check(term.position >= last_position, "positions go back");
    last_position = term.position;
  }
  return 0;
}

FuzzFunction FuzzTargetNamed(const std::string& name) {
  if (name == "article_parsers") return FuzzArticleParsers;
  if (name == "query") return FuzzQuery;
  if (name == "analyzer") return FuzzAnalyzer;
  return nullptr;
}

}  // namespace archivar::fuzz
