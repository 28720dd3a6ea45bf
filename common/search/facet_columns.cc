#include "search/facet_columns.h"

#include "search/facets.h"


namespace archivar::search {

FacetColumn::FacetColumn(const Xapian::Database& db, Xapian::valueno slot) {
  starts_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  std::size_t unset = 1;  // the first docid whose start is not yet set
  auto start_up_to = [&](std::size_t did) {
    for (; unset <= did; ++unset) starts_[unset] = static_cast<std::uint32_t>(ordinals_.size());
  };
  for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value) {
    Xapian::docid did = value.get_docid();
    if (!Covers(did)) break;  // added after get_lastdocid() was read
    start_up_to(did);
    ForEachFacetValue(*value, [&](std::string_view text) {
      auto found = ordinal_of_.find(text);
      if (found == ordinal_of_.end()) {
        values_.emplace_back(text);
        found = ordinal_of_.emplace(values_.back(), static_cast<Ordinal>(values_.size() - 1)).first;
      }
      ordinals_.push_back(found->second);
    });
  }
  start_up_to(starts_.size() - 1);
}

std::optional<FacetColumn::Ordinal> FacetColumn::Find(std::string_view value) const {
  auto found = ordinal_of_.find(value);
  if (found == ordinal_of_.end()) return std::nullopt;
  return found->second;
}

const FacetColumn& FacetColumns::For(const Xapian::Database& db, Xapian::valueno slot) {
  auto& column = columns_[slot];
  if (!column) column = std::make_unique<FacetColumn>(db, slot);
  return *column;
}

}  // namespace archivar::search
