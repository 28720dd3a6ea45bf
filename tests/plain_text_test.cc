// formats/plain_text.h: agency .txt articles.
#include "formats/plain_text.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::formats {
namespace {

Article MustParse(const std::string& content, const std::string& default_id = "default") {
  INFO(content);
  auto parsed = ParsePlainTextArticle(content, default_id);
  if (!parsed) FAIL("rejected at line " << parsed.error().line << ": " << parsed.error().reason);
  return parsed.value();
}

RecordError MustReject(const std::string& content) {
  INFO(content);
  auto parsed = ParsePlainTextArticle(content, "default");
  REQUIRE_FALSE(parsed.ok());
  return parsed.error();
}

TEST_CASE("Plain text reads a header with German keys") {
  Article article = MustParse(
      "Titel: Neue Häuser für Berlin\n"
      "Datum: 12.09.2023\n"
      "Quelle: Tagesblatt Berlin\n"
      "Autor: Anna Schmidt\n"
      "Ressort: Politik\n"
      "ID: tb-2023-0912\n"
      "URL: https://example.org/haeuser\n"
      "\n"
      "Die Stadt baut neue Häuser.\n"
      "Der Senat ist zufrieden.\n");
  CHECK(article.title == "Neue Häuser für Berlin");
  CHECK(article.date == "2023-09-12");  // normalised
  CHECK(article.source == "Tagesblatt Berlin");
  CHECK(article.author == "Anna Schmidt");
  CHECK(article.category == "Politik");
  CHECK(article.id == "tb-2023-0912");
  CHECK(article.url == "https://example.org/haeuser");
  CHECK(article.body == "Die Stadt baut neue Häuser.\nDer Senat ist zufrieden.");
  CHECK(article.editor_code.empty());
}

TEST_CASE("Plain text reads a header with English keys in any case") {
  Article article = MustParse(
      "Title: Strike at the railway\n"
      "date: 2021-12-31\n"
      "SOURCE: Nordkurier\n"
      "Author: Jonas Weber\n"
      "Category: Wirtschaft\n"
      "Id: nk-17\n"
      "Url: https://example.org/streik\n"
      "\n"
      "Der Streik legt die Bahn lahm.\n");
  CHECK(article.title == "Strike at the railway");
  CHECK(article.date == "2021-12-31");
  CHECK(article.source == "Nordkurier");
  CHECK(article.author == "Jonas Weber");
  CHECK(article.category == "Wirtschaft");
  CHECK(article.id == "nk-17");
  CHECK(article.url == "https://example.org/streik");
  CHECK(article.body == "Der Streik legt die Bahn lahm.");
}

TEST_CASE("Plain text without a header derives the title and uses the default id") {
  Article article = MustParse(
      "Die Regierung hat am Montag beschlossen. Mehr folgt.\n"
      "Zweiter Absatz.\n",
      "agentur/2023/meldung");
  CHECK(article.id == "agentur/2023/meldung");
  CHECK(article.title == "Die Regierung hat am Montag beschlossen");
  CHECK(article.date.empty());
  CHECK(article.body ==
        "Die Regierung hat am Montag beschlossen. Mehr folgt.\nZweiter Absatz.");
}

TEST_CASE("Plain text with a header but no ID uses the default id") {
  Article article = MustParse("Titel: Ohne Kennung\n\nText.\n", "ordner/datei");
  CHECK(article.id == "ordner/datei");
  CHECK(article.title == "Ohne Kennung");
}

TEST_CASE("Plain text does not take a first body line of the form 'Place: text' as a header") {
  Article article = MustParse("Berlin: Die Regierung hat beschlossen.\nMehr dazu.\n");
  CHECK(article.title == "Berlin: Die Regierung hat beschlossen");
  CHECK(article.body == "Berlin: Die Regierung hat beschlossen.\nMehr dazu.");
  CHECK(article.source.empty());
}

TEST_CASE("Plain text removes the closing editor code line and stores it") {
  struct Case {
    std::string content;
    std::string body;
    std::string editor_code;
  };
  const Case cases[] = {
      {"Titel: T\n\nErster Absatz.\nZweiter Absatz.\ndp/pcl\n",
       "Erster Absatz.\nZweiter Absatz.", "dp/pcl"},
      {"Titel: T\n\nText.\n\nik/hm/wt\n\n\n", "Text.", "ik/hm/wt"},
      // Only the last line can be the code.
      {"Titel: T\n\ndp/pcl\nText danach.\n", "dp/pcl\nText danach.", ""},
  };
  for (const auto& c : cases) {
    Article article = MustParse(c.content);
    INFO(c.content);
    CHECK(article.body == c.body);
    CHECK(article.editor_code == c.editor_code);
  }
}

TEST_CASE("IsEditorCodeLine accepts lower-case letter groups joined by slashes") {
  struct Case {
    const char* line;
    bool code;
  };
  const Case cases[] = {
      {"dp/pcl", true},  {"ik/hm/wt", true}, {"a/b", true},    {"  dp/pcl\r", true},
      {"dp", false},     {"/dp", false},     {"dp/", false},   {"dp//pcl", false},
      {"DP/PCL", false}, {"1/2", false},     {"dp/pcl.", false}, {"d/p c", false},
      {"abcdefghijkl/mnopqrstuvwxyz", false},  // too long for a code
  };
  for (const auto& c : cases) {
    INFO(c.line);
    CHECK(IsEditorCodeLine(c.line) == c.code);
  }
}

TEST_CASE("Plain text accepts a byte-order mark and CRLF line ends") {
  Article article = MustParse(
      "\xEF\xBB\xBFTitel: Mit BOM\r\n"
      "Datum: 2023-09-12\r\n"
      "\r\n"
      "Erster Absatz.\r\n"
      "Zweiter Absatz.\r\n"
      "dp/pcl\r\n");
  CHECK(article.title == "Mit BOM");
  CHECK(article.date == "2023-09-12");
  CHECK(article.body == "Erster Absatz.\nZweiter Absatz.");
  CHECK(article.editor_code == "dp/pcl");
}

TEST_CASE("Plain text joins the lines of blank-line separated paragraphs") {
  Article article = MustParse(
      "Titel: Absätze\n"
      "\n"
      "Zeile eins\n"
      "geht weiter.\n"
      "\n"
      "Neuer Absatz\n"
      "mit Fortsetzung.\n");
  CHECK(article.body == "Zeile eins geht weiter.\nNeuer Absatz mit Fortsetzung.");
}

TEST_CASE("Plain text keeps one paragraph per line after extra blank lines before the body") {
  // Regression: blank lines between the header (or the file start) and the
  // body used to count as paragraph separators, so the one-per-line
  // paragraphs below were joined into one.
  const char* contents[] = {
      "Titel: T\n\n\nErster Absatz.\nZweiter Absatz.\n",
      "\n\nErster Absatz.\nZweiter Absatz.\n",
  };
  for (const char* content : contents) {
    INFO(content);
    CHECK(MustParse(content).body == "Erster Absatz.\nZweiter Absatz.");
  }
}

TEST_CASE("Plain text reports a bad header date with the header's line number") {
  struct Case {
    std::string content;
    std::size_t line;
  };
  const Case cases[] = {
      {"Titel: T\nDatum: gestern\n\nText.\n", 2},
      {"\xEF\xBB\xBFTitel: T\r\nQuelle: Q\r\nDate: 2021-02-30\r\n\r\nText.\r\n", 3},
      {"Datum: 31.02.2020\n\nText.\n", 1},
  };
  for (const auto& c : cases) {
    RecordError error = MustReject(c.content);
    INFO(c.content);
    CHECK(error.line == c.line);
    CHECK_THAT(error.reason, Catch::Contains("unparseable date"));
  }
}

TEST_CASE("Plain text reports invalid UTF-8 with the line it is on") {
  struct Case {
    std::string content;
    std::size_t line;
  };
  const Case cases[] = {
      {"Titel: T\n\nGut.\nKa\xFFputt.\n", 4},
      {"Titel: Stra\xDF" "e\n\nText.\n", 1},
      {"\xEF\xBB\xBFTitel: T\r\n\r\nText \xC3\r\n", 3},
  };
  for (const auto& c : cases) {
    RecordError error = MustReject(c.content);
    INFO(c.content);
    CHECK(error.line == c.line);
    CHECK_THAT(error.reason, Catch::Contains("invalid UTF-8"));
  }
}

TEST_CASE("Plain text without a body is rejected") {
  const char* contents[] = {
      "Titel: Nur Kopf\nDatum: 2023-09-12\n",
      "Titel: Nur Kopf\n\n\n   \n",
      "",
      "\xEF\xBB\xBF",
      "Titel: T\n\ndp/pcl\n",  // only an editor code
  };
  for (const char* content : contents) {
    RecordError error = MustReject(content);
    INFO(content);
    CHECK(error.reason == "empty body");
    CHECK(error.line == 0);
  }
}

TEST_CASE("Plain text rejects UTF-16 with a byte-order mark on line 1") {
  for (std::string content : {std::string("\xFF\xFEH\0i\0\n\0", 8),
                              std::string("\xFE\xFF\0H\0i\0\n", 8)}) {
    RecordError error = MustReject(content);
    CHECK(error.line == 1);
    CHECK_THAT(error.reason, Catch::StartsWith("UTF-16 text"));
    CHECK_THAT(error.reason, Catch::Contains("convert it to UTF-8"));
  }
}

TEST_CASE("Plain text rejects a NUL byte as binary data, with its line") {
  RecordError error = MustReject(std::string("Titel: T\n\nText\0 mehr\n", 21));
  CHECK(error.line == 3);
  CHECK_THAT(error.reason, Catch::StartsWith("NUL byte at byte 14: binary data"));
}

TEST_CASE("Plain text replaces control characters and reports the repair") {
  RepairNotes notes;
  auto parsed = ParsePlainTextArticle("Titel: Farbe\x1b[0m\n\nText \x1b[31mrot.\n", "d", &notes);
  REQUIRE(parsed.ok());
  CHECK(parsed.value().title == "Farbe [0m");
  CHECK(parsed.value().body == "Text  [31mrot.");
  CHECK(notes == RepairNotes{"2 control characters replaced by spaces"});
}

}  // namespace
}  // namespace archivar::formats
