// index/date_terms.h: the year, month and day terms of dated articles and
// the fewest of them that cover a range.
#include "index/date_terms.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace archivar::index {
namespace {

using Terms = std::vector<std::string>;

TEST_CASE("DateTermsOfDay gives the year, month and day terms of a real date only") {
  CHECK(DateTermsOfDay("20240229") == Terms{"XDY2024", "XDM202402", "XDD20240229"});
  CHECK(DateTermsOfDay("20230229").empty());  // no leap day in 2023
  CHECK(DateTermsOfDay("2024-02-29").empty());
  CHECK(DateTermsOfDay("").empty());
}

TEST_CASE("DateTermsCovering uses whole years, then whole months, then days") {
  CHECK(DateTermsCovering("20210101", "20221231") == Terms{"XDY2021", "XDY2022"});
  CHECK(DateTermsCovering("20211231", "20220101") == Terms{"XDD20211231", "XDD20220101"});
  CHECK(DateTermsCovering("20200301", "20200331") == Terms{"XDM202003"});
  CHECK(DateTermsCovering("20240201", "20240229") == Terms{"XDM202402"});  // leap year
  CHECK(DateTermsCovering("20230201", "20230228") == Terms{"XDM202302"});
  CHECK(DateTermsCovering("20200615", "20200615") == Terms{"XDD20200615"});
  CHECK(DateTermsCovering("20201130", "20210201") ==
        Terms{"XDD20201130", "XDM202012", "XDM202101", "XDD20210201"});
  CHECK(DateTermsCovering("20191201", "20210131") ==
        Terms{"XDM201912", "XDY2020", "XDM202101"});
}

TEST_CASE("DateTermsCovering covers every day of a range exactly once") {
  // Counts the days of each term and checks they add up to the range.
  auto days = [](const Terms& terms) {
    int total = 0;
    for (const auto& term : terms) {
      if (term.rfind("XDY", 0) == 0) {
        int year = std::stoi(term.substr(3));
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        total += leap ? 366 : 365;
      } else if (term.rfind("XDM", 0) == 0) {
        int year = std::stoi(term.substr(3, 4));
        int month = std::stoi(term.substr(7));
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const int lengths[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        total += lengths[month - 1];
      } else {
        total += 1;
      }
    }
    return total;
  };
  CHECK(days(DateTermsCovering("20190317", "20230805")) == 1603);
  CHECK(days(DateTermsCovering("19991231", "20000301")) == 62);
}

TEST_CASE("DateTermsCovering is empty for a reversed or unreadable range") {
  CHECK(DateTermsCovering("20220102", "20220101").empty());
  CHECK(DateTermsCovering("2022", "20221231").empty());
  CHECK(DateTermsCovering("20221301", "20221231").empty());
  CHECK(DateTermsCovering("99991231", "99991231") == Terms{"XDD99991231"});
  CHECK(DateTermsCovering("99990101", "99991231") == Terms{"XDY9999"});
}

}  // namespace
}  // namespace archivar::index
