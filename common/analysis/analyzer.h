// Analyzer: Archivar's German text analysis, the one configuration shared by
// indexing and searching.
//
//   text -> Tokenize -> FoldWord (NFKC, case fold) -> apostrophe rule
//        -> Snowball German stem
//
// Each resulting term keeps the byte offsets of the word it came from and
// the rule that made it, so snippets can highlight the right words and
// `archivar-search --analyze` can explain the analysis.
//
// Not thread-safe (the stemmer keeps state): one Analyzer per thread.
#pragma once

#include "analysis/german_stemmer.h"
#include "analysis/tokenizer.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace archivar::analysis {

// Which rule produced a term.
enum class TermRule {
  kStem,  // the Snowball stem of the folded word
};

// The name of a rule as shown by --analyze ("stem").
const char* TermRuleName(TermRule rule);

struct AnalyzedTerm {
  std::string term;
  Xapian::termpos position = 0;
  std::size_t start = 0;  // byte offsets of the source word in the text
  std::size_t end = 0;
  TermRule rule = TermRule::kStem;
};

class Analyzer {
 public:
  Analyzer() = default;

  // All terms of `text`, in text order; positions start at first_position.
  std::vector<AnalyzedTerm> Analyze(std::string_view text,
                                    Xapian::termpos first_position = 1);

  // The term of a single word as written in text or query ("Häuser" ->
  // "haus", "Putin’s" -> "putin").  Empty when nothing is left of it.
  std::string WordTerm(std::string_view word);

  // True when `word` (any case) is a German stop word.
  static bool IsStopword(std::string_view word);

 private:
  GermanStemmer stemmer_;
};

}  // namespace archivar::analysis
