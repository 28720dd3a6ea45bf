// index/stored_article.h: the article kept in a document (header and body
// values), and the layouts of earlier versions.
#include "index/stored_article.h"

#include "schema.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace archivar::index {
namespace {

Article FullArticle() {
  Article a;
  a.id = "tb-1";
  a.title = "Neue Häuser für Berlin";
  a.date = "2023-09-12";
  a.source = "Tagesblatt Berlin";
  a.category = "Politik";
  a.author = "Anna Schmidt";
  a.url = "https://example.org/haeuser?a=1&b=\"2\"";
  a.body = "Die Stadt baut neue Häuser.\nDer Senat ist zufrieden: \u201Egut\u201C.";
  a.editor_code = "dp/pcl";
  return a;
}

void CheckSame(const Article& got, const Article& want) {
  CHECK(got.id == want.id);
  CHECK(got.title == want.title);
  CHECK(got.date == want.date);
  CHECK(got.source == want.source);
  CHECK(got.category == want.category);
  CHECK(got.author == want.author);
  CHECK(got.url == want.url);
  CHECK(got.body == want.body);
  CHECK(got.editor_code == want.editor_code);
}

TEST_CASE("Stored article round-trips every field") {
  Article article = FullArticle();
  CheckSame(DecodeStoredArticle(EncodeStoredArticle(article)), article);
}

TEST_CASE("Stored article round-trips an article with only id and body") {
  Article article;
  article.id = "x";
  article.body = "Text.";
  CheckSame(DecodeStoredArticle(EncodeStoredArticle(article)), article);
}

TEST_CASE("Stored article header holds every field but the body") {
  Article article = FullArticle();
  Article header = DecodeStoredArticle(EncodeStoredArticle(article, StoredBody::kSkip));
  CHECK(header.body.empty());
  header.body = article.body;
  CheckSame(header, article);
}

TEST_CASE("Stored article data is a JSON object with the schema's field names") {
  auto data = nlohmann::json::parse(EncodeStoredArticle(FullArticle()));
  REQUIRE(data.is_object());
  CHECK(data[schema::stored::kId] == "tb-1");
  CHECK(data[schema::stored::kTitle] == "Neue Häuser für Berlin");
  CHECK(data[schema::stored::kDate] == "2023-09-12");
  CHECK(data[schema::stored::kSource] == "Tagesblatt Berlin");
  CHECK(data[schema::stored::kCategory] == "Politik");
  CHECK(data[schema::stored::kAuthor] == "Anna Schmidt");
  CHECK(data[schema::stored::kUrl] == "https://example.org/haeuser?a=1&b=\"2\"");
  CHECK(data[schema::stored::kEditorCode] == "dp/pcl");
  CHECK(data.contains(schema::stored::kBody));
}

TEST_CASE("Stored article decodes data that is not an article as an empty article") {
  for (const char* data : {"", "not json", "[1,2]", "\"text\"", "{\"id\":"}) {
    INFO(data);
    CheckSame(DecodeStoredArticle(data), Article{});
  }
}

TEST_CASE("Stored article skips the body when asked to, and nested values always") {
  Article article = DecodeStoredArticle(
      R"({"id":"a","body":"Text.","x":{"title":"inner"},"y":["t"],"title":"T"})",
      StoredBody::kSkip);
  CHECK(article.id == "a");
  CHECK(article.body.empty());
  CHECK(article.title == "T");
  CHECK(DecodeStoredArticle(R"({"id":"a","body":"Text."})").body == "Text.");
  CHECK(DecodeStoredArticle(R"({"id":"a"} {"id":"b"})").id.empty());
}

TEST_CASE("Compressed bodies round-trip, long or short, and shrink text") {
  BodyCompressor compressor;
  std::string repetitive;
  for (int i = 0; i < 200; ++i) repetitive += "Die Polizei sucht Zeugen des Unfalls. ";
  std::string binary_like;
  for (int i = 0; i < 256; ++i) binary_like += static_cast<char>((i * 167 + 13) % 256);
  for (const std::string& body : {FullArticle().body, repetitive, std::string("x"), binary_like,
                                  std::string(70000, 'a')}) {
    INFO(body.size());
    std::string value = compressor.Compress(body);
    CHECK(DecompressBody(value) == body);
  }
  CHECK(compressor.Compress(repetitive).size() < repetitive.size() / 10);
  CHECK(compressor.Compress("x") == "=x");  // not worth compressing: stored as is
}

TEST_CASE("A damaged body value gives an empty body, never a crash or a huge allocation") {
  BodyCompressor compressor;
  std::string value = compressor.Compress(FullArticle().body + FullArticle().body);
  REQUIRE(value[0] == 'z');
  std::string wrong_length = value;
  wrong_length[4] = '\x7f';  // claims about 2 GB
  std::string truncated = value.substr(0, value.size() / 2);
  std::string flipped = value;
  flipped[value.size() / 2] = static_cast<char>(flipped[value.size() / 2] ^ 0x55);
  for (const std::string& damaged : {wrong_length, truncated, std::string("z"),
                                     std::string("?text"), flipped}) {
    std::string body = DecompressBody(damaged);
    CHECK((body.empty() || body.size() == 2 * FullArticle().body.size()));
  }
  CHECK(DecompressBody("").empty());
}

TEST_CASE("A stored article is read from its values, with or without the body") {
  BodyCompressor compressor;
  Xapian::Document doc;
  StoreArticle(FullArticle(), compressor, doc);
  CHECK(doc.get_data().empty());
  CheckSame(ReadStoredArticle(doc), FullArticle());
  Article without_body = FullArticle();
  without_body.body.clear();
  CheckSame(ReadStoredArticle(doc, StoredBody::kSkip), without_body);
}

TEST_CASE("Articles stored by earlier versions (JSON document data) are read too") {
  Xapian::Document doc;
  doc.set_data(EncodeStoredArticle(FullArticle()));
  SECTION("data only, before the header value") {}
  SECTION("data and header value, before the body value") {
    doc.add_value(schema::kHeaderSlot, EncodeStoredArticle(FullArticle(), StoredBody::kSkip));
  }
  CheckSame(ReadStoredArticle(doc), FullArticle());
  CHECK(ReadStoredArticle(doc, StoredBody::kSkip).body.empty());
  CHECK(ReadStoredArticle(doc, StoredBody::kSkip).title == FullArticle().title);
}

TEST_CASE("Stored article leaves missing and non-string fields empty") {
  Article article = DecodeStoredArticle(R"({"id":"a","title":5,"body":"Text.","extra":"x"})");
  CHECK(article.id == "a");
  CHECK(article.title.empty());
  CHECK(article.body == "Text.");
  CHECK(article.date.empty());
}

}  // namespace
}  // namespace archivar::index
