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

// Fills an Article straight from the JSON text, without building a
// document tree or copying the strings twice (reading stored articles is
// a large share of a search that lists ids, titles and dates).  Accepts
// only a JSON object; its string members named like a stored field fill
// that field, everything else is skipped.
class StoredFieldsReader : public nlohmann::json_sax<json> {
 public:
  StoredFieldsReader(Article& article, StoredBody body) : article_(article), body_(body) {}

  bool null() override { return Scalar(); }
  bool boolean(bool) override { return Scalar(); }
  bool number_integer(number_integer_t) override { return Scalar(); }
  bool number_unsigned(number_unsigned_t) override { return Scalar(); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(); }
  bool binary(binary_t&) override { return Scalar(); }
  bool string(string_t& value) override {
    if (field_ != nullptr) *field_ = std::move(value);
    return Scalar();
  }
  bool key(string_t& name) override {
    field_ = depth_ == 1 ? FieldNamed(name) : nullptr;
    return true;
  }
  bool start_object(std::size_t) override { return Open(); }
  bool start_array(std::size_t) override { return depth_ > 0 && Open(); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  std::string* FieldNamed(const std::string& name) const {
    if (body_ == StoredBody::kSkip && name == schema::stored::kBody) return nullptr;
    for (const auto& field : kStoredFields) {
      if (name == field.name) return &(article_.*field.member);
    }
    return nullptr;
  }

  // A value that is not an object or array; at the top it means the data
  // is not an article.
  bool Scalar() {
    field_ = nullptr;
    return depth_ > 0;
  }

  bool Open() {
    if (depth_ == 0 && opened_) return false;  // a second top-level value
    opened_ = true;
    ++depth_;
    field_ = nullptr;
    return true;
  }

  bool Close() {
    --depth_;
    return true;
  }

  Article& article_;
  StoredBody body_;
  int depth_ = 0;
  bool opened_ = false;
  std::string* field_ = nullptr;  // the field the next string value fills
};

}  // namespace

std::string EncodeStoredArticle(const Article& article, StoredBody body) {
  json data = json::object();
  for (const auto& field : kStoredFields) {
    if (body == StoredBody::kSkip && field.member == &Article::body) continue;
    const std::string& value = article.*field.member;
    if (!value.empty()) data[field.name] = value;
  }
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

Article DecodeStoredArticle(const std::string& data, StoredBody body) {
  Article article;
  StoredFieldsReader reader(article, body);
  if (!json::sax_parse(data, &reader)) article = Article{};
  return article;
}

}  // namespace archivar::index
