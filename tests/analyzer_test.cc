// analysis/analyzer.h: the German analysis shared by indexing and searching.
#include "analysis/analyzer.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace archivar::analysis {
namespace {

using testing::DescribeTerms;

TEST_CASE("Analyzer stems capitalised plural nouns to the singular's stem") {
  // Snowball German removes -e/-en/-er/-ern/-es endings and maps umlauts to
  // the plain vowel, so a plural and its singular meet in one term.
  struct Case {
    const char* plural;
    const char* singular;
    const char* stem;
  };
  const Case cases[] = {
      {"Häuser", "Haus", "haus"},
      {"Häusern", "Haus", "haus"},
      {"Streitkräften", "Streitkräfte", "streitkraft"},
      {"Zeitungen", "Zeitung", "zeitung"},
      {"Wahlen", "Wahl", "wahl"},
      {"Kriege", "Krieg", "krieg"},
      {"Städte", "Stadt", "stadt"},
      {"Bäume", "Baum", "baum"},
      {"Gesetze", "Gesetz", "gesetz"},
      {"Soldaten", "Soldat", "soldat"},
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.plural << " / " << c.singular);
    CHECK(analyzer.WordTerm(c.plural) == c.stem);
    CHECK(analyzer.WordTerm(c.singular) == c.stem);
  }
}

TEST_CASE("Analyzer gives one term whatever the case, sharp s or normal form") {
  struct Case {
    std::vector<const char*> spellings;
    const char* term;
  };
  const Case cases[] = {
      {{"Straße", "STRASSE", "strasse", "Strasse"}, "strass"},
      {{"Müller", "MÜLLER", "Mu\u0308ller", "Mueller"}, "muell"},  // NFC, upper case, NFD, ue
      {{"Zeitung", "Zei\u00ADtung", "ZEITUNG"}, "zeitung"},  // soft hyphen
      {{"finden", "\uFB01nden"}, "find"},                     // ligature
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    for (const char* spelling : c.spellings) {
      INFO(spelling);
      CHECK(analyzer.WordTerm(spelling) == c.term);
    }
  }
}

TEST_CASE("Analyzer drops a genitive apostrophe-s and other apostrophes") {
  struct Case {
    const char* word;
    const char* term;
  };
  const Case cases[] = {
      {"Putin\u2019s", "putin"},  // typographic apostrophe
      {"Putin's", "putin"},
      {"Putin", "putin"},
      {"geht's", "geh"},          // read like a genitive: "'s" dropped; "geht" -> gehen
      {"gehts", "geht"},          // no verb form without the apostrophe: Snowball's stem
      {"o'clock", "oclock"},      // any other apostrophe is dropped
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.word);
    CHECK(analyzer.WordTerm(c.word) == c.term);
  }
}

TEST_CASE("Analyzer gives an empty term when nothing of the word is left") {
  Analyzer analyzer;
  for (const char* word : {"", "'", "\u00AD"}) {
    INFO(word);
    CHECK(analyzer.WordTerm(word).empty());
  }
}

TEST_CASE("Analyzer turns a sentence into stems at word positions, stop words kept") {
  struct Case {
    const char* text;
    const char* terms;
  };
  const Case cases[] = {
      // Stop words are indexed ("die", "der") so phrases stay exact.
      {"Die Häuser brennen.", "1:die 2:haus 3:brenn"},
      {"Die Stadt der Literatur", "1:die 2:stadt 3:der 4:literatur"},
      // Hyphen parts take consecutive positions.
      {"US-Streitkräften verlassen Putin\u2019s Land.",
       "1:us 2:streitkraft 2:streit 2:kraft 3:verlass 4:putin 5:land"},
      {"Nord-Süd-Konflikt", "1:nord 2:sued 3:konflikt"},  // "Süd" is not "Sud"
      {"", ""},
      {"?!", ""},
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(DescribeTerms(analyzer.Analyze(c.text)) == c.terms);
  }
}

TEST_CASE("Analyzer keeps the byte offsets of the source word, not of the folded term") {
  Analyzer analyzer;
  // NFD "Ha\u0308user" is 8 bytes and the soft-hyphenated word 9; the terms
  // are shorter, but the offsets still cover the words as written.
  const std::string text = "Ha\u0308user und Zei\u00ADtung";
  auto terms = analyzer.Analyze(text);
  REQUIRE(terms.size() == 3);
  CHECK(terms[0].term == "haus");
  CHECK(text.substr(terms[0].start, terms[0].end - terms[0].start) == "Ha\u0308user");
  CHECK(terms[1].term == "und");
  CHECK(terms[1].start == 9);
  CHECK(terms[1].end == 12);
  CHECK(terms[2].term == "zeitung");
  CHECK(text.substr(terms[2].start, terms[2].end - terms[2].start) == "Zei\u00ADtung");
  CHECK(terms[0].rule == TermRule::kUmlautBase);
  CHECK(terms[1].rule == TermRule::kStem);
  CHECK(terms[2].rule == TermRule::kStem);
}

TEST_CASE("Analyzer counts positions from first_position") {
  Analyzer analyzer;
  CHECK(DescribeTerms(analyzer.Analyze("Neue Häuser", 101)) == "101:neu 102:haus");
}

TEST_CASE("Analyzer recognises German stop words in any case and spelling") {
  struct Case {
    const char* word;
    bool stop;
  };
  const Case cases[] = {
      {"der", true},  {"Der", true},  {"UND", true},   {"über", true},
      {"Über", true}, {"für", true},  {"daß", true},   // folds to "dass"
      {"Haus", false}, {"Berlin", false}, {"Streik", false}, {"", false},
  };
  for (const auto& c : cases) {
    INFO(c.word);
    CHECK(Analyzer::IsStopword(c.word) == c.stop);
  }
}

TEST_CASE("TermRuleName names the stem rule as --analyze shows it") {
  CHECK(std::string(TermRuleName(TermRule::kStem)) == "stem");
}

}  // namespace
}  // namespace archivar::analysis
