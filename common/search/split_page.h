// A page of relevance-ranked matches found on two threads.  A query of
// several words that must weigh many matches — a phrase of frequent
// words, a compound with its parts, at a million articles — keeps one
// core busy for tens of milliseconds while the Searcher's second thread
// idles or has finished counting facets.  PageSplitter ranks the matches
// on the calling thread and on a helper thread (on a database handle of
// its own), each among the blocks of document ids it takes in turn from
// one DocidBlocks — a helper that starts late takes fewer — and merges
// the two top lists.  Xapian's weights use statistics of the whole
// database, so a match weighs the same on either thread and the merged
// list is the page one match gives (equal weights by ascending document
// id, as Xapian orders them).  The page's MSet is then made on the
// caller's Enquire by matching the query among the page's documents only,
// so its hits read as those of FindWholePage (date_sorted_page.h).
//
// Both threads rank with Xapian's default weighting (BM25), which is how
// the Searcher ranks.  On a local database of one shard only: a remote
// shard cannot take the posting sources that pick the blocks, and the
// blocks number the ids of one database.
// Not thread-safe: one thread at a time may use a splitter.
#pragma once

#include "search/date_sorted_page.h"
#include "util/task_thread.h"

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>

namespace archivar::search {

// Below this many possible matches (Xapian's upper bound) a query is
// ranked on one thread: the handover and the second match cost about
// 0.1 ms, and halves of short posting lists save less.  With facets the
// helper joins only once it has counted them; below the second bound it
// joined too late to pay (bench/README.md).
constexpr Xapian::doccount kMinSplitMatches = 20'000;
constexpr Xapian::doccount kMinSplitMatchesWithFacets = 100'000;

// True when a query that may match `most_matches` articles is worth
// ranking on two threads: it may match at least `min_matches` and has
// several terms (one word's posting list is read as fast alone: measured
// no faster on two threads).
bool WorthSplitting(const Xapian::Query& query, Xapian::doccount most_matches,
                    Xapian::doccount min_matches);

class PageSplitter {
 public:
  // Opens the database at `db_path` (the caller's) when first used;
  // splits queries that may match at least `min_matches` articles, or
  // `min_matches_after_facets` when the helper counts facets first.
  explicit PageSplitter(std::string db_path, Xapian::doccount min_matches = kMinSplitMatches,
                        Xapian::doccount min_matches_after_facets = kMinSplitMatchesWithFacets)
      : db_path_(std::move(db_path)),
        min_matches_(min_matches),
        min_matches_after_facets_(min_matches_after_facets) {}

  // Moves the helper's handle to the database's newest revision.
  void Reopen();

  // The matches `offset` to `offset + limit` of `query` by relevance, as
  // FindWholePage gives them, when the query is worth ranking on two
  // threads (WorthSplitting); nothing otherwise.  Ranks on this thread
  // (on `db`, the database of `enquire`, which must rank by Xapian's
  // default weighting and document order) and on `helper`, after the
  // tasks given to it before (`after_facets`: a facet count); calls
  // `once_own_blocks_done` (when given) after this thread's share,
  // before waiting for the helper's.  Leaves
  // `enquire` set to the query that produced the page (for
  // get_matching_terms).  The estimates are those Xapian gives before
  // matching — for a query this large the same a match on one thread
  // gives.  Throws what Xapian throws on either thread.
  std::optional<PageOfMatches> Find(const Xapian::Database& db, Xapian::Enquire& enquire,
                                    const Xapian::Query& query, Xapian::doccount offset,
                                    Xapian::doccount limit, TaskThread& helper,
                                    bool after_facets = false,
                                    const std::function<void()>& once_own_blocks_done = {});

 private:
  Xapian::Database& Database();

  std::string db_path_;
  Xapian::doccount min_matches_;
  Xapian::doccount min_matches_after_facets_;
  std::optional<Xapian::Database> db_;
};

}  // namespace archivar::search
