// The work behind `archivar-search`: search a database and print the
// results for people or as JSON, answer many JSON requests from `in`
// (--batch, app/batch_search.h), or (--analyze) show how text is analysed.
// Results go to `out`; messages to `err`.
#pragma once

#include "search/searcher.h"

#include <istream>
#include <ostream>
#include <string>

namespace archivar::app {

enum class ColorMode { kAuto, kAlways, kNever };

struct SearchOptions {
  std::string db_path;
  search::SearchRequest request;  // query text, filters, paging, sort
  bool json = false;
  ColorMode color = ColorMode::kAuto;  // auto: on a terminal unless NO_COLOR
  bool analyze = false;  // print the analysis of request.query; no database
  bool list_persons = false;   // --persons: list the archive's persons
  std::string persons_prefix;  // only those with a name word starting so
  std::string aliases_path;    // a person alias file added to the built-in table
  bool batch = false;  // read JSON requests from `in` (request = their defaults)
};

// Runs the searcher; returns an ExitCode: 0 with results, 1 with none,
// 2 on an error (message on `err`).  With options.batch: 0 when every
// request of `in` was answered, 1 when some were not (RunBatchSearch).
int RunSearch(const SearchOptions& options, std::istream& in, std::ostream& out,
              std::ostream& err);

// Parses "relevance", "newest" or "oldest".
bool ParseSortOrder(const std::string& text, search::SortOrder* sort);

}  // namespace archivar::app
