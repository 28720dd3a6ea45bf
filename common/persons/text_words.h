// TextWords: a text as the person recognizer reads it — words (tokens, or
// hyphenated groups of tokens such as "Hans-Dietrich" or "FDP-Chef") with
// their byte offsets, their WordFacts, and what stands between each word
// and the next (spaces only, a comma, a period, a parenthesis, …).
// Internal to common/persons/.
#pragma once

#include "persons/word_classifier.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

namespace archivar::persons {

// What stands in the gap between two words (or before the first word).
enum GapFlag : uint16_t {
  kGapSpace = 1 << 0,         // white space (no line break)
  kGapNewline = 1 << 1,       // a line break
  kGapPeriod = 1 << 2,        // one '.'
  kGapComma = 1 << 3,         // ','
  kGapOpenParen = 1 << 4,     // '(' or '['
  kGapCloseParen = 1 << 5,    // ')' or ']'
  kGapQuote = 1 << 6,         // quotation marks of any kind
  kGapColon = 1 << 7,         // ':' or ';'
  kGapSentenceEnd = 1 << 8,   // '!', '?', or more than one '.'
  kGapDash = 1 << 9,          // '-', '–', '—' standing alone
  kGapApostrophe = 1 << 10,   // an apostrophe right after the word ("Albers'")
  kGapOther = 1 << 11,        // anything else ('/', '&', '@', …)
};

struct TextWord {
  std::string_view text;     // as written (a group includes its hyphens)
  std::size_t start = 0;     // byte offsets in the text
  std::size_t end = 0;
  const WordFacts* facts = nullptr;
  uint16_t gap_before = 0;   // GapFlag bits of the text before this word
  uint16_t gap_after = 0;    // GapFlag bits of the text after it
};

class TextWords {
 public:
  TextWords(std::string_view text, WordClassifier& classifier);

  std::size_t size() const { return words_.size(); }
  const TextWord& operator[](std::size_t i) const { return words_[i]; }
  std::string_view text() const { return text_; }

  // True when word i directly follows word i-1 with only spaces between,
  // or with just a period after an initial ("George W. Bush") or after a
  // title abbreviation ("Dr. Loo", "Dr . Meier").
  bool Connected(std::size_t i) const;
  bool SpacesOnlyBefore(std::size_t i) const { return i > 0 && words_[i].gap_before == kGapSpace; }
  bool PeriodOnlyBefore(std::size_t i) const;

  // True when a clause starts at word i: the text's first word, or a word
  // after punctuation or after a conjunction ("und", "dass", "aber").
  bool ClauseStart(std::size_t i) const;

 private:
  std::string_view text_;
  std::vector<TextWord> words_;
  std::deque<WordFacts> group_facts_;  // facts of hyphenated groups
};

}  // namespace archivar::persons
