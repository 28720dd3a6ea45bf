// Searcher: runs a query against an Archivar database and returns ranked
// (BM25) hits with their stored fields, a highlighted title and snippet.
//
// Ownership: keeps the database open for its lifetime; reads see the last
// committed state and are retried after reopening when a concurrent
// commit invalidates them (Xapian::DatabaseModifiedError).  A search with
// facets counts them on a second thread (one TaskThread per searcher,
// started by the first such search), on a database handle of its own
// (FacetCounter), while this one finds the page — and then helps with the
// count (SharedFacetCount).
// Not thread-safe: one per thread.
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "index/stored_article.h"
#include "search/date_sorted_page.h"
#include "search/facet_counter.h"
#include "search/facets.h"
#include "search/query_builder.h"
#include "search/snippet.h"
#include "search/split_page.h"
#include "util/result.h"
#include "util/task_thread.h"

#include <xapian.h>

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archivar::search {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;
  SearchFilters filters;
  std::size_t limit = 10;
  std::size_t offset = 0;
  SortOrder sort = SortOrder::kRelevance;
  std::vector<std::string> facets;  // facet names (schema::kFacetFields)
  std::size_t facet_limit = 10;     // values shown per facet
  // Facets are counted exactly while the query may match (by Xapian's
  // upper bound) at most this many articles (four times as many with a
  // person facet: ExactMatchesFor); beyond, over an even sample of about
  // this many, scaled up (SampleStep) — so a facet search costs about the
  // same on any archive size (bench/README.md).  kCountEveryMatch: always
  // exact (--exact-facets).
  Xapian::doccount exact_facet_matches = 10'000;
  // Highlight titles and cut snippets; false lists the hits without them
  // (an id list for a program is several times faster).
  bool snippets = true;
};

struct SearchHit {
  std::size_t rank = 0;  // 1-based, counting from the first result overall
  double score = 0;
  Article article;
  Highlighted title;
  Highlighted snippet;
  std::vector<std::string> persons;  // canonical names of the persons mentioned
};

struct SearchResponse {
  std::string query;
  Xapian::doccount total = 0;  // Xapian's estimate of all matches
  std::size_t offset = 0;
  std::vector<SearchHit> hits;
  std::string note;  // set when the query was read differently than written
  std::vector<Facet> facets;  // in the order requested
  // 1 when the facet counts are exact (and `total` then is too); n when
  // they were counted over every n-th article (the query matched too many
  // to count them all) and multiplied by n.
  Xapian::doccount facet_sample_step = 1;
};

class Searcher {
 public:
  // Opens the database read-only.  Throws Xapian::DatabaseOpeningError
  // (or a subclass) when there is none at `db_path`.  `aliases` (which must
  // outlive the searcher) names the persons of person: queries.
  explicit Searcher(const std::string& db_path,
                    const persons::AliasTable& aliases = persons::AliasTable::Builtin());

  // Fails with a one-line message for a query or filter that cannot be used.
  Result<SearchResponse> Search(const SearchRequest& request);

  // The persons of the whole archive whose name (any word of it) starts
  // with `prefix` (all when empty), with the number of articles that
  // mention each, most mentioned first.
  std::vector<FacetCount> ListPersons(const std::string& prefix);

  // Keeps the values of each facet in memory once a search asks for it
  // (FacetColumn): the first such search reads the whole slot, later
  // ones count faster.  For a searcher that answers many queries.
  void KeepFacetValuesInMemory() { facet_counter_.KeepValuesInMemory(); }

 private:
  // Reopens the database at its newest revision (after a concurrent
  // commit invalidated a read), forgetting the facet values in memory.
  void Reopen();
  // True when the database includes a remote shard (asked once).
  bool OnRemoteShards();
  SearchResponse Run(const SearchRequest& request, const ParsedQuery& parsed);
  // The page of the query the request asks for, in its sort order; helps
  // with the facet count open in `sharing` when it ranks on both threads
  // (split_page.h).
  PageOfMatches FindPage(Xapian::Enquire& enquire, const SearchRequest& request,
                         const ParsedQuery& parsed, SharedFacetCount& sharing);
  // The date order a request sorted by date asks for, as this database
  // can sort it.
  DateOrder DateOrderOf(const SearchRequest& request);
  // Starts counting the facets the request asks for on facet_thread_
  // (FacetCounter), open to help through `sharing` (which must outlive the
  // count); an invalid future when it asks for none.
  std::future<FacetCounts> StartCountingFacets(const SearchRequest& request,
                                               const Xapian::Query& query,
                                               SharedFacetCount& sharing);
  // Appends the hits of `matches` to `hits`, ranked after `ranks_before`
  // matches; snippets (when asked) show the terms `enquire` matched.
  void AddHits(const Xapian::MSet& matches, Xapian::doccount ranks_before,
               const Xapian::Enquire& enquire, const TermSet& query_terms, bool snippets,
               std::vector<SearchHit>& hits);
  SearchHit MakeHit(const Xapian::MSetIterator& match, index::StoredBody body);
  // Highlights the hit's title and cuts its snippet; `terms_expected_in_body`
  // is the number of distinct query words (and person surnames) the
  // article holds.
  void AddSnippet(SearchHit& hit, const TermSet& query_terms,
                  std::size_t terms_expected_in_body);

  Xapian::Database db_;
  const persons::AliasTable& aliases_;
  std::shared_ptr<analysis::Analyzer> analyzer_;
  std::optional<bool> remote_;  // OnRemoteShards, once asked
  FacetCounter facet_counter_;  // its own handle on the same database
  PageSplitter page_splitter_;  // another, for the helper's share of a split page
  // Counts facets or ranks a share of a page; declared after the handles
  // it uses: stops before them.
  TaskThread facet_thread_;
};

}  // namespace archivar::search
