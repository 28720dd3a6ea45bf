#include "index/stored_article.h"

#include "schema.h"
#include "util/little_endian.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <cstdint>
#include <new>

namespace archivar::index {
namespace {

using json = nlohmann::json;

// Body values: a tag byte, then for kDeflatedTag the body's length in
// kLengthBytes (little-endian) and raw deflate data, for kPlainTag the body.
constexpr char kDeflatedTag = 'z';
constexpr char kPlainTag = '=';
constexpr std::size_t kLengthBytes = 4;
constexpr std::size_t kDeflatedHeaderBytes = 1 + kLengthBytes;
// deflate never expands more than about 1032:1, so a longer stated length
// means a damaged value (and is not allocated).
constexpr std::size_t kMaxDeflateRatio = 1032;
constexpr int kRawDeflateWindowBits = -15;
constexpr int kDeflateMemLevel = 8;

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

struct BodyCompressor::Stream {
  z_stream zlib{};
};

BodyCompressor::BodyCompressor() : stream_(std::make_unique<Stream>()) {
  if (deflateInit2(&stream_->zlib, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kRawDeflateWindowBits,
                   kDeflateMemLevel, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::bad_alloc();
  }
}

BodyCompressor::~BodyCompressor() { deflateEnd(&stream_->zlib); }

std::string BodyCompressor::Compress(std::string_view body) {
  auto plain = [body] { return kPlainTag + std::string(body); };
  if (body.empty() || body.size() > UINT32_MAX) return plain();
  z_stream& zlib = stream_->zlib;
  if (deflateReset(&zlib) != Z_OK) return plain();
  std::string deflated(1, kDeflatedTag);
  AppendU32(deflated, static_cast<uint32_t>(body.size()));
  deflated.resize(kDeflatedHeaderBytes + deflateBound(&zlib, body.size()));
  zlib.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zlib.avail_in = static_cast<uInt>(body.size());
  zlib.next_out = reinterpret_cast<Bytef*>(&deflated[kDeflatedHeaderBytes]);
  zlib.avail_out = static_cast<uInt>(deflated.size() - kDeflatedHeaderBytes);
  if (deflate(&zlib, Z_FINISH) != Z_STREAM_END) return plain();
  deflated.resize(kDeflatedHeaderBytes + zlib.total_out);
  return deflated.size() < 1 + body.size() ? deflated : plain();
}

std::string DecompressBody(std::string_view value) {
  if (value.empty()) return {};
  if (value[0] == kPlainTag) return std::string(value.substr(1));
  if (value[0] != kDeflatedTag || value.size() <= kDeflatedHeaderBytes) return {};
  std::size_t length = ReadU32(reinterpret_cast<const unsigned char*>(value.data() + 1));
  std::string_view deflated = value.substr(kDeflatedHeaderBytes);
  if (length == 0 || length > deflated.size() * kMaxDeflateRatio) return {};

  std::string body(length, '\0');
  z_stream zlib{};
  if (inflateInit2(&zlib, kRawDeflateWindowBits) != Z_OK) return {};
  zlib.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.data()));
  zlib.avail_in = static_cast<uInt>(deflated.size());
  zlib.next_out = reinterpret_cast<Bytef*>(body.data());
  zlib.avail_out = static_cast<uInt>(length);
  bool complete = inflate(&zlib, Z_FINISH) == Z_STREAM_END && zlib.total_out == length;
  inflateEnd(&zlib);
  return complete ? body : std::string();
}

void StoreArticle(const Article& article, BodyCompressor& compressor, Xapian::Document& doc) {
  doc.add_value(schema::kHeaderSlot, EncodeStoredArticle(article, StoredBody::kSkip));
  if (!article.body.empty()) doc.add_value(schema::kBodySlot, compressor.Compress(article.body));
}

Article ReadStoredArticle(const Xapian::Document& doc, StoredBody body) {
  std::string header = doc.get_value(schema::kHeaderSlot);
  if (header.empty()) return DecodeStoredArticle(doc.get_data(), body);  // the oldest layout
  Article article = DecodeStoredArticle(header, StoredBody::kSkip);
  if (body == StoredBody::kSkip) return article;
  std::string stored_body = doc.get_value(schema::kBodySlot);
  // Without a body value: the body is in the document data (written before
  // the body value), or the article has none.
  article.body = stored_body.empty() ? DecodeStoredArticle(doc.get_data()).body
                                     : DecompressBody(stored_body);
  return article;
}

}  // namespace archivar::index
