#include "analysis/lemmatizer.h"
#include "util/strings.h"

#include "text/spelling.h"

#include <vector>

namespace archivar::analysis {
namespace {

constexpr std::size_t kMinBaseLength = 3;

// Plural and case endings of German nouns, longest first.
constexpr std::string_view kNounEndings[] = {"ern", "en", "er", "es", "e", "n", "s"};

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

}  // namespace

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
  if (dictionary_.IsWholeEntry(spelled)) return Lemma{spelled, false};
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
