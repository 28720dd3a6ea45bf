// Date parsing for article metadata and query ranges.  Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace archivar::formats {

// Parses "YYYY-MM-DD" (optionally followed by an ISO time, "T…" or " …")
// or German "DD.MM.YYYY" into "YYYY-MM-DD".  Returns nullopt for anything
// else, including impossible dates (2021-02-30).
std::optional<std::string> ParseDate(std::string_view text);

// True when year/month/day form a real calendar date (years 1000-9999).
bool IsValidCalendarDate(int year, int month, int day);

// The number of days of a month (28-31); 0 outside years 1000-9999 or
// months 1-12.
int DaysInMonth(int year, int month);

// A date in the date slot's form, "YYYYMMDD" (not checked).
std::string CompactDate(int year, int month, int day);

}  // namespace archivar::formats
