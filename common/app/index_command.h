// The work behind `archivar-index`: read articles from files, directories
// or standard input, analyse them and write them to a Xapian database.
// Per-record problems are reported as "path:line: reason" and counted;
// fatal problems end the run with one line.  The summary and all messages
// go to `err`; `out` receives --dry-run --json output.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace archivar::app {

enum class CompactMode {
  kAuto,    // compact when the run started from an empty database (a bulk build)
  kAlways,  // --compact
  kNever,   // --no-compact
};

enum class ProgressMode {
  kAuto,      // one updating line on a terminal, periodic lines otherwise
  kLine,
  kPeriodic,
  kNone,      // also implied by quiet
};

struct IndexOptions {
  std::string db_path;              // required unless dry_run
  std::vector<std::string> inputs;  // files, directories, "-" for stdin
  bool dry_run = false;             // parse and analyse only, no database
  bool json = false;                // with dry_run: one JSON object per article
  std::size_t batch_size = 500;     // articles per commit
  std::size_t threads = 0;          // threads in all; 0: one per core
  CompactMode compact = CompactMode::kAuto;
  ProgressMode progress = ProgressMode::kAuto;
  bool quiet = false;               // no progress, no summary line
  bool prune = false;               // delete articles whose source files are gone
  std::vector<std::string> delete_ids;  // articles to delete by id
  std::string aliases_path;  // a person alias file added to the built-in table
};

// Runs the indexer; returns an ExitCode (see exit_code.h).  Articles are
// analysed in `threads - 1` worker threads and written in input order by
// one writer (a bulk build with 4 threads or more writes threads/2 shards
// in parallel and merges them); articles whose content is unchanged since the last run are
// skipped.  On SIGINT/SIGTERM it stops at the next record, commits, and
// returns kExitInterrupted (without compacting).
int RunIndex(const IndexOptions& options, std::ostream& out, std::ostream& err);

}  // namespace archivar::app
