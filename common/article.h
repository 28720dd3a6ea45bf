// Article: one news article as read from an input file, before analysis.
// Plain value type; every field is UTF-8 (validated by the format readers).
#pragma once

#include <string>

namespace archivar {

struct Article {
  std::string id;        // unique within the archive; never empty
  std::string title;     // may be derived from the first sentence
  std::string date;      // "YYYY-MM-DD", or empty when unknown
  std::string source;    // publisher or agency
  std::string category;  // section ("Ressort")
  std::string author;
  std::string url;
  std::string body;        // paragraphs separated by '\n'; never empty
  std::string editor_code; // closing agency code line such as "dp/pcl"
};

// Where a record came from, for error messages: "path:line".
struct RecordOrigin {
  std::string path;  // "-" for standard input
  std::size_t line = 0;  // 1-based; 0 when the whole file is the record
};

}  // namespace archivar
