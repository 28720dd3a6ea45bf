#include "index/index_writer.h"

#include <algorithm>

namespace archivar::index {

IndexWriter::IndexWriter(const std::string& path, std::size_t batch_size)
    : db_(path, Xapian::DB_CREATE_OR_OPEN),
      batch_size_(std::max<std::size_t>(batch_size, 1)) {}

IndexWriter::~IndexWriter() {
  try {
    Close();
  } catch (const Xapian::Error&) {
    // Destructors must not throw; Close() reports errors to callers that
    // call it explicitly.
  }
}

AddOutcome IndexWriter::Add(const Article& article) {
  std::string id_term = IdTerm(article.id);
  AddOutcome outcome = db_.term_exists(id_term) ? AddOutcome::kReplaced
                                                : AddOutcome::kNew;
  db_.replace_document(id_term, builder_.Build(article));
  if (++uncommitted_ >= batch_size_) Commit();
  return outcome;
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
