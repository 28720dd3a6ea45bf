// Date ranges in queries ("date:2020-01-01..2020-06-30", "datum:2019..2021",
// "date:01.03.2022..31.03.2022") and in --from/--to filters.  Thread-safe.
#pragma once

#include "util/result.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>

namespace archivar::search {

enum class RangeEnd { kLow, kHigh };

// A date bound as the "YYYYMMDD" value-slot form.  Accepts YYYY-MM-DD,
// DD.MM.YYYY, YYYY-MM and YYYY; a year or month stands for its first day
// as a low end and its last day as a high end.  Fails with a message a
// person can act on.
Result<std::string> DateBound(std::string_view text, RangeEnd end);

// The first (kLow) or the last (kHigh) day of a month as "YYYYMMDD"; the
// month must be a real one (years 1000-9999).
std::string MonthBound(int year, int month, RangeEnd end);

// Date-range queries for one database.  Where every dated article has
// its date terms (index/date_terms.h) a range is searched as the fewest
// terms covering it, clipped to the dates the database holds; in a
// database written before the date terms, as a value range on the date
// slot — the same matches, more slowly.  The queries add no weight.
// Looks at the database on first use (a query without a date costs
// nothing).  Not thread-safe.
class DateRanges {
 public:
  explicit DateRanges(const Xapian::Database& db) : db_(db) {}

  // The articles dated from `low_value` to `high_value` ("YYYYMMDD", both
  // included); an empty bound is open.  Both open: every article, dated
  // or not.
  Xapian::Query Between(const std::string& low_value, const std::string& high_value) const;

  // True when Between() searches date terms.
  bool UsesTerms() const;

  // True when some article of the database has no date.
  bool HasUndated() const;

  // The earliest and the latest date of the database's articles
  // ("YYYYMMDD"); empty when no article is dated.
  const std::string& FirstDay() const;
  const std::string& LastDay() const;

 private:
  // Reads the date bounds and whether the date terms are complete, once.
  void Inspect() const;
  Xapian::Query ValueRange(const std::string& low_value, const std::string& high_value) const;

  Xapian::Database db_;
  mutable bool inspected_ = false;
  mutable bool uses_terms_ = false;
  mutable bool has_undated_ = false;
  mutable std::string first_day_;  // the database's earliest and latest date values
  mutable std::string last_day_;
};

// The QueryParser hook for "<field>:<from>..<to>".  Throws
// Xapian::QueryParserError with a readable message for a bad date.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor(const std::string& field_with_colon,
                     std::shared_ptr<const DateRanges> ranges);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;

 private:
  std::shared_ptr<const DateRanges> ranges_;
};

// The QueryParser hook for a single "<field>:<date>": a day, a month
// ("2021-03") or a year ("2022") stands for the range it covers.  Throws
// Xapian::QueryParserError with a readable message for a bad date.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(std::shared_ptr<const DateRanges> ranges)
      : ranges_(std::move(ranges)) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  std::shared_ptr<const DateRanges> ranges_;
};

}  // namespace archivar::search
