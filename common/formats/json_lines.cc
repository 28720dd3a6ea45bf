#include "formats/json_lines.h"

#include "formats/article_fields.h"
#include "text/unicode.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

namespace archivar::formats {
namespace {

using json = nlohmann::json;

constexpr const char* kFieldNames[] = {"id",     "title",  "date", "source",
                                       "category", "author", "url",  "body"};

// Moves a string field into *out (a body may be tens of megabytes: it is
// not copied); absent or null leaves it empty.
Result<bool> ReadStringField(json& object, const char* name, std::string* out) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return Result<bool>::Ok(false);
  if (!it->is_string()) {
    return Result<bool>::Fail(std::string("field '") + name +
                              "' must be a string, not " + it->type_name());
  }
  *out = std::move(it->get_ref<std::string&>());
  return Result<bool>::Ok(true);
}

Result<bool> ReadId(json& object, std::string* out) {
  auto it = object.find("id");
  if (it != object.end() && it->is_number_integer()) {
    *out = it->dump();
    return Result<bool>::Ok(true);
  }
  return ReadStringField(object, "id", out);
}

}  // namespace

Result<Article> ParseJsonArticle(std::string_view line, RepairNotes* notes) {
  std::size_t bad_offset = 0;
  if (!text::IsValidUtf8(line, &bad_offset)) {
    return Result<Article>::Fail("invalid UTF-8 (byte " +
                                 std::to_string(bad_offset) + " of the line)");
  }
  if (std::size_t nul = line.find('\0'); nul != std::string_view::npos) {
    return Result<Article>::Fail(BinaryDataReason(nul, /*in_line=*/true));
  }
  // Notes the article fields whose key appears twice in the top-level object.
  std::vector<std::string> seen, repeated;
  json::parser_callback_t note_repeated_keys = [&](int depth, json::parse_event_t event,
                                                   json& parsed) {
    if (event != json::parse_event_t::key || depth != 1) return true;
    const auto& key = parsed.get_ref<const std::string&>();
    if (std::find(std::begin(kFieldNames), std::end(kFieldNames), key) == std::end(kFieldNames)) {
      return true;
    }
    if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
      seen.push_back(key);
    } else if (std::find(repeated.begin(), repeated.end(), key) == repeated.end()) {
      repeated.push_back(key);
    }
    return true;
  };
  json object = json::parse(line.begin(), line.end(), note_repeated_keys,
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
  if (notes) {
    for (const auto& key : repeated) {
      notes->push_back("field '" + key + "' given more than once; the last value is used");
    }
  }
  return FinishArticle(std::move(article), notes);
}

}  // namespace archivar::formats
