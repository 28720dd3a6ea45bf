#include "search/facet_counter.h"

#include <algorithm>

namespace archivar::search {

Xapian::doccount SampleStep(Xapian::doccount most_matches, Xapian::doccount exact_matches,
                            bool checks_positions) {
  exact_matches = std::max<Xapian::doccount>(exact_matches, 1);
  Xapian::doccount step = most_matches / exact_matches + (most_matches % exact_matches != 0);
  if (step < 2 || (!checks_positions && step < kMinSampleStep)) return 1;
  return step;
}

bool ChecksPositions(const Xapian::Query& query) {
  auto op = query.get_type();
  if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (ChecksPositions(query.get_subquery(i))) return true;
  }
  return false;
}

void FacetCounter::Reopen() {
  if (db_) db_->reopen();
  if (columns_) columns_->Clear();
}

Xapian::Database& FacetCounter::Database() {
  if (!db_) db_.emplace(db_path_);
  return *db_;
}

FacetCounts FacetCounter::Count(const Xapian::Query& query, const FacetsWanted& wanted) {
  Xapian::Enquire bound(Database());
  bound.set_query(query);
  bound.set_weighting_scheme(Xapian::BoolWeight());
  // Without matching anything, Xapian still gives the most the query can match.
  Xapian::doccount most = bound.get_mset(0, 0).get_matches_upper_bound();
  Xapian::doccount step = SampleStep(most, wanted.exact_matches, ChecksPositions(query));
  if (step == 1) return CountAt(query, wanted, 1);
  try {
    return CountAt(query, wanted, step);
  } catch (const Xapian::UnimplementedError&) {  // remote shards: count them all
    return CountAt(query, wanted, 1);
  }
}

FacetCounts FacetCounter::CountAt(const Xapian::Query& query, const FacetsWanted& wanted,
                                  Xapian::doccount step) {
  Xapian::Database& db = Database();
  Xapian::Enquire counting(db);
  counting.set_weighting_scheme(Xapian::BoolWeight());  // no ranking needed
  DocumentSample sample(step);
  counting.set_query(step > 1 ? Xapian::Query(Xapian::Query::OP_FILTER, query,
                                              Xapian::Query(&sample))
                              : query);
  std::vector<std::unique_ptr<FacetSpy>> spies;
  for (const auto& name : wanted.names) {
    Xapian::valueno slot = 0;
    FacetSlot(name, &slot);
    spies.push_back(std::make_unique<FacetSpy>(slot, columns_ ? &columns_->For(db, slot) : nullptr));
    counting.add_matchspy(spies.back().get());
  }
  FacetCounts counts;
  counts.matches = counting.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  counts.sample_step = step;
  for (std::size_t i = 0; i < spies.size(); ++i) {
    counts.facets.push_back({wanted.names[i], spies[i]->Top(wanted.limit, step)});
  }
  return counts;
}

}  // namespace archivar::search
