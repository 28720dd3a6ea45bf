#include "search/date_sorted_page.h"

#include "schema.h"

#include <algorithm>
#include <limits>
#include <string>

namespace archivar::search {
namespace {

// Months counted from year 0, for "YYYYMMDD" values.
int MonthNumber(const std::string& day) {
  return std::stoi(day.substr(0, 4)) * 12 + std::stoi(day.substr(4, 2)) - 1;
}

// The first or the last day ("YYYYMMDD") of a month numbered as above.
std::string DayOfMonth(int month_number, RangeEnd end) {
  return MonthBound(month_number / 12, month_number % 12 + 1, end);
}

// The dated matches lie from month `first` to month `last` (numbered as
// above); the window holds the `months` newest or oldest of them.
struct MonthSpan {
  int first = 0;
  int last = 0;
  int Months() const { return last - first + 1; }
};

MonthSpan SpanOfMatches(const ParsedQuery& parsed) {
  const DateRanges& dates = *parsed.dates;
  std::string first = std::max(parsed.first_day, dates.FirstDay());
  std::string last = parsed.last_day.empty() ? dates.LastDay()
                                             : std::min(parsed.last_day, dates.LastDay());
  return {MonthNumber(first), MonthNumber(last)};
}

Xapian::Query Window(const DateRanges& dates, bool newest_first, MonthSpan span, int months) {
  if (newest_first) return dates.Between(DayOfMonth(span.last - months + 1, RangeEnd::kLow), "");
  return dates.Between("", DayOfMonth(span.first + months - 1, RangeEnd::kHigh));
}

// The date-sorted page of the whole match.  Sorting oldest first by value,
// Xapian would put the undated articles (no value) first: the dated
// matches are paged first, then the undated ones.  Both parts are counted,
// not estimated: Xapian's estimate of a query filtered by the date terms
// can be several times the real count.
PageOfMatches SortWhole(Xapian::Enquire& enquire, const ParsedQuery& parsed, DateOrder order,
                        Xapian::doccount offset, Xapian::doccount limit) {
  const Xapian::Query& query = parsed.query;
  const DateRanges& dates = *parsed.dates;
  if (order.newest_first || !order.by_value || !dates.HasUndated() || dates.FirstDay().empty()) {
    return FindWholePage(enquire, query, offset, limit);
  }
  Xapian::Query dated = dates.Between(dates.FirstDay(), "");
  const auto count_all = std::numeric_limits<Xapian::doccount>::max();
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, dated));
  PageOfMatches found;
  found.page = enquire.get_mset(offset, limit, count_all);
  found.dated_matches = found.page.get_matches_estimated();
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, dated));
  Xapian::doccount undated_offset =
      offset > found.dated_matches ? offset - found.dated_matches : 0;
  found.undated = enquire.get_mset(undated_offset, limit - found.page.size(), count_all);
  enquire.set_query(query);  // the terms of both parts, for get_matching_terms
  found.matches_estimated = found.dated_matches + found.undated.get_matches_estimated();
  found.matches_upper_bound = found.matches_estimated;
  return found;
}

}  // namespace

void SortByDate(Xapian::Enquire& enquire, Xapian::MultiValueKeyMaker& keys, DateOrder order) {
  if (order.by_value) {
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/order.newest_first);
    return;
  }
  keys.add_value(schema::kDateSlot, order.newest_first,
                 order.newest_first ? std::string() : std::string("99999999"));
  enquire.set_sort_by_key_then_relevance(&keys, /*reverse=*/false);
}

PageOfMatches FindWholePage(Xapian::Enquire& enquire, const Xapian::Query& query,
                            Xapian::doccount offset, Xapian::doccount limit) {
  enquire.set_query(query);
  Xapian::MSet page = enquire.get_mset(offset, limit);
  return {page, page.get_matches_estimated(), page.get_matches_upper_bound(), {}, 0};
}

PageOfMatches FindDateSortedPage(Xapian::Enquire& enquire, const ParsedQuery& parsed,
                                 DateOrder order, Xapian::doccount offset,
                                 Xapian::doccount limit,
                                 Xapian::doccount min_matches_for_window) {
  const Xapian::Query& query = parsed.query;
  const DateRanges& dates = *parsed.dates;
  if (limit == 0) return FindWholePage(enquire, query, offset, limit);  // estimates only
  if (!dates.UsesTerms() || dates.FirstDay().empty()) {
    return SortWhole(enquire, parsed, order, offset, limit);
  }
  MonthSpan span = SpanOfMatches(parsed);
  enquire.set_query(query);
  Xapian::MSet estimate = enquire.get_mset(0, 0);  // estimates only: matches nothing
  Xapian::doccount estimated = estimate.get_matches_estimated();
  if (estimated < min_matches_for_window || span.Months() < 2) {
    return SortWhole(enquire, parsed, order, offset, limit);
  }
  // A window expected to hold the page twice over, assuming the matches
  // spread evenly over the months; it grows fourfold while it falls short.
  double wanted = 2.0 * (static_cast<double>(offset) + limit) / estimated;
  for (int months = std::max(1, static_cast<int>(wanted * span.Months()) + 1);
       months < span.Months(); months *= 4) {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Window(dates, order.newest_first, span, months)));
    Xapian::MSet page = enquire.get_mset(offset, limit);
    // Every match inside the window sorts before every match outside it,
    // so a full page inside the window is the page of the whole match.
    if (page.size() == limit) {
      return {page, estimated, estimate.get_matches_upper_bound(), {}, 0};
    }
  }
  return SortWhole(enquire, parsed, order, offset, limit);
}

}  // namespace archivar::search
