// persons/person_recognizer.h: people in German news text, their mentions
// and canonical names (issue 4, "Search by person").
#include "persons/person_recognizer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace archivar::persons {
namespace {

// The mentions of a text as one string: "[text] person | [text] person",
// with the person left out where it is the text itself.
std::string Describe(const PersonAnalysis& analysis) {
  std::string out;
  for (const PersonMention& mention : analysis.mentions) {
    if (!out.empty()) out += " | ";
    out += "[" + mention.text + "]";
    if (mention.person != mention.text) out += " " + mention.person;
  }
  return out;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : "; ") + name;
  return out;
}

struct Case {
  const char* text;
  const char* mentions;
};

void CheckCases(const std::vector<Case>& cases) {
  PersonRecognizer recognizer;
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Describe(recognizer.Recognize(c.text)) == c.mentions);
  }
}

TEST_CASE("PersonRecognizer finds full names") {
  CheckCases({
      {"Ein Treffen zwischen Kim Jong Un und Wladimir Putin katapultiert dies in die nächste "
       "Dimension.",
       "[Kim Jong Un] | [Wladimir Putin]"},
      {"Peking schickt Xi Jinping.", "[Xi Jinping]"},
      {"Auch Katrin Albers war dort.", "[Katrin Albers]"},
      {"Bundespräsident Joachim Gauck empfing George W. Bush.", "[Joachim Gauck] | [George W. Bush]"},
      {"Heidi Klum (37) bleibt die Herrin der Model-Suche.", "[Heidi Klum]"},
      {"Mit Renate Bassen habe man eine stellvertretende Landrätin.", "[Renate Bassen]"},
      {"Derweil freut sich Nico G. auf seinen nächsten Einsatz.", "[Nico G.]"},
      {"Gegen Dean Whitehead, Grant Leadbitter und Carlos Edwards.",
       "[Dean Whitehead] | [Grant Leadbitter] | [Carlos Edwards]"},
      {"1966 besuchte Elisabeth II. die Insel.", "[Elisabeth II.] Elizabeth II."},
      {"Unter Bernhard IV. wurde das Bistum neu gegliedert.", "[Bernhard IV.]"},
      {"Zusammen mit H. Dietz beschrieb er den Zugang.", "[H. Dietz]"},
  });
}

TEST_CASE("PersonRecognizer finds names after titles and roles") {
  CheckCases({
      {"\"So ist es\", sagte Dr. Bernard Loo von der S Rajaratnam School of International "
       "Studies in Singapur.",
       "[Bernard Loo]"},
      {"Der russische Verteidigungsminister Sergej Schoigu schlug Übungen vor.",
       "[Sergej Schoigu]"},
      {"Das wäre für den chinesischen Präsidenten Xi Jinping zu weit.", "[Xi Jinping]"},
      {"Herr Putin könnte zustimmen.", "[Putin] Wladimir Putin"},
      {"Die USA wollen Herrn Kim erschrecken.", "[Kim]"},
      {"Dr . Meier will heiraten.", "[Meier]"},
      {"Handelsminister Gref sagte, er erwarte das.", "[Gref]"},
      {"Das sagte FDP-Chef Guido Westerwelle.", "[Guido Westerwelle]"},
      {"Am Dienstag kam Herr Sommer zu Besuch.", "[Sommer]"},
      {"Auf seinen Sohn Tobias muss er verzichten.", "[Tobias]"},
      {"Der Franzose Louis Saha traf.", "[Louis Saha]"},
  });
}

TEST_CASE("PersonRecognizer finds names with apposition and other cues") {
  CheckCases({
      {"Yang Uk, wissenschaftlicher Mitarbeiter am Asian Institute for Policy Studies, stellte "
       "fest, dass es so sei.",
       "[Yang Uk]"},
      {"\"Die haben vierzehn gleichwertige Spieler\", sagte Petkovic.", "[Petkovic]"},
      {"Kolb war seit 1986 im Turnverein als Leiter tätig.", "[Kolb]"},
      {"Auch Bildungsminister Henry Tesch (CDU) berichtete davon.", "[Henry Tesch]"},
      {"Das Geld holen Sie sich wieder, so Barth.", "[Barth]"},
      {"Auch seine Milram-Spitze dürfte über Zabels Entscheidung nicht glücklich sein.",
       "[Zabels] Zabel"},
      {"Presseberichten zufolge konnten sich Blatter und Beckenbauer nicht einigen.",
       "[Blatter] Joseph Blatter | [Beckenbauer] Franz Beckenbauer"},
      {"Güllner: \"Solidarität wollen diese Wähler nicht.\"", "[Güllner]"},
  });
}

TEST_CASE("PersonRecognizer keeps particles, hyphens and genitives in names") {
  CheckCases({
      {"Kommissionspräsidentin Ursula von der Leyen reiste an.", "[Ursula von der Leyen]"},
      {"Der Kronprinz Mohammed bin Salman empfing ihn.", "[Mohammed bin Salman]"},
      {"Syriens Machthaber Baschar al-Assad blieb.", "[Baschar al-Assad]"},
      {"Verteidigungsminister Thomas de Maizière kam.", "[Thomas de Maizière]"},
      {"Er traf Hans-Dietrich Genscher in Bonn.", "[Hans-Dietrich Genscher]"},
      {"\"Da müssen wir alle ran\", erklärt van der Vaart.", "[van der Vaart]"},
      {"Das ist Putins Krieg.", "[Putins] Wladimir Putin"},
      {"Merkels Kabinett tagte.", "[Merkels] Angela Merkel"},
      {"Analog Heidi Klums Modelsuche mussten sie sich räkeln.", "[Heidi Klums] Heidi Klum"},
      {"Er sprach über Putin’s Pläne.", "[Putin’s] Wladimir Putin"},
      {"Die Stadträtin Hedi Weiler-Kiderlen sprach.", "[Hedi Weiler-Kiderlen]"},
  });
}

TEST_CASE("PersonRecognizer does not take organisations, places and nouns for persons") {
  CheckCases({
      {"Er arbeitet am Asian Institute for Policy Studies.", ""},
      {"Er forscht an der S Rajaratnam School of International Studies in Singapur.", ""},
      {"Nordkorea und Moskau verhandeln im Sicherheitsrat.", ""},
      {"Spionagesatelliten sind teuer. Ein Spionagesatellit kreist.", ""},
      {"Sicherheitsrat verurteilt den Test.", ""},
      {"Beim Hurrikan Katrina starben viele Menschen.", ""},
      {"Das Brandenburger Tor ist beleuchtet.", ""},
      {"Im Finale der Champions League stand Bayern München.", ""},
      {"Die Firma Bosch und die Stiftung Warentest prüfen.", ""},
      {"Bis zur Gala am 2. August können sich Sportler qualifizieren.", ""},
      {"Nur hat er keine Zeit. Mir ging es so.", ""},
      {"Der Max-Planck-Institut-Bericht und die Albert-Schweitzer-Schule.", ""},
      {"Dagegen gaben General Motors und Ford nach.", ""},
      {"Der Merkel-Regierung fehlt die Mehrheit.", ""},
      {"Der Mark ist nichts wert, sagte der Bauer.", ""},
  });
}

TEST_CASE("PersonRecognizer links later mentions to the full name") {
  PersonRecognizer recognizer;
  PersonAnalysis analysis = recognizer.Recognize(
      "Ein Treffen zwischen Kim Jong Un und Wladimir Putin ist geplant. Kim könnte Waffen "
      "kaufen. Herr Putin könnte zustimmen, Putins Berater schweigen. Dr. Bernard Loo von der "
      "Universität sagte, Herrn Kim fehle das Geld. Dr. Loo glaubt nicht daran. Yang Uk, "
      "wissenschaftlicher Mitarbeiter am Asian Institute, stimmt zu. Yang, ein Experte für "
      "Waffen, warnt.");
  CHECK(Describe(analysis) ==
        "[Kim Jong Un] | [Wladimir Putin] | [Kim] Kim Jong Un | [Putin] Wladimir Putin | "
        "[Putins] Wladimir Putin | [Bernard Loo] | [Kim] Kim Jong Un | [Loo] Bernard Loo | "
        "[Yang Uk] | [Yang] Yang Uk");
  CHECK(Join(analysis.persons) == "Kim Jong Un; Wladimir Putin; Bernard Loo; Yang Uk");
}

TEST_CASE("PersonRecognizer names a person by the fullest form in the text") {
  CheckCases({
      // The surname before the full name still refers to it.
      {"Albers lobt das Projekt. Umweltministerin Katrin Albers sagte, Albers' Ministerium "
       "zahle.",
       "[Albers] Katrin Albers | [Katrin Albers] | [Albers] Katrin Albers"},
      // A surname that is also a common word, once the full name is known.
      {"Anna Sommer kam. Sommer sagte, der Sommer sei heiß.",
       "[Anna Sommer] | [Sommer] Anna Sommer"},
      // Two people with one surname: the nearest full name before.
      {"Werner Brandt gründete die Bäckerei, sein Sohn Jonas Brandt führt sie. Brandt backt.",
       "[Werner Brandt] | [Jonas Brandt] | [Brandt] Jonas Brandt"},
      // Only the surname, not in the alias table: the surname alone.
      {"Karl-Heinz Rummel spielt. Rummels Tor zählt.",
       "[Karl-Heinz Rummel] | [Rummels] Karl-Heinz Rummel"},
      {"Kolb war lange Vorsitzender. Kolb sagte, er höre auf.", "[Kolb] | [Kolb]"},
  });
}

TEST_CASE("PersonRecognizer maps aliases and transliterations to one canonical name") {
  CheckCases({
      {"Vladimir Putin met Kim Jong-un.", "[Vladimir Putin] Wladimir Putin | [Kim Jong-un] Kim Jong Un"},
      {"Zelensky und Selenskyj sind eine Person.",
       "[Zelensky] Wolodymyr Selenskyj | [Selenskyj] Wolodymyr Selenskyj"},
      {"Minister Sergei Shoigu kam.", "[Sergei Shoigu] Sergej Schoigu"},
      {"Das war es Merkel aber nicht wert.", "[Merkel] Angela Merkel"},
      {"Erdogan und Erdoğan.",
       "[Erdogan] Recep Tayyip Erdoğan | [Erdoğan] Recep Tayyip Erdoğan"},
      {"Frau von der Leyen widersprach.", "[von der Leyen] Ursula von der Leyen"},
  });
}

TEST_CASE("PersonRecognizer gives byte offsets into the text") {
  PersonRecognizer recognizer;
  const std::string text = "Über Nacht: Frau Öztürk traf Ayşe Öztürk.";
  PersonAnalysis analysis = recognizer.Recognize(text);
  REQUIRE(analysis.mentions.size() == 2);
  for (const PersonMention& mention : analysis.mentions) {
    INFO(mention.text);
    CHECK(text.substr(mention.start, mention.end - mention.start) == mention.text);
    CHECK(mention.person == "Ayşe Öztürk");
  }
}

TEST_CASE("PersonRecognizer links an article's title to its body") {
  PersonRecognizer recognizer;
  ArticlePersons persons = recognizer.RecognizeArticle(
      "Kolb tritt zurück", "Der Vorsitzende Heinrich Kolb gab am Montag auf. Kolb nannte "
                           "gesundheitliche Gründe.");
  CHECK(Describe(persons.title) == "[Kolb] Heinrich Kolb");
  CHECK(Describe(persons.body) == "[Heinrich Kolb] | [Kolb] Heinrich Kolb");
  CHECK(persons.body.mentions.front().start == 16);
  CHECK(Join(persons.persons) == "Heinrich Kolb");
  CHECK(Join(persons.title.persons) == "Heinrich Kolb");
}

TEST_CASE("PersonRecognizer uses a user's alias table") {
  AliasTable aliases = AliasTable::Builtin();
  REQUIRE(aliases.LoadText("Katrin Albers\tAlbers\n").ok());
  PersonRecognizer recognizer(aliases);
  CHECK(Describe(recognizer.Recognize("Wie Albers mitteilte, bleibt es dabei.")) ==
        "[Albers] Katrin Albers");
}

TEST_CASE("PersonRecognizer handles empty and odd input") {
  CheckCases({
      {"", ""},
      {"   \n\n  ", ""},
      {"Herr", ""},
      {"Dr.", ""},
      {"von der", ""},
      {"\xff\xfe Herr \xff Putin", "[Putin] Wladimir Putin"},
  });
}

}  // namespace
}  // namespace archivar::persons
