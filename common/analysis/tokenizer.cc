#include "analysis/tokenizer.h"

#include "text/unicode.h"

#include <unicode/uchar.h>

namespace archivar::analysis {
namespace {

bool IsWordCodePoint(int32_t c) {
  if (c < 0) return false;
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// Characters that do not break a word when they stand inside it.
bool IsInWordIgnorable(int32_t c) {
  return c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060;
}

bool IsApostrophe(int32_t c) { return c == '\'' || c == 0x2019; }

bool IsHyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

int32_t PeekCodePoint(std::string_view text, std::size_t offset) {
  return offset < text.size() ? text::NextCodePoint(text, &offset) : -1;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text,
                            Xapian::termpos first_position) {
  std::vector<Token> tokens;
  Xapian::termpos position = first_position;
  std::size_t offset = 0;
  while (offset < text.size()) {
    std::size_t start = offset;
    int32_t c = text::NextCodePoint(text, &offset);
    if (!IsWordCodePoint(c)) {
      if (IsHyphen(c) && !tokens.empty() && tokens.back().end == start &&
          IsWordCodePoint(PeekCodePoint(text, offset))) {
        tokens.back().hyphen_before_next = true;
      }
      continue;
    }
    std::size_t end = offset;
    while (offset < text.size()) {
      std::size_t next = offset;
      int32_t d = text::NextCodePoint(text, &next);
      if (IsWordCodePoint(d)) {
        end = offset = next;
      } else if ((IsInWordIgnorable(d) || IsApostrophe(d)) &&
                 IsWordCodePoint(PeekCodePoint(text, next))) {
        offset = next;  // keep it inside the word; the next loop takes the letter
      } else {
        break;
      }
    }
    tokens.push_back(Token{text.substr(start, end - start), start, end,
                           position++, false});
    offset = end;
  }
  return tokens;
}

}  // namespace archivar::analysis
