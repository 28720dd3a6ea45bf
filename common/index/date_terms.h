// Date terms: every dated article gets a year, a month and a day term
// (schema.h: XDY2019, XDM201903, XDD20190315), so that a date filter is a
// handful of boolean terms — the fewest that cover the range — instead of
// a comparison of the date value of every candidate article, which made a
// date filter cost as much as the search itself.  Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace archivar::index {

// The three terms of one day given as "YYYYMMDD" (the date slot's form);
// none when `day` is not such a date.
std::vector<std::string> DateTermsOfDay(std::string_view day);

// The fewest year, month and day terms whose days are exactly those from
// `first` to `last` ("YYYYMMDD", both included): whole years as year
// terms, whole months as month terms, the rest as day terms.  Empty when
// `last` is before `first`.  Both must be real calendar dates.
std::vector<std::string> DateTermsCovering(std::string_view first, std::string_view last);

}  // namespace archivar::index
