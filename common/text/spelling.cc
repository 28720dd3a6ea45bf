#include "text/spelling.h"

#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace archivar::text {
namespace {

constexpr std::string_view kUmlauts[][2] = {
    {"\u00e4", "ae"}, {"\u00f6", "oe"}, {"\u00fc", "ue"}};

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// ICU transliterators are not safe to share between threads: one each.
std::string LatinToAscii(const std::string& text) {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  if (!transliterator) return text;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  transliterator->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

// Letters with marks (é, ğ, ă, ę) without the marks: canonical
// decomposition, combining marks dropped.  Gives what Latin-ASCII gives for
// them, without building that transliterator — which takes milliseconds,
// too long for a search that meets one "café" in a snippet.  The result
// may keep other non-ASCII letters (ł, ø, æ, Cyrillic).
std::string WithoutMarks(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(text), status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

bool HasGermanUmlaut(std::string_view folded_word) {
  return std::any_of(std::begin(kUmlauts), std::end(kUmlauts), [&](const auto& pair) {
    return folded_word.find(pair[0]) != std::string_view::npos;
  });
}

std::string GermanSpelling(std::string_view folded_word) {
  std::string spelled(folded_word);
  if (IsAscii(spelled)) return spelled;
  for (const auto& [umlaut, spelling] : kUmlauts) {
    spelled = ReplaceAll(std::move(spelled), umlaut, spelling);
  }
  if (IsAscii(spelled)) return spelled;
  std::string unmarked = WithoutMarks(spelled);
  return IsAscii(unmarked) ? unmarked : LatinToAscii(spelled);
}

std::string WithUmlauts(std::string_view spelled_word) {
  std::string out;
  out.reserve(spelled_word.size());
  for (std::size_t i = 0; i < spelled_word.size(); ++i) {
    char c = spelled_word[i];
    bool e_follows = i + 1 < spelled_word.size() && spelled_word[i + 1] == 'e';
    char before = i > 0 ? spelled_word[i - 1] : '\0';
    if (e_follows && c == 'a') {
      out += kUmlauts[0][0];
    } else if (e_follows && c == 'o') {
      out += kUmlauts[1][0];
    } else if (e_follows && c == 'u' && before != 'a' && before != 'e' && before != 'q') {
      out += kUmlauts[2][0];
    } else {
      out += c;
      continue;
    }
    ++i;  // skip the 'e'
  }
  return out;
}

}  // namespace archivar::text
