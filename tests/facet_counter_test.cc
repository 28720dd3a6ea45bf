// search/facet_counter.h: facet counts shared by two threads, the
// document sample (facets.h) alone and over shared blocks of ids, and the
// bucket sample of counts over remote shards.
#include "search/facet_counter.h"

#include "index/sample_buckets.h"
#include "schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace archivar::search {
namespace {

using testing::MakeArticle;
using testing::TempDir;

std::string Describe(const FacetCounts& counts) {
  std::string out = std::to_string(counts.matches) + " matches, step " +
                    std::to_string(counts.sample_step) + "\n";
  for (const auto& facet : counts.facets) {
    out += facet.name + ":";
    for (const auto& value : facet.values) out += " " + value.value + "=" + std::to_string(value.count);
    out += "\n";
  }
  return out;
}

// A database of `count` small articles (document ids 1 to count) at `path`.
Xapian::Database NumberedArticles(const std::string& path, int count) {
  std::vector<Article> articles;
  for (int i = 0; i < count; ++i) articles.push_back(MakeArticle("a" + std::to_string(i), "T", "B"));
  testing::BuildDatabase(path, articles, static_cast<std::size_t>(count));
  return Xapian::Database(path);
}

// Articles a0, a1, ... of the years 2010 to 2013 in turn, each with the
// words "neuer Bericht"; every third from the Tagesblatt, the others from
// the Abendblatt.
std::vector<Article> ReportsOfFourYears(int count) {
  std::vector<Article> articles;
  for (int i = 0; i < count; ++i) {
    articles.push_back(MakeArticle("a" + std::to_string(i), "Meldung", "Ein neuer Bericht.",
                                   std::to_string(2010 + i % 4) + "-05-01",
                                   i % 3 == 0 ? "Tagesblatt" : "Abendblatt"));
  }
  return articles;
}

// Enough reports (ReportsOfFourYears) that a count of the phrase every
// one of them holds ("neuer Bericht") is worth a helper (WorthSharing).
constexpr int kShareableReports = static_cast<int>(kMinSharedPositionalCandidates) + 100;
Xapian::Query NewReportPhrase() {
  return Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query("neu"), Xapian::Query("bericht"));
}

TEST_CASE("DocumentSample yields every n-th document id and skips forward") {
  TempDir dir;
  Xapian::Database db = NumberedArticles(dir.Path("db"), 10);
  DocumentSample sample(3);
  sample.init(db);
  CHECK(sample.get_termfreq_est() == 4);  // 1, 4, 7, 10
  std::vector<Xapian::docid> ids;
  for (sample.next(0); !sample.at_end(); sample.next(0)) ids.push_back(sample.get_docid());
  CHECK(ids == std::vector<Xapian::docid>{1, 4, 7, 10});
  sample.init(db);
  sample.skip_to(5, 0);
  CHECK(sample.get_docid() == 7);
  sample.skip_to(7, 0);
  CHECK(sample.get_docid() == 7);
  sample.skip_to(11, 0);
  CHECK(sample.at_end());
}

TEST_CASE("DocidBlocks hand out shrinking blocks, a quarter of the ids left, once each") {
  DocidBlocks blocks(1000, 10);
  std::vector<DocidBlocks::Block> claimed;
  for (auto block = blocks.ClaimNext(); !block.empty(); block = blocks.ClaimNext()) {
    claimed.push_back(block);
  }
  CHECK(blocks.AllClaimed());
  REQUIRE(claimed.size() >= 2);
  CHECK(claimed.front().first == 1);
  CHECK(claimed.front().last == 250);
  CHECK(claimed[1].last - claimed[1].first + 1 == 187);  // a quarter of the 750 left
  CHECK(claimed.back().last == 1000);
  for (std::size_t i = 1; i < claimed.size(); ++i) {
    CHECK(claimed[i].first == claimed[i - 1].last + 1);
    auto size = claimed[i].last - claimed[i].first + 1;
    CHECK(size <= claimed[i - 1].last - claimed[i - 1].first + 1);
    CHECK((size >= 10 || claimed[i].last == 1000));
  }
  CHECK(claimed.size() < 30);  // 64 equal blocks of 16 would take 63
}

TEST_CASE("DocidBlocks give two threads claiming at once each id once") {
  DocidBlocks blocks(200'000, 1);
  std::vector<DocidBlocks::Block> mine, theirs;
  auto claim_all = [&blocks](std::vector<DocidBlocks::Block>& claimed) {
    for (auto block = blocks.ClaimNext(); !block.empty(); block = blocks.ClaimNext()) {
      claimed.push_back(block);
    }
  };
  std::thread other(claim_all, std::ref(theirs));
  claim_all(mine);
  other.join();
  mine.insert(mine.end(), theirs.begin(), theirs.end());
  std::sort(mine.begin(), mine.end(), [](auto& a, auto& b) { return a.first < b.first; });
  REQUIRE_FALSE(mine.empty());
  CHECK(mine.front().first == 1);
  CHECK(mine.back().last == 200'000);
  for (std::size_t i = 1; i < mine.size(); ++i) CHECK(mine[i].first == mine[i - 1].last + 1);
}

TEST_CASE("DocumentSamples sharing blocks yield each sampled id once between them") {
  TempDir dir;
  Xapian::Database db = NumberedArticles(dir.Path("db"), 30);
  DocidBlocks blocks(30, 4);  // ids 1-7, 8-12, 13-16, ..., 29-30
  DocumentSample first(3, &blocks);
  DocumentSample second(3, &blocks);
  first.init(db);
  second.init(db);
  std::vector<Xapian::docid> firsts, seconds;
  first.next(0);   // claims 1-7: yields 1, 4, 7
  second.next(0);  // claims 8-12: yields 10
  while (!first.at_end() || !second.at_end()) {
    if (!first.at_end()) {
      firsts.push_back(first.get_docid());
      first.next(0);
    }
    if (!second.at_end()) {
      seconds.push_back(second.get_docid());
      second.next(0);
    }
  }
  CHECK(firsts.front() == 1);
  CHECK(seconds.front() == 10);
  CHECK(std::is_sorted(firsts.begin(), firsts.end()));
  CHECK(std::is_sorted(seconds.begin(), seconds.end()));
  std::multiset<Xapian::docid> both(firsts.begin(), firsts.end());
  both.insert(seconds.begin(), seconds.end());
  CHECK(both == std::multiset<Xapian::docid>{1, 4, 7, 10, 13, 16, 19, 22, 25, 28});
}

TEST_CASE("A DocumentSample skips to the next block it claims") {
  TempDir dir;
  Xapian::Database db = NumberedArticles(dir.Path("db"), 20);
  DocidBlocks blocks(20, 5);
  CHECK(blocks.ClaimNext().first == 1);  // another thread took ids 1-5
  DocumentSample sample(2, &blocks);
  sample.init(db);
  sample.skip_to(2, 0);  // claims 6-10
  CHECK(sample.get_docid() == 7);
  sample.next(0);
  CHECK(sample.get_docid() == 9);
  CHECK(blocks.ClaimNext().first == 11);  // another thread took 11-15
  sample.next(0);  // 11 is not its own: claims 16-20
  CHECK(sample.get_docid() == 17);
  sample.skip_to(20, 0);
  CHECK(sample.at_end());
}

TEST_CASE("A count with a person facet is exact up to, and samples, four times as many") {
  FacetsWanted years{{"year", "source"}, 10, 10'000};
  CHECK(ExactMatchesFor(years) == 10'000);
  FacetsWanted persons{{"year", "person"}, 10, 10'000};
  CHECK(ExactMatchesFor(persons) == 40'000);
  persons.exact_matches = std::numeric_limits<Xapian::doccount>::max() / 2;
  CHECK(ExactMatchesFor(persons) == std::numeric_limits<Xapian::doccount>::max());
}

TEST_CASE("WorthSharing shares large counts, phrases from fewer candidates") {
  CHECK_FALSE(WorthSharing(kMinSharedCandidates - 1, false));
  CHECK(WorthSharing(kMinSharedCandidates, false));
  CHECK_FALSE(WorthSharing(kMinSharedPositionalCandidates - 1, true));
  CHECK(WorthSharing(kMinSharedPositionalCandidates, true));
}

TEST_CASE("A helper shares a facet count and the counts stay those of one thread") {
  TempDir dir;
  testing::BuildDatabase(dir.Path("db"), ReportsOfFourYears(kShareableReports), 1'000);
  const Xapian::Query phrase = NewReportPhrase();
  FacetsWanted wanted{{"year", "source"}};
  FacetCounter alone(dir.Path("db"));
  const std::string expected = Describe(alone.Count(phrase, wanted));
  CHECK_THAT(expected, Catch::StartsWith(std::to_string(kShareableReports) + " matches, step 1"));

  FacetCounter counter(dir.Path("db"));
  Xapian::Database helper_db(dir.Path("db"));
  int helped = 0;
  for (int attempt = 0; attempt < 200 && helped < 3; ++attempt) {
    SharedFacetCount shared;
    std::atomic<bool> counted{false};
    FacetCounts counts;
    std::thread counting([&] {
      counts = counter.Count(phrase, wanted, &shared);
      counted = true;
    });
    bool joined = false;
    while (!counted && !joined) joined = shared.Help(helper_db);
    counting.join();
    helped += joined ? 1 : 0;
    CHECK(Describe(counts) == expected);
  }
  CHECK(helped == 3);  // the helper joined (and the counts above were merged)
}

TEST_CASE("HelpOnceOpen waits for the count to open and helps, or for it to close") {
  TempDir dir;
  Xapian::Database db = NumberedArticles(dir.Path("db"), 3);
  SECTION("a count closed without being opened: no help, once closed") {
    SharedFacetCount shared;
    std::atomic<bool> returned{false};
    bool helped = true;
    std::thread helper([&] {
      helped = shared.HelpOnceOpen(db);
      returned = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // past its poll: it sleeps
    CHECK_FALSE(returned.load());
    shared.Close();
    helper.join();
    CHECK_FALSE(helped);
  }
  SECTION("a helper ready before the count begins joins it") {
    testing::BuildDatabase(dir.Path("shared"), ReportsOfFourYears(kShareableReports), 1'000);
    const Xapian::Query phrase = NewReportPhrase();
    FacetsWanted wanted{{"year"}};
    FacetCounter alone(dir.Path("shared"));
    const std::string expected = Describe(alone.Count(phrase, wanted));
    FacetCounter counter(dir.Path("shared"));
    Xapian::Database helper_db(dir.Path("shared"));
    // The helper joins unless the count is over before it gets a core
    // (a loaded machine): it must join at least once.
    int helped = 0;
    for (int attempt = 0; attempt < 100 && helped == 0; ++attempt) {
      SharedFacetCount shared;
      std::atomic<bool> started{false};
      bool joined = false;
      std::thread helper([&] {
        started = true;
        joined = shared.HelpOnceOpen(helper_db);
      });
      while (!started) std::this_thread::yield();
      // Help alone would have found the count not yet open and given up.
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      FacetCounts counts = counter.Count(phrase, wanted, &shared);
      shared.Close();
      helper.join();
      helped += joined ? 1 : 0;
      CHECK(Describe(counts) == expected);
    }
    CHECK(helped > 0);
  }
}

TEST_CASE("BucketSampleStep rounds down to a power of two that divides the buckets") {
  CHECK(BucketSampleStep(1) == 1);
  CHECK(BucketSampleStep(kMinBucketSampleStep - 1) == 1);
  CHECK(BucketSampleStep(kMinBucketSampleStep) == kMinBucketSampleStep);
  CHECK(BucketSampleStep(10) == 8);
  CHECK(BucketSampleStep(16) == 16);
  CHECK(BucketSampleStep(1'000) == schema::kSampleBuckets);
}

// A stub file in `dir` that opens the databases `dbs` as shards of one,
// each "remote" through xapian-progsrv (Xapian's stock server on a pipe,
// as xapian-tcpsrv is on a port) or local; returns its path.
std::string StubFile(const TempDir& dir, const std::vector<std::pair<std::string, bool>>& dbs) {
  std::string lines;
  for (const auto& [db, remote] : dbs) lines += (remote ? "remote :xapian-progsrv " : "auto ") + db + "\n";
  std::string path = dir.Path("shards.stub");
  testing::WriteFile(path, lines);
  return path;
}

TEST_CASE("Over a remote shard, a large count is taken among a few sample buckets and scaled") {
  TempDir dir;
  const std::vector<Article> articles = ReportsOfFourYears(3'000);
  testing::BuildDatabase(dir.Path("db"), articles, 1'000);
  REQUIRE(HasSampleBuckets(Xapian::Database(dir.Path("db"))));
  FacetCounter counter(StubFile(dir, {{dir.Path("db"), true}}));
  FacetsWanted wanted{{"year"}};

  SECTION("beyond the exact count: the first eighth of the buckets, counts times 8") {
    wanted.exact_matches = 300;  // SampleStep 10, so a bucket sample of step 8
    Xapian::doccount sampled = 0;
    std::map<std::string, Xapian::doccount> sampled_by_year;
    for (const Article& article : articles) {
      if (index::SampleBucketOf(article.id) < schema::kSampleBuckets / 8) {
        ++sampled;
        ++sampled_by_year[article.date.substr(0, 4)];
      }
    }
    FacetCounts counts = counter.Count(Xapian::Query("bericht"), wanted);
    INFO(Describe(counts));
    CHECK(counts.sample_step == 8);
    CHECK(counts.matches == sampled);
    REQUIRE(counts.facets.size() == 1);
    REQUIRE(counts.facets[0].values.size() == 4);
    for (const auto& year : counts.facets[0].values) {
      CHECK(year.count == 8 * sampled_by_year[year.value]);
    }
  }
  SECTION("within the exact count: every match") {
    FacetCounts counts = counter.Count(Xapian::Query("bericht"), wanted);
    INFO(Describe(counts));
    CHECK(counts.sample_step == 1);
    CHECK(counts.matches == 3'000);
    REQUIRE(counts.facets.size() == 1);
    for (const auto& year : counts.facets[0].values) CHECK(year.count == 750);
  }
}

TEST_CASE("Over remote shards, a shard without sample buckets has every match counted") {
  // A database written before the buckets: the same articles without them.
  TempDir dir;
  {
    Xapian::WritableDatabase old(dir.Path("old"), Xapian::DB_CREATE);
    for (int i = 0; i < 400; ++i) {
      Xapian::Document doc;
      doc.add_term("bericht");
      doc.add_value(schema::kYearSlot, std::to_string(2010 + i % 4));
      old.add_document(doc);
    }
  }
  testing::BuildDatabase(dir.Path("new"), ReportsOfFourYears(2'600), 1'000);
  CHECK_FALSE(HasSampleBuckets(Xapian::Database(dir.Path("old"))));
  std::string shards = StubFile(dir, {{dir.Path("new"), true}, {dir.Path("old"), false}});
  CHECK_FALSE(HasSampleBuckets(Xapian::Database(shards)));

  FacetsWanted wanted{{"year"}};
  wanted.exact_matches = 300;
  FacetCounts counts = FacetCounter(shards).Count(Xapian::Query("bericht"), wanted);
  INFO(Describe(counts));
  CHECK(counts.sample_step == 1);
  CHECK(counts.matches == 3'000);
  REQUIRE(counts.facets.size() == 1);
  for (const auto& year : counts.facets[0].values) CHECK(year.count == 750);
}

}  // namespace
}  // namespace archivar::search
