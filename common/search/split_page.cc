#include "search/split_page.h"

#include "search/facets.h"
#include "util/poll_until.h"

#include <algorithm>
#include <future>
#include <vector>

namespace archivar::search {
namespace {

struct RankedMatch {
  double weight = 0;
  Xapian::docid docid = 0;
};

// Xapian's order: higher weight first, equal weights by ascending id.
bool RanksBefore(const RankedMatch& a, const RankedMatch& b) {
  return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
}

// The best `wanted` matches of `query` on `db` among the blocks of ids
// this thread claims from `blocks`, in Xapian's order.
std::vector<RankedMatch> RankAmongBlocks(const Xapian::Database& db, const Xapian::Query& query,
                                         DocidBlocks& blocks, Xapian::doccount wanted) {
  // It claims to hold every document, so that Xapian skips into it last
  // rather than stepping through each of its ids.
  DocumentSample claimed(1, &blocks);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(&claimed)));
  Xapian::MSet best = enquire.get_mset(0, wanted);
  std::vector<RankedMatch> ranked;
  for (auto match = best.begin(); match != best.end(); ++match) {
    ranked.push_back({match.get_weight(), *match});
  }
  return ranked;
}

// Given documents, to AND with a query.
class DocidList : public Xapian::PostingSource {
 public:
  explicit DocidList(std::vector<Xapian::docid> ascending) : ids_(std::move(ascending)) {}

  void init(const Xapian::Database&) override {
    next_ = 0;
    started_ = false;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return ids_.size(); }
  Xapian::doccount get_termfreq_max() const override { return ids_.size(); }
  void next(double) override {
    if (started_) ++next_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    next_ = std::lower_bound(ids_.begin() + next_, ids_.end(), did) - ids_.begin();
  }
  bool at_end() const override { return next_ >= ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[next_]; }
  Xapian::PostingSource* clone() const override { return new DocidList(ids_); }
  std::string get_description() const override {
    return "archivar.DocidList(" + std::to_string(ids_.size()) + " ids)";
  }

 private:
  std::vector<Xapian::docid> ids_;
  std::size_t next_ = 0;
  bool started_ = false;
};

// The page `offset` to `offset + limit` of `query` on `enquire`, whose
// matches are among `best` (the first offset + limit of the whole match).
Xapian::MSet PageAmong(Xapian::Enquire& enquire, const Xapian::Query& query,
                       const std::vector<RankedMatch>& best, Xapian::doccount offset,
                       Xapian::doccount limit) {
  std::vector<Xapian::docid> ids;
  for (const auto& match : best) ids.push_back(match.docid);
  std::sort(ids.begin(), ids.end());
  Xapian::Query among((new DocidList(std::move(ids)))->release());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, among));
  return enquire.get_mset(offset, limit);
}

// True when `query` holds at least two distinct terms.
bool HasSeveralTerms(const Xapian::Query& query) {
  auto term = query.get_unique_terms_begin();
  return term != query.get_unique_terms_end() && ++term != query.get_unique_terms_end();
}

}  // namespace

bool WorthSplitting(const Xapian::Query& query, Xapian::doccount most_matches,
                    Xapian::doccount min_matches) {
  return most_matches >= min_matches && HasSeveralTerms(query);
}

void PageSplitter::Reopen() {
  if (db_) db_->reopen();
}

Xapian::Database& PageSplitter::Database() {
  if (!db_) db_.emplace(db_path_);
  return *db_;
}

std::optional<PageOfMatches> PageSplitter::Find(const Xapian::Database& db,
                                                Xapian::Enquire& enquire,
                                                const Xapian::Query& query,
                                                Xapian::doccount offset, Xapian::doccount limit,
                                                TaskThread& helper, bool after_facets,
                                                const std::function<void()>& once_own_blocks_done) {
  // DocidBlocks number the ids of one database: shards are ranked alone.
  // A single word is never split: ask before matching anything.
  if (limit == 0 || db.size() != 1 || !HasSeveralTerms(query)) return {};
  enquire.set_query(query);
  // Without matching anything, Xapian still gives its estimates.
  Xapian::MSet estimates = enquire.get_mset(0, 0);
  Xapian::doccount min_matches = after_facets ? min_matches_after_facets_ : min_matches_;
  if (!WorthSplitting(query, estimates.get_matches_upper_bound(), min_matches)) return {};
  Xapian::doccount wanted = offset + limit;
  DocidBlocks blocks(db.get_lastdocid());
  // Xapian's queries share their parts with reference counts that are not
  // thread-safe: the helper gets a copy of its own.
  std::future<std::vector<RankedMatch>> helpers_share =
      helper.Run([this, serialised = query.serialise(), &blocks, wanted] {
        // Joining late (after a facet count) it may find every block taken.
        Xapian::Database& db = Database();
        if (blocks.AllClaimed()) return std::vector<RankedMatch>();
        return RankAmongBlocks(db, Xapian::Query::unserialise(serialised), blocks, wanted);
      });
  std::vector<RankedMatch> best;
  try {
    best = RankAmongBlocks(db, query, blocks, wanted);
    if (once_own_blocks_done) once_own_blocks_done();
    std::vector<RankedMatch> helpers = GetPolling(helpers_share);
    best.insert(best.end(), helpers.begin(), helpers.end());
  } catch (...) {
    if (helpers_share.valid()) helpers_share.wait();  // it uses the blocks and this handle
    throw;
  }
  std::sort(best.begin(), best.end(), RanksBefore);
  if (best.size() > wanted) best.resize(wanted);
  return PageOfMatches{PageAmong(enquire, query, best, offset, limit),
                       estimates.get_matches_estimated(), estimates.get_matches_upper_bound(),
                       {}, 0};
}

}  // namespace archivar::search
