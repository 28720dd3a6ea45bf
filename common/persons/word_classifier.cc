#include "persons/word_classifier.h"

#include "analysis/analyzer.h"
#include "text/unicode.h"
#include "util/strings.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace archivar::persons {
namespace {

constexpr std::size_t kMaxCachedWords = 200000;

// Suffixes that make plural and case forms of German nouns.
constexpr std::string_view kNounEndings[] = {"e", "en", "n", "er", "ern", "es", "nen"};
// ... and the endings of their inflected forms, genitive -s included.
constexpr std::string_view kInflectedEndings[] = {"e", "en", "n", "er", "ern", "es", "nen", "s"};

// Last parts of compounds that are typical of German surnames
// ("Lindemann", "Steinmeier", "Rosenberg"): such a word is not taken for a
// common compound noun.
constexpr std::string_view kSurnameHeads[] = {
    "mann", "meier", "maier", "mayer", "meyer", "berg", "berger", "stein",
    "feld", "bach", "thal", "dorf", "hofer", "huber", "bauer", "brand",
    "brandt", "hausen", "rath", "roth", "schmidt", "mueller", "bichler",
    "egger", "leitner", "lechner", "moser", "wieser", "reiter", "ecker", "wald",
    "kamp", "kemper", "horst", "hagen", "busch", "beck", "stedt", "heim"};

struct Shape {
  bool capitalised = false;
  bool all_capitals = true;
  bool starts_with_digit = false;
  std::size_t letters = 0;
};

Shape ShapeOf(std::string_view token) {
  Shape shape;
  std::size_t offset = 0;
  bool first = true;
  while (offset < token.size()) {
    int32_t c = text::NextCodePoint(token, &offset);
    if (c < 0) continue;
    if (first) {
      shape.capitalised = u_isupper(c) || u_istitle(c);
      shape.starts_with_digit = u_isdigit(c);
      first = false;
    }
    if (u_isalpha(c)) {
      ++shape.letters;
      if (!u_isupper(c)) shape.all_capitals = false;
    }
  }
  return shape;
}

}  // namespace

bool IsNameKind(NameKind kind) {
  switch (kind) {
    case NameKind::kFamilyFirst:
    case NameKind::kFirst:
    case NameKind::kAmbiguousFirst:
    case NameKind::kSurname:
    case NameKind::kAmbiguousSurname:
    case NameKind::kUnknown:
    case NameKind::kProper:
      return true;
    default:
      return false;
  }
}

bool IsFirstNameKind(NameKind kind) {
  return kind == NameKind::kFirst || kind == NameKind::kAmbiguousFirst ||
         kind == NameKind::kFamilyFirst;
}

WordClassifier::WordClassifier(const NameLexicon& lexicon, const AliasTable& aliases,
                               const dictionary::Dictionary& dictionary)
    : lexicon_(lexicon), aliases_(aliases), dictionary_(dictionary), decompounder_(dictionary) {
  cache_.reserve(1 << 16);
}

void WordClassifier::TrimCache() {
  if (cache_.size() > kMaxCachedWords) cache_.clear();
  long_words_.clear();
}

const WordFacts& WordClassifier::Token(std::string_view token) {
  if (token.size() > analysis::Decompounder::kMaxCompoundBytes) {
    return long_words_.emplace_back(ClassifyLongWord(token));
  }
  std::string text(token);
  auto found = cache_.find(text);
  if (found != cache_.end()) return found->second;
  return cache_.emplace(std::move(text), Classify(token)).first->second;
}

// A noun the dictionary also lists with plural or case endings ("tisch":
// tische, tischen) is a common noun; a name has only its genitive
// ("merkel": merkels).
bool WordClassifier::IsCommonNoun(const std::string& key) const {
  for (std::string_view ending : kNounEndings) {
    if (dictionary_.IsWord(key + std::string(ending))) return true;
  }
  return false;
}

// "jahre" (jahr + e), "hauses" (haus + es), "jahrhunderts": an inflected
// form of a common noun, which is never a surname.
bool WordClassifier::IsInflectedFormOfNoun(const std::string& key) const {
  for (std::string_view ending : kInflectedEndings) {
    if (key.size() < ending.size() + 3 || !EndsWith(key, ending)) continue;
    std::string base = key.substr(0, key.size() - ending.size());
    if (dictionary_.IsNoun(base) && IsCommonNoun(base)) return true;
  }
  return false;
}

// The last part of a compound: a noun, possibly inflected ("angaben" for
// "Angabe", "teile"), or a longer other word ("bezogen", "gemaess").
bool WordClassifier::IsHead(const std::string& part) const {
  constexpr std::size_t kMinHead = 4, kMinOtherHead = 5;
  if (part.size() < kMinHead) return false;
  if (dictionary_.IsNoun(part)) return true;
  for (std::string_view ending : kInflectedEndings) {
    if (part.size() >= ending.size() + kMinHead && EndsWith(part, ending) &&
        dictionary_.IsNoun(part.substr(0, part.size() - ending.size()))) {
      return true;
    }
  }
  return part.size() >= kMinOtherHead && dictionary_.IsWord(part) &&
         !analysis::Analyzer::IsStopword(part);
}

// The first part of a compound, with its linking element ("zeugen",
// "verkehrs", "sach" for "Sache", "diebes").
bool WordClassifier::IsModifier(const std::string& part) const {
  constexpr std::size_t kMinModifier = 4;
  if (part.size() < kMinModifier) return false;
  if (dictionary_.IsWord(part) || dictionary_.IsWord(part + "e")) return true;
  for (std::string_view link : {std::string_view("s"), std::string_view("es"),
                                std::string_view("n"), std::string_view("en"),
                                std::string_view("er"), std::string_view("e")}) {
    if (part.size() >= link.size() + kMinModifier - 1 && EndsWith(part, link) &&
        dictionary_.IsWord(part.substr(0, part.size() - link.size()))) {
      return true;
    }
  }
  return false;
}

// A compound of words the dictionary knows, also where the decompounder
// leaves it whole on purpose or does not know the inflected head:
// "Liebeskummer", "Zeugenangaben", "Sachschaden", "Diebesgut",
// "Bussonderfahrstreifen", "stadtweit" written at the start of a sentence.
// Parts may themselves be compounds (depth levels).  Heads that are first
// names or surnames do not count ("…meier").
bool WordClassifier::IsListedCompound(const std::string& key, int depth) const {
  constexpr std::size_t kMinPart = 3, kMinSplittable = 7;
  for (std::size_t split = kMinPart; split + kMinPart <= key.size(); ++split) {
    std::string head = key.substr(split);
    if (lexicon_.Flags(head) & (kFirstName | kSurname)) continue;
    bool head_ok = IsHead(head) ||
                   (depth > 0 && head.size() >= kMinSplittable && IsListedCompound(head, depth - 1));
    if (!head_ok) continue;
    std::string modifier = key.substr(0, split);
    if (IsModifier(modifier) ||
        (depth > 0 && modifier.size() >= kMinSplittable && IsListedCompound(modifier, depth - 1))) {
      return true;
    }
  }
  return false;
}

bool WordClassifier::IsNameLike(const std::string& key) const {
  return std::any_of(std::begin(kSurnameHeads), std::end(kSurnameHeads),
                     [&](std::string_view head) {
                       return key.size() > head.size() + 2 && EndsWith(key, head);
                     });
}

NameKind WordClassifier::DictionaryKind(const std::string& key) const {
  uint8_t flags = dictionary_.Flags(key);
  if (flags & dictionary::kNoun) {
    if ((flags & dictionary::kOtherWord) || IsCommonNoun(key) || IsInflectedFormOfNoun(key) ||
        HasCommonNounSuffix(key) || (IsListedCompound(key, 1) && !IsNameLike(key))) {
      return NameKind::kCommon;
    }
    return NameKind::kProper;
  }
  if (flags & (dictionary::kOtherWord | dictionary::kCompoundOnly)) return NameKind::kCommon;
  if (IsInflectedFormOfNoun(key) || HasCommonNounSuffix(key)) return NameKind::kCommon;
  if ((decompounder_.Split(key) || IsListedCompound(key, 1)) && !IsNameLike(key)) {
    return NameKind::kCommon;
  }
  return NameKind::kUnknown;
}

// "plädierte" (plädieren), "arbeitete" (arbeiten): the past tense of a weak
// verb, whose infinitive the dictionary lists in lower case.
bool WordClassifier::IsPastTenseVerb(const std::string& key) const {
  for (std::string_view ending : {std::string_view("ete"), std::string_view("te")}) {
    if (key.size() < ending.size() + 3 || !EndsWith(key, ending)) continue;
    std::string infinitive = key.substr(0, key.size() - ending.size()) + "en";
    uint8_t flags = dictionary_.Flags(infinitive);
    if ((flags & dictionary::kOtherWord) && !(flags & dictionary::kNoun)) return true;
  }
  return false;
}

// Endings of German common words, rare in names: diminutives
// ("Tütchen"), nominalised participles ("Anwohnende"), abstract nouns
// ("Wohngemeinschaft"), adverbs and adjectives written at the start of a
// sentence ("Stadtweit", "Letztmalig", "Tatplangemäß").
bool WordClassifier::HasCommonNounSuffix(const std::string& key) {
  constexpr std::string_view kSuffixes[] = {
      "chen", "lein",   "ende",   "enden",  "ender", "endes", "heit",    "keit",
      "schaft", "ung",  "ungen",  "tion",   "ismus", "itaet", "weise",   "maessig",
      "malig", "weit",  "isch",   "haft",   "gemaess"};
  for (std::string_view suffix : kSuffixes) {
    if (key.size() > suffix.size() + 3 && EndsWith(key, suffix)) return true;
  }
  return false;
}

// "Cottbuser", "Berliner": adjectives made from places.
bool WordClassifier::IsPlaceAdjective(const std::string& key) const {
  return key.size() > 4 && EndsWith(key, "er") &&
         (lexicon_.Flags(key.substr(0, key.size() - 2)) & kPlace);
}

// A word too long for a name or a compound (the searches for compounds and
// role heads below cost more than linear time in its length): never part of
// a name, a common word when capitalised.  Its key is spelled as usual, so
// that no check on a short key ("frau", a syllable of "Jong-un") takes it
// for a short word.
WordFacts WordClassifier::ClassifyLongWord(std::string_view token) {
  WordFacts facts;
  facts.key = WordKey(token);
  Shape shape = ShapeOf(token);
  facts.capitalised = shape.capitalised;
  facts.starts_with_digit = shape.starts_with_digit;
  facts.acronym = shape.capitalised && shape.letters >= 2 && shape.all_capitals;
  if (shape.capitalised && !facts.acronym && !facts.key.empty()) facts.kind = NameKind::kCommon;
  return facts;
}

WordFacts WordClassifier::Classify(std::string_view token) const {
  WordFacts facts;
  facts.key = WordKey(token);
  facts.lexicon = lexicon_.Flags(facts.key);
  facts.starts_alias = aliases_.IsFormStart(facts.key);
  facts.starts_phrase = lexicon_.IsPhraseStart(facts.key);
  Shape shape = ShapeOf(token);
  facts.capitalised = shape.capitalised;
  facts.starts_with_digit = shape.starts_with_digit;
  facts.single_letter = shape.capitalised && shape.letters == 1 && token.size() <= 2;
  facts.acronym = shape.capitalised && shape.letters >= 2 && shape.all_capitals;
  if (!shape.capitalised || facts.acronym || facts.single_letter || facts.key.empty()) {
    facts.past_tense_verb = !shape.capitalised && IsPastTenseVerb(facts.key);
    return facts;
  }
  uint32_t lexicon = facts.lexicon;
  // A genitive of a known name or place takes the base's classes.
  if (!(lexicon & (kFirstName | kSurname | kFamilyNameFirst | kPlace | kOrganisation)) &&
      facts.key.size() >= 4 && facts.key.back() == 's' && !EndsWith(facts.key, "ss")) {
    std::string base = facts.key.substr(0, facts.key.size() - 1);
    uint32_t base_lexicon = lexicon_.Flags(base);
    if ((base_lexicon & (kFirstName | kSurname | kFamilyNameFirst | kPlace | kOrganisation)) ||
        aliases_.FindKey(base)) {
      facts.genitive_base = base;
      lexicon |= base_lexicon & (kFirstName | kAmbiguousFirstName | kSurname |
                                 kAmbiguousSurname | kPlace | kOrganisation);
    }
  }
  if (lexicon & kTitle) {
    facts.kind = NameKind::kTitle;
  } else if ((lexicon & kRole) ||
             (!(lexicon & (kFirstName | kSurname | kFamilyNameFirst)) &&
              lexicon_.EndsInRoleHead(facts.key))) {
    facts.kind = NameKind::kRole;
  } else if (lexicon & kFamilyNameFirst) {
    facts.kind = NameKind::kFamilyFirst;
  } else if ((lexicon & kFirstName) && !(lexicon & kAmbiguousFirstName)) {
    facts.kind = NameKind::kFirst;
  } else if (lexicon & kOrganisation) {
    facts.kind = NameKind::kOrganisation;
  } else if (lexicon & kFirstName) {
    facts.kind = NameKind::kAmbiguousFirst;
  } else if (lexicon & kSurname) {
    facts.kind = (lexicon & kAmbiguousSurname) ? NameKind::kAmbiguousSurname : NameKind::kSurname;
  } else if (lexicon & kPlace) {
    facts.kind = NameKind::kPlace;
  } else if (IsPlaceAdjective(facts.key)) {
    facts.kind = NameKind::kCommon;
  } else {
    facts.kind = DictionaryKind(facts.key);
  }
  uint8_t dictionary_flags = dictionary_.Flags(facts.key);
  facts.inflected_noun = facts.kind == NameKind::kCommon && dictionary_flags != 0 &&
                         IsInflectedFormOfNoun(facts.key);
  facts.lower_case_word =
      (dictionary_flags & dictionary::kOtherWord) && !(dictionary_flags & dictionary::kNoun);
  facts.dictionary_noun = (dictionary_flags & dictionary::kNoun) != 0;
  return facts;
}

// Hyphen groups: "Hans-Dietrich" (first names), "FDP-Chef" (a role),
// "al-Assad" (a surname with its particle), "Weiler-Kiderlen" (a double
// surname), "Jong-un" (a Korean given name), "UN-Sicherheitsrat" and
// "Merkel-Regierung" (common nouns).
WordFacts WordClassifier::Group(const std::vector<const WordFacts*>& parts) const {
  WordFacts facts;
  for (const WordFacts* part : parts) {
    if (!facts.key.empty()) facts.key += ' ';
    facts.key += part->key;
  }
  const WordFacts& first = *parts.front();
  const WordFacts& last = *parts.back();
  facts.capitalised = first.capitalised || (first.lexicon & kParticle);
  if (lexicon_.IsPlacePhrase(facts.key)) {
    facts.lexicon = kPlace;
  } else if (lexicon_.IsOrganisationPhrase(facts.key)) {
    facts.lexicon = kOrganisation;
  }
  if (facts.lexicon & kPlace) {
    facts.kind = NameKind::kPlace;
    return facts;
  }
  if (facts.lexicon & kOrganisation) {
    facts.kind = NameKind::kOrganisation;
    return facts;
  }
  if (last.kind == NameKind::kRole || last.kind == NameKind::kTitle) {
    facts.kind = NameKind::kRole;
    return facts;
  }
  bool all_first = true, any_unambiguous_first = false, any_place = false, any_other = false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const WordFacts& part = *parts[i];
    if (part.kind == NameKind::kFirst) any_unambiguous_first = true;
    if (part.kind != NameKind::kFirst && part.kind != NameKind::kAmbiguousFirst) all_first = false;
    if (part.kind == NameKind::kPlace) any_place = true;
    // Lower-case parts are allowed as a particle in front ("al-Assad") or
    // as short syllables of Asian given names ("Jong-un", "Jae-in").
    if (!part.capitalised && !part.acronym) {
      bool particle = i == 0 && (part.lexicon & kParticle);
      bool syllable = i > 0 && part.key.size() <= 4 && !(part.lexicon & kDeterminer);
      if (!particle && !syllable) any_other = true;
    }
  }
  if (all_first && any_unambiguous_first) {
    facts.kind = NameKind::kFirst;
  } else if (last.kind == NameKind::kCommon || last.inflected_noun || any_other ||
             !IsNameKind(last.kind)) {
    facts.kind = NameKind::kCommon;
  } else if (any_place) {
    facts.kind = NameKind::kPlace;
  } else if (std::any_of(parts.begin(), parts.end(), [](const WordFacts* part) {
               return part->acronym || part->starts_with_digit || part->single_letter;
             })) {
    facts.kind = NameKind::kCommon;
  } else {
    facts.kind = NameKind::kUnknown;  // "Weiler-Kiderlen", "Su-Ai-Nee"
  }
  return facts;
}

}  // namespace archivar::persons
