// QueryBuilder: turns what a person types into a Xapian::Query, through
// Xapian's QueryParser configured with Archivar's German analysis (the
// same Analyzer the indexer uses, so "Häuser" finds "Haus").
//
// Query language: AND/OR/NOT and brackets, +word/-word, "phrases", word*
// wildcards, fields title:/titel:, author:/autor:, source:/quelle:,
// category:/ressort: and date ranges date:/datum:FROM..TO.
//
// Not thread-safe: one per thread.  The database must outlive the builder.
#pragma once

#include "analysis/analyzer.h"
#include "persons/alias_table.h"
#include "search/date_range.h"
#include "search/person_query.h"
#include "util/result.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace archivar::search {

// Filters given as options rather than in the query text.
struct SearchFilters {
  std::string from;  // date bound as accepted by DateBound; empty = open
  std::string to;
  std::vector<std::string> sources;     // any of them
  std::vector<std::string> categories;  // any of them
  std::vector<std::string> persons;     // all of them (see PersonQuery)
};

struct ParsedQuery {
  Xapian::Query query;
  // Set when the query could not be read as written and was searched as
  // plain words instead: says what was wrong.
  std::string note;
  // The dates every match lies within by --from/--to ("YYYYMMDD", both
  // included; empty = open), and the database's date ranges the query was
  // built with: what a date-sorted page needs (date_sorted_page.h).
  std::string first_day;
  std::string last_day;
  std::shared_ptr<const DateRanges> dates;
};

class QueryBuilder {
 public:
  // `db` and `aliases` must outlive the builder.
  QueryBuilder(const Xapian::Database& db, std::shared_ptr<analysis::Analyzer> analyzer,
               const persons::AliasTable& aliases = persons::AliasTable::Builtin());

  // Parses the query text and applies the filters.  Fails with a one-line
  // message for an unusable filter or query (bad date, empty query).
  Result<ParsedQuery> Build(const std::string& text, const SearchFilters& filters);

  // Most terms a wildcard may expand to before the search is refused.
  static constexpr Xapian::termcount kMaxWildcardExpansion = 10000;

  // A query word the dictionary does not know, of kMinUnknownModifier
  // letters or more, also finds the archive's compounds that start with it
  // and end in a noun of kMinUnknownModifierHead letters or more
  // ("Sprinkler" finds "Sprinkleranlage": the indexer splits only
  // compounds of known words), at most kMaxUnknownModifierCompounds of them.
  static constexpr std::size_t kMinUnknownModifier = 5;
  static constexpr std::size_t kMinUnknownModifierHead = 4;
  static constexpr std::size_t kMaxUnknownModifierCompounds = 100;
  // True when the word may be such an unknown first part.
  static bool IsUnknownModifier(std::string_view word);

 private:
  // The filters as one query; records the --from/--to dates in `parsed`.
  Result<Xapian::Query> FilterQuery(const SearchFilters& filters, ParsedQuery& parsed);
  // True when the word is German the dictionary or the archive knows.
  bool IsKnownWord(std::string_view word);

  Xapian::Database db_;
  std::shared_ptr<PersonQuery> persons_;
  std::shared_ptr<const DateRanges> dates_;
  Xapian::QueryParser parser_;
  std::shared_ptr<analysis::Analyzer> analyzer_;
  // The first error of a date: field during the current parse (date: is
  // read by a FieldProcessor that must not throw; see query_builder.cc).
  std::shared_ptr<std::string> field_error_ = std::make_shared<std::string>();
};

}  // namespace archivar::search
