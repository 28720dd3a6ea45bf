#include "formats/json_lines.h"

#include "formats/article_fields.h"
#include "text/unicode.h"

#include <nlohmann/json.hpp>

namespace archivar::formats {
namespace {

using json = nlohmann::json;

// Copies a string field into *out; absent or null leaves it empty.
Result<bool> ReadStringField(const json& object, const char* name,
                             std::string* out) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return Result<bool>::Ok(false);
  if (!it->is_string()) {
    return Result<bool>::Fail(std::string("field '") + name +
                              "' must be a string, not " + it->type_name());
  }
  *out = it->get<std::string>();
  return Result<bool>::Ok(true);
}

Result<bool> ReadId(const json& object, std::string* out) {
  auto it = object.find("id");
  if (it != object.end() && it->is_number_integer()) {
    *out = it->dump();
    return Result<bool>::Ok(true);
  }
  return ReadStringField(object, "id", out);
}

}  // namespace

Result<Article> ParseJsonArticle(std::string_view line) {
  std::size_t bad_offset = 0;
  if (!text::IsValidUtf8(line, &bad_offset)) {
    return Result<Article>::Fail("invalid UTF-8 (byte " +
                                 std::to_string(bad_offset) + " of the line)");
  }
  json object = json::parse(line.begin(), line.end(), nullptr,
                            /*allow_exceptions=*/false);
  if (object.is_discarded()) return Result<Article>::Fail("invalid JSON");
  if (!object.is_object()) {
    return Result<Article>::Fail(std::string("expected a JSON object, found ") +
                                 object.type_name());
  }
  Article article;
  std::string date;
  for (auto read : {ReadId(object, &article.id),
                    ReadStringField(object, "title", &article.title),
                    ReadStringField(object, "date", &date),
                    ReadStringField(object, "source", &article.source),
                    ReadStringField(object, "category", &article.category),
                    ReadStringField(object, "author", &article.author),
                    ReadStringField(object, "url", &article.url),
                    ReadStringField(object, "body", &article.body)}) {
    if (!read) return Result<Article>::Fail(read.error());
  }
  auto normalized_date = NormalizeDateField(date);
  if (!normalized_date) return Result<Article>::Fail(normalized_date.error());
  article.date = normalized_date.value();
  return FinishArticle(std::move(article));
}

}  // namespace archivar::formats
