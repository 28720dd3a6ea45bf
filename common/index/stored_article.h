// The article as stored in a Xapian document's data (a JSON object with
// the schema::stored field names), and back.  Thread-safe.
#pragma once

#include "article.h"

#include <string>

namespace archivar::index {

// Whether to store or read the body (for snippets) or leave it out (a
// list of hits without snippets; faster).
enum class StoredBody { kRead, kSkip };

// Serialises the fields the searcher displays and snippets from; with
// StoredBody::kSkip all but the body (the document's header value,
// schema::kHeaderSlot).
std::string EncodeStoredArticle(const Article& article, StoredBody body = StoredBody::kRead);

// Reads document data written by EncodeStoredArticle.  Missing fields are
// left empty; data that is not such a JSON object gives an empty article.
Article DecodeStoredArticle(const std::string& data, StoredBody body = StoredBody::kRead);

}  // namespace archivar::index
