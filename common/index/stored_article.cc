#include "index/stored_article.h"

#include "schema.h"

#include <nlohmann/json.hpp>

namespace archivar::index {
namespace {

using json = nlohmann::json;

struct FieldBinding {
  const char* name;
  std::string Article::*member;
};

const FieldBinding kStoredFields[] = {
    {schema::stored::kId, &Article::id},
    {schema::stored::kTitle, &Article::title},
    {schema::stored::kDate, &Article::date},
    {schema::stored::kSource, &Article::source},
    {schema::stored::kCategory, &Article::category},
    {schema::stored::kAuthor, &Article::author},
    {schema::stored::kUrl, &Article::url},
    {schema::stored::kBody, &Article::body},
    {schema::stored::kEditorCode, &Article::editor_code},
};

}  // namespace

std::string EncodeStoredArticle(const Article& article) {
  json data = json::object();
  for (const auto& field : kStoredFields) {
    const std::string& value = article.*field.member;
    if (!value.empty()) data[field.name] = value;
  }
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

Article DecodeStoredArticle(const std::string& data) {
  Article article;
  json object = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return article;
  for (const auto& field : kStoredFields) {
    auto it = object.find(field.name);
    if (it != object.end() && it->is_string()) {
      article.*field.member = it->get<std::string>();
    }
  }
  return article;
}

}  // namespace archivar::index
