#include "index/date_terms.h"

#include "formats/date.h"
#include "schema.h"

#include <cstdio>
#include <tuple>

namespace archivar::index {
namespace {

struct Day {
  int year = 0;
  int month = 0;
  int day = 0;

  bool operator<=(const Day& other) const {
    return std::tie(year, month, day) <= std::tie(other.year, other.month, other.day);
  }
};

bool ReadDay(std::string_view text, Day* out) {
  if (text.size() != 8 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return false;
  }
  auto number = [&](std::size_t begin, std::size_t length) {
    return std::stoi(std::string(text.substr(begin, length)));
  };
  *out = {number(0, 4), number(4, 2), number(6, 2)};
  return formats::IsValidCalendarDate(out->year, out->month, out->day);
}

Day NextDay(Day d) {
  if (d.day < formats::DaysInMonth(d.year, d.month)) return {d.year, d.month, d.day + 1};
  if (d.month < 12) return {d.year, d.month + 1, 1};
  return {d.year + 1, 1, 1};
}

std::string YearTerm(const Day& d) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d", d.year);
  return std::string(schema::kYearTermPrefix) + digits;
}

std::string MonthTerm(const Day& d) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d%02d", d.year, d.month);
  return std::string(schema::kMonthTermPrefix) + digits;
}

std::string DayTerm(const Day& d) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d%02d%02d", d.year, d.month, d.day);
  return std::string(schema::kDayTermPrefix) + digits;
}

}  // namespace

std::vector<std::string> DateTermsOfDay(std::string_view day) {
  Day d;
  if (!ReadDay(day, &d)) return {};
  return {YearTerm(d), MonthTerm(d), DayTerm(d)};
}

std::vector<std::string> DateTermsCovering(std::string_view first, std::string_view last) {
  Day current;
  Day end;
  std::vector<std::string> terms;
  if (!ReadDay(first, &current) || !ReadDay(last, &end)) return terms;
  while (current <= end) {
    Day end_of_year{current.year, 12, 31};
    Day end_of_month{current.year, current.month, formats::DaysInMonth(current.year, current.month)};
    if (current.month == 1 && current.day == 1 && end_of_year <= end) {
      terms.push_back(YearTerm(current));
      if (current.year == 9999) break;
      current = {current.year + 1, 1, 1};
    } else if (current.day == 1 && end_of_month <= end) {
      terms.push_back(MonthTerm(current));
      current = NextDay(end_of_month);
    } else {
      terms.push_back(DayTerm(current));
      current = NextDay(current);
    }
    if (current.year > 9999) break;
  }
  return terms;
}

}  // namespace archivar::index
