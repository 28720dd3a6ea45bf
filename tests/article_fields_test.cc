// formats/article_fields.h: the field rules every article format shares.
#include "formats/article_fields.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::formats {
namespace {

TEST_CASE("NormalizeDateField keeps an empty date and normalises a real one") {
  struct Case {
    const char* input;
    const char* date;
  };
  const Case cases[] = {
      {"", ""}, {"  ", ""}, {"2023-09-12", "2023-09-12"}, {"12.09.2023", "2023-09-12"},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    auto date = NormalizeDateField(c.input);
    REQUIRE(date.ok());
    CHECK(date.value() == c.date);
  }
}

TEST_CASE("NormalizeDateField names the value it cannot read") {
  for (const char* input : {"2021-02-30", "gestern", "12/09/2023"}) {
    INFO(input);
    auto date = NormalizeDateField(input);
    REQUIRE_FALSE(date.ok());
    CHECK_THAT(date.error(), Catch::Contains(std::string("'") + input + "'"));
  }
}

TEST_CASE("DeriveTitle takes the first sentence of the first paragraph") {
  struct Case {
    const char* body;
    const char* title;
  };
  const Case cases[] = {
      {"Die Regierung hat am Montag beschlossen. Danach folgte Streit.",
       "Die Regierung hat am Montag beschlossen"},
      {"Wer bezahlt die neuen Häuser? Niemand weiß es.", "Wer bezahlt die neuen Häuser?"},
      {"Erster Absatz ohne Punkt\nZweiter Absatz.", "Erster Absatz ohne Punkt"},
      // A full stop within the first few characters ("Dr.") ends nothing.
      {"Dr. Müller sagt, es wird teurer. Mehr dazu.", "Dr. Müller sagt, es wird teurer"},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    CHECK(DeriveTitle(c.body) == c.title);
  }
}

TEST_CASE("DeriveTitle cuts a long first sentence at a word boundary with an ellipsis") {
  // 15 words of 9 bytes ("Wortwort ") = 135 bytes; the cut comes at the last
  // space at or before byte 100, which ends word 11 (byte 98).
  std::string body;
  for (int i = 0; i < 15; ++i) body += "Wortwort ";
  body += "Ende.";
  std::string expected;
  for (int i = 0; i < 11; ++i) expected += (i ? " " : "") + std::string("Wortwort");
  CHECK(DeriveTitle(body) == expected + "\u2026");
}

TEST_CASE("DeriveTitle never cuts inside a multi-byte character") {
  // 60 two-byte letters and no space: the cut at byte 100 falls between
  // characters; at byte 101 it would split one.
  std::string word;
  for (int i = 0; i < 60; ++i) word += "\u00E4";
  std::string title = DeriveTitle(word + "x");
  CHECK(title == word.substr(0, 100) + "\u2026");
  std::string odd = "x" + word;  // shifts every ä by one byte
  CHECK(DeriveTitle(odd) == odd.substr(0, 99) + "\u2026");
}

TEST_CASE("FinishArticle requires an id and a body and derives a missing title") {
  Article article;
  article.id = "a1";
  article.body = "Die Stadt baut neue Häuser. Der Senat ist zufrieden.";
  auto finished = FinishArticle(article);
  REQUIRE(finished.ok());
  CHECK(finished.value().title == "Die Stadt baut neue Häuser");

  article.title = "Eigener Titel";
  auto titled = FinishArticle(article);
  REQUIRE(titled.ok());
  CHECK(titled.value().title == "Eigener Titel");

  Article no_id = article;
  no_id.id = " ";
  REQUIRE_FALSE(FinishArticle(no_id).ok());
  CHECK(FinishArticle(no_id).error() == "missing id");

  Article no_body = article;
  no_body.body = "\n \n";
  REQUIRE_FALSE(FinishArticle(no_body).ok());
  CHECK(FinishArticle(no_body).error() == "empty body");
}

TEST_CASE("FinishArticle rejects an id too long for a Xapian term") {
  // The id term is "Q" + id and may be at most 240 bytes.
  Article article;
  article.body = "Text.";
  article.id = std::string(239, 'x');
  CHECK(FinishArticle(article).ok());
  article.id = std::string(240, 'x');
  REQUIRE_FALSE(FinishArticle(article).ok());
  CHECK_THAT(FinishArticle(article).error(), Catch::Contains("longer than 239 bytes"));
}

}  // namespace
}  // namespace archivar::formats
