#include "analysis/analyzer.h"

#include "analysis/stopwords.h"
#include "text/spelling.h"
#include "text/unicode.h"

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
    : dictionary_(dictionary), decompounder_(dictionary) {}

std::string Analyzer::CanonicalSpelling(std::string_view word) {
  return text::GermanSpelling(FoldedWord(word));
}

bool Analyzer::IsStopword(std::string_view word) {
  std::string folded = text::FoldWord(word);
  return IsGermanStopword(folded) || IsGermanStopword(text::GermanSpelling(folded));
}

// True (with *base set) when the umlaut-free stem of the word is the stem of
// a known noun, directly ("häuser" -> haus) or through the compound's head
// ("streitkräften": the head "kräften" -> kraft).
bool Analyzer::HasNounUmlautBase(const std::string& umlaut_form, std::string* base) {
  *base = stemmer_.Stem(umlaut_form);
  if (dictionary_.IsNounStem(*base)) return true;
  auto split = decompounder_.Split(text::GermanSpelling(umlaut_form));
  if (!split) return false;
  std::string head_umlauts = text::WithUmlauts(split->head);
  std::string head_base;
  return text::HasGermanUmlaut(head_umlauts) &&
         dictionary_.IsNounStem(stemmer_.Stem(head_umlauts));
}

RuledTerm Analyzer::SpelledWordTerm(const std::string& spelled, const std::string& folded) {
  std::string umlaut_form;
  if (text::HasGermanUmlaut(folded)) {
    umlaut_form = folded;
  } else {
    uint8_t flags = dictionary_.Flags(spelled);
    if ((flags & dictionary::kUmlautSpelled) && !(flags & dictionary::kLiteralSpelled)) {
      umlaut_form = text::WithUmlauts(spelled);
    }
  }
  std::string base;
  if (!umlaut_form.empty() && HasNounUmlautBase(umlaut_form, &base)) {
    return {base, TermRule::kUmlautBase};
  }
  return {StemAvoidingStopwords(spelled), TermRule::kStem};
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

const std::vector<RuledTerm>& Analyzer::WordTerms(std::string_view word) {
  auto cached = cache_.find(std::string(word));
  if (cached != cache_.end()) return cached->second;
  if (cache_.size() >= kMaxCachedWords) cache_.clear();

  std::vector<RuledTerm> terms;
  std::string folded = FoldedWord(word);
  std::string spelled = text::GermanSpelling(folded);
  if (!spelled.empty()) {
    AddUnique(terms, SpelledWordTerm(spelled, folded));
    for (const std::string& part : decompounder_.Parts(spelled)) {
      RuledTerm part_term = SpelledWordTerm(part, part);
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
  return decompounder_.Split(CanonicalSpelling(word));
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
