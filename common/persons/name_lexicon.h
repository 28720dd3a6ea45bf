// NameLexicon: the word lists the person recognizer reads a text with —
// first names, surnames, titles and roles, places, organisations and the
// context words around names (data/*.txt, embedded in the programs; see
// data/README.md).  Internal to common/persons/.
//
// Every word is looked up by its key: the canonical spelling that keyword
// search uses (analysis::Analyzer::CanonicalSpelling: case folded, umlauts
// as ae/oe/ue, other marks removed), so "Jörg", "Joerg" and "JÖRG" are one
// entry.  Phrases (several words: "Sri Lanka", "Baden-Württemberg") are
// keyed by PhraseKey.
//
// Built once, on first use, from the embedded files (a few milliseconds);
// immutable afterwards.  Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace archivar::persons {

// What the lists say about one word.  A word may carry several flags
// ("Thomas" is a first name and a surname, "Richter" a surname and a role).
enum LexiconFlag : uint32_t {
  kFirstName = 1u << 0,           // first_names.txt [first_names]
  kAmbiguousFirstName = 1u << 1,  // [ambiguous_first_names], or a first name
                                  // the dictionary lists in lower case
  kFamilyNameFirst = 1u << 2,     // [family_names_first]: Kim, Xi, Nguyen
  kSurname = 1u << 3,             // surnames.txt [surnames]
  kAmbiguousSurname = 1u << 4,    // [ambiguous_surnames], or a surname the
                                  // dictionary lists in lower case
  kTitle = 1u << 5,               // person_titles.txt [titles]: Herr, Dr
  kRole = 1u << 6,                // [roles], with inflected forms
  kParticle = 1u << 7,            // context_words.txt [particles]
  kForeignParticle = 1u << 8,     // [foreign_particles]
  kDeterminer = 1u << 9,          // [determiners]
  kPlacePreposition = 1u << 10,   // [place_prepositions]
  kSpeechVerb = 1u << 11,         // [speech_verbs]
  kFiniteVerb = 1u << 12,         // [finite_verbs]
  kClauseOpener = 1u << 13,       // [clause_openers]
  kOrganisationHead = 1u << 14,   // [organisation_heads]
  kBlocker = 1u << 15,            // [blockers]
  kParty = 1u << 16,              // [parties]
  kPlace = 1u << 17,              // places.txt (one-word entries)
  kOrganisation = 1u << 18,       // organisations.txt (one-word entries)
  kEnglishWord = 1u << 19,        // context_words.txt [english_words]
};

// The key of one word: its canonical spelling ("Jörg" -> "joerg").
std::string WordKey(std::string_view word);

// The key of a phrase: the keys of its words (split at spaces and hyphens,
// as the tokenizer splits) joined by single spaces ("Kim Jong-un" ->
// "kim jong un").  Empty when the phrase has no words.
std::string PhraseKey(std::string_view phrase);

class NameLexicon {
 public:
  // The lexicon built from the embedded data files.
  static const NameLexicon& Builtin();

  // The flags of a one-word key (0 when no list has it).
  uint32_t Flags(std::string_view key) const;

  // True when the key ends in a role head after a part of at least three
  // letters: "verteidigungsminister", "olympiasiegerin".
  bool EndsInRoleHead(std::string_view key) const;

  // True when the phrase key (two or more words) names a place or an
  // organisation ("sri lanka", "borussia dortmund").
  bool IsPlacePhrase(std::string_view phrase_key) const;
  bool IsOrganisationPhrase(std::string_view phrase_key) const;

  // The most words of any place or organisation phrase, and whether some
  // phrase begins with a word of this key.
  std::size_t max_phrase_words() const { return max_phrase_words_; }
  bool IsPhraseStart(const std::string& first_word_key) const {
    return phrase_starts_.count(first_word_key) > 0;
  }

 private:
  NameLexicon();
  void AddList(std::string_view text, uint32_t default_flags,
               const std::vector<std::pair<std::string_view, uint32_t>>& sections);
  void AddPhraseList(std::string_view text, uint32_t flag,
                     std::unordered_set<std::string>& phrases);
  void AddInflectedRole(const std::string& key, std::unordered_set<std::string>* heads);
  void MarkDictionaryWordsAmbiguous();

  std::unordered_map<std::string, uint32_t> flags_;
  std::unordered_set<std::string> role_heads_;
  std::unordered_set<std::string> place_phrases_;
  std::unordered_set<std::string> organisation_phrases_;
  std::unordered_set<std::string> phrase_starts_;
  std::size_t max_phrase_words_ = 1;
};

// Calls `entry` for every entry of a list file: one per line, '#' comments
// and blank lines skipped, surrounding whitespace trimmed; `section` is the
// name of the last "[section]" line before it ("" before any).
template <typename Callback>
void ForEachListEntry(std::string_view text, Callback entry) {
  std::string_view section;
  while (!text.empty()) {
    std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = line.substr(1, line.size() - 2);
      continue;
    }
    entry(section, line);
  }
}

}  // namespace archivar::persons
