// formats/date.h: article and query dates.
#include "formats/date.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::formats {
namespace {

TEST_CASE("ParseDate reads ISO and German dates into YYYY-MM-DD") {
  struct Case {
    const char* input;
    const char* date;
  };
  const Case cases[] = {
      {"2023-09-12", "2023-09-12"},
      {"12.09.2023", "2023-09-12"},
      {"01.03.2022", "2022-03-01"},
      {"2023-09-12T10:15:00Z", "2023-09-12"},        // ISO with time
      {"2023-09-12T10:15:00+02:00", "2023-09-12"},
      {"2023-09-12 10:15", "2023-09-12"},            // space before the time
      {"  2023-09-12\t", "2023-09-12"},              // surrounding blanks
      {"1000-01-01", "1000-01-01"},
      {"9999-12-31", "9999-12-31"},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    auto date = ParseDate(c.input);
    REQUIRE(date.has_value());
    CHECK(*date == c.date);
  }
}

TEST_CASE("ParseDate accepts 29 February only in leap years") {
  struct Case {
    const char* input;
    bool valid;
  };
  const Case cases[] = {
      {"2024-02-29", true},   // divisible by 4
      {"29.02.2024", true},
      {"2000-02-29", true},   // divisible by 400
      {"2023-02-29", false},
      {"29.02.2023", false},
      {"1900-02-29", false},  // divisible by 100, not by 400
      {"2100-02-29", false},
      {"2023-02-28", true},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(ParseDate(c.input).has_value() == c.valid);
  }
}

TEST_CASE("ParseDate rejects impossible dates and other formats") {
  const char* inputs[] = {
      "2021-02-30", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
      "32.01.2023", "0999-12-31", "2023-9-12",  "12.9.2023",  "2023/09/12",
      "12-09-2023", "2023-09-12X", "20230912",  "gestern",    "",
      "2023-09",    "2023",
  };
  for (const char* input : inputs) {
    INFO(input);
    CHECK_FALSE(ParseDate(input).has_value());
  }
}

TEST_CASE("IsValidCalendarDate knows month lengths, leap years and the year range") {
  struct Case {
    int year, month, day;
    bool valid;
  };
  const Case cases[] = {
      {2024, 2, 29, true},  {2023, 2, 29, false}, {1900, 2, 29, false},
      {2000, 2, 29, true},  {2023, 1, 31, true},  {2023, 4, 31, false},
      {2023, 4, 30, true},  {2023, 12, 31, true}, {2023, 13, 1, false},
      {2023, 0, 1, false},  {2023, 1, 0, false},  {999, 1, 1, false},
      {1000, 1, 1, true},   {9999, 12, 31, true}, {10000, 1, 1, false},
  };
  for (const auto& c : cases) {
    INFO(c.year << "-" << c.month << "-" << c.day);
    CHECK(IsValidCalendarDate(c.year, c.month, c.day) == c.valid);
  }
}

TEST_CASE("DaysInMonth knows month lengths and leap years, 0 outside the calendar") {
  CHECK(DaysInMonth(2023, 1) == 31);
  CHECK(DaysInMonth(2023, 4) == 30);
  CHECK(DaysInMonth(2023, 2) == 28);
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(1900, 2) == 28);
  CHECK(DaysInMonth(2000, 2) == 29);
  CHECK(DaysInMonth(2023, 12) == 31);
  CHECK(DaysInMonth(2023, 13) == 0);
  CHECK(DaysInMonth(999, 1) == 0);
}

TEST_CASE("CompactDate writes the date slot's YYYYMMDD form with leading zeros") {
  CHECK(CompactDate(2024, 2, 29) == "20240229");
  CHECK(CompactDate(1999, 12, 1) == "19991201");
  CHECK(CompactDate(2005, 1, 9) == "20050109");
}

}  // namespace
}  // namespace archivar::formats
