// persons/alias_table.h: one canonical name per person, from the built-in
// table and users' files.
#include "persons/alias_table.h"

#include "analysis/analyzer.h"
#include "persons/name_lexicon.h"
#include "test_support.h"
#include "text/unicode.h"

#include <catch2/catch.hpp>

#include <string>

namespace archivar::persons {
namespace {

TEST_CASE("PersonKey folds names like keyword search") {
  struct Case {
    const char* name;
    const char* key;
  };
  const Case cases[] = {
      {"Wladimir Putin", "wladimir putin"},
      {"  Wladimir   PUTIN ", "wladimir putin"},
      {"Kim Jong-un", "kim jong un"},
      {"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
      {"Ayşe Öztürk", "ayse oeztuerk"},
      {"Thomas de Maizière", "thomas de maiziere"},
      {"George W. Bush", "george w bush"},
      {"Putin’s", "putin"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(PersonKey(c.name) == c.key);
  }
}

TEST_CASE("Name keys spell marked letters exactly as keyword search does") {
  // WordKey spells common Latin letters without ICU (fast start-up); it
  // must agree with Analyzer::CanonicalSpelling on every one of them.
  const std::string letters =
      "äÄöÖüÜßàáâãåāăąÀÁÂÃÅĀĂĄæÆçćĉċčÇĆĈĊČďđĎĐðÐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥħĤĦìíîïĩīĭįıÌÍÎÏ"
      "ĨĪĬĮĵĴķĶĺļľłĹĻĽŁñńņňÑŃŅŇòóôõøōŏőÒÓÔÕØŌŎŐœŒŕřŔŘśŝşšșŚŜŞŠȘţťțŢŤȚùúûũūŭůűųÙÚÛŨŪŬŮŰŲ"
      "ýÿÝŸźżžŹŻŽþÞİẞ";
  std::size_t offset = 0;
  while (offset < letters.size()) {
    std::size_t start = offset;
    text::NextCodePoint(letters, &offset);
    std::string word = "X" + letters.substr(start, offset - start) + "y";
    INFO(word);
    CHECK(WordKey(word) == analysis::Analyzer::CanonicalSpelling(word));
  }
  for (const char* word : {"O'Brien", "Putin’s", "McDonald's", "Xi'an", "geht's", "'s", "Nguyễn",
                           "İmamoğlu", "Zoë", "Straße", "Kim"}) {
    INFO(word);
    CHECK(WordKey(word) == analysis::Analyzer::CanonicalSpelling(word));
  }
}

TEST_CASE("AliasTable maps built-in variants to the canonical name") {
  const AliasTable& aliases = AliasTable::Builtin();
  struct Case {
    const char* name;
    const char* canonical;
  };
  const Case cases[] = {
      {"Putin", "Wladimir Putin"},
      {"Vladimir Putin", "Wladimir Putin"},
      {"wladimir putin", "Wladimir Putin"},
      {"Sergei Shoigu", "Sergej Schoigu"},
      {"Schoigu", "Sergej Schoigu"},
      {"Zelensky", "Wolodymyr Selenskyj"},
      {"Selensky", "Wolodymyr Selenskyj"},
      {"Kim Jong-un", "Kim Jong Un"},
      {"Merkel", "Angela Merkel"},
      {"Erdogan", "Recep Tayyip Erdoğan"},
      {"von der Leyen", "Ursula von der Leyen"},
      // Not in the table: the name itself, spaces normalised.
      {"Katrin  Albers", "Katrin Albers"},
      // Common surnames are nobody in particular.
      {"Schmidt", "Schmidt"},
      {"Brandt", "Brandt"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(aliases.Canonical(c.name) == c.canonical);
  }
}

TEST_CASE("AliasTable lets a user file add and replace forms") {
  AliasTable aliases = AliasTable::OverBuiltin();
  REQUIRE(aliases
              .LoadText("# my archive\n"
                        "Katrin Albers\tAlbers\tK. Albers\n"
                        "Schröder\tSchröder\n"
                        "\n")
              .ok());
  CHECK(aliases.Canonical("Albers") == "Katrin Albers");
  CHECK(aliases.Canonical("K. Albers") == "Katrin Albers");
  CHECK(aliases.Canonical("Schröder") == "Schröder");
  CHECK(aliases.Canonical("Gerhard Schröder") == "Gerhard Schröder");
  // The built-in table is not changed by the additions.
  CHECK(AliasTable::Builtin().Canonical("Albers") == "Albers");
  CHECK(AliasTable::Builtin().Canonical("Schröder") == "Gerhard Schröder");
}

TEST_CASE("AliasTable over the built-in one finds both tables' forms") {
  AliasTable aliases = AliasTable::OverBuiltin();
  CHECK(aliases.Canonical("Vladimir Putin") == "Wladimir Putin");  // built-in
  CHECK(aliases.IsFormStart("vladimir"));
  CHECK(aliases.max_form_words() == AliasTable::Builtin().max_form_words());
  REQUIRE(aliases.LoadText("Anna Maria Beate Kowalczyk\tKowalczyk\n").ok());
  CHECK(aliases.Canonical("Kowalczyk") == "Anna Maria Beate Kowalczyk");  // its own
  CHECK(aliases.IsFormStart("anna"));
  CHECK(aliases.Canonical("Vladimir Putin") == "Wladimir Putin");
  CHECK(aliases.max_form_words() == std::max<std::size_t>(4, AliasTable::Builtin().max_form_words()));
  // An empty table of its own finds none of the built-in forms.
  CHECK(AliasTable().FindKey("vladimir putin") == nullptr);
  CHECK_FALSE(AliasTable().IsFormStart("vladimir"));
}

TEST_CASE("AliasTable loads a file and reports the ones it cannot read") {
  testing::TempDir dir;
  testing::WriteFile(dir.Path("aliases.tsv"), "Arkadi Beljajew\tArkady Belyaev\tBelyaev\r\n");
  AliasTable aliases;
  Result<bool> loaded = aliases.LoadFile(dir.Path("aliases.tsv"));
  REQUIRE(loaded.ok());
  CHECK(aliases.Canonical("Belyaev") == "Arkadi Beljajew");

  Result<bool> missing = aliases.LoadFile(dir.Path("missing.tsv"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error() == dir.Path("missing.tsv") + ": cannot read the alias file");

  testing::WriteFile(dir.Path("broken.tsv"), "Ok Name\n\tno canonical\n");
  Result<bool> broken = aliases.LoadFile(dir.Path("broken.tsv"));
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error() == dir.Path("broken.tsv") + ":2: no name before the first TAB");
  CHECK(aliases.Canonical("Ok Name") == "Ok Name");  // nothing of the broken file added
  CHECK(aliases.FindKey("ok name") == nullptr);
}

}  // namespace
}  // namespace archivar::persons
