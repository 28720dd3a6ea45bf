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

// The second bytes of the UTF-8 letters (C3 xx) German words are made of
// beyond ASCII, and what NFKC_Casefold makes of each.
struct GermanLetterFold {
  char second_byte;
  std::string_view folded;
};
constexpr GermanLetterFold kGermanLetterFolds[] = {
    {'\xA4', "\xC3\xA4"}, {'\xB6', "\xC3\xB6"}, {'\xBC', "\xC3\xBC"},  // ä ö ü
    {'\x84', "\xC3\xA4"}, {'\x96', "\xC3\xB6"}, {'\x9C', "\xC3\xBC"},  // Ä Ö Ü
    {'\x9F', "ss"},                                                     // ß
};

// Folds a word of ASCII characters and ä ö ü Ä Ö Ü ß without ICU, exactly as
// NFKC_Casefold does (these letters need no normalisation): most German
// words, so that a short run (one search) need not load ICU's normaliser
// data (about 0.8 ms).  False, with *out unspecified, for any other word.
bool FoldGermanLetters(std::string_view word, std::string* out) {
  out->clear();
  out->reserve(word.size() + 1);
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      *out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    if (c != '\xC3' || i + 1 == word.size()) return false;
    char second = word[i + 1];
    auto fold = std::find_if(std::begin(kGermanLetterFolds), std::end(kGermanLetterFolds),
                             [&](const GermanLetterFold& f) { return f.second_byte == second; });
    if (fold == std::end(kGermanLetterFolds)) return false;
    *out += fold->folded;
    ++i;
  }
  return true;
}

}  // namespace

std::string FoldWord(std::string_view word) {
  std::string out;
  if (FoldGermanLetters(word, &out)) return out;
  static const icu::Normalizer2& normalizer = NfkcCasefold();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = normalizer.normalize(
      icu::UnicodeString::fromUTF8(
          icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
      status);
  out.clear();
  if (U_SUCCESS(status)) folded.toUTF8String(out);
  return out;
}

}  // namespace archivar::text
