// End-to-end tests of the German analysis (issue "German that matches the
// way people search"): index small JSON Lines articles with the real
// archivar-index, search them with archivar-search --json, and check which
// articles are found and in which order.
#include "process_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using archivar::testing::Run;
using archivar::testing::Workspace;
using archivar::testing::WriteFile;
using json = nlohmann::json;
using Ids = std::vector<std::string>;

// One article per line; the comment on each says which words it has, so
// that every expectation below can be checked by reading them.  Titles are
// neutral ("Meldung …") so that they add no query words.
struct Article {
  const char* id;
  const char* body;
};

const Article kArticles[] = {
    // Inflection and capitalisation.
    {"streitkraefte", "Den US-Streitkräften fehlt Nachschub."},
    {"waffengeschaeft", "Der Umfang des Waffengeschäfts wächst."},
    {"atomwaffenprogramm", "Nordkorea treibt sein Atomwaffenprogramm voran."},
    {"schusswaffe", "Die Polizei fand eine Schusswaffe."},
    // Umlauts and ß, written both ways.
    {"muenchen-umlaut", "Das Oktoberfest in München beginnt."},
    {"muenchen-ue", "Grüße aus Muenchen."},
    {"pjoengjang-umlaut", "Die Regierung in Pjöngjang schweigt."},
    {"pjoengjang-oe", "Pjoengjang testet Raketen."},
    {"strasse-sz", "Die Straße wird gesperrt."},
    {"strasse-ss", "Die Strasse ist nass."},
    {"schluessel-umlaut", "Der Schlüssel liegt unter der Matte."},
    {"schluessel-ue", "Der Schluessel passt nicht."},
    // Genuine ae/ue and words that differ only by an umlaut.
    {"michael", "Michael Ballack beendet seine Karriere."},
    {"michal", "Michal Kovac wurde Präsident."},
    {"aktuell", "Die Lage ist aktuell ruhig."},
    {"israel", "Israel wählt ein neues Parlament."},
    {"ueber", "Sie sprachen über die Zukunft."},
    {"uber", "Der Fahrdienst Uber expandiert."},
    {"foerderung", "Die Förderung läuft aus."},
    {"forderung", "Die Forderung wurde abgelehnt."},
    // Unicode: foreign marks, NFD, soft hyphens, no-break spaces, quotes.
    {"erdogan", "Erdoğan besucht Berlin."},
    {"basescu", "Băsescu tritt zurück."},
    {"walesa", "Wałęsa erhält den Preis."},
    {"unicode", "Die Zei\u00ADtung aus Ko\u0308ln\u00A0berichtet \u201Eexklusiv\u201C."},
    {"putin", "Putin reiste nach Peking."},
    {"putins", "Putin\u2019s Sprecher widersprach."},
    // Compounds and their parts used separately.
    {"wahlbeteiligung", "Die Wahlbeteiligung lag bei sechzig Prozent."},
    {"beteiligung-an-der-wahl", "Die Beteiligung an der Wahl lag bei sechzig Prozent."},
    {"literaturstadt", "Leipzig ist eine Literaturstadt mit Tradition."},
    {"stadt-der-literatur", "Leipzig ist eine Stadt der Literatur mit Tradition."},
    {"verteidigungsminister", "Der Verteidigungsminister besucht die Truppe."},
    // Hyphenated words.
    {"sicherheitsrat", "Der UN-Sicherheitsrat tagt in New York."},
    {"kim", "Das Kim-Jong-Un-Regime droht erneut."},
    // Words that only look like compounds, and their look-alike parts.
    {"rat", "Der Rat tagte am Montag."},
    {"ratte", "Eine Ratte lief durch die Küche."},
    {"separatist", "Ein Separatist wurde verhaftet."},
    {"parente", "Die Familie Parente feiert."},
    {"rente", "Die Rente steigt."},
    // German text made of the pieces of English words.
    {"rest-art", "Der Rest dieser Art ist ausgestorben."},       // Restart
    {"ice-land", "Der ICE fährt quer durch das Land."},          // Iceland
    {"land-mark", "Das Land zahlte damals eine Million Mark."},  // Landmark
    {"sau-sage", "Die Sage erzählt von einer wilden Sau."},      // Sausage
};

class GermanArchive {
 public:
  GermanArchive() {
    std::string lines;
    int n = 0;
    for (const auto& article : kArticles) {
      lines += json{{"id", article.id},
                    {"title", "Meldung " + std::to_string(++n)},
                    {"date", "2024-01-15"},
                    {"source", "Testagentur"},
                    {"category", "Test"},
                    {"body", article.body}}
                   .dump() +
               "\n";
    }
    WriteFile(ws_.Path("in/articles.jsonl").string(), lines);
    Run run = ws_.Index({ws_.Path("in").string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
  }

  // The ids archivar-search --json finds for `query`, in rank order.
  Ids Ranked(const std::string& query) const {
    INFO("query: " << query);
    return ws_.Ids({query});
  }

  // The same ids, sorted, for checks that do not depend on the order.
  Ids Found(const std::string& query) const {
    Ids ids = Ranked(query);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

 private:
  Workspace ws_;
};

struct Expectation {
  const char* query;
  Ids found;  // sorted
};

void CheckFound(const GermanArchive& archive, const std::vector<Expectation>& cases) {
  for (const auto& c : cases) {
    INFO("query: " << c.query);
    CHECK(archive.Found(c.query) == c.found);
  }
}

TEST_CASE("German e2e: any case, number or capitalisation finds the others") {
  GermanArchive archive;
  CheckFound(archive, {
                          {"Streitkraft", {"streitkraefte"}},
                          {"streitkräfte", {"streitkraefte"}},
                          {"STREITKRÄFTEN", {"streitkraefte"}},
                          {"Waffengeschäft", {"waffengeschaeft"}},
                          {"WAFFENGESCHÄFTE", {"waffengeschaeft"}},
                          {"waffengeschäfts", {"waffengeschaeft"}},
                      });
}

TEST_CASE("German e2e: umlauts and ß find their ae/oe/ue and ss spellings, both ways") {
  GermanArchive archive;
  const Ids muenchen = {"muenchen-ue", "muenchen-umlaut"};
  const Ids pjoengjang = {"pjoengjang-oe", "pjoengjang-umlaut"};
  const Ids strasse = {"strasse-ss", "strasse-sz"};
  const Ids schluessel = {"schluessel-ue", "schluessel-umlaut"};
  CheckFound(archive, {
                          {"München", muenchen},
                          {"Muenchen", muenchen},
                          {"MUENCHEN", muenchen},
                          {"Pjöngjang", pjoengjang},
                          {"Pjoengjang", pjoengjang},
                          {"Straße", strasse},
                          {"Strasse", strasse},
                          {"STRASSE", strasse},
                          {"Schlüssel", schluessel},
                          {"Schluessel", schluessel},
                      });
}

TEST_CASE("German e2e: genuine ae/ue and umlaut-free look-alikes find only themselves") {
  GermanArchive archive;
  CheckFound(archive, {
                          {"Michael", {"michael"}},      // not "Michal"
                          {"Michal", {"michal"}},
                          {"aktuell", {"aktuell"}},
                          {"Israel", {"israel"}},
                          {"Uber", {"uber"}},            // not "über"
                          {"Forderung", {"forderung"}},  // not "Förderung"
                          {"Förderung", {"foerderung"}},
                      });
}

TEST_CASE("German e2e: foreign marks and Unicode forms search like plain text") {
  GermanArchive archive;
  CheckFound(archive, {
                          {"Erdogan", {"erdogan"}},
                          {"Erdoğan", {"erdogan"}},
                          {"Basescu", {"basescu"}},
                          {"Walesa", {"walesa"}},
                          // The article has NFD "Köln", a soft hyphen in
                          // "Zeitung", a no-break space and „quotes“.
                          {"Köln", {"unicode"}},
                          {"Koeln", {"unicode"}},
                          {"Zeitung", {"unicode"}},
                          {"berichtet", {"unicode"}},
                          {"exklusiv", {"unicode"}},
                          // Queries with NFD, soft hyphens, no-break spaces.
                          {"Mu\u0308nchen", {"muenchen-ue", "muenchen-umlaut"}},
                          {"Stra\u00ADße", {"strasse-ss", "strasse-sz"}},
                          {"Zei\u00ADtung\u00A0Ko\u0308ln", {"unicode"}},
                          // Typographic quotes make a phrase.
                          {"\u201EStraße wird gesperrt\u201C", {"strasse-sz"}},
                          {"\u201Egesperrt Straße\u201C", {}},
                      });
}

TEST_CASE("German e2e: a genitive s or apostrophe finds the name") {
  GermanArchive archive;
  const Ids putin = {"putin", "putins"};
  CheckFound(archive, {
                          {"Putin", putin},
                          {"Putins", putin},
                          {"Putin\u2019s", putin},
                          {"Putin's", putin},
                      });
}

TEST_CASE("German e2e: a part of a compound finds the compound") {
  GermanArchive archive;
  CheckFound(archive, {
                          {"Waffen", {"atomwaffenprogramm", "schusswaffe", "waffengeschaeft"}},
                          {"Waffe", {"atomwaffenprogramm", "schusswaffe", "waffengeschaeft"}},
                          {"Programm", {"atomwaffenprogramm"}},
                          {"Atomwaffen Programm", {"atomwaffenprogramm"}},
                          {"Atomwaffenprogramm", {"atomwaffenprogramm"}},
                          // Linking -s-: Verteidigung + Minister.
                          {"Verteidigung", {"verteidigungsminister"}},
                          {"Minister", {"verteidigungsminister"}},
                      });
}

TEST_CASE("German e2e: a compound ranks articles with the whole compound first") {
  GermanArchive archive;
  struct Case {
    const char* query;
    Ids ranked;
  };
  const Case cases[] = {
      {"Wahlbeteiligung", {"wahlbeteiligung", "beteiligung-an-der-wahl"}},
      {"Literaturstadt", {"literaturstadt", "stadt-der-literatur"}},
  };
  for (const auto& c : cases) {
    INFO("query: " << c.query);
    CHECK(archive.Ranked(c.query) == c.ranked);
  }
}

TEST_CASE("German e2e: each part of a hyphenated word and the whole are searchable") {
  GermanArchive archive;
  CheckFound(archive, {
                          {"US-Streitkräften", {"streitkraefte"}},
                          {"US", {"streitkraefte"}},
                          {"Streitkräfte", {"streitkraefte"}},
                          {"UN-Sicherheitsrat", {"sicherheitsrat"}},
                          {"Sicherheitsrat", {"sicherheitsrat"}},
                          {"Kim-Jong-Un-Regime", {"kim"}},
                          {"Kim", {"kim"}},
                          {"Regime", {"kim"}},
                          // "Un" of Kim Jong Un is the same word as UN.
                          {"UN", {"kim", "sicherheitsrat"}},
                      });
}

TEST_CASE("German e2e: words that only look like compounds are not split") {
  GermanArchive archive;
  CheckFound(archive, {
                          {"Ratte", {"ratte"}},            // not Rat
                          {"Separatist", {"separatist"}},  // not Rat
                          // Rat finds the Sicherheitsrat (a real compound),
                          // not the Ratte or the Separatist.
                          {"Rat", {"rat", "sicherheitsrat"}},
                          {"Rente", {"rente"}},  // not Parente
                          {"Parente", {"parente"}},
                      });
}

TEST_CASE("German e2e: an English query does not find German text through accidental parts") {
  // Each English word is made of German words (Rest + Art, ICE + Land,
  // Land + Mark, Sau + Sage), and each article has both of them, but none
  // is about the English word.
  GermanArchive archive;
  CheckFound(archive, {
                          {"Restart", {}},
                          {"Iceland", {}},
                          {"Landmark", {}},
                          {"Sausage", {}},
                      });
  // The German words themselves find them.
  CheckFound(archive, {
                          {"Rest Art", {"rest-art"}},
                          {"ICE", {"ice-land"}},
                          {"Mark", {"land-mark"}},
                          {"Sage", {"sau-sage"}},
                      });
}

}  // namespace
