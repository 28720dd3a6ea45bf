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
// Options turn it into the full textbook recipe of the scale benchmark
// (bench/scale/, issue 6): --stop-words adds a Xapian::SimpleStopper with
// the German stop list below to the TermGenerator (default strategy
// STOP_STEMMED) and to the QueryParser; --commit-every 10000 commits in
// batches; --store-text keeps the article's fields (id, title, date, source,
// category, body as a JSON object, as Archivar stores them) as document data
// so database sizes compare fairly. Without options the index and the
// results are exactly those the relevance benchmark measures.
//
//   xapian-baseline index DB [--stop-words] [--commit-every N] [--store-text]
//                   FILE.jsonl[.gz]...            build or update DB
//   xapian-baseline search DB [--limit N] [--stop-words] QUERY
//                                                 print the ids found, best first
//   xapian-baseline batch DB [--limit N] [--stop-words] [--show]
//                                                 JSON Lines in, JSON Lines out:
//       stdin  {"qid": "...", "query": "..."} per line
//       stdout {"qid": "...", "ids": [...], "took_us": N} per line (plus
//              "error" if the query could not be parsed); took_us is the
//              time spent parsing the query, matching and reading the ids
//              of the results, in microseconds, inside the process
//
// Input records are JSON Lines as the shared corpora have them: "id",
// "title", "body" (with --store-text also "date", "source", "category";
// other fields are ignored). Exit status: 0 ok, 1 some input records were
// skipped, 2 fatal (Xapian error, unreadable file).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <memory>
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
  std::string date;
  std::string source;
  std::string category;
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
  Article article{StringField(record, "id"),     StringField(record, "title"),
                  StringField(record, "body"),   StringField(record, "date"),
                  StringField(record, "source"), StringField(record, "category")};
  if (article.id.empty()) return std::nullopt;
  return article;
}

// ---------------------------------------------------------------- stop words

// The Snowball project's German stop list (snowballstem.org,
// algorithms/german/stop.txt), the list a textbook German setup uses.
// Written out here so the baseline shares nothing with Archivar.
constexpr const char* kGermanStopWords[] = {
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an",
    "ander", "andere", "anderem", "anderen", "anderer", "anderes", "anderm", "andern",
    "anderr", "anders", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit",
    "dann", "der", "den", "des", "dem", "die", "das", "daß", "dass", "derselbe",
    "derselben", "denselben", "desselben", "demselben", "dieselbe", "dieselben",
    "dasselbe", "dazu", "dein", "deine", "deinem", "deinen", "deiner", "deines", "denn",
    "derer", "dessen", "dich", "dir", "du", "dies", "diese", "diesem", "diesen",
    "dieser", "dieses", "doch", "dort", "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "einig", "einige", "einigem", "einigen", "einiger", "einiges",
    "einmal", "er", "ihn", "ihm", "es", "etwas", "euer", "eure", "eurem", "euren",
    "eurer", "eures", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte",
    "hatten", "hier", "hin", "hinter", "ich", "mich", "mir", "ihr", "ihre", "ihrem",
    "ihren", "ihrer", "ihres", "euch", "im", "in", "indem", "ins", "ist", "jede",
    "jedem", "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener", "jenes",
    "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "keines", "können",
    "könnte", "machen", "man", "manche", "manchem", "manchen", "mancher", "manches",
    "mein", "meine", "meinem", "meinen", "meiner", "meines", "mit", "muss", "musste",
    "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr",
    "sein", "seine", "seinem", "seinen", "seiner", "seines", "selbst", "sich", "sie",
    "ihnen", "sind", "so", "solche", "solchem", "solchen", "solcher", "solches", "soll",
    "sollte", "sondern", "sonst", "über", "um", "und", "uns", "unsere", "unserem",
    "unseren", "unser", "unseres", "unter", "viel", "vom", "von", "vor", "während",
    "war", "waren", "warst", "was", "weg", "weil", "weiter", "welche", "welchem",
    "welchen", "welcher", "welches", "wenn", "werde", "werden", "wie", "wieder", "will",
    "wir", "wird", "wirst", "wo", "wollen", "wollte", "würde", "würden", "zu", "zum",
    "zur", "zwar", "zwischen",
};

// A stopper for the TermGenerator and the QueryParser (both keep a
// reference-counted pointer to it).
Xapian::Stopper* NewGermanStopper() {
  return (new Xapian::SimpleStopper(std::begin(kGermanStopWords), std::end(kGermanStopWords)))
      ->release();
}

// ---------------------------------------------------------------- index

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> files;
  bool stop_words = false;         // SimpleStopper with kGermanStopWords
  Xapian::doccount commit_every = 0;  // 0: one commit at the end
  bool store_text = false;         // document data: the article's fields, not just its id
};

// The article's displayable fields as a JSON object (non-empty ones only),
// the way Archivar stores them.
std::string StoredText(const Article& article) {
  json data = json::object();
  const std::pair<const char*, const std::string*> fields[] = {
      {"id", &article.id},         {"title", &article.title},
      {"date", &article.date},     {"source", &article.source},
      {"category", &article.category}, {"body", &article.body}};
  for (const auto& [name, value] : fields) {
    if (!value->empty()) data[name] = *value;
  }
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

Xapian::Document MakeDocument(const Article& article, Xapian::TermGenerator& generator,
                              bool store_text) {
  Xapian::Document document;
  generator.set_document(document);
  generator.index_text(article.title);
  generator.increase_termpos();  // no phrase matches across title and body
  generator.index_text(article.body);
  document.set_data(store_text ? StoredText(article) : article.id);
  document.add_boolean_term("Q" + article.id);
  return document;
}

// Indexes every record of one file; returns how many lines were skipped.
int IndexFile(const std::string& path, const IndexOptions& options,
              Xapian::WritableDatabase& db, Xapian::TermGenerator& generator, long* indexed) {
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
    db.replace_document("Q" + article->id,
                        MakeDocument(*article, generator, options.store_text));
    ++*indexed;
    if (options.commit_every > 0 && *indexed % options.commit_every == 0) db.commit();
  }
  return skipped;
}

int RunIndex(const IndexOptions& options) {
  auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("german"));
  if (options.stop_words) generator.set_stopper(NewGermanStopper());
  long indexed = 0;
  int skipped = 0;
  for (const std::string& path : options.files) {
    skipped += IndexFile(path, options, db, generator, &indexed);
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
  bool stop_words = false;               // SimpleStopper with kGermanStopWords
  bool show = false;  // a results page: title and Xapian's snippet of each hit
};

// The article id in document data: the data itself, or its "id" field
// when the index stores the article text (index --store-text).
std::string IdFromData(const std::string& data) {
  if (data.empty() || data.front() != '{') return data;
  json stored = json::parse(data, nullptr, /*allow_exceptions=*/false);
  return stored.is_object() ? stored.value("id", "") : "";
}

// One hit as a results page shows it (batch --show): the stored title and
// the passage Xapian's MSet::snippet() picks from the stored body, with
// the query's words highlighted.
struct Shown {
  std::string id;
  std::string title;
  std::string snippet;
};

// One database, one parser, one Enquire, reused for every query of a batch.
class Searcher {
 public:
  Searcher(const std::string& db_path, bool stop_words)
      : db_(db_path), enquire_(db_), stemmer_("german") {
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);  // the default
    if (stop_words) parser_.set_stopper(NewGermanStopper());
    parser_.set_database(db_);
  }

  // Returns the ids of the best `limit` articles; throws
  // Xapian::QueryParserError if the query cannot be parsed.
  std::vector<std::string> Search(const std::string& query_text, Xapian::doccount limit) {
    enquire_.set_query(parser_.parse_query(query_text));  // default flags
    Xapian::MSet matches = enquire_.get_mset(0, limit);
    std::vector<std::string> ids;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      ids.push_back(IdFromData(it.get_document().get_data()));
    }
    return ids;
  }

  // The best `limit` articles as a results page shows them (needs an index
  // built with --store-text): the textbook MSet::snippet() over the body.
  std::vector<Shown> Show(const std::string& query_text, Xapian::doccount limit) {
    enquire_.set_query(parser_.parse_query(query_text));
    Xapian::MSet matches = enquire_.get_mset(0, limit);
    std::vector<Shown> shown;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      json stored = json::parse(it.get_document().get_data(), nullptr,
                                /*allow_exceptions=*/false);
      if (!stored.is_object()) stored = json::object();
      shown.push_back({stored.value("id", ""), stored.value("title", ""),
                       matches.snippet(stored.value("body", ""), 200, stemmer_)});
    }
    return shown;
  }

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::Stem stemmer_;
  Xapian::QueryParser parser_;
};

std::string JoinWords(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

int RunSearch(const SearchOptions& options) {
  Searcher searcher(options.db_path, options.stop_words);
  std::string query_text = JoinWords(options.query_words);
  std::vector<std::string> ids = searcher.Search(query_text, options.limit);
  if (options.json) {
    std::cout << json{{"query", query_text}, {"ids", ids}}.dump() << "\n";
  } else {
    for (const std::string& id : ids) std::cout << id << "\n";
  }
  return kExitOk;
}

json AnswerQuery(Searcher& searcher, const json& request, const SearchOptions& options) {
  json answer{{"qid", request.value("qid", json())}, {"ids", json::array()}};
  std::string query_text = request.value("query", "");
  auto start = std::chrono::steady_clock::now();
  try {
    if (options.show) {
      json hits = json::array();
      for (const Shown& hit : searcher.Show(query_text, options.limit)) {
        answer["ids"].push_back(hit.id);
        hits.push_back({{"id", hit.id}, {"title", hit.title}, {"snippet", hit.snippet}});
      }
      answer["hits"] = hits;
    } else {
      answer["ids"] = searcher.Search(query_text, options.limit);
    }
  } catch (const Xapian::QueryParserError& e) {
    answer["error"] = e.get_description();
  }
  std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  answer["took_us"] = static_cast<long>(took.count() + 0.5);
  return answer;
}

int RunBatch(const SearchOptions& options) {
  Searcher searcher(options.db_path, options.stop_words);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    json request = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!request.is_object()) {
      std::cerr << "xapian-baseline: skipping a line that is not a JSON object\n";
      continue;
    }
    std::cout << AnswerQuery(searcher, request, options).dump(
                     -1, ' ', false, json::error_handler_t::replace)
              << "\n";
  }
  return kExitOk;
}

// ---------------------------------------------------------------- flags

void BindIndexFlags(CLI::App& command, IndexOptions& options) {
  command.add_option("db", options.db_path, "Database directory (created if missing)")
      ->required();
  command.add_option("files", options.files, "JSON Lines files (.jsonl or .jsonl.gz)")
      ->required();
  command.add_flag("--stop-words", options.stop_words,
                   "Leave German stop words unstemmed (SimpleStopper, STOP_STEMMED)");
  command.add_option("--commit-every", options.commit_every,
                     "Commit after every N articles (0: once at the end)")
      ->capture_default_str();
  command.add_flag("--store-text", options.store_text,
                   "Store id, title, date, source, category and body as document data");
}

void BindSearchFlags(CLI::App& command, SearchOptions& options, bool takes_query) {
  command.add_option("db", options.db_path, "Database directory")->required();
  command.add_option("-n,--limit", options.limit, "Results per query")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_flag("--stop-words", options.stop_words,
                   "Drop German stop words from queries (use with an index built so)");
  if (!takes_query) {
    command.add_flag("--show", options.show,
                     "A results page: stored title and MSet::snippet() of each hit "
                     "(index built with --store-text)");
    return;
  }
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
