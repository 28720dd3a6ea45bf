// Plain-text articles (.txt), one article per file, as agencies deliver
// them:
//
//   Titel: …            <- optional header block of "Key: Value" lines,
//   Datum: 2023-09-12      German or English keys (Titel/Title, Datum/Date,
//   Quelle: …              Quelle/Source, Autor/Author, Ressort/Category,
//                          ID, URL), ended by a blank line
//   First paragraph …   <- body: one paragraph per line, or paragraphs
//   Second paragraph …     separated by blank lines (lines inside such a
//                          paragraph are joined with spaces)
//   dp/pcl              <- optional closing editor's code line, kept as
//                          metadata and not indexed
//
// Thread-safe.
#pragma once

#include "article.h"
#include "formats/article_fields.h"
#include "util/result.h"

#include <string>
#include <string_view>

namespace archivar::formats {

struct RecordError {
  std::size_t line = 0;  // 1-based line in the file; 0 for the whole file
  std::string reason;
};

// Parses one file's content.  `default_id` becomes the id when the header
// has none.  A UTF-8 byte-order mark and CRLF line ends are accepted.
// Fails for UTF-16 text (a UTF-16 byte-order mark), binary data (a NUL
// byte, with its line) and invalid UTF-8 (with its line), and for what
// FinishArticle rejects; FinishArticle's repairs are added to *notes (when
// given).
Result<Article, RecordError> ParsePlainTextArticle(std::string_view content,
                                                   std::string default_id,
                                                   RepairNotes* notes = nullptr);

// True for a closing editor's code line such as "dp/pcl" or "ik/hm/wt".
bool IsEditorCodeLine(std::string_view line);

}  // namespace archivar::formats
