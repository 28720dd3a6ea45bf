// MentionFinder, steps 3 and 4: deciding candidates from their context.
#include "persons/mention_finder.h"

#include "persons/mention_util.h"

namespace archivar::persons {

using detail::ApostropheGenitiveLength;
using detail::IsOneOf;
using detail::kNoWord;

namespace {
constexpr std::size_t kMaxAppositionWords = 5;
}  // namespace

// ---- Step 3: decisions -----------------------------------------------------

bool MentionFinder::TitleBefore(std::size_t i) const {
  if (i == 0 || Facts(i - 1).kind != NameKind::kTitle) return false;
  if (!words_.SpacesOnlyBefore(i) &&
      !(words_.PeriodOnlyBefore(i) && IsAbbreviatedTitle(*words_[i - 1].facts))) {
    return false;
  }
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
  // (DeterminerPhraseBefore also looks past adjectives: "ein unbekannter Mann".)
  // A relative pronoun after a comma: "die Kritik, die Merkel übte" (but
  // an article before a word that is also a noun: "…, der Sommer sei heiß").
  bool after_comma = (words_[i - 1].gap_before & kGapComma) != 0;
  NameKind kind = Kind(i);
  bool plain_name = kind != NameKind::kAmbiguousFirst && kind != NameKind::kAmbiguousSurname &&
                    kind != NameKind::kCommon;
  return !(after_comma && plain_name && IsOneOf(previous.key, {"der", "die", "das", "den", "dem"}));
}

// An article or other determiner before the word, possibly with one or two
// adjectives between: "ein unbekannter Mann", "drei geparkten Autos".
bool MentionFinder::DeterminerPhraseBefore(std::size_t i) const {
  if (DeterminerBefore(i)) return true;
  for (std::size_t k = i, adjectives = 0; k > 0 && adjectives < 2; --k, ++adjectives) {
    if (!words_.SpacesOnlyBefore(k)) return false;
    const WordFacts& word = Facts(k - 1);
    std::string_view text = words_[k - 1].text;
    bool adjective = !word.capitalised && !(word.lexicon & kDeterminer) && text.size() > 3 &&
                     (EndsWith(text, "e") || EndsWith(text, "en") || EndsWith(text, "er") ||
                      EndsWith(text, "es") || EndsWith(text, "em"));
    if (!adjective) return false;
    if (k - 1 > 0 && words_.SpacesOnlyBefore(k - 1) && (Facts(k - 2).lexicon & kDeterminer)) {
      return true;
    }
  }
  return false;
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
  // ("St. Georg": the dot of an abbreviation may stand between.)
  if (first > 0 && Facts(first - 1).capitalised && (Facts(first - 1).lexicon & kBlocker) &&
      (words_.SpacesOnlyBefore(first) ||
       (words_.PeriodOnlyBefore(first) && Facts(first - 1).key.size() <= 3))) {
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
  if (Kind(candidate.last) != NameKind::kUnknown) return false;  // not "Autos Flammen"
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

// "Dr.", "Prof.", "Mr.": titles written with a dot ("Frau." ends a
// sentence).
bool MentionFinder::IsAbbreviatedTitle(const WordFacts& facts) {
  return facts.kind == NameKind::kTitle && facts.key.size() <= 4 &&
         !IsOneOf(facts.key, {"frau", "herr", "dame", "lady", "lord", "miss", "sir"});
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
      // "einer Art Zwille", "im Park Rauch": a first name that is also a
      // word does not start a name after an article.
      if (!strong_given && DeterminerPhraseBefore(first)) return set(State::kRejected);
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
  // Words that are also ordinary words ("Nur", "Mark", "Koch") and words
  // the dictionary knows ("Diebesgut", "Autos") need a reporting verb, a
  // parenthesis or an apposition; words it does not know may also be read
  // from the verb next to them ("Kolb war …").
  if (DeterminerPhraseBefore(first)) return set(State::kRejected);
  bool unknown = kind == NameKind::kUnknown || kind == NameKind::kSurname;
  if (StrongCue(candidate) || (unknown && WeakCue(candidate))) return set(State::kAccepted);
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

}  // namespace archivar::persons
