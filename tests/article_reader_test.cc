// formats/article_reader.h: files and directories to articles.
#include "formats/article_reader.h"

#include "test_support.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace archivar::formats {
namespace {

using testing::TempDir;
using testing::WriteFile;

// Everything the reader reported, in order, as "path:line id" for articles
// and "path:line! reason" for rejections (paths relative to `root`).
struct Recorder {
  explicit Recorder(std::string root) : root(std::move(root)) {}

  ArticleCallbacks Callbacks() {
    ArticleCallbacks callbacks;
    callbacks.on_article = [this](const RecordOrigin& origin, Article article) {
      events.push_back(Where(origin) + " " + article.id);
      articles.push_back(std::move(article));
    };
    callbacks.on_rejected = [this](const RecordOrigin& origin, const std::string& reason) {
      events.push_back(Where(origin) + "! " + reason);
    };
    return callbacks;
  }

  std::string Where(const RecordOrigin& origin) const {
    std::string path = origin.path;
    if (path.rfind(root + "/", 0) == 0) path = path.substr(root.size() + 1);
    return path + ":" + std::to_string(origin.line);
  }

  std::string root;
  std::vector<std::string> events;
  std::vector<Article> articles;
};

std::vector<std::string> Read(const std::string& root, const std::vector<std::string>& paths,
                              std::vector<Article>* articles = nullptr) {
  Recorder recorder(root);
  ReadArticles(paths, recorder.Callbacks());
  if (articles) *articles = recorder.articles;
  return recorder.events;
}

void WriteGzip(const std::string& path, const std::string& content) {
  gzFile file = gzopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  REQUIRE(gzwrite(file, content.data(), static_cast<unsigned>(content.size())) ==
          static_cast<int>(content.size()));
  REQUIRE(gzclose(file) == Z_OK);
}

TEST_CASE("ArticleReader recurses into directories in sorted order, skipping other file types") {
  TempDir dir;
  WriteFile(dir.Path("in/b.txt"), "Titel: B\n\nText B.\n");
  WriteFile(dir.Path("in/a.txt"), "Titel: A\n\nText A.\n");
  WriteFile(dir.Path("in/sub/c.txt"), "Text C ohne Kopf.\n");
  WriteFile(dir.Path("in/sub/d.jsonl"),
            "{\"id\":\"d1\",\"body\":\"Eins.\"}\n{\"id\":\"d2\",\"body\":\"Zwei.\"}\n");
  WriteFile(dir.Path("in/notes.md"), "# not an article\n");
  WriteFile(dir.Path("in/sub/table.csv"), "a,b\n");
  WriteFile(dir.Path("in/aa.jsonl.bak"), "{}\n");

  // Plain-text ids default to the path below the directory, without ".txt".
  CHECK(Read(dir.path(), {dir.Path("in")}) ==
        std::vector<std::string>{"in/a.txt:0 a", "in/b.txt:0 b", "in/sub/c.txt:0 sub/c",
                                 "in/sub/d.jsonl:1 d1", "in/sub/d.jsonl:2 d2"});
}

TEST_CASE("ArticleReader rejects an explicitly named file of an unsupported type") {
  TempDir dir;
  WriteFile(dir.Path("notes.md"), "Text.\n");
  WriteFile(dir.Path("a.txt"), "Text A.\n");
  auto events = Read(dir.path(), {dir.Path("notes.md"), dir.Path("a.txt")});
  REQUIRE(events.size() == 2);
  CHECK_THAT(events[0], Catch::StartsWith("notes.md:0! unsupported file type"));
  CHECK(events[1] == "a.txt:0 a");  // the run goes on
}

TEST_CASE("ArticleReader rejects a missing path and goes on") {
  TempDir dir;
  WriteFile(dir.Path("a.txt"), "Text A.\n");
  CHECK(Read(dir.path(), {dir.Path("nowhere"), dir.Path("a.txt")}) ==
        std::vector<std::string>{"nowhere:0! no such file or directory", "a.txt:0 a"});
}

TEST_CASE("ArticleReader reads gzip-compressed JSON lines with line numbers") {
  TempDir dir;
  WriteGzip(dir.Path("archiv.jsonl.gz"),
            "{\"id\":\"g1\",\"title\":\"Häuser\",\"body\":\"Neue Häuser.\"}\n"
            "kaputt\n"
            "{\"id\":\"g3\",\"body\":\"Drei.\"}\n");
  std::vector<Article> articles;
  CHECK(Read(dir.path(), {dir.Path("archiv.jsonl.gz")}, &articles) ==
        std::vector<std::string>{"archiv.jsonl.gz:1 g1", "archiv.jsonl.gz:2! invalid JSON",
                                 "archiv.jsonl.gz:3 g3"});
  REQUIRE(articles.size() == 2);
  CHECK(articles[0].title == "Häuser");
  CHECK(articles[0].body == "Neue Häuser.");
}

TEST_CASE("ArticleReader counts blank lines, accepts CRLF and a last line without newline") {
  TempDir dir;
  WriteFile(dir.Path("a.jsonl"),
            "{\"id\":\"j1\",\"body\":\"Eins.\"}\r\n"
            "\r\n"
            "   \n"
            "{\"id\":\"j4\",\"body\":\"\"}\n"
            "{\"id\":\"j5\",\"body\":\"F\xC3\xBCnf.\"}");
  std::vector<Article> articles;
  CHECK(Read(dir.path(), {dir.Path("a.jsonl")}, &articles) ==
        std::vector<std::string>{"a.jsonl:1 j1", "a.jsonl:4! empty body", "a.jsonl:5 j5"});
  REQUIRE(articles.size() == 2);
  CHECK(articles[0].body == "Eins.");  // no trailing \r
}

TEST_CASE("ArticleReader reports a plain-text record error at its line") {
  TempDir dir;
  WriteFile(dir.Path("in/kaputt.txt"), "Titel: K\nDatum: gestern\n\nText.\n");
  auto events = Read(dir.path(), {dir.Path("in")});
  REQUIRE(events.size() == 1);
  CHECK_THAT(events[0], Catch::StartsWith("in/kaputt.txt:2! unparseable date 'gestern'"));
}

TEST_CASE("ArticleReader names an explicitly given text file's article after the file") {
  TempDir dir;
  WriteFile(dir.Path("2023/meldung.txt"), "Text.\n");
  CHECK(Read(dir.path(), {dir.Path("2023/meldung.txt")}) ==
        std::vector<std::string>{"2023/meldung.txt:0 meldung"});
}

TEST_CASE("DefaultIdForPath is the path below the root without the .txt extension") {
  struct Case {
    const char* root;
    const char* file;
    const char* id;
  };
  const Case cases[] = {
      {"archiv", "archiv/2023/09/meldung.txt", "2023/09/meldung"},
      {"archiv/", "archiv/2023/meldung.txt", "2023/meldung"},
      {"./archiv", "./archiv/meldung.txt", "meldung"},
      {"/abs/archiv", "/abs/archiv/a.b.txt", "a.b"},
      {"archiv/meldung.txt", "archiv/meldung.txt", "meldung"},  // named directly
      {"meldung.txt", "meldung.txt", "meldung"},
  };
  for (const auto& c : cases) {
    INFO(c.root << " | " << c.file);
    CHECK(DefaultIdForPath(c.root, c.file) == c.id);
  }
}

// Issue 5 (hostile input): what the reader does with damaged and binary files.

TEST_CASE("ArticleReader keeps the lines before a gzip file's truncation and reports it") {
  TempDir dir;
  std::string lines;
  for (int i = 1; i <= 400; ++i) {
    lines += "{\"id\":\"t" + std::to_string(i) + "\",\"body\":\"Zeile " + std::to_string(i) +
             " mit genug Text, damit gzip nicht alles in wenige Bytes packt.\"}\n";
  }
  WriteGzip(dir.Path("full.jsonl.gz"), lines);
  std::string gz;
  {
    std::ifstream in(dir.Path("full.jsonl.gz"), std::ios::binary);
    gz.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  WriteFile(dir.Path("cut.jsonl.gz"), gz.substr(0, gz.size() - 4));  // no length trailer
  WriteFile(dir.Path("header.jsonl.gz"), gz.substr(0, 10));
  auto events = Read(dir.path(), {dir.Path("cut.jsonl.gz"), dir.Path("header.jsonl.gz")});
  REQUIRE(events.size() == 402);
  CHECK(events[399] == "cut.jsonl.gz:400 t400");
  CHECK(events[400] ==
        "cut.jsonl.gz:401! the gzip data ends early (truncated file?); the rest of the file is lost");
  CHECK(events[401] == "header.jsonl.gz:1! the gzip data ends early (truncated file?); the rest "
                       "of the file is lost");
}

TEST_CASE("ArticleReader rejects a binary or UTF-16 JSON Lines file once, not line by line") {
  TempDir dir;
  std::string binary = "{\"id\":\"x\",\"body\":\"y\"}\n";
  for (int i = 0; i < 100; ++i) binary += std::string("\x7f" "ELF\0\0\n\x01", 8);
  WriteFile(dir.Path("a.jsonl"), binary);
  WriteFile(dir.Path("b.jsonl"), std::string("\xFF\xFE{\0\n\0", 6));
  WriteFile(dir.Path("c.jsonl"), "{\"id\":\"c\",\"body\":\"Gut.\"}\n");
  CHECK(Read(dir.path(), {dir.path()}) ==
        std::vector<std::string>{
            "a.jsonl:2! NUL byte at byte 26: binary data, not text (or UTF-16 without a "
            "byte-order mark?); file skipped",
            "b.jsonl:1! UTF-16 text (it starts with a UTF-16 byte-order mark); convert it to "
            "UTF-8, e.g. with iconv -f UTF-16 -t UTF-8; file skipped",
            "c.jsonl:1 c"});
}

TEST_CASE("ArticleReader reports repairs just before the repaired article") {
  TempDir dir;
  WriteFile(dir.Path("a.jsonl"),
            "{\"id\":\"a\",\"id\":\"b\",\"body\":\"Text \\u0007.\"}\n{\"id\":\"c\",\"body\":\"Gut.\"}\n");
  WriteFile(dir.Path("d.txt"), "Text mit \x1b Escape.\n");
  std::vector<std::string> events;
  ArticleCallbacks callbacks;
  callbacks.on_article = [&](const RecordOrigin& origin, Article article) {
    events.push_back(std::to_string(origin.line) + " " + article.id);
  };
  callbacks.on_rejected = [&](const RecordOrigin&, const std::string& reason) {
    events.push_back("! " + reason);
  };
  callbacks.on_repaired = [&](const RecordOrigin& origin, const std::string& note) {
    events.push_back(std::to_string(origin.line) + "~ " + note);
  };
  ReadArticles({dir.Path("a.jsonl"), dir.Path("d.txt")}, callbacks);
  CHECK(events == std::vector<std::string>{
                      "1~ field 'id' given more than once; the last value is used; 1 control "
                      "character replaced by spaces",
                      "1 b", "2 c", "0~ 1 control character replaced by spaces", "0 d"});
}

TEST_CASE("ArticleReader rejects a text file over 64 MiB without reading it whole") {
  TempDir dir;
  {
    std::ofstream out(dir.Path("huge.txt"), std::ios::binary);
    out.seekp((std::streamoff{64} << 20) + 1);  // sparse: 64 MiB and 2 bytes
    out << "x";
  }
  WriteFile(dir.Path("small.txt"), "Klein.\n");
  CHECK(Read(dir.path(), {dir.path()}) ==
        std::vector<std::string>{"huge.txt:0! record larger than 64 MiB; skipped",
                                 "small.txt:0 small"});
}

TEST_CASE("ArticleReader closes a JSON Lines file when a callback throws") {
  // Found by the sanitizer build: a database error thrown while indexing
  // left the gzFile open (a leak, and a file descriptor per file).
  TempDir dir;
  WriteGzip(dir.Path("a.jsonl.gz"), "{\"id\":\"a\",\"body\":\"Text.\"}\n");
  auto open_descriptors = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                         std::filesystem::directory_iterator());
  };
  auto before = open_descriptors();
  ArticleCallbacks callbacks;
  callbacks.on_article = [](const RecordOrigin&, Article) {
    throw std::runtime_error("disk full");
  };
  callbacks.on_rejected = [](const RecordOrigin&, const std::string&) {};
  for (int i = 0; i < 10; ++i) {
    CHECK_THROWS_AS(ReadArticles({dir.Path("a.jsonl.gz")}, callbacks), std::runtime_error);
  }
  CHECK(open_descriptors() == before);
}

}  // namespace
}  // namespace archivar::formats
