// search/searcher.h: ranked and sorted hits with stored fields, titles and
// snippets, from an on-disk database.
#include "search/searcher.h"

#include "index/stored_article.h"
#include "schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace archivar::search {
namespace {

using testing::MakeArticle;
using testing::MarkHighlights;
using testing::TempDir;
using Ids = std::vector<std::string>;

// Four dated articles, each with "Bericht" in the body, and one undated
// article without it.
std::vector<Article> Fixture() {
  Article full = MakeArticle("b-2022", "Neue Häuser für Berlin",
                             "Ein Bericht über neue Häuser am Stadtrand.", "2022-03-15",
                             "Tagesblatt Berlin", "Lokales", "Anna Schmidt");
  full.url = "https://example.org/haeuser";
  full.editor_code = "dp/pcl";
  return {
      MakeArticle("b-2021", "Streik bei der Bahn", "Ein Bericht über den Streik.", "2021-12-31"),
      full,
      MakeArticle("b-2020", "Buchmesse eröffnet", "Ein Bericht von der Buchmesse.", "2020-10-14"),
      MakeArticle("b-2023", "Abzug der Truppen", "Ein Bericht über den Abzug.", "2023-09-12"),
      MakeArticle("ohne-datum", "Hochwasser an der Elbe", "Das Hochwasser steigt.", ""),
  };
}

class SearchFixture {
 public:
  explicit SearchFixture(const std::vector<Article>& articles = Fixture()) {
    testing::BuildDatabase(dir_.Path("db"), articles);
  }

  Result<SearchResponse> Search(const SearchRequest& request) {
    Searcher searcher(dir_.Path("db"));
    return searcher.Search(request);
  }

  // The facets of `request` from a searcher keeping facet values in memory,
  // asked twice (the first search loads the columns).
  SearchResponse SearchKeepingFacetValues(const SearchRequest& request) {
    Searcher searcher(dir_.Path("db"));
    searcher.KeepFacetValuesInMemory();
    REQUIRE(searcher.Search(request));
    auto response = searcher.Search(request);
    REQUIRE(response);
    return response.value();
  }

  SearchResponse MustSearch(const SearchRequest& request) {
    auto response = Search(request);
    INFO("query: " << request.query);
    if (!response) FAIL("search failed: " << response.error());
    return response.value();
  }

  static Ids IdsOf(const SearchResponse& response) {
    Ids ids;
    for (const auto& hit : response.hits) ids.push_back(hit.article.id);
    return ids;
  }

  // Stores every article as the versions before the body value did: the
  // whole article as JSON document data, with or without the header value.
  void StoreAsBeforeBodyValue(bool keep_header) {
    Rewrite([keep_header](Xapian::Document& doc) {
      doc.set_data(index::EncodeStoredArticle(index::ReadStoredArticle(doc)));
      doc.remove_value(schema::kBodySlot);
      if (!keep_header) doc.remove_value(schema::kHeaderSlot);
    });
  }

  // Removes the terms starting with `prefix` from every article, as in a
  // database written before those terms existed.
  void DropTerms(std::string_view prefix) {
    Rewrite([prefix](Xapian::Document& doc) {
      std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
      for (const auto& term : terms) {
        if (term.rfind(prefix, 0) == 0) doc.remove_term(term);
      }
    });
  }

 private:
  template <typename Change>
  void Rewrite(Change change) {
    Xapian::WritableDatabase db(dir_.Path("db"));
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
      Xapian::Document doc = db.get_document(*id);
      change(doc);
      db.replace_document(*id, doc);
    }
    db.commit();
  }

  TempDir dir_;
};

SearchRequest Request(const std::string& query, SortOrder sort = SortOrder::kRelevance,
                      std::size_t limit = 10, std::size_t offset = 0) {
  SearchRequest request;
  request.query = query;
  request.sort = sort;
  request.limit = limit;
  request.offset = offset;
  return request;
}

TEST_CASE("Searcher puts undated articles last in both date orders") {
  SearchFixture fixture;
  std::string query = "Bericht OR Hochwasser";
  CHECK(SearchFixture::IdsOf(fixture.MustSearch(Request(query, SortOrder::kNewest))) ==
        Ids{"b-2023", "b-2022", "b-2021", "b-2020", "ohne-datum"});
  CHECK(SearchFixture::IdsOf(fixture.MustSearch(Request(query, SortOrder::kOldest))) ==
        Ids{"b-2020", "b-2021", "b-2022", "b-2023", "ohne-datum"});
}

TEST_CASE("Searcher highlights words matched through a field prefix") {
  SearchFixture fixture;
  auto response = fixture.MustSearch(Request("title:Häuser"));
  REQUIRE(response.hits.size() == 1);
  CHECK(MarkHighlights(response.hits[0].title) == "Neue [Häuser] für Berlin");
}

TEST_CASE("Searcher counts facet values over all matches, not just the page shown") {
  SearchFixture fixture;
  SearchRequest request = Request("Bericht OR Hochwasser", SortOrder::kRelevance, /*limit=*/1);
  request.facets = {"year", "source"};
  auto response = fixture.MustSearch(request);
  CHECK(response.hits.size() == 1);
  REQUIRE(response.facets.size() == 2);
  CHECK(response.facets[0].name == "year");
  std::string years;
  for (const auto& value : response.facets[0].values) {
    years += value.value + "=" + std::to_string(value.count) + " ";
  }
  // Four dated matches in four years; the undated article has no year.
  CHECK(years == "2020=1 2021=1 2022=1 2023=1 ");
  // Only one article has a source.
  REQUIRE(response.facets[1].values.size() == 1);
  CHECK(response.facets[1].values[0].value == "Tagesblatt Berlin");
  CHECK(response.facets[1].values[0].count == 1);
}

TEST_CASE("Searcher estimates facets from an even sample when a query matches too many") {
  // 80 articles over four years in indexing order: a sample of the first
  // ids would see only 2010.
  std::vector<Article> articles;
  for (int i = 0; i < 80; ++i) {
    articles.push_back(MakeArticle("a" + std::to_string(i), "Meldung", "Ein Bericht.",
                                   std::to_string(2010 + i / 20) + "-05-01"));
  }
  SearchFixture fixture(articles);
  SearchRequest request = Request("Bericht");
  request.facets = {"year"};
  auto check_years = [](const SearchResponse& response) {
    REQUIRE(response.facets[0].values.size() == 4);
    for (const auto& year : response.facets[0].values) CHECK(year.count == 20);
  };
  SECTION("exact up to the limit") {
    auto response = fixture.MustSearch(request);
    CHECK(response.facet_sample_step == 1);
    CHECK(response.total == 80);
    check_years(response);
  }
  SECTION("exact while a sample would save too little") {
    request.exact_facet_matches = 40;  // a step of 2
    auto response = fixture.MustSearch(request);
    CHECK(response.facet_sample_step == 1);
    check_years(response);
  }
  SECTION("every n-th article beyond it, counts scaled by n") {
    request.exact_facet_matches = 20;
    auto response = fixture.MustSearch(request);
    CHECK(response.facet_sample_step == 4);
    check_years(response);
  }
  SECTION("a person facet samples four times as many") {
    request.facets = {"year", "person"};
    request.exact_facet_matches = 20;  // 80 for persons: all of them
    auto response = fixture.MustSearch(request);
    CHECK(response.facet_sample_step == 1);
    check_years(response);
  }
  SECTION("a phrase is sampled at any step: each candidate costs a position check") {
    request.query = "\"Ein Bericht\"";
    request.exact_facet_matches = 40;
    auto response = fixture.MustSearch(request);
    CHECK(response.facet_sample_step == 2);
    check_years(response);
  }
}

TEST_CASE("SampleStep counts exactly up to the limit and samples only where it pays") {
  CHECK(SampleStep(0, 10'000, false) == 1);
  CHECK(SampleStep(10'000, 10'000, false) == 1);
  CHECK(SampleStep(30'000, 10'000, false) == 1);   // a step of 3
  CHECK(SampleStep(30'001, 10'000, false) == 4);
  CHECK(SampleStep(100'000, 10'000, false) == 10);
  CHECK(SampleStep(10'001, 10'000, true) == 2);
  CHECK(SampleStep(30'000, 10'000, true) == 3);
  CHECK(SampleStep(5, 0, false) == 5);  // a limit of 0 is taken as 1
}

TEST_CASE("ChecksPositions finds phrase and NEAR subqueries at any depth") {
  using Q = Xapian::Query;
  CHECK_FALSE(ChecksPositions(Q("haus")));
  CHECK_FALSE(ChecksPositions(Q(Q::OP_AND, Q("a"), Q("b"))));
  CHECK(ChecksPositions(Q(Q::OP_PHRASE, Q("a"), Q("b"))));
  CHECK(ChecksPositions(Q(Q::OP_NEAR, Q("a"), Q("b"))));
  CHECK(ChecksPositions(Q(Q::OP_OR, Q("c"), Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_PHRASE, Q("a"), Q("b")), 2))));
}

TEST_CASE("Searcher counts the same facets with the values kept in memory") {
  std::vector<Article> articles = Fixture();
  for (int i = 0; i < 30; ++i) {
    articles.push_back(MakeArticle("m" + std::to_string(i), "Meldung",
                                   "Ein Bericht. Angela Merkel sprach mit Olaf Scholz.",
                                   std::to_string(2010 + i % 4) + "-05-01",
                                   i % 3 == 0 ? "Tagesblatt" : "Abendblatt"));
  }
  SearchFixture fixture(articles);
  SearchRequest request = Request("Bericht OR Hochwasser");
  request.facets = {"year", "source", "person"};
  auto facets = [](const SearchResponse& response) {
    std::string out;
    for (const auto& facet : response.facets) {
      out += facet.name + ":";
      for (const auto& value : facet.values) out += " " + value.value + "=" + std::to_string(value.count);
      out += "\n";
    }
    return out;
  };
  for (Xapian::doccount exact : {10'000u, 10u}) {
    request.exact_facet_matches = exact;
    INFO("exact_facet_matches " << exact);
    auto counted = fixture.MustSearch(request);
    auto kept = fixture.SearchKeepingFacetValues(request);
    CHECK(counted.facet_sample_step == kept.facet_sample_step);
    CHECK(facets(kept) == facets(counted));
    CHECK_THAT(facets(kept), Catch::Contains("Angela Merkel="));
  }
}

TEST_CASE("Searcher rejects an unknown facet with the names it knows") {
  SearchFixture fixture;
  SearchRequest request = Request("Bericht");
  request.facets = {"colour"};
  auto response = fixture.Search(request);
  REQUIRE_FALSE(response.ok());
  CHECK(response.error() == "unknown facet 'colour'; use source, category, year, person");
}

TEST_CASE("Searcher sorts newest first and oldest first by date") {
  SearchFixture fixture;
  CHECK(SearchFixture::IdsOf(fixture.MustSearch(Request("Bericht", SortOrder::kNewest))) ==
        Ids{"b-2023", "b-2022", "b-2021", "b-2020"});
  CHECK(SearchFixture::IdsOf(fixture.MustSearch(Request("Bericht", SortOrder::kOldest))) ==
        Ids{"b-2020", "b-2021", "b-2022", "b-2023"});
}

TEST_CASE("Searcher pages with limit and offset and numbers hits from the first result") {
  SearchFixture fixture;
  SearchResponse page = fixture.MustSearch(Request("Bericht", SortOrder::kNewest, 2, 1));
  CHECK(SearchFixture::IdsOf(page) == Ids{"b-2022", "b-2021"});
  REQUIRE(page.hits.size() == 2);
  CHECK(page.hits[0].rank == 2);
  CHECK(page.hits[1].rank == 3);
  CHECK(page.offset == 1);
  CHECK(page.total == 4);
  CHECK(page.query == "Bericht");

  SearchResponse past_end = fixture.MustSearch(Request("Bericht", SortOrder::kNewest, 2, 10));
  CHECK(past_end.hits.empty());
  CHECK(past_end.total == 4);
}

TEST_CASE("Searcher ranks a title match above a body match") {
  // Same words and lengths; "Hochwasser" is in the title of one and in the
  // body of the other.  Title words carry extra weight.
  SearchFixture fixture({
      MakeArticle("im-text", "Lage in Dresden", "Das Hochwasser ist ernst. Viele helfen."),
      MakeArticle("im-titel", "Hochwasser in Dresden", "Die Lage ist ernst. Viele helfen."),
  });
  SearchResponse response = fixture.MustSearch(Request("Hochwasser"));
  CHECK(SearchFixture::IdsOf(response) == Ids{"im-titel", "im-text"});
  REQUIRE(response.hits.size() == 2);
  CHECK(response.hits[0].score > response.hits[1].score);
}

TEST_CASE("Searcher returns the stored fields with the highlighted title and snippet") {
  SearchFixture fixture;
  SECTION("stored as header and body values") {}
  SECTION("stored as document data, as before the body value") {
    fixture.StoreAsBeforeBodyValue(/*keep_header=*/true);
  }
  SECTION("stored as document data only, as before the header value") {
    fixture.StoreAsBeforeBodyValue(/*keep_header=*/false);
  }
  SearchResponse response = fixture.MustSearch(Request("Haus"));
  REQUIRE(response.hits.size() == 1);
  const SearchHit& hit = response.hits[0];
  CHECK(hit.rank == 1);
  CHECK(hit.article.id == "b-2022");
  CHECK(hit.article.title == "Neue Häuser für Berlin");
  CHECK(hit.article.date == "2022-03-15");
  CHECK(hit.article.source == "Tagesblatt Berlin");
  CHECK(hit.article.category == "Lokales");
  CHECK(hit.article.author == "Anna Schmidt");
  CHECK(hit.article.url == "https://example.org/haeuser");
  CHECK(hit.article.body == "Ein Bericht über neue Häuser am Stadtrand.");
  CHECK(hit.article.editor_code == "dp/pcl");
  CHECK(MarkHighlights(hit.title) == "Neue [Häuser] für Berlin");
  CHECK(MarkHighlights(hit.snippet) == "Ein Bericht über neue [Häuser] am Stadtrand.");
}

TEST_CASE("Searcher highlights the names of the person a person: query asks for") {
  std::string opening;
  for (int i = 0; i < 40; ++i) opening += "Der Regen fiel den ganzen Tag. ";
  SearchFixture fixture({
      MakeArticle("kreml", "Reise nach Minsk",
                  opening + "Dann teilte der Kreml mit, Wladimir Putin reise nach Minsk. "
                            "Putins Sprecher bestätigte das."),
  });
  SearchResponse response = fixture.MustSearch(Request("person:\"Vladimir Putin\""));
  REQUIRE(response.hits.size() == 1);
  // The snippet leaves the opening for the passage naming him.
  std::string snippet = MarkHighlights(response.hits[0].snippet);
  CHECK_THAT(snippet, Catch::StartsWith("…") &&
                          Catch::EndsWith("[Wladimir] [Putin] reise nach Minsk. [Putins] Sprecher "
                                          "bestätigte das."));
  CHECK(MarkHighlights(response.hits[0].title) == "Reise nach Minsk");
}

TEST_CASE("Searcher does not highlight a person's short name words that are common words") {
  SearchFixture fixture({
      MakeArticle("pjoengjang", "Raketentest",
                  "Machthaber Kim Jong Un ignorierte die Resolution der UN erneut."),
  });
  SearchResponse response = fixture.MustSearch(Request("person:\"Kim Jong Un\""));
  REQUIRE(response.hits.size() == 1);
  CHECK(MarkHighlights(response.hits[0].snippet) ==
        "Machthaber [Kim] [Jong] Un ignorierte die Resolution der UN erneut.");
}

TEST_CASE("Searcher lists hits without snippets with every stored field but the body") {
  SearchFixture fixture;
  SearchRequest request = Request("Haus");
  request.snippets = false;
  SECTION("from the header value") {}
  SECTION("from a database written before the body value") {
    fixture.StoreAsBeforeBodyValue(/*keep_header=*/true);
  }
  SECTION("from the document data of a database without header values") {
    fixture.StoreAsBeforeBodyValue(/*keep_header=*/false);
  }
  SearchResponse response = fixture.MustSearch(request);
  REQUIRE(response.hits.size() == 1);
  const Article& article = response.hits[0].article;
  CHECK(article.id == "b-2022");
  CHECK(article.title == "Neue Häuser für Berlin");
  CHECK(article.date == "2022-03-15");
  CHECK(article.source == "Tagesblatt Berlin");
  CHECK(article.category == "Lokales");
  CHECK(article.author == "Anna Schmidt");
  CHECK(article.url == "https://example.org/haeuser");
  CHECK(article.editor_code == "dp/pcl");
  CHECK(article.body.empty());
  CHECK(response.hits[0].title.text == "Neue Häuser für Berlin");
}

TEST_CASE("Searcher names the people of an ambiguous surname, also in an older database") {
  SearchFixture fixture({
      MakeArticle("s1", "Zwei Schmidts im Rathaus",
                  "Bürgermeister Helmut Schmidt und Stadträtin Renate Schmidt stritten."),
      MakeArticle("s2", "Rathaus", "Schmidt sagte nichts."),
  });
  SECTION("from the surname's full-name terms") {}
  SECTION("from every person term, in a database without those terms") {
    fixture.DropTerms(schema::kFullNameBySurnamePrefix);
  }
  SearchResponse response = fixture.MustSearch(Request("person:Schmidt"));
  CHECK(SearchFixture::IdsOf(response) == Ids{"s2"});
  CHECK_THAT(response.note, Catch::Contains("could mean 2 people (Helmut Schmidt, Renate Schmidt)"));
}

TEST_CASE("Searcher reports no hits for a word that is not there") {
  SearchFixture fixture;
  SearchResponse response = fixture.MustSearch(Request("Erdbeben"));
  CHECK(response.hits.empty());
  CHECK(response.total == 0);
  CHECK(response.note.empty());
}

TEST_CASE("Searcher passes on the note of a query read as plain words") {
  SearchFixture fixture;
  SearchResponse response = fixture.MustSearch(Request("Hochwasser AND"));
  CHECK(SearchFixture::IdsOf(response) == Ids{"ohne-datum"});
  CHECK_FALSE(response.note.empty());
}

TEST_CASE("Searcher fails with a message for an unusable query or filter") {
  SearchFixture fixture;
  auto stop_words = fixture.Search(Request("der die"));
  REQUIRE_FALSE(stop_words.ok());
  CHECK_THAT(stop_words.error(), Catch::StartsWith("the query has no searchable words"));

  SearchRequest request = Request("Bericht");
  request.filters.to = "31.02.2022";
  auto bad_to = fixture.Search(request);
  REQUIRE_FALSE(bad_to.ok());
  CHECK_THAT(bad_to.error(), Catch::StartsWith("--to: '31.02.2022' is not a date"));
}

TEST_CASE("Searcher refuses to open a missing database") {
  TempDir dir;
  CHECK_THROWS_AS(Searcher(dir.Path("nowhere")), Xapian::DatabaseOpeningError);
}

}  // namespace
}  // namespace archivar::search
