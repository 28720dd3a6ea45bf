// render/renderers.h: results for people (text) and programs (JSON).
#include "render/renderers.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace archivar::render {
namespace {

using search::Highlighted;
using search::SearchHit;
using search::SearchResponse;

// Two hits for "Häuser": the first with every field, the second with id,
// title and body only.
SearchResponse TwoHits() {
  SearchResponse response;
  response.query = "Häuser";
  response.total = 2;
  response.offset = 0;

  SearchHit first;
  first.rank = 1;
  first.score = 1.5;
  first.article.id = "haeuser";
  first.article.title = "Neue Häuser für Berlin";
  first.article.date = "2022-03-15";
  first.article.source = "Tagesblatt Berlin";
  first.article.category = "Politik";
  first.article.author = "Anna Schmidt";
  first.article.url = "https://example.org/haeuser";
  first.article.body = "Die Stadt baut neue Häuser.";
  // "Neue " is 5 bytes, "Die Stadt baut neue " 20; "Häuser" is 7.
  first.title = Highlighted{"Neue Häuser für Berlin", {{5, 12}}};
  first.snippet = Highlighted{"Die Stadt baut neue Häuser.", {{20, 27}}};

  SearchHit second;
  second.rank = 2;
  second.score = 0.25;
  second.article.id = "hochwasser";
  second.article.title = "Hochwasser an der Elbe";
  second.article.body = "Häuser stehen unter Wasser.";
  second.title = Highlighted{"Hochwasser an der Elbe", {}};
  second.snippet = Highlighted{"Häuser stehen unter Wasser.", {{0, 7}}};

  response.hits = {first, second};
  return response;
}

std::string Text(const SearchResponse& response, bool color) {
  std::ostringstream out;
  RenderText(response, TextStyle{color}, out);
  return out.str();
}

nlohmann::json Json(const SearchResponse& response) {
  std::ostringstream out;
  RenderJson(response, out);
  INFO(out.str());
  REQUIRE(out.str().back() == '\n');  // one line
  CHECK(out.str().find('\n') == out.str().size() - 1);
  return nlohmann::json::parse(out.str());
}

TEST_CASE("Text output marks highlights with ** when colour is off") {
  CHECK(Text(TwoHits(), false) ==
        "1. Neue **Häuser** für Berlin\n"
        "   2022-03-15 · Tagesblatt Berlin · Politik · Anna Schmidt · id haeuser\n"
        "   Die Stadt baut neue **Häuser**.\n"
        "\n"
        "2. Hochwasser an der Elbe\n"
        "   id hochwasser\n"
        "   **Häuser** stehen unter Wasser.\n"
        "\n"
        "About 2 articles for: Häuser (showing 1\u20132)\n");
}

TEST_CASE("Text output uses ANSI escapes and no ** markers when colour is on") {
  std::string text = Text(TwoHits(), true);
  CHECK(text.find("**") == std::string::npos);
  CHECK(text.find("1. \033[1mNeue \033[1;31mHäuser\033[0m für Berlin\033[0m\n") !=
        std::string::npos);
  CHECK(text.find("   Die Stadt baut neue \033[1;31mHäuser\033[0m.\n") != std::string::npos);
}

TEST_CASE("Text output says when nothing was found and when paged past the end") {
  SearchResponse none;
  none.query = "Erdbeben";
  CHECK(Text(none, false) == "No articles found for: Erdbeben\n");

  SearchResponse past_end;
  past_end.query = "Häuser";
  past_end.total = 5;
  past_end.offset = 10;
  CHECK(Text(past_end, false) == "No more results after 10 (of about 5)\n");
}

TEST_CASE("Text output shows the range of hits of a later page") {
  SearchResponse response = TwoHits();
  response.total = 12;
  response.offset = 10;
  response.hits[0].rank = 11;
  response.hits[1].rank = 12;
  std::string text = Text(response, false);
  CHECK(text.rfind("11. Neue", 0) == 0);
  CHECK(text.find("\n12. Hochwasser") != std::string::npos);
  CHECK(text.find("About 12 articles for: Häuser (showing 11\u201312)\n") != std::string::npos);
}

TEST_CASE("JSON output parses and has the documented fields") {
  nlohmann::json doc = Json(TwoHits());
  CHECK(doc["query"] == "Häuser");
  CHECK(doc["total"] == 2);
  CHECK(doc["offset"] == 0);
  CHECK_FALSE(doc.contains("note"));  // only when there is one
  REQUIRE(doc["results"].is_array());
  REQUIRE(doc["results"].size() == 2);

  const auto& first = doc["results"][0];
  CHECK(first["rank"] == 1);
  CHECK(first["id"] == "haeuser");
  CHECK(first["score"] == 1.5);
  CHECK(first["title"] == "Neue Häuser für Berlin");
  CHECK(first["date"] == "2022-03-15");
  CHECK(first["source"] == "Tagesblatt Berlin");
  CHECK(first["category"] == "Politik");
  CHECK(first["author"] == "Anna Schmidt");
  CHECK(first["url"] == "https://example.org/haeuser");
  CHECK(first["snippet"] == "Die Stadt baut neue Häuser.");
  CHECK(first["highlights"] == nlohmann::json::parse("[[20, 27]]"));

  // The highlight ranges index the snippet's UTF-8 bytes.
  std::string snippet = first["snippet"];
  CHECK(snippet.substr(20, 7) == "Häuser");

  const auto& second = doc["results"][1];
  CHECK(second["id"] == "hochwasser");
  CHECK(second["date"] == "");  // fields are always present
  CHECK(second["author"] == "");
  CHECK(second["highlights"] == nlohmann::json::parse("[[0, 7]]"));
}

TEST_CASE("JSON output carries the note and an empty result list") {
  SearchResponse response;
  response.query = "Streik AND";
  response.note = "could not read the query as written";
  nlohmann::json doc = Json(response);
  CHECK(doc["note"] == "could not read the query as written");
  CHECK(doc["results"] == nlohmann::json::array());
  CHECK(doc["total"] == 0);
}

TEST_CASE("Text output shows invalid UTF-8 and control characters as U+FFFD") {
  // Issue 5: nothing read from an archive or typed as a query may reach the
  // terminal as an escape sequence or as invalid bytes.
  SearchResponse response;
  response.query = "Haus\xFF\x1b[2J";
  response.total = 1;
  SearchHit hit;
  hit.rank = 1;
  hit.article.id = "id\x07";
  hit.article.source = "Quelle\xC2\x9B" "1m";
  hit.title = Highlighted{"Titel\x1b]0;x\x07 Haus", {{12, 16}}};
  hit.snippet = Highlighted{"Zeile\neins\tzwei \x1b[31mHaus\x7f", {{21, 25}}};
  response.hits = {hit};
  std::string text = Text(response, /*color=*/false);
  CHECK(text ==
        "1. Titel\uFFFD]0;x\uFFFD **Haus**\n"
        "   Quelle\uFFFD1m · id id\uFFFD\n"
        "   Zeile eins zwei \uFFFD[31m**Haus**\uFFFD\n\n"
        "About 1 article for: Haus\uFFFD\uFFFD[2J (showing 1–1)\n");
}

TEST_CASE("Text output ignores highlight ranges outside the text") {
  SearchResponse response;
  response.query = "x";
  response.total = 1;
  SearchHit hit;
  hit.rank = 1;
  hit.article.id = "a";
  hit.title = Highlighted{"Kurz", {{2, 99}}};
  hit.snippet = Highlighted{"Text", {{3, 1}}};
  response.hits = {hit};
  CHECK(Text(response, false) == "1. Kurz\n   id a\n   Text\n\nAbout 1 article for: x (showing 1–1)\n");
}

}  // namespace
}  // namespace archivar::render
