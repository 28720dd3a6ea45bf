// Hostile and broken input through the real programs (issue 5, "Never lose
// an article, never corrupt the archive"): every kind of broken file is
// either indexed sensibly or rejected as "path:line: reason" while every
// other record is still indexed; no query crashes the searcher or escapes
// its exit statuses 0/1/2; unusable database paths fail clearly and leave
// the database as it was at its last commit.  Memory for huge records is
// measured (peak resident size of the indexer).
#include "process_support.h"
#include "text/unicode.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using archivar::testing::JsonLine;
using archivar::testing::Run;
using archivar::testing::ShellQuote;
using archivar::testing::Workspace;
using archivar::testing::WriteFile;
using Ids = std::vector<std::string>;

std::string Line(const std::string& id, const std::string& body) {
  return JsonLine(id, "", "", "Q", "K", body);
}

// `size` pseudo-random bytes, the same every run.
std::string RandomBytes(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  return bytes;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The lines of the indexer's standard error that are about `path`.
std::vector<std::string> LinesAbout(const std::string& err, const std::string& path) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(path + ":", 0) == 0) lines.push_back(line);
  }
  return lines;
}

// True when text is fit for a terminal: valid UTF-8, and no control
// character but the newline (so no escape sequence can reach it).
bool IsCleanText(const std::string& text) {
  if (!archivar::text::IsValidUtf8(text)) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && u != '\n') || u == 0x7F;
  });
}

// Every line the indexer wrote to standard error is "path:line: reason",
// "path: reason" or its own "archivar-index: …" line.
void CheckErrorLinesAreLocated(const std::string& err, const std::string& root) {
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    INFO(line);
    CHECK((line.rfind(root, 0) == 0 || line.rfind("archivar-index: ", 0) == 0));
  }
}

std::string Summary(std::size_t indexed, std::size_t rejected) {
  return std::to_string(indexed) + " articles indexed (" + std::to_string(indexed) +
         " new, 0 replaced, 0 unchanged), 0 deleted, " + std::to_string(rejected) + " rejected";
}

bool IsRoot() { return geteuid() == 0; }

// Under AddressSanitizer (.ci/sanitize) the programs need several times
// their normal memory, so peak sizes are shown but not checked.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kMemoryIsMeasurable = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kMemoryIsMeasurable = false;
#else
constexpr bool kMemoryIsMeasurable = true;
#endif
#else
constexpr bool kMemoryIsMeasurable = true;
#endif

// Checks that a run's peak resident memory stayed under `limit_mib`.
void CheckPeakMemory(const Run& run, long limit_mib, const std::string& what) {
  WARN("peak memory " << what << ": " << run.peak_rss_kib / 1024 << " MiB (limit "
                      << limit_mib << " MiB)");
  if (kMemoryIsMeasurable) CHECK(run.peak_rss_kib < limit_mib * 1024);
}

}  // namespace

// --- Files --------------------------------------------------------------

TEST_CASE("Empty files are skipped or reported and the other records are indexed") {
  Workspace ws;
  WriteFile(ws.Path("in/empty.txt"), "");
  WriteFile(ws.Path("in/empty.jsonl"), "");
  WriteFile(ws.Path("in/empty.jsonl.gz"), "");
  WriteFile(ws.Path("in/blank.txt"), "\n \r\n\t\n");
  WriteFile(ws.Path("in/good.jsonl"), Line("good", "Ein gültiger Artikel."));
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string in = ws.Path("in").string();
  CHECK(Contains(run.err, in + "/empty.txt: empty body"));
  CHECK(Contains(run.err, in + "/blank.txt: empty body"));
  CHECK(Contains(run.err, in + "/empty.jsonl.gz: not gzip data"));
  CHECK(LinesAbout(run.err, in + "/empty.jsonl").empty());  // no records, nothing wrong
  CHECK(Contains(run.err, Summary(1, 3)));
  CHECK(ws.Ids({"gültig"}) == Ids{"good"});
}

TEST_CASE("Binary files with a text extension are rejected once each") {
  Workspace ws;
  std::string png = "\x89PNG\r\n\x1a\n" + std::string("\0\0\0\rIHDR", 8) + RandomBytes(5000, 1);
  WriteFile(ws.Path("in/bild.txt"), png);
  WriteFile(ws.Path("in/rauschen.txt"), RandomBytes(100000, 2));
  WriteFile(ws.Path("in/rauschen.jsonl"), RandomBytes(300000, 3));
  WriteFile(ws.Path("in/nullen.jsonl"), std::string(200000, '\0'));
  WriteFile(ws.Path("in/good.jsonl"), Line("good", "Ein gültiger Artikel."));
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string in = ws.Path("in").string();
  for (const char* name : {"bild.txt", "rauschen.txt", "rauschen.jsonl", "nullen.jsonl"}) {
    INFO(name);
    auto lines = LinesAbout(run.err, in + "/" + name);
    REQUIRE(lines.size() == 1);  // one message per file, not one per "line"
    CHECK((Contains(lines[0], "binary data") || Contains(lines[0], "invalid UTF-8")));
  }
  CHECK(Contains(run.err, in + "/nullen.jsonl:1: NUL byte at byte 0: binary data"));
  CHECK(Contains(run.err, Summary(1, 4)));
  CheckErrorLinesAreLocated(run.err, in);
}

TEST_CASE("Invalid and overlong UTF-8 is rejected with its line") {
  Workspace ws;
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"overlong-slash", "\xC0\xAF"},         {"overlong-nul", "\xC0\x80"},
      {"overlong-3-byte", "\xE0\x80\xAF"},    {"surrogate", "\xED\xA0\x80"},
      {"beyond-unicode", "\xF4\x90\x80\x80"}, {"five-bytes", "\xF8\x88\x80\x80\x80"},
      {"lone-continuation", "\x80"},          {"cut-sequence", "\xE2\x82"},
      {"latin1", "Gr\xFC\xDF" "e"},
  };
  std::string jsonl = Line("first", "Vorher.");
  for (const auto& c : cases) {
    WriteFile(ws.Path(std::string("in/") + c.name + ".txt"),
              "Titel: Kaputt\n\nErste Zeile.\nText " + c.bytes + " Ende.\n");
    jsonl += "{\"id\":\"" + std::string(c.name) + "\",\"body\":\"Text " + c.bytes + "\"}\n";
  }
  jsonl += Line("last", "Nachher.");
  WriteFile(ws.Path("in/mixed.jsonl"), jsonl);
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string in = ws.Path("in").string();
  int line = 2;
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Contains(run.err, in + "/" + c.name + ".txt:4: invalid UTF-8"));
    CHECK(Contains(run.err, in + "/mixed.jsonl:" + std::to_string(line++) + ": invalid UTF-8"));
  }
  CHECK(Contains(run.err, Summary(2, 2 * std::size(cases))));
  CHECK(ws.DocCount() == 2);
}

TEST_CASE("UTF-16 text with a byte-order mark is rejected with a clear reason") {
  Workspace ws;
  auto utf16le = [](const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) out += std::string{c, '\0'};
    return out;
  };
  auto utf16be = [](const std::string& ascii) {
    std::string out = "\xFE\xFF";
    for (char c : ascii) out += std::string{'\0', c};
    return out;
  };
  WriteFile(ws.Path("in/le.txt"), utf16le("Titel: Windows\n\nText aus Windows.\n"));
  WriteFile(ws.Path("in/be.txt"), utf16be("Titel: Mac\n\nText.\n"));
  WriteFile(ws.Path("in/le.jsonl"), utf16le(Line("w1", "Text.") + Line("w2", "Text.")));
  WriteFile(ws.Path("in/good.jsonl"), Line("good", "Ein gültiger Artikel."));
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string in = ws.Path("in").string();
  for (const char* name : {"le.txt", "be.txt", "le.jsonl"}) {
    INFO(name);
    auto lines = LinesAbout(run.err, in + "/" + name);
    REQUIRE(lines.size() == 1);
    CHECK(Contains(lines[0], ":1: UTF-16 text"));
    CHECK(Contains(lines[0], "convert it to UTF-8"));
  }
  CHECK(Contains(run.err, Summary(1, 3)));
}

TEST_CASE("A UTF-8 byte-order mark and CRLF line ends are read as if absent") {
  Workspace ws;
  const std::string bom = "\xEF\xBB\xBF";
  WriteFile(ws.Path("in/bom.txt"), bom + "Titel: Mit BOM\nID: bom-txt\n\nText mit Kennung.\n");
  WriteFile(ws.Path("in/crlf.txt"),
            "Titel: Mit CRLF\r\nID: crlf-txt\r\n\r\nErster Absatz.\r\nZweiter Absatz.\r\ndp/pcl\r\n");
  WriteFile(ws.Path("in/both.jsonl"),
            bom + "{\"id\":\"bom-json\",\"title\":\"BOM JSON\",\"body\":\"Text mit Kennung.\"}\r\n" +
                "{\"id\":\"crlf-json\",\"title\":\"CRLF\",\"body\":\"Absatz eins.\\r\\nAbsatz zwei.\"}\r\n");
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  Ids found = ws.Ids({"Kennung"});
  std::sort(found.begin(), found.end());
  CHECK(found == Ids{"bom-json", "bom-txt"});

  Run text = ws.Search({"Absatz", "--limit", "10"});
  CHECK(IsCleanText(text.out));
  Run js = ws.Search({"Absatz", "--json", "--sort", "oldest"});
  json doc = json::parse(js.out);
  for (const auto& hit : doc["results"]) {
    std::string title = hit["title"];
    INFO(title);
    CHECK(title.find('\r') == std::string::npos);
    CHECK(hit["snippet"].get<std::string>().find('\r') == std::string::npos);
  }
  Ids titled = ws.Ids({"title:CRLF"});
  std::sort(titled.begin(), titled.end());
  CHECK(titled == Ids{"crlf-json", "crlf-txt"});
}

TEST_CASE("NUL bytes: a text file is rejected at its line, a JSON line on its own") {
  Workspace ws;
  const std::string nul(1, '\0');
  WriteFile(ws.Path("in/nul.txt"), "Titel: NUL\n\nErste Zeile.\nText " + nul + " Ende.\n");
  // A NUL byte past the first 64 KiB of a JSON Lines file rejects its line
  // only (the first 64 KiB decide whether the file is binary).
  std::string lines;
  int count = 0;
  while (lines.size() < 70000) lines += Line("p" + std::to_string(count++), "Polster Text.");
  lines += "{\"id\":\"nul\",\"body\":\"Text " + nul + " Ende\"}\n";
  lines += Line("after", "Danach.");
  WriteFile(ws.Path("in/late-nul.jsonl"), lines);
  // An escaped \u0000 is valid JSON: the character is replaced by a space.
  WriteFile(ws.Path("in/escaped.jsonl"), Line("escaped", "Text " + nul + " mit Null"));
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string in = ws.Path("in").string();
  CHECK(Contains(run.err, in + "/nul.txt:4: NUL byte at byte 30: binary data"));
  CHECK(Contains(run.err, in + "/late-nul.jsonl:" + std::to_string(count + 1) +
                              ": NUL byte at byte 25 of the line"));
  CHECK(Contains(run.err, Summary(count + 2, 2)));
  CHECK(ws.Ids({"Null"}) == Ids{"escaped"});
  CHECK(ws.Ids({"Danach"}) == Ids{"after"});
}

TEST_CASE("Control characters are replaced by spaces and never reach the terminal") {
  Workspace ws;
  WriteFile(ws.Path("in/ctrl.txt"),
            "Titel: Steuer\x07zeichen\nID: ctrl-txt\n\nText mit \x1b[31m Farbe \x1b[0m und \x08 und "
            "\x7f und \xC2\x9B" "C1.\n");
  WriteFile(ws.Path("in/ctrl.jsonl"),
            JsonLine("ctrl-json", "Titel \x1b]0;gekapert\x07", "", "Quelle\x01", "K",
                     "Farbe \x1b[2J gelöscht\ftext."));
  WriteFile(ws.Path("in/ctrl-id.jsonl"), Line("id\x1bmit", "Text mit Farbe."));
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(Contains(run.err, ws.Path("in/ctrl-id.jsonl").string() +
                              ":1: id contains control characters"));
  CHECK(Contains(run.err, Summary(2, 1)));

  Ids found = ws.Ids({"Farbe"});
  std::sort(found.begin(), found.end());
  CHECK(found == Ids{"ctrl-json", "ctrl-txt"});
  Run text = ws.Search({"Farbe", "--color", "never"});
  INFO(text.out);
  CHECK(text.status == 0);
  CHECK(IsCleanText(text.out));
  CHECK(Contains(text.out, "Text mit  [31m **Farbe**  [0m und   und   und  C1."));
  Run js = ws.Search({"Farbe", "--json", "--sort", "oldest"});
  json doc = json::parse(js.out);
  for (const auto& hit : doc["results"]) {
    for (const char* field : {"title", "source", "snippet"}) {
      CHECK(IsCleanText(hit[field].get<std::string>()));
    }
  }
}

TEST_CASE("A line of 100 MB is rejected in bounded memory and its neighbours are indexed") {
  Workspace ws;
  std::string huge = "{\"id\":\"huge\",\"body\":\"" + std::string(100u << 20, 'x') + "\"}\n";
  WriteFile(ws.Path("in/huge.jsonl"), Line("before", "Davor.") + huge + Line("after", "Danach."));
  WriteFile(ws.Path("in/huge.txt"), "Titel: Riesig\n\n" + std::string(100u << 20, 'y') + "\n");
  std::string().swap(huge);
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(Contains(run.err, ws.Path("in/huge.jsonl").string() + ":2: record larger than 64 MiB"));
  CHECK(Contains(run.err, ws.Path("in/huge.txt").string() + ": record larger than 64 MiB"));
  CHECK(Contains(run.err, Summary(2, 2)));
  // The reader keeps at most one record of 64 MiB (its buffer may double).
  CheckPeakMemory(run, 300, "indexing a 100 MB line");
  CHECK(ws.Ids({"Davor OR Danach"}).size() == 2);
}

TEST_CASE("An article of 50 MB is indexed up to the body limit in bounded memory") {
  Workspace ws;
  std::string body;
  const std::string sentence = "Der Stadtrat berät über neue Häuser am Stadtrand und den Hafen. ";
  body.reserve(50u << 20);
  body += "Anfangswort ";
  while (body.size() < (50u << 20)) body += sentence;
  body += "Schlusswort";
  WriteFile(ws.Path("in/big.jsonl"),
            Line("before", "Davor.") + JsonLine("big", "Riesig", "", "Q", "K", body) +
                Line("after", "Danach."));
  std::string().swap(body);
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CheckPeakMemory(run, 5 * 50, "indexing a 50 MiB article");  // a few times the record
  CHECK(ws.Ids({"Anfangswort"}) == Ids{"big"});
  CHECK(ws.Ids({"Schlusswort"}).empty());  // beyond the first 2 MiB
  CHECK(ws.Ids({"Davor OR Danach"}).size() == 2);
  Run search = ws.Search({"Riesig"});
  CHECK(search.status == 0);
  CheckPeakMemory(search, 150, "searching it");
}

TEST_CASE("A JSON line nested 100,000 levels deep neither overflows the stack nor stops the run") {
  Workspace ws;
  const std::size_t depth = 100000;
  std::string lines = Line("first", "Erster Text.");
  lines += std::string(depth, '[') + std::string(depth, ']') + "\n";
  lines += "{\"id\":\"nested\",\"body\":\"Tief verschachtelt.\",\"extra\":" +
           [&] {
             std::string deep;
             for (std::size_t i = 0; i < depth; ++i) deep += "{\"a\":";
             return deep + "1" + std::string(depth, '}');
           }() +
           "}\n";
  lines += std::string(depth, '[') + "\n";  // never closed
  lines += std::string(depth, '{') + "\n";  // not even valid
  lines += Line("last", "Letzter Text.");
  WriteFile(ws.Path("deep.jsonl"), lines);
  // Run with a small stack (512 KiB): any recursion per level would crash.
  Run run = ws.Exec("bash", {"-c", "ulimit -s 512 && exec \"$0\" \"$@\"",
                             archivar::testing::IndexProgram(), "--db", ws.Db(),
                             ws.Path("deep.jsonl").string()});
  INFO(run.err);
  CHECK(run.signal == 0);
  CHECK(run.status == 1);
  std::string file = ws.Path("deep.jsonl").string();
  CHECK(Contains(run.err, file + ":2: expected a JSON object, found array"));
  CHECK(Contains(run.err, file + ":4: invalid JSON"));
  CHECK(Contains(run.err, file + ":5: invalid JSON"));
  CHECK(Contains(run.err, Summary(3, 3)));
  CHECK(ws.Ids({"verschachtelt"}) == Ids{"nested"});
}

TEST_CASE("JSON with duplicate, wrongly typed or numeric fields is read or rejected by field") {
  Workspace ws;
  WriteFile(ws.Path("fields.jsonl"),
            "{\"id\":\"dup-a\",\"id\":\"dup-b\",\"body\":\"Doppelt eins.\",\"body\":\"Doppelt zwei.\"}\n"
            "{\"id\":42,\"body\":\"Zahl als Kennung.\"}\n"
            "{\"id\":\"t\",\"title\":2023,\"body\":\"Text.\"}\n"
            "{\"id\":\"b\",\"body\":123}\n"
            "{\"id\":\"d\",\"date\":20200101,\"body\":\"Text.\"}\n"
            "{\"id\":1.5,\"body\":\"Text.\"}\n"
            "{\"id\":\"s\",\"source\":true,\"body\":\"Text.\"}\n"
            "{\"id\":\"c\",\"category\":[\"Politik\"],\"body\":\"Text.\"}\n"
            "{\"id\":\"a\",\"author\":{\"name\":\"X\"},\"body\":\"Text.\"}\n"
            "{\"id\":null,\"body\":\"Ohne Kennung.\"}\n"
            "[\"id\",\"body\"]\n"
            "\"nur ein Text\"\n"
            "{\"id\":\"ok\",\"body\":\"Alles gut.\",\"unknown\":{\"x\":[1,2]}}\n");
  Run run = ws.Index({ws.Path("fields.jsonl").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string file = ws.Path("fields.jsonl").string();
  const char* expected[] = {
      ":3: field 'title' must be a string, not number",
      ":4: field 'body' must be a string, not number",
      ":5: field 'date' must be a string, not number",
      ":6: field 'id' must be a string, not number",
      ":7: field 'source' must be a string, not boolean",
      ":8: field 'category' must be a string, not array",
      ":9: field 'author' must be a string, not object",
      ":10: missing id",
      ":11: expected a JSON object, found array",
      ":12: expected a JSON object, found string",
  };
  for (const char* message : expected) CHECK(Contains(run.err, file + message));
  CHECK(Contains(run.err, Summary(3, 10)));
  CHECK(ws.Ids({"Doppelt"}) == Ids{"dup-b"});  // the last value wins
  CHECK(ws.Ids({"Kennung"}) == Ids{"42"});
  CHECK(ws.Ids({"gut"}) == Ids{"ok"});
}

TEST_CASE("Words longer than Xapian's term limit are skipped, the rest is searchable") {
  Workspace ws;
  const std::string long_word = "Lang" + std::string(300, 'x');   // 304 bytes
  const std::string long_umlauts = "Ü" + std::string(150, 'a') + std::string(100, 'o') + "ä";
  const std::string max_id(239, 'i');  // "Q" + 239 bytes = 240, the limit
  WriteFile(ws.Path("long.jsonl"),
            json{{"id", max_id},
                 {"title", long_word + " Titelwort"},
                 {"source", long_word + " Quelle"},
                 {"category", long_umlauts},
                 {"author", long_word + " Autorin"},
                 {"body", "Vorher " + long_word + " " + long_umlauts + " nachher " +
                              std::string(5000, 'z') + " Schluss."}}
                    .dump() +
                "\n" + Line(std::string(240, 'j'), "Zu lange Kennung."));
  Run run = ws.Index({ws.Path("long.jsonl").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(Contains(run.err, ws.Path("long.jsonl").string() + ":2: id longer than 239 bytes"));
  REQUIRE(ws.DocCount() == 1);
  // The database is on disk, where terms over 245 bytes would fail.
  Xapian::Database db(ws.Db());
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
    CHECK((*term).size() <= 245);
  }
  for (const char* query : {"Titelwort", "nachher", "Schluss", "quelle:Quelle", "autor:Autorin"}) {
    INFO(query);
    CHECK(ws.Ids({query}) == Ids{max_id});
  }
  for (const std::string& query :
       {long_word, long_umlauts, "title:" + long_word, "quelle:" + long_word, long_word + "*",
        "\"" + long_word + " nachher\"", std::string(3000, 'w')}) {
    INFO(query);
    Run search = ws.Search({query});
    CHECK(search.status == 1);  // nothing found, nothing failed
    CHECK(search.err.empty());
  }
}

TEST_CASE("Emoji and right-to-left text are indexed and searchable") {
  Workspace ws;
  WriteFile(ws.Path("in/mixed.jsonl"),
            Line("hebrew", "Gespräch: שלום עולם sagte der Botschafter 👋🏽.") +
                Line("arabic", "Die Zeitung schrieb مرحبا بالعالم über das Fest 🎉.") +
                Line("emoji", "Nur 🙂👍🏿🇩🇪 und ein Wort.") +
                JsonLine("rtl-title", "עיתון ‏ישראלי", "", "Q", "K", "Bericht aus Tel Aviv."));
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(ws.Ids({"שלום"}) == Ids{"hebrew"});
  CHECK(ws.Ids({"\"שלום עולם\""}) == Ids{"hebrew"});
  CHECK(ws.Ids({"بالعالم"}) == Ids{"arabic"});
  CHECK(ws.Ids({"title:ישראלי"}) == Ids{"rtl-title"});
  CHECK(ws.Ids({"Wort"}) == Ids{"emoji"});
  Run emoji_only = ws.Search({"👋🏽"});
  CHECK(emoji_only.status == 2);
  CHECK(Contains(emoji_only.err, "no searchable words"));
  Run text = ws.Search({"שלום"});
  CHECK(IsCleanText(text.out));
  CHECK(Contains(text.out, "**שלום**"));
}

TEST_CASE("Truncated, corrupt and fake gzip files keep the records before the damage") {
  Workspace ws;
  std::string lines;
  for (int i = 0; i < 3000; ++i) {
    lines += Line("g" + std::to_string(i), "Meldung Nummer " + std::to_string(i) +
                                               " über den Hafen und die Stadt.");
  }
  WriteFile(ws.Path("plain.jsonl"), lines);
  REQUIRE(ws.Shell("gzip -c " + ShellQuote(ws.Path("plain.jsonl").string()) + " > " +
                   ShellQuote(ws.Path("full.gz").string())) == 0);
  std::string gz = archivar::testing::ReadFileOrEmpty(ws.Path("full.gz"));
  REQUIRE(gz.size() > 4000);
  WriteFile(ws.Path("in/truncated.jsonl.gz"), gz.substr(0, gz.size() / 2));
  WriteFile(ws.Path("in/header-only.jsonl.gz"), gz.substr(0, 10));
  WriteFile(ws.Path("in/no-trailer.jsonl.gz"), gz.substr(0, gz.size() - 4));
  std::string bad_crc = gz;
  bad_crc[gz.size() - 8] = static_cast<char>(~bad_crc[gz.size() - 8]);
  WriteFile(ws.Path("in/bad-crc.jsonl.gz"), bad_crc);
  // Damage inside the compressed data decodes to garbage first: each broken
  // line is reported on its own until zlib notices.
  std::string garbled = gz;
  for (std::size_t i = gz.size() / 2; i < gz.size() / 2 + 16; ++i) garbled[i] = '\xA5';
  WriteFile(ws.Path("in/garbled.jsonl.gz"), garbled);
  WriteFile(ws.Path("in/not-gzip.jsonl.gz"), lines);
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 1);
  std::string in = ws.Path("in").string();
  CHECK(Contains(run.err, in + "/not-gzip.jsonl.gz: not gzip data"));
  CHECK(Contains(run.err, in + "/header-only.jsonl.gz:1: the gzip data ends early"));
  CHECK(Contains(run.err, in + "/no-trailer.jsonl.gz:3001: the gzip data ends early"));
  auto truncated = LinesAbout(run.err, in + "/truncated.jsonl.gz");
  REQUIRE(truncated.size() == 1);
  CHECK(Contains(truncated[0], ": the gzip data ends early (truncated file?)"));
  auto bad_crc_lines = LinesAbout(run.err, in + "/bad-crc.jsonl.gz");
  REQUIRE(bad_crc_lines.size() == 1);
  CHECK(Contains(bad_crc_lines[0],
                 ": cannot read further (incorrect data check); the rest of the file is skipped"));
  CHECK_FALSE(LinesAbout(run.err, in + "/garbled.jsonl.gz").empty());
  CheckErrorLinesAreLocated(run.err, in);
  // Every complete line before the damage was indexed (ids are shared
  // between the files, so the no-trailer file's 3000 cover them all).
  Xapian::Database db(ws.Db());
  for (int i = 0; i < 3000; ++i) CHECK(db.get_termfreq("Qg" + std::to_string(i)) == 1);
}

TEST_CASE("Repaired records are indexed and noted on standard error", "[repair-notes]") {
  Workspace ws;
  std::string body = "Anfang ";
  while (body.size() < (3u << 20)) body += "Wort und noch ein Wort. ";
  WriteFile(ws.Path("in/notes.jsonl"),
            Line("ctrl", "Text mit \x1b[31m Farbe.") +
                "{\"id\":\"dup\",\"id\":\"dup2\",\"body\":\"Doppelt.\"}\n" +
                Line("long", body));
  Run run = ws.Index({ws.Path("in").string()});
  INFO(run.err);
  CHECK(run.status == 0);
  std::string file = ws.Path("in/notes.jsonl").string();
  CHECK(Contains(run.err, file + ":1: note: 1 control character replaced by spaces"));
  CHECK(Contains(run.err,
                 file + ":2: note: field 'id' given more than once; the last value is used"));
  CHECK(Contains(run.err, file + ":3: note: body of 3.0 MiB cut to its first 2.0 MiB"));
  CHECK(ws.DocCount() == 3);
}

// Words over 80 bytes are neither split by the decompounder nor classified
// by the person recognizer (both once grew at least with the square of the
// word's length: hours for this word).
TEST_CASE("A body that is one endless compound is indexed in seconds", "[decompounder-dos]") {
  Workspace ws;
  std::string word;
  while (word.size() < (1u << 20)) word += "Haus";
  WriteFile(ws.Path("endless.jsonl"), Line("endless", "Vorher " + word + " nachher."));
  // Before the fix this ran for hours; CTest's timeout (120 s) fails it if
  // it ever does again.
  Run run = ws.Index({ws.Path("endless.jsonl").string()});
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK(ws.Ids({"nachher"}) == Ids{"endless"});
}

// Found by the analyzer and article fuzz targets: the decompounder's split
// search grew exponentially on a word of one repeated letter ("pppp…": 60
// letters 0.4 s, 72 letters 5.6 s, doubling every four letters), so the 80-
// byte cap above did not bound it: an 80-letter word took about 35 s.  It
// now remembers which prefixes are compounds (polynomial).
TEST_CASE("Words of one repeated letter up to the compound limit are indexed in seconds", "[long-words]") {
  Workspace ws;
  std::string body = "Vorher";
  for (char letter : {'p', 'i'}) {
    for (std::size_t length : {60, 72, 80}) body += " " + std::string(length, letter);
  }
  WriteFile(ws.Path("letters.jsonl"), Line("letters", body + " nachher."));
  auto started = std::chrono::steady_clock::now();
  Run run = ws.Index({ws.Path("letters.jsonl").string()});
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK(seconds < 10);
  CHECK(ws.Ids({"nachher"}) == Ids{"letters"});
}

// --- Queries --------------------------------------------------------------

namespace {

void WriteQueryFixture(const Workspace& ws) {
  WriteFile(ws.Path("in/a.jsonl"),
            JsonLine("a1", "Neue Häuser am Stadtrand", "2019-05-02", "Tagesblatt Berlin",
                     "Lokales", "Am Stadtrand entstehen neue Häuser für junge Familien.") +
                JsonLine("a2", "Wasserstoff für die Industrie", "2023-11-30", "Alpenpost",
                         "Wirtschaft", "Grüner Wasserstoff soll die Stahlwerke antreiben."));
}

}  // namespace

TEST_CASE("Hostile queries get results or a message, never a crash") {
  Workspace ws;
  WriteQueryFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);

  std::string long_word(10000, 'a');
  std::string many_words, many_and, brackets_open, quotes;
  for (int i = 0; i < 1000; ++i) {
    many_words += "wort" + std::to_string(i) + " ";
    many_and += (i ? " AND " : "") + std::string("Haus");
  }
  std::string ten_thousand;
  while (ten_thousand.size() < 10000) ten_thousand += "Häuser Stadtrand ";
  struct Case {
    std::string query;
    std::vector<int> statuses;  // the acceptable exit statuses
  };
  const Case cases[] = {
      {"", {2}},
      {"   ", {2}},
      {"der die das und", {2}},
      {"*", {2}},
      {"**", {2}},
      {"Haus*", {0}},
      {ten_thousand, {0}},
      {long_word, {1}},
      {many_words + "Haus", {0}},
      {many_and, {0}},
      {std::string(5000, '(') + "Haus", {0}},
      {"Haus" + std::string(5000, ')'), {0}},
      {std::string(3000, '(') + "Haus" + std::string(3000, ')'), {0}},
      {"((Haus OR Industrie)", {0}},
      {"\"Häuser am", {0}},
      {"Häuser am\"", {0}},
      {std::string(5001, '"'), {2}},
      {"\"\"\"Haus", {0}},
      {"title:", {1, 2}},
      {"date:", {1, 2}},
      {"date:..", {0, 1, 2}},
      {"Haus 2019..2021", {0}},  // a range without date: (found by fuzzing)
      {"Haus..Stadtrand", {0}},
      {"quelle:\"", {1, 2}},
      {"NOT", {2}},
      {"AND OR NOT XOR", {2}},
      {"Haus NEAR", {0}},
      {"NEAR/999999999999 Haus", {0}},
      {"-Haus", {0, 1}},
      {"+", {2}},
      {"Haus\x01\x02\x1b[31m\x7f", {0}},
      {"\x1b]0;gekapert\x07", {1, 2}},
      {"Haus\xFF\xFE", {0}},
      {"\xC0\xAF\xED\xA0\x80", {2}},
      {"H\xC3" "user", {1}},
      {"Hä\u200Buser", {0}},
  };
  for (const auto& c : cases) {
    INFO("query (" << c.query.size() << " bytes): " << c.query.substr(0, 60));
    for (bool as_json : {false, true}) {
      std::vector<std::string> args = {"--", c.query};  // "--": "-Haus" is no option
      if (as_json) args.insert(args.begin(), "--json");
      Run run = ws.Search(args);
      INFO(run.err);
      CHECK(run.signal == 0);
      CHECK(std::find(c.statuses.begin(), c.statuses.end(), run.status) != c.statuses.end());
      if (run.status == 2) CHECK_FALSE(run.err.empty());
      CHECK(std::count(run.err.begin(), run.err.end(), '\n') <= 1);
      CHECK(IsCleanText(run.err));
      if (as_json && run.status < 2) CHECK_NOTHROW(json::parse(run.out));
      if (!as_json) CHECK(IsCleanText(run.out));
    }
  }
}

TEST_CASE("Invalid UTF-8 in the query is shown as U+FFFD, never echoed raw") {
  Workspace ws;
  WriteQueryFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);
  Run text = ws.Search({"Häuser\xFF"});
  CHECK(text.status == 0);
  CHECK(Contains(text.out, "for: Häuser\uFFFD (showing 1–1)"));
  Run none = ws.Search({"Zeppelin\xC0\xAF\x1b[2J"});
  CHECK(none.status == 1);
  CHECK(Contains(none.out, "No articles found for: Zeppelin\uFFFD\uFFFD\uFFFD[2J"));
  Run js = ws.Search({"Häuser\xFF", "--json"});
  CHECK(json::parse(js.out)["query"] == "Häuser\uFFFD");
}

TEST_CASE("A wildcard that would expand to 100,000 words is refused with a clear message") {
  Workspace ws;
  // 100 articles of 1,001 different words each: zzq0 … zzq100099.
  std::string lines;
  for (int a = 0; a < 100; ++a) {
    std::string body;
    for (int i = 0; i < 1001; ++i) body += "zzq" + std::to_string(a * 1001 + i) + " ";
    lines += Line("w" + std::to_string(a), body);
  }
  WriteFile(ws.Path("words.jsonl"), lines);
  REQUIRE(ws.Index({ws.Path("words.jsonl").string()}).status == 0);
  Xapian::Database db(ws.Db());
  Xapian::termcount words = 0;
  for (auto t = db.allterms_begin("zzq"); t != db.allterms_end("zzq"); ++t) ++words;
  REQUIRE(words > 100000);

  for (const char* query : {"zzq*", "zz*", "z*", "Z*", "zzq* AND w*", "Haus OR zzq*"}) {
    INFO(query);
    Run run = ws.Search({query});
    CHECK(run.status == 2);
    CHECK(run.err ==
          "archivar-search: a wildcard in the query matches more than 10000 different words; "
          "give more letters before the *\n");
    if (kMemoryIsMeasurable) CHECK(run.peak_rss_kib < 200 * 1024);
  }
  CHECK(ws.Search({"zzq1234*"}).status == 0);  // 11 words: fine
}

// --- Paths ----------------------------------------------------------------

TEST_CASE("A database path that is a file fails clearly and the file is left alone") {
  Workspace ws;
  WriteQueryFixture(ws);
  WriteFile(ws.Path("db"), "kein Archiv");
  Run index = ws.Index({ws.Path("in").string()});
  CHECK(index.status == 2);
  CHECK(Contains(index.err, "archivar-index: cannot write the database '" + ws.Db() + "'"));
  Run search = ws.Search({"Haus"});
  CHECK(search.status == 2);
  CHECK(Contains(search.err, "no Archivar database at '" + ws.Db() + "'"));
  CHECK(archivar::testing::ReadFileOrEmpty(ws.Db()) == "kein Archiv");
}

namespace {

// The command prefix that runs a program as an unprivileged user, so that
// file permissions apply: none when the tests do not run as root,
// setpriv to "nobody" when they do; nullopt when that is not possible.
std::optional<std::vector<std::string>> UnprivilegedPrefix(const Workspace& ws) {
  if (!IsRoot()) return std::vector<std::string>{};
  if (ws.Shell("command -v setpriv >/dev/null && id nobody >/dev/null 2>&1") != 0) {
    return std::nullopt;
  }
  return std::vector<std::string>{"setpriv", "--reuid=nobody", "--regid=nogroup",
                                  "--clear-groups", "--"};
}

Run ExecAs(const Workspace& ws, const std::vector<std::string>& prefix,
           const std::string& program, std::vector<std::string> args) {
  if (prefix.empty()) return ws.Exec(program, args);
  std::vector<std::string> all(prefix.begin() + 1, prefix.end());
  all.push_back(program);
  all.insert(all.end(), args.begin(), args.end());
  return ws.Exec(prefix.front(), all);
}

}  // namespace

TEST_CASE("Directories without permission fail clearly and change nothing") {
  Workspace ws;
  auto prefix = UnprivilegedPrefix(ws);
  if (!prefix) {
    WARN("SKIPPED: running as root without setpriv; permissions cannot be tested");
    return;
  }
  // The workspace must be reachable for the unprivileged user.
  fs::permissions(ws.Path(""), fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
  WriteQueryFixture(ws);
  REQUIRE(ws.Index({ws.Path("in").string()}).status == 0);
  struct RestorePermissions {  // so that the workspace can be removed
    const Workspace& ws;
    ~RestorePermissions() { ws.Exec("chmod", {"-R", "u+rwx", ws.Path("").string()}); }
  } restore{ws};
  fs::create_directories(ws.Path("locked"));
  fs::permissions(ws.Path("locked"), fs::perms::owner_read | fs::perms::owner_exec |
                                         fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);  // 555
  // The database itself made read-only for everybody.
  REQUIRE(ws.Exec("chmod", {"-R", "a-w", ws.Db()}).status == 0);
  fs::create_directories(ws.Path("secret/sub"));
  WriteFile(ws.Path("secret/sub/a.jsonl"), Line("secret", "Geheim."));
  fs::permissions(ws.Path("secret"), fs::perms::none);  // 000

  SECTION("a new database in a directory without write permission") {
    std::string db = ws.Path("locked/db").string();
    Run run = ExecAs(ws, *prefix, archivar::testing::IndexProgram(),
                     {"--db", db, ws.Path("in").string()});
    INFO(run.err);
    CHECK(run.status == 2);
    CHECK(Contains(run.err, "archivar-index: cannot write the database '" + db + "'"));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(db));
  }
  SECTION("a read-only database cannot be written but can be searched") {
    Run run = ExecAs(ws, *prefix, archivar::testing::IndexProgram(),
                     {"--db", ws.Db(), ws.Path("in").string()});
    INFO(run.err);
    CHECK(run.status == 2);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    // Said as it is: no permission, not "locked by another process".
    CHECK(Contains(run.err, "archivar-index: cannot write to the database '" + ws.Db() +
                                "': Permission denied (it can still be searched)"));
    CHECK(ws.DocCount() == 2);
    Run search = ExecAs(ws, *prefix, archivar::testing::SearchProgram(),
                        {"--db", ws.Db(), "--json", "Häuser"});
    INFO(search.err);
    CHECK(search.status == 0);
    CHECK(json::parse(search.out)["results"][0]["id"] == "a1");
  }
  SECTION("an unreadable input directory is reported, the others are read") {
    std::string db = ws.Path("mine").string();
    fs::create_directories(db);
    fs::permissions(db, fs::perms::all);
    Run run = ExecAs(ws, *prefix, archivar::testing::IndexProgram(),
                     {"--db", db, ws.Path("secret").string(), ws.Path("secret/sub/a.jsonl").string(),
                      ws.Path("in").string()});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(Contains(run.err, ws.Path("secret").string() + ": cannot read directory: Permission denied"));
    CHECK(Contains(run.err, ws.Path("secret/sub/a.jsonl").string() + ": cannot read: Permission denied"));
    CHECK(Contains(run.err, Summary(2, 2)));
  }
}

TEST_CASE("A full disk fails clearly and leaves the database as of its last commit") {
  Workspace ws;
  // Articles of about 2 KB of random words, so that Xapian's compression
  // cannot make them small.
  std::mt19937 random(5);
  auto write_articles = [&](const std::string& name, const std::string& prefix, int count) {
    std::string lines;
    for (int i = 0; i < count; ++i) {
      std::string body = "Artikel über Häuser, Häfen und Wasserstoff:";
      while (body.size() < 2000) {
        body += ' ';
        for (int letters = 3 + random() % 8; letters > 0; --letters) {
          body += static_cast<char>('a' + random() % 26);
        }
      }
      lines += Line(prefix + std::to_string(i), body);
    }
    WriteFile(ws.Path(name), lines);
  };
  // The second file, about 3 MB, is one commit: under Xapian's automatic
  // flush at 10,000 changes.
  write_articles("first.jsonl", "f", 200);
  write_articles("second.jsonl", "s", 1500);
  REQUIRE(ws.Index({ws.Path("first.jsonl").string()}).status == 0);
  REQUIRE(ws.DocCount() == 200);

  SECTION("file size limit (ulimit -f), as a full disk looks to a program") {
    // The indexer starts with SIGXFSZ at its default action (which ends a
    // process that writes past the limit) and ignores it itself, so its
    // writes fail with EFBIG and Xapian's error is reported.
    Run run = ws.Exec("bash", {"-c",
                               "ulimit -f 1024 && exec env --default-signal=XFSZ \"$0\" \"$@\"",
                               archivar::testing::IndexProgram(), "--db", ws.Db(), "--batch",
                               "100000", ws.Path("second.jsonl").string()});
    INFO(run.err);
    CHECK(run.status == 2);
    CHECK(Contains(run.err, "archivar-index: cannot write the database '" + ws.Db() + "'"));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
  SECTION("a small tmpfs that fills up") {
    // Room for the database as it is and 1 MiB more.
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::directory_iterator(ws.Db())) bytes += entry.file_size();
    std::string size = std::to_string(bytes / 1024 + 1024) + "k";
    if (!IsRoot() || ws.Shell("mkdir -p " + ShellQuote(ws.Path("small").string()) +
                              " && mount -t tmpfs -o size=" + size + " tmpfs " +
                              ShellQuote(ws.Path("small").string()) + " 2>/dev/null") != 0) {
      WARN("SKIPPED: cannot mount a small tmpfs here (needs root and mount rights)");
      return;
    }
    struct Unmount {  // even when a check throws
      const Workspace& ws;
      ~Unmount() { ws.Shell("umount " + ShellQuote(ws.Path("small").string())); }
    } unmount{ws};
    std::string db = ws.Path("small/db").string();
    REQUIRE(ws.Shell("cp -r " + ShellQuote(ws.Db()) + " " + ShellQuote(db)) == 0);
    Run run = ws.Exec(archivar::testing::IndexProgram(),
                      {"--db", db, "--batch", "100000", ws.Path("second.jsonl").string()});
    INFO(run.err);
    CHECK(run.status == 2);
    CHECK(Contains(run.err, "archivar-index: cannot write the database '" + db + "'"));
    CHECK(Xapian::Database(db).get_doccount() == 200);
    return;
  }
  // The last commit is intact and the next run completes the job.
  CHECK(ws.DocCount() == 200);
  Xapian::Database db(ws.Db());
  CHECK(db.get_termfreq("Qf199") == 1);
  CHECK(db.get_termfreq("Qs0") == 0);
  REQUIRE(ws.Index({ws.Path("second.jsonl").string()}).status == 0);
  CHECK(ws.DocCount() == 1700);
}
