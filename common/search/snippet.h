// Snippets: the passage of a text that best shows why it matched, with the
// matching words marked by byte ranges (the renderer decides how to show
// them).  Words match when the analyzer gives them a term of the query, so
// "Häusern" is highlighted for the query "Haus".
//
// Not thread-safe (uses the caller's Analyzer).
#pragma once

#include "analysis/analyzer.h"

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace archivar::search {

struct Highlighted {
  std::string text;
  // Byte ranges [start, end) of matched words in `text`, in order.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

using TermSet = std::unordered_set<std::string>;

// The window of about `max_words` words of `body` holding the most
// distinct query terms (the opening words when none match), with "…" where
// the text was cut and line breaks turned into spaces.  The body is
// analysed only as far as needed: the search stops at the first window
// holding `enough_hits` distinct query terms (pass the number of query
// terms the article is known to contain, when known).
Highlighted MakeSnippet(std::string_view body, const TermSet& query_terms,
                        analysis::Analyzer& analyzer, std::size_t max_words = 30,
                        std::size_t enough_hits = std::numeric_limits<std::size_t>::max());

// The whole of a short text (a title) with its matching words marked.
Highlighted HighlightAll(std::string_view text, const TermSet& query_terms,
                         analysis::Analyzer& analyzer);

}  // namespace archivar::search
