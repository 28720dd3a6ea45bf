// search/facet_columns.h: a facet slot's values in memory, and FacetSpy
// counting through them.
#include "search/facet_columns.h"

#include "schema.h"
#include "search/facets.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>
#include <vector>

namespace archivar::search {
namespace {

using testing::TempDir;

constexpr Xapian::valueno kSlot = 7;
const std::string kSep(1, schema::kFacetValueSeparator);

// Documents 1-5 on disk: several values, none, one, a deleted document,
// and an empty piece between separators.
Xapian::Database BuildValues(const TempDir& dir) {
  Xapian::WritableDatabase db(dir.Path("db"), Xapian::DB_CREATE_OR_OVERWRITE);
  auto add = [&](const std::string& value) {
    Xapian::Document doc;
    doc.add_term("x");
    if (!value.empty()) doc.add_value(kSlot, value);
    db.add_document(doc);
  };
  add("Merkel" + kSep + "Putin");
  add("");
  add("Putin");
  add("Obama");
  add(kSep + "Merkel" + kSep + kSep);
  db.delete_document(4);
  db.commit();
  return Xapian::Database(dir.Path("db"));
}

// The values of document `did`, as the column gives them.
std::vector<std::string> ValuesOf(const FacetColumn& column, Xapian::docid did) {
  std::vector<std::string> values;
  column.ForEachOrdinal(did, [&](FacetColumn::Ordinal o) { values.push_back(column.Value(o)); });
  return values;
}

TEST_CASE("FacetColumn holds each document's values by ordinal") {
  TempDir dir;
  Xapian::Database db = BuildValues(dir);
  FacetColumn column(db, kSlot);
  using V = std::vector<std::string>;
  CHECK(ValuesOf(column, 1) == V{"Merkel", "Putin"});
  CHECK(ValuesOf(column, 2).empty());
  CHECK(ValuesOf(column, 3) == V{"Putin"});
  CHECK(ValuesOf(column, 4).empty());  // deleted
  CHECK(ValuesOf(column, 5) == V{"Merkel"});
  CHECK(column.ValueCount() == 2);
  CHECK(column.Covers(5));
  CHECK_FALSE(column.Covers(6));
  REQUIRE(column.Find("Putin"));
  CHECK(column.Value(*column.Find("Putin")) == "Putin");
  CHECK_FALSE(column.Find("Obama"));
}

TEST_CASE("FacetColumn of an empty slot covers the documents with no values") {
  TempDir dir;
  Xapian::Database db = BuildValues(dir);
  FacetColumn column(db, kSlot + 1);
  CHECK(column.ValueCount() == 0);
  CHECK(column.Covers(3));
  CHECK(ValuesOf(column, 3).empty());
}

// Counts `slot` over every document of `db` with `spy`.
void CountAll(const Xapian::Database& db, FacetSpy& spy) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("x"));
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
}

std::string Describe(const std::vector<FacetCount>& counts) {
  std::string out;
  for (const auto& c : counts) out += c.value + "=" + std::to_string(c.count) + " ";
  return out;
}

TEST_CASE("FacetSpy counts the same with and without the column, and merges other counts") {
  TempDir dir;
  Xapian::Database db = BuildValues(dir);
  FacetColumn column(db, kSlot);
  FacetSpy plain(kSlot);
  FacetSpy through_column(kSlot, &column);
  CountAll(db, plain);
  CountAll(db, through_column);
  CHECK(Describe(plain.Top(0)) == "Merkel=2 Putin=2 ");
  CHECK(Describe(through_column.Top(0)) == Describe(plain.Top(0)));
  CHECK(Describe(through_column.Top(1, 3)) == "Merkel=6 ");
  // Counts from elsewhere (a remote shard) add to the column's.
  through_column.merge_results(plain.serialise_results());
  through_column.merge_results("Scholz" + kSep + "4\n");
  CHECK(Describe(through_column.Top(0)) == "Merkel=4 Putin=4 Scholz=4 ");
}

}  // namespace
}  // namespace archivar::search
