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

std::string ToNfc(const std::string& text) {
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
    else if (c < 0x20 || c == 0x7F) out += ' ';  // control characters
    else AppendCodePoint(out, c);
  }
  return ToNfc(out);
}

std::string ExpandCompoundWords(const std::string& text, analysis::Analyzer& analyzer) {
  std::vector<Chunk> chunks = SplitChunks(text);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const Chunk& chunk = chunks[i];
    std::string_view word(text.data() + chunk.begin, chunk.end - chunk.begin);
    bool beside_proximity =
        (i > 0 && IsProximityOperator(std::string_view(text).substr(
                      chunks[i - 1].begin, chunks[i - 1].end - chunks[i - 1].begin))) ||
        (i + 1 < chunks.size() && IsProximityOperator(std::string_view(text).substr(
                                      chunks[i + 1].begin, chunks[i + 1].end - chunks[i + 1].begin)));
    if (chunk.in_phrase || beside_proximity || IsOperator(word) || !IsPlainWord(word)) continue;
    auto split = analyzer.CompoundSplitOf(word);
    if (!split) continue;
    out.append(text, copied, chunk.begin - copied);
    out += "(" + std::string(word) + " OR (" + split->modifier + " AND " + split->head + "))";
    copied = chunk.end;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace archivar::search
