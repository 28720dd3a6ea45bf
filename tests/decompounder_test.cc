// analysis/decompounder.h: conservative splitting of German compounds over
// the embedded dictionary.  Words and parts are in canonical spelling
// (text::GermanSpelling: ä -> ae, ß -> ss, lower case).
#include "analysis/decompounder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace archivar::analysis {
namespace {

using Parts = std::vector<std::string>;

const Decompounder& German() {
  static const Decompounder decompounder(dictionary::Dictionary::German());
  return decompounder;
}

std::string Describe(const std::optional<CompoundSplit>& split) {
  return split ? split->modifier + "|" + split->head : "(whole)";
}

TEST_CASE("Decompounder splits compounds into a modifier and a noun head") {
  struct Case {
    const char* word;
    const char* split;  // modifier|head
  };
  const Case cases[] = {
      {"waffengeschaeft", "waffe|geschaeft"},  // Waffengeschäft: -n- dropped
      {"schusswaffe", "schuss|waffe"},
      {"atomwaffen", "atom|waffen"},
      {"wahlbeteiligung", "wahl|beteiligung"},
      {"literaturstadt", "literatur|stadt"},
      {"streitkraft", "streit|kraft"},
      {"streitkraeften", "streit|kraeften"},  // Streitkräften: inflected head
      {"hauptstadt", "haupt|stadt"},
      {"grundgesetz", "grund|gesetz"},
  };
  for (const auto& c : cases) {
    INFO(c.word);
    CHECK(Describe(German().Split(c.word)) == c.split);
  }
}

TEST_CASE("Decompounder's query split also splits inflected listed compounds with short heads") {
  // For query words only (as the alternative "modifier AND head"): a
  // listed compound in an inflected form whose listed head has 2 or 3
  // letters ("Kuckucksei" + er) splits with the head inflected; the
  // uninflected word, and every word for indexing, stays whole.
  struct Case {
    const char* word;
    const char* query_split;
    const char* split;
  };
  const Case cases[] = {
      {"kuckuckseier", "kuckuck|eier", "(whole)"},  // Kuckuckseier (benchmark query cmp09)
      {"stadtrats", "stadt|rats", "stadt|rats"},    // already split for indexing
      {"kuckucksei", "(whole)", "(whole)"},
      {"ministern", "(whole)", "(whole)"},          // "ster" is no noun: not Mini|stern
      {"parteien", "(whole)", "(whole)"},           // "eien" is no noun: not Part|eien
      {"wahlbeteiligung", "wahl|beteiligung", "wahl|beteiligung"},  // as Split()
  };
  for (const auto& c : cases) {
    INFO(c.word);
    CHECK(Describe(German().QuerySplit(c.word)) == c.query_split);
    CHECK(Describe(German().Split(c.word)) == c.split);
  }
}

TEST_CASE("Decompounder prefers the longest head that is a base word") {
  struct Case {
    const char* word;
    const char* split;
  };
  const Case cases[] = {
      {"atomwaffenprogramm", "atomwaffe|programm"},  // "waffenprogramm" is no word; -n- dropped
      // A head that is a base word beats a longer compound head.
      {"kernkraftwerk", "kernkraft|werk"},
      {"klimaschutzgesetz", "klimaschutz|gesetz"},
      {"fahrradreifen", "fahrrad|reifen"},  // not fahr|radreifen
      {"mietpreisbremse", "mietpreis|bremse"},
  };
  for (const auto& c : cases) {
    INFO(c.word);
    CHECK(Describe(German().Split(c.word)) == c.split);
  }
}

TEST_CASE("Decompounder removes linking elements from the modifier") {
  // -s-, -es-, -n-, -en-, -er-: the modifier is the word the compound is
  // made from ("Verteidigungsminister" -> Verteidigung + Minister).
  struct Case {
    const char* word;
    const char* modifier;
    const char* head;
  };
  const Case cases[] = {
      {"verteidigungsminister", "verteidigung", "minister"},  // -s-
      {"sicherheitsrat", "sicherheit", "rat"},                // -s-, 3-letter head
      {"ratssitzung", "rats", "sitzung"},  // kept: "rat" is under 4 letters (same stem)
      {"arbeitsmarkt", "arbeit", "markt"},                    // -s-
      {"bundesregierung", "bund", "regierung"},               // -es-
      {"sonnenschein", "sonnen", "schein"},  // kept: "sonnen" is also a verb (same stem)
      {"praesidentenwahl", "praesident", "wahl"},             // -en-
      {"schwanenhals", "schwan", "hals"},                     // -en-
      {"kinderarzt", "kind", "arzt"},                         // -er-
  };
  for (const auto& c : cases) {
    INFO(c.word);
    auto split = German().Split(c.word);
    REQUIRE(split.has_value());
    CHECK(split->modifier == c.modifier);
    CHECK(split->head == c.head);
  }
}

TEST_CASE("Decompounder lists all parts, outermost first") {
  struct Case {
    const char* word;
    Parts parts;
  };
  const Case cases[] = {
      {"atomwaffenprogramm", {"atomwaffe", "programm", "atom", "waffe"}},
      {"kernkraftwerk", {"kernkraft", "werk", "kern", "kraft"}},
      {"schusswaffe", {"schuss", "waffe"}},
      {"haus", {}},
      {"ratte", {}},
  };
  for (const auto& c : cases) {
    INFO(c.word);
    CHECK(German().Parts(c.word) == c.parts);
  }
}

TEST_CASE("Decompounder splits a listed word only into two listed nouns, in its listed form") {
  // Hunspell lists these whole; both parts are listed nouns.
  CHECK(Describe(German().Split("walfang")) == "wal|fang");
  CHECK(Describe(German().Split("kindergarten")) == "kind|garten");
  // The inflected form is split like its listed form, the ending kept on
  // the head; an inflected head counts as its noun ("wunden" = "wunde" + n).
  CHECK(Describe(German().Split("bisswunden")) == "biss|wunden");
  // "minister" + n does not split, so neither does "ministern" (not
  // mini|stern); a head under 4 letters is not enough for a listed word.
  CHECK(Describe(German().Split("ministern")) == "(whole)");
  CHECK(Describe(German().Split("kuckucksei")) == "(whole)");
}

TEST_CASE("Decompounder leaves words that only look like compounds whole") {
  const char* words[] = {
      // The examples: no Ratte -> Rat, Separatist -> Rat, Parente -> Rente.
      "ratte",
      "separatist",
      "parente",
      // Inflected forms of simple words: not mini|stern, klo|stern.
      "ministern",
      "kloestern",
      // Words with a genuine ae/ue, names, lexicalised compounds.
      "michael",
      "aktuell",
      "israel",
      "standard",  // not stand|ard
      "brandenburg",
      // A German word ending in -ist, like Separatist: not genera|list.
      "generalist",
      // English words whose pieces are no German compound parts.
      "restart",
      "understand",
  };
  for (const char* word : words) {
    INFO(word);
    CHECK(Describe(German().Split(word)) == "(whole)");
    CHECK(German().Parts(word).empty());
  }
}

TEST_CASE("Decompounder leaves short words and short parts whole") {
  const char* words[] = {
      "",
      "haus",
      "zollamt",  // a 3-letter head needs a modifier of at least 5 letters
  };
  for (const char* word : words) {
    INFO(word);
    CHECK(Describe(German().Split(word)) == "(whole)");
  }
}

TEST_CASE("Decompounder does not split off derivational suffixes as words") {
  // "-schaft" makes nouns ("Meisterschaft" is Meister + -schaft); the noun
  // "Schaft" (shaft) is not a part, or a search for Schaft would find every
  // championship.
  for (const char* word : {"meisterschaft", "erbschaft", "bruderschaft"}) {
    Parts parts = German().Parts(word);
    std::string listed;
    for (const auto& part : parts) listed += " " + part;
    INFO(word << " ->" << listed);
    CHECK(std::find(parts.begin(), parts.end(), "schaft") == parts.end());
  }
}

}  // namespace
}  // namespace archivar::analysis
