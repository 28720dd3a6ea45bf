// FacetCounter: counts the facets of a query (facets.h) on a database
// handle of its own, so that a Searcher can count them on a second thread
// while its own handle finds the page of hits — a facet search then costs
// about the longer of the two, not their sum, and about half their sum
// when the Searcher helps with a large count (bench/README.md).
//
// Counting is exact while the query may match (Xapian's upper bound) few
// enough articles; beyond, it counts an even sample (DocumentSample) and
// scales the counts up.  SampleStep says which.  A second thread can join
// a count (SharedFacetCount): the Searcher's own thread does, once its page
// is ready.  Over remote shards (remote_shards.h) Xapian's own
// ValueCountMatchSpy counts on the servers, among the articles of a few
// sample buckets (BucketSampleFilter) when the database has them, else
// every match.
//
// Not thread-safe: one thread at a time may use a counter (the Searcher's
// facet thread while a search runs, the Searcher itself otherwise).
#pragma once

#include "search/facet_columns.h"
#include "search/facets.h"

#include <xapian.h>

#include <condition_variable>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace archivar::search {

struct FacetCounts {
  std::vector<Facet> facets;    // in the order asked for
  Xapian::doccount matches = 0; // the matches counted (all of them when sample_step is 1)
  Xapian::doccount sample_step = 1;  // counted every n-th article, counts multiplied by n
};

// An exact_matches (FacetsWanted, SearchRequest) that counts the facets of
// every match, however many (no sample).
inline constexpr Xapian::doccount kCountEveryMatch =
    std::numeric_limits<Xapian::doccount>::max();

// What a FacetCounter counts: the facet names (each must be a known
// facet, FacetSlot) and how many values of each to keep.
struct FacetsWanted {
  std::vector<std::string> names;
  std::size_t limit = 10;  // values kept per facet, most frequent first; 0: all
  // Count exactly while the query may match at most this many articles.
  Xapian::doccount exact_matches = 10'000;
};

// A person facet is counted exactly up to, and sampled among about, this
// many times FacetsWanted::exact_matches.  A year or a section holds a
// good share of a query's matches, so a sample of 10,000 leaves each of
// the largest hundreds of articles; the most frequent persons of a large
// match are named in a few per cent of it, and at a million articles such
// a sample put them up to 45 % off (bench/README.md).  Not over remote
// shards: there the stock server's ValueCountMatchSpy counts each
// article's whole list of persons as one value and sends every distinct
// list back, and four times the sample took two to three times as long.
constexpr Xapian::doccount kPersonFacetSampleFactor = 4;

// The exact-count limit of `wanted` on a local database: its
// exact_matches, times kPersonFacetSampleFactor when it counts persons
// (at most kCountEveryMatch).
Xapian::doccount ExactMatchesFor(const FacetsWanted& wanted);

// The sample step for a query that may match `most_matches` articles:
// 1 (count all) up to `exact_matches`, else about most_matches /
// exact_matches.  A step below kMinSampleStep is not worth its cost for a
// query without positions (the sample filter costs more than the matches
// it saves; bench/README.md) and counts all; a phrase or NEAR query pays a
// position check per candidate, so every step saves time there.
constexpr Xapian::doccount kMinSampleStep = 4;
Xapian::doccount SampleStep(Xapian::doccount most_matches, Xapian::doccount exact_matches,
                            bool checks_positions);

// True when a count over about `candidates` documents is worth a helper
// (SharedFacetCount): a helper costs the searching thread about 0.1 ms
// (its own Enquire), which a small count does not repay — counts of up to
// 10,000 candidates without positions got slower with one.  A candidate
// of a phrase or NEAR query costs about five times as much (its position
// check), and a helper paid from 2,600 of them (bench/README.md).
constexpr Xapian::doccount kMinSharedCandidates = 16'000;
constexpr Xapian::doccount kMinSharedPositionalCandidates = 2'000;
bool WorthSharing(Xapian::doccount candidates, bool checks_positions);

// True when `query` holds a phrase or NEAR subquery.
bool ChecksPositions(const Xapian::Query& query);

// The spies of a count, or of one thread's part of it, and the matches
// they saw.
struct FacetTally {
  std::vector<std::unique_ptr<FacetSpy>> spies;  // one per facet wanted, in order
  Xapian::doccount matches = 0;
};

// A count that a second thread can help with.  The counting thread
// (FacetCounter::Count given this object) opens it once it knows what to
// count and closes it when done; a thread calling Help meanwhile counts
// blocks of document ids (DocidBlocks) on a database handle of its own
// until none is left, and the counting thread adds those counts to its
// own before it returns, so the two threads count each sampled document
// once between them.  A Searcher helps its facet thread after finding its
// page: a facet search then costs about half the two threads' work
// (bench/README.md).
//
// Help is thread-safe against the counting thread; one helper per count.
// The helper must read the same database (revision aside: a commit between
// the two handles' revisions mixes them, as the two handles of a Searcher
// may anyway).
class SharedFacetCount {
 public:
  SharedFacetCount() = default;
  SharedFacetCount(const SharedFacetCount&) = delete;
  SharedFacetCount& operator=(const SharedFacetCount&) = delete;

  // What both threads count.
  struct Plan {
    std::string query;  // serialised: each thread needs a Xapian::Query of its own
    Xapian::doccount step = 1;
    std::vector<Xapian::valueno> slots;          // one per facet wanted
    std::vector<const FacetColumn*> columns;     // by facet; null: values read per document
    Xapian::docid last_docid = 0;  // the blocks number ids 1..last_docid
  };

  // Counts blocks of the open count on `db` until none is left and
  // returns true; returns false at once when the count is not open (not
  // begun, finished, too small to share, or on remote or several shards)
  // or a helper has already joined it.
  // Throws what Xapian throws (the counting thread then keeps its own
  // counts only).
  bool Help(const Xapian::Database& db);

  // Waits until the count is open, then helps as Help does; returns false
  // once it is closed without having been open to this helper.  For a
  // helper that is ready before the counting thread has begun (a
  // Searcher whose page took less time than its facet thread took to
  // start or to open the count).  The counting thread must close the
  // count in the end (Close), else this waits forever.
  bool HelpOnceOpen(const Xapian::Database& db);

  // The counting thread, when done (also after an error): no helper joins
  // any more, and one waiting in HelpOnceOpen returns.  Closing twice is
  // harmless; FacetCounter::Count closes a count it opened.
  void Close();

 private:
  friend class FacetCounter;
  enum class State { kNotOpen, kOpen, kClosed };

  // The counting thread: opens the count to a helper; returns the blocks
  // to count from.
  DocidBlocks& Open(Plan plan);
  // The counting thread: lets no further helper in, waits for one at work
  // and adds what it counted to `tally`.
  void CloseAndMerge(FacetTally& tally);
  // Polls `ready` (asked under the lock) for up to kHandOffPoll, then
  // sleeps until a change of state (state_changed_) makes it true;
  // returns holding the lock.
  template <typename Ready>
  std::unique_lock<std::mutex> AwaitLocked(const Ready& ready);

  std::mutex mutex_;
  std::condition_variable state_changed_;  // opened, closed, or the helper done
  State state_ = State::kNotOpen;
  bool helping_ = false;
  bool helped_once_ = false;  // one helper per count
  Plan plan_;
  std::unique_ptr<DocidBlocks> blocks_;
  std::optional<FacetTally> helped_;  // set when the helper finished without error
};

class FacetCounter {
 public:
  // Opens the database at `db_path` when first used.
  explicit FacetCounter(std::string db_path) : db_path_(std::move(db_path)) {}

  // Keeps each facet's values in memory once counted (FacetColumn): for a
  // counter that serves many searches.
  void KeepValuesInMemory() { columns_ = std::make_unique<FacetColumns>(); }

  // Moves to the database's newest revision, forgetting values in memory.
  void Reopen();

  // Counts `wanted` over the matches of `query`; given `shared`, opens
  // the count there for a helper (on a local database of one shard).
  // Over remote shards counts with Xapian's own match spy
  // (remote_shards.h), on a bucket sample or every match, without a helper.
  // Throws what Xapian throws (Xapian::DatabaseModifiedError after
  // concurrent commits).
  FacetCounts Count(const Xapian::Query& query, const FacetsWanted& wanted,
                    SharedFacetCount* shared = nullptr);

 private:
  Xapian::Database& Database();
  // True when the database includes a remote shard (asked once).
  bool OnRemoteShards();
  // True when every article has its sample bucket term (asked once per revision).
  bool HasBuckets();
  // Counts with Xapian's match spy, on the bucket sample nearest
  // `wanted_step` (BucketSampleStep) when the buckets allow, else all.
  FacetCounts CountOnRemoteShards(const Xapian::Query& query, const FacetsWanted& wanted,
                                  Xapian::doccount wanted_step);
  // Runs the count at `step` (1: every match) on local shards.
  FacetCounts CountAt(const Xapian::Query& query, const FacetsWanted& wanted,
                      Xapian::doccount step);
  // Runs the count at `step` with `shared` open to a helper.
  FacetCounts CountShared(const Xapian::Query& query, const FacetsWanted& wanted,
                          Xapian::doccount step, SharedFacetCount& shared);
  // The slot of each facet wanted and, when kept in memory, its column.
  SharedFacetCount::Plan PlanFor(const FacetsWanted& wanted, Xapian::doccount step);

  std::string db_path_;
  std::optional<Xapian::Database> db_;
  std::optional<bool> remote_;             // known after the first count
  std::optional<bool> sample_buckets_;     // asked over remote shards only
  std::unique_ptr<FacetColumns> columns_;  // null: values read per count
};

}  // namespace archivar::search
