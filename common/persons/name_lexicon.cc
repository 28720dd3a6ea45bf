#include "persons/name_lexicon.h"

#include "analysis/analyzer.h"
#include "analysis/tokenizer.h"
#include "dictionary/dictionary.h"
#include "persons/embedded_data.h"
#include "text/unicode.h"

#include <algorithm>

namespace archivar::persons {
namespace {

// "UN", "USA", "BMW": acronyms are never read as names anyway, and their
// folded keys would match ordinary words ("Un" in "Kim Jong Un").
bool IsAcronym(std::string_view entry) {
  std::size_t capitals = 0;
  for (char c : entry) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return capitals >= 2;
}

// The canonical spelling of Latin letters that need no ICU: umlauts and
// ß as keyword search writes them (ae, oe, ue, ss), other marked letters
// as ICU's Latin-ASCII writes them.  Lower and upper case; nullptr for
// anything else.  (tests/alias_table_test.cc checks every entry against
// analysis::Analyzer::CanonicalSpelling.)
const char* LatinSpelling(int32_t c) {
  static const std::unordered_map<int32_t, const char*> kSpellings = [] {
    std::unordered_map<int32_t, const char*> spellings;
    const std::pair<const char*, const char*> groups[] = {
        {"äÄ", "ae"}, {"öÖ", "oe"}, {"üÜ", "ue"}, {"ß", "ss"},
        {"àáâãåāăąÀÁÂÃÅĀĂĄ", "a"}, {"æÆ", "ae"}, {"çćĉċčÇĆĈĊČ", "c"},
        {"ďđĎĐðÐ", "d"}, {"èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"}, {"ĝğġģĜĞĠĢ", "g"},
        {"ĥħĤĦ", "h"}, {"ìíîïĩīĭįıÌÍÎÏĨĪĬĮ", "i"}, {"ĵĴ", "j"}, {"ķĶ", "k"},
        {"ĺļľłĹĻĽŁ", "l"}, {"ñńņňÑŃŅŇ", "n"}, {"òóôõøōŏőÒÓÔÕØŌŎŐ", "o"},
        {"œŒ", "oe"}, {"ŕřŔŘ", "r"}, {"śŝşšșŚŜŞŠȘ", "s"}, {"ţťțŢŤȚ", "t"},
        {"ùúûũūŭůűųÙÚÛŨŪŬŮŰŲ", "u"}, {"ýÿÝŸ", "y"}, {"źżžŹŻŽ", "z"},
        {"þÞ", "th"}};
    for (const auto& [letters, spelling] : groups) {
      std::string_view text(letters);
      std::size_t offset = 0;
      while (offset < text.size()) spellings[text::NextCodePoint(text, &offset)] = spelling;
    }
    return spellings;
  }();
  auto found = kSpellings.find(c);
  return found == kSpellings.end() ? nullptr : found->second;
}

// Analyzer::CanonicalSpelling without ICU for the words that need none
// (letters, digits and the marked Latin letters above); false otherwise.
bool FastCanonicalSpelling(std::string_view word, std::string* out) {
  out->clear();
  std::size_t offset = 0;
  while (offset < word.size()) {
    unsigned char byte = static_cast<unsigned char>(word[offset]);
    if (byte < 0x80) {
      char c = static_cast<char>(byte);
      if (c >= 'A' && c <= 'Z') {
        *out += static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
        *out += c;
      } else {
        return false;
      }
      ++offset;
      continue;
    }
    int32_t c = text::NextCodePoint(word, &offset);
    const char* spelling = c == 0x2019 ? "'" : LatinSpelling(c);
    if (!spelling) return false;
    *out += spelling;
  }
  // The analyzer's apostrophe rule: "putin's" -> "putin", "o'brien" -> "obrien".
  if (out->size() > 2 && out->compare(out->size() - 2, 2, "'s") == 0) out->resize(out->size() - 2);
  out->erase(std::remove(out->begin(), out->end(), '\''), out->end());
  return true;
}

}  // namespace

std::string WordKey(std::string_view word) {
  std::string key;
  if (FastCanonicalSpelling(word, &key)) return key;
  return analysis::Analyzer::CanonicalSpelling(word);
}

std::string PhraseKey(std::string_view phrase) {
  std::string key;
  for (const analysis::Token& token : analysis::Tokenize(phrase)) {
    std::string word = WordKey(token.text);
    if (word.empty()) continue;
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

const NameLexicon& NameLexicon::Builtin() {
  static const NameLexicon lexicon;
  return lexicon;
}

NameLexicon::NameLexicon() {
  AddList(data::FirstNames(), 0,
          {{"first_names", kFirstName},
           {"ambiguous_first_names", kFirstName | kAmbiguousFirstName},
           {"family_names_first", kFamilyNameFirst}});
  AddList(data::Surnames(), 0,
          {{"surnames", kSurname}, {"ambiguous_surnames", kSurname | kAmbiguousSurname}});
  AddList(data::PersonTitles(), 0, {{"titles", kTitle}, {"roles", kRole}});
  AddList(data::ContextWords(), 0,
          {{"particles", kParticle},
           {"foreign_particles", kParticle | kForeignParticle},
           {"determiners", kDeterminer},
           {"place_prepositions", kPlacePreposition},
           {"speech_verbs", kSpeechVerb},
           {"finite_verbs", kFiniteVerb},
           {"clause_openers", kClauseOpener},
           {"organisation_heads", kOrganisationHead},
           {"blockers", kBlocker},
           {"parties", kParty},
           {"english_words", kEnglishWord}});
  AddPhraseList(data::Places(), kPlace, place_phrases_);
  AddPhraseList(data::Organisations(), kOrganisation, organisation_phrases_);
  MarkDictionaryWordsAmbiguous();

  // Roles match their inflected and female forms; role heads also match
  // as the last part of a compound.
  std::vector<std::string> roles;
  for (const auto& [key, flags] : flags_) {
    if (flags & kRole) roles.push_back(key);
  }
  for (const std::string& role : roles) AddInflectedRole(role, nullptr);
  ForEachListEntry(data::PersonTitles(), [&](std::string_view section, std::string_view line) {
    if (section == "role_heads") AddInflectedRole(WordKey(line), &role_heads_);
  });
}

void NameLexicon::AddList(std::string_view text, uint32_t default_flags,
                          const std::vector<std::pair<std::string_view, uint32_t>>& sections) {
  ForEachListEntry(text, [&](std::string_view section, std::string_view line) {
    uint32_t flags = default_flags;
    for (const auto& [name, section_flags] : sections) {
      if (name == section) flags = section_flags;
    }
    if (flags == 0) return;
    std::string key = PhraseKey(line);
    if (key.empty() || key.find(' ') != std::string::npos) return;  // one word only
    flags_[key] |= flags;
  });
}

void NameLexicon::AddPhraseList(std::string_view text, uint32_t flag,
                                std::unordered_set<std::string>& phrases) {
  ForEachListEntry(text, [&](std::string_view, std::string_view line) {
    std::string key = PhraseKey(line);
    if (key.empty() || IsAcronym(line)) return;  // "UN" must not match "Un"
    std::size_t words = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
    if (words == 1) {
      flags_[key] |= flag;
    } else {
      phrase_starts_.insert(key.substr(0, key.find(' ')));
      phrases.insert(key);
      max_phrase_words_ = std::max(max_phrase_words_, words);
    }
  });
}

// "praesident" -> praesidenten, praesidentin; "experte" -> experten,
// experter, expertin.
void NameLexicon::AddInflectedRole(const std::string& key, std::unordered_set<std::string>* heads) {
  if (key.empty()) return;
  // Singular forms only: a plural ("Champions League", "die Trainer")
  // rarely stands right before a name.
  std::vector<std::string> forms = {key, key + "n", key + "en", key + "in"};
  if (key.back() == 'e') {
    forms.push_back(key + "r");
    forms.push_back(key.substr(0, key.size() - 1) + "in");
  }
  for (const std::string& form : forms) {
    if (heads) {
      heads->insert(form);
    } else {
      flags_[form] |= kRole;
    }
  }
}

// First names and surnames that are also ordinary lower-case German words
// ("weil", "nur", "fröhlich") or stop words cannot stand for a person on
// their own.  (Words the dictionary also lists capitalised, such as
// "Kurt", are names first.)
void NameLexicon::MarkDictionaryWordsAmbiguous() {
  const auto& dictionary = dictionary::Dictionary::German();
  for (auto& [key, flags] : flags_) {
    if (!(flags & (kFirstName | kSurname))) continue;
    uint8_t word_flags = dictionary.Flags(key);
    bool lower_case_word = (word_flags & dictionary::kOtherWord) && !(word_flags & dictionary::kNoun);
    if (!lower_case_word && !analysis::Analyzer::IsStopword(key)) continue;
    if (flags & kFirstName) flags |= kAmbiguousFirstName;
    if (flags & kSurname) flags |= kAmbiguousSurname;
  }
}

uint32_t NameLexicon::Flags(std::string_view key) const {
  auto found = flags_.find(std::string(key));
  return found == flags_.end() ? 0 : found->second;
}

bool NameLexicon::EndsInRoleHead(std::string_view key) const {
  constexpr std::size_t kMinModifier = 3;
  for (std::size_t start = kMinModifier; start + 3 <= key.size(); ++start) {
    if (role_heads_.count(std::string(key.substr(start)))) return true;
  }
  return false;
}

bool NameLexicon::IsPlacePhrase(std::string_view phrase_key) const {
  return place_phrases_.count(std::string(phrase_key)) > 0;
}

bool NameLexicon::IsOrganisationPhrase(std::string_view phrase_key) const {
  return organisation_phrases_.count(std::string(phrase_key)) > 0;
}

}  // namespace archivar::persons
