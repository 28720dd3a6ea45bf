#include "analysis/analyzer.h"

#include "analysis/stopwords.h"
#include "text/spelling.h"
#include "text/unicode.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace archivar::analysis {
namespace {

constexpr std::string_view kTypographicApostrophe = "\u2019";
constexpr std::size_t kMaxCachedWords = 200000;
constexpr char kStopwordCollisionMarker = '_';

// "putin's" -> "putin"; other apostrophes ("geht's") are dropped.
std::string StripApostrophes(std::string word) {
  std::size_t typographic;
  while ((typographic = word.find(kTypographicApostrophe)) != std::string::npos) {
    word.replace(typographic, kTypographicApostrophe.size(), "'");
  }
  if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
    word.resize(word.size() - 2);
  }
  word.erase(std::remove(word.begin(), word.end(), '\''), word.end());
  return word;
}

// True when the word starts with an upper-case letter.
bool IsCapitalised(std::string_view word) {
  std::size_t offset = 0;
  int32_t first = text::NextCodePoint(word, &offset);
  return first > 0 && u_isupper(first);
}

std::string FoldedWord(std::string_view word) {
  return StripApostrophes(text::FoldWord(word));
}

void AddUnique(std::vector<RuledTerm>& terms, RuledTerm term) {
  if (term.term.empty()) return;
  for (const auto& existing : terms) {
    if (existing.term == term.term) return;
  }
  terms.push_back(std::move(term));
}

}  // namespace

const char* TermRuleName(TermRule rule) {
  switch (rule) {
    case TermRule::kStem:
      return "stem";
    case TermRule::kUmlautBase:
      return "umlaut-base";
    case TermRule::kCompoundPart:
      return "compound-part";
  }
  return "unknown";
}

Analyzer::Analyzer(const dictionary::Dictionary& dictionary)
    : decompounder_(dictionary), lemmatizer_(dictionary, decompounder_) {}

std::string Analyzer::CanonicalSpelling(std::string_view word) {
  return text::GermanSpelling(FoldedWord(word));
}

bool Analyzer::IsStopword(std::string_view word) {
  std::string folded = text::FoldWord(word);
  return IsGermanStopword(folded) || IsGermanStopword(text::GermanSpelling(folded));
}

// Snowball sometimes stems a content word to a stop word ("Sicherheit" ->
// "sich"); such stems get a marker so they do not match the stop word.
std::string Analyzer::StemAvoidingStopwords(const std::string& spelled) {
  std::string stem = stemmer_.Stem(spelled);
  if (stem != spelled && IsGermanStopword(stem) && !IsGermanStopword(spelled)) {
    stem += kStopwordCollisionMarker;
  }
  return stem;
}

RuledTerm Analyzer::SpelledWordTerm(const std::string& spelled, const std::string& folded,
                                     bool capitalised) {
  std::string reading = text::HasGermanUmlaut(folded) ? folded : lemmatizer_.UmlautReading(spelled);
  if (auto lemma = lemmatizer_.Find(reading, capitalised)) {
    return {StemAvoidingStopwords(lemma->spelled),
            lemma->umlaut_dropped ? TermRule::kUmlautBase : TermRule::kStem};
  }
  return {StemAvoidingStopwords(spelled), TermRule::kStem};
}

const std::vector<RuledTerm>& Analyzer::WordTerms(std::string_view word) {
  auto cached = cache_.find(std::string(word));
  if (cached != cache_.end()) return cached->second;
  if (cache_.size() >= kMaxCachedWords) cache_.clear();

  std::vector<RuledTerm> terms;
  std::string folded = FoldedWord(word);
  std::string spelled = text::GermanSpelling(folded);
  if (!spelled.empty()) {
    AddUnique(terms, SpelledWordTerm(spelled, folded, IsCapitalised(word)));
    for (const std::string& part : decompounder_.Parts(spelled)) {
      RuledTerm part_term = SpelledWordTerm(part, part, /*capitalised=*/false);
      part_term.rule = TermRule::kCompoundPart;
      AddUnique(terms, std::move(part_term));
    }
  }
  return cache_.emplace(std::string(word), std::move(terms)).first->second;
}

std::string Analyzer::WordTerm(std::string_view word) {
  const auto& terms = WordTerms(word);
  return terms.empty() ? std::string() : terms.front().term;
}

std::optional<CompoundSplit> Analyzer::CompoundSplitOf(std::string_view word) {
  return decompounder_.QuerySplit(CanonicalSpelling(word));
}

std::vector<AnalyzedTerm> Analyzer::Analyze(std::string_view text,
                                            Xapian::termpos first_position) {
  std::vector<AnalyzedTerm> analyzed;
  for (const Token& token : Tokenize(text, first_position)) {
    for (const auto& word_term : WordTerms(token.text)) {
      analyzed.push_back(AnalyzedTerm{word_term.term, token.position, token.start,
                                      token.end, word_term.rule});
    }
  }
  return analyzed;
}

}  // namespace archivar::analysis
