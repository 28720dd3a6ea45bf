// formats/json_lines.h: one JSON article per line.
#include "formats/json_lines.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::formats {
namespace {

TEST_CASE("JSON lines reads every article field") {
  auto parsed = ParseJsonArticle(
      R"({"id":"tb-1","title":"Neue Häuser","date":"2023-09-12","source":"Tagesblatt",)"
      R"("category":"Politik","author":"Anna Schmidt","url":"https://example.org/1",)"
      R"("body":"Die Stadt baut.\nDer Senat ist zufrieden."})");
  REQUIRE(parsed.ok());
  const Article& a = parsed.value();
  CHECK(a.id == "tb-1");
  CHECK(a.title == "Neue Häuser");
  CHECK(a.date == "2023-09-12");
  CHECK(a.source == "Tagesblatt");
  CHECK(a.category == "Politik");
  CHECK(a.author == "Anna Schmidt");
  CHECK(a.url == "https://example.org/1");
  CHECK(a.body == "Die Stadt baut.\nDer Senat ist zufrieden.");
  CHECK(a.editor_code.empty());
}

TEST_CASE("JSON lines normalises a German date and keeps an empty one") {
  struct Case {
    const char* line;
    const char* date;
  };
  const Case cases[] = {
      {R"({"id":"a","date":"12.09.2023","body":"Text."})", "2023-09-12"},
      {R"({"id":"a","date":"2023-09-12T08:00:00Z","body":"Text."})", "2023-09-12"},
      {R"({"id":"a","date":"","body":"Text."})", ""},
      {R"({"id":"a","body":"Text."})", ""},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto parsed = ParseJsonArticle(c.line);
    REQUIRE(parsed.ok());
    CHECK(parsed.value().date == c.date);
  }
}

TEST_CASE("JSON lines accepts a numeric id and writes it as a string") {
  auto parsed = ParseJsonArticle(R"({"id":42,"body":"Text."})");
  REQUIRE(parsed.ok());
  CHECK(parsed.value().id == "42");
}

TEST_CASE("JSON lines treats null as absent, ignores unknown fields and derives a title") {
  auto parsed = ParseJsonArticle(
      R"({"id":"a","title":null,"author":null,"tags":["x"],"words":12,)"
      R"("body":"Die Stadt baut neue Häuser. Der Senat ist zufrieden."})");
  REQUIRE(parsed.ok());
  CHECK(parsed.value().title == "Die Stadt baut neue Häuser");
  CHECK(parsed.value().author.empty());
}

TEST_CASE("JSON lines rejects a field of the wrong type, naming the field") {
  struct Case {
    const char* line;
    const char* field;
  };
  const Case cases[] = {
      {R"({"id":["a"],"body":"Text."})", "id"},
      {R"({"id":1.5,"body":"Text."})", "id"},
      {R"({"id":"a","title":5,"body":"Text."})", "title"},
      {R"({"id":"a","date":20230912,"body":"Text."})", "date"},
      {R"({"id":"a","source":{"name":"x"},"body":"Text."})", "source"},
      {R"({"id":"a","category":true,"body":"Text."})", "category"},
      {R"({"id":"a","author":["A","B"],"body":"Text."})", "author"},
      {R"({"id":"a","url":1,"body":"Text."})", "url"},
      {R"({"id":"a","body":["Absatz 1","Absatz 2"]})", "body"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto parsed = ParseJsonArticle(c.line);
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.error(), Catch::StartsWith(std::string("field '") + c.field +
                                                 "' must be a string"));
  }
}

TEST_CASE("JSON lines rejects invalid JSON") {
  for (const char* line : {"{\"id\": ", "not json", "{\"id\":\"a\",}", "{'id':'a'}"}) {
    INFO(line);
    auto parsed = ParseJsonArticle(line);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == "invalid JSON");
  }
}

TEST_CASE("JSON lines rejects invalid UTF-8 with its byte offset in the line") {
  // {"id":"a","body":"Ka  is 20 bytes, so the bad byte is at offset 20.
  auto parsed = ParseJsonArticle("{\"id\":\"a\",\"body\":\"Ka\xFFputt\"}");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error() == "invalid UTF-8 (byte 20 of the line)");
}

TEST_CASE("JSON lines rejects a value that is not an object") {
  struct Case {
    const char* line;
    const char* type;
  };
  const Case cases[] = {{"[1,2]", "array"}, {"\"Text\"", "string"}, {"42", "number"},
                        {"null", "null"}};
  for (const auto& c : cases) {
    INFO(c.line);
    auto parsed = ParseJsonArticle(c.line);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == std::string("expected a JSON object, found ") + c.type);
  }
}

TEST_CASE("JSON lines rejects an article without a body") {
  for (const char* line : {R"({"id":"a","body":""})", R"({"id":"a","body":"  \n "})",
                           R"({"id":"a","title":"Nur Titel"})", R"({"id":"a","body":null})"}) {
    INFO(line);
    auto parsed = ParseJsonArticle(line);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == "empty body");
  }
}

TEST_CASE("JSON lines rejects an article without an id") {
  for (const char* line : {R"({"body":"Text."})", R"({"id":"","body":"Text."})",
                           R"({"id":null,"body":"Text."})"}) {
    INFO(line);
    auto parsed = ParseJsonArticle(line);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == "missing id");
  }
}

TEST_CASE("JSON lines rejects an unparseable date, naming it") {
  for (const char* date : {"2021-02-30", "gestern", "2023/09/12"}) {
    INFO(date);
    auto parsed = ParseJsonArticle(std::string(R"({"id":"a","date":")") + date +
                                   R"(","body":"Text."})");
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.error(), Catch::Contains(std::string("unparseable date '") + date + "'"));
  }
}

TEST_CASE("JSON lines notes a field given twice and keeps its last value") {
  RepairNotes notes;
  auto parsed = ParseJsonArticle(
      R"({"id":"a","id":"b","body":"Eins.","body":"Zwei.","body":"Drei.","x":1,"x":2,)"
      R"("nested":{"id":"c","id":"d"}})",
      &notes);
  REQUIRE(parsed.ok());
  CHECK(parsed.value().id == "b");
  CHECK(parsed.value().body == "Drei.");
  CHECK(notes == RepairNotes{"field 'id' given more than once; the last value is used",
                             "field 'body' given more than once; the last value is used"});
}

TEST_CASE("JSON lines rejects a raw NUL byte with its offset in the line") {
  auto parsed = ParseJsonArticle(std::string("{\"id\":\"a\",\"body\":\"T\0\"}", 22));
  REQUIRE_FALSE(parsed.ok());
  CHECK_THAT(parsed.error(), Catch::StartsWith("NUL byte at byte 19 of the line: binary data"));
}

TEST_CASE("JSON lines replaces escaped control characters and notes it") {
  RepairNotes notes;
  auto parsed = ParseJsonArticle(R"({"id":"a","body":"Rot \u001b[31m und \u0000 Null"})", &notes);
  REQUIRE(parsed.ok());
  CHECK(parsed.value().body == "Rot  [31m und   Null");
  CHECK(notes == RepairNotes{"2 control characters replaced by spaces"});
}

TEST_CASE("JSON lines parses nesting 100,000 levels deep without recursion") {
  // nlohmann::json parses and destroys iteratively; a recursive parser
  // would overflow the stack here (issue 5).
  const std::size_t depth = 100000;
  std::string nested = R"({"id":"a","body":"Text.","extra":)" + std::string(depth, '[') +
                       std::string(depth, ']') + "}";
  CHECK(ParseJsonArticle(nested).ok());
  auto array = ParseJsonArticle(std::string(depth, '[') + std::string(depth, ']'));
  REQUIRE_FALSE(array.ok());
  CHECK(array.error() == "expected a JSON object, found array");
  CHECK(ParseJsonArticle(std::string(depth, '{')).error() == "invalid JSON");
}

}  // namespace
}  // namespace archivar::formats
