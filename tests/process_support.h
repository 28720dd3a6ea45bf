// Helpers for end-to-end tests that run Archivar's real programs
// (archivar-index, archivar-search) in a fresh temporary folder and look at
// their output, exit status, peak memory and the database they leave.
//
// The programs' paths come from the build (ARCHIVAR_INDEX_BIN and
// ARCHIVAR_SEARCH_BIN, set on the archivar_process_support library).
// Programs run with NO_COLOR=1 and no terminal, so output is plain text.
// Failures to start a program throw std::runtime_error.
#pragma once

#include "test_support.h"

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace archivar::testing {

// What one run of a program did.
struct Run {
  int status = -1;        // exit status; -1 when killed by a signal
  int signal = 0;         // the signal that killed it, or 0
  std::string out;        // standard output
  std::string err;        // standard error
  long peak_rss_kib = 0;  // the process's peak resident memory (getrusage)
};

// Reads a whole file ("" when it cannot be read).
std::string ReadFileOrEmpty(const std::filesystem::path& path);

// `arg` quoted for the shell: 'it'\''s'.
std::string ShellQuote(const std::string& arg);

// One JSON Lines record with the fields tests usually set, ending in "\n".
std::string JsonLine(const std::string& id, const std::string& title, const std::string& date,
                     const std::string& source, const std::string& category,
                     const std::string& body);

// A temporary folder for one end-to-end test, with a database path ("db")
// inside it; removed with everything in it at the end.
class Workspace {
 public:
  std::filesystem::path Path(const std::string& name) const { return dir_.Path(name); }
  std::string Db() const { return Path("db").string(); }

  // Runs `program` (a path, or a name looked up in PATH) with `args`,
  // feeding `stdin_text` to its standard input.
  Run Exec(const std::string& program, const std::vector<std::string>& args,
           const std::string& stdin_text = "") const;

  // archivar-index --db <Db()> args...
  Run Index(std::vector<std::string> args, const std::string& stdin_text = "") const;
  // archivar-search --db <Db()> args...
  Run Search(std::vector<std::string> args) const;

  // The ids of a --json search (limit 100), in rank order; fails the test
  // when the search fails.
  std::vector<std::string> Ids(std::vector<std::string> args) const;

  // Runs a bash script in the workspace's directory (its output goes to
  // the test's own output unless it redirects it); returns its exit status.
  int Shell(const std::string& script) const;

  // Opens the database (read-only) and counts its articles.
  Xapian::doccount DocCount() const { return Xapian::Database(Db()).get_doccount(); }

 private:
  TempDir dir_;
};

// The paths of the programs under test.
const char* IndexProgram();
const char* SearchProgram();

}  // namespace archivar::testing
