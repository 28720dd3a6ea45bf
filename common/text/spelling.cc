#include "text/spelling.h"

#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <iterator>

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

// The Latin letters (case-folded) that have no canonical decomposition and
// are not ASCII, with the ASCII letters ICU 72's Latin-ASCII transliterator
// gives for them, lower-cased ("ł" -> "l", "æ" -> "ae", "þ" -> "th").
// Sorted by code point.  A table, not the transliterator: linking ICU's
// i18n library only for it cost every search about 2 ms of start-up.
// tests/spelling_test.cc checks it against the transliterator.
struct AsciiLetters {
  char32_t letter;
  const char* ascii;
};
constexpr AsciiLetters kUndecomposableLatin[] = {
    {0xE6, "ae"}, {0xF0, "d"}, {0xF8, "o"}, {0xFE, "th"}, {0x111, "d"}, {0x127, "h"},
    {0x131, "i"}, {0x138, "q"}, {0x142, "l"}, {0x14B, "n"}, {0x153, "oe"}, {0x167, "t"},
    {0x180, "b"}, {0x183, "b"}, {0x188, "c"}, {0x18C, "d"}, {0x192, "f"}, {0x195, "hv"},
    {0x199, "k"}, {0x19A, "l"}, {0x19E, "n"}, {0x1A3, "oi"}, {0x1A5, "p"}, {0x1AB, "t"},
    {0x1AD, "t"}, {0x1B4, "y"}, {0x1B6, "z"}, {0x1E3, "ae"}, {0x1E5, "g"}, {0x1FD, "ae"},
    {0x1FF, "o"}, {0x221, "d"}, {0x225, "z"}, {0x234, "l"}, {0x235, "n"}, {0x236, "t"},
    {0x237, "j"}, {0x238, "db"}, {0x239, "qp"}, {0x23C, "c"}, {0x23F, "s"}, {0x240, "z"},
    {0x247, "e"}, {0x249, "j"}, {0x24D, "r"}, {0x24F, "y"}, {0x253, "b"}, {0x255, "c"},
    {0x256, "d"}, {0x257, "d"}, {0x25B, "e"}, {0x25F, "j"}, {0x260, "g"}, {0x261, "g"},
    {0x262, "g"}, {0x266, "h"}, {0x267, "h"}, {0x268, "i"}, {0x26A, "i"}, {0x26B, "l"},
    {0x26C, "l"}, {0x26D, "l"}, {0x271, "m"}, {0x272, "n"}, {0x273, "n"}, {0x274, "n"},
    {0x276, "oe"}, {0x27C, "r"}, {0x27D, "r"}, {0x27E, "r"}, {0x280, "r"}, {0x282, "s"},
    {0x288, "t"}, {0x289, "u"}, {0x28B, "v"}, {0x28F, "y"}, {0x290, "z"}, {0x291, "z"},
    {0x299, "b"}, {0x29B, "g"}, {0x29C, "h"}, {0x29D, "j"}, {0x29F, "l"}, {0x2A0, "q"},
    {0x2A3, "dz"}, {0x2A5, "dz"}, {0x2A6, "ts"}, {0x2AA, "ls"}, {0x2AB, "lz"}, {0x1D00, "a"},
    {0x1D01, "ae"}, {0x1D03, "b"}, {0x1D04, "c"}, {0x1D05, "d"}, {0x1D06, "d"}, {0x1D07, "e"},
    {0x1D0A, "j"}, {0x1D0B, "k"}, {0x1D0C, "l"}, {0x1D0D, "m"}, {0x1D0F, "o"}, {0x1D18, "p"},
    {0x1D1B, "t"}, {0x1D1C, "u"}, {0x1D20, "v"}, {0x1D21, "w"}, {0x1D22, "z"}, {0x1D6B, "ue"},
    {0x1D6C, "b"}, {0x1D6D, "d"}, {0x1D6E, "f"}, {0x1D6F, "m"}, {0x1D70, "n"}, {0x1D71, "p"},
    {0x1D72, "r"}, {0x1D73, "r"}, {0x1D74, "s"}, {0x1D75, "t"}, {0x1D76, "z"}, {0x1D7A, "th"},
    {0x1D7B, "i"}, {0x1D7D, "p"}, {0x1D7E, "u"}, {0x1D80, "b"}, {0x1D81, "d"}, {0x1D82, "f"},
    {0x1D83, "g"}, {0x1D84, "k"}, {0x1D85, "l"}, {0x1D86, "m"}, {0x1D87, "n"}, {0x1D88, "p"},
    {0x1D89, "r"}, {0x1D8A, "s"}, {0x1D8C, "v"}, {0x1D8D, "x"}, {0x1D8E, "z"}, {0x1D8F, "a"},
    {0x1D91, "d"}, {0x1D92, "e"}, {0x1D93, "e"}, {0x1D96, "i"}, {0x1D99, "u"}, {0x1E9C, "s"},
    {0x1E9D, "s"}, {0x1EFB, "ll"}, {0x1EFD, "v"}, {0x1EFF, "y"},
};

// The ASCII spelling of an undecomposable Latin letter, or null.
const char* AsciiSpelling(UChar32 letter) {
  auto end = std::end(kUndecomposableLatin);
  auto found = std::lower_bound(std::begin(kUndecomposableLatin), end, letter,
                                [](const AsciiLetters& entry, UChar32 wanted) {
                                  return static_cast<UChar32>(entry.letter) < wanted;
                                });
  return found != end && static_cast<UChar32>(found->letter) == letter ? found->ascii : nullptr;
}

// Latin letters in ASCII, as ICU's Latin-ASCII transliterator spells them:
// letters with marks (é, ğ, ă, ę) without the marks (canonical
// decomposition, combining marks dropped), undecomposable ones (ł, ø, æ)
// from kUndecomposableLatin.  Other scripts (Cyrillic, Greek) stay as they
// are, marks included.
std::string LatinInAscii(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString out;
  bool after_latin = false;  // a mark on its own belongs to the letter before
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (!after_latin) out.append(c);
      continue;
    }
    after_latin = c < 0x80 || uscript_getScript(c, &status) == USCRIPT_LATIN;
    if (c < 0x80 || !after_latin) {
      out.append(c);
      continue;
    }
    icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(c), status);
    for (int32_t j = 0; j < decomposed.length(); j = decomposed.moveIndex32(j, 1)) {
      UChar32 part = decomposed.char32At(j);
      if (u_charType(part) == U_NON_SPACING_MARK) continue;
      const char* ascii = part < 0x80 ? nullptr : AsciiSpelling(part);
      if (ascii != nullptr) {
        out.append(icu::UnicodeString(ascii));
      } else {
        out.append(part);
      }
    }
  }
  std::string spelled;
  out.toUTF8String(spelled);
  return spelled;
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
  return LatinInAscii(spelled);
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
