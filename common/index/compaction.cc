#include "index/compaction.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2

#include <xapian.h>

#include <filesystem>

namespace archivar::index {
namespace {

namespace fs = std::filesystem;

// Where the compacted copy is written, and where the old database sits
// after the swap until it is removed.
std::string SideDirectory(const std::string& db_path) {
  return PathNextTo(db_path, ".archivar-compacting");
}

// Swaps two directories in one step (Linux renameat2 RENAME_EXCHANGE).
bool ExchangeDirectories(const std::string& a, const std::string& b) {
  return renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

}  // namespace

std::string PathNextTo(const std::string& db_path, std::string_view suffix) {
  fs::path path = fs::path(db_path).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();  // "db/" -> "db"
  return path.string() + std::string(suffix);
}

void RemoveCompactionLeftovers(const std::string& db_path) {
  std::error_code ignored;
  fs::remove_all(SideDirectory(db_path), ignored);
}

CompactionResult ReplaceWithCompacted(const std::string& db_path,
                                      const std::vector<std::string>& sources) {
  const std::string side = SideDirectory(db_path);
  RemoveCompactionLeftovers(db_path);
  try {
    Xapian::Database combined;
    for (const auto& source : sources) combined.add_database(Xapian::Database(source));
    combined.compact(side);
  } catch (const Xapian::Error&) {
    RemoveCompactionLeftovers(db_path);
    throw;
  }
  if (ExchangeDirectories(side, db_path)) return CompactionResult::kCompacted;
  RemoveCompactionLeftovers(db_path);
  return CompactionResult::kUnsupported;
}

bool CanSwapDirectoriesNextTo(const std::string& db_path) {
  const std::string first = SideDirectory(db_path);
  const std::string second = first + "-probe";
  std::error_code error;
  bool swapped = fs::create_directory(first, error) && fs::create_directory(second, error) &&
                 ExchangeDirectories(first, second);
  fs::remove_all(first, error);
  fs::remove_all(second, error);
  return swapped;
}

CompactionResult CompactInPlace(const std::string& db_path) {
  return ReplaceWithCompacted(db_path, {db_path});
}

}  // namespace archivar::index
