// Facet columns: the values of one facet slot for every document of a
// database, held in memory as small integers (ordinals), so that counting
// a facet over N matching articles costs N array reads instead of N
// value-table lookups — what Lucene keeps as doc values with global
// ordinals.  Loading reads the slot's whole value stream once, so a column
// pays off in a searcher that answers many queries (archivar-search
// --batch), not in a single search.
//
// A column describes the database revision it was loaded from: drop it
// when the database is reopened.  Not thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace archivar::search {

class FacetColumn {
 public:
  using Ordinal = std::uint32_t;

  // Reads every value of `slot` (several per document when separated by
  // schema::kFacetValueSeparator).
  FacetColumn(const Xapian::Database& db, Xapian::valueno slot);

  // True when the column knows document `did` (it existed when loaded).
  bool Covers(Xapian::docid did) const { return did + 1 < starts_.size(); }

  // Calls `use(ordinal)` for each value of document `did`; requires Covers(did).
  template <typename UseOrdinal>
  void ForEachOrdinal(Xapian::docid did, UseOrdinal use) const {
    for (std::uint32_t i = starts_[did]; i < starts_[did + 1]; ++i) use(ordinals_[i]);
  }

  // The number of distinct values, and each value by its ordinal.
  std::size_t ValueCount() const { return values_.size(); }
  const std::string& Value(Ordinal ordinal) const { return values_[ordinal]; }
  // The ordinal of a value, if any document holds it.
  std::optional<Ordinal> Find(std::string_view value) const;

 private:
  std::deque<std::string> values_;      // by ordinal (a deque: ordinal_of_ views them)
  std::unordered_map<std::string_view, Ordinal> ordinal_of_;
  std::vector<std::uint32_t> starts_;   // by docid: first index into ordinals_
  std::vector<Ordinal> ordinals_;       // the values of document 1, then 2, ...
};

// The columns of one database, each loaded when first asked for.
class FacetColumns {
 public:
  // The column of `slot` in `db`, loading it on first use.
  const FacetColumn& For(const Xapian::Database& db, Xapian::valueno slot);

  // Forgets every column (after the database was reopened).
  void Clear() { columns_.clear(); }

 private:
  std::map<Xapian::valueno, std::unique_ptr<FacetColumn>> columns_;
};

}  // namespace archivar::search
