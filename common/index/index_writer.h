// IndexWriter: adds articles to an on-disk Xapian database, replacing any
// earlier version with the same id, and commits in batches.
//
// Ownership: holds the database's write lock from construction until
// destruction (or Close()).  Construction throws Xapian::DatabaseLockError
// when another process writes to the database and other Xapian::Error
// subclasses when it cannot be opened or created.
// Not thread-safe: one thread adds (articles may be prepared in others;
// see IndexingPipeline).
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "index/document_builder.h"

#include <xapian.h>

#include <cstddef>
#include <string>

namespace archivar::index {

enum class AddOutcome {
  kNew,        // no article with this id was in the database
  kReplaced,   // an article with this id was replaced by a different version
  kUnchanged,  // the same version was already indexed; nothing was written
};

// Whether a commit waits until the data is on the disk (fsync).
enum class Durability {
  kSynced,
  // For scratch databases that are merged into a synced one at the end
  // (the runs of a bulk build): a killed process loses nothing committed,
  // but a power cut or kernel crash may leave them damaged.
  kUnsynced,
};

class IndexWriter {
 public:
  // Opens (or creates) the database at `path`; commits every `batch_size`
  // articles (at least 1).  Persons are named after `aliases`, which must
  // outlive the writer.
  IndexWriter(const std::string& path, std::size_t batch_size,
              const persons::AliasTable& aliases = persons::AliasTable::Builtin(),
              Durability durability = Durability::kSynced);
  ~IndexWriter();

  // Adds the article, replacing an earlier version with the same id; skips
  // it when that version is identical (same fingerprint).  `origin_path`
  // is the file it came from, kept for PruneMissingSources().
  AddOutcome Add(const Article& article, const std::string& origin_path = "-");

  // The same for an article prepared elsewhere (in a worker thread).
  AddOutcome Add(PreparedArticle prepared);

  // Adds an article the caller knows is not in the database (its id was
  // never added), without looking the id up.  Adding an id twice this
  // way leaves two copies.
  void AddNew(PreparedArticle prepared);

  // Deletes the article with this id; false when there is none.
  bool Delete(const std::string& id);

  // Deletes the articles whose source file no longer exists (articles read
  // from standard input are kept); returns how many.
  std::size_t PruneMissingSources();

  // Commits what was added so far.
  void Commit();

  // Commits and releases the lock.
  void Close();

  Xapian::doccount DocumentCount() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
  analysis::Analyzer analyzer_;
  persons::PersonRecognizer recognizer_;
  DocumentBuilder builder_{analyzer_, recognizer_};
  void CountChange();

  std::size_t batch_size_;
  std::size_t uncommitted_ = 0;
};

}  // namespace archivar::index
