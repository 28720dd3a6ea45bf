// The article as stored in a Xapian document, and back.
//
// Layout (schema.h): the fields without the body as a JSON object with the
// schema::stored names in the header value slot (schema::kHeaderSlot),
// and the body, compressed on the analysis thread, in the body value slot
// (schema::kBodySlot); the document data stays empty.  Xapian compresses
// document data on its single writer thread — about a tenth of its time
// at 100,000 articles (bench/README.md) — and a list of hits without
// snippets reads only the small header.  Documents written by earlier versions
// (the whole JSON object as document data, with or without the header
// value) are read as well.
//
// The functions are thread-safe; a BodyCompressor is one per thread.
#pragma once

#include "article.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>

namespace archivar::index {

// Whether to store or read the body (for snippets) or leave it out (a
// list of hits without snippets; faster).
enum class StoredBody { kRead, kSkip };

// Serialises the fields the searcher displays and snippets from; with
// StoredBody::kSkip all but the body (the document's header value,
// schema::kHeaderSlot).
std::string EncodeStoredArticle(const Article& article, StoredBody body = StoredBody::kRead);

// Reads a JSON object written by EncodeStoredArticle.  Missing fields are
// left empty; data that is not such a JSON object gives an empty article.
Article DecodeStoredArticle(const std::string& data, StoredBody body = StoredBody::kRead);

// Compresses bodies for the body value: a tag byte, the length as four
// bytes (little-endian) and raw deflate data ("z"), or the text itself
// when deflate does not make it shorter ("="). Keeps one zlib stream.
class BodyCompressor {
 public:
  BodyCompressor();
  ~BodyCompressor();
  BodyCompressor(const BodyCompressor&) = delete;
  BodyCompressor& operator=(const BodyCompressor&) = delete;

  std::string Compress(std::string_view body);

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
};

// The body from a body value; empty when the value is empty or damaged.
std::string DecompressBody(std::string_view value);

// Stores the article in `doc` in the layout above.
void StoreArticle(const Article& article, BodyCompressor& compressor, Xapian::Document& doc);

// The article stored in `doc`, in any of the layouts above; with
// StoredBody::kSkip the body is left empty and not read.
Article ReadStoredArticle(const Xapian::Document& doc, StoredBody body = StoredBody::kRead);

}  // namespace archivar::index
