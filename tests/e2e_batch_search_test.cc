// `archivar-search --batch`: request lines parsed into SearchRequests
// (ParseBatchRequest), and the real program answering many JSON requests
// from standard input on a temporary on-disk database.
#include "app/batch_search.h"
#include "process_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using archivar::app::ParseBatchRequest;
using archivar::search::SearchRequest;
using archivar::search::SortOrder;
using archivar::testing::JsonLine;
using archivar::testing::Run;
using archivar::testing::Workspace;
using archivar::testing::WriteFile;

// Answer lines of a run, parsed.
std::vector<json> Answers(const Run& run) {
  std::vector<json> answers;
  std::size_t start = 0;
  while (start < run.out.size()) {
    std::size_t end = run.out.find('\n', start);
    if (end == std::string::npos) end = run.out.size();
    answers.push_back(json::parse(run.out.substr(start, end - start)));
    start = end + 1;
  }
  return answers;
}

std::vector<std::string> ResultIds(const json& answer) {
  std::vector<std::string> ids;
  for (const auto& result : answer.at("results")) ids.push_back(result.at("id"));
  return ids;
}

void WriteFixture(const Workspace& ws) {
  WriteFile(ws.Path("in/a.jsonl"),
            JsonLine("a1", "Neue Häuser am Stadtrand", "2019-05-02", "Tagesblatt Berlin",
                     "Lokales", "Am Stadtrand entstehen neue Häuser für junge Familien.") +
            JsonLine("a2", "Ein altes Haus wird saniert", "2021-03-15", "Nordkurier Agentur",
                     "Lokales", "Das Haus am Markt wird seit März saniert.") +
            JsonLine("a3", "Wasserstoff für die Industrie", "2023-11-30", "Alpenpost",
                     "Wirtschaft", "Grüner Wasserstoff soll die Stahlwerke antreiben.") +
            JsonLine("a4", "Kanzler besucht Werk", "2022-06-01", "Alpenpost", "Wirtschaft",
                     "Bundeskanzler Olaf Scholz besuchte am Montag das Stahlwerk. "
                     "Scholz sprach von Wasserstoff."));
}

}  // namespace

TEST_CASE("A batch request line sets the SearchRequest fields it names") {
  SearchRequest defaults;
  defaults.limit = 20;
  defaults.filters.sources = {"Alpenpost"};
  auto request = ParseBatchRequest(
      R"({"qid": 7, "query": "Haus", "person": "Olaf Scholz", "from": "2019", "to": "2021-06",)"
      R"( "category": ["Lokales", "Politik"], "facets": ["year", "source"], "offset": 10,)"
      R"( "sort": "newest", "facet_limit": 3, "snippets": false, "exact_facets": true})",
      defaults);
  REQUIRE(request);
  const SearchRequest& r = request.value();
  CHECK(r.query == "Haus");
  CHECK(r.filters.persons == std::vector<std::string>{"Olaf Scholz"});
  CHECK(r.filters.from == "2019");
  CHECK(r.filters.to == "2021-06");
  CHECK(r.filters.categories == std::vector<std::string>{"Lokales", "Politik"});
  CHECK(r.facets == std::vector<std::string>{"year", "source"});
  CHECK(r.offset == 10);
  CHECK(r.sort == SortOrder::kNewest);
  CHECK(r.facet_limit == 3);
  CHECK_FALSE(r.snippets);
  CHECK(r.exact_facet_matches == archivar::search::kCountEveryMatch);
  SearchRequest exact_defaults;
  exact_defaults.exact_facet_matches = archivar::search::kCountEveryMatch;
  auto sampled = ParseBatchRequest(R"({"exact_facets": false})", exact_defaults);
  REQUIRE(sampled);
  CHECK(sampled.value().exact_facet_matches == SearchRequest().exact_facet_matches);
  // Fields the line does not name keep the command line's values.
  CHECK(r.limit == 20);
  CHECK(r.filters.sources == std::vector<std::string>{"Alpenpost"});
}

TEST_CASE("A batch request line that cannot be used says why") {
  SearchRequest defaults;
  CHECK(ParseBatchRequest("Haus", defaults).error() == "not a JSON object");
  CHECK(ParseBatchRequest("[1]", defaults).error() == "not a JSON object");
  CHECK(ParseBatchRequest(R"({"query": 5})", defaults).error() == "\"query\" must be a string");
  CHECK(ParseBatchRequest(R"({"query": "x", "peson": "y"})", defaults).error() ==
        "unknown field \"peson\"");
  CHECK(ParseBatchRequest(R"({"limit": -1})", defaults).error() ==
        "\"limit\" must be a whole number >= 0");
  CHECK(ParseBatchRequest(R"({"facets": [1]})", defaults).error() ==
        "\"facets\" must hold only strings");
  CHECK(ParseBatchRequest(R"({"snippets": "no"})", defaults).error() ==
        "\"snippets\" must be true or false");
  CHECK(ParseBatchRequest(R"({"exact_facets": 1})", defaults).error() ==
        "\"exact_facets\" must be true or false");
  CHECK(ParseBatchRequest(R"({"sort": "best"})", defaults).error() ==
        "\"sort\" must be relevance, newest or oldest");
}

TEST_CASE("archivar-search --batch answers every request line with one JSON line") {
  Workspace ws;
  WriteFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  std::string requests =
      R"({"qid": "q1", "query": "Häuser"})" "\n"
      "\n"  // blank lines are skipped
      R"({"qid": 2, "query": "Wasserstoff", "facets": ["year"]})" "\n"
      R"({"query": "Wasserstoff", "person": "Olaf Scholz"})" "\n"
      R"({"qid": "bad", "query": "Haus", "from": "gestern"})" "\n"
      "kein JSON\n"
      R"({"qid": "last", "query": "", "source": "Alpenpost", "sort": "oldest"})" "\n";
  Run run = ws.Exec(archivar::testing::SearchProgram(),
                    {"--db", ws.Db(), "--batch", "--limit", "5"}, requests);
  INFO(run.err);
  CHECK(run.status == 1);  // two lines could not be run
  std::vector<json> answers = Answers(run);
  REQUIRE(answers.size() == 6);

  CHECK(answers[0].at("qid") == "q1");
  auto houses = ResultIds(answers[0]);
  std::sort(houses.begin(), houses.end());
  CHECK(houses == std::vector<std::string>{"a1", "a2"});
  CHECK(answers[0].at("took_ms").is_number());
  CHECK(answers[0].at("took_ms").get<double>() >= 0);
  CHECK(answers[0].at("results")[0].contains("snippet"));  // the --json shape

  CHECK(answers[1].at("qid") == 2);
  CHECK(answers[1].at("total") == 2);
  CHECK(answers[1].at("facets").at("year").size() == 2);

  CHECK_FALSE(answers[2].contains("qid"));
  CHECK(ResultIds(answers[2]) == std::vector<std::string>{"a4"});

  CHECK(answers[3].at("qid") == "bad");
  CHECK(answers[3].at("error").get<std::string>().find("gestern") != std::string::npos);
  CHECK_FALSE(answers[3].contains("results"));

  CHECK(answers[4].at("error") == "not a JSON object");

  CHECK(answers[5].at("qid") == "last");
  CHECK(ResultIds(answers[5]) == std::vector<std::string>{"a4", "a3"});

  // The messages name the lines (counting blank ones).
  CHECK(run.err.find("line 5:") != std::string::npos);
  CHECK(run.err.find("line 6: not a JSON object") != std::string::npos);
}

TEST_CASE("archivar-search --batch exits 0 when every request was run, even without results") {
  Workspace ws;
  WriteFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);
  Run run = ws.Exec(archivar::testing::SearchProgram(), {"--db", ws.Db(), "--batch"},
                    R"({"query": "Haus"})" "\n" R"({"query": "Zeppelin"})" "\n");
  INFO(run.err);
  CHECK(run.status == 0);
  std::vector<json> answers = Answers(run);
  REQUIRE(answers.size() == 2);
  CHECK(answers[1].at("total") == 0);
  CHECK(answers[1].at("results").empty());
}

TEST_CASE("archivar-search --batch sees articles committed while it runs") {
  Workspace ws;
  WriteFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);
  WriteFile(ws.Path("more/b.jsonl"),
            JsonLine("b1", "Zeppelin landet", "2024-01-02", "Alpenpost", "Lokales",
                     "Ein Zeppelin landete auf dem Stadtrand-Flugfeld."));
  // One request; once it is answered (the searcher has the database open),
  // a second index run, a pause longer than the reopen interval, and the
  // same request again.
  using archivar::testing::ShellQuote;
  std::string answers_path = ShellQuote(ws.Path("answers").string());
  std::string script =
      "set -e; { echo '{\"query\": \"Zeppelin\"}'; "
      "until [ -s " + answers_path + " ]; do sleep 0.05; done; " +
      ShellQuote(archivar::testing::IndexProgram()) + " --db " + ShellQuote(ws.Db()) + " " +
      ShellQuote(ws.Path("more").string()) + " 2>/dev/null; sleep 1.2; "
      "echo '{\"query\": \"Zeppelin\"}'; } | " +
      ShellQuote(archivar::testing::SearchProgram()) + " --db " + ShellQuote(ws.Db()) +
      " --batch > " + answers_path;
  REQUIRE(ws.Shell(script) == 0);
  Run answers_run;
  answers_run.out = archivar::testing::ReadFileOrEmpty(ws.Path("answers"));
  while (!answers_run.out.empty() && answers_run.out.back() == '\n') answers_run.out.pop_back();
  std::vector<json> answers = Answers(answers_run);
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].at("total") == 0);
  CHECK(ResultIds(answers[1]) == std::vector<std::string>{"b1"});
}
