// ArticleReader: turns the paths given on the command line into a stream of
// articles and rejected records.
//
// A path may be a file or a directory (recursed in sorted order).  The
// format follows the extension: .txt is one plain-text article, .jsonl and
// .jsonl.gz hold JSON Lines; "-" reads JSON Lines from standard input.
// Inside directories, files of other types are skipped silently; a file of
// another type named explicitly is rejected.
//
// Not thread-safe; the callbacks run on the calling thread, in input order.
#pragma once

#include "article.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace archivar::formats {

struct ArticleCallbacks {
  // An article ready for indexing.
  std::function<void(const RecordOrigin&, Article)> on_article;
  // A record that was skipped, with the reason.  origin.line is 0 when the
  // whole file is meant (unreadable, unsupported type).
  std::function<void(const RecordOrigin&, const std::string& reason)> on_rejected;
  // Called just before on_article for a record that was repaired to be
  // indexed (control characters replaced, an overlong body cut, a field
  // given twice), with what was done ("2 control characters replaced by
  // spaces; …").  May be empty.
  std::function<void(const RecordOrigin&, const std::string& note)> on_repaired;
  // Input bytes consumed since the last call (as stored: compressed bytes
  // for .gz files), for progress.  May be empty.
  std::function<void(std::uint64_t bytes)> on_input_read;
  // Asked before each record; reading stops when it returns true (for
  // Ctrl-C).  May be empty.
  std::function<bool()> should_stop;

  bool Stopping() const { return should_stop && should_stop(); }
};

// Reads every article under `paths`, calling back for each record.  A
// record (a JSON line or a plain-text file) over 64 MiB is rejected without
// being held in memory; a file that starts with a UTF-16 byte-order mark or
// has a NUL byte in its first 64 KiB is rejected whole, once; a truncated
// or corrupt .gz file keeps the records before the damage.  An unreadable
// directory is reported and the others are still read.
void ReadArticles(const std::vector<std::string>& paths,
                  const ArticleCallbacks& callbacks);

// The bytes ReadArticles(paths) will read: the sizes of the supported
// files under `paths`; nothing when standard input ("-") is among them.
std::optional<std::uint64_t> InputSize(const std::vector<std::string>& paths);

// The id of a plain-text article without an ID header: its path relative
// to the directory it was found under (or its file name when named
// directly), without the ".txt" extension.  Stable across runs.
std::string DefaultIdForPath(const std::string& root, const std::string& file);

}  // namespace archivar::formats
