// Facets: how often each value of a field (source, category, year,
// person) occurs among ALL the articles that match a query, not only the
// page shown.  Counting uses a Xapian MatchSpy over the field's value slot
// (schema.h), so the counts are exact when the match is run to the end.
//
// Counting costs time per match, so for a query matching a large part of
// a big archive the searcher counts an even sample instead — every n-th
// document (DocumentSample), or over remote shards the articles of a few
// sample buckets (BucketSampleFilter) — and scales the counts by n (see
// FacetCounter).
//
// Not thread-safe: one spy per search.
#pragma once

#include "schema.h"
#include "search/facet_columns.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

namespace archivar::search {

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

struct Facet {
  std::string name;                 // "source", "category", "year", "person"
  std::vector<FacetCount> values;   // most frequent first, then by value
};

// Blocks of consecutive document ids 1..last_docid, handed out one at a
// time to the threads that share a count (SharedFacetCount) or a page
// (split_page.h): each block goes to the one thread that claimed it, and
// a thread that finishes early takes more.  Blocks shrink as the ids run
// out (guided self-scheduling): a claim takes a quarter of the ids left,
// at least `min_block`, so that a thread arriving late still finds some
// and the two finish close together, after about 15 claims between them
// where 64 equal blocks took 64 — each claim costs a thread a skip in
// every posting list, and a skip within a dense list decodes it
// (bench/README.md).
// Thread-safe.
class DocidBlocks {
 public:
  // The ids first..last; empty once every id is claimed.
  struct Block {
    std::uint64_t first = 1, last = 0;
    bool empty() const { return first > last; }
  };

  // Blocks of at least MinDocidBlock(last_docid) ids.
  explicit DocidBlocks(Xapian::docid last_docid);
  DocidBlocks(Xapian::docid last_docid, Xapian::docid min_block);

  Block ClaimNext();
  // True when no id is left to claim.
  bool AllClaimed() const { return next_.load() > last_; }

 private:
  static constexpr std::uint64_t kShareOfRest = 4;  // a claim takes 1/4 of the ids left
  const std::uint64_t last_;
  const std::uint64_t min_block_;
  std::atomic<std::uint64_t> next_{1};  // the first unclaimed id
};

// The smallest block of DocidBlocks for a database whose highest id is
// `last_docid`: a 64th of the ids (the last blocks leave the two threads
// that far apart at most), at least 256 ids and at most 16,384.
Xapian::docid MinDocidBlock(Xapian::docid last_docid);

// Every `step`-th document of a database (ids 1, 1 + step, 1 + 2·step, …),
// to AND with a query: an even sample of its matches across the whole
// archive (document ids follow indexing order, so a prefix of the ids
// would be a sample of the oldest articles only).  Given `blocks` (which
// must outlive it and every clone), it yields only the sampled ids of the
// blocks it claims there, so that threads sharing the blocks count each
// sampled document once between them.  Works on local databases; a search
// over remote shards cannot use it (its serialise() throws
// Xapian::UnimplementedError).  With blocks, on a database of one shard
// only (the blocks number the ids of one database).
class DocumentSample : public Xapian::PostingSource {
 public:
  explicit DocumentSample(Xapian::docid step, DocidBlocks* blocks = nullptr)
      : step_(std::max<Xapian::docid>(step, 1)), blocks_(blocks) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return sampled_; }
  Xapian::doccount get_termfreq_max() const override { return sampled_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_end_; }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::PostingSource* clone() const override { return new DocumentSample(step_, blocks_); }
  std::string get_description() const override;

 private:
  // Takes the next block from blocks_; false when none is left.
  bool ClaimBlock();

  Xapian::docid step_;
  DocidBlocks* blocks_;         // null: the whole database is this sample's
  Xapian::docid last_ = 0;      // the database's highest document id
  Xapian::docid current_ = 0;   // 0 before the first next()
  bool at_end_ = false;
  Xapian::doccount sampled_ = 0;
  std::uint64_t block_first_ = 1, block_last_ = 0;  // the ids this sample may yield now
};

// The even sample of a search over remote shards, which cannot run a
// DocumentSample: the articles of the first schema::kSampleBuckets / step
// sample buckets (index/sample_buckets.h), picked by an OR of their terms.
// Its steps are powers of two, since they must divide the buckets.
// BucketSampleStep is the step of such a sample for a wanted `step`: the
// largest power of two up to `step` and kSampleBuckets, or 1 (count every
// match) below kMinBucketSampleStep: an OR of 16 or 32 bucket terms cost
// the server as much as it saved, phrases included (bench/README.md).
constexpr Xapian::doccount kMinBucketSampleStep = 8;
Xapian::doccount BucketSampleStep(Xapian::doccount step);

// The filter of the bucket sample at `step`, a step BucketSampleStep gave.
Xapian::Query BucketSampleFilter(Xapian::doccount step);

// True when every article of `db` has its sample bucket term, so that a
// bucket sample covers every shard (a database written before the buckets
// has none): the buckets' frequencies add up to the number of articles.
// One empty match over the bucket terms; reads no document.
bool HasSampleBuckets(const Xapian::Database& db);

// Counts the values of one slot among the matching documents; a slot value
// may hold several values separated by schema::kFacetValueSeparator, each
// counted once per document.  Given the slot's FacetColumn (which must
// outlive the spy), reads the values of the documents it covers from
// there.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(Xapian::valueno slot, const FacetColumn* column = nullptr)
      : slot_(slot), column_(column) {
    if (column_) column_counts_.assign(column_->ValueCount(), 0);
  }
  FacetSpy(const FacetSpy&) = delete;  // counts_ views values_
  FacetSpy& operator=(const FacetSpy&) = delete;

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new FacetSpy(slot_); }
  std::string name() const override { return "archivar.FacetSpy"; }
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised,
                                const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override { return "archivar.FacetSpy"; }

  // Counts each value held in the slot value `values` `count` times, as
  // if seen in that many documents.
  void AddValues(std::string_view values, Xapian::doccount count);

  // Adds the counts of `other`, a spy of the same slot and column.
  void Merge(const FacetSpy& other);

  // The `limit` most frequent values (all when 0), most frequent first,
  // each count multiplied by `scale`.
  std::vector<FacetCount> Top(std::size_t limit, Xapian::doccount scale = 1) const;

 private:
  // Adds `count` to one value.
  void Add(std::string_view value, Xapian::doccount count);
  // Every value counted, once, with its count.
  std::vector<FacetCount> Counts() const;

  Xapian::valueno slot_;
  const FacetColumn* column_;
  std::vector<Xapian::doccount> column_counts_;  // by the column's ordinals
  // Per single value, hashed: a person facet has thousands of values, and
  // counting a matching document must allocate nothing for values already
  // seen.  The keys view the strings of values_ (a deque: they never move).
  std::unordered_map<std::string_view, Xapian::doccount> counts_;
  std::deque<std::string> values_;
};

// Calls `use` with each value held in a slot value (separated by
// schema::kFacetValueSeparator; empty pieces are skipped).
template <typename UseValue>
void ForEachFacetValue(std::string_view values, UseValue use) {
  while (!values.empty()) {
    std::size_t end = std::min(values.find(schema::kFacetValueSeparator), values.size());
    if (end > 0) use(values.substr(0, end));
    values.remove_prefix(std::min(end + 1, values.size()));
  }
}

// The values held in one slot value, as ForEachFacetValue gives them.
std::vector<std::string> SplitFacetValues(const std::string& values);

// The value slot of a facet name, or false when there is no such facet.
bool FacetSlot(const std::string& name, Xapian::valueno* slot);

}  // namespace archivar::search
