// index/compaction.h and index/sharded_build.h: compacting in place and
// building in parallel shards merged into one database.
#include "index/compaction.h"
#include "index/index_writer.h"
#include "index/sharded_build.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <string>

namespace archivar::index {
namespace {

using testing::MakeArticle;
using testing::TempDir;

// Every term of the database with its term frequency, as one string.
std::string AllTerms(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::string all;
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
    all += *term + ":" + std::to_string(term.get_termfreq()) + " ";
  }
  return all;
}

std::vector<Article> SomeArticles(int count) {
  std::vector<Article> articles;
  for (int i = 0; i < count; ++i) {
    articles.push_back(MakeArticle("id" + std::to_string(i), "Meldung " + std::to_string(i),
                                   "Die Polizei Berlin meldet einen Einsatz Nummer " +
                                       std::to_string(i % 7) + " in Neukölln."));
  }
  return articles;
}

TEST_CASE("CompactInPlace keeps every article and leaves nothing next to the database") {
  TempDir dir;
  std::string db = dir.Path("db");
  testing::BuildDatabase(db, SomeArticles(50), 7);
  std::string before = AllTerms(db);
  IndexWriter writer(db, 10);  // the caller holds the lock while compacting
  REQUIRE(CompactInPlace(db) == CompactionResult::kCompacted);
  writer.Close();
  RemoveCompactionLeftovers(db);
  CHECK(AllTerms(db) == before);
  CHECK(Xapian::Database(db).get_doccount() == 50);
  std::size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++entries;
  }
  CHECK(entries == 1);  // only "db"
}

// Builds `articles` through a ShardedBuild and merges its runs into `db`;
// returns how many runs it wrote.
std::size_t BuildAndMerge(const std::string& db, const std::vector<Article>& articles,
                          const ShardedBuild::Options& options, int* replaced) {
  IndexWriter target(db, 25);
  std::atomic<int> written{0};
  std::atomic<int> replacements{0};
  ShardedBuild build(db, options, persons::AliasTable::Builtin(),
                     [&](const WrittenArticle& article) {
                       ++written;
                       if (article.outcome == AddOutcome::kReplaced) ++replacements;
                     });
  for (const auto& article : articles) REQUIRE(build.Add(article, "-"));
  build.Finish();
  CHECK(written == static_cast<int>(articles.size()));
  std::size_t runs = build.ShardPaths().size();
  CHECK(FindShards(db).size() == runs);
  REQUIRE(ReplaceWithCompacted(db, build.ShardPaths()) == CompactionResult::kCompacted);
  target.Close();
  RemoveCompactionLeftovers(db);
  RemoveShards(db);
  CHECK(FindShards(db).empty());
  *replaced = replacements;
  return runs;
}

TEST_CASE("A sharded build holds the same terms as a build through one writer") {
  TempDir dir;
  std::vector<Article> articles = SomeArticles(120);
  articles.push_back(MakeArticle("id5", "Neue Fassung", "Ein ganz anderer Text."));
  testing::BuildDatabase(dir.Path("single"), articles, 25);

  ShardedBuild::Options options;
  options.shards = 3;
  options.batch_size = 25;
  int replaced = 0;
  SECTION("in one run per shard") {
    CHECK(BuildAndMerge(dir.Path("sharded"), articles, options, &replaced) == 3);
  }
  SECTION("in runs of 10 articles: a later version goes to its article's run") {
    options.articles_per_run = 10;
    CHECK(BuildAndMerge(dir.Path("sharded"), articles, options, &replaced) >= 12);
  }
  CHECK(replaced == 1);  // id5 came twice and replaced its first version
  CHECK(AllTerms(dir.Path("sharded")) == AllTerms(dir.Path("single")));
  CHECK(Xapian::Database(dir.Path("sharded")).get_doccount() == 120);
}

TEST_CASE("FindShards sees only the shards of its own database") {
  TempDir dir;
  std::filesystem::create_directories(dir.Path("db.archivar-shard-0"));
  std::filesystem::create_directories(dir.Path("db.archivar-shard-1"));
  std::filesystem::create_directories(dir.Path("db2.archivar-shard-0"));
  std::filesystem::create_directories(dir.Path("db"));
  CHECK(FindShards(dir.Path("db")) ==
        std::vector<std::string>{dir.Path("db.archivar-shard-0"),
                                 dir.Path("db.archivar-shard-1")});
  CHECK(FindShards(dir.Path("db") + "/").size() == 2);
  RemoveShards(dir.Path("db"));
  CHECK(FindShards(dir.Path("db")).empty());
  CHECK(FindShards(dir.Path("db2")).size() == 1);
}

}  // namespace
}  // namespace archivar::index
