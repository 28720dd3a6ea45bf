#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

namespace archivar::text {

bool IsValidUtf8(std::string_view text, std::size_t* bad_offset) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    std::size_t start = offset;
    if (NextCodePoint(text, &offset) < 0) {
      if (bad_offset) *bad_offset = start;
      return false;
    }
  }
  return true;
}

std::size_t LineOfOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + offset, '\n'));
}

int32_t NextCodePoint(std::string_view text, std::size_t* offset) {
  int32_t i = static_cast<int32_t>(*offset);
  int32_t length = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, length, c);
  *offset = static_cast<std::size_t>(i);
  return c;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

namespace {

const icu::Normalizer2& NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || normalizer == nullptr) {
    throw std::runtime_error("ICU: NFKC_Casefold normaliser unavailable");
  }
  return *normalizer;
}

}  // namespace

std::string FoldWord(std::string_view word) {
  if (IsAscii(word)) {
    std::string folded(word);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  static const icu::Normalizer2& normalizer = NfkcCasefold();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = normalizer.normalize(
      icu::UnicodeString::fromUTF8(
          icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
      status);
  std::string out;
  if (U_SUCCESS(status)) folded.toUTF8String(out);
  return out;
}

}  // namespace archivar::text
