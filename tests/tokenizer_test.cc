// analysis/tokenizer.h: words, their byte offsets and positions.
#include "analysis/tokenizer.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::analysis {
namespace {

// The tokens as one string for whole-output comparison:
// "start-end@position:text", with a trailing "-" when hyphen_before_next.
std::string Describe(const std::vector<Token>& tokens) {
  std::string out;
  for (const auto& token : tokens) {
    if (!out.empty()) out += ' ';
    out += std::to_string(token.start) + "-" + std::to_string(token.end) + "@" +
           std::to_string(token.position) + ":" + std::string(token.text);
    if (token.hyphen_before_next) out += '-';
  }
  return out;
}

struct Case {
  std::string input;
  std::string tokens;
};

void CheckCases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO(c.input);
    auto tokens = Tokenize(c.input);
    CHECK(Describe(tokens) == c.tokens);
    for (const auto& token : tokens) {  // every token is a view of its bytes
      CHECK(c.input.substr(token.start, token.end - token.start) == token.text);
    }
  }
}

TEST_CASE("Tokenizer gives byte offsets and consecutive positions, umlauts included") {
  CheckCases({
      // "Häuser" is 7 bytes: ä takes two.
      {"Die Häuser brennen.", "0-3@1:Die 4-11@2:Häuser 12-19@3:brennen"},
      {"Über Straßen", "0-5@1:Über 6-14@2:Straßen"},
      {"  (Köln)  ", "3-8@1:Köln"},
      {"Am 12.09.2023 um 10 Uhr", "0-2@1:Am 3-5@2:12 6-8@3:09 9-13@4:2023 14-16@5:um "
                                  "17-19@6:10 20-23@7:Uhr"},
  });
}

TEST_CASE("Tokenizer keeps a combining mark inside the word (NFD input)") {
  // "Mu\u0308ller": M, u, U+0308 (two bytes), l, l, e, r = 8 bytes.
  CheckCases({
      {"Mu\u0308ller kommt", "0-8@1:Mu\u0308ller 9-14@2:kommt"},
      {"Ha\u0308user", "0-8@1:Ha\u0308user"},
  });
}

TEST_CASE("Tokenizer keeps a soft hyphen inside a word but not at its edge") {
  // U+00AD is two bytes: "Zei\u00ADtung" is 3 + 2 + 4 = 9 bytes.
  CheckCases({
      {"Zei\u00ADtung lesen", "0-9@1:Zei\u00ADtung 10-15@2:lesen"},
      {"Zeitung\u00AD lesen", "0-7@1:Zeitung 10-15@2:lesen"},
      {"Bundes\u200Dtag", "0-12@1:Bundes\u200Dtag"},  // zero-width joiner, 3 bytes
  });
}

TEST_CASE("Tokenizer keeps an apostrophe between two letters inside the word") {
  // U+2019 is three bytes: "Putin’s" is 5 + 3 + 1 = 9 bytes.
  CheckCases({
      {"Putin\u2019s Rede", "0-9@1:Putin\u2019s 10-14@2:Rede"},
      {"geht's los", "0-6@1:geht's 7-10@2:los"},
      {"'Haus'", "1-5@1:Haus"},               // quotes around a word
      {"Putin\u2019 Rede", "0-5@1:Putin 9-13@2:Rede"},  // trailing apostrophe
  });
}

TEST_CASE("Tokenizer splits hyphenated words into parts at consecutive positions") {
  CheckCases({
      // "Streitkräften" is 14 bytes.
      {"US-Streitkräften ziehen ab", "0-2@1:US- 3-17@2:Streitkräften 18-24@3:ziehen 25-27@4:ab"},
      {"Nord-Süd-Konflikt", "0-4@1:Nord- 5-9@2:Süd- 10-18@3:Konflikt"},
      {"E\u2010Mail", "0-1@1:E- 4-8@2:Mail"},  // U+2010 HYPHEN, three bytes
  });
}

TEST_CASE("Tokenizer marks hyphen_before_next only for a hyphen between two words") {
  CheckCases({
      {"Haus- und Gartenbau", "0-4@1:Haus 6-9@2:und 10-19@3:Gartenbau"},
      {"Haus - Garten", "0-4@1:Haus 7-13@2:Garten"},
      {"-Haus", "1-5@1:Haus"},
      {"Haus -Garten", "0-4@1:Haus 6-12@2:Garten"},
      {"Haus--Garten", "0-4@1:Haus 6-12@2:Garten"},
  });
}

TEST_CASE("Tokenizer treats punctuation and invalid UTF-8 bytes as separators") {
  CheckCases({
      {"Haus\xFFGarten", "0-4@1:Haus 5-11@2:Garten"},
      {"Haus,Garten;Hof", "0-4@1:Haus 5-11@2:Garten 12-15@3:Hof"},
      {"", ""},
      {" ... !? \xFF ", ""},
  });
}

TEST_CASE("Tokenizer counts positions from first_position") {
  auto tokens = Tokenize("eins zwei", 101);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].position == 101);
  CHECK(tokens[1].position == 102);
}

}  // namespace
}  // namespace archivar::analysis
