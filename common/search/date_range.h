// Date ranges in queries ("date:2020-01-01..2020-06-30", "datum:2019..2021",
// "date:01.03.2022..31.03.2022") and in --from/--to filters.  Thread-safe.
#pragma once

#include "util/result.h"

#include <xapian.h>

#include <string>
#include <string_view>

namespace archivar::search {

enum class RangeEnd { kLow, kHigh };

// A date bound as the "YYYYMMDD" value-slot form.  Accepts YYYY-MM-DD,
// DD.MM.YYYY, YYYY-MM and YYYY; a year or month stands for its first day
// as a low end and its last day as a high end.  Fails with a message a
// person can act on.
Result<std::string> DateBound(std::string_view text, RangeEnd end);

// A value-range query on the date slot; an empty bound is open.
Xapian::Query DateRangeQuery(const std::string& low_value,
                             const std::string& high_value);

// The QueryParser hook for "<field>:<from>..<to>".  Throws
// Xapian::QueryParserError with a readable message for a bad date.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  explicit DateRangeProcessor(const std::string& field_with_colon);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;
};

// The QueryParser hook for a single "<field>:<date>": a day, a month
// ("2021-03") or a year ("2022") stands for the range it covers.  Throws
// Xapian::QueryParserError with a readable message for a bad date.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

}  // namespace archivar::search
