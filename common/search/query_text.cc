#include "search/query_text.h"

#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace archivar::search {
namespace {

bool IsDoubleQuote(int32_t c) {
  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x00AB ||
         c == 0x00BB || c == 0x2033;
}

bool IsSingleQuote(int32_t c) {
  return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032;
}

bool IsRemovable(int32_t c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF;
}

void AppendCodePoint(std::string& out, int32_t c) {
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
}

// True when every code point of `text` is at most U+00FF (ASCII and
// Latin-1, the German letters included): such text is in NFC already.
bool IsLatin1(std::string_view text) {
  for (std::size_t offset = 0; offset < text.size();) {
    int32_t c = text::NextCodePoint(text, &offset);
    if (c < 0 || c > 0xFF) return false;
  }
  return true;
}

// ICU's normaliser is asked only about text beyond Latin-1: loading its
// data costs about 0.3 ms of a one-query process.
std::string ToNfc(const std::string& text) {
  if (IsLatin1(text)) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(text), status);
  std::string out;
  if (U_SUCCESS(status)) normalized.toUTF8String(out);
  return U_SUCCESS(status) ? out : text;
}

bool IsOperator(std::string_view word) {
  static const std::unordered_set<std::string_view> kOperators = {"AND", "OR",   "NOT",
                                                                   "XOR", "NEAR", "ADJ"};
  return kOperators.count(word) != 0;
}

bool IsProximityOperator(std::string_view word) {
  return word == "NEAR" || word == "ADJ" || word.rfind("NEAR/", 0) == 0 ||
         word.rfind("ADJ/", 0) == 0;
}

// A query chunk: a run of characters between spaces and brackets.
struct Chunk {
  std::size_t begin;
  std::size_t end;
  bool in_phrase;
};

std::vector<Chunk> SplitChunks(const std::string& text) {
  std::vector<Chunk> chunks;
  bool in_phrase = false;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '(' || c == ')') {
      ++i;
      continue;
    }
    std::size_t begin = i;
    bool starts_in_phrase = in_phrase;
    while (i < text.size() && text[i] != ' ' && text[i] != '(' && text[i] != ')') {
      if (text[i] == '"') in_phrase = !in_phrase;
      ++i;
    }
    chunks.push_back({begin, i, starts_in_phrase || text.find('"', begin) < i});
  }
  return chunks;
}

// True when the chunk is a plain word: letters (any script) only.
bool IsPlainWord(std::string_view chunk) {
  std::size_t offset = 0;
  while (offset < chunk.size()) {
    int32_t c = text::NextCodePoint(chunk, &offset);
    if (c < 0 || !u_isalpha(c)) return false;
  }
  return !chunk.empty();
}

}  // namespace

std::string NormalizeQueryText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    int32_t c = text::NextCodePoint(text, &offset);
    if (c < 0 || IsRemovable(c)) continue;
    if (IsDoubleQuote(c)) out += '"';
    else if (IsSingleQuote(c)) out += '\'';
    else if (c != ' ' && (u_isUWhiteSpace(c) || c == 0x00A0)) out += ' ';
    else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) out += ' ';  // C0, DEL, C1
    else AppendCodePoint(out, c);
  }
  return ToNfc(out);
}

namespace {

std::string_view ChunkText(const std::string& text, const Chunk& chunk) {
  return std::string_view(text).substr(chunk.begin, chunk.end - chunk.begin);
}

bool IsBesideProximity(const std::string& text, const std::vector<Chunk>& chunks,
                       std::size_t i) {
  return (i > 0 && IsProximityOperator(ChunkText(text, chunks[i - 1]))) ||
         (i + 1 < chunks.size() && IsProximityOperator(ChunkText(text, chunks[i + 1])));
}

// True when the split dropped a linking element between the parts
// ("wirts|vogel" -> wirt + vogel): German compounding, which English
// look-alikes ("ice|land", "land|mark") lack.
bool HasLinkingElement(const analysis::CompoundSplit& split, std::string_view word) {
  return analysis::Analyzer::CanonicalSpelling(word).size() >
         split.modifier.size() + split.head.size();
}

}  // namespace

std::string MarkCompoundWords(const std::string& text, analysis::Analyzer& analyzer,
                              const KnownWord& known, const KnownWord& unknown_modifier) {
  std::vector<Chunk> chunks = SplitChunks(text);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    std::string_view word = ChunkText(text, chunks[i]);
    std::size_t sign = !word.empty() && word[0] == '+' ? 1 : 0;
    word.remove_prefix(sign);
    bool after_not = i > 0 && ChunkText(text, chunks[i - 1]) == "NOT";
    if (chunks[i].in_phrase || after_not || IsBesideProximity(text, chunks, i) ||
        IsOperator(word) || !IsPlainWord(word)) {
      continue;
    }
    // A word that splits is marked only when known ("Iceland" is not
    // ice|land) or joined by a German linking element ("Wirts|vogel");
    // one that does not split may start unknown compounds.
    auto split = analyzer.CompoundSplitOf(word);
    bool marked = split ? known(word) || HasLinkingElement(*split, word)
                        : unknown_modifier && unknown_modifier(word);
    if (!marked) continue;
    std::size_t word_begin = chunks[i].begin + sign;
    out.append(text, copied, word_begin - copied);
    out += std::string(kCompoundField) + ":" + std::string(word);
    copied = chunks[i].end;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

std::string DropStopwordOperands(const std::string& text) {
  std::vector<Chunk> chunks = SplitChunks(text);
  auto is_and = [&](std::size_t i) { return i < chunks.size() && ChunkText(text, chunks[i]) == "AND"; };
  auto is_stopword = [&](std::size_t i) {
    std::string_view word = ChunkText(text, chunks[i]);
    return !chunks[i].in_phrase && IsPlainWord(word) && analysis::Analyzer::IsStopword(word);
  };
  std::vector<bool> drop(chunks.size(), false);
  std::size_t kept_words = 0;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (!is_stopword(i)) continue;
    if (i > 0 && is_and(i - 1) && !drop[i - 1]) {
      drop[i - 1] = drop[i] = true;
    } else if (is_and(i + 1)) {
      drop[i] = drop[i + 1] = true;
    }
  }
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (!is_stopword(i) && !IsOperator(ChunkText(text, chunks[i]))) ++kept_words;
  }
  if (kept_words == 0) return text;  // stop words only: nothing to drop them for
  // Blank the dropped chunks out, then close up the spaces they leave.
  std::string blanked = text;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (drop[i]) blanked.replace(chunks[i].begin, chunks[i].end - chunks[i].begin,
                                 chunks[i].end - chunks[i].begin, ' ');
  }
  std::string out;
  for (char c : blanked) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace archivar::search
