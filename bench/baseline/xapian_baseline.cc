// xapian-baseline: a plain Xapian search engine built the textbook way, the
// yardstick the relevance benchmark (bench/relevance/) compares Archivar to.
//
// Everything is Xapian's default except the language: a TermGenerator with
// Xapian::Stem("german") (default strategy STEM_SOME) indexes title and body
// text, each article is stored under its unique term Q<id> with
// replace_document, and a QueryParser with the same stemmer, the default
// strategy and the default flags parses queries, ranked by BM25 with
// default parameters. No stop words, no field prefixes, no Archivar code.
//
//   xapian-baseline index DB FILE.jsonl[.gz]...   build or update DB
//   xapian-baseline search DB [--limit N] QUERY   print the ids found, best first
//   xapian-baseline batch DB [--limit N]          JSON Lines in, JSON Lines out:
//       stdin  {"qid": "...", "query": "..."} per line
//       stdout {"qid": "...", "ids": [...]} per line (plus "error" if the
//              query could not be parsed)
//
// Input records are JSON Lines as the shared corpora have them: "id",
// "title", "body" (other fields are ignored). Exit status: 0 ok, 1 some
// input records were skipped, 2 fatal (Xapian error, unreadable file).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;

constexpr int kExitOk = 0;
constexpr int kExitSkippedRecords = 1;
constexpr int kExitFatal = 2;

// ---------------------------------------------------------------- input

// Reads lines from a plain or gzip-compressed file (zlib reads both).
class LineReader {
 public:
  explicit LineReader(const std::string& path) : file_(gzopen(path.c_str(), "rb")) {
    if (file_ == nullptr) throw std::runtime_error("cannot open " + path);
  }
  ~LineReader() { gzclose(file_); }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Stores the next line without its '\n' in *line; false at end of file.
  bool Next(std::string* line) {
    line->clear();
    char chunk[1 << 16];
    while (gzgets(file_, chunk, sizeof chunk) != nullptr) {
      line->append(chunk);
      if (!line->empty() && line->back() == '\n') {
        line->pop_back();
        return true;
      }
    }
    return !line->empty();
  }

 private:
  gzFile file_;
};

struct Article {
  std::string id;
  std::string title;
  std::string body;
};

std::string StringField(const json& record, const char* name) {
  auto it = record.find(name);
  if (it == record.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// Returns the article in one JSON line, or nothing if the line is not a
// JSON object with a non-empty id.
std::optional<Article> ParseArticle(const std::string& line) {
  json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) return std::nullopt;
  Article article{StringField(record, "id"), StringField(record, "title"),
                  StringField(record, "body")};
  if (article.id.empty()) return std::nullopt;
  return article;
}

// ---------------------------------------------------------------- index

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> files;
};

Xapian::Document MakeDocument(const Article& article, Xapian::TermGenerator& generator) {
  Xapian::Document document;
  generator.set_document(document);
  generator.index_text(article.title);
  generator.increase_termpos();  // no phrase matches across title and body
  generator.index_text(article.body);
  document.set_data(article.id);
  document.add_boolean_term("Q" + article.id);
  return document;
}

// Indexes every record of one file; returns how many lines were skipped.
int IndexFile(const std::string& path, Xapian::WritableDatabase& db,
              Xapian::TermGenerator& generator, long* indexed) {
  LineReader reader(path);
  std::string line;
  int skipped = 0;
  for (long line_number = 1; reader.Next(&line); ++line_number) {
    if (line.empty()) continue;
    std::optional<Article> article = ParseArticle(line);
    if (!article) {
      std::cerr << path << ":" << line_number << ": not a JSON object with an id\n";
      ++skipped;
      continue;
    }
    db.replace_document("Q" + article->id, MakeDocument(*article, generator));
    ++*indexed;
  }
  return skipped;
}

int RunIndex(const IndexOptions& options) {
  auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("german"));
  long indexed = 0;
  int skipped = 0;
  for (const std::string& path : options.files) {
    skipped += IndexFile(path, db, generator, &indexed);
  }
  db.commit();
  std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::cerr << "xapian-baseline: " << indexed << " articles indexed, " << skipped
            << " skipped, " << seconds.count() << " s\n";
  return skipped == 0 ? kExitOk : kExitSkippedRecords;
}

// ---------------------------------------------------------------- search

struct SearchOptions {
  std::string db_path;
  Xapian::doccount limit = 100;
  std::vector<std::string> query_words;  // `search` only; joined by spaces
  bool json = false;                     // `search` only
};

// One database, one parser, one Enquire, reused for every query of a batch.
class Searcher {
 public:
  explicit Searcher(const std::string& db_path) : db_(db_path), enquire_(db_) {
    parser_.set_stemmer(Xapian::Stem("german"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);  // the default
    parser_.set_database(db_);
  }

  // Returns the ids of the best `limit` articles; throws
  // Xapian::QueryParserError if the query cannot be parsed.
  std::vector<std::string> Search(const std::string& query_text, Xapian::doccount limit) {
    enquire_.set_query(parser_.parse_query(query_text));  // default flags
    Xapian::MSet matches = enquire_.get_mset(0, limit);
    std::vector<std::string> ids;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      ids.push_back(it.get_document().get_data());
    }
    return ids;
  }

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
};

std::string JoinWords(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

int RunSearch(const SearchOptions& options) {
  Searcher searcher(options.db_path);
  std::string query_text = JoinWords(options.query_words);
  std::vector<std::string> ids = searcher.Search(query_text, options.limit);
  if (options.json) {
    std::cout << json{{"query", query_text}, {"ids", ids}}.dump() << "\n";
  } else {
    for (const std::string& id : ids) std::cout << id << "\n";
  }
  return kExitOk;
}

json AnswerQuery(Searcher& searcher, const json& request, Xapian::doccount limit) {
  json answer{{"qid", request.value("qid", json())}, {"ids", json::array()}};
  try {
    answer["ids"] = searcher.Search(request.value("query", ""), limit);
  } catch (const Xapian::QueryParserError& e) {
    answer["error"] = e.get_description();
  }
  return answer;
}

int RunBatch(const SearchOptions& options) {
  Searcher searcher(options.db_path);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    json request = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!request.is_object()) {
      std::cerr << "xapian-baseline: skipping a line that is not a JSON object\n";
      continue;
    }
    std::cout << AnswerQuery(searcher, request, options.limit).dump() << "\n";
  }
  return kExitOk;
}

// ---------------------------------------------------------------- flags

void BindIndexFlags(CLI::App& command, IndexOptions& options) {
  command.add_option("db", options.db_path, "Database directory (created if missing)")
      ->required();
  command.add_option("files", options.files, "JSON Lines files (.jsonl or .jsonl.gz)")
      ->required();
}

void BindSearchFlags(CLI::App& command, SearchOptions& options, bool takes_query) {
  command.add_option("db", options.db_path, "Database directory")->required();
  command.add_option("-n,--limit", options.limit, "Results per query")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  if (!takes_query) return;
  command.add_option("query", options.query_words, "Query text")->required();
  command.add_flag("--json", options.json, "One JSON object {query, ids}");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Plain Xapian baseline for the Archivar relevance benchmark."};
  cli.require_subcommand(1);
  IndexOptions index_options;
  SearchOptions search_options;
  SearchOptions batch_options;
  CLI::App* index = cli.add_subcommand("index", "Index JSON Lines articles");
  CLI::App* search = cli.add_subcommand("search", "Search and print ids");
  CLI::App* batch = cli.add_subcommand("batch", "Answer JSON Lines queries from stdin");
  BindIndexFlags(*index, index_options);
  BindSearchFlags(*search, search_options, /*takes_query=*/true);
  BindSearchFlags(*batch, batch_options, /*takes_query=*/false);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? kExitOk : kExitFatal;
  }
  try {
    if (*index) return RunIndex(index_options);
    if (*search) return RunSearch(search_options);
    return RunBatch(batch_options);
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian-baseline: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "xapian-baseline: " << e.what() << "\n";
  }
  return kExitFatal;
}
