// Renderers: print a SearchResponse for people (text, with highlights in
// colour on a terminal or as **markers** otherwise) or for programs (one
// JSON object).  Rendering never changes what was found.  Thread-safe.
//
// Text output is made safe for a terminal: invalid UTF-8 and control
// characters (which could inject escape sequences) are shown as U+FFFD.
//
// JSON shape (stable field names, documented in README.md):
//   {"query", "total", "offset", "note"?,
//    "results": [{"rank", "id", "score", "title", "date", "source",
//                 "category", "author", "url", "snippet",
//                 "highlights": [[start, end], …]}],
//    "facets"?: {"<name>": [{"value", "count"}, …]}}
// where highlights are byte ranges of matched words inside "snippet".
#pragma once

#include "search/searcher.h"

#include <ostream>

namespace archivar::render {

struct TextStyle {
  bool color = false;  // ANSI colour for highlights and titles
};

void RenderText(const search::SearchResponse& response, const TextStyle& style,
                std::ostream& out);

void RenderJson(const search::SearchResponse& response, std::ostream& out);

}  // namespace archivar::render
