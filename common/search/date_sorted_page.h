// A page of matches sorted by date without sorting every match.  Sorting
// by date makes Xapian read the date of each matching article (Raub,
// newest first: 0.6 ms by relevance, 3.3 ms by date at 100,000 articles);
// the newest ten of 9,000 matches are among the matches of the last
// months, and the date terms (index/date_terms.h) find those cheaply.  So
// the page is first looked for among the matches of the newest (or
// oldest) few months — as many as the query's estimated matches suggest —
// and the window grows until it holds the page; a query matching few
// articles, or a database without date terms, is sorted whole.
// Not thread-safe (uses the caller's Enquire).
#pragma once

#include "search/query_builder.h"

#include <xapian.h>

namespace archivar::search {

struct PageOfMatches {
  Xapian::MSet page;
  // Xapian's estimate and upper bound of all matches of the query (not
  // only of a window that held the page).
  Xapian::doccount matches_estimated = 0;
  Xapian::doccount matches_upper_bound = 0;
  // Oldest first by value (DateOrder::by_value), when the page reaches
  // past the last dated match: the undated matches that end it, ranked
  // after the `dated_matches` dated ones (their MSet's ranks count from
  // the first undated match).
  Xapian::MSet undated;
  Xapian::doccount dated_matches = 0;
};

// Below this many estimated matches the whole match is sorted.
inline constexpr Xapian::doccount kMinMatchesForDateWindow = 5'000;

// A date order, and how an Enquire sorts by it.
struct DateOrder {
  bool newest_first = true;
  // By the date value alone, as over remote shards (remote_shards.h), whose
  // stock server runs no KeyMaker: undated articles (no value) then sort
  // first when oldest first, and FindDateSortedPage asks for them after
  // the dated ones, in a second match.
  bool by_value = false;
};

// Sets `enquire` to sort in `order`, equal dates by relevance; by a key
// that puts undated articles last either way unless `order.by_value`.
// `keys` must outlive the searches.
void SortByDate(Xapian::Enquire& enquire, Xapian::MultiValueKeyMaker& keys, DateOrder order);

// The matches `offset` to `offset + limit` of `query`, in the order
// `enquire` ranks or sorts by, looking at the whole match.
PageOfMatches FindWholePage(Xapian::Enquire& enquire, const Xapian::Query& query,
                            Xapian::doccount offset, Xapian::doccount limit);

// The same page when `enquire` sorts by date (SortByDate with `order`),
// exactly as if every match had been sorted with the undated articles last
// either way; the windows start at the --from/--to end of `parsed` when it
// has one.  Leaves `enquire` set to a query with the terms of
// `parsed.query` (for get_matching_terms).
PageOfMatches FindDateSortedPage(Xapian::Enquire& enquire, const ParsedQuery& parsed,
                                 DateOrder order, Xapian::doccount offset,
                                 Xapian::doccount limit,
                                 Xapian::doccount min_matches_for_window = kMinMatchesForDateWindow);

}  // namespace archivar::search
