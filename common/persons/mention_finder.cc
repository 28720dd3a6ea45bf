// MentionFinder, steps 1 and 2: phrases and candidates (see mention_finder.h).
#include "persons/mention_finder.h"

#include "persons/mention_util.h"

#include <algorithm>

namespace archivar::persons {

using detail::ApostropheGenitiveLength;
using detail::IsOneOf;
using detail::kNoWord;

namespace {
constexpr std::size_t kMaxSurnameWords = 4;
}  // namespace

MentionFinder::MentionFinder(const TextWords& words, const NameLexicon& lexicon,
                             const AliasTable& aliases)
    : words_(words),
      lexicon_(lexicon),
      aliases_(aliases),
      phrase_kind_(words.size(), NameKind::kOther),
      used_(words.size(), false) {}

std::vector<PersonMention> MentionFinder::Find() {
  MarkPhrases();
  CollectAliasForms(/*particle_led_only=*/true);
  CollectRuns();
  CollectAliasForms(/*particle_led_only=*/false);
  std::sort(candidates_.begin(), candidates_.end(),
            [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  for (Candidate& candidate : candidates_) {
    Describe(candidate);
    Decide(candidate);
  }
  AcceptCoordinated();
  LinkAndName();

  std::vector<PersonMention> mentions;
  for (const Candidate& candidate : candidates_) {
    if (candidate.state != State::kAccepted || candidate.person < 0) continue;
    PersonMention mention;
    mention.start = words_[candidate.first].start;
    mention.end = words_[candidate.last].end + candidate.trailing_dot;
    mention.text = std::string(words_.text().substr(mention.start, mention.end - mention.start));
    mention.person = persons_[static_cast<std::size_t>(candidate.person)].canonical;
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

// ---- Step 1: place and organisation phrases ------------------------------

void MentionFinder::MarkPhrases() {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const WordFacts& facts = Facts(i);
    if (!facts.capitalised || !facts.starts_phrase) continue;
    std::string key = facts.key;
    std::size_t best = kNoWord;
    NameKind best_kind = NameKind::kOther;
    for (std::size_t j = i + 1; j < words_.size() && j - i < lexicon_.max_phrase_words(); ++j) {
      bool joined = words_.SpacesOnlyBefore(j) ||
                    (words_.PeriodOnlyBefore(j) && Facts(j - 1).key.size() <= 3);
      if (!joined) break;
      key += ' ';
      key += Facts(j).key;
      if (lexicon_.IsPlacePhrase(key)) {
        best = j;
        best_kind = NameKind::kPlace;
      } else if (lexicon_.IsOrganisationPhrase(key)) {
        best = j;
        best_kind = NameKind::kOrganisation;
      }
    }
    if (best == kNoWord) continue;
    for (std::size_t k = i; k <= best; ++k) phrase_kind_[k] = best_kind;
    i = best;
  }
}

NameKind MentionFinder::Kind(std::size_t i) const {
  return phrase_kind_[i] != NameKind::kOther ? phrase_kind_[i] : Facts(i).kind;
}

// ---- Step 2: candidates ----------------------------------------------------

bool MentionFinder::IsParticleAt(std::size_t i) const {
  const WordFacts& facts = Facts(i);
  if (!(facts.lexicon & kParticle)) return false;
  if (!facts.capitalised) return true;
  // "Van der Bellen", "De Maizière": a capitalised particle needs another
  // particle or a name right after it.
  if (i + 1 >= words_.size() || !words_.SpacesOnlyBefore(i + 1)) return false;
  const WordFacts& next = Facts(i + 1);
  return (next.lexicon & kParticle && !next.capitalised) ||
         (next.capitalised && IsNameKind(Kind(i + 1)));
}

// The index of the first word at or after j that is not a particle.
// A sequence of particles starts with one that is not an article: "von
// der", "van den", "de la", never "der" or "la" alone ("Art der …").
std::size_t MentionFinder::TakeParticles(std::size_t j, std::size_t run_start) const {
  if (j >= words_.size() ||
      IsOneOf(Facts(j).key, {"der", "den", "dem", "das", "la", "le", "los", "las", "d", "y"})) {
    return j;
  }
  std::size_t k = j;
  while (k < words_.size() && (k == run_start || words_.SpacesOnlyBefore(k)) && IsParticleAt(k)) {
    ++k;
  }
  return k;
}

// "II" in "Elisabeth II.": a Roman numeral, as written after rulers' names.
bool MentionFinder::IsRomanNumeral(std::size_t i) const {
  std::string_view text = words_[i].text;
  return !text.empty() && text.size() <= 5 &&
         text.find_first_not_of("IVX") == std::string_view::npos;
}

// The bytes from the end of word i up to and including a dot right after
// it (spaces allowed before the dot: "R ."), or 0.
std::size_t MentionFinder::DotAfter(std::size_t i) const {
  std::string_view rest = words_.text().substr(words_[i].end);
  std::size_t dot = rest.find_first_not_of(' ');
  return dot != std::string_view::npos && rest[dot] == '.' ? dot + 1 : 0;
}

bool MentionFinder::StartsRun(std::size_t i) const {
  const WordFacts& facts = Facts(i);
  if (facts.capitalised && !facts.acronym && !facts.single_letter && IsNameKind(Kind(i))) {
    return true;
  }
  if (InitialBeforeSurname(i)) return true;
  if (!facts.capitalised && (facts.lexicon & kForeignParticle)) {
    std::size_t k = TakeParticles(i, i);
    return k > i && k < words_.size() && words_.SpacesOnlyBefore(k) && Facts(k).capitalised &&
           IsNameKind(Kind(k));
  }
  return false;
}

// "A. Wiegemann", "H. Dietz": an initial before a surname-like word.
bool MentionFinder::InitialBeforeSurname(std::size_t i) const {
  if (!Facts(i).single_letter || IsRomanNumeral(i) || i + 1 >= words_.size() ||
      !words_.PeriodOnlyBefore(i + 1)) {
    return false;
  }
  const WordFacts& next = Facts(i + 1);
  NameKind kind = Kind(i + 1);
  return next.capitalised && !next.acronym &&
         (kind == NameKind::kUnknown || kind == NameKind::kSurname ||
          kind == NameKind::kAmbiguousSurname || kind == NameKind::kProper);
}

// A capitalised word that can be a surname right after first names, a
// particle or a title, even if it is also a common word ("Sebastian Fels",
// "Herr Sommer", "Melanie Fröhlich") — but not an inflected noun ("dass
// Anna Jahre später …").
bool MentionFinder::CanBeSurname(std::size_t i) const {
  const WordFacts& facts = Facts(i);
  return facts.capitalised && !facts.acronym && !facts.single_letter &&
         !facts.starts_with_digit && facts.kind != NameKind::kTitle && !facts.inflected_noun &&
         !(facts.lexicon & kOrganisationHead);
}

bool MentionFinder::CanFollowTitle(std::size_t i) const {
  return CanBeSurname(i) && Kind(i) != NameKind::kRole;
}

MentionFinder::Candidate MentionFinder::BuildRun(std::size_t i, bool after_title) const {
  Candidate candidate;
  candidate.first = i;
  candidate.after_title = after_title;
  const std::size_t n = words_.size();
  auto connected = [&](std::size_t k) { return k == i || words_.Connected(k); };
  std::size_t j = i;

  // Given names and initials: "Wladimir", "Hans-Dietrich", "George W.".
  while (j < n && connected(j)) {
    const WordFacts& facts = Facts(j);
    if (facts.capitalised && IsFirstNameKind(Kind(j))) {
      ++j;
      ++candidate.given;
      // A genitive ends the name ("Melanies Eltern"), unless a surname
      // follows: then it was a first name in -s ("Nikolas Ledgerwood").
      if (!facts.genitive_base.empty() &&
          !(j < n && words_.SpacesOnlyBefore(j) && Facts(j).capitalised &&
            ContinuesSurname(Kind(j)))) {
        return Finish(candidate, j);
      }
      continue;
    }
    if (facts.single_letter && !IsRomanNumeral(j) && j + 1 < n &&
        words_.PeriodOnlyBefore(j + 1) && Facts(j + 1).capitalised &&
        (candidate.given > 0 || InitialBeforeSurname(j))) {
      ++j;
      ++candidate.given;
      continue;
    }
    break;
  }
  // Particles: "von der", "van", "bin", "al-" is part of its word.
  if (j < n && connected(j)) {
    std::size_t k = TakeParticles(j, i);
    if (k > j && k < n && words_.SpacesOnlyBefore(k) && Facts(k).capitalised &&
        (IsNameKind(Kind(k)) || CanBeSurname(k))) {
      candidate.particles = k - j;
      j = k;
    }
  }
  // Surname words: "Putin", "Jong Un", "Shmoulefeld Finer".
  bool loose = candidate.given > 0 || candidate.particles > 0 || after_title;
  std::size_t taken = 0;
  while (j < n && connected(j) && taken < kMaxSurnameWords) {
    const WordFacts& facts = Facts(j);
    bool name = facts.capitalised && !facts.acronym && !facts.single_letter;
    NameKind kind = Kind(j);
    if (taken == 0 ? name && (IsNameKind(kind) || (loose && CanBeSurname(j)))
                   : name && ContinuesSurname(kind)) {
      ++j;
      ++taken;
      // A genitive ends the name: "Heidi Klums Modelsuche".
      if (EndsInUnlistedS(j - 1)) break;
      // "Johannes Nepomuk von Tschiderer", "Fernando Collor de Mello".
      std::size_t k = TakeParticles(j, kNoWord);
      if (k > j && k < n && words_.SpacesOnlyBefore(k) && Facts(k).capitalised &&
          ContinuesSurname(Kind(k)) && words_.SpacesOnlyBefore(j)) {
        candidate.particles += k - j;
        j = k;
      }
      continue;
    }
    break;
  }
  // Korean and Chinese given names after the family name: "Kim Jong Un",
  // "Moon Jae In" (short syllables, whatever else they might be).
  if (candidate.given == 1 && Kind(i) == NameKind::kFamilyFirst) {
    while (j < n && words_.SpacesOnlyBefore(j) && taken < kMaxSurnameWords) {
      const WordFacts& facts = Facts(j);
      if (!facts.capitalised || facts.acronym || facts.key.size() > 4 ||
          facts.kind == NameKind::kTitle || facts.kind == NameKind::kRole) {
        break;
      }
      ++j;
      ++taken;
    }
  }
  // A closing initial or a ruler's numeral, with its dot: "Nico G.",
  // "Susanne R .", "Elisabeth II.", "Bernhard IV."
  if (j > i && j < n && words_.SpacesOnlyBefore(j) && DotAfter(j) > 0 &&
      ((taken == 0 && candidate.particles == 0 && candidate.given > 0 &&
        Facts(j).single_letter) ||
       IsRomanNumeral(j))) {
    candidate.trailing_dot = DotAfter(j);
    ++j;
  }
  return Finish(candidate, j);
}

MentionFinder::Candidate MentionFinder::Finish(Candidate candidate, std::size_t end) const {
  candidate.last = end == candidate.first ? kNoWord : end - 1;
  return candidate;
}

// Words that may follow the first word of a surname: more unknown words
// and listed surnames ("Shmoulefeld Finer", "García Márquez"), not first
// names (which start the next name) nor dictionary words.
bool MentionFinder::ContinuesSurname(NameKind kind) const {
  return kind == NameKind::kUnknown || kind == NameKind::kSurname ||
         kind == NameKind::kAmbiguousSurname;
}

// A word in -s that no list has as a name is probably a genitive.
bool MentionFinder::EndsInUnlistedS(std::size_t i) const {
  const WordFacts& facts = Facts(i);
  std::string_view text = words_[i].text;
  if (!facts.genitive_base.empty()) return true;
  return text.size() > 3 && text.back() == 's' && !EndsWith(text, "ss") &&
         !(facts.lexicon & (kFirstName | kSurname));
}

void MentionFinder::CollectRuns() {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    bool title = TitleBefore(i);
    if (!StartsRun(i) && !(title && CanFollowTitle(i))) continue;
    Candidate candidate = BuildRun(i, title);
    if (candidate.last == kNoWord) continue;
    for (std::size_t k = candidate.first; k <= candidate.last; ++k) used_[k] = true;
    i = candidate.last;
    candidates_.push_back(std::move(candidate));
  }
}

// Forms of the alias table that no run covers: "von der Leyen" after
// "Frau", a sentence-initial "Von der Leyen", "AKK".  Forms that begin
// with a particle are taken before the runs (whose "Leyen" would otherwise
// stand alone after the article "der").
void MentionFinder::CollectAliasForms(bool particle_led_only) {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const WordFacts& facts = Facts(i);
    if (used_[i] || (!facts.capitalised && !(facts.lexicon & kParticle))) continue;
    if (particle_led_only &&
        (!(facts.lexicon & kParticle) ||
         (i > 0 && words_.SpacesOnlyBefore(i) && IsFirstNameKind(Kind(i - 1))))) {
      continue;  // "Ursula von der Leyen" is a run of its own
    }
    if (!facts.starts_alias) continue;
    std::string key;
    std::size_t best = kNoWord;
    for (std::size_t j = i; j < words_.size() && j - i < aliases_.max_form_words(); ++j) {
      if (j > i && (!words_.SpacesOnlyBefore(j) || used_[j])) break;
      const WordFacts& word = Facts(j);
      std::string prefix = key.empty() ? key : key + ' ';
      key = prefix + word.key;
      if (!word.capitalised) continue;
      if (aliases_.FindKey(key) ||
          (!word.genitive_base.empty() && aliases_.FindKey(prefix + word.genitive_base))) {
        best = j;
      }
    }
    if (best == kNoWord) continue;
    Candidate candidate;
    candidate.first = i;
    candidate.last = best;
    candidate.from_alias = true;
    candidate.after_title = TitleBefore(i);
    for (std::size_t k = i; k <= best; ++k) used_[k] = true;
    candidates_.push_back(std::move(candidate));
    i = best;
  }
}

}  // namespace archivar::persons
