#include "analysis/analyzer.h"

#include "analysis/stopwords.h"
#include "text/unicode.h"

namespace archivar::analysis {
namespace {

constexpr std::string_view kTypographicApostrophe = "\u2019";

// "putin's" -> "putin"; other apostrophes ("geht's") are dropped.
std::string StripApostrophes(std::string word) {
  std::size_t typographic;
  while ((typographic = word.find(kTypographicApostrophe)) != std::string::npos) {
    word.replace(typographic, kTypographicApostrophe.size(), "'");
  }
  if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
    word.resize(word.size() - 2);
  }
  std::string out;
  out.reserve(word.size());
  for (char c : word) {
    if (c != '\'') out += c;
  }
  return out;
}

}  // namespace

const char* TermRuleName(TermRule rule) {
  switch (rule) {
    case TermRule::kStem:
      return "stem";
  }
  return "unknown";
}

std::string Analyzer::WordTerm(std::string_view word) {
  std::string folded = StripApostrophes(text::FoldWord(word));
  if (folded.empty()) return folded;
  return stemmer_.Stem(folded);
}

bool Analyzer::IsStopword(std::string_view word) {
  return IsGermanStopword(text::FoldWord(word));
}

std::vector<AnalyzedTerm> Analyzer::Analyze(std::string_view text,
                                            Xapian::termpos first_position) {
  std::vector<AnalyzedTerm> terms;
  for (const Token& token : Tokenize(text, first_position)) {
    std::string term = WordTerm(token.text);
    if (term.empty()) continue;
    terms.push_back(AnalyzedTerm{std::move(term), token.position, token.start,
                                 token.end, TermRule::kStem});
  }
  return terms;
}

}  // namespace archivar::analysis
