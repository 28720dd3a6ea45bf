// Unicode helpers shared by the format readers and the analyzer.
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace archivar::text {

// Returns true when `text` is well-formed UTF-8.  On failure, sets
// *bad_offset (if given) to the byte offset of the first invalid sequence.
bool IsValidUtf8(std::string_view text, std::size_t* bad_offset = nullptr);

// The 1-based line number of byte `offset` in `text`.
std::size_t LineOfOffset(std::string_view text, std::size_t offset);

// True when every byte of `text` is ASCII.
bool IsAscii(std::string_view text);

// Folds one word to the form terms are made from: NFKC normalisation,
// Unicode case folding (so "Straße" becomes "strasse") and removal of
// default-ignorable characters (soft hyphens, zero-width joiners).
// Input must be valid UTF-8.
std::string FoldWord(std::string_view word);

// Decodes the code point starting at text[*offset] and advances *offset
// past it.  Returns a negative value for an invalid sequence (and advances
// by one byte).
int32_t NextCodePoint(std::string_view text, std::size_t* offset);

}  // namespace archivar::text
