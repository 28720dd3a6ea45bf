// `archivar-search --batch`: many searches in one process, for scripts, a
// newsroom CMS and latency measurements.  Reads one JSON object per line
// (the SearchRequest fields; see README.md, "Many queries in one process")
// and writes one JSON line per request: the object `--json` prints, plus
// "took_ms" (the time spent in Searcher::Search) and the request's "qid"
// when it has one, or {"qid"?, "error"} for a line that cannot be run.
#pragma once

#include "app/search_command.h"
#include "persons/alias_table.h"
#include "search/searcher.h"
#include "util/result.h"

#include <istream>
#include <ostream>
#include <string>

namespace archivar::app {

// Reads one request line.  Fields the line does not set keep their value
// in `defaults` (the command line's options).  Fails with a one-line
// message for a line that is not a JSON object or a field of the wrong
// type, an unknown sort order or a negative number.
Result<search::SearchRequest> ParseBatchRequest(const std::string& line,
                                                const search::SearchRequest& defaults);

// Answers every line of `in` on `out` (one line each, flushed, in order;
// blank lines are skipped), searching options.db_path with `aliases`
// (which must outlive the call).  Returns an ExitCode: 0 when every
// request was run (with or without results), 1 when some lines were
// answered with an error.  Throws Xapian::Error when the database cannot
// be opened.  A long batch sees new commits: the database is reopened,
// between requests, at most once a second when it has changed.
int RunBatchSearch(const SearchOptions& options, const persons::AliasTable& aliases,
                   std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace archivar::app
