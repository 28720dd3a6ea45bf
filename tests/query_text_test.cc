// search/query_text.h: typed query text made plain before the QueryParser
// reads it, and compound query words that also find their parts.
#include "search/query_text.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::search {
namespace {

TEST_CASE("NormalizeQueryText turns typographic quotes into phrase quotes") {
  struct Case {
    const char* typed;
    const char* plain;
  };
  const Case cases[] = {
      {"\u201EWahl in Berlin\u201C", "\"Wahl in Berlin\""},  // German „…“
      {"\u201CWahl in Berlin\u201D", "\"Wahl in Berlin\""},  // English “…”
      {"\u00BBWahl\u00AB", "\"Wahl\""},                      // guillemets »…«
      {"\u00ABWahl\u00BB", "\"Wahl\""},
      {"\"Wahl\"", "\"Wahl\""},
  };
  for (const auto& c : cases) {
    INFO(c.typed);
    CHECK(NormalizeQueryText(c.typed) == c.plain);
  }
}

TEST_CASE("NormalizeQueryText turns typographic apostrophes into '") {
  struct Case {
    const char* typed;
    const char* plain;
  };
  const Case cases[] = {
      {"Putin\u2019s", "Putin's"},
      {"Putin\u2018s", "Putin's"},
      {"Putin's", "Putin's"},
  };
  for (const auto& c : cases) {
    INFO(c.typed);
    CHECK(NormalizeQueryText(c.typed) == c.plain);
  }
}

TEST_CASE("NormalizeQueryText turns Unicode spaces and control characters into spaces") {
  struct Case {
    const char* typed;
    const char* plain;
  };
  const Case cases[] = {
      {"neue\u00A0H\u00E4user", "neue H\u00E4user"},  // no-break space
      {"neue\u202FH\u00E4user", "neue H\u00E4user"},  // narrow no-break space
      {"neue\u2009H\u00E4user", "neue H\u00E4user"},  // thin space
      {"neue\u3000H\u00E4user", "neue H\u00E4user"},  // ideographic space
      {"Haus\tBerlin\nMitte\rNord", "Haus Berlin Mitte Nord"},
      {"Haus\x01" "Berlin\x7F" "Mitte", "Haus Berlin Mitte"},
      // C1 controls too (found by the query fuzz target: they stayed).
      {"Haus\u0085" "Berlin\u009B" "Mitte\u0080", "Haus Berlin Mitte "},
  };
  for (const auto& c : cases) {
    INFO(c.typed);
    CHECK(NormalizeQueryText(c.typed) == c.plain);
  }
}

TEST_CASE("NormalizeQueryText removes soft hyphens and zero-width characters") {
  struct Case {
    const char* typed;
    const char* plain;
  };
  const Case cases[] = {
      {"Zei\u00ADtung", "Zeitung"},  // soft hyphen
      {"Zei\u200Btung", "Zeitung"},  // zero-width space
      {"Zei\u200Dtung", "Zeitung"},  // zero-width joiner
      {"\uFEFFZeitung", "Zeitung"},  // byte order mark
  };
  for (const auto& c : cases) {
    INFO(c.typed);
    CHECK(NormalizeQueryText(c.typed) == c.plain);
  }
}

TEST_CASE("NormalizeQueryText composes NFD text to NFC") {
  CHECK(NormalizeQueryText("Mu\u0308nchen") == "M\u00FCnchen");
  CHECK(NormalizeQueryText("Ha\u0308user") == "H\u00E4user");
  CHECK(NormalizeQueryText("Erdog\u0306an") == "Erdo\u011Fan");
  CHECK(NormalizeQueryText("M\u00FCnchen") == "M\u00FCnchen");  // NFC stays
}

TEST_CASE("NormalizeQueryText drops invalid UTF-8 bytes") {
  struct Case {
    std::string typed;
    std::string plain;
  };
  const Case cases[] = {
      {"Stra\xDF" "e", "Strae"},   // a Latin-1 sharp s
      {"\xFF\xFEHaus", "Haus"},    // bytes never valid in UTF-8
      {"Haus\xC3", "Haus"},        // cut-off sequence at the end
      {"Ha\xC3\x28us", "Ha(us"},   // lead byte without continuation
  };
  for (const auto& c : cases) {
    INFO(c.typed);
    CHECK(NormalizeQueryText(c.typed) == c.plain);
  }
}

TEST_CASE("NormalizeQueryText leaves plain query syntax alone") {
  const char* queries[] = {
      "",
      "Haus",
      "H\u00E4user \"Stadt der Literatur\" title:Wahl",
      "(Haus OR Wohnung) AND NOT Miete",
      "+Wahl -Berlin Wahl* date:2020..2021",
      "Wahl NEAR/3 Berlin",
      "US-Streitkr\u00E4ften",
  };
  for (const char* query : queries) {
    INFO(query);
    CHECK(NormalizeQueryText(query) == query);
  }
}

// Treats every word as known German, so only the compound rules decide.
bool KnowsEveryWord(std::string_view) { return true; }

TEST_CASE("MarkCompoundWords sends compounds through the compound field") {
  struct Case {
    const char* query;
    const char* marked;
  };
  const Case cases[] = {
      {"Wahlbeteiligung", "archivarcompound:Wahlbeteiligung"},
      {"Haus Wahlbeteiligung", "Haus archivarcompound:Wahlbeteiligung"},
      {"Atomwaffen Programm", "archivarcompound:Atomwaffen Programm"},
      {"Wahlbeteiligung AND Literaturstadt",
       "archivarcompound:Wahlbeteiligung AND archivarcompound:Literaturstadt"},
      {"(Wahlbeteiligung OR Haus)", "(archivarcompound:Wahlbeteiligung OR Haus)"},
      {"title:Wahl Wahlbeteiligung", "title:Wahl archivarcompound:Wahlbeteiligung"},
      {"\"die Wahl\" Wahlbeteiligung", "\"die Wahl\" archivarcompound:Wahlbeteiligung"},
      {"+Wahlbeteiligung", "+archivarcompound:Wahlbeteiligung"},  // required
      {"Haus NOT Wahlbeteiligung", "Haus NOT Wahlbeteiligung"},   // excluded: whole only
  };
  analysis::Analyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK(MarkCompoundWords(c.query, analyzer, KnowsEveryWord) == c.marked);
  }
}

TEST_CASE("MarkCompoundWords leaves phrases, fields, wildcards, exclusions and operators alone") {
  const char* queries[] = {
      "",
      "Haus",
      "Ratte Separatist",               // no compounds
      "\"Wahlbeteiligung\"",            // a phrase of one word
      "\"die Wahlbeteiligung sinkt\"",  // a compound inside a phrase
      "title:Wahlbeteiligung",          // a field
      "titel:\"Wahlbeteiligung\"",
      "-Wahlbeteiligung",               // excluded
      "Wahlbeteiligung*",               // wildcards
      "Wahlbet*",
      "US-Streitkr\u00E4ften",          // a hyphenated word is read as a phrase
      "AND OR NOT XOR NEAR ADJ",
      "Haus AND Berlin",
  };
  analysis::Analyzer analyzer;
  for (const char* query : queries) {
    INFO(query);
    CHECK(MarkCompoundWords(query, analyzer, KnowsEveryWord) == query);
  }
}

TEST_CASE("MarkCompoundWords leaves the neighbours of NEAR and ADJ alone") {
  const char* queries[] = {
      "Wahlbeteiligung NEAR Berlin",
      "Berlin NEAR Wahlbeteiligung",
      "Wahlbeteiligung NEAR/3 Berlin",
      "Wahlbeteiligung ADJ Berlin",
      "Berlin ADJ/2 Wahlbeteiligung",
  };
  analysis::Analyzer analyzer;
  for (const char* query : queries) {
    INFO(query);
    CHECK(MarkCompoundWords(query, analyzer, KnowsEveryWord) == query);
  }
}

TEST_CASE("MarkCompoundWords marks words that may start unknown compounds, not unknown splits") {
  // The caller's unknown_modifier predicate marks words that do not split
  // ("Sprinkler", for "Sprinkleranlage"); a word that splits still needs
  // to be known German, so "Iceland" (ice|land) stays whole even then.
  analysis::Analyzer analyzer;
  auto knows_nothing = [](std::string_view) { return false; };
  auto every_word_may_start_compounds = [](std::string_view) { return true; };
  CHECK(MarkCompoundWords("Sprinkler Iceland", analyzer, knows_nothing,
                          every_word_may_start_compounds) ==
        "archivarcompound:Sprinkler Iceland");
  CHECK(MarkCompoundWords("\"Sprinkler\" -Hotel", analyzer, knows_nothing,
                          every_word_may_start_compounds) == "\"Sprinkler\" -Hotel");
  CHECK(MarkCompoundWords("Sprinkler Hotel", analyzer, knows_nothing) == "Sprinkler Hotel");
}

TEST_CASE("MarkCompoundWords marks an unknown compound joined by a linking element") {
  // "Wirts|vogel" is German compounding even when no word list or article
  // has the word; English look-alikes ("ice|land", "land|mark") have no
  // linking element and stay whole.
  analysis::Analyzer analyzer;
  auto knows_nothing = [](std::string_view) { return false; };
  CHECK(MarkCompoundWords("Wirtsvogel Iceland Landmark", analyzer, knows_nothing) ==
        "archivarcompound:Wirtsvogel Iceland Landmark");
}

TEST_CASE("MarkCompoundWords leaves words whole that are not known German") {
  // "Landmark" and "Iceland" split into German-looking parts (land|mark,
  // ice|land); they are marked only when the caller knows them as German.
  analysis::Analyzer analyzer;
  auto knows_only_wahlbeteiligung = [](std::string_view word) {
    return word == "Wahlbeteiligung";
  };
  CHECK(MarkCompoundWords("Landmark Iceland Wahlbeteiligung", analyzer,
                          knows_only_wahlbeteiligung) ==
        "Landmark Iceland archivarcompound:Wahlbeteiligung");
}

TEST_CASE("DropStopwordOperands removes stop words from explicit AND chains") {
  struct Case {
    const char* query;
    const char* kept;
  };
  const Case cases[] = {
      {"Auto AND aus AND dem AND Fenster", "Auto AND Fenster"},
      {"der AND Hund", "Hund"},
      {"Hund AND der", "Hund"},
      {"Hund der Katze", "Hund der Katze"},            // implicit: the parser drops them
      {"\"Stadt der Literatur\" AND Bad", "\"Stadt der Literatur\" AND Bad"},  // phrase
      {"der AND die", "der AND die"},                  // nothing else left: unchanged
  };
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK(DropStopwordOperands(c.query) == c.kept);
  }
}

}  // namespace
}  // namespace archivar::search
