// search/snippet.h: the passage shown for a hit, with its matched words.
#include "search/snippet.h"

#include "analysis/tokenizer.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace archivar::search {
namespace {

using testing::MarkHighlights;

// "w01 w02 … wNN" with some words replaced, for window tests.
std::string Words(std::size_t count, const std::vector<std::pair<std::size_t, std::string>>& at) {
  std::vector<std::string> words;
  for (std::size_t i = 1; i <= count; ++i) {
    words.push_back((i < 10 ? "w0" : "w") + std::to_string(i));
  }
  for (const auto& [index, word] : at) words[index - 1] = word;  // 1-based
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

TEST_CASE("HighlightAll marks every word whose term is a query term") {
  analysis::Analyzer analyzer;
  struct Case {
    std::string text;
    TermSet terms;
    std::string marked;
  };
  const Case cases[] = {
      {"Neue Häuser für Berlin", {"haus"}, "Neue [Häuser] für Berlin"},
      {"Das Haus brennt. Zwei Häusern fehlt das Dach.", {"haus"},
       "Das [Haus] brennt. Zwei [Häusern] fehlt das Dach."},
      {"Abzug der US-Streitkräfte", {"us", "streitkraft"}, "Abzug der [US]-[Streitkräfte]"},
      {"Putin\u2019s Rede", {"putin"}, "[Putin\u2019s] Rede"},
      {"Ha\u0308user und Zei\u00ADtungen", {"haus", "zeitung"},
       "[Ha\u0308user] und [Zei\u00ADtungen]"},
      {"Nichts passt hier", {"haus"}, "Nichts passt hier"},
      {"", {"haus"}, ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(MarkHighlights(HighlightAll(c.text, c.terms, analyzer)) == c.marked);
  }
}

TEST_CASE("Snippet highlight byte ranges point at the matched words") {
  analysis::Analyzer analyzer;
  const std::string body = "Die Stadt baut neue Häuser.";
  Highlighted snippet = MakeSnippet(body, {"haus", "stadt"}, analyzer);
  CHECK(snippet.text == body);
  // "Stadt" is bytes 4-9; "Die Stadt baut neue " is 20 bytes and "Häuser" 7.
  using Range = std::pair<std::size_t, std::size_t>;
  CHECK(snippet.highlights == std::vector<Range>{{4, 9}, {20, 27}});
}

TEST_CASE("Snippet of a short body is the whole body without ellipses") {
  analysis::Analyzer analyzer;
  Highlighted snippet =
      MakeSnippet("Das Hochwasser erreicht Dresden. Häuser stehen unter Wasser.",
                  {"hochwass"}, analyzer);
  CHECK(MarkHighlights(snippet) ==
        "Das [Hochwasser] erreicht Dresden. Häuser stehen unter Wasser.");
}

TEST_CASE("Snippet window holds the most distinct query terms, with ellipses where cut") {
  analysis::Analyzer analyzer;
  // Word 5 is one hit; words 40 and 42 are two different hits.  The window
  // of 10 words starts 3 words before the first hit of the best passage.
  const std::string body = Words(60, {{5, "Haus"}, {40, "Garten"}, {42, "Häuser"}});
  Highlighted snippet = MakeSnippet(body, {"haus", "gart"}, analyzer, 10);
  CHECK(MarkHighlights(snippet) ==
        "\u2026w37 w38 w39 [Garten] w41 [Häuser] w43 w44 w45 w46\u2026");
}

TEST_CASE("Snippet prefers two different terms over the same term twice") {
  analysis::Analyzer analyzer;
  const std::string body =
      Words(50, {{4, "Haus"}, {6, "Häuser"}, {8, "Häusern"}, {30, "Haus"}, {33, "Garten"}});
  Highlighted snippet = MakeSnippet(body, {"haus", "gart"}, analyzer, 8);
  CHECK(MarkHighlights(snippet) == "\u2026w27 w28 w29 [Haus] w31 w32 [Garten] w34\u2026");
}

TEST_CASE("Snippet stops at the first window holding every query term the article has") {
  analysis::Analyzer analyzer;
  const std::string body =
      Words(80, {{4, "Haus"}, {6, "Garten"}, {50, "Haus"}, {52, "Garten"}}) + "\nNachsatz.";
  Highlighted full = MakeSnippet(body, {"haus", "gart"}, analyzer, 8);
  // Told that the article holds two query terms, it stops after the first
  // window with both: the same snippet as the full search, with less work.
  Highlighted early = MakeSnippet(body, {"haus", "gart"}, analyzer, 8, 2);
  CHECK(MarkHighlights(full) == "w01 w02 w03 [Haus] w05 [Garten] w07 w08\u2026");
  CHECK(MarkHighlights(early) == MarkHighlights(full));
  // A bound it cannot reach makes it look at the whole body.
  CHECK(MarkHighlights(MakeSnippet(body, {"haus", "gart"}, analyzer, 8, 3)) ==
        MarkHighlights(full));
}

TEST_CASE("Snippet stopped early still knows whether its window reaches the end") {
  analysis::Analyzer analyzer;
  const std::string body = "Erster Absatz ohne Treffer.\nDas Haus am Ende.";
  Highlighted snippet = MakeSnippet(body, {"haus"}, analyzer, 30, 1);
  CHECK(MarkHighlights(snippet) == "Erster Absatz ohne Treffer. Das [Haus] am Ende.");
}

TEST_CASE("Snippet without a match shows the opening words") {
  analysis::Analyzer analyzer;
  Highlighted snippet = MakeSnippet(Words(40, {}), {"haus"}, analyzer, 5);
  CHECK(snippet.text == "w01 w02 w03 w04 w05\u2026");
  CHECK(snippet.highlights.empty());
}

TEST_CASE("Snippet reaching the end keeps the closing punctuation and drops the last ellipsis") {
  analysis::Analyzer analyzer;
  Highlighted snippet = MakeSnippet(Words(20, {{19, "Haus"}}) + ".", {"haus"}, analyzer, 5);
  CHECK(MarkHighlights(snippet) == "\u2026w16 w17 w18 [Haus] w20.");
}

TEST_CASE("Snippet finds hits deep in one long paragraph, analysed piece by piece") {
  analysis::Analyzer analyzer;
  // 400 words on one line: several pieces of at most a few hundred bytes.
  Highlighted late = MakeSnippet(Words(400, {{300, "Haus"}}), {"haus"}, analyzer, 7, 1);
  CHECK(MarkHighlights(late) == "\u2026w297 w298 w299 [Haus] w301 w302 w303\u2026");

  std::string sentences;
  for (int i = 0; i < 60; ++i) sentences += "Der Bericht nennt keine Zahlen. ";
  sentences += "Neue Häuser entstehen am Stadtrand.";
  Highlighted end = MakeSnippet(sentences, {"haus"}, analyzer, 6, 1);
  CHECK(MarkHighlights(end) == "\u2026keine Zahlen. Neue [Häuser] entstehen am\u2026");
}

TEST_CASE("Snippet highlights a word for each of its terms, whatever the analysis changed") {
  // Snippets analyse only the words that hold a query term's first or last
  // letters; every term a word gives must still find it: inflections,
  // umlauts, compound parts, participles, spelling variants.
  analysis::Analyzer analyzer;
  const std::string body =
      "Vor den Häusern standen Bäume. Die Museen der Stadt zeigten Kinderbücher. "
      "Unbekannte haben Autos angezündet, ein Verletzter wurde gefasst. Das "
      "Atomwaffenprogramm beschäftigte die US-Streitkräfte. Müllers Straße in Muenchen, "
      "Erdoğans Besuch, Kuckuckseier und Schifffahrt auf der Mütter Wunsch.";
  for (const auto& token : analysis::Tokenize(body, 1)) {
    for (const auto& term : analyzer.WordTerms(token.text)) {
      INFO(token.text << " -> " << term.term);
      Highlighted snippet = MakeSnippet(body, {term.term}, analyzer, 1000);
      std::pair<std::size_t, std::size_t> word{token.start, token.end};
      CHECK(std::find(snippet.highlights.begin(), snippet.highlights.end(), word) !=
            snippet.highlights.end());
    }
  }
}

TEST_CASE("Snippet of a body shorter than the window is whole even when the hit is late") {
  // Regression: the window used to start three words before the hit even
  // when the whole body fit, cutting "Ein" off behind an ellipsis.
  analysis::Analyzer analyzer;
  CHECK(MarkHighlights(MakeSnippet("Ein Bericht über neue Häuser am Stadtrand.", {"haus"},
                                   analyzer)) ==
        "Ein Bericht über neue [Häuser] am Stadtrand.");
  CHECK(MarkHighlights(MakeSnippet(Words(10, {{9, "Haus"}}), {"haus"}, analyzer, 10)) ==
        "w01 w02 w03 w04 w05 w06 w07 w08 [Haus] w10");
}

TEST_CASE("Snippet near the end fills the window with the words before the hit") {
  analysis::Analyzer analyzer;
  Highlighted snippet = MakeSnippet(Words(20, {{19, "Haus"}}) + ".", {"haus"}, analyzer, 8);
  CHECK(MarkHighlights(snippet) == "\u2026w13 w14 w15 w16 w17 w18 [Haus] w20.");
}

TEST_CASE("Snippet turns line breaks into spaces") {
  analysis::Analyzer analyzer;
  Highlighted snippet =
      MakeSnippet("Erster Absatz über Häuser.\nZweiter Absatz.", {"haus"}, analyzer);
  CHECK(MarkHighlights(snippet) == "Erster Absatz über [Häuser]. Zweiter Absatz.");
}

TEST_CASE("Snippet of an empty body or with no words allowed is empty") {
  analysis::Analyzer analyzer;
  CHECK(MakeSnippet("", {"haus"}, analyzer).text.empty());
  CHECK(MakeSnippet(" ... ", {"haus"}, analyzer).text.empty());
  Highlighted none = MakeSnippet("Haus", {"haus"}, analyzer, 0);
  CHECK(none.text.empty());
  CHECK(none.highlights.empty());
}

}  // namespace
}  // namespace archivar::search
