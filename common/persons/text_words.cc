#include "persons/text_words.h"

#include "analysis/tokenizer.h"
#include "text/unicode.h"

namespace archivar::persons {
namespace {

uint16_t GapFlagOf(int32_t c) {
  switch (c) {
    case ' ': case '\t': case 0x00A0: case 0x202F: case 0x2009: case 0x2007:
      return kGapSpace;
    case '\n': case '\r': case 0x2028: case 0x2029:
      return kGapNewline;
    case '.':
      return kGapPeriod;
    case ',':
      return kGapComma;
    case '(': case '[':
      return kGapOpenParen;
    case ')': case ']':
      return kGapCloseParen;
    case '"': case 0x201E: case 0x201C: case 0x201D: case 0x00AB: case 0x00BB:
    case 0x201A: case 0x2018: case 0x2039: case 0x203A:
      return kGapQuote;
    case ':': case ';':
      return kGapColon;
    case '!': case '?': case 0x2026:
      return kGapSentenceEnd;
    case '-': case 0x2013: case 0x2014: case 0x2010: case 0x2011:
      return kGapDash;
    case '\'': case 0x2019:
      return kGapApostrophe;
    default:
      return kGapOther;
  }
}

// The GapFlag bits of a stretch of text between two words.
uint16_t GapFlags(std::string_view gap) {
  uint16_t flags = 0;
  std::size_t offset = 0, periods = 0;
  bool first = true;
  while (offset < gap.size()) {
    int32_t c = text::NextCodePoint(gap, &offset);
    uint16_t flag = GapFlagOf(c);
    if (flag == kGapPeriod) ++periods;
    // An apostrophe counts as such only right after the word ("Albers'");
    // elsewhere it is a quotation mark.
    if (flag == kGapApostrophe && !first) flag = kGapQuote;
    flags |= flag;
    first = false;
  }
  if (periods > 1) flags = static_cast<uint16_t>((flags & ~kGapPeriod) | kGapSentenceEnd);
  return flags;
}

}  // namespace

TextWords::TextWords(std::string_view text, WordClassifier& classifier) : text_(text) {
  std::vector<analysis::Token> tokens = analysis::Tokenize(text);
  words_.reserve(tokens.size());
  std::vector<const WordFacts*> parts;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t last = i;
    while (tokens[last].hyphen_before_next && last + 1 < tokens.size()) ++last;
    TextWord word;
    word.start = tokens[i].start;
    word.end = tokens[last].end;
    word.text = text.substr(word.start, word.end - word.start);
    if (last == i) {
      word.facts = &classifier.Token(tokens[i].text);
    } else {
      parts.clear();
      for (std::size_t k = i; k <= last; ++k) parts.push_back(&classifier.Token(tokens[k].text));
      group_facts_.push_back(classifier.Group(parts));
      word.facts = &group_facts_.back();
    }
    std::size_t gap_start = words_.empty() ? 0 : words_.back().end;
    word.gap_before = GapFlags(text.substr(gap_start, word.start - gap_start));
    if (!words_.empty()) words_.back().gap_after = word.gap_before;
    words_.push_back(word);
    i = last + 1;
  }
  if (!words_.empty()) {
    words_.back().gap_after = GapFlags(text.substr(words_.back().end));
  }
}

bool TextWords::PeriodOnlyBefore(std::size_t i) const {
  if (i == 0) return false;
  uint16_t gap = words_[i].gap_before;
  return (gap & kGapPeriod) && (gap & ~(kGapPeriod | kGapSpace)) == 0;
}

bool TextWords::Connected(std::size_t i) const {
  if (SpacesOnlyBefore(i)) return true;
  if (!PeriodOnlyBefore(i)) return false;
  const WordFacts& previous = *words_[i - 1].facts;
  return previous.single_letter ||
         (previous.kind == NameKind::kTitle && previous.key.size() <= 4 && previous.key != "frau" &&
          previous.key != "herr");
}

bool TextWords::ClauseStart(std::size_t i) const {
  if (i == 0) return true;
  constexpr uint16_t kBreaks = kGapNewline | kGapPeriod | kGapComma | kGapOpenParen |
                               kGapCloseParen | kGapQuote | kGapColon | kGapSentenceEnd |
                               kGapDash;
  uint16_t gap = words_[i].gap_before;
  // The dot of an ordinal or an abbreviation ends no sentence: "am 2. August".
  if ((gap & kGapPeriod) && !(gap & (kBreaks & ~kGapPeriod)) &&
      (words_[i - 1].facts->starts_with_digit || words_[i - 1].facts->single_letter)) {
    return false;
  }
  if (gap & kBreaks) return true;
  return (words_[i - 1].facts->lexicon & kClauseOpener) != 0;
}

}  // namespace archivar::persons
