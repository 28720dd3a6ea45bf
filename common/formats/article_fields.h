// Field rules shared by every article format: dates, derived titles and the
// final validity check.  Thread-safe.
#pragma once

#include "article.h"
#include "util/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::formats {

// Normalises a date field: "" stays "", a parseable date becomes
// "YYYY-MM-DD"; anything else fails with a reason naming the value.
Result<std::string> NormalizeDateField(std::string_view value);

// A title made from the first sentence of `body` (at most about 100
// characters, cut at a word boundary with "…").
std::string DeriveTitle(std::string_view body);

// The reason to reject input that starts with a UTF-16 byte-order mark
// (FF FE or FE FF), or nothing.
std::optional<std::string> Utf16Reason(std::string_view content);

// The reason to reject input with a NUL byte at `offset` (of the file, or
// of the line when `in_line`): such input is binary data.
std::string BinaryDataReason(std::size_t offset, bool in_line = false);

// What was repaired in a record that is still indexed, one short phrase
// each ("2 control characters replaced by spaces"), for the reader to
// report beside the record's origin.
using RepairNotes = std::vector<std::string>;

// The most body text kept per article (2 MiB, far more than any news
// article): a longer body is cut at a word boundary before this size, so
// that one huge record cannot take the indexer's memory and time (analysis
// needs about 40 bytes per body byte) or make every search that finds it
// slow (snippets are made from the stored body).
inline constexpr std::size_t kMaxBodyBytes = std::size_t{2} << 20;

// The most bytes kept of the title, source, category, author and url.
inline constexpr std::size_t kMaxFieldBytes = 4096;

// Checks what every article needs (non-empty id and body) and fills in a
// missing title.  Returns the reason when the article must be rejected.
// Repairs what can be repaired, adding a note for each to *notes (when
// given): control characters (C0 except tab and newline, DEL, C1) in any
// field but the id become spaces (carriage returns silently); a body
// longer than kMaxBodyBytes and other fields longer than kMaxFieldBytes are
// cut.  An id with control characters is rejected (it is a key; changing
// it would make it unfindable by --delete).
Result<Article> FinishArticle(Article article, RepairNotes* notes = nullptr);

}  // namespace archivar::formats
