// text/spelling.h: the canonical German spelling of folded words (umlauts
// as ae/oe/ue, other marks removed) and the umlaut form of a typed word.
#include "text/spelling.h"

#include <catch2/catch.hpp>

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
