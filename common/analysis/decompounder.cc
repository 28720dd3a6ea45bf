#include "analysis/decompounder.h"
#include "util/strings.h"

#include "analysis/stopwords.h"

namespace archivar::analysis {
namespace {

constexpr std::size_t kMinCompoundLength = 6;
constexpr std::size_t kMinPartLength = 4;
constexpr std::size_t kMinShortPartLength = 3;
constexpr std::size_t kMinModifierBeforeShortHead = 5;
// The shortest listed head QuerySplit accepts in an inflected form ("ei").
constexpr std::size_t kMinShortListedHead = 2;
constexpr int kMaxDepth = 4;

// Linking elements, longest first so "-es-" is tried before "-s-".
constexpr std::string_view kLinkingElements[] = {"ens", "es", "en", "er", "ns", "s", "n", "e"};

constexpr std::string_view kInflectionEndings[] = {"ern", "es", "en", "er", "ns", "s", "n", "e"};

// Nouns that are also derivational suffixes: "Meisterschaft" is not a
// kind of "Schaft".
constexpr std::string_view kSuffixNouns[] = {"schaft", "schaften", "tum", "tums"};

bool IsDerivationalSuffix(std::string_view head) {
  for (std::string_view suffix : kSuffixNouns) {
    if (head == suffix) return true;
  }
  return false;
}

// Foreign suffixes: a short head ending in one is most likely the end of a
// loan word ("Genera|list", "Mill|ion"), not a German compound's head.
constexpr std::string_view kForeignSuffixes[] = {"ist", "isten", "ismus", "ion", "ionen",
                                                 "itaet", "ieren", "ierung"};
constexpr std::size_t kMinLettersBeforeForeignSuffix = 3;

bool IsForeignSuffixWord(std::string_view head) {
  for (std::string_view suffix : kForeignSuffixes) {
    if (head.size() >= suffix.size() && head.substr(head.size() - suffix.size()) == suffix &&
        head.size() < suffix.size() + kMinLettersBeforeForeignSuffix) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool Decompounder::IsUsableHead(std::string_view head, std::string_view modifier) const {
  // A head may be inflected ("Biss|wunden"): a noun, or a listed noun plus
  // an inflection ending.
  bool noun = dictionary_.IsNoun(head) || IsInflectedListedNoun(head);
  if (!noun || IsDerivationalSuffix(head) || IsForeignSuffixWord(head)) {
    return false;
  }
  if (head.size() >= kMinPartLength) return true;
  return head.size() >= kMinShortPartLength &&
         modifier.size() >= kMinModifierBeforeShortHead;
}

std::optional<std::string> Decompounder::UsableModifier(std::string_view modifier,
                                                        PrefixMemo& memo) const {
  // A linking element is dropped when what is left is a base-form noun of 4
  // letters or more and the modifier as written is not a word of another
  // kind ("verteidigungs" -> verteidigung, "kinder" -> kind; "gross" stays).
  uint8_t written = dictionary_.Flags(modifier);
  bool other_word = (written & dictionary::kOtherWord) && !(written & dictionary::kNoun);
  for (std::string_view link : kLinkingElements) {
    if (other_word || !EndsWith(modifier, link)) continue;
    std::string_view base = modifier.substr(0, modifier.size() - link.size());
    uint8_t flags = dictionary_.Flags(base);
    bool base_form = (flags & dictionary::kWholeEntry) || !(written & dictionary::kWholeEntry);
    if (base.size() >= kMinPartLength && (flags & dictionary::kNoun) && base_form &&
        !IsGermanStopword(base)) {
      return std::string(base);
    }
  }
  // Otherwise the modifier must be a base form (a hunspell entry), a form
  // made for compounds, or itself a compound: "genera" (a plural) in
  // "Generalist" is none of these.
  auto usable = [&](std::string_view part) {
    if (part.size() < kMinShortPartLength || IsGermanStopword(part)) return false;
    uint8_t flags = dictionary_.Flags(part);
    bool base_form = (flags & (dictionary::kWholeEntry | dictionary::kCompoundOnly)) != 0;
    if (part.size() < kMinPartLength) return base_form && (flags & dictionary::kNoun);
    return base_form || IsCompoundPrefix(part, memo);
  };
  if (usable(modifier)) return std::string(modifier);
  for (std::string_view link : kLinkingElements) {
    if (EndsWith(modifier, link) && usable(modifier.substr(0, modifier.size() - link.size()))) {
      return std::string(modifier.substr(0, modifier.size() - link.size()));
    }
  }
  return std::nullopt;
}

// True when the word, or the word without an inflection ending, is a
// dictionary entry of its own ("brandenburgs" -> "brandenburg").
bool Decompounder::IsWholeEntry(std::string_view word) const {
  if (dictionary_.IsWholeEntry(word)) return true;
  for (std::string_view ending : kInflectionEndings) {
    if (EndsWith(word, ending) &&
        dictionary_.IsWholeEntry(word.substr(0, word.size() - ending.size()))) {
      return true;
    }
  }
  return false;
}

bool Decompounder::IsListedNounPair(std::string_view modifier, std::string_view head) const {
  auto listed_noun = [&](std::string_view part, std::size_t min_length) {
    return part.size() >= min_length && dictionary_.IsWholeEntry(part) &&
           dictionary_.IsNoun(part);
  };
  return listed_noun(modifier, kMinShortPartLength) && listed_noun(head, kMinPartLength);
}

bool Decompounder::IsInflectedListedNoun(std::string_view word) const {
  for (std::string_view ending : kInflectionEndings) {
    std::string_view base = word.substr(0, word.size() - ending.size());
    if (EndsWith(word, ending) && dictionary_.IsWholeEntry(base) && dictionary_.IsNoun(base)) {
      return true;
    }
  }
  return false;
}

std::string_view Decompounder::ListedForm(std::string_view word) const {
  if (dictionary_.IsWholeEntry(word)) return word;
  for (std::string_view ending : kInflectionEndings) {
    std::string_view base = word.substr(0, word.size() - ending.size());
    if (EndsWith(word, ending) && dictionary_.IsWholeEntry(base)) return base;
  }
  return word;
}

std::optional<CompoundSplit> Decompounder::SplitListedWord(std::string_view word,
                                                           PrefixMemo& memo) const {
  // The listed form is split, not the inflected word: "Ministern" is
  // "Minister" + n, which does not split — not "Mini|stern".
  std::string_view base = ListedForm(word);
  std::string_view ending = word.substr(base.size());
  for (std::size_t cut = kMinShortPartLength; cut + kMinPartLength <= base.size(); ++cut) {
    std::string_view modifier = base.substr(0, cut);
    std::string_view head = base.substr(cut);
    if (!IsUsableHead(head, modifier)) continue;
    auto usable = UsableModifier(modifier, memo);
    if (usable && IsListedNounPair(*usable, head)) {
      return CompoundSplit{std::move(*usable), std::string(head) + std::string(ending)};
    }
  }
  return std::nullopt;
}

std::optional<CompoundSplit> Decompounder::Split(std::string_view word) const {
  if (word.size() > kMaxCompoundBytes) return std::nullopt;
  PrefixMemo memo(word.size() + 1, 0);
  return SplitPrefix(word, memo);
}

std::optional<CompoundSplit> Decompounder::QuerySplit(std::string_view word) const {
  if (auto split = Split(word)) return split;
  if (word.size() > kMaxCompoundBytes) return std::nullopt;
  std::string_view base = ListedForm(word);
  std::string_view ending = word.substr(base.size());
  if (ending.empty() || !dictionary_.IsWholeEntry(base)) return std::nullopt;
  PrefixMemo memo(word.size() + 1, 0);
  for (std::size_t head_size = kMinShortListedHead; head_size < kMinPartLength; ++head_size) {
    if (base.size() < head_size + kMinShortPartLength) continue;
    std::string_view modifier = base.substr(0, base.size() - head_size);
    std::string_view short_head = base.substr(base.size() - head_size);
    std::string head = std::string(short_head) + std::string(ending);
    if (!dictionary_.IsWholeEntry(short_head) || !dictionary_.IsNoun(short_head) ||
        !dictionary_.IsNoun(head) || !IsUsableHead(head, modifier)) {
      continue;
    }
    auto usable = UsableModifier(modifier, memo);
    if (usable && usable->size() >= kMinShortPartLength && dictionary_.IsWholeEntry(*usable) &&
        dictionary_.IsNoun(*usable)) {
      return CompoundSplit{std::move(*usable), std::move(head)};
    }
  }
  return std::nullopt;
}

bool Decompounder::IsCompoundPrefix(std::string_view prefix, PrefixMemo& memo) const {
  uint8_t& known = memo[prefix.size()];
  if (known == 0) known = SplitPrefix(prefix, memo).has_value() ? 2 : 1;
  return known == 2;
}

std::optional<CompoundSplit> Decompounder::SplitPrefix(std::string_view word,
                                                       PrefixMemo& memo) const {
  if (word.size() < kMinCompoundLength) return std::nullopt;
  if (IsWholeEntry(word)) return SplitListedWord(word, memo);
  // A head that is a base word of its own beats a longer head that is a
  // compound itself ("fahrrad|reifen", not "fahr|radreifen";
  // "hochwasser|schutz", not "hoch|wasserschutz").
  for (bool base_word_head : {true, false}) {
    // Longest head first: the head starts as early as the modifier allows.
    for (std::size_t cut = kMinShortPartLength; cut + kMinShortPartLength <= word.size(); ++cut) {
      std::string_view modifier = word.substr(0, cut);
      std::string_view head = word.substr(cut);
      if (!IsUsableHead(head, modifier)) continue;
      if (base_word_head && !dictionary_.IsWholeEntry(head)) continue;
      if (auto usable = UsableModifier(modifier, memo)) {
        return CompoundSplit{std::move(*usable), std::string(head)};
      }
    }
  }
  return std::nullopt;
}

std::vector<std::string> Decompounder::Parts(std::string_view word) const {
  std::vector<std::string> parts;
  std::vector<std::pair<std::string, int>> pending = {{std::string(word), 0}};
  for (std::size_t i = 0; i < pending.size(); ++i) {
    auto [current, depth] = pending[i];
    if (depth >= kMaxDepth) continue;
    auto split = Split(current);
    if (!split) continue;
    for (std::string* part : {&split->modifier, &split->head}) {
      parts.push_back(*part);
      pending.emplace_back(*part, depth + 1);
    }
  }
  return parts;
}

}  // namespace archivar::analysis
