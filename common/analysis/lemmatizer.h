// Lemmatizer: finds the dictionary base form of a German noun form, so that
// inflected forms share one term even where Snowball's suffix rules part
// them ("Kurse" -> kurs like "Kurs"; "Gänse" -> gans like "Gans") and so
// that an umlaut that marks inflection is dropped ("Häuser" -> haus,
// "Streitkräften" -> streitkraft, "Väter" -> vater) while an umlaut that
// makes a different word is kept ("Förderung" is not "Forderung", "Müll"
// is not "Mull", "über" is not "Uber").
//
// Base forms are hunspell's own entries (dictionary::kWholeEntry nouns).
// A form reduces to a base form by dropping a plural or case ending (-ern,
// -en, -er, -es, -e, -n, -s; or none for nouns in -er/-el/-en, as in
// Väter) and, for an umlaut form, its umlauts.  Words with derivational
// suffixes (-ung, -heit, -keit, -schaft, -ling, -tion) never lose an
// umlaut.  A compound takes the base form of its head ("Waffengeschäfts"
// -> waffengeschaeft).
//
// A word in lower case may be a weak verb form: a past participle or a
// present or past tense form ending in -t, -te, -ten, -et, -ete, …
// ("beerdigt", "sagte", "gefasst", "angezündet"); of the words hunspell
// lists itself, only participles with "ge" are read so ("recht" stays).
// It takes the infinitive that hunspell lists in lower case ("beerdigen"),
// whose Snowball stem is that of the verb's other forms and of its -ung
// noun ("Beerdigung"), unless the form is an inflected listed adjective
// ("rechten" is "recht" + en, not a form of "rechen").
//
// Thread-safe (read-only over the dictionary and decompounder).
#pragma once

#include "analysis/decompounder.h"
#include "dictionary/dictionary.h"

#include <optional>
#include <string>
#include <string_view>

namespace archivar::analysis {

struct Lemma {
  std::string spelled;         // the base form in canonical spelling
  bool umlaut_dropped = false; // the form had an umlaut the base form lacks
};

class Lemmatizer {
 public:
  Lemmatizer(const dictionary::Dictionary& dictionary, const Decompounder& decompounder)
      : dictionary_(dictionary), decompounder_(decompounder) {}

  // The base form of a folded word (umlauts as ä/ö/ü), or nullopt when the
  // dictionary knows none.  `capitalised` says the word was written with a
  // capital, which makes a noun reading likely ("Schlüsseln" -> schlüssel,
  // while "schlüsseln" is the verb).
  std::optional<Lemma> Find(const std::string& folded, bool capitalised = false) const;

  // The umlaut reading of a word typed without umlauts: "haeuser" ->
  // "häuser" when the dictionary lists the word with umlauts (directly or
  // as the head of a compound); otherwise the word itself.
  std::string UmlautReading(const std::string& spelled) const;

 private:
  std::optional<Lemma> FindWithoutCompound(const std::string& folded, bool capitalised) const;
  std::optional<Lemma> FindThroughHead(const std::string& folded) const;
  bool IsBaseNoun(const std::string& folded) const;
  bool IsListedVerb(const std::string& folded) const;
  // The infinitive of a weak verb form ("beerdigt" -> beerdigen,
  // "angezündet" -> anzünden), if the dictionary lists it in lower case
  // and the form is not an inflected listed adjective ("rechten"); a
  // participle may carry an adjective ending ("Verletzter").  With
  // participles_only, only forms with the participle's "ge" are read so;
  // with with_adjective_ending (a noun), only forms with an adjective
  // ending ("Verletzte", not "Vorfahrt").
  std::optional<Lemma> FindVerbInfinitive(const std::string& folded, bool participles_only,
                                          bool with_adjective_ending) const;
  // The same for a form without an adjective ending.
  std::optional<Lemma> FindWeakVerbForm(const std::string& folded, bool participles_only) const;

  const dictionary::Dictionary& dictionary_;
  const Decompounder& decompounder_;
};

}  // namespace archivar::analysis
