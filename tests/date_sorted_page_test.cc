// search/date_sorted_page.h: date-sorted pages found in windows of months
// are the pages of the whole sorted match.
#include "search/date_sorted_page.h"

#include "index/stored_article.h"
#include "schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace archivar::search {
namespace {

using testing::MakeArticle;
using testing::TempDir;

// 300 reports over ten years, unevenly (250 of them in 2015 and 2016, so
// that windows sized for an even spread fall short and must grow), every
// seventh also about a fire (stem "feu"), every 23rd undated (and says
// so: "datum").
class ArchiveOfReports {
 public:
  ArchiveOfReports() {
    std::vector<Article> articles;
    for (int i = 0; i < 300; ++i) {
      char date[16];
      int year = i < 250 ? 2015 + i % 2 : 2017 + i % 8;
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", year,
                    1 + (i * 7) % 12, 1 + (i * 11) % 28);
      std::string body = i % 7 == 0 ? "Ein Bericht über ein Feuer." : "Ein Bericht.";
      if (i % 23 == 0) body += " Ohne Datum.";
      articles.push_back(MakeArticle("r" + std::to_string(i), "Bericht " + std::to_string(i),
                                     body, i % 23 == 0 ? "" : date));
    }
    testing::BuildDatabase(dir_.Path("db"), articles, /*batch_size=*/100);
  }

  // The ids and dates of a page of the articles holding `word` (from
  // `first` to `last` when given), and whether a window of months found it.
  std::vector<std::string> Page(const std::string& word, DateOrder order,
                                const std::string& first, const std::string& last,
                                Xapian::doccount offset, Xapian::doccount limit,
                                Xapian::doccount min_matches, bool* windowed = nullptr) const {
    Xapian::Database db(dir_.Path("db"));
    ParsedQuery parsed;
    parsed.dates = std::make_shared<DateRanges>(db);
    parsed.query = Xapian::Query(word);
    if (!first.empty() || !last.empty()) {  // as QueryBuilder adds --from/--to
      parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query,
                                   parsed.dates->Between(first, last));
      parsed.first_day = first;
      parsed.last_day = last;
    }
    Xapian::Enquire enquire(db);
    Xapian::MultiValueKeyMaker keys;
    SortByDate(enquire, keys, order);
    PageOfMatches found = FindDateSortedPage(enquire, parsed, order, offset, limit, min_matches);
    std::vector<std::string> ids = IdsAndDates(found.page);
    for (const std::string& undated : IdsAndDates(found.undated)) ids.push_back(undated);
    if (windowed) *windowed = enquire.get_query().get_description().find("XD") != std::string::npos;
    return ids;
  }

  // The same page of the whole match sorted by a key that puts undated
  // articles last either way.
  std::vector<std::string> PageSortedByKey(const std::string& word, bool newest_first,
                                           Xapian::doccount offset,
                                           Xapian::doccount limit) const {
    Xapian::Database db(dir_.Path("db"));
    Xapian::Enquire enquire(db);
    Xapian::MultiValueKeyMaker keys;
    keys.add_value(schema::kDateSlot, newest_first, newest_first ? "" : "99999999");
    enquire.set_sort_by_key_then_relevance(&keys, /*reverse=*/false);
    enquire.set_query(Xapian::Query(word));
    return IdsAndDates(enquire.get_mset(offset, limit));
  }

  // The total FindDateSortedPage gives for `word`.
  Xapian::doccount Total(const std::string& word, DateOrder order, Xapian::doccount offset,
                         Xapian::doccount limit) const {
    Xapian::Database db(dir_.Path("db"));
    ParsedQuery parsed;
    parsed.dates = std::make_shared<DateRanges>(db);
    parsed.query = Xapian::Query(word);
    Xapian::Enquire enquire(db);
    Xapian::MultiValueKeyMaker keys;
    SortByDate(enquire, keys, order);
    return FindDateSortedPage(enquire, parsed, order, offset, limit).matches_estimated;
  }

 private:
  static std::vector<std::string> IdsAndDates(const Xapian::MSet& matches) {
    std::vector<std::string> ids;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      auto article = index::ReadStoredArticle(it.get_document(), index::StoredBody::kSkip);
      ids.push_back(article.id + "@" + article.date);
    }
    return ids;
  }

 private:
  TempDir dir_;
};

// "newest" or "oldest", by key or by value.
std::string Describe(DateOrder order) {
  return std::string(order.newest_first ? "newest" : "oldest") +
         (order.by_value ? " by value" : " by key");
}

const DateOrder kOrders[] = {{true, false}, {false, false}, {true, true}, {false, true}};

TEST_CASE("A date-sorted page found in a window is the page of the whole sorted match") {
  ArchiveOfReports archive;
  const Xapian::doccount kAlwaysWindow = 1;
  const Xapian::doccount kNeverWindow = 1'000'000;
  int windowed_pages = 0;
  for (const char* word : {"bericht", "feu"}) {
    for (DateOrder order : kOrders) {
      for (auto [first, last] : {std::pair<std::string, std::string>{"", ""},
                                 {"20170301", "20201015"}, {"20230101", ""}}) {
        for (Xapian::doccount offset : {0u, 3u, 40u, 150u, 280u, 299u}) {
          for (Xapian::doccount limit : {1u, 10u}) {
            INFO(word << " " << Describe(order) << " from " << first << " to " << last
                      << " offset " << offset << " limit " << limit);
            bool windowed = false;
            auto found =
                archive.Page(word, order, first, last, offset, limit, kAlwaysWindow, &windowed);
            CHECK(found == archive.Page(word, order, first, last, offset, limit, kNeverWindow));
            windowed_pages += windowed;
          }
        }
      }
    }
  }
  CHECK(windowed_pages > 40);  // the windows were used, not only the whole sort
}

TEST_CASE("Undated articles end a date-sorted page in either order, sorted by key or by value") {
  ArchiveOfReports archive;  // 300 reports, 14 of them undated (ids 0, 23, ..., 299)
  const std::map<std::string, Xapian::doccount> matches{{"bericht", 300}, {"feu", 43},
                                                         {"datum", 14}};
  for (const auto& [word, count] : matches) {
    for (DateOrder order : kOrders) {
      // Offsets before, across and after the last dated match (286 of "bericht").
      for (Xapian::doccount offset : {0u, 3u, 280u, 284u, 286u, 290u, 299u}) {
        for (Xapian::doccount limit : {1u, 10u, 400u}) {
          INFO(word << " " << Describe(order) << " offset " << offset << " limit " << limit);
          CHECK(archive.Page(word, order, "", "", offset, limit, /*min_matches=*/1) ==
                archive.PageSortedByKey(word, order.newest_first, offset, limit));
          CHECK(archive.Total(word, order, offset, limit) == count);
        }
      }
    }
  }
  for (bool by_value : {false, true}) {
    std::vector<std::string> oldest = archive.Page("bericht", {false, by_value}, "", "", 285, 3, 1);
    REQUIRE(oldest.size() == 3);
    CHECK(oldest[0].back() != '@');  // the last dated report
    CHECK(oldest[1].back() == '@');  // then the undated ones
  }
}

}  // namespace
}  // namespace archivar::search
