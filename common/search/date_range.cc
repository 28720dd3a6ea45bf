#include "search/date_range.h"

#include "formats/date.h"
#include "schema.h"

#include <cstdio>

namespace archivar::search {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string Compact(int year, int month, int day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

int LastDayOfMonth(int year, int month) {
  int day = 31;
  while (!formats::IsValidCalendarDate(year, month, day)) --day;
  return day;
}

}  // namespace

Result<std::string> DateBound(std::string_view text, RangeEnd end) {
  bool low = end == RangeEnd::kLow;
  if (auto date = formats::ParseDate(text)) {
    std::string value;
    for (char c : *date) if (c != '-') value += c;
    return Result<std::string>::Ok(value);
  }
  if (text.size() == 4 && AllDigits(text)) {
    int year = std::stoi(std::string(text));
    return Result<std::string>::Ok(low ? Compact(year, 1, 1) : Compact(year, 12, 31));
  }
  if (text.size() == 7 && text[4] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5))) {
    int year = std::stoi(std::string(text.substr(0, 4)));
    int month = std::stoi(std::string(text.substr(5)));
    if (formats::IsValidCalendarDate(year, month, 1)) {
      return Result<std::string>::Ok(
          Compact(year, month, low ? 1 : LastDayOfMonth(year, month)));
    }
  }
  return Result<std::string>::Fail(
      "'" + std::string(text) +
      "' is not a date; write YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY");
}

Xapian::Query DateRangeQuery(const std::string& low_value,
                             const std::string& high_value) {
  if (low_value.empty() && high_value.empty()) return Xapian::Query::MatchAll;
  if (low_value.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, high_value);
  }
  if (high_value.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, low_value);
  }
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                       low_value, high_value);
}

DateRangeProcessor::DateRangeProcessor(const std::string& field_with_colon)
    : Xapian::RangeProcessor(schema::kDateSlot, field_with_colon) {}

namespace {

// The value-slot bound of one end of a query range; "" stays open.
std::string QueryBound(const std::string& text, RangeEnd end) {
  if (text.empty()) return text;
  auto bound = DateBound(text, end);
  if (!bound) throw Xapian::QueryParserError("date range: " + bound.error());
  return bound.value();
}

}  // namespace

Xapian::Query DateRangeProcessor::operator()(const std::string& begin,
                                             const std::string& end) {
  return DateRangeQuery(QueryBound(begin, RangeEnd::kLow), QueryBound(end, RangeEnd::kHigh));
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  return DateRangeQuery(QueryBound(value, RangeEnd::kLow), QueryBound(value, RangeEnd::kHigh));
}

}  // namespace archivar::search
