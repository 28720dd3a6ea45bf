// JSON Lines articles (.jsonl, .jsonl.gz, standard input): one JSON object
// per line with "id", "title", "date" ("YYYY-MM-DD" or ""), "source",
// "category", "body" and optionally "author" and "url".  Unknown fields are
// ignored; null counts as absent.  Thread-safe.
#pragma once

#include "article.h"
#include "formats/article_fields.h"
#include "util/result.h"

#include <string_view>

namespace archivar::formats {

// Parses one line.  Fails with a reason for invalid UTF-8, invalid JSON,
// a non-object, a field of the wrong type, a missing id, an empty body or
// an unparseable date.  A numeric id is accepted and written as a string.
// A field given twice takes its last value; that and the repairs of
// FinishArticle are added to *notes (when given).  Nesting of any depth is
// parsed without recursion.
Result<Article> ParseJsonArticle(std::string_view line, RepairNotes* notes = nullptr);

}  // namespace archivar::formats
