// search/date_range.h: date bounds for queries and --from/--to.
#include "search/date_range.h"

#include "index/stored_article.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace archivar::search {
namespace {

using testing::MakeArticle;
using testing::TempDir;

TEST_CASE("DateBound turns days, months and years into the first or last day") {
  struct Case {
    const char* text;
    RangeEnd end;
    const char* value;
  };
  const Case cases[] = {
      {"2023-09-12", RangeEnd::kLow, "20230912"},
      {"2023-09-12", RangeEnd::kHigh, "20230912"},
      {"12.09.2023", RangeEnd::kLow, "20230912"},
      {"2024", RangeEnd::kLow, "20240101"},
      {"2024", RangeEnd::kHigh, "20241231"},
      {"2023-12", RangeEnd::kLow, "20231201"},
      {"2023-04", RangeEnd::kHigh, "20230430"},
      {"2023-12", RangeEnd::kHigh, "20231231"},
      {"2024-02", RangeEnd::kHigh, "20240229"},  // leap year
      {"2023-02", RangeEnd::kHigh, "20230228"},
      {"2000-02", RangeEnd::kHigh, "20000229"},  // divisible by 400
      {"1900-02", RangeEnd::kHigh, "19000228"},  // divisible by 100 only
  };
  for (const auto& c : cases) {
    INFO(c.text << (c.end == RangeEnd::kLow ? " (low)" : " (high)"));
    auto bound = DateBound(c.text, c.end);
    REQUIRE(bound.ok());
    CHECK(bound.value() == c.value);
  }
}

TEST_CASE("MonthBound gives the first or the last day of a month") {
  CHECK(MonthBound(2024, 2, RangeEnd::kLow) == "20240201");
  CHECK(MonthBound(2024, 2, RangeEnd::kHigh) == "20240229");
  CHECK(MonthBound(2023, 2, RangeEnd::kHigh) == "20230228");
  CHECK(MonthBound(2023, 11, RangeEnd::kHigh) == "20231130");
  CHECK(MonthBound(2023, 12, RangeEnd::kHigh) == "20231231");
}

TEST_CASE("DateBound explains what it cannot read") {
  const char* inputs[] = {
      "2023-13", "2023-00", "2021-02-30", "gestern", "23", "2023-1", "", "2023-09-12x",
      // Regression: a month before the year 1000 made the last-day search
      // loop forever; such years are outside the calendar ParseDate knows.
      "0999-02",
  };
  for (const char* input : inputs) {
    for (RangeEnd end : {RangeEnd::kLow, RangeEnd::kHigh}) {
      INFO(input << (end == RangeEnd::kLow ? " (low)" : " (high)"));
      auto bound = DateBound(input, end);
      REQUIRE_FALSE(bound.ok());
      CHECK(bound.error() == std::string("'") + input +
                                 "' is not a date; write YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY");
    }
  }
}

// Four articles on disk: two around a new year, a leap day and one undated.
class DatedArticles {
 public:
  DatedArticles() {
    testing::BuildDatabase(dir_.Path("db"), {
        MakeArticle("silvester", "T", "Text.", "2021-12-31"),
        MakeArticle("neujahr", "T", "Text.", "2022-01-01"),
        MakeArticle("schalttag", "T", "Text.", "2024-02-29"),
        MakeArticle("ohne", "T", "Text.", ""),
    });
  }

  std::shared_ptr<const DateRanges> Ranges() const {
    return std::make_shared<DateRanges>(Xapian::Database(dir_.Path("db")));
  }

  // Removes the date terms of every article, as in a database written
  // before them.
  void DropDateTerms() {
    Xapian::WritableDatabase db(dir_.Path("db"));
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
      Xapian::Document doc = db.get_document(*id);
      for (std::string prefix : {"XDY", "XDM", "XDD"}) {
        std::vector<std::string> dated(doc.termlist_begin(), doc.termlist_end());
        for (const auto& term : dated) {
          if (term.rfind(prefix, 0) == 0) doc.remove_term(term);
        }
      }
      db.replace_document(*id, doc);
    }
    db.commit();
  }

  // The ids of the articles `query` matches, sorted.
  std::vector<std::string> Matching(const Xapian::Query& query) const {
    Xapian::Database db(dir_.Path("db"));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::vector<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ids.push_back(index::ReadStoredArticle(it.get_document(), index::StoredBody::kSkip).id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

 private:
  TempDir dir_;
};

// The same ranges must match the same articles whether they are searched
// as date terms or, in a database without them, as value ranges.
void CheckInclusiveOpenRanges(const DatedArticles& fixture) {
  auto ranges = fixture.Ranges();
  using V = std::vector<std::string>;
  CHECK(fixture.Matching(ranges->Between("20211231", "20220101")) == V{"neujahr", "silvester"});
  CHECK(fixture.Matching(ranges->Between("20220101", "20220101")) == V{"neujahr"});
  CHECK(fixture.Matching(ranges->Between("20220101", "")) == V{"neujahr", "schalttag"});
  CHECK(fixture.Matching(ranges->Between("", "20211231")) == V{"silvester"});
  CHECK(fixture.Matching(ranges->Between("20240201", "20240229")) == V{"schalttag"});
  CHECK(fixture.Matching(ranges->Between("19000101", "99991231")) ==
        V{"neujahr", "schalttag", "silvester"});
  CHECK(fixture.Matching(ranges->Between("20250101", "")).empty());
  CHECK(fixture.Matching(ranges->Between("20220102", "20240228")).empty());
  // Both open: everything, undated articles included.
  CHECK(fixture.Matching(ranges->Between("", "")) == V{"neujahr", "ohne", "schalttag", "silvester"});
}

TEST_CASE("DateRanges matches inclusive bounds and leaves an empty bound open") {
  DatedArticles fixture;
  REQUIRE(fixture.Ranges()->UsesTerms());
  CheckInclusiveOpenRanges(fixture);
}

TEST_CASE("DateRanges falls back to the date value in a database without date terms") {
  DatedArticles fixture;
  fixture.DropDateTerms();
  REQUIRE_FALSE(fixture.Ranges()->UsesTerms());
  CheckInclusiveOpenRanges(fixture);
}

TEST_CASE("DateRanges on an archive without dated articles matches no bounded range") {
  TempDir dir;
  testing::BuildDatabase(dir.Path("db"), {MakeArticle("ohne", "T", "Text.", "")});
  Xapian::Database db(dir.Path("db"));
  DateRanges ranges(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(ranges.Between("20200101", ""));
  CHECK(enquire.get_mset(0, 10).empty());
  enquire.set_query(ranges.Between("", ""));
  CHECK(enquire.get_mset(0, 10).size() == 1);
}

TEST_CASE("DateRangeProcessor reads both ends and rejects a bad date with a readable error") {
  DatedArticles fixture;
  DateRangeProcessor processor("date:", fixture.Ranges());
  using V = std::vector<std::string>;
  CHECK(fixture.Matching(processor("2021", "2021")) == V{"silvester"});
  CHECK(fixture.Matching(processor("2024-02", "")) == V{"schalttag"});
  CHECK(fixture.Matching(processor("", "31.12.2021")) == V{"silvester"});
  try {
    processor("2021-02-30", "2022");
    FAIL("no exception for 2021-02-30");
  } catch (const Xapian::QueryParserError& e) {
    CHECK_THAT(e.get_msg(), Catch::StartsWith("date range: '2021-02-30' is not a date"));
  }
}

TEST_CASE("DateFieldProcessor reads a single day, month or year as its whole range") {
  DatedArticles fixture;
  DateFieldProcessor processor(fixture.Ranges());
  using V = std::vector<std::string>;
  CHECK(fixture.Matching(processor("2021")) == V{"silvester"});
  CHECK(fixture.Matching(processor("2024-02")) == V{"schalttag"});
  CHECK(fixture.Matching(processor("01.01.2022")) == V{"neujahr"});
  CHECK_THROWS_AS(processor("2023-13"), Xapian::QueryParserError);
}

}  // namespace
}  // namespace archivar::search
