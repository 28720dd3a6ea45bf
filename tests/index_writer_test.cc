// index/index_writer.h: adding, replacing and committing on disk.
#include "index/index_writer.h"

#include "index/stored_article.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>

namespace archivar::index {
namespace {

using testing::MakeArticle;
using testing::TempDir;

std::string StoredTitle(const std::string& db_path, const std::string& id) {
  Xapian::Database db(db_path);
  auto posting = db.postlist_begin(IdTerm(id));
  if (posting == db.postlist_end(IdTerm(id))) return "<missing>";
  return ReadStoredArticle(db.get_document(*posting)).title;
}

TEST_CASE("IndexWriter replaces an article re-added with the same id") {
  TempDir dir;
  const std::string db = dir.Path("db");
  {
    IndexWriter writer(db, 100);
    CHECK(writer.Add(MakeArticle("a1", "Alte Fassung", "Text eins.")) == AddOutcome::kNew);
    CHECK(writer.Add(MakeArticle("b2", "Anderer Artikel", "Text zwei.")) == AddOutcome::kNew);
    // Within the same uncommitted batch.
    CHECK(writer.Add(MakeArticle("a1", "Zweite Fassung", "Text eins.")) == AddOutcome::kReplaced);
    CHECK(writer.DocumentCount() == 2);
    writer.Close();
  }
  CHECK(StoredTitle(db, "a1") == "Zweite Fassung");
  {
    // In a later session, after the first was committed.
    IndexWriter writer(db, 100);
    CHECK(writer.Add(MakeArticle("a1", "Dritte Fassung", "Neuer Text.")) ==
          AddOutcome::kReplaced);
    CHECK(writer.DocumentCount() == 2);
  }
  CHECK(StoredTitle(db, "a1") == "Dritte Fassung");
  Xapian::Database reader(db);
  CHECK(reader.get_doccount() == 2);
  CHECK(reader.get_termfreq("zweit") == 0);  // the old version's words are gone
  CHECK(reader.get_termfreq("dritt") == 1);
}

TEST_CASE("IndexWriter commits every batch_size articles and on Close") {
  TempDir dir;
  const std::string db = dir.Path("db");
  IndexWriter writer(db, 2);
  writer.Add(MakeArticle("1", "Eins", "Text."));
  CHECK(Xapian::Database(db).get_doccount() == 0);  // not committed yet
  writer.Add(MakeArticle("2", "Zwei", "Text."));
  CHECK(Xapian::Database(db).get_doccount() == 2);  // batch full: committed
  writer.Add(MakeArticle("3", "Drei", "Text."));
  CHECK(Xapian::Database(db).get_doccount() == 2);
  writer.Commit();
  CHECK(Xapian::Database(db).get_doccount() == 3);
  writer.Add(MakeArticle("4", "Vier", "Text."));
  writer.Close();
  CHECK(Xapian::Database(db).get_doccount() == 4);
}

TEST_CASE("IndexWriter treats a batch size of 0 as 1") {
  TempDir dir;
  IndexWriter writer(dir.Path("db"), 0);
  writer.Add(MakeArticle("1", "Eins", "Text."));
  CHECK(Xapian::Database(dir.Path("db")).get_doccount() == 1);
}

TEST_CASE("IndexWriter holds the write lock until it is closed") {
  TempDir dir;
  const std::string db = dir.Path("db");
  IndexWriter first(db, 10);
  CHECK_THROWS_AS(IndexWriter(db, 10), Xapian::DatabaseLockError);
  first.Close();
  IndexWriter second(db, 10);
  CHECK(second.Add(MakeArticle("1", "Eins", "Text.")) == AddOutcome::kNew);
}

TEST_CASE("IndexWriter fails to open a path that is not a database") {
  TempDir dir;
  testing::WriteFile(dir.Path("file"), "not a database");
  CHECK_THROWS_AS(IndexWriter(dir.Path("file"), 10), Xapian::DatabaseError);
}

}  // namespace
}  // namespace archivar::index
