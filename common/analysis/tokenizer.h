// Tokenizer: splits UTF-8 text into words, keeping where each came from.
//
// A word is a run of letters, digits and combining marks.  Inside a word it
// may also contain default-ignorable characters (soft hyphens, zero-width
// joiners) and an apostrophe (' or ’) between two letters ("Putin’s").
// Hyphens separate words: "US-Streitkräften" gives "US" and
// "Streitkräften" at consecutive positions, which is also how Xapian's
// QueryParser reads a hyphenated query word (as a phrase).
//
// Thread-safe; the tokens view into the caller's text, which must outlive
// them.  Invalid UTF-8 bytes are treated as separators.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace archivar::analysis {

struct Token {
  std::string_view text;     // the word exactly as it stands in the input
  std::size_t start = 0;     // byte offset of the first byte in the input
  std::size_t end = 0;       // byte offset one past the last byte
  Xapian::termpos position = 0;  // word position, consecutive from the first
  // True when a hyphen joins this word to the next one ("US-" in
  // "US-Streitkräften").
  bool hyphen_before_next = false;
};

// Splits `text` into tokens; positions count up from `first_position`.
std::vector<Token> Tokenize(std::string_view text,
                            Xapian::termpos first_position = 1);

}  // namespace archivar::analysis
