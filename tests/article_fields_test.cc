// formats/article_fields.h: the field rules every article format shares.
#include "formats/article_fields.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

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

TEST_CASE("FinishArticle replaces control characters by spaces and notes how many") {
  // Issue 5 (hostile input): escape sequences must never reach a terminal.
  Article article;
  article.id = "ctrl";
  article.title = "Titel\x1b]0;x\x07";
  article.source = "Quelle\x01";
  article.body = "Farbe \x1b[31m rot\r\nZeile\rzwei\x7f \xC2\x9B" "C1 \ttab\n";
  RepairNotes notes;
  auto finished = FinishArticle(article, &notes);
  REQUIRE(finished.ok());
  CHECK(finished.value().title == "Titel ]0;x ");
  CHECK(finished.value().source == "Quelle ");
  // CR LF becomes LF and a lone CR a space, without being counted; tabs stay.
  CHECK(finished.value().body == "Farbe  [31m rot\nZeile zwei   C1 \ttab\n");
  CHECK(notes == RepairNotes{"6 control characters replaced by spaces"});
}

TEST_CASE("FinishArticle notes nothing for clean text and accepts a null notes pointer") {
  Article article;
  article.id = "clean";
  article.body = "Sauberer Text mit Umlauten: äöü, Emoji 👋 und שלום.\nZweiter Absatz.";
  RepairNotes notes;
  REQUIRE(FinishArticle(article, &notes).ok());
  CHECK(notes.empty());
  article.body += "\x01";
  CHECK(FinishArticle(article).ok());
}

TEST_CASE("FinishArticle rejects an id with control characters") {
  Article article;
  article.id = "a\x1b[2Jb";
  article.body = "Text.";
  REQUIRE_FALSE(FinishArticle(article).ok());
  CHECK(FinishArticle(article).error() == "id contains control characters");
}

TEST_CASE("FinishArticle cuts a body over the limit at a word boundary and notes it") {
  // Issue 5: a 50 MB article is indexed up to kMaxBodyBytes.
  Article article;
  article.id = "big";
  while (article.body.size() < kMaxBodyBytes + 5000) article.body += "Wort für Wort ";
  RepairNotes notes;
  auto finished = FinishArticle(article, &notes);
  REQUIRE(finished.ok());
  const std::string& body = finished.value().body;
  CHECK(body.size() <= kMaxBodyBytes);
  CHECK(body.size() > kMaxBodyBytes - 1024);
  CHECK(article.body.compare(0, body.size(), body) == 0);
  CHECK(article.body[body.size()] == ' ');  // cut before a space
  CHECK(notes == RepairNotes{"body of 2.0 MiB cut to its first 2.0 MiB (the most indexed per "
                             "article)"});
}

TEST_CASE("FinishArticle cuts overlong fields without splitting a character") {
  Article article;
  article.id = "long";
  article.body = "Text.";
  article.title = std::string(1, 'x') + [] {
    std::string umlauts;
    while (umlauts.size() < 2 * kMaxFieldBytes) umlauts += "ä";
    return umlauts;
  }();  // "x" then 2-byte characters: the limit falls inside one
  article.url = "https://example.org/?" + std::string(kMaxFieldBytes, 'q');
  RepairNotes notes;
  auto finished = FinishArticle(article, &notes);
  REQUIRE(finished.ok());
  CHECK(finished.value().title.size() == kMaxFieldBytes - 1);
  CHECK(finished.value().url.size() == kMaxFieldBytes);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0] == "title of " + std::to_string(article.title.size()) + " bytes cut to 4096");
  CHECK_THAT(notes[1], Catch::StartsWith("url of "));
}

TEST_CASE("Utf16Reason recognises both UTF-16 byte-order marks and nothing else") {
  CHECK(Utf16Reason(std::string_view("\xFF\xFEH\0", 4)));
  CHECK(Utf16Reason(std::string_view("\xFE\xFF\0H", 4)));
  CHECK_THAT(*Utf16Reason("\xFF\xFE"), Catch::StartsWith("UTF-16 text"));
  CHECK_FALSE(Utf16Reason("\xEF\xBB\xBFText"));
  CHECK_FALSE(Utf16Reason(""));
  CHECK_FALSE(Utf16Reason("\xFF"));
  CHECK(BinaryDataReason(7) == "NUL byte at byte 7: binary data, not text (or UTF-16 without "
                               "a byte-order mark?)");
  CHECK_THAT(BinaryDataReason(3, true), Catch::StartsWith("NUL byte at byte 3 of the line: "));
}

}  // namespace
}  // namespace archivar::formats
