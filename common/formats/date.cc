#include "formats/date.h"

#include <cstdio>

namespace archivar::formats {
namespace {

bool ParseDigits(std::string_view text, std::size_t pos, std::size_t count,
                 int* value) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

std::string Format(int year, int month, int day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// "YYYY-MM-DD", then nothing or a time part.
bool ParseIso(std::string_view t, int* y, int* m, int* d) {
  if (!(ParseDigits(t, 0, 4, y) && t.size() >= 10 && t[4] == '-' &&
        ParseDigits(t, 5, 2, m) && t[7] == '-' && ParseDigits(t, 8, 2, d))) {
    return false;
  }
  return t.size() == 10 || t[10] == 'T' || t[10] == ' ';
}

// "DD.MM.YYYY" exactly.
bool ParseGerman(std::string_view t, int* y, int* m, int* d) {
  return t.size() == 10 && ParseDigits(t, 0, 2, d) && t[2] == '.' &&
         ParseDigits(t, 3, 2, m) && t[5] == '.' && ParseDigits(t, 6, 4, y);
}

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDaysInMonth[] = {31, 28, 31, 30, 31, 30,
                                     31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsValidCalendarDate(int year, int month, int day) {
  return day >= 1 && day <= DaysInMonth(year, month);
}

std::optional<std::string> ParseDate(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  int year = 0, month = 0, day = 0;
  if (!ParseIso(text, &year, &month, &day) &&
      !ParseGerman(text, &year, &month, &day)) {
    return std::nullopt;
  }
  if (!IsValidCalendarDate(year, month, day)) return std::nullopt;
  return Format(year, month, day);
}

std::string CompactDate(int year, int month, int day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

}  // namespace archivar::formats
