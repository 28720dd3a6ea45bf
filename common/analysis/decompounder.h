// Decompounder: splits German compounds into the known words they are made
// of, conservatively ("Atomwaffenprogramm" -> atomwaffen, atom, waffen,
// programm; "Verteidigungsminister" -> verteidigung, minister), so that a
// part finds the compound.  Words are in canonical spelling
// (text::GermanSpelling) and parts are returned the same way.
//
// A split is made only when it is plausible:
//   - the head (last part) is a noun of at least 4 letters, or of 3 letters
//     after a modifier that is a noun of at least 5 ("sicherheits|rat"),
//     and not a derivational suffix ("Meister|schaft" stays whole) nor a
//     short word ending in a foreign suffix ("Genera|list", "Mill|ion");
//   - the modifier, after dropping a linking element (-s-, -es-, -n-,
//     -en-, -er-, -e-, -ns-), is a known word of at least 4 letters (or a
//     noun of 3: "rat|haus"), not a stop word, or itself such a compound;
//     the linking element is dropped when a noun of 4+ letters is left
//     ("verteidigungs" -> verteidigung) unless the modifier as written is
//     an adjective or verb ("gross" stays);
//   - of all such splits, the one with the longest head that is a base word
//     (a hunspell entry) wins, else the one with the longest head
//     ("fahrrad|reifen", "hochwasser|schutz");
//   - words that hunspell lists as entries of their own (lexicalised
//     compounds and names: "Brandenburg", "Rathaus", "Fahrrad") stay whole.
// So "Ratte", "Separatist", "Parente" and "Brandenburg" stay whole.  Words
// longer than kMaxCompoundBytes (80) are never split: no German compound is
// that long.  The search for a split remembers which prefixes of the word
// are compounds (the only words it asks about while splitting one), so it
// is polynomial in the length, also on words such as "pppp…" or "abab…"
// where every cut is worth trying.
//
// Thread-safe (read-only over the dictionary).
#pragma once

#include "dictionary/dictionary.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::analysis {

struct CompoundSplit {
  std::string modifier;  // the first part, linking element removed
  std::string head;      // the last part
};

class Decompounder {
 public:
  // Longer words are never split.  Also the limit above which other per-word
  // analyses (the person recognizer's word classes) treat a word as no
  // word: German's longest real compounds have about 60 letters.
  static constexpr std::size_t kMaxCompoundBytes = 80;

  explicit Decompounder(const dictionary::Dictionary& dictionary) : dictionary_(dictionary) {}

  // The top-level split of a word, if it is a plausible compound.
  std::optional<CompoundSplit> Split(std::string_view word) const;

  // Split(), or for a listed compound in an inflected form whose head is a
  // listed noun of 2 or 3 letters, the split with the head inflected when
  // that form is a noun of 4 letters or more ("kuckuckseier" -> kuckuck +
  // eier).  For query words only, which are also searched as their two
  // parts used separately: as indexed parts such short heads would make too
  // many false ones ("europas" -> eur + opa), while a query alternative
  // only matches articles that have both parts.
  std::optional<CompoundSplit> QuerySplit(std::string_view word) const;

  // All parts, outermost first, then the parts of the parts
  // ("atomwaffenprogramm" -> atomwaffen, programm, atom, waffen).  Empty
  // when the word is not a compound.
  std::vector<std::string> Parts(std::string_view word) const;

 private:
  // While one word is split, whether each of its prefixes (by length) is a
  // compound: 0 not known yet, 1 no, 2 yes.  Every word the split search
  // asks about is such a prefix.
  using PrefixMemo = std::vector<uint8_t>;

  // Split() of `word`, a prefix of the word that `memo` is for.
  std::optional<CompoundSplit> SplitPrefix(std::string_view word, PrefixMemo& memo) const;
  bool IsCompoundPrefix(std::string_view prefix, PrefixMemo& memo) const;
  // The modifier without its linking element when it is a usable modifier.
  std::optional<std::string> UsableModifier(std::string_view modifier, PrefixMemo& memo) const;
  // A word the dictionary lists whole ("Walfang", "Bisswunden") may still
  // be a compound, but is split only into two listed nouns (a modifier of
  // 3 letters or more, a head of 4 or more), and in its listed form.
  std::optional<CompoundSplit> SplitListedWord(std::string_view word, PrefixMemo& memo) const;
  bool IsListedNounPair(std::string_view modifier, std::string_view head) const;
  // True when the word is a listed noun plus an inflection ending
  // ("wunden" = "wunde" + n).
  bool IsInflectedListedNoun(std::string_view word) const;
  // The word, or the word without the inflection ending that makes it a
  // listed entry ("bisswunden" -> "bisswunde").
  std::string_view ListedForm(std::string_view word) const;
  bool IsWholeEntry(std::string_view word) const;
  bool IsUsableHead(std::string_view head, std::string_view modifier) const;

  const dictionary::Dictionary& dictionary_;
};

}  // namespace archivar::analysis
