#include "analysis/lemmatizer.h"
#include "util/strings.h"

#include "text/spelling.h"

#include <vector>

namespace archivar::analysis {
namespace {

constexpr std::size_t kMinBaseLength = 3;

// Plural and case endings of German nouns, longest first.
constexpr std::string_view kNounEndings[] = {"ern", "en", "er", "es", "e", "n", "s"};

// Endings of weak verb forms (past participle, present and past tense),
// longest first: "beerdigt", "sagte", "arbeitete", "angezündet".
constexpr std::string_view kVerbEndings[] = {"eten", "ete", "tet", "ten", "te", "et", "t"};

// Adjective endings: "rechten" is "recht" + en, not a form of "rechen".
constexpr std::string_view kAdjectiveEndings[] = {"en", "em", "er", "es", "e"};

// Separable verb particles before the participle's "ge" ("an|ge|zündet").
constexpr std::string_view kVerbParticles[] = {
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "frei", "her", "hin",
    "los", "mit", "nach", "vor", "weg", "zu", "zurück", "zusammen"};

constexpr std::size_t kMinVerbStemLength = 3;

// Nouns with these endings form their plural without an ending (Väter).
constexpr std::string_view kZeroPluralEndings[] = {"er", "el", "en"};

// Derivational suffixes: such nouns never take an umlaut plural.
constexpr std::string_view kDerivationalSuffixes[] = {
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
    "ling", "linge", "lingen", "tion", "tionen"};

template <std::size_t N>
bool EndsWithAny(std::string_view s, const std::string_view (&suffixes)[N]) {
  for (std::string_view suffix : suffixes) {
    if (EndsWith(s, suffix)) return true;
  }
  return false;
}

std::string WithoutUmlauts(std::string word) {
  for (auto [umlaut, vowel] : {std::pair{"\u00e4", "a"}, {"\u00f6", "o"}, {"\u00fc", "u"}}) {
    for (std::size_t at = word.find(umlaut); at != std::string::npos; at = word.find(umlaut)) {
      word.replace(at, 2, vowel);
    }
  }
  return word;
}

// The bases a form may come from: the form without each ending.
std::vector<std::string> Bases(const std::string& folded) {
  std::vector<std::string> bases;
  for (std::string_view ending : kNounEndings) {
    if (EndsWith(folded, ending) && folded.size() >= ending.size() + kMinBaseLength) {
      bases.push_back(folded.substr(0, folded.size() - ending.size()));
    }
  }
  if (EndsWithAny(folded, kZeroPluralEndings)) bases.push_back(folded);
  return bases;
}

// The form and, for a participle, the form without its "ge" ("gefasst" ->
// "fasst", "angezündet" -> "anzündet"), the latter first.
std::vector<std::string> VerbFormReadings(const std::string& folded) {
  std::vector<std::string> readings;
  if (StartsWith(folded, "ge")) readings.push_back(folded.substr(2));
  for (std::string_view particle : kVerbParticles) {
    if (StartsWith(folded, particle) && folded.compare(particle.size(), 2, "ge") == 0) {
      readings.push_back(std::string(particle) + folded.substr(particle.size() + 2));
    }
  }
  readings.push_back(folded);
  return readings;
}

}  // namespace

bool Lemmatizer::IsListedVerb(const std::string& folded) const {
  uint8_t flags = dictionary_.Flags(text::GermanSpelling(folded));
  return (flags & dictionary::kWholeEntry) && (flags & dictionary::kOtherWord);
}

std::optional<Lemma> Lemmatizer::FindVerbInfinitive(const std::string& folded,
                                                    bool participles_only,
                                                    bool with_adjective_ending) const {
  // An inflected listed adjective is a verb form only if the adjective is a
  // participle ("gefasster" like "gefasst"; "rechten", "bekannte" are not).
  for (std::string_view ending : kAdjectiveEndings) {
    std::string rest = folded.substr(0, folded.size() - ending.size());
    if (EndsWith(folded, ending) && dictionary_.IsWholeEntry(text::GermanSpelling(rest))) {
      return FindWeakVerbForm(rest, /*participles_only=*/true);
    }
  }
  if (!with_adjective_ending) {
    if (auto verb = FindWeakVerbForm(folded, participles_only)) return verb;
  }
  // A participle with an adjective ending ("Verletzter", "angezündeten").
  for (std::string_view ending : kAdjectiveEndings) {
    std::string rest = folded.substr(0, folded.size() - ending.size());
    if (EndsWith(folded, ending) && EndsWith(rest, "t")) {
      if (auto verb = FindWeakVerbForm(rest, /*participles_only=*/false)) return verb;
    }
  }
  return std::nullopt;
}

std::optional<Lemma> Lemmatizer::FindWeakVerbForm(const std::string& folded,
                                                  bool participles_only) const {
  for (const std::string& reading : VerbFormReadings(folded)) {
    if (participles_only && reading == folded) continue;
    for (std::string_view ending : kVerbEndings) {
      if (!EndsWith(reading, ending) || reading.size() < ending.size() + kMinVerbStemLength) {
        continue;
      }
      std::string stem = reading.substr(0, reading.size() - ending.size());
      for (const char* infinitive_ending : {"en", "n"}) {
        // Only -eln and -ern verbs end in a bare -n ("sammeln"; "seit" is
        // no form of "sein").
        if (infinitive_ending[1] == '\0' && !EndsWith(stem, "el") && !EndsWith(stem, "er")) {
          continue;
        }
        std::string infinitive = stem + infinitive_ending;
        if (IsListedVerb(infinitive)) return Lemma{text::GermanSpelling(infinitive), false};
      }
    }
  }
  return std::nullopt;
}

bool Lemmatizer::IsBaseNoun(const std::string& folded) const {
  uint8_t flags = dictionary_.Flags(text::GermanSpelling(folded));
  return (flags & dictionary::kWholeEntry) && (flags & dictionary::kNoun);
}

std::optional<Lemma> Lemmatizer::FindWithoutCompound(const std::string& folded,
                                                     bool capitalised) const {
  if (text::HasGermanUmlaut(folded) && !EndsWithAny(folded, kDerivationalSuffixes)) {
    for (const std::string& base : Bases(folded)) {
      std::string plain = WithoutUmlauts(base);
      if (IsBaseNoun(plain)) return Lemma{text::GermanSpelling(plain), true};
    }
  }
  // A noun base form beats a verb that looks the same ("Regeln" -> regel,
  // not the verb "regeln"); only noun forms are reduced ("gross" stays).
  std::string spelled = text::GermanSpelling(folded);
  if (IsBaseNoun(folded)) return Lemma{spelled, false};
  if (capitalised || dictionary_.IsNoun(spelled)) {
    for (const std::string& base : Bases(folded)) {
      if (base != folded && IsBaseNoun(base)) return Lemma{text::GermanSpelling(base), false};
    }
  }
  // A weak verb form takes its infinitive ("beerdigt" -> beerdigen, stemmed
  // like "Beerdigung"), and so does a participle used as a noun ("Verletzte",
  // "Angestellten"), but not a noun in -t ("Vorfahrt"); of the listed words
  // only participles do ("angezündet", which hunspell lists as an
  // adjective), so "recht" and "fast" stay.
  bool listed = dictionary_.IsWholeEntry(spelled);
  bool noun = capitalised || dictionary_.IsNoun(spelled);
  if (auto verb = FindVerbInfinitive(folded, /*participles_only=*/listed,
                                     /*with_adjective_ending=*/noun)) {
    return verb;
  }
  if (listed) return Lemma{spelled, false};
  return std::nullopt;
}

std::optional<Lemma> Lemmatizer::FindThroughHead(const std::string& folded) const {
  std::string spelled = text::GermanSpelling(folded);
  auto split = decompounder_.Split(spelled);
  if (!split) return std::nullopt;
  auto head = Find(UmlautReading(split->head));
  if (!head) return std::nullopt;
  std::string prefix = spelled.substr(0, spelled.size() - split->head.size());
  return Lemma{prefix + head->spelled, head->umlaut_dropped};
}

std::optional<Lemma> Lemmatizer::Find(const std::string& folded, bool capitalised) const {
  if (auto lemma = FindWithoutCompound(folded, capitalised)) return lemma;
  return FindThroughHead(folded);
}

std::string Lemmatizer::UmlautReading(const std::string& spelled) const {
  if (text::HasGermanUmlaut(spelled)) return spelled;
  uint8_t flags = dictionary_.Flags(spelled);
  if ((flags & dictionary::kUmlautSpelled) && !(flags & dictionary::kLiteralSpelled)) {
    return text::WithUmlauts(spelled);
  }
  if (flags != 0) return spelled;  // a known word as written
  auto split = decompounder_.Split(spelled);
  if (!split) return spelled;
  std::string head = UmlautReading(split->head);
  if (head == split->head) return spelled;
  return spelled.substr(0, spelled.size() - split->head.size()) + head;
}

}  // namespace archivar::analysis
