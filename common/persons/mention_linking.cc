// MentionFinder, steps 5 and 6: linking mentions and naming persons.
#include "persons/mention_finder.h"

#include "persons/mention_util.h"

#include <algorithm>
#include <unordered_map>

namespace archivar::persons {

using detail::ApostropheGenitiveLength;
using detail::IsOneOf;
using detail::kNoWord;

// ---- Steps 5 and 6: linking and naming ------------------------------------

bool MentionFinder::IsGenitive(const Candidate& candidate) const {
  std::string_view word = words_[candidate.last].text;
  const WordFacts& facts = Facts(candidate.last);
  if (ApostropheGenitiveLength(word) > 0) return true;
  if (word.size() < 4 || word.back() != 's' || EndsWith(word, "ss")) return false;
  if (!facts.genitive_base.empty()) return true;
  if (facts.lexicon & (kFirstName | kSurname | kFamilyNameFirst)) return false;
  if (GenitiveBeforeNoun(candidate)) return true;
  // "Heidi Klums Modelsuche": a full name in -s before a capitalised word.
  std::size_t after = candidate.last + 1;
  return candidate.last > candidate.first && after < words_.size() &&
         words_.SpacesOnlyBefore(after) && Facts(after).capitalised;
}

void MentionFinder::Describe(Candidate& candidate) const {
  bool genitive = IsGenitive(candidate);
  candidate.key.clear();
  candidate.display.clear();
  candidate.surname_key.clear();
  candidate.name_words = 0;
  for (std::size_t k = candidate.first; k <= candidate.last; ++k) {
    const WordFacts& facts = Facts(k);
    std::string_view text = words_[k].text;
    std::string key = facts.key;
    if (k == candidate.last && genitive) {
      std::size_t apostrophe = ApostropheGenitiveLength(text);
      text.remove_suffix(apostrophe > 0 ? apostrophe : 1);
      if (apostrophe == 0) key = facts.genitive_base.empty() ? WordKey(text) : facts.genitive_base;
    }
    bool particle = (!facts.capitalised && (facts.lexicon & kParticle)) ||
                    (k >= candidate.first + candidate.given &&
                     k < candidate.first + candidate.given + candidate.particles);
    bool numeral = k == candidate.last && candidate.trailing_dot > 0;
    if (!particle && !numeral && !facts.single_letter) ++candidate.name_words;
    if (!candidate.key.empty()) {
      candidate.key += ' ';
      candidate.display += ' ';
    }
    candidate.key += key;
    candidate.display += text;
    if ((facts.single_letter && k < candidate.last) || numeral) candidate.display += '.';
    if (k >= candidate.first + candidate.given) {
      if (!candidate.surname_key.empty()) candidate.surname_key += ' ';
      candidate.surname_key += key;
    }
    if (k == candidate.first) candidate.first_key = key;
    if (!particle && !numeral && !facts.single_letter) candidate.last_key = key;
  }
  candidate.founder = candidate.name_words >= 2;
}

// Indexes the full names by the words a later mention may use for them:
// the surname ("Putin", "von der Leyen"), the last word, and for East
// Asian names the family name ("Kim"); and by first name.
void MentionFinder::IndexReferents() {
  by_surname_.clear();
  by_first_name_.clear();
  for (std::size_t p = 0; p < persons_.size(); ++p) {
    int person = static_cast<int>(p);
    for (std::size_t index : persons_[p].founders) {
      const Candidate& founder = candidates_[index];
      std::vector<const std::string*> keys = {&founder.last_key, &founder.surname_key};
      if (Kind(founder.first) == NameKind::kFamilyFirst) keys.push_back(&founder.first_key);
      for (std::size_t k = 0; k < keys.size(); ++k) {
        if (keys[k]->empty() || (k > 0 && *keys[k] == *keys[0])) continue;
        by_surname_[*keys[k]].push_back(Referent{founder.first, person});
      }
      std::vector<int>& with_first_name = by_first_name_[founder.first_key];
      if (std::find(with_first_name.begin(), with_first_name.end(), person) ==
          with_first_name.end()) {
        with_first_name.push_back(person);
      }
    }
  }
  for (auto& [key, referents] : by_surname_) {
    std::sort(referents.begin(), referents.end(),
              [](const Referent& a, const Referent& b) { return a.word < b.word; });
  }
}

bool MentionFinder::MaySurname(const std::string& key) const {
  if (by_surname_.count(key)) return true;
  return key.size() >= 4 && key.back() == 's' && by_surname_.count(key.substr(0, key.size() - 1));
}

// The person a mention that is not a full name refers to: the full name
// whose surname (or East Asian family name) it is, the nearest one before
// it, else the first one after it; or the only full name with this first
// name.  -1 when there is none.
int MentionFinder::FindReferent(const Candidate& candidate) const {
  std::vector<std::string> keys = {candidate.key, candidate.last_key};
  if (candidate.name_words == 1 && candidate.last_key.size() >= 4 &&
      candidate.last_key.back() == 's') {
    keys.push_back(candidate.last_key.substr(0, candidate.last_key.size() - 1));
  }
  const Referent* before = nullptr;
  const Referent* after = nullptr;
  for (const std::string& key : keys) {
    auto found = by_surname_.find(key);
    if (key.empty() || found == by_surname_.end()) continue;
    const std::vector<Referent>& referents = found->second;
    auto next = std::lower_bound(
        referents.begin(), referents.end(), candidate.first,
        [](const Referent& referent, std::size_t word) { return referent.word < word; });
    if (next != referents.begin() && (!before || std::prev(next)->word > before->word)) {
      before = &*std::prev(next);
    }
    if (next != referents.end() && (!after || next->word < after->word)) after = &*next;
  }
  if (before) return before->person;
  if (after) return after->person;
  // A first name on its own: the only full name with it ("Judith" for
  // "Judith Hermann").
  if (candidate.name_words != 1 || !IsFirstNameKind(Kind(candidate.first))) return -1;
  auto found = by_first_name_.find(candidate.first_key);
  return found != by_first_name_.end() && found->second.size() == 1 ? found->second.front() : -1;
}

// Words that refer to a full name of the text are mentions of that person
// even without other evidence: "Herr Sommer … Sommer sagte", "Rummels".
void MentionFinder::AcceptSurnameMentions() {
  if (persons_.empty()) return;
  for (Candidate& candidate : candidates_) {
    if (candidate.state == State::kPending && FindReferent(candidate) >= 0) {
      candidate.state = State::kAccepted;
    }
  }
  std::vector<Candidate> more;
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if (used_[i] || !CanBeSurname(i) || !MaySurname(Facts(i).key)) continue;
    NameKind kind = Kind(i);
    if (kind == NameKind::kRole || kind == NameKind::kPlace || kind == NameKind::kOrganisation) {
      continue;
    }
    if (DeterminerBefore(i) || PlacePrepositionBefore(i)) continue;
    Candidate candidate;
    candidate.first = candidate.last = i;
    Describe(candidate);
    if (Blocked(candidate) || FindReferent(candidate) < 0) continue;
    candidate.state = State::kAccepted;
    used_[i] = true;
    more.push_back(std::move(candidate));
  }
  if (more.empty()) return;
  candidates_.insert(candidates_.end(), more.begin(), more.end());
  std::sort(candidates_.begin(), candidates_.end(),
            [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
}

std::string MentionFinder::CanonicalFor(const Person& person) const {
  const Candidate* fullest = &candidates_[person.founders.front()];
  for (std::size_t index : person.founders) {
    if (candidates_[index].name_words > fullest->name_words) fullest = &candidates_[index];
  }
  if (const std::string* canonical = aliases_.FindKey(fullest->key)) return *canonical;
  for (std::size_t index : person.founders) {
    if (const std::string* canonical = aliases_.FindKey(candidates_[index].key)) {
      return *canonical;
    }
  }
  return fullest->display;
}

void MentionFinder::LinkAndName() {
  // Full names found the persons; equal names are one person.
  std::unordered_map<std::string, int> by_key;
  for (std::size_t k = 0; k < candidates_.size(); ++k) {
    Candidate& candidate = candidates_[k];
    if (candidate.state != State::kAccepted || !candidate.founder) continue;
    auto [slot, added] = by_key.emplace(candidate.key, static_cast<int>(persons_.size()));
    if (added) persons_.push_back(Person{});
    candidate.person = slot->second;
    persons_[static_cast<std::size_t>(slot->second)].founders.push_back(k);
  }
  IndexReferents();
  AcceptSurnameMentions();
  // Founder indices may have moved with the sort: rebuild them.
  for (Person& person : persons_) person.founders.clear();
  for (std::size_t k = 0; k < candidates_.size(); ++k) {
    if (candidates_[k].founder && candidates_[k].person >= 0) {
      persons_[static_cast<std::size_t>(candidates_[k].person)].founders.push_back(k);
    }
  }
  for (Person& person : persons_) person.canonical = CanonicalFor(person);

  // Other mentions refer to a full name, or are a person of their own.
  std::unordered_map<std::string, int> single_by_key;
  for (Candidate& candidate : candidates_) {
    if (candidate.state != State::kAccepted || candidate.person >= 0) continue;
    int referent = FindReferent(candidate);
    if (referent >= 0) {
      candidate.person = referent;
      continue;
    }
    auto [slot, added] = single_by_key.emplace(candidate.key, static_cast<int>(persons_.size()));
    if (added) {
      const std::string* alias = aliases_.FindKey(candidate.key);
      persons_.push_back(Person{alias ? *alias : candidate.display, {}});
    }
    candidate.person = slot->second;
  }
}

}  // namespace archivar::persons
