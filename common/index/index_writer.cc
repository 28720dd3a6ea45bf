#include "index/index_writer.h"

#include "schema.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace archivar::index {

IndexWriter::IndexWriter(const std::string& path, std::size_t batch_size,
                         const persons::AliasTable& aliases)
    : db_(path, Xapian::DB_CREATE_OR_OPEN),
      recognizer_(aliases),
      batch_size_(std::max<std::size_t>(batch_size, 1)) {}

IndexWriter::~IndexWriter() {
  try {
    Close();
  } catch (const Xapian::Error&) {
    // Destructors must not throw; Close() reports errors to callers that
    // call it explicitly.
  }
}

namespace {

// The fingerprint value of a built document: FNV-1a over its stored data
// and the analysis version, as 16 hex digits.
std::string Fingerprint(const Xapian::Document& doc) {
  uint64_t hash = 14695981039346656037ull;
  auto mix = [&hash](std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  mix(schema::kAnalysisVersion);
  mix(doc.get_data());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::string AbsolutePath(const std::string& path) {
  if (path == "-") return path;
  std::error_code error;
  auto absolute = std::filesystem::absolute(path, error);
  return error ? path : absolute.lexically_normal().string();
}

}  // namespace

AddOutcome IndexWriter::Add(const Article& article, const std::string& origin_path) {
  std::string id_term = IdTerm(article.id);
  Xapian::Document doc = builder_.Build(article);
  std::string fingerprint = Fingerprint(doc);
  Xapian::PostingIterator existing = db_.postlist_begin(id_term);
  if (existing != db_.postlist_end(id_term)) {
    if (db_.get_document(*existing).get_value(schema::kFingerprintSlot) == fingerprint) {
      return AddOutcome::kUnchanged;
    }
  }
  AddOutcome outcome = existing == db_.postlist_end(id_term) ? AddOutcome::kNew
                                                             : AddOutcome::kReplaced;
  doc.add_value(schema::kFingerprintSlot, fingerprint);
  doc.add_value(schema::kOriginSlot, AbsolutePath(origin_path));
  db_.replace_document(id_term, doc);
  CountChange();
  return outcome;
}

bool IndexWriter::Delete(const std::string& id) {
  std::string id_term = IdTerm(id);
  if (!db_.term_exists(id_term)) return false;
  db_.delete_document(id_term);
  CountChange();
  return true;
}

std::size_t IndexWriter::PruneMissingSources() {
  std::vector<Xapian::docid> gone;
  for (auto it = db_.valuestream_begin(schema::kOriginSlot);
       it != db_.valuestream_end(schema::kOriginSlot); ++it) {
    const std::string path = *it;
    std::error_code error;
    if (path != "-" && !std::filesystem::exists(path, error) && !error) {
      gone.push_back(it.get_docid());
    }
  }
  for (Xapian::docid docid : gone) {
    db_.delete_document(docid);
    CountChange();
  }
  return gone.size();
}

void IndexWriter::CountChange() {
  if (++uncommitted_ >= batch_size_) Commit();
}

void IndexWriter::Commit() {
  db_.commit();
  uncommitted_ = 0;
}

void IndexWriter::Close() {
  if (uncommitted_ > 0) Commit();
  db_.close();
}

}  // namespace archivar::index
