// End-to-end tests of person search through both programs: recognition at
// indexing time, person: queries and --person, persons with each result,
// --facet person, --persons and --aliases.
#include "process_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using archivar::testing::JsonLine;
using archivar::testing::Run;
using archivar::testing::Workspace;
using archivar::testing::WriteFile;
using Ids = std::vector<std::string>;

Ids Sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Articles whose persons are known by construction.
void WritePersonFixture(const Workspace& ws) {
  WriteFile(ws.Path("in/p.jsonl"),
            JsonLine("p1", "Gipfel in Wladiwostok", "2023-09-13", "Q", "Politik",
                     "Der russische Präsident Wladimir Putin empfing Kim Jong Un. "
                     "Putin sprach von Zusammenarbeit, Kim lobte Putins Gastfreundschaft.") +
            JsonLine("p2", "Kreml äußert sich", "2023-09-14", "Q", "Politik",
                     "Vladimir Putin sagte am Donnerstag, er sei zufrieden.") +
            JsonLine("p3", "Ministerin besucht Deich", "2022-09-28", "Q", "Lokales",
                     "Umweltministerin Katrin Albers besichtigte den Deich. "
                     "Albers sagte, der Schutz habe Vorrang.") +
            JsonLine("p4", "Landtag debattiert", "2022-10-05", "Q", "Politik",
                     "Im Landtag kritisierte die Opposition Ministerin Albers scharf.") +
            JsonLine("p5", "Zwei Schmidts im Rathaus", "2021-01-01", "Q", "Lokales",
                     "Bürgermeister Helmut Schmidt und Stadträtin Renate Schmidt stritten.") +
            JsonLine("p6", "Ohne Namen", "2021-02-02", "Q", "Lokales",
                     "Im Rathaus blieb es am Montag ruhig."));
}

}  // namespace

TEST_CASE("Persons: dry run lists each mention with its offsets and person") {
  Workspace ws;
  WritePersonFixture(ws);
  Run run = ws.Exec(archivar::testing::IndexProgram(),
                    {"--dry-run", "--json", ws.Path("in/p.jsonl").string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  json first = json::parse(run.out.substr(0, run.out.find('\n')));
  CHECK(first["persons"] == json::parse(R"(["Wladimir Putin", "Kim Jong Un"])"));
  std::string body = "Der russische Präsident Wladimir Putin empfing Kim Jong Un. "
                     "Putin sprach von Zusammenarbeit, Kim lobte Putins Gastfreundschaft.";
  std::string mentions;
  for (const auto& mention : first["person_mentions"]) {
    std::size_t start = mention["start"], end = mention["end"];
    CHECK(body.substr(start, end - start) == mention["text"].get<std::string>());
    mentions += mention["text"].get<std::string>() + "=" + mention["person"].get<std::string>() + "; ";
  }
  CHECK(mentions ==
        "Wladimir Putin=Wladimir Putin; Kim Jong Un=Kim Jong Un; Putin=Wladimir Putin; "
        "Kim=Kim Jong Un; Putins=Wladimir Putin; ");
}

TEST_CASE("Persons: person: finds every form of a person and only that person") {
  Workspace ws;
  WritePersonFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  // Full name, transliteration and famous surname all mean one person.
  CHECK(Sorted(ws.Ids({"person:\"Wladimir Putin\""})) == Ids{"p1", "p2"});
  CHECK(Sorted(ws.Ids({"person:\"Vladimir Putin\""})) == Ids{"p1", "p2"});
  CHECK(Sorted(ws.Ids({"person:Putin"})) == Ids{"p1", "p2"});
  CHECK(ws.Ids({"--person", "Kim Jong-un"}) == Ids{"p1"});
  // Several --person options: all of them.
  CHECK(ws.Ids({"--person", "Putin", "--person", "Kim Jong Un"}) == Ids{"p1"});
  // A surname with one full name in the archive: that person and the
  // articles naming just the surname.
  CHECK(Sorted(ws.Ids({"person:Albers"})) == Ids{"p3", "p4"});
  // The full name also finds the surname-only article: the archive knows no
  // other Albers.
  CHECK(Sorted(ws.Ids({"person:\"Katrin Albers\""})) == Ids{"p3", "p4"});
  // A surname of two people: a note, and Schmidt* for either.
  Run ambiguous = ws.Search({"person:Schmidt", "--json"});
  CHECK(json::parse(ambiguous.out)["note"].get<std::string>().find("could mean 2 people") !=
        std::string::npos);
  CHECK(ws.Ids({"person:Schmidt*"}) == Ids{"p5"});
  CHECK(ws.Ids({"person:\"Helmut Schmidt\""}) == Ids{"p5"});
  CHECK(ws.Ids({"person:\"Renate Schmidt\""}) == Ids{"p5"});
  CHECK(ws.Ids({"person:\"Angela Merkel\""}).empty());
}

TEST_CASE("Persons: a person: search marks the person's names in every form") {
  Workspace ws;
  WritePersonFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);
  Run search = ws.Search({"person:\"Vladimir Putin\""});
  REQUIRE(search.status == 0);
  CHECK(search.out.find("**Wladimir** **Putin** empfing") != std::string::npos);
  CHECK(search.out.find("Kim lobte **Putins** Gastfreundschaft") != std::string::npos);
  CHECK(search.out.find("Vladimir **Putin** sagte") != std::string::npos);
  CHECK(search.out.find("**Kim**") == std::string::npos);  // only the person asked for
}

TEST_CASE("Persons: results list their persons; facets and the who's who count them") {
  Workspace ws;
  WritePersonFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  Run search = ws.Search({"Gastfreundschaft", "--json", "--facet", "person"});
  json doc = json::parse(search.out);
  CHECK(doc["results"][0]["persons"] == json::parse(R"(["Wladimir Putin", "Kim Jong Un"])"));
  CHECK(doc["facets"]["person"] ==
        json::parse(R"([{"value": "Kim Jong Un", "count": 1}, {"value": "Wladimir Putin", "count": 1}])"));

  Run text = ws.Search({"Gastfreundschaft"});
  CHECK(text.out.find("   Personen: Wladimir Putin, Kim Jong Un\n") != std::string::npos);

  Run whos_who = ws.Search({"--persons"});
  CHECK(whos_who.status == 0);
  CHECK(whos_who.out.find("2\tWladimir Putin\n") != std::string::npos);
  CHECK(whos_who.out.find("1\tKatrin Albers\n") != std::string::npos);
  Run prefixed = ws.Search({"--persons", "Schm", "--json"});
  CHECK(json::parse(prefixed.out)["persons"] ==
        json::parse(R"([{"name": "Helmut Schmidt", "count": 1}, {"name": "Renate Schmidt", "count": 1}])"));
  CHECK(ws.Search({"--persons", "Zzz"}).status == 1);
}

TEST_CASE("Persons: a user alias file joins spellings at indexing and search time") {
  Workspace ws;
  WriteFile(ws.Path("in/a.jsonl"),
            JsonLine("b1", "Konzert", "", "Q", "Kultur", "Der Cellist Arkadi Beljajew spielte Bach.") +
            JsonLine("b2", "Tournee", "", "Q", "Kultur", "Der Cellist Arkady Belyaev spielte Brahms."));
  WriteFile(ws.Path("aliases.tsv"), "# test aliases\nArkadi Beljajew\tArkady Belyaev\n");
  std::string aliases = ws.Path("aliases.tsv").string();
  REQUIRE(ws.Index({"--aliases", aliases, ws.Path("in").string()}).status == 0);
  CHECK(Sorted(ws.Ids({"--aliases", aliases, "person:\"Arkady Belyaev\""})) == Ids{"b1", "b2"});

  Run missing = ws.Index({"--aliases", ws.Path("nope.tsv").string(), ws.Path("in").string()});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("--aliases") != std::string::npos);
}
