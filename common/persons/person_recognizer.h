// PersonRecognizer: finds the people a German news text mentions, links
// the mentions of one person inside the text, and names each person by one
// canonical name — at indexing time, from the text alone.
//
//   "Verteidigungsminister Sergej Schoigu … Herr Putin … Putins …
//    Kim Jong Un … Kim … Dr. Bernard Loo … Dr. Loo"
//   -> persons: "Sergej Schoigu", "Wladimir Putin", "Kim Jong Un",
//               "Bernard Loo"
//
// What counts as a person's name (German capitalises every noun, so
// capitals alone say nothing; the word lists are in data/, see
// data/README.md):
//   - a first name followed by a surname, with middle names, initials and
//     particles: "Wladimir Putin", "George W. Bush", "Hans-Dietrich
//     Genscher", "Ursula von der Leyen", "Baschar al-Assad";
//   - an East Asian family name followed by given names: "Kim Jong Un",
//     "Xi Jinping", "Yang Uk";
//   - any name after a title or a role: "Dr. Loo", "Herr Putin", "Herrn
//     Kim", "Handelsminister Gref", "den chinesischen Präsidenten Xi
//     Jinping", "FDP-Chef Guido Westerwelle";
//   - a form from the alias table ("Merkel", "Zelensky", "von der Leyen");
//   - a listed surname on its own ("Schulz"), a first name on its own
//     ("Judith hat sich getraut");
//   - a word the dictionary does not know, with a cue that it is a person:
//     a reporting verb ("sagte Petkovic", "Ramelow erklärte", ", so
//     Barth"), a verb right after it at the start of a clause ("Kolb war"),
//     a party or an age in parentheses ("Tesch (CDU)", "Klum (37)"), an
//     apposition with a role ("Yang Uk, wissenschaftlicher Mitarbeiter"),
//     a genitive before a noun ("Zabels Entscheidung"), coordination with
//     another person ("Blatter und Beckenbauer");
//   - a later mention of a person introduced in the text: the surname
//     ("Putin", "Putins"), an East Asian family name ("Kim"), a first name
//     that only one person in the text has.
// Not persons: a name-like word after an article ("der Sicherheitsrat"),
// after "in"/"nach"/"aus" (places), after "Firma", "Hotel", "Hurrikan" and
// the like, before "Institut", "School", "AG" and the like; listed places
// and organisations; common nouns and compounds ("Spionagesatellit").
//
// Mentions: the byte range of the name as written, genitive included
// ("Putins", "Heidi Klums", "Putin’s"), titles and roles excluded ("Dr.
// Bernard Loo" -> "Bernard Loo"); an initial at the end keeps its dot
// ("Nico G.").
//
// Canonical names: within a text, the fullest form of a person ("Kim Jong
// Un" for a later "Kim"), without a genitive ending; then the alias table
// maps it to its canonical name ("Vladimir Putin" -> "Wladimir Putin").  A
// person mentioned only by surname and not in the alias table is named by
// the surname alone ("Albers"); a person of the table is named fully
// ("Merkel" -> "Angela Merkel").
//
// Cost: linear in the text; word facts are cached across texts, so one
// recognizer should be reused for many texts.  Not thread-safe (the cache):
// use one recognizer per thread.  The AliasTable must outlive it.
#pragma once

#include "dictionary/dictionary.h"
#include "persons/alias_table.h"
#include "persons/word_classifier.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::persons {

struct PersonMention {
  std::size_t start = 0;  // byte offsets of the mention in the analysed text
  std::size_t end = 0;    // (one past the last byte)
  std::string text;       // the mention exactly as written there
  std::string person;     // the canonical name of the person it refers to
};

struct PersonAnalysis {
  std::vector<PersonMention> mentions;  // in text order, never overlapping
  std::vector<std::string> persons;     // unique canonical names, in order of first mention
};

// The persons of one article: mentions link across title and body ("Putin"
// in the title is the body's "Wladimir Putin").
struct ArticlePersons {
  PersonAnalysis title;              // offsets into the title
  PersonAnalysis body;               // offsets into the body
  std::vector<std::string> persons;  // of title and body, unique, title's first
};

class PersonRecognizer {
 public:
  explicit PersonRecognizer(const AliasTable& aliases = AliasTable::Builtin());

  // The persons mentioned in `text` (UTF-8; invalid bytes separate words).
  PersonAnalysis Recognize(std::string_view text);

  // The persons of an article's title and body, analysed together.
  ArticlePersons RecognizeArticle(std::string_view title, std::string_view body);

 private:
  const AliasTable& aliases_;
  WordClassifier classifier_;
};

}  // namespace archivar::persons
