// index/document_builder.h: an article as a Xapian document.
#include "index/document_builder.h"

#include "index/sample_buckets.h"
#include "index/stored_article.h"
#include "schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>

namespace archivar::index {
namespace {

using testing::MakeArticle;
using testing::TempDir;

// Every term of a document as "term:wdf[positions]" in term order, for a
// whole-output comparison.
std::string DescribeDocument(const Xapian::Document& doc) {
  std::string out;
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    if (!out.empty()) out += ' ';
    out += *term + ":" + std::to_string(term.get_wdf());
    std::string positions;
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      positions += (positions.empty() ? "" : ",") + std::to_string(*pos);
    }
    if (!positions.empty()) out += "[" + positions + "]";
  }
  return out;
}

TEST_CASE("IdTerm and DateValue follow the schema") {
  CHECK(IdTerm("tb-1") == "Qtb-1");
  CHECK(DateValue("2023-09-12") == "20230912");
  CHECK(DateValue("").empty());
}

TEST_CASE("DocumentBuilder writes id, weighted title, body, prefixed fields, date and data") {
  Article article = MakeArticle("a1", "Neue Häuser", "Häuser brennen.", "2023-09-12",
                                "Tagesblatt", "Politik", "Anna Schmidt");
  analysis::Analyzer analyzer;
  persons::PersonRecognizer recognizer;
  Xapian::Document doc = DocumentBuilder(analyzer, recognizer).Build(article);

  // Title words at positions 1-2 with wdf 1 + title boost 3, and again under
  // S; the body starts 100 positions after the last title word (2 + 100);
  // "haus" occurs in both (4 + 1); the id term is boolean (wdf 0); author,
  // source and category words are under A, XS and XC; the date is a day,
  // a month and a year term (boolean); the article's sample bucket is one
  // more boolean term.
  CHECK(DescribeDocument(doc) ==
        "Aanna:1 Aschmidt:1 Qa1:0 Shaus:1 Sneu:1 " + SampleBucketTerm(SampleBucketOf("a1")) +
            ":0 XCpolit:1 XDD20230912:0 XDM202309:0 XDY2023:0 "
            "XSblatt:1 XStag:1 XStagesblatt:1 "
            "brenn:1[103] haus:5[2,102] neu:4[1]");
  CHECK(doc.get_value(schema::kDateSlot) == "20230912");
  CHECK(DecodeStoredArticle(doc.get_value(schema::kHeaderSlot)).id == "a1");
  CHECK(DecodeStoredArticle(doc.get_value(schema::kHeaderSlot)).body.empty());
  CHECK(DecompressBody(doc.get_value(schema::kBodySlot)) == "Häuser brennen.");
  CHECK(doc.get_data().empty());
  Article stored = ReadStoredArticle(doc);
  CHECK(stored.id == "a1");
  CHECK(stored.title == "Neue Häuser");
  CHECK(stored.body == "Häuser brennen.");
}

TEST_CASE("DocumentBuilder leaves the date slot empty for an undated article") {
  analysis::Analyzer analyzer;
  persons::PersonRecognizer recognizer;
  Xapian::Document doc = DocumentBuilder(analyzer, recognizer).Build(MakeArticle("u", "T", "Text."));
  CHECK(doc.get_value(schema::kDateSlot).empty());
}

TEST_CASE("DocumentBuilder skips terms over the 240-byte limit, prefix included") {
  // A word of 240 'x' is its own stem: 240 bytes fits, "S" + it (241) does
  // not; a body word of 241 'x' does not fit either but keeps its position.
  const std::string word240(240, 'x');
  const std::string word241(241, 'x');
  analysis::Analyzer analyzer;
  persons::PersonRecognizer recognizer;
  Xapian::Document doc = DocumentBuilder(analyzer, recognizer).Build(
      MakeArticle("a", word240, "Text " + word241 + " Text."));
  CHECK(DescribeDocument(doc) == "Qa:0 " + SampleBucketTerm(SampleBucketOf("a")) +
                                     ":0 text:2[101,103] " + word240 + ":4[1]");
}

TEST_CASE("A 300-byte word does not break indexing into an on-disk database") {
  // Xapian's disk backend rejects terms over 245 bytes; the builder must
  // skip the word but keep the positions of the words around it.
  const std::string long_word(300, 'a');
  TempDir dir;
  testing::BuildDatabase(dir.Path("db"),
                         {MakeArticle("lang", "Titel " + long_word, "Anfang " + long_word + " Ende",
                                      "2023-09-12", long_word, long_word, long_word)});
  Xapian::Database db(dir.Path("db"));
  REQUIRE(db.get_doccount() == 1);
  Xapian::Document doc = db.get_document(*db.postlist_begin(IdTerm("lang")));
  // Title: titel@1, the long word @2 (skipped); body from 2 + 100.
  CHECK(DescribeDocument(doc) == "Qlang:0 Stitel:1 " + SampleBucketTerm(SampleBucketOf("lang")) +
                                     ":0 XDD20230912:0 XDM202309:0 XDY2023:0 anfang:1[102] "
                                     "end:1[104] titel:4[1]");
}

}  // namespace
}  // namespace archivar::index
