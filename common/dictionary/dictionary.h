// Dictionary: the German words Archivar knows, compiled at build time from
// Debian's maintained word lists (wngerman's /usr/share/dict/ngerman:
// about 356,000 full forms; hunspell-de-de's de_DE.dic: about 75,000 base
// forms) and embedded in the programs, so it costs nothing at start-up.
//
// Keys are words in canonical spelling (text::GermanSpelling of the folded
// word: "muenchen", "strasse").  Each key carries flags saying what the
// word lists say about it.  The decompounder asks which strings are words;
// the analyzer asks whether an umlaut-less stem is a noun ("haus" for
// "Häuser") and whether "ue" in a typed word was an umlaut ("muenchen") or
// is genuine ("michael").
//
// The compiled form is an open-addressing hash table with tagged slots (see
// dictionary_format.h); lookups do not allocate, and a missing word
// usually costs one read of the slot table.  Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace archivar::dictionary {

enum WordFlag : uint8_t {
  kNoun = 1 << 0,           // listed capitalised (German nouns and names)
  kOtherWord = 1 << 1,      // listed in lower case (verbs, adjectives, …)
  kUmlautSpelled = 1 << 2,  // listed with ä/ö/ü, spelled here as ae/oe/ue
  kLiteralSpelled = 1 << 3, // listed as spelled here (a genuine "ue" etc.)
  kNounStem = 1 << 4,       // the Snowball stem of an umlaut-free noun
  kCompoundOnly = 1 << 5,   // a form that occurs only inside compounds
  kWholeEntry = 1 << 6,     // a hunspell entry of its own: a base word, or a
                            // lexicalised compound or name ("Brandenburg",
                            // "Rathaus") that is not split
};

class Dictionary {
 public:
  // The dictionary embedded in the programs.
  static const Dictionary& German();

  // A dictionary over compiled data (see dictionary_format.h); the data
  // must outlive it.  Invalid data gives an empty dictionary.
  Dictionary(const unsigned char* data, std::size_t size);

  // The flags of a key, 0 when the word lists do not have it.
  uint8_t Flags(std::string_view key) const;

  bool IsWord(std::string_view key) const { return (Flags(key) & (kNoun | kOtherWord)) != 0; }
  bool IsNoun(std::string_view key) const { return (Flags(key) & kNoun) != 0; }
  bool IsNounStem(std::string_view stem) const { return (Flags(stem) & kNounStem) != 0; }
  bool IsWholeEntry(std::string_view key) const { return (Flags(key) & kWholeEntry) != 0; }

  // Number of keys.
  std::size_t size() const { return entry_count_; }

 private:
  const unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
  uint32_t slot_count_ = 0;
  uint32_t offset_bits_ = 32;
  std::size_t entry_count_ = 0;
};

}  // namespace archivar::dictionary
