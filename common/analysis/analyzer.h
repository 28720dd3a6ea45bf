// Analyzer: Archivar's German text analysis, the one configuration shared by
// indexing and searching.
//
//   text -> Tokenize -> FoldWord (NFKC, case fold, ß -> ss)
//        -> apostrophe rule ("Putin’s" -> "putin")
//        -> GermanSpelling (ä -> ae, ö -> oe, ü -> ue, other marks removed)
//        -> the word's term, and the terms of its compound parts
//
// The term of a word is the Snowball German stem of its base form in
// canonical spelling ("muenchen", "Muenchen" and "München" -> "muench").
// The base form comes from the dictionary (see Lemmatizer): inflected noun
// forms share it ("Kurse" -> kurs), and an umlaut that marks inflection is
// dropped ("Häuser" -> "haus", "Streitkräften" -> "streitkraft") while one
// that makes another word is kept (so "Uber" does not find "über", nor
// "Forderung" "Förderung").  A word typed with ae/oe/ue is read as umlauts
// when the dictionary lists it that way ("Haeuser", "Muenchen"), and
// literally otherwise ("Michael", "aktuell", "Israel").
//
// Compounds add the terms of their parts at the word's position
// ("Atomwaffenprogramm" -> also atom, waff, programm; see Decompounder).
//
// Each term keeps the byte offsets of its source word and the rule that
// made it, so snippets highlight the right words and
// `archivar-search --analyze` can explain the analysis.
//
// Not thread-safe (the stemmer and the cache keep state): one per thread.
#pragma once

#include "analysis/decompounder.h"
#include "analysis/german_stemmer.h"
#include "analysis/lemmatizer.h"
#include "analysis/tokenizer.h"
#include "dictionary/dictionary.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace archivar::analysis {

// Which rule produced a term.
enum class TermRule {
  kStem,          // the stem of the word in canonical spelling
  kUmlautBase,    // the umlaut-free stem of an inflected noun ("Häuser" -> haus)
  kCompoundPart,  // the term of a part of a compound
};

// The name of a rule as shown by --analyze: "stem", "umlaut-base",
// "compound-part".
const char* TermRuleName(TermRule rule);

struct RuledTerm {
  std::string term;
  TermRule rule = TermRule::kStem;
};

struct AnalyzedTerm {
  std::string term;
  Xapian::termpos position = 0;
  std::size_t start = 0;  // byte offsets of the source word in the text
  std::size_t end = 0;
  TermRule rule = TermRule::kStem;
};

class Analyzer {
 public:
  explicit Analyzer(const dictionary::Dictionary& dictionary = dictionary::Dictionary::German());

  // All terms of `text`, in text order; positions start at first_position.
  std::vector<AnalyzedTerm> Analyze(std::string_view text,
                                    Xapian::termpos first_position = 1);

  // The term a single word is indexed and searched by ("Häuser" -> "haus",
  // "Putin’s" -> "putin").  Empty when nothing is left of the word.
  std::string WordTerm(std::string_view word);

  // The word's term followed by the terms of its compound parts (no
  // duplicates).  Empty when nothing is left of the word.
  const std::vector<RuledTerm>& WordTerms(std::string_view word);

  // The canonical spelling of a word ("Straße" -> "strasse", "Erdoğan" ->
  // "erdogan").
  static std::string CanonicalSpelling(std::string_view word);

  // The top-level split of a compound query word, in canonical spelling
  // (Decompounder::QuerySplit: also "Kuckuckseier" -> kuckuck + eier).
  std::optional<CompoundSplit> CompoundSplitOf(std::string_view word);

  // True when `word` (any case) is a German stop word.
  static bool IsStopword(std::string_view word);

 private:
  // The term of a word already in canonical spelling.
  RuledTerm SpelledWordTerm(const std::string& spelled, const std::string& folded,
                            bool capitalised);
  std::string StemAvoidingStopwords(const std::string& spelled);

  Decompounder decompounder_;
  Lemmatizer lemmatizer_;
  GermanStemmer stemmer_;
  // Word (as written) -> its terms; cleared when it grows past a bound.
  std::unordered_map<std::string, std::vector<RuledTerm>> cache_;
};

}  // namespace archivar::analysis
