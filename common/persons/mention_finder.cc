#include "persons/mention_finder.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace archivar::persons {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kMaxSurnameWords = 4;
constexpr std::size_t kMaxAppositionWords = 5;

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The length of an apostrophe genitive at the end of a word ("Putin’s").
std::size_t ApostropheGenitiveLength(std::string_view word) {
  if (EndsWith(word, "\u2019s")) return 4;
  if (EndsWith(word, "'s")) return 2;
  return 0;
}

bool IsOneOf(const std::string& key, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

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
    std::size_t best = kNone;
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
    if (best == kNone) continue;
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
      std::size_t k = TakeParticles(j, kNone);
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
  candidate.last = end == candidate.first ? kNone : end - 1;
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
    if (candidate.last == kNone) continue;
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
    std::size_t best = kNone;
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
    if (best == kNone) continue;
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

// ---- Step 3: decisions -----------------------------------------------------

bool MentionFinder::TitleBefore(std::size_t i) const {
  if (i == 0 || Facts(i - 1).kind != NameKind::kTitle) return false;
  if (!words_.SpacesOnlyBefore(i) && !words_.PeriodOnlyBefore(i)) return false;
  // "eine Frau Angst", "seine Frau Maria": after an article "Frau" and
  // "Herr" are nouns, not forms of address.
  std::size_t title = i - 1;
  if (IsOneOf(Facts(title).key, {"frau", "herr", "herrn", "dame", "lady"}) && title > 0 &&
      words_.SpacesOnlyBefore(title) && (Facts(title - 1).lexicon & kDeterminer)) {
    return false;
  }
  return true;
}

bool MentionFinder::RoleBefore(std::size_t i) const {
  if (i == 0 || !words_.SpacesOnlyBefore(i)) return false;
  if (Kind(i - 1) == NameKind::kRole) return true;
  // "Frau" after an article is a relation: "seine Frau Maria".
  return Facts(i - 1).kind == NameKind::kTitle;
}

bool MentionFinder::DeterminerBefore(std::size_t i) const {
  if (i == 0 || !words_.SpacesOnlyBefore(i)) return false;
  const WordFacts& previous = Facts(i - 1);
  if (!(previous.lexicon & kDeterminer)) return false;
  // A relative pronoun after a comma: "die Kritik, die Merkel übte" (but
  // an article before a word that is also a noun: "…, der Sommer sei heiß").
  bool after_comma = (words_[i - 1].gap_before & kGapComma) != 0;
  NameKind kind = Kind(i);
  bool plain_name = kind != NameKind::kAmbiguousFirst && kind != NameKind::kAmbiguousSurname &&
                    kind != NameKind::kCommon;
  return !(after_comma && plain_name && IsOneOf(previous.key, {"der", "die", "das", "den", "dem"}));
}

bool MentionFinder::PlacePrepositionBefore(std::size_t i) const {
  return i > 0 && words_.SpacesOnlyBefore(i) && (Facts(i - 1).lexicon & kPlacePreposition);
}

bool MentionFinder::EnglishAround(const Candidate& candidate) const {
  auto english = [&](std::size_t k) {
    return !Facts(k).capitalised && (Facts(k).lexicon & kEnglishWord);
  };
  std::size_t after = candidate.last + 1;
  return (candidate.first > 0 && words_.SpacesOnlyBefore(candidate.first) &&
          english(candidate.first - 1)) ||
         (after < words_.size() && words_.SpacesOnlyBefore(after) && english(after));
}

// A word before the name says it is not a person ("Hurrikan Katrina",
// "Firma Bosch"), or a word after it says it is an organisation ("Asian
// Institute", "Max Planck Institut").
bool MentionFinder::Blocked(const Candidate& candidate) const {
  std::size_t first = candidate.first, after = candidate.last + 1;
  if (first > 0 && (words_.SpacesOnlyBefore(first) || words_.PeriodOnlyBefore(first)) &&
      Facts(first - 1).capitalised && (Facts(first - 1).lexicon & kBlocker)) {
    return true;
  }
  if (after < words_.size() && words_.SpacesOnlyBefore(after) && Facts(after).capitalised &&
      (Facts(after).lexicon & kOrganisationHead)) {
    return true;
  }
  return candidate.name_words >= 2 &&
         (lexicon_.IsPlacePhrase(candidate.key) || lexicon_.IsOrganisationPhrase(candidate.key));
}

bool MentionFinder::FollowedByBreak(std::size_t last) const {
  std::size_t after = last + 1;
  return after >= words_.size() || !words_.SpacesOnlyBefore(after) || !Facts(after).capitalised;
}

// "sagte Petkovic.", ", so Barth", "laut Merkel", "Ramelow erklärte",
// "Merkel zufolge".
bool MentionFinder::ReportingVerbAround(const Candidate& candidate) const {
  std::size_t first = candidate.first, after = candidate.last + 1;
  if (first > 0 && words_.SpacesOnlyBefore(first) && !Facts(first - 1).capitalised &&
      (Facts(first - 1).lexicon & kSpeechVerb) && FollowedByBreak(candidate.last)) {
    return true;
  }
  if (after < words_.size() && words_.SpacesOnlyBefore(after) && !Facts(after).capitalised &&
      (Facts(after).lexicon & kSpeechVerb)) {
    const std::string& verb = Facts(after).key;
    if (verb == "zufolge") return true;
    return verb != "so" && verb != "laut" && words_.ClauseStart(first);
  }
  return false;
}

// "Kolb war seit 1986 …", "…, dass Zöllner will": a verb right after the
// word that starts a clause.
bool MentionFinder::VerbAfter(const Candidate& candidate) const {
  std::size_t after = candidate.last + 1;
  return after < words_.size() && words_.SpacesOnlyBefore(after) && !Facts(after).capitalised &&
         IsVerb(Facts(after)) && words_.ClauseStart(candidate.first);
}

// "Tesch (CDU)", "Klum (37)", "Fischhaber (30.)".
bool MentionFinder::ParenthesisAfter(const Candidate& candidate) const {
  std::size_t after = candidate.last + 1;
  if (after >= words_.size()) return false;
  uint16_t gap = words_[after].gap_before;
  if (!(gap & kGapOpenParen) || (gap & ~(kGapOpenParen | kGapSpace))) return false;
  if (Facts(after).lexicon & kParty) return true;
  // An age or a minute: "(37)", "(30.)" — not "(2,4 Prozent)".
  const TextWord& number = words_[after];
  if (!Facts(after).starts_with_digit || number.text.size() > 3) return false;
  std::string_view rest = words_.text().substr(number.end);
  std::size_t closing = rest.find_first_not_of(" .");
  return closing != std::string_view::npos && rest[closing] == ')';
}

// "Yang Uk, wissenschaftlicher Mitarbeiter am …", "Max Herbst, Inhaber der …".
bool MentionFinder::AppositionAfter(const Candidate& candidate) const {
  std::size_t after = candidate.last + 1;
  if (after >= words_.size()) return false;
  uint16_t gap = words_[after].gap_before;
  if (!(gap & kGapComma) || (gap & ~(kGapComma | kGapSpace))) return false;
  for (std::size_t k = after; k < words_.size() && k < after + kMaxAppositionWords; ++k) {
    if (k > after && !words_.SpacesOnlyBefore(k)) return false;
    if (Kind(k) == NameKind::kRole) return true;
    if (Facts(k).capitalised) return false;
  }
  return false;
}

// "Zabels Entscheidung", "Albers' Ministerium".
bool MentionFinder::GenitiveBeforeNoun(const Candidate& candidate) const {
  std::size_t after = candidate.last + 1;
  if (after >= words_.size() || !Facts(after).capitalised ||
      (Kind(after) != NameKind::kCommon && Kind(after) != NameKind::kRole)) {
    return false;
  }
  uint16_t gap = words_[after].gap_before;
  std::string_view word = words_[candidate.last].text;
  if (gap == kGapSpace) return word.size() > 3 && word.back() == 's' && !EndsWith(word, "ss");
  return gap == (kGapApostrophe | kGapSpace) && word.back() == 's';
}

bool MentionFinder::StrongCue(const Candidate& candidate) const {
  return ReportingVerbAround(candidate) || ParenthesisAfter(candidate) ||
         AppositionAfter(candidate) || AppositionBefore(candidate) ||
         ColonAfterAtSentenceStart(candidate);
}

// "der Polizeichef von Kandahar, Sajed Agha Sakeb, sagte": the name
// between commas after a phrase that names a role.
bool MentionFinder::AppositionBefore(const Candidate& candidate) const {
  constexpr std::size_t kMaxPhraseWords = 8;
  std::size_t first = candidate.first;
  if (first == 0 || !(words_[first].gap_before & kGapComma)) return false;
  uint16_t after = words_[candidate.last].gap_after;
  if (!(after & (kGapComma | kGapPeriod | kGapColon | kGapNewline)) &&
      candidate.last + 1 < words_.size()) {
    return false;
  }
  for (std::size_t k = first; k-- > 0 && first - k <= kMaxPhraseWords;) {
    if (Kind(k) == NameKind::kRole) return true;
    if (k < first - 1 && (words_[k + 1].gap_before & (kGapComma | kGapPeriod | kGapColon |
                                                      kGapSentenceEnd | kGapNewline))) {
      return false;
    }
  }
  return false;
}

bool MentionFinder::WeakCue(const Candidate& candidate) const {
  return VerbAfter(candidate) || VerbBefore(candidate) || GenitiveBeforeNoun(candidate);
}

// "Güllner: »Solidarität …«", "Sido: …": a speaker's name opening a
// sentence, before a colon.
bool MentionFinder::ColonAfterAtSentenceStart(const Candidate& candidate) const {
  std::size_t first = candidate.first;
  bool sentence_start = first == 0 || (words_[first].gap_before &
                                       (kGapNewline | kGapPeriod | kGapSentenceEnd | kGapQuote));
  std::string_view rest = words_.text().substr(words_[candidate.last].end);
  std::size_t colon = rest.find_first_not_of(' ');
  return sentence_start && colon != std::string_view::npos && rest[colon] == ':';
}

// "Zuvor musste Halmich aber …", "hatte sich Röttgen darauf berufen": the
// subject right after the finite verb, before a lower-case word.
bool MentionFinder::VerbBefore(const Candidate& candidate) const {
  std::size_t first = candidate.first;
  if (first == 0 || !words_.SpacesOnlyBefore(first) || !FollowedByBreak(candidate.last)) {
    return false;
  }
  std::size_t verb = first - 1;
  if (Facts(verb).key == "sich" && verb > 0 && words_.SpacesOnlyBefore(verb)) --verb;
  const WordFacts& facts = Facts(verb);
  return !facts.capitalised && (IsVerb(facts) || (facts.lexicon & kSpeechVerb));
}

bool MentionFinder::IsVerb(const WordFacts& facts) {
  return (facts.lexicon & kFiniteVerb) || facts.past_tense_verb;
}

void MentionFinder::Decide(Candidate& candidate) const {
  auto set = [&](State state) { candidate.state = state; };
  if (Blocked(candidate)) return set(State::kBlocked);
  std::size_t first = candidate.first;
  bool determiner = DeterminerBefore(first), preposition = PlacePrepositionBefore(first);
  if (candidate.after_title || TitleBefore(first) || RoleBefore(first)) {
    return set(State::kAccepted);
  }
  if (candidate.from_alias || aliases_.FindKey(candidate.key)) {
    bool doubtful = candidate.name_words == 1 && (determiner || preposition);
    return set(doubtful ? State::kRejected : State::kAccepted);
  }
  if (Facts(first).single_letter && candidate.name_words >= 1) {
    return set(State::kAccepted);  // "A. Wiegemann"
  }
  if (candidate.name_words >= 2) {
    if (candidate.given > 0) {
      // "Wladimir Putin"; after an ambiguous first name only a name-like
      // surname: "Mark Zuckerberg", not "Mark Strafe".
      bool strong_given = false;
      for (std::size_t k = first; k < first + candidate.given; ++k) {
        if (Kind(k) == NameKind::kFirst) strong_given = true;
      }
      bool name_like_rest = true;
      for (std::size_t k = first + candidate.given; k <= candidate.last; ++k) {
        if (!IsParticleAt(k) && !IsNameKind(Kind(k))) name_like_rest = false;
      }
      return set(strong_given || name_like_rest ? State::kAccepted : State::kRejected);
    }
    // Several unknown words: "Sajed Agha Sakeb", "Su-Ai-Nee Piandee".
    bool doubtful = determiner || preposition || EnglishAround(candidate);
    if (doubtful) return set(State::kRejected);
    return set(StrongCue(candidate) || WeakCue(candidate) ? State::kAccepted : State::kPending);
  }
  // "Brandenburger Tor", "Weltraumorganisation Esa": after a noun, a
  // single name-like word names that thing.
  bool after_noun = first > 0 && words_.SpacesOnlyBefore(first) && Facts(first - 1).capitalised &&
                    Kind(first - 1) == NameKind::kCommon && !Facts(first - 1).lower_case_word;
  if (determiner || preposition || after_noun) return set(State::kRejected);
  NameKind kind = Kind(candidate.last);
  if (candidate.trailing_dot && candidate.last > first) {
    kind = Kind(candidate.last - 1);  // "Nico G.", "Elisabeth II."
  }
  bool listed = kind == NameKind::kFirst || kind == NameKind::kSurname ||
                (kind == NameKind::kFamilyFirst && !Facts(candidate.last).dictionary_noun);
  if (listed && candidate.particles == 0) return set(State::kAccepted);
  // Words that are also ordinary words ("Nur", "Mark", "Koch") need a
  // reporting verb, a parenthesis or an apposition; others may also be
  // read from the verb next to them.
  bool ordinary = kind == NameKind::kAmbiguousFirst || kind == NameKind::kAmbiguousSurname ||
                  Facts(candidate.last).lower_case_word;
  if (StrongCue(candidate) || (!ordinary && WeakCue(candidate))) return set(State::kAccepted);
  set(State::kPending);
}

// ---- Step 4: coordination --------------------------------------------------

// "Blatter und Beckenbauer"; in a list "Pinnick, Tabor und Gaskill" also
// the members before the last "und".
bool MentionFinder::Coordinated(const Candidate& a, const Candidate& b) const {
  if (b.first == a.last + 1) {
    if (words_[b.first].gap_before != (kGapComma | kGapSpace)) return false;
    // A comma joins names only in a list that ends in "und"/"oder".
    for (std::size_t k = b.last + 1; k < words_.size() && k <= b.last + 4; ++k) {
      if (Conjunction(k)) return true;
      if (!Facts(k).capitalised) return false;
    }
    return false;
  }
  return b.first == a.last + 2 && Conjunction(a.last + 1) && words_.SpacesOnlyBefore(b.first);
}

bool MentionFinder::Conjunction(std::size_t i) const {
  return words_.SpacesOnlyBefore(i) && !Facts(i).capitalised &&
         IsOneOf(Facts(i).key, {"und", "oder", "sowie", "bzw"});
}

void MentionFinder::AcceptCoordinated() {
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& candidate = candidates_[k];
      if (candidate.state != State::kPending) continue;
      bool before = k > 0 && candidates_[k - 1].state == State::kAccepted &&
                    Coordinated(candidates_[k - 1], candidate);
      bool after = k + 1 < candidates_.size() && candidates_[k + 1].state == State::kAccepted &&
                   Coordinated(candidate, candidates_[k + 1]);
      if (before || after) candidate.state = State::kAccepted;
    }
  }
}

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
