// FacetCounter: counts the facets of a query (facets.h) on a database
// handle of its own, so that a Searcher can count them on a second thread
// while its own handle finds the page of hits — a facet search then costs
// about the longer of the two, not their sum (bench/README.md).
//
// Counting is exact while the query may match (Xapian's upper bound) few
// enough articles; beyond, it counts an even sample (DocumentSample) and
// scales the counts up.  SampleStep says which.
//
// Not thread-safe: one thread at a time may use a counter (the Searcher's
// facet thread while a search runs, the Searcher itself otherwise).
#pragma once

#include "search/facet_columns.h"
#include "search/facets.h"

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archivar::search {

struct FacetCounts {
  std::vector<Facet> facets;    // in the order asked for
  Xapian::doccount matches = 0; // the matches counted (all of them when sample_step is 1)
  Xapian::doccount sample_step = 1;  // counted every n-th article, counts multiplied by n
};

// What a FacetCounter counts: the facet names (each must be a known
// facet, FacetSlot) and how many values of each to keep.
struct FacetsWanted {
  std::vector<std::string> names;
  std::size_t limit = 10;  // values kept per facet, most frequent first; 0: all
  // Count exactly while the query may match at most this many articles.
  Xapian::doccount exact_matches = 10'000;
};

// The sample step for a query that may match `most_matches` articles:
// 1 (count all) up to `exact_matches`, else about most_matches /
// exact_matches.  A step below kMinSampleStep is not worth its cost for a
// query without positions (the sample filter costs more than the matches
// it saves; bench/README.md) and counts all; a phrase or NEAR query pays a
// position check per candidate, so every step saves time there.
constexpr Xapian::doccount kMinSampleStep = 4;
Xapian::doccount SampleStep(Xapian::doccount most_matches, Xapian::doccount exact_matches,
                            bool checks_positions);

// True when `query` holds a phrase or NEAR subquery.
bool ChecksPositions(const Xapian::Query& query);

class FacetCounter {
 public:
  // Opens the database at `db_path` when first used.
  explicit FacetCounter(std::string db_path) : db_path_(std::move(db_path)) {}

  // Keeps each facet's values in memory once counted (FacetColumn): for a
  // counter that serves many searches.
  void KeepValuesInMemory() { columns_ = std::make_unique<FacetColumns>(); }

  // Moves to the database's newest revision, forgetting values in memory.
  void Reopen();

  // Counts `wanted` over the matches of `query`.  Throws what Xapian
  // throws (Xapian::DatabaseModifiedError after concurrent commits).
  FacetCounts Count(const Xapian::Query& query, const FacetsWanted& wanted);

 private:
  Xapian::Database& Database();
  // Runs the count at `step` (1: every match).  Throws
  // Xapian::UnimplementedError for a step above 1 on remote shards.
  FacetCounts CountAt(const Xapian::Query& query, const FacetsWanted& wanted,
                      Xapian::doccount step);

  std::string db_path_;
  std::optional<Xapian::Database> db_;
  std::unique_ptr<FacetColumns> columns_;  // null: values read per count
};

}  // namespace archivar::search
