// WordClassifier: what a single word can be in a person's name, from the
// name lists (NameLexicon), the alias table and the German dictionary.
// Internal to common/persons/; the recognizer reads every word through it.
//
// German capitalises every noun, so capitals alone say nothing.  A
// capitalised word is classified, in this order of precedence, as a title
// ("Herr", "Dr"), a role ("Minister", "Verteidigungsminister"), an East
// Asian family name ("Kim"), a first name, an organisation, a surname, a
// place, and otherwise by the dictionary: a common word ("Sicherheitsrat",
// "Spionagesatellit" as a compound, a sentence-initial "Gestern"), a proper
// noun the dictionary knows without inflected forms (names, places, brands:
// "Merkel", "Obama"), or an unknown word ("Schoigu", "Kolb").
//
// Words longer than analysis::Decompounder::kMaxCompoundBytes are no names
// and no compounds: they are classified by their shape alone (a capitalised
// one is a common word), so the cost per word stays linear in its length,
// and they are kept only until the next TrimCache(), not in the cache.
//
// Results for single words are cached; not thread-safe (one per
// recognizer, one recognizer per thread).
#pragma once

#include "analysis/decompounder.h"
#include "dictionary/dictionary.h"
#include "persons/alias_table.h"
#include "persons/name_lexicon.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace archivar::persons {

enum class NameKind : uint8_t {
  kOther,             // lower case, digits, acronyms: never part of a name
  kTitle,             // Herr, Frau, Dr, Prof
  kRole,              // Minister, Verteidigungsministerin, FDP-Chef, Sohn
  kFamilyFirst,       // Kim, Xi, Yang: a family name written first
  kFirst,             // a first name, or a hyphen group of them
  kAmbiguousFirst,    // a first name that is also a common word (Mark)
  kOrganisation,      // Siemens, Porsche
  kSurname,           // Schmidt, Yilmaz
  kAmbiguousSurname,  // Müller, Koch, Klein
  kPlace,             // Moskau, Nordkorea
  kUnknown,           // not in the dictionary, not a compound: Schoigu
  kProper,            // a dictionary noun without inflected forms: Merkel
  kCommon,            // a common noun or another ordinary word
};

struct WordFacts {
  std::string key;             // canonical spelling; hyphen groups: parts joined by ' '
  uint32_t lexicon = 0;        // LexiconFlag bits (also for lower-case words)
  NameKind kind = NameKind::kOther;
  bool capitalised = false;    // starts with a capital letter
  bool acronym = false;        // two or more letters, all capitals: "CDU"
  bool single_letter = false;  // one capital letter: "W" in "George W. Bush"
  bool inflected_noun = false; // a plural or case form of a common noun: "Jahre"
  bool lower_case_word = false;// the dictionary has it only in lower case: "Gestern"
  bool dictionary_noun = false;// the dictionary lists it capitalised: "Park", "Merkel"
  bool starts_alias = false;   // some alias form begins with this word
  bool starts_phrase = false;  // some place or organisation phrase begins with it
  bool past_tense_verb = false;// lower case, a weak verb's past: "plädierte", "arbeitete"
  bool starts_with_digit = false;
  // The key without a genitive -s when the rest is a known name, alias or
  // place ("putins" -> "putin", "hoffmanns" -> "hoffmann"); else empty.
  std::string genitive_base;
};

class WordClassifier {
 public:
  WordClassifier(const NameLexicon& lexicon, const AliasTable& aliases,
                 const dictionary::Dictionary& dictionary);

  // The facts of one token (no hyphens); cached, the reference stays valid
  // until TrimCache().
  const WordFacts& Token(std::string_view token);

  // The facts of a hyphenated group ("Hans-Dietrich", "FDP-Chef",
  // "al-Assad", "UN-Sicherheitsrat") from the facts of its parts.
  WordFacts Group(const std::vector<const WordFacts*>& parts) const;

  // Drops the cache when it has grown large, and the facts of long words
  // (call between documents).
  void TrimCache();

 private:
  WordFacts Classify(std::string_view token) const;
  static WordFacts ClassifyLongWord(std::string_view token);
  NameKind DictionaryKind(const std::string& key) const;
  bool IsCommonNoun(const std::string& key) const;
  bool IsInflectedFormOfNoun(const std::string& key) const;
  bool IsNameLike(const std::string& key) const;
  bool IsListedCompound(const std::string& key, int depth) const;
  bool IsHead(const std::string& part) const;
  bool IsModifier(const std::string& part) const;
  static bool HasCommonNounSuffix(const std::string& key);
  bool IsPlaceAdjective(const std::string& key) const;
  bool IsPastTenseVerb(const std::string& key) const;

  const NameLexicon& lexicon_;
  const AliasTable& aliases_;
  const dictionary::Dictionary& dictionary_;
  analysis::Decompounder decompounder_;
  std::unordered_map<std::string, WordFacts> cache_;
  std::deque<WordFacts> long_words_;  // facts of words too long to cache
};

// True for kinds that can be part of a surname or a name on their own.
bool IsNameKind(NameKind kind);

// True for first names (kFirst, kAmbiguousFirst, kFamilyFirst).
bool IsFirstNameKind(NameKind kind);

}  // namespace archivar::persons
