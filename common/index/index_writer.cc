#include "index/index_writer.h"

#include "schema.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace archivar::index {

IndexWriter::IndexWriter(const std::string& path, std::size_t batch_size,
                         const persons::AliasTable& aliases, Durability durability)
    : db_(path, Xapian::DB_CREATE_OR_OPEN |
                    (durability == Durability::kUnsynced ? Xapian::DB_NO_SYNC : 0)),
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


AddOutcome IndexWriter::Add(const Article& article, const std::string& origin_path) {
  return Add(builder_.Prepare(article, origin_path));
}

AddOutcome IndexWriter::Add(PreparedArticle prepared) {
  Xapian::PostingIterator existing = db_.postlist_begin(prepared.id_term);
  bool is_new = existing == db_.postlist_end(prepared.id_term);
  if (!is_new && db_.get_document(*existing).get_value(schema::kFingerprintSlot) ==
                     prepared.fingerprint) {
    return AddOutcome::kUnchanged;
  }
  db_.replace_document(prepared.id_term, prepared.document);
  CountChange();
  return is_new ? AddOutcome::kNew : AddOutcome::kReplaced;
}

void IndexWriter::AddNew(PreparedArticle prepared) {
  db_.add_document(prepared.document);
  CountChange();
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
