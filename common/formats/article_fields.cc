#include "formats/article_fields.h"

#include "formats/date.h"
#include "schema.h"

#include <algorithm>

namespace archivar::formats {
namespace {

constexpr std::size_t kMaxDerivedTitleBytes = 100;

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

// The end of the first sentence: a '.', '!' or '?' followed by a space or
// the end, after at least a few characters (so "Dr." rarely ends it).
std::size_t FirstSentenceEnd(std::string_view text) {
  for (std::size_t i = 12; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '.' || c == '!' || c == '?') &&
        (i + 1 == text.size() || text[i + 1] == ' ')) {
      return c == '.' ? i : i + 1;
    }
  }
  return text.size();
}

// Cuts at the last space before `limit`, never inside a UTF-8 sequence.
std::string_view CutAtWord(std::string_view text, std::size_t limit) {
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string_view::npos || cut == 0) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
  }
  return text.substr(0, cut);
}

}  // namespace

Result<std::string> NormalizeDateField(std::string_view value) {
  if (IsBlank(value)) return Result<std::string>::Ok("");
  if (auto date = ParseDate(value)) return Result<std::string>::Ok(*date);
  return Result<std::string>::Fail("unparseable date '" + std::string(value) +
                                   "' (expected YYYY-MM-DD or DD.MM.YYYY)");
}

std::string DeriveTitle(std::string_view body) {
  std::string_view first_line = body.substr(0, body.find('\n'));
  std::string_view sentence = first_line.substr(0, FirstSentenceEnd(first_line));
  if (sentence.size() <= kMaxDerivedTitleBytes) return std::string(sentence);
  return std::string(CutAtWord(sentence, kMaxDerivedTitleBytes)) + "…";
}

Result<Article> FinishArticle(Article article) {
  if (IsBlank(article.id)) return Result<Article>::Fail("missing id");
  if (article.id.size() + schema::kIdPrefix.size() > schema::kMaxTermBytes) {
    return Result<Article>::Fail("id longer than " +
                                 std::to_string(schema::kMaxTermBytes - schema::kIdPrefix.size()) +
                                 " bytes");
  }
  if (IsBlank(article.body)) return Result<Article>::Fail("empty body");
  if (IsBlank(article.title)) article.title = DeriveTitle(article.body);
  return Result<Article>::Ok(std::move(article));
}

}  // namespace archivar::formats
