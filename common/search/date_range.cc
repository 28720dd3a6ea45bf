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
    if (month >= 1 && month <= 12) {
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

Xapian::Query DateRangeProcessor::operator()(const std::string& begin,
                                             const std::string& end) {
  std::string values[2];
  const std::string* texts[2] = {&begin, &end};
  for (int i = 0; i < 2; ++i) {
    if (texts[i]->empty()) continue;
    auto bound = DateBound(*texts[i], i == 0 ? RangeEnd::kLow : RangeEnd::kHigh);
    if (!bound) throw Xapian::QueryParserError("date range: " + bound.error());
    values[i] = bound.value();
  }
  return DateRangeQuery(values[0], values[1]);
}

}  // namespace archivar::search
