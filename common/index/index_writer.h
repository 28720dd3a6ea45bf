// IndexWriter: adds articles to an on-disk Xapian database, replacing any
// earlier version with the same id, and commits in batches.
//
// Ownership: holds the database's write lock from construction until
// destruction (or Close()).  Construction throws Xapian::DatabaseLockError
// when another process writes to the database and other Xapian::Error
// subclasses when it cannot be opened or created.
// Not thread-safe: one thread adds.
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "index/document_builder.h"

#include <xapian.h>

#include <cstddef>
#include <string>

namespace archivar::index {

enum class AddOutcome { kNew, kReplaced };

class IndexWriter {
 public:
  // Opens (or creates) the database at `path`; commits every `batch_size`
  // articles (at least 1).
  IndexWriter(const std::string& path, std::size_t batch_size);
  ~IndexWriter();

  // Adds or replaces the article with the same id.
  AddOutcome Add(const Article& article);

  // Commits what was added so far.
  void Commit();

  // Commits and releases the lock.
  void Close();

  Xapian::doccount DocumentCount() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
  analysis::Analyzer analyzer_;
  DocumentBuilder builder_{analyzer_};
  std::size_t batch_size_;
  std::size_t uncommitted_ = 0;
};

}  // namespace archivar::index
