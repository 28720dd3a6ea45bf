// text/spelling.h: the canonical German spelling of folded words (umlauts
// as ae/oe/ue, other marks removed) and the umlaut form of a typed word.
#include "text/spelling.h"

#include "text/unicode.h"

#include <catch2/catch.hpp>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace archivar::text {
namespace {

TEST_CASE("GermanSpelling writes umlauts as ae, oe and ue") {
  struct Case {
    const char* folded;
    const char* spelled;
  };
  const Case cases[] = {
      {"münchen", "muenchen"},
      {"häuser", "haeuser"},
      {"öl", "oel"},
      {"schlüssel", "schluessel"},
      {"pjöngjang", "pjoengjang"},
      {"äöü", "aeoeue"},
      {"streitkräften", "streitkraeften"},
  };
  for (const auto& c : cases) {
    INFO(c.folded);
    CHECK(GermanSpelling(c.folded) == c.spelled);
  }
}

TEST_CASE("GermanSpelling removes the marks of other Latin letters") {
  struct Case {
    const char* folded;
    const char* spelled;
  };
  const Case cases[] = {
      {"erdoğan", "erdogan"},    // Turkish g with breve
      {"băsescu", "basescu"},    // Romanian a with breve
      {"wałęsa", "walesa"},      // Polish l with stroke, e with ogonek
      {"françois", "francois"},  // cedilla
      {"žižek", "zizek"},        // caron
      {"søren", "soren"},        // o with stroke
      {"đinđić", "dindic"},      // d with stroke, c with acute
      {"králové", "kralove"},    // acute accents
      {"œuvre", "oeuvre"},       // ligature
  };
  for (const auto& c : cases) {
    INFO(c.folded);
    CHECK(GermanSpelling(c.folded) == c.spelled);
  }
}

TEST_CASE("GermanSpelling spells every Latin letter as ICU's Latin-ASCII does, but umlauts") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> latin_ascii(
      icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  int checked = 0;
  for (UChar32 c = 0xC0; c < 0x2C00; ++c) {
    if (!u_isalpha(c) || uscript_getScript(c, &status) != USCRIPT_LATIN) continue;
    std::string letter;
    icu::UnicodeString(c).toUTF8String(letter);
    std::string folded = FoldWord(letter);
    if (folded != letter || HasGermanUmlaut(folded)) continue;  // words reach it folded
    icu::UnicodeString transliterated(c);
    latin_ascii->transliterate(transliterated);
    std::string expected;
    transliterated.toUTF8String(expected);
    if (!IsAscii(expected)) continue;  // a letter without an ASCII spelling (ʒ, ǯ)
    INFO(letter << " U+" << std::hex << c);
    CHECK(GermanSpelling(folded) == FoldWord(expected));
    ++checked;
  }
  CHECK(checked > 300);
}

TEST_CASE("GermanSpelling leaves ASCII words and non-Latin scripts as they are") {
  const char* words[] = {
      "", "haus", "muenchen", "michael", "aktuell", "israel", "strasse", "москва", "αθήνα", "北京",
  };
  for (const char* word : words) {
    INFO(word);
    CHECK(GermanSpelling(word) == word);
  }
}

TEST_CASE("HasGermanUmlaut finds ä, ö and ü and nothing else") {
  struct Case {
    const char* folded;
    bool umlaut;
  };
  const Case cases[] = {
      {"häuser", true},
      {"öl", true},
      {"münchen", true},
      {"haeuser", false},
      {"muenchen", false},
      {"haus", false},
      {"erdoğan", false},
      {"café", false},
      {"straße", false},
      {"", false},
  };
  for (const auto& c : cases) {
    INFO(c.folded);
    CHECK(HasGermanUmlaut(c.folded) == c.umlaut);
  }
}

TEST_CASE("WithUmlauts reads ae, oe and ue as umlauts") {
  struct Case {
    const char* spelled;
    const char* umlauts;
  };
  const Case cases[] = {
      {"haeuser", "häuser"},
      {"muenchen", "münchen"},
      {"oel", "öl"},
      {"schluessel", "schlüssel"},
      {"koenig", "könig"},
      {"boerse", "börse"},
      {"maeuse", "mäuse"},
      {"kraeften", "kräften"},
      {"haus", "haus"},
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.spelled);
    CHECK(WithUmlauts(c.spelled) == c.umlauts);
  }
}

TEST_CASE("WithUmlauts keeps ue after a, e and q") {
  // "au", "eu" and "qu" are German spellings of their own: the "e" after
  // them is not the mark of an umlaut.
  const char* words[] = {"neue", "quelle", "bauer", "feuer", "treue", "abenteuer",
                         "steuer", "queue", "mauer"};
  for (const char* word : words) {
    INFO(word);
    CHECK(WithUmlauts(word) == word);
  }
}

TEST_CASE("GermanSpelling undoes WithUmlauts") {
  const char* words[] = {"haeuser", "muenchen", "neue", "quelle", "bauer", "schluessel",
                         "michael", "aktuell"};
  for (const char* word : words) {
    INFO(word);
    CHECK(GermanSpelling(WithUmlauts(word)) == word);
  }
}

}  // namespace
}  // namespace archivar::text
