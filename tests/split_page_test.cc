// search/split_page.h: a page ranked on two threads is the page one
// thread finds.
#include "search/split_page.h"

#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <future>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace archivar::search {
namespace {

using testing::MakeArticle;
using testing::TempDir;

// 3,000 reports (a dozen blocks of ids), weighed apart by how often they
// repeat their words; many weigh the same.
class ManyReports {
 public:
  ManyReports() {
    std::vector<Article> articles;
    const char* places[] = {"Hafen", "Bahnhof", "Markt"};
    for (int i = 0; i < 3'000; ++i) {
      std::string body;
      for (int n = 0; n <= i % 5; ++n) body += "Ein neuer Bericht vom " + std::string(places[i % 3]) + ". ";
      if (i % 7 == 0) body += "Wieder im Hafen.";
      articles.push_back(MakeArticle("r" + std::to_string(i), "Meldung", body));
    }
    testing::BuildDatabase(dir_.Path("db"), articles, 1'000);
  }
  std::string Path() const { return dir_.Path("db"); }

 private:
  TempDir dir_;
};

using Page = std::vector<std::pair<Xapian::docid, double>>;

Page IdsAndWeights(const Xapian::MSet& page) {
  Page out;
  for (auto it = page.begin(); it != page.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

Xapian::Query Words(Xapian::Query::op op, std::vector<std::string> terms) {
  return Xapian::Query(op, terms.begin(), terms.end());
}

TEST_CASE("WorthSplitting splits large queries of several words") {
  Xapian::Query one_word("bericht");
  Xapian::Query two_words = Words(Xapian::Query::OP_OR, {"bericht", "haf"});
  CHECK_FALSE(WorthSplitting(one_word, 1'000'000, kMinSplitMatches));
  CHECK_FALSE(WorthSplitting(two_words, kMinSplitMatches - 1, kMinSplitMatches));
  CHECK(WorthSplitting(two_words, kMinSplitMatches, kMinSplitMatches));
  CHECK(WorthSplitting(Words(Xapian::Query::OP_PHRASE, {"neu", "bericht"}), kMinSplitMatches,
                       kMinSplitMatches));
}

TEST_CASE("A page ranked on two threads is the page one thread finds") {
  ManyReports reports;
  Xapian::Database db(reports.Path());
  TaskThread helper;
  PageSplitter splitter(reports.Path(), /*min_matches=*/1, /*min_matches_after_facets=*/1);
  Xapian::Query compound(Xapian::Query::OP_OR, Xapian::Query("markt"),
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Words(Xapian::Query::OP_AND, {"haf", "bericht"}), 0.2));
  std::vector<std::pair<std::string, Xapian::Query>> queries = {
      {"phrase", Words(Xapian::Query::OP_PHRASE, {"neu", "bericht"})},
      {"or", Words(Xapian::Query::OP_OR, {"haf", "markt"})},
      {"and", Words(Xapian::Query::OP_AND, {"bericht", "haf"})},
      {"compound", compound}};
  for (const auto& [name, query] : queries) {
    for (Xapian::doccount offset : {0u, 7u, 40u}) {
      INFO(name << " offset " << offset);
      Xapian::Enquire one_thread(db);
      PageOfMatches expected = FindWholePage(one_thread, query, offset, 10);
      Xapian::Enquire enquire(db);
      auto found = splitter.Find(db, enquire, query, offset, 10, helper);
      REQUIRE(found);
      CHECK(IdsAndWeights(found->page) == IdsAndWeights(expected.page));
      CHECK(found->page.begin().get_rank() == offset);
      CHECK(found->matches_upper_bound == expected.matches_upper_bound);
      // The page's enquire still names the query's words for each hit.
      CHECK(enquire.get_matching_terms_begin(found->page.begin()) !=
            enquire.get_matching_terms_end(found->page.begin()));
    }
  }
}

TEST_CASE("A page splitter leaves one word and small queries to one thread") {
  ManyReports reports;
  Xapian::Database db(reports.Path());
  TaskThread helper;
  Xapian::Enquire enquire(db);
  PageSplitter splitter(reports.Path());  // 3,000 articles: below the real bound
  CHECK_FALSE(splitter.Find(db, enquire, Words(Xapian::Query::OP_OR, {"haf", "markt"}), 0, 10,
                            helper));
  PageSplitter any_size(reports.Path(), 1, 1);
  CHECK_FALSE(any_size.Find(db, enquire, Xapian::Query("bericht"), 0, 10, helper));
}

TEST_CASE("A page splitter leaves a database of several shards to one thread") {
  ManyReports reports;
  Xapian::Database shards(reports.Path());
  shards.add_database(Xapian::Database(reports.Path()));
  TaskThread helper;
  Xapian::Enquire enquire(shards);
  PageSplitter any_size(reports.Path(), 1, 1);
  CHECK_FALSE(any_size.Find(shards, enquire, Words(Xapian::Query::OP_OR, {"haf", "markt"}), 0, 10,
                            helper));
}

TEST_CASE("A helper that joins late finds its share taken and the page stays whole") {
  ManyReports reports;
  Xapian::Database db(reports.Path());
  TaskThread helper;
  PageSplitter splitter(reports.Path(), 1, 1);
  Xapian::Query query = Words(Xapian::Query::OP_OR, {"haf", "markt"});
  Xapian::Enquire one_thread(db);
  Page expected = IdsAndWeights(FindWholePage(one_thread, query, 0, 10).page);
  // The helper is busy (as with a facet count) until this thread is done.
  std::promise<void> own_share_done;
  auto busy = helper.Run([done = own_share_done.get_future()]() mutable { done.wait(); });
  bool called = false;
  Xapian::Enquire enquire(db);
  auto found = splitter.Find(db, enquire, query, 0, 10, helper, /*after_facets=*/true, [&] {
    called = true;
    own_share_done.set_value();
  });
  REQUIRE(found);
  CHECK(called);
  CHECK(IdsAndWeights(found->page) == expected);
}

}  // namespace
}  // namespace archivar::search
