#include "search/facet_counter.h"

#include "schema.h"
#include "search/remote_shards.h"
#include "util/poll_until.h"

#include <algorithm>

namespace archivar::search {
namespace {

// Runs `query` on `db` to its last match, unranked, showing every match
// to `spies`; returns the number of matches.
template <typename Spy>
Xapian::doccount RunToLastMatch(const Xapian::Database& db, const Xapian::Query& query,
                          const std::vector<std::unique_ptr<Spy>>& spies) {
  Xapian::Enquire counting(db);
  counting.set_weighting_scheme(Xapian::BoolWeight());  // no ranking needed
  counting.set_query(query);
  for (const auto& spy : spies) counting.add_matchspy(spy.get());
  return counting.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// Counts the facets of `plan` over the matches of `query` on `db`, among
// the documents `sample` yields (all when null).
FacetTally TallyMatches(const Xapian::Database& db, const Xapian::Query& query,
                        DocumentSample* sample, const SharedFacetCount::Plan& plan) {
  FacetTally tally;
  for (std::size_t i = 0; i < plan.slots.size(); ++i) {
    tally.spies.push_back(std::make_unique<FacetSpy>(plan.slots[i], plan.columns[i]));
  }
  tally.matches = RunToLastMatch(
      db, sample ? Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(sample)) : query,
      tally.spies);
  return tally;
}

// The counts of `tally`, each facet cut to `wanted.limit` values and
// scaled by the sample step.
FacetCounts Finish(const FacetTally& tally, const FacetsWanted& wanted, Xapian::doccount step) {
  FacetCounts counts;
  counts.matches = tally.matches;
  counts.sample_step = step;
  for (std::size_t i = 0; i < tally.spies.size(); ++i) {
    counts.facets.push_back({wanted.names[i], tally.spies[i]->Top(wanted.limit, step)});
  }
  return counts;
}

// The value slot of each facet wanted, in order.
std::vector<Xapian::valueno> SlotsOf(const FacetsWanted& wanted) {
  std::vector<Xapian::valueno> slots;
  for (const auto& name : wanted.names) {
    Xapian::valueno slot = 0;
    FacetSlot(name, &slot);
    slots.push_back(slot);
  }
  return slots;
}

}  // namespace

Xapian::doccount ExactMatchesFor(const FacetsWanted& wanted) {
  std::vector<Xapian::valueno> slots = SlotsOf(wanted);
  if (std::find(slots.begin(), slots.end(), schema::kPersonsSlot) == slots.end()) {
    return wanted.exact_matches;
  }
  if (wanted.exact_matches > kCountEveryMatch / kPersonFacetSampleFactor) return kCountEveryMatch;
  return wanted.exact_matches * kPersonFacetSampleFactor;
}

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

bool WorthSharing(Xapian::doccount candidates, bool checks_positions) {
  return candidates >= (checks_positions ? kMinSharedPositionalCandidates : kMinSharedCandidates);
}

void FacetCounter::Reopen() {
  if (db_) db_->reopen();
  if (columns_) columns_->Clear();
  sample_buckets_.reset();  // the new revision may hold articles without them
}

Xapian::Database& FacetCounter::Database() {
  if (!db_) db_.emplace(db_path_);
  return *db_;
}

FacetCounts FacetCounter::Count(const Xapian::Query& query, const FacetsWanted& wanted,
                                SharedFacetCount* shared) {
  Xapian::Enquire bound(Database());
  bound.set_query(query);
  bound.set_weighting_scheme(Xapian::BoolWeight());
  // Without matching anything, Xapian still gives the most the query can match.
  Xapian::doccount most = bound.get_mset(0, 0).get_matches_upper_bound();
  bool positional = ChecksPositions(query);
  if (OnRemoteShards()) {
    return CountOnRemoteShards(query, wanted, SampleStep(most, wanted.exact_matches, positional));
  }
  Xapian::doccount step = SampleStep(most, ExactMatchesFor(wanted), positional);
  // DocidBlocks number the ids of one database: shards are counted alone.
  if (shared != nullptr && WorthSharing(most / step, positional) && Database().size() == 1) {
    return CountShared(query, wanted, step, *shared);
  }
  return CountAt(query, wanted, step);
}

bool FacetCounter::OnRemoteShards() {
  if (!remote_) remote_ = HasRemoteShard(Database());
  return *remote_;
}

bool FacetCounter::HasBuckets() {
  if (!sample_buckets_) sample_buckets_ = HasSampleBuckets(Database());
  return *sample_buckets_;
}

FacetCounts FacetCounter::CountOnRemoteShards(const Xapian::Query& query,
                                              const FacetsWanted& wanted,
                                              Xapian::doccount wanted_step) {
  Xapian::doccount step = BucketSampleStep(wanted_step);
  if (step > 1 && !HasBuckets()) step = 1;
  std::vector<Xapian::valueno> slots = SlotsOf(wanted);
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> server_spies;
  for (Xapian::valueno slot : slots) {
    server_spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
  }
  FacetTally tally;
  tally.matches = RunToLastMatch(
      Database(),
      step > 1 ? Xapian::Query(Xapian::Query::OP_FILTER, query, BucketSampleFilter(step)) : query,
      server_spies);
  // The server counts whole slot values; a slot value may hold several.
  for (std::size_t i = 0; i < slots.size(); ++i) {
    tally.spies.push_back(std::make_unique<FacetSpy>(slots[i]));
    for (auto value = server_spies[i]->values_begin(); value != server_spies[i]->values_end();
         ++value) {
      tally.spies.back()->AddValues(*value, value.get_termfreq());
    }
  }
  return Finish(tally, wanted, step);
}

SharedFacetCount::Plan FacetCounter::PlanFor(const FacetsWanted& wanted, Xapian::doccount step) {
  Xapian::Database& db = Database();
  SharedFacetCount::Plan plan;
  plan.step = step;
  plan.slots = SlotsOf(wanted);
  for (Xapian::valueno slot : plan.slots) {
    plan.columns.push_back(columns_ ? &columns_->For(db, slot) : nullptr);
  }
  return plan;
}

FacetCounts FacetCounter::CountAt(const Xapian::Query& query, const FacetsWanted& wanted,
                                  Xapian::doccount step) {
  SharedFacetCount::Plan plan = PlanFor(wanted, step);
  DocumentSample sample(step);
  FacetTally tally = TallyMatches(Database(), query, step > 1 ? &sample : nullptr, plan);
  return Finish(tally, wanted, step);
}

FacetCounts FacetCounter::CountShared(const Xapian::Query& query, const FacetsWanted& wanted,
                                      Xapian::doccount step, SharedFacetCount& shared) {
  Xapian::Database& db = Database();
  SharedFacetCount::Plan plan = PlanFor(wanted, step);
  plan.query = query.serialise();
  plan.last_docid = db.get_lastdocid();
  DocumentSample sample(step, &shared.Open(plan));
  FacetTally tally;
  try {
    tally = TallyMatches(db, query, &sample, plan);
  } catch (...) {
    shared.CloseAndMerge(tally);  // a helper at work still uses the plan
    throw;
  }
  shared.CloseAndMerge(tally);
  return Finish(tally, wanted, step);
}

DocidBlocks& SharedFacetCount::Open(Plan plan) {
  std::lock_guard<std::mutex> lock(mutex_);
  plan_ = std::move(plan);
  blocks_ = std::make_unique<DocidBlocks>(plan_.last_docid);
  state_ = State::kOpen;
  state_changed_.notify_all();
  return *blocks_;
}

void SharedFacetCount::Close() {
  std::lock_guard<std::mutex> lock(mutex_);
  state_ = State::kClosed;
  state_changed_.notify_all();
}

template <typename Ready>
std::unique_lock<std::mutex> SharedFacetCount::AwaitLocked(const Ready& ready) {
  PollUntil([this, &ready] {
    std::lock_guard<std::mutex> lock(mutex_);
    return ready();
  });
  std::unique_lock<std::mutex> lock(mutex_);
  state_changed_.wait(lock, ready);
  return lock;
}

bool SharedFacetCount::HelpOnceOpen(const Xapian::Database& db) {
  AwaitLocked([this] { return state_ != State::kNotOpen; }).unlock();
  return Help(db);
}

bool SharedFacetCount::Help(const Xapian::Database& db) {
  Plan plan;
  DocidBlocks* blocks = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state_ != State::kOpen || helped_once_) return false;
    helping_ = helped_once_ = true;
    plan = plan_;
    blocks = blocks_.get();
  }
  std::optional<FacetTally> counted;
  auto finish = [this](std::optional<FacetTally> tally) {
    std::lock_guard<std::mutex> lock(mutex_);
    helped_ = std::move(tally);
    helping_ = false;
    state_changed_.notify_all();
  };
  try {
    DocumentSample sample(plan.step, blocks);
    counted = TallyMatches(db, Xapian::Query::unserialise(plan.query), &sample, plan);
  } catch (...) {
    finish(std::nullopt);
    throw;
  }
  finish(std::move(counted));
  return true;
}

void SharedFacetCount::CloseAndMerge(FacetTally& tally) {
  Close();
  std::unique_lock<std::mutex> lock = AwaitLocked([this] { return !helping_; });
  if (!helped_) return;
  std::size_t both = std::min(tally.spies.size(), helped_->spies.size());
  for (std::size_t i = 0; i < both; ++i) tally.spies[i]->Merge(*helped_->spies[i]);
  tally.matches += helped_->matches;
  helped_.reset();
}

}  // namespace archivar::search
