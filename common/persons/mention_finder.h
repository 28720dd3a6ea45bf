// MentionFinder: the rules that turn the words of one text into person
// mentions (see person_recognizer.h for what they recognise).  Internal to
// common/persons/; one finder per text.
//
// The steps, each over the whole text:
//   1. mark place and organisation phrases ("Sri Lanka", "Borussia
//      Dortmund") so that no name is read into them;
//   2. collect candidates: runs of name-like words ("Kim Jong Un",
//      "Ursula von der Leyen", "George W. Bush"), words after a title
//      ("Herr Sommer"), and alias forms ("von der Leyen", "AKK");
//   3. decide each candidate from its words and its context: a title or
//      role before it, a first name or listed surname in it, or an alias
//      make it a person; an article, a place preposition, a noun before it
//      or an organisation word after it make it none; a lone unknown word
//      needs a cue — strong (reporting verb, party or age in parentheses,
//      apposition with a role, speaker before a colon) or, for words the
//      dictionary does not know, also weak (a verb next to it at the start
//      of a clause, a genitive before a noun);
//   4. accept candidates next to accepted ones ("Blatter und Beckenbauer");
//   5. link: a later surname, family name or first name refers to the
//      fullest name of the text ("Putin", "Kim"); such words are persons
//      even when no other rule took them ("Herr Sommer … Sommer sagte");
//   6. name every person: fullest form, genitive removed, then the alias
//      table's canonical name.
// Steps 1–2 are in mention_finder.cc, 3–4 in mention_decisions.cc, 5–6 in
// mention_linking.cc.  Linear in the text: full names are indexed by the
// keys later mentions use.
#pragma once

#include "persons/alias_table.h"
#include "persons/name_lexicon.h"
#include "persons/person_recognizer.h"
#include "persons/text_words.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace archivar::persons {

class MentionFinder {
 public:
  MentionFinder(const TextWords& words, const NameLexicon& lexicon, const AliasTable& aliases);

  // The mentions of the text, in text order.
  std::vector<PersonMention> Find();

 private:
  enum class State : uint8_t { kPending, kAccepted, kRejected, kBlocked };

  struct Candidate {
    std::size_t first = 0;      // word indices, inclusive
    std::size_t last = 0;
    std::size_t given = 0;      // given names (and initials) at the start
    std::size_t particles = 0;  // particle words ("von", "der")
    std::size_t trailing_dot = 0;  // bytes up to the dot of a closing initial: "Nico G."
    bool after_title = false;   // right after "Herr", "Dr", …
    bool from_alias = false;    // an alias form found as such
    State state = State::kPending;
    // Set by Describe():
    std::string key;            // PhraseKey of the words, genitive removed
    std::string display;        // the name as written, genitive removed
    std::string last_key;       // key of the last word (genitive removed)
    std::string surname_key;    // key of the words after the given names
    std::string first_key;      // key of the first word
    std::size_t name_words = 0; // words other than particles and initials
    bool founder = false;       // a full name that later mentions refer to
    int person = -1;            // index into persons_
  };

  struct Person {
    std::string canonical;
    std::vector<std::size_t> founders;  // candidate indices
  };

  // Step 1.
  void MarkPhrases();
  NameKind Kind(std::size_t i) const;
  const WordFacts& Facts(std::size_t i) const { return *words_[i].facts; }

  // Step 2.
  void CollectRuns();
  void CollectAliasForms(bool particle_led_only);
  bool StartsRun(std::size_t i) const;
  bool CanFollowTitle(std::size_t i) const;
  bool IsParticleAt(std::size_t i) const;
  bool CanBeSurname(std::size_t i) const;
  Candidate BuildRun(std::size_t i, bool after_title) const;
  Candidate Finish(Candidate candidate, std::size_t end) const;
  bool ContinuesSurname(NameKind kind) const;
  bool InitialBeforeSurname(std::size_t i) const;
  bool IsRomanNumeral(std::size_t i) const;
  std::size_t DotAfter(std::size_t i) const;
  bool EndsInUnlistedS(std::size_t i) const;
  std::size_t TakeParticles(std::size_t j, std::size_t i) const;

  // Step 3.
  void Decide(Candidate& candidate) const;
  bool Blocked(const Candidate& candidate) const;
  bool TitleBefore(std::size_t i) const;
  bool RoleBefore(std::size_t i) const;
  bool DeterminerBefore(std::size_t i) const;
  bool DeterminerPhraseBefore(std::size_t i) const;
  bool PlacePrepositionBefore(std::size_t i) const;
  bool EnglishAround(const Candidate& candidate) const;
  bool StrongCue(const Candidate& candidate) const;
  bool WeakCue(const Candidate& candidate) const;
  bool ColonAfterAtSentenceStart(const Candidate& candidate) const;
  bool VerbBefore(const Candidate& candidate) const;
  static bool IsVerb(const WordFacts& facts);
  static bool IsAbbreviatedTitle(const WordFacts& facts);
  bool ReportingVerbAround(const Candidate& candidate) const;
  bool VerbAfter(const Candidate& candidate) const;
  bool ParenthesisAfter(const Candidate& candidate) const;
  bool AppositionAfter(const Candidate& candidate) const;
  bool AppositionBefore(const Candidate& candidate) const;
  bool GenitiveBeforeNoun(const Candidate& candidate) const;
  bool FollowedByBreak(std::size_t last) const;

  // Step 4.
  void AcceptCoordinated();
  bool Coordinated(const Candidate& a, const Candidate& b) const;
  bool Conjunction(std::size_t i) const;

  // Steps 5 and 6.
  void Describe(Candidate& candidate) const;
  bool IsGenitive(const Candidate& candidate) const;
  void LinkAndName();
  void AcceptSurnameMentions();
  void IndexReferents();
  bool MaySurname(const std::string& key) const;
  int FindReferent(const Candidate& candidate) const;
  std::string CanonicalFor(const Person& person) const;

  const TextWords& words_;
  const NameLexicon& lexicon_;
  const AliasTable& aliases_;
  std::vector<NameKind> phrase_kind_;  // kPlace/kOrganisation inside phrases
  std::vector<bool> used_;             // word belongs to a candidate
  std::vector<Candidate> candidates_;
  std::vector<Person> persons_;
  // Full names by the keys later mentions use (IndexReferents), in text
  // order, so that linking stays linear in the text.
  struct Referent {
    std::size_t word = 0;  // the full name's first word
    int person = -1;
  };
  std::unordered_map<std::string, std::vector<Referent>> by_surname_;
  std::unordered_map<std::string, std::vector<int>> by_first_name_;
};

}  // namespace archivar::persons
