#include "formats/article_fields.h"

#include "formats/date.h"
#include "schema.h"

#include <algorithm>
#include <cstdio>

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

// True for a C0 control character other than tab and newline, or DEL.
bool IsAsciiControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

// True when text[i] starts a C1 control character (U+0080..U+009F, in
// UTF-8 "\xC2\x80".."\xC2\x9F"), as left by text converted from
// Windows-1252 as if it were Latin-1.
bool IsC1ControlAt(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

bool HasControlCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsAsciiControl(static_cast<unsigned char>(text[i])) || IsC1ControlAt(text, i)) {
      return true;
    }
  }
  return false;
}

// Replaces control characters by spaces and returns how many there were;
// a carriage return before a newline is dropped and others become spaces
// without being counted (they are only line ends).
std::size_t ReplaceControlCharacters(std::string& text) {
  if (!HasControlCharacter(text)) return 0;
  std::size_t replaced = 0;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 == text.size() || text[i + 1] != '\n') out += ' ';
    } else if (IsAsciiControl(c) || IsC1ControlAt(text, i)) {
      if (c == 0xC2) ++i;  // the second byte of a C1 control
      out += ' ';
      ++replaced;
    } else {
      out += static_cast<char>(c);
    }
  }
  text = std::move(out);
  return replaced;
}

// Cuts `text` to at most `limit` bytes: at the last space or newline in the
// final kilobyte before the limit, else at the last UTF-8 character
// boundary.  The rest is freed.
void CutText(std::string& text, std::size_t limit) {
  std::size_t cut = limit;
  std::size_t space = text.find_last_of(" \n", limit);
  if (space != std::string::npos && space + 1024 >= limit && space > 0) {
    cut = space;
  } else {
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  text = text.substr(0, cut);
}

std::string MiB(std::size_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / 1048576.0);
  return buffer;
}

// Repairs control characters and overlong fields, noting what was done.
void RepairFields(Article& article, RepairNotes* notes) {
  std::size_t controls = 0;
  std::string* fields[] = {&article.title, &article.source, &article.category,
                           &article.author, &article.url,    &article.body};
  for (std::string* field : fields) controls += ReplaceControlCharacters(*field);
  if (controls > 0 && notes) {
    notes->push_back(std::to_string(controls) +
                     (controls == 1 ? " control character" : " control characters") +
                     " replaced by spaces");
  }
  if (article.body.size() > kMaxBodyBytes) {
    if (notes) {
      notes->push_back("body of " + MiB(article.body.size()) + " cut to its first " +
                       MiB(kMaxBodyBytes) + " (the most indexed per article)");
    }
    CutText(article.body, kMaxBodyBytes);
  }
  const std::pair<const char*, std::string*> named[] = {
      {"title", &article.title},   {"source", &article.source}, {"category", &article.category},
      {"author", &article.author}, {"url", &article.url}};
  for (const auto& [name, field] : named) {
    if (field->size() <= kMaxFieldBytes) continue;
    if (notes) {
      notes->push_back(std::string(name) + " of " + std::to_string(field->size()) +
                       " bytes cut to " + std::to_string(kMaxFieldBytes));
    }
    CutText(*field, kMaxFieldBytes);
  }
}

}  // namespace

std::optional<std::string> Utf16Reason(std::string_view content) {
  std::string_view start = content.substr(0, 2);
  if (start == "\xFF\xFE" || start == "\xFE\xFF") {
    return std::string("UTF-16 text (it starts with a UTF-16 byte-order mark); convert it "
                       "to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8");
  }
  return std::nullopt;
}

std::string BinaryDataReason(std::size_t offset, bool in_line) {
  return "NUL byte at byte " + std::to_string(offset) + (in_line ? " of the line" : "") +
         ": binary data, not text (or UTF-16 without a byte-order mark?)";
}

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

Result<Article> FinishArticle(Article article, RepairNotes* notes) {
  if (IsBlank(article.id)) return Result<Article>::Fail("missing id");
  if (HasControlCharacter(article.id)) {
    return Result<Article>::Fail("id contains control characters");
  }
  if (article.id.size() + schema::kIdPrefix.size() > schema::kMaxTermBytes) {
    return Result<Article>::Fail("id longer than " +
                                 std::to_string(schema::kMaxTermBytes - schema::kIdPrefix.size()) +
                                 " bytes");
  }
  RepairFields(article, notes);
  if (IsBlank(article.body)) return Result<Article>::Fail("empty body");
  if (IsBlank(article.title)) article.title = DeriveTitle(article.body);
  return Result<Article>::Ok(std::move(article));
}

}  // namespace archivar::formats
