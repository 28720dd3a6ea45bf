// Compacting databases into the one at `db_path`: Xapian's compaction
// writes a new, smaller database (full blocks, no free space, faster to
// search) next to it, which is then swapped in with one atomic rename — so
// at every moment `db_path` holds a complete database, the old one or the
// new one, whatever happens (kill, power loss).  The same step merges the
// shard databases of a parallel bulk build (see sharded_build.h).
//
// The caller holds the write lock on `db_path` (an open IndexWriter) during
// the compaction, so no other writer can change it meanwhile; searchers
// keep reading the old files until they reopen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace archivar::index {

enum class CompactionResult {
  kCompacted,
  kUnsupported,  // the file system cannot swap directories atomically;
                 // `db_path` was left as it was
};

// Replaces the database at `db_path` by the compacted union of the
// committed state of `sources` (which may include `db_path` itself).
// Throws Xapian::Error (disk full, …) with `db_path` left as it was.  After
// kCompacted the old database sits next to `db_path` (still locked by the
// caller's writer): close that writer, then RemoveCompactionLeftovers().
CompactionResult ReplaceWithCompacted(const std::string& db_path,
                                      const std::vector<std::string>& sources);

// ReplaceWithCompacted(db_path, {db_path}).
CompactionResult CompactInPlace(const std::string& db_path);

// "<db_path><suffix>": a path next to the database, whether or not
// `db_path` ends in a slash ("db/" + ".x" -> "db.x").
std::string PathNextTo(const std::string& db_path, std::string_view suffix);

// Whether the file system holding `db_path` can swap directories
// atomically (tried on two scratch directories next to it).
bool CanSwapDirectoriesNextTo(const std::string& db_path);

// Removes the old database after a compaction, or the partial copy of an
// interrupted one, from next to `db_path`.
void RemoveCompactionLeftovers(const std::string& db_path);

}  // namespace archivar::index
