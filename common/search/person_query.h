// PersonQuery: what `person:NAME` (and --person NAME) means.
//
//   - A full name ("Wladimir Putin", "Vladimir Putin") is looked up in the
//     alias table and matches every article that mentions that person,
//     whatever form the text used — and, when the archive knows no other
//     person of that surname by full name, the articles that name just the
//     surname ("Polizeipräsidentin Slowik" for "Barbara Slowik").
//   - A bare surname that the alias table knows ("Putin", "Merkel") is that
//     person.
//   - Another bare surname ("Albers") matches the articles that name
//     someone only by that surname, plus — when the archive knows exactly
//     one person of that surname by full name — that person.  When it knows
//     several ("Helmut Schmidt", "Renate Schmidt"), the query says so in a
//     note and asks for the full name; "Schmidt*" asks for any of them.
//
// Not thread-safe (it collects notes): one per search.
#pragma once

#include "persons/alias_table.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace archivar::search {

class PersonQuery {
 public:
  // `db` and `aliases` must outlive this object.
  PersonQuery(const Xapian::Database& db, const persons::AliasTable& aliases)
      : db_(db), aliases_(aliases) {}

  // The filter for one person as the user wrote it (quotes removed).
  Xapian::Query For(const std::string& name);

  // Notes for the user collected while building queries (ambiguous
  // surnames).
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  Xapian::Query ForFullName(const std::string& person_key);
  Xapian::Query ForSurname(const std::string& surname_key);
  // The person keys in the archive with this surname and a first name.
  std::vector<std::string> FullNamesWithSurname(const std::string& surname_key) const;
  // The name as the articles write it, for notes.
  std::string DisplayName(const std::string& person_key) const;

  const Xapian::Database& db_;
  const persons::AliasTable& aliases_;
  std::vector<std::string> notes_;
};

// The canonical person names stored with a document (its persons value).
std::vector<std::string> StoredPersons(const Xapian::Document& doc);

}  // namespace archivar::search
