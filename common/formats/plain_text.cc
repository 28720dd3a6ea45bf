#include "formats/plain_text.h"

#include "formats/article_fields.h"
#include "text/unicode.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace archivar::formats {
namespace {

using ParseResult = Result<Article, RecordError>;

struct Line {
  std::string_view text;
  std::size_t number;  // 1-based
};

std::string_view Trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<Line> SplitLines(std::string_view content) {
  std::vector<Line> lines;
  std::size_t number = 1;
  while (!content.empty()) {
    std::size_t newline = content.find('\n');
    lines.push_back({Trim(content.substr(0, newline)), number++});
    if (newline == std::string_view::npos) break;
    content.remove_prefix(newline + 1);
  }
  return lines;
}

std::string Lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The article field a header key names, or nullptr for an unknown key.
std::string* HeaderField(Article& article, std::string_view key) {
  std::string k = Lowercase(key);
  if (k == "titel" || k == "title") return &article.title;
  if (k == "datum" || k == "date") return &article.date;
  if (k == "quelle" || k == "source") return &article.source;
  if (k == "autor" || k == "author") return &article.author;
  if (k == "ressort" || k == "category" || k == "rubrik") return &article.category;
  if (k == "id") return &article.id;
  if (k == "url") return &article.url;
  return nullptr;
}

// Splits "Key: Value" when Key is a known header key.
bool SplitHeaderLine(Article& article, std::string_view line,
                     std::string** field, std::string_view* value) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 20) return false;
  *field = HeaderField(article, Trim(line.substr(0, colon)));
  *value = Trim(line.substr(colon + 1));
  return *field != nullptr;
}

// Reads the header block if the first line is a known "Key: Value" line.
// Returns the index of the first body line, or the error of a bad value.
Result<std::size_t, RecordError> ReadHeader(const std::vector<Line>& lines,
                                            Article& article) {
  std::size_t i = 0;
  std::string* field = nullptr;
  std::string_view value;
  if (lines.empty() || !SplitHeaderLine(article, lines[0].text, &field, &value)) {
    return Result<std::size_t, RecordError>::Ok(0);
  }
  for (; i < lines.size() && !lines[i].text.empty(); ++i) {
    if (!SplitHeaderLine(article, lines[i].text, &field, &value)) continue;
    *field = std::string(value);
    if (field == &article.date) {
      auto date = NormalizeDateField(value);
      if (!date) {
        return Result<std::size_t, RecordError>::Fail({lines[i].number, date.error()});
      }
      article.date = date.value();
    }
  }
  return Result<std::size_t, RecordError>::Ok(i);
}

// Joins body lines into paragraphs separated by '\n'.  When blank lines
// separate paragraphs, the lines inside a paragraph are joined by spaces;
// otherwise each line is a paragraph.
std::string JoinParagraphs(const std::vector<Line>& lines, std::size_t begin,
                           std::size_t end) {
  bool blank_separated = false;
  for (std::size_t i = begin + 1; i + 1 < end; ++i) {
    if (lines[i].text.empty()) blank_separated = true;
  }
  std::string body;
  bool paragraph_open = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (lines[i].text.empty()) {
      paragraph_open = false;
      continue;
    }
    if (!body.empty()) body += (paragraph_open && blank_separated) ? ' ' : '\n';
    body += lines[i].text;
    paragraph_open = true;
  }
  return body;
}

}  // namespace

bool IsEditorCodeLine(std::string_view line) {
  line = Trim(line);
  if (line.size() < 3 || line.size() > 24) return false;
  bool has_slash = false;
  char previous = '/';
  for (char c : line) {
    if (c == '/') {
      if (previous == '/') return false;
      has_slash = true;
    } else if (c < 'a' || c > 'z') {
      return false;
    }
    previous = c;
  }
  return has_slash && previous != '/';
}

ParseResult ParsePlainTextArticle(std::string_view content,
                                  std::string default_id, RepairNotes* notes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (content.substr(0, kBom.size()) == kBom) content.remove_prefix(kBom.size());
  if (auto utf16 = Utf16Reason(content)) return ParseResult::Fail({1, *utf16});
  if (std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
    return ParseResult::Fail({text::LineOfOffset(content, nul), BinaryDataReason(nul)});
  }
  std::size_t bad_offset = 0;
  if (!text::IsValidUtf8(content, &bad_offset)) {
    return ParseResult::Fail({text::LineOfOffset(content, bad_offset),
                              "invalid UTF-8 (byte " + std::to_string(bad_offset) + ")"});
  }
  std::vector<Line> lines = SplitLines(content);
  Article article;
  auto header = ReadHeader(lines, article);
  if (!header) return ParseResult::Fail(header.error());

  std::size_t body_begin = header.value();
  // Blank lines before the body do not separate paragraphs.
  while (body_begin < lines.size() && lines[body_begin].text.empty()) ++body_begin;
  std::size_t body_end = lines.size();
  while (body_end > body_begin && lines[body_end - 1].text.empty()) --body_end;
  if (body_end > body_begin && IsEditorCodeLine(lines[body_end - 1].text)) {
    article.editor_code = std::string(lines[body_end - 1].text);
    --body_end;
  }
  article.body = JoinParagraphs(lines, body_begin, body_end);
  if (article.id.empty()) article.id = std::move(default_id);

  auto finished = FinishArticle(std::move(article), notes);
  if (!finished) return ParseResult::Fail({0, finished.error()});
  return ParseResult::Ok(std::move(finished).value());
}

}  // namespace archivar::formats
