// End-to-end tests: run the real archivar-index and archivar-search
// binaries on temporary on-disk databases and check their output, exit
// status and the database they leave.
#include "process_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using archivar::testing::JsonLine;
using archivar::testing::ReadFileOrEmpty;
using archivar::testing::Run;
using archivar::testing::ShellQuote;
using archivar::testing::Workspace;
using archivar::testing::WriteFile;

// Five small articles whose expected matches are known by construction.
void WriteFixture(const Workspace& ws) {
  WriteFile(ws.Path("in/a.jsonl"),
            JsonLine("a1", "Neue Häuser am Stadtrand", "2019-05-02", "Tagesblatt Berlin",
                     "Lokales", "Am Stadtrand entstehen neue Häuser für junge Familien.") +
            JsonLine("a2", "Ein altes Haus wird saniert", "2021-03-15", "Nordkurier Agentur",
                     "Lokales", "Das Haus am Markt wird seit März saniert.") +
            JsonLine("a3", "Streitkräfte üben im Norden", "2022-03-20", "Nordkurier Agentur",
                     "Politik", "Die Streitkräften des Landes üben den Ernstfall.") +
            JsonLine("a4", "Wasserstoff für die Industrie", "2023-11-30", "Alpenpost",
                     "Wirtschaft", "Grüner Wasserstoff soll die Stahlwerke antreiben.") +
            JsonLine("a5", "Industrie und Wasser", "2015-07-01", "Alpenpost", "Wirtschaft",
                     "Wasserstoff ist teuer, sagt die grüne Fraktion."));
}

}  // namespace

TEST_CASE("Indexing the sample corpus twice leaves the same number of articles") {
  Workspace ws;
  Run first = ws.Index({ARCHIVAR_SOURCE_DIR "/corpus"});
  INFO(first.err);
  REQUIRE(first.status == 0);
  Xapian::doccount count = ws.DocCount();
  CHECK(count >= 40);
  CHECK(first.err.find(std::to_string(count) + " new") != std::string::npos);

  Run second = ws.Index({ARCHIVAR_SOURCE_DIR "/corpus"});
  REQUIRE(second.status == 0);
  CHECK(ws.DocCount() == count);
  // Nothing changed, so nothing is rewritten.
  CHECK(second.err.find("0 new, 0 replaced, " + std::to_string(count) + " unchanged") !=
        std::string::npos);
}

TEST_CASE("Searches return exactly the expected articles") {
  Workspace ws;
  WriteFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  using Ids = std::vector<std::string>;
  SECTION("an inflected, capitalised query finds its stem") {
    Ids found = ws.Ids({"Häuser"});
    std::sort(found.begin(), found.end());
    CHECK(found == Ids{"a1", "a2"});
    CHECK(ws.Ids({"STREITKRAFT"}) == Ids{"a3"});
  }
  SECTION("a phrase matches only adjacent words") {
    CHECK(ws.Ids({"\"grüner Wasserstoff\""}) == Ids{"a4"});
  }
  SECTION("title: searches titles only") {
    CHECK(ws.Ids({"title:Wasserstoff"}) == Ids{"a4"});
    CHECK(ws.Ids({"titel:Haus"}).size() == 2);
  }
  SECTION("source and category filters, in the query and as options") {
    CHECK(ws.Ids({"quelle:Alpenpost", "--sort", "oldest"}) == Ids{"a5", "a4"});
    CHECK(ws.Ids({"Haus", "--source", "Nordkurier Agentur"}) == Ids{"a2"});
    CHECK(ws.Ids({"ressort:Politik"}) == Ids{"a3"});
  }
  SECTION("date ranges in every accepted form") {
    CHECK(ws.Ids({"date:2021-01-01..2022-12-31", "--sort", "oldest"}) == Ids{"a2", "a3"});
    CHECK(ws.Ids({"datum:01.03.2022..31.03.2022"}) == Ids{"a3"});
    CHECK(ws.Ids({"date:2019..2019"}) == Ids{"a1"});
    CHECK(ws.Ids({"Wasserstoff", "--from", "2020", "--to", "2023-12-31"}) == Ids{"a4"});
  }
  SECTION("sorting by date") {
    CHECK(ws.Ids({"Haus OR Wasserstoff OR Streitkraft", "--sort", "newest"}) ==
          Ids{"a4", "a3", "a2", "a1", "a5"});
    CHECK(ws.Ids({"Haus OR Wasserstoff OR Streitkraft", "--sort", "oldest"}) ==
          Ids{"a5", "a1", "a2", "a3", "a4"});
  }
  SECTION("boolean operators and brackets") {
    CHECK(ws.Ids({"Wasserstoff AND NOT Stahlwerke"}) == Ids{"a5"});
    CHECK(ws.Ids({"(Haus OR Streitkraft) AND date:2022"}) == Ids{"a3"});
  }
  SECTION("offset and limit page through the results") {
    Ids all = ws.Ids({"Haus OR Wasserstoff", "--sort", "oldest"});
    REQUIRE(all.size() == 4);
    CHECK(ws.Ids({"Haus OR Wasserstoff", "--sort", "oldest", "--offset", "2"}) ==
          Ids{all[2], all[3]});
  }
}

TEST_CASE("Search output for people and for programs") {
  Workspace ws;
  WriteFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  Run text = ws.Search({"Häuser", "Stadtrand"});
  CHECK(text.status == 0);
  CHECK(text.out.find("1. Neue **Häuser** am **Stadtrand**") != std::string::npos);
  CHECK(text.out.find("2019-05-02 · Tagesblatt Berlin · Lokales · id a1") != std::string::npos);
  CHECK(text.out.find("\033[") == std::string::npos);  // NO_COLOR is set

  Run js = ws.Search({"Häuser", "Stadtrand", "--json"});
  auto doc = json::parse(js.out);
  CHECK(doc["query"] == "Häuser Stadtrand");
  CHECK(doc["total"] == 2);
  CHECK(doc["offset"] == 0);
  const auto& first = doc["results"][0];
  for (const char* field : {"rank", "id", "score", "title", "date", "source", "category",
                            "author", "snippet", "highlights"}) {
    INFO(field);
    CHECK(first.contains(field));
  }
  std::string snippet = first["snippet"];
  auto range = first["highlights"][0];
  CHECK(snippet.substr(range[0].get<std::size_t>(),
                       range[1].get<std::size_t>() - range[0].get<std::size_t>()) == "Stadtrand");

  // --no-snippets: the same hits, without snippets and highlighting.
  Run plain = ws.Search({"Häuser", "Stadtrand", "--no-snippets"});
  CHECK(plain.out.find("1. Neue Häuser am Stadtrand\n") != std::string::npos);
  CHECK(plain.out.find("**") == std::string::npos);
  auto listed = json::parse(ws.Search({"Häuser", "Stadtrand", "--json", "--no-snippets"}).out);
  CHECK(listed["results"][0]["id"] == first["id"]);
  CHECK(listed["results"][0]["snippet"] == "");
}

TEST_CASE("Facets count sources, sections and years over all matches") {
  Workspace ws;
  WriteFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);
  Run run = ws.Search({"Haus OR Wasserstoff OR Streitkraft", "--limit", "1", "--json",
                       "--facet", "source", "--facet", "category", "--facet", "year"});
  INFO(run.err);
  REQUIRE(run.status == 0);
  auto facets = json::parse(run.out)["facets"];
  CHECK(facets["source"] == json::parse(R"([{"value": "Alpenpost", "count": 2},
      {"value": "Nordkurier Agentur", "count": 2}, {"value": "Tagesblatt Berlin", "count": 1}])"));
  CHECK(facets["category"][0] == json::parse(R"({"value": "Lokales", "count": 2})"));
  CHECK(facets["year"].size() == 5);

  Run text = ws.Search({"Wasserstoff", "--facet", "year"});
  CHECK(text.out.find("year:\n  1\t2015\n  1\t2023\n") != std::string::npos);

  Run unknown = ws.Search({"Haus", "--facet", "colour"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown facet 'colour'") != std::string::npos);
}

TEST_CASE("Facets with --exact-facets count every match of a query that would be sampled") {
  // 10,500 articles hold both words, two in three as the phrase: the
  // phrase may match more than 10,000, so its facets are sampled by default.
  Workspace ws;
  std::string articles;
  std::map<std::string, int> phrase_per_year;
  for (int i = 0; i < 10'500; ++i) {
    bool phrase = i % 3 != 0;
    std::string year = std::to_string(2010 + i % 7);
    if (phrase) ++phrase_per_year[year];
    articles += JsonLine("n" + std::to_string(i), "Meldung " + std::to_string(i),
                         year + "-03-01", "Polizeimeldungen", "Lokales",
                         phrase ? "Die Polizei Berlin meldet einen Einsatz."
                                : "Berlin meldet, die Polizei war im Einsatz.");
  }
  WriteFile(ws.Path("in/n.jsonl"), articles);
  REQUIRE(ws.Index({"--quiet", ws.Path("in").string()}).status == 0);
  auto year_counts = [](const json& answer) {
    std::map<std::string, int> counts;
    for (const auto& value : answer.at("facets").at("year")) counts[value["value"]] = value["count"];
    return counts;
  };

  std::vector<std::string> phrase_by_year = {"\"Polizei Berlin\"", "--json", "--facet", "year"};
  Run sampled = ws.Search(phrase_by_year);
  REQUIRE(sampled.status == 0);
  CHECK(json::parse(sampled.out).at("facet_sample_step") > 1);

  phrase_by_year.push_back("--exact-facets");
  Run exact = ws.Search(phrase_by_year);
  INFO(exact.err);
  REQUIRE(exact.status == 0);
  json answer = json::parse(exact.out);
  CHECK(answer.at("facet_sample_step") == 1);
  CHECK(answer.at("total") == 7'000);
  CHECK(year_counts(answer) == phrase_per_year);

  Run batch = ws.Exec(archivar::testing::SearchProgram(), {"--db", ws.Db(), "--batch"},
                      R"({"query": "\"Polizei Berlin\"", "facets": ["year"], "exact_facets": true})"
                      "\n");
  REQUIRE(batch.status == 0);
  json line = json::parse(batch.out);
  CHECK(line.at("facet_sample_step") == 1);
  CHECK(year_counts(line) == phrase_per_year);
}

TEST_CASE("Exit statuses of archivar-search") {
  Workspace ws;
  WriteFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  CHECK(ws.Search({"Haus"}).status == 0);
  CHECK(ws.Search({"Zeppelin"}).status == 1);

  Run bad_date = ws.Search({"date:2020-13-01..2021"});
  CHECK(bad_date.status == 2);
  CHECK(bad_date.err.find("'2020-13-01' is not a date") != std::string::npos);

  Run syntax = ws.Search({"Haus AND"});
  CHECK(syntax.status == 0);
  CHECK(syntax.err.find("note:") != std::string::npos);

  Run stop_only = ws.Search({"NOT"});
  CHECK(stop_only.status == 2);
  CHECK(stop_only.err.find("no searchable words") != std::string::npos);

  Run missing = ws.Exec(ARCHIVAR_SEARCH_BIN, {"--db", ws.Path("nowhere").string(), "Haus"});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("no Archivar database at '" + ws.Path("nowhere").string() + "'") !=
        std::string::npos);
  CHECK(missing.err.find("archivar-index --db") != std::string::npos);
}

TEST_CASE("Broken records are reported with their line, skipped and counted") {
  Workspace ws;
  WriteFile(ws.Path("in/mixed.jsonl"),
            JsonLine("ok1", "Erster", "2020-01-01", "Q", "K", "Gültiger Text eins.") +
            "{\"id\": \"broken\", \"body\": \n" +
            JsonLine("bad-date", "Zweiter", "2020-02-30", "Q", "K", "Text.") +
            JsonLine("empty", "Dritter", "", "Q", "K", "") +
            "{\"id\": \"utf\", \"body\": \"ung\xFCltig\"}\n" +
            JsonLine("ok2", "Vierter", "", "Q", "K", "Gültiger Text zwei."));
  WriteFile(ws.Path("in/bad-header.txt"), "Titel: Kaputt\nDatum: gestern\n\nText.\n");

  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string file = ws.Path("in/mixed.jsonl").string();
  CHECK(run.err.find(file + ":2: invalid JSON") != std::string::npos);
  CHECK(run.err.find(file + ":3: unparseable date '2020-02-30'") != std::string::npos);
  CHECK(run.err.find(file + ":4: empty body") != std::string::npos);
  CHECK(run.err.find(file + ":5: invalid UTF-8") != std::string::npos);
  CHECK(run.err.find(ws.Path("in/bad-header.txt").string() + ":2: unparseable date") !=
        std::string::npos);
  CHECK(run.err.find("2 articles indexed (2 new, 0 replaced, 0 unchanged), 0 deleted, 5 rejected") !=
        std::string::npos);
  CHECK(ws.DocCount() == 2);
}

TEST_CASE("Exit statuses of archivar-index for fatal errors") {
  Workspace ws;
  WriteFixture(ws);
  SECTION("the database path is a file") {
    WriteFile(ws.Path("db"), "not a database");
    Run run = ws.Index({ws.Path("in").string()});
    CHECK(run.status == 2);
    CHECK(run.err.find("archivar-index: cannot write the database") != std::string::npos);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
  SECTION("another process holds the write lock") {
    Xapian::WritableDatabase holder(ws.Db(), Xapian::DB_CREATE_OR_OPEN);
    Run run = ws.Index({ws.Path("in").string()});
    CHECK(run.status == 2);
    CHECK(run.err.find("is locked by another process") != std::string::npos);
  }
  SECTION("no --db and no --dry-run") {
    Run run = ws.Exec(ARCHIVAR_INDEX_BIN, {ws.Path("in").string()});
    CHECK(run.status == 2);
    CHECK(run.err.find("--db DIR is required") != std::string::npos);
  }
}

TEST_CASE("Dry run prints articles as JSON and writes no database") {
  Workspace ws;
  WriteFile(ws.Path("agentur/meldung.txt"),
            "Der Rat tagte am Montag in Köln. Weitere Sitzungen folgen.\n"
            "Zweiter Absatz.\n"
            "dp/pcl\n");
  Run run = ws.Exec(ARCHIVAR_INDEX_BIN,
                    {"--dry-run", "--json", ws.Path("agentur").string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  auto article = json::parse(run.out);
  CHECK(article["id"] == "meldung");
  CHECK(article["title"] == "Der Rat tagte am Montag in Köln");
  CHECK(article["editor_code"] == "dp/pcl");
  CHECK_FALSE(fs::exists(ws.Path("db")));
}

TEST_CASE("JSON Lines are read from standard input with -") {
  Workspace ws;
  Run run = ws.Index({"-"}, JsonLine("s1", "Von der Standardeingabe", "", "Q", "K",
                                     "Dieser Artikel kam über stdin."));
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(ws.Ids({"Standardeingabe"}) == std::vector<std::string>{"s1"});
}

namespace {

// `count` small articles, ids "n0" … "n<count-1>".
void WriteManyArticles(const fs::path& path, int count) {
  std::string lines;
  for (int i = 0; i < count; ++i) {
    lines += JsonLine("n" + std::to_string(i), "Meldung " + std::to_string(i), "2020-01-01",
                      "Q", "K", "Die Feuerwehr löschte den Brand Nummer " + std::to_string(i) +
                      " in der Hauptstraße; verletzt wurde niemand.");
  }
  WriteFile(path, lines);
}

// True when every id n0 … n<count-1> is in the database exactly once.
bool HoldsEveryArticleOnce(const Workspace& ws, int count) {
  Xapian::Database db(ws.Db());
  if (db.get_doccount() != static_cast<Xapian::doccount>(count)) return false;
  for (int i = 0; i < count; ++i) {
    if (db.get_termfreq("Qn" + std::to_string(i)) != 1) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("Re-indexing skips unchanged articles, rewrites changed ones, deletes and prunes") {
  Workspace ws;
  WriteFile(ws.Path("in/a.jsonl"), JsonLine("a1", "Eins", "", "Q", "K", "Erster Text.") +
                                       JsonLine("a2", "Zwei", "", "Q", "K", "Zweiter Text."));
  WriteFile(ws.Path("in/b.txt"), "ID: b1\nTitel: Drei\n\nDritter Text.\n");
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  WriteFile(ws.Path("in/a.jsonl"), JsonLine("a1", "Eins", "", "Q", "K", "Erster Text.") +
                                       JsonLine("a2", "Zwei", "", "Q", "K", "Geänderter Text."));
  Run again = ws.Index({ws.Path("in").string()});
  CHECK(again.err.find("3 articles indexed (0 new, 1 replaced, 2 unchanged)") != std::string::npos);
  CHECK(ws.Ids({"geändert"}) == std::vector<std::string>{"a2"});

  Run deleted = ws.Index({"--delete", "a1", "nope"});
  CHECK(deleted.status == 1);
  CHECK(deleted.err.find("--delete nope: no article with this id") != std::string::npos);
  CHECK(deleted.err.find("1 deleted") != std::string::npos);
  CHECK(ws.DocCount() == 2);

  fs::remove(ws.Path("in/b.txt"));
  Run pruned = ws.Index({"--prune"});
  CHECK(pruned.status == 0);
  CHECK(pruned.err.find("1 deleted") != std::string::npos);
  CHECK(ws.Ids({"Text"}) == std::vector<std::string>{"a2"});
}

TEST_CASE("Ctrl-C stops the indexer cleanly and the next run finishes the job") {
  Workspace ws;
  const int kArticles = 20000;
  WriteManyArticles(ws.Path("many.jsonl"), kArticles);
  int status = ws.Shell(ShellQuote(ARCHIVAR_INDEX_BIN) + " --db " + ShellQuote(ws.Db()) +
                        " --batch 500 " + ShellQuote(ws.Path("many.jsonl").string()) + " 2>" +
                        ShellQuote(ws.Path("stderr").string()) + " & pid=$!\n"
                        "sleep 0.7\nkill -INT $pid\nwait $pid\n");
  std::string err = ReadFileOrEmpty(ws.Path("stderr"));
  INFO(err);
  if (status == 130) {  // stopped before the end, as intended
    CHECK(err.find("interrupted; the ") != std::string::npos);
    Xapian::doccount committed = ws.DocCount();  // opens: the database is sound
    CHECK(err.find("archivar-index: " + std::to_string(committed) + " articles indexed") !=
          std::string::npos);
  } else {
    CHECK(status == 0);  // the machine was fast enough to finish first
  }
  REQUIRE(ws.Index({ws.Path("many.jsonl").string()}).status == 0);
  CHECK(HoldsEveryArticleOnce(ws, kArticles));
}

TEST_CASE("Killing the indexer at random moments never loses or duplicates an article") {
  Workspace ws;
  const int kArticles = 12000;
  WriteManyArticles(ws.Path("many.jsonl"), kArticles);
  for (int delay_ms : {150, 400, 50, 900, 250}) {
    INFO("killed after " << delay_ms << " ms");
    ws.Shell(ShellQuote(ARCHIVAR_INDEX_BIN) + " --db " + ShellQuote(ws.Db()) +
             " --batch 300 -q " + ShellQuote(ws.Path("many.jsonl").string()) +
             " & pid=$!\nsleep " + std::to_string(delay_ms / 1000.0) +
             "\nkill -KILL $pid\nwait $pid\n");
    if (fs::exists(ws.Path("db"))) {
      Xapian::Database db(ws.Db());  // opens after every kill
      CHECK(db.get_doccount() <= static_cast<Xapian::doccount>(kArticles));
    }
  }
  REQUIRE(ws.Index({ws.Path("many.jsonl").string()}).status == 0);
  CHECK(HoldsEveryArticleOnce(ws, kArticles));
}

TEST_CASE("A bulk build on several threads finds what a build on one thread finds") {
  Workspace ws;
  const int kArticles = 3000;
  WriteManyArticles(ws.Path("many.jsonl"), kArticles);
  // The same id twice: the later version must win in both modes.
  WriteFile(ws.Path("update.jsonl").string(),
            JsonLine("n7", "Berichtigung", "2020-01-02", "Q", "K",
                     "Die Feuerwehr meldet einen Großbrand in Pankow."));
  Run parallel = ws.Index({"--threads", "4", ws.Path("many.jsonl").string(),
                           ws.Path("update.jsonl").string()});
  INFO(parallel.err);
  REQUIRE(parallel.status == 0);
  CHECK(parallel.err.find("merged 2 run databases and compacted") != std::string::npos);
  CHECK(parallel.err.find(std::to_string(kArticles + 1) + " articles indexed (" +
                          std::to_string(kArticles) + " new, 1 replaced") != std::string::npos);
  CHECK(HoldsEveryArticleOnce(ws, kArticles));
  std::vector<std::string> found = ws.Ids({"Großbrand"});
  std::vector<std::string> brand = ws.Ids({"Brand", "Nummer", "17"});

  Workspace single;  // one writer, straight into the database
  REQUIRE(single.Index({"--threads", "1", "--no-compact", ws.Path("many.jsonl").string(),
                        ws.Path("update.jsonl").string()}).status == 0);
  CHECK(single.Ids({"Großbrand"}) == found);
  CHECK(found == std::vector<std::string>{"n7"});
  // Equal scores are ordered by document number, which differs; the best
  // match and the number of matches do not.
  std::vector<std::string> single_brand = single.Ids({"Brand", "Nummer", "17"});
  REQUIRE_FALSE(brand.empty());
  CHECK(brand.front() == "n17");
  CHECK(single_brand.front() == "n17");
  CHECK(single_brand.size() == brand.size());
  for (const char* dir : {"db.archivar-shard-0-0", "db.archivar-shard-1-0",
                          "db.archivar-compacting"}) {
    CHECK_FALSE(fs::exists(ws.Path(dir)));
  }
}

TEST_CASE("The next run merges the shards of a bulk build killed before its merge") {
  Workspace ws;
  WriteManyArticles(ws.Path("many.jsonl"), 400);
  // What a killed bulk build leaves: an empty database and committed shards.
  REQUIRE(ws.Exec(ARCHIVAR_INDEX_BIN, {"--db", ws.Path("db.archivar-shard-0").string(),
                                       "--threads", "1", "--no-compact",
                                       ws.Path("many.jsonl").string()}).status == 0);
  Xapian::WritableDatabase(ws.Db(), Xapian::DB_CREATE_OR_OPEN).close();
  REQUIRE(ws.DocCount() == 0);

  Run resumed = ws.Index({ws.Path("many.jsonl").string()});
  INFO(resumed.err);
  CHECK(resumed.status == 0);
  CHECK(resumed.err.find("merging 1 run database of an interrupted bulk build") !=
        std::string::npos);
  CHECK(resumed.err.find("400 articles indexed (0 new, 0 replaced, 400 unchanged)") !=
        std::string::npos);
  CHECK(HoldsEveryArticleOnce(ws, 400));
  CHECK_FALSE(fs::exists(ws.Path("db.archivar-shard-0")));
}

TEST_CASE("Searches running while the indexer commits never fail") {
  Workspace ws;
  const int kArticles = 30000;
  WriteManyArticles(ws.Path("many.jsonl"), kArticles);
  // Readers search in a loop while the indexer commits every 200 articles;
  // a search may find nothing yet (status 1) but must never fail (status 2).
  std::string search = ShellQuote(ARCHIVAR_SEARCH_BIN) + " --db " + ShellQuote(ws.Db()) +
                       " --json --limit 5 Feuerwehr Brand >/dev/null 2>>" +
                       ShellQuote(ws.Path("search-errors").string());
  int status = ws.Shell(ShellQuote(ARCHIVAR_INDEX_BIN) + " --db " + ShellQuote(ws.Db()) +
                        " --batch 200 -q " + ShellQuote(ws.Path("many.jsonl").string()) +
                        " & pid=$!\n"
                        "until [ -e " + ShellQuote(ws.Path("db/iamglass").string()) +
                        " ]; do sleep 0.01; done\n"
                        "failed=0; searches=0\n"
                        "while kill -0 $pid 2>/dev/null; do\n"
                        "  " + search + "; [ $? -ge 2 ] && failed=$((failed+1))\n"
                        "  searches=$((searches+1))\n"
                        "done\n"
                        "wait $pid || exit 99\n"
                        "echo $searches > " + ShellQuote(ws.Path("searches").string()) + "\n"
                        "exit $failed\n");
  INFO(ReadFileOrEmpty(ws.Path("search-errors")));
  INFO("searches: " << ReadFileOrEmpty(ws.Path("searches")));
  CHECK(status == 0);
  CHECK(std::stoi(ReadFileOrEmpty(ws.Path("searches"))) > 0);
  CHECK(HoldsEveryArticleOnce(ws, kArticles));
}
