#include "search/person_query.h"

#include "index/document_builder.h"
#include "schema.h"
#include "search/facets.h"

namespace archivar::search {
namespace {

std::string PersonTerm(const std::string& key) {
  return std::string(schema::kPersonPrefix) + key;
}

constexpr std::size_t kMaxNamesInNote = 5;

}  // namespace

std::vector<std::string> StoredPersons(const Xapian::Document& doc) {
  return SplitFacetValues(doc.get_value(schema::kPersonsSlot));
}

Xapian::Query PersonQuery::For(const std::string& name) {
  bool any_with_surname = !name.empty() && name.back() == '*';
  std::string written = any_with_surname ? name.substr(0, name.size() - 1) : name;
  std::string key = persons::PersonKey(aliases_.Canonical(written));
  if (key.empty()) return Xapian::Query::MatchNothing;
  if (any_with_surname) {
    return Xapian::Query(std::string(schema::kSurnamePrefix) + index::SurnameKey(key));
  }
  if (key.find(' ') != std::string::npos) return ForFullName(key);
  return ForSurname(key);
}

Xapian::Query PersonQuery::ForFullName(const std::string& key) {
  Xapian::Query full(PersonTerm(key));
  std::string surname = index::SurnameKey(key);
  if (FullNamesWithSurname(surname) != std::vector<std::string>{key}) return full;
  // The only person of this surname the archive knows by full name: the
  // articles that name just the surname mean this person too.
  return Xapian::Query(Xapian::Query::OP_OR, full, Xapian::Query(PersonTerm(surname)));
}

Xapian::Query PersonQuery::ForSurname(const std::string& surname_key) {
  Xapian::Query surname_only(PersonTerm(surname_key));
  std::vector<std::string> full_names = FullNamesWithSurname(surname_key);
  if (full_names.size() == 1) {
    return Xapian::Query(Xapian::Query::OP_OR, surname_only, Xapian::Query(PersonTerm(full_names[0])));
  }
  if (full_names.size() > 1) {
    std::string names;
    for (std::size_t i = 0; i < full_names.size() && i < kMaxNamesInNote; ++i) {
      names += (i ? ", " : "") + DisplayName(full_names[i]);
    }
    if (full_names.size() > kMaxNamesInNote) names += ", …";
    notes_.push_back("person:" + surname_key + " could mean " + std::to_string(full_names.size()) +
                     " people (" + names + "); searched only articles that name just '" +
                     surname_key + "' — write the full name, or " + surname_key +
                     "* for all of them");
  }
  return surname_only;
}

std::vector<std::string> PersonQuery::FullNamesWithSurname(const std::string& surname_key) const {
  std::vector<std::string> keys;
  std::string indexed(schema::kFullNameBySurnamePrefix);
  if (db_.allterms_begin(indexed) != db_.allterms_end(indexed)) {
    std::string prefix = index::FullNamesOfSurnamePrefix(surname_key);
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
      keys.push_back((*it).substr(prefix.size()));
    }
    return keys;
  }
  // A database written before those terms: read every person term.
  std::string prefix(schema::kPersonPrefix);
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    std::string key = (*it).substr(prefix.size());
    if (key.find(' ') != std::string::npos && index::SurnameKey(key) == surname_key) {
      keys.push_back(key);
    }
  }
  return keys;
}

std::string PersonQuery::DisplayName(const std::string& person_key) const {
  Xapian::PostingIterator first = db_.postlist_begin(PersonTerm(person_key));
  if (first == db_.postlist_end(PersonTerm(person_key))) return person_key;
  for (const std::string& name : StoredPersons(db_.get_document(*first))) {
    if (persons::PersonKey(name) == person_key) return name;
  }
  return person_key;
}

}  // namespace archivar::search
