// Field rules shared by every article format: dates, derived titles and the
// final validity check.  Thread-safe.
#pragma once

#include "article.h"
#include "util/result.h"

#include <string>
#include <string_view>

namespace archivar::formats {

// Normalises a date field: "" stays "", a parseable date becomes
// "YYYY-MM-DD"; anything else fails with a reason naming the value.
Result<std::string> NormalizeDateField(std::string_view value);

// A title made from the first sentence of `body` (at most about 100
// characters, cut at a word boundary with "…").
std::string DeriveTitle(std::string_view body);

// Checks what every article needs (non-empty id and body) and fills in a
// missing title.  Returns the reason when the article must be rejected.
Result<Article> FinishArticle(Article article);

}  // namespace archivar::formats
