// text/unicode.h: UTF-8 validation, line numbers, word folding, decoding.
#include "text/unicode.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::text {
namespace {

TEST_CASE("IsValidUtf8 accepts well-formed text") {
  const char* inputs[] = {
      "",
      "Haus",
      "Häuser an der Straße",
      "Mu\u0308ller",                 // NFD: u + combining diaeresis
      "Preis: 5 \u20AC",              // three-byte euro sign
      "\xF0\x9F\x93\xB0 Zeitung",     // four-byte emoji
  };
  for (const char* input : inputs) {
    INFO(input);
    std::size_t bad_offset = 12345;
    CHECK(IsValidUtf8(input, &bad_offset));
    CHECK(bad_offset == 12345);  // untouched on success
  }
}

TEST_CASE("IsValidUtf8 reports the byte offset of the first invalid sequence") {
  struct Case {
    std::string input;
    std::size_t bad_offset;
  };
  const Case cases[] = {
      {"\xFF", 0},                       // never valid in UTF-8
      {"Stra\xDF" "e", 4},               // Latin-1 sharp s
      {"ab\xC3", 2},                     // sequence cut off at the end
      {"\xC3\x28", 0},                   // lead byte without continuation
      {"\xC0\xAF", 0},                   // overlong encoding of '/'
      {"\xED\xA0\x80", 0},               // UTF-16 surrogate
      {"\xE2\x82\xAC \xE2\x82" "A", 4},  // euro sign, space, truncated euro
      {"gut\x80schlecht", 3},            // stray continuation byte
  };
  for (const auto& c : cases) {
    INFO(c.input);
    std::size_t bad_offset = 0;
    CHECK_FALSE(IsValidUtf8(c.input, &bad_offset));
    CHECK(bad_offset == c.bad_offset);
    CHECK_FALSE(IsValidUtf8(c.input));  // the offset is optional
  }
}

TEST_CASE("LineOfOffset counts the newlines before the offset") {
  const std::string text = "eins\nzwei\ndrei";
  struct Case {
    std::size_t offset;
    std::size_t line;
  };
  const Case cases[] = {
      {0, 1}, {3, 1},
      {4, 1},   // the newline itself still belongs to line 1
      {5, 2}, {9, 2}, {10, 3}, {13, 3},
      {999, 3},  // past the end: the last line
  };
  for (const auto& c : cases) {
    INFO("offset " << c.offset);
    CHECK(LineOfOffset(text, c.offset) == c.line);
  }
}

TEST_CASE("FoldWord folds case, sharp s, compatibility forms and ignorables") {
  struct Case {
    const char* input;
    const char* folded;
  };
  const Case cases[] = {
      {"HAUS", "haus"},
      {"Berlin", "berlin"},
      {"Häuser", "häuser"},
      {"ÄPFEL", "äpfel"},
      {"Straße", "strasse"},            // case folding turns ß into ss
      {"STRASSE", "strasse"},
      {"\u1E9E", "ss"},                 // capital sharp s
      {"Mu\u0308ller", "m\u00FCller"},  // NFD composes to NFC
      {"\uFB01nden", "finden"},         // fi ligature (NFKC)
      {"\uFF21\uFF22\uFF23", "abc"},    // fullwidth letters (NFKC)
      {"Zei\u00ADtung", "zeitung"},     // soft hyphen removed
      {"Bundes\u200Dtag", "bundestag"}, // zero-width joiner removed
      {"Putin\u2019s", "putin\u2019s"}, // the apostrophe is the analyzer's job
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(FoldWord(c.input) == c.folded);
  }
}

TEST_CASE("FoldWord folds German words as ICU's NFKC_Casefold does") {
  // A soft hyphen sends a word through ICU (which removes it); without
  // one, words of ASCII and ä ö ü Ä Ö Ü ß are folded without ICU.  Both
  // must agree.
  const char* words[] = {"Größe", "GRÖSSE", "Übermaß", "ÄUSSERST", "ärgerlich",
                         "Öl", "Fußgängerzone", "ÜBERMÄSSIG", "Weiß", "x"};
  for (std::string word : words) {
    INFO(word);
    std::string through_icu = FoldWord(word + "\u00AD");
    CHECK(FoldWord(word) == through_icu);
  }
  CHECK(FoldWord("GRÖẞE") == "grösse");  // capital sharp s: through ICU
  CHECK(FoldWord("é") == "é");
}

TEST_CASE("NextCodePoint decodes one code point and advances past it") {
  const std::string text = "a\u00E4\u20AC\xF0\x9F\x93\xB0";  // a ä € 📰
  std::size_t offset = 0;
  CHECK(NextCodePoint(text, &offset) == 'a');
  CHECK(offset == 1);
  CHECK(NextCodePoint(text, &offset) == 0xE4);
  CHECK(offset == 3);
  CHECK(NextCodePoint(text, &offset) == 0x20AC);
  CHECK(offset == 6);
  CHECK(NextCodePoint(text, &offset) == 0x1F4F0);
  CHECK(offset == 10);
}

TEST_CASE("NextCodePoint returns a negative value for an invalid byte and moves on") {
  const std::string text = "\xFF" "a";
  std::size_t offset = 0;
  CHECK(NextCodePoint(text, &offset) < 0);
  CHECK(offset == 1);
  CHECK(NextCodePoint(text, &offset) == 'a');
  CHECK(offset == 2);
}

}  // namespace
}  // namespace archivar::text
