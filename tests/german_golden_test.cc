// Golden analyses for the issue "German that matches the way people
// search": for each rule, the whole term listing Analyzer::Analyze makes of
// a text, as "position:term(rule)", compared whole so that a failure shows
// every term.  Where the rule is that two spellings or forms meet (or must
// not), the listings of both are given, so the shared or distinct terms can
// be read off.
#include "analysis/analyzer.h"

#include "test_support.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::analysis {
namespace {

using testing::DescribeTermsWithRules;

struct Golden {
  const char* text;
  const char* terms;
};

void CheckGolden(const Golden* begin, const Golden* end) {
  Analyzer analyzer;
  for (const Golden* c = begin; c != end; ++c) {
    INFO(c->text);
    CHECK(DescribeTermsWithRules(analyzer.Analyze(c->text)) == c->terms);
  }
}

template <std::size_t N>
void CheckGolden(const Golden (&cases)[N]) {
  CheckGolden(cases, cases + N);
}

TEST_CASE("Golden: any case, number or capitalisation gives one term") {
  const Golden cases[] = {
      {"Streitkraft", "1:streitkraft(stem) 1:streit(compound-part) 1:kraft(compound-part)"},
      {"Streitkräften",
       "1:streitkraft(umlaut-base) 1:streit(compound-part) 1:kraft(compound-part)"},
      {"STREITKRÄFTE streitkräfte",
       "1:streitkraft(umlaut-base) 1:streit(compound-part) 1:kraft(compound-part) "
       "2:streitkraft(umlaut-base) 2:streit(compound-part) 2:kraft(compound-part)"},
      {"Waffengeschäft",
       "1:waffengeschaeft(stem) 1:waff(compound-part) 1:geschaeft(compound-part)"},
      {"Waffengeschäfts WAFFENGESCHÄFTE",
       "1:waffengeschaeft(stem) 1:waff(compound-part) 1:geschaeft(compound-part) "
       "2:waffengeschaeft(stem) 2:waff(compound-part) 2:geschaeft(compound-part)"},
      {"Haus Hauses Häuser HÄUSERN",
       "1:haus(stem) 2:haus(stem) 3:haus(umlaut-base) 4:haus(umlaut-base)"},
      {"Mutter Mütter Müttern", "1:mutt(stem) 2:mutt(umlaut-base) 3:mutt(umlaut-base)"},
      {"Klöstern Kloster", "1:klost(umlaut-base) 2:klost(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Every inflected form of a noun shares the term of its base form") {
  // "any case, number or inflected form finds the others": also nouns whose
  // base form ends in -s (Snowball strips that s from the singular only),
  // umlaut plurals, and inflected heads of longer compounds.  Known limits,
  // documented in README.md: forms the word lists lack ("Regeln",
  // "Mitteln") and doubled consonants ("Bus"/"Busse") still part.
  struct Case {
    const char* base;
    const char* inflected;
  };
  const Case cases[] = {
      {"Streitkraft", "Streitkräften"},
      {"Waffengeschäft", "Waffengeschäfts"},
      {"Kurs", "Kurse"},
      {"Zins", "Zinsen"},
      {"Gans", "Gänse"},
      {"Fuchs", "Füchse"},
      {"Schlüssel", "Schlüsseln"},
      {"Luftstreitkraft", "Luftstreitkräften"},
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.base << " / " << c.inflected);
    CHECK(analyzer.WordTerm(c.inflected) == analyzer.WordTerm(c.base));
  }
}

TEST_CASE("Golden: umlauts typed as ae/oe/ue and ß typed as ss give the same terms") {
  const Golden cases[] = {
      {"München Muenchen MÜNCHEN MUENCHEN",
       "1:muench(stem) 2:muench(stem) 3:muench(stem) 4:muench(stem)"},
      {"Pjöngjang Pjoengjang", "1:pjoengjang(stem) 2:pjoengjang(stem)"},
      {"Straße Strasse STRASSE", "1:strass(stem) 2:strass(stem) 3:strass(stem)"},
      {"Schlüssel Schluessel", "1:schluessel(stem) 2:schluessel(stem)"},
      {"Häuser Haeuser", "1:haus(umlaut-base) 2:haus(umlaut-base)"},
      {"Streitkräften Streitkraeften",
       "1:streitkraft(umlaut-base) 1:streit(compound-part) 1:kraft(compound-part) "
       "2:streitkraft(umlaut-base) 2:streit(compound-part) 2:kraft(compound-part)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: genuine ae/ue stay literal and find nothing unrelated") {
  const Golden cases[] = {
      {"Michael Michal", "1:michael(stem) 2:michal(stem)"},
      {"aktuell aktull", "1:aktuell(stem) 2:aktull(stem)"},
      {"Israel Isral", "1:israel(stem) 2:isral(stem)"},
      {"Quelle neue Bauer", "1:quell(stem) 2:neu(stem) 3:bau(stem)"},
      // ä = ae wins over ä = a: Uber is not über.
      {"Uber über Ueber", "1:uber(stem) 2:ueb(stem) 3:ueb(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("A compound typed with ae/oe/ue gives the term of its umlaut spelling") {
  // Both directions hold for compounds the dictionary does not list, too.
  struct Case {
    const char* umlauts;
    const char* typed;
  };
  const Case cases[] = {
      {"Nachbarländern", "Nachbarlaendern"},
      {"Luftstreitkräften", "Luftstreitkraeften"},
      {"Hochhäuser", "Hochhaeuser"},
      {"Bundesländer", "Bundeslaender"},
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.umlauts << " / " << c.typed);
    CHECK(analyzer.WordTerm(c.typed) == analyzer.WordTerm(c.umlauts));
  }
}

TEST_CASE("Golden: weak verb forms share the term of their infinitive and its -ung noun") {
  // Participles, tense forms and participles used as nouns or adjectives
  // take the infinitive hunspell lists ("beerdigt" -> beerdigen), whose
  // Snowball stem is the -ung noun's: the query "Beerdigung" finds "wird
  // beerdigt" (relevance benchmark, paraphrase group).
  const Golden cases[] = {
      {"beerdigt beerdigte Beerdigung beerdigen",
       "1:beerdig(stem) 2:beerdig(stem) 3:beerdig(stem) 4:beerdig(stem)"},
      {"angezündet angezuendet anzünden", "1:anzuend(stem) 2:anzuend(stem) 3:anzuend(stem)"},
      {"Verletzter verletzt Verletzung", "1:verletz(stem) 2:verletz(stem) 3:verletz(stem)"},
      {"gefasst gefasster fassen", "1:fass(stem) 2:fass(stem) 3:fass(stem)"},
      {"sammelt sammeln", "1:sammeln(stem) 2:sammeln(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: adjectives, nouns in -t and other words stay apart from verbs") {
  // "rechten" is "recht" + en, not a form of "rechen"; "seit" is no form of
  // "sein" (only -eln/-ern verbs end in a bare -n); "Vorfahrt" is a noun,
  // not a form of "vorfahren"; listed words that are no participles stay.
  const Golden cases[] = {
      {"recht rechten Recht", "1:recht(stem) 2:recht(stem) 3:recht(stem)"},
      {"seit fast bekannte Vorfahrt", "1:seit(stem) 2:fast(stem) 3:bekannt(stem) 4:vorfahrt(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("An umlaut word and an unrelated word without the umlaut keep apart") {
  // "Prefer ä = ae over ä = a where they conflict": the umlaut-free stem is
  // only the term when the umlaut inflects the same noun (Häuser -> Haus),
  // not for a different word that happens to stem alike.  Known limit,
  // documented in README.md: "Bürger" still meets "Burg" (Burg + -er looks
  // exactly like Haus + -er).
  struct Case {
    const char* umlauts;
    const char* plain;
  };
  const Case cases[] = {
      {"über", "Uber"},
      {"Förderung", "Forderung"},  // funding / demand
      {"Schüler", "Schule"},       // pupil / school
      {"Küche", "Kuchen"},         // kitchen / cake
      {"Lösung", "Losung"},        // solution / slogan
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.umlauts << " / " << c.plain);
    CHECK(analyzer.WordTerm(c.umlauts) != analyzer.WordTerm(c.plain));
  }
}

TEST_CASE("Golden: NFD, soft hyphens, typographic marks and spaces read as plain text") {
  const Golden cases[] = {
      {"Ha\u0308user", "1:haus(umlaut-base)"},  // NFD
      {"Mu\u0308nchen Mu\u0308ller", "1:muench(stem) 2:muell(stem)"},
      {"Zei\u00ADtung Zeitung", "1:zeitung(stem) 2:zeitung(stem)"},
      {"Putin\u2019s Putin's Putins Putin",
       "1:putin(stem) 2:putin(stem) 3:putin(stem) 4:putin(stem)"},
      {"\u201EDie Häuser\u201C \u00BBHaus\u00AB",
       "1:die(stem) 2:haus(umlaut-base) 3:haus(stem)"},
      {"neue\u00A0Häuser neue\u202FHäuser neue\u2009Häuser",
       "1:neu(stem) 2:haus(umlaut-base) 3:neu(stem) 4:haus(umlaut-base) 5:neu(stem) "
       "6:haus(umlaut-base)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: foreign letters with marks meet their plain spelling") {
  const Golden cases[] = {
      {"Erdoğan Erdogan Erdog\u0306an", "1:erdogan(stem) 2:erdogan(stem) 3:erdogan(stem)"},
      {"Băsescu Basescu Ba\u0306sescu", "1:basescu(stem) 2:basescu(stem) 3:basescu(stem)"},
      {"Wałęsa Walesa Wałe\u0328sa", "1:walesa(stem) 2:walesa(stem) 3:walesa(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: a compound is indexed whole and with the terms of its parts") {
  const Golden cases[] = {
      {"Atomwaffenprogramm",
       "1:atomwaffenprogramm(stem) 1:atomwaff(compound-part) 1:programm(compound-part) "
       "1:atom(compound-part) 1:waff(compound-part)"},
      {"Waffen Programm Atomwaffen",
       "1:waff(stem) 2:programm(stem) 3:atomwaff(stem) 3:atom(compound-part) "
       "3:waff(compound-part)"},
      {"Schusswaffe", "1:schusswaff(stem) 1:schuss(compound-part) 1:waff(compound-part)"},
      {"Wahlbeteiligung", "1:wahlbeteil(stem) 1:wahl(compound-part) 1:beteil(compound-part)"},
      {"die Beteiligung an der Wahl",
       "1:die(stem) 2:beteil(stem) 3:an(stem) 4:der(stem) 5:wahl(stem)"},
      {"Literaturstadt",
       "1:literaturstadt(stem) 1:literatur(compound-part) 1:stadt(compound-part)"},
      {"Stadt der Literatur", "1:stadt(stem) 2:der(stem) 3:literatur(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: linking elements are not part of the modifier's term") {
  // Each compound, then its parts as words of their own: the part terms of
  // the compound are the terms of the words.
  const Golden cases[] = {
      // -s-
      {"Verteidigungsminister",
       "1:verteidigungsminist(stem) 1:verteid(compound-part) 1:minist(compound-part)"},
      {"Verteidigung Minister", "1:verteid(stem) 2:minist(stem)"},
      // -es-
      {"Bundesregierung", "1:bundesregier(stem) 1:bund(compound-part) 1:regier(compound-part)"},
      {"Bund Regierung", "1:bund(stem) 2:regier(stem)"},
      // -n-
      {"Sonnenschein", "1:sonnenschein(stem) 1:sonn(compound-part) 1:schein(compound-part)"},
      {"Sonne Schein", "1:sonn(stem) 2:schein(stem)"},
      // -en-
      {"Präsidentenwahl",
       "1:praesidentenwahl(stem) 1:praesident(compound-part) 1:wahl(compound-part)"},
      {"Präsident Wahl", "1:praesident(stem) 2:wahl(stem)"},
      // -er-
      {"Kinderarzt", "1:kinderarzt(stem) 1:kind(compound-part) 1:arzt(compound-part)"},
      {"Kind Arzt", "1:kind(stem) 2:arzt(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: words that only look like compounds stay whole") {
  const Golden cases[] = {
      {"Ratte Separatist Parente", "1:ratt(stem) 2:separatist(stem) 3:parent(stem)"},
      {"Rat Rente", "1:rat(stem) 2:rent(stem)"},
      {"Ministern Standard", "1:minist(stem) 2:standard(stem)"},
      {"Generalist", "1:generalist(stem)"},
      {"Restart understand", "1:restart(stem) 2:understand(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: each part of a hyphenated word is a word at its own position") {
  // Xapian's QueryParser reads a hyphenated query word as a phrase of its
  // parts, so the whole is found through these consecutive positions.
  const Golden cases[] = {
      {"US-Streitkräften",
       "1:us(stem) 2:streitkraft(umlaut-base) 2:streit(compound-part) 2:kraft(compound-part)"},
      {"UN-Sicherheitsrat",
       "1:un(stem) 2:sicherheitsrat(stem) 2:sich_(compound-part) 2:rat(compound-part)"},
      {"Sicherheit", "1:sich_(stem)"},
      {"Kim-Jong-Un-Regime", "1:kim(stem) 2:jong(stem) 3:un(stem) 4:regim(stem)"},
  };
  CheckGolden(cases);
}

TEST_CASE("Golden: a genitive s and apostrophes leave the name") {
  const Golden cases[] = {
      {"Putins Putin\u2019s Putin's Putin",
       "1:putin(stem) 2:putin(stem) 3:putin(stem) 4:putin(stem)"},
      {"Merkels Merkel\u2019s Merkel", "1:merkel(stem) 2:merkel(stem) 3:merkel(stem)"},
  };
  CheckGolden(cases);
}

}  // namespace
}  // namespace archivar::analysis
