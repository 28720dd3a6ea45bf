#include "formats/article_reader.h"
#include "util/strings.h"

#include "formats/article_fields.h"
#include "formats/json_lines.h"
#include "formats/plain_text.h"
#include "text/unicode.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

namespace archivar::formats {
namespace {

namespace fs = std::filesystem;

enum class FileType { kPlainText, kJsonLines, kUnsupported };

// Records (JSON lines, plain-text files) larger than this are skipped
// without being held in memory.
constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;
constexpr const char* kTooLongReason = "record larger than 64 MiB; skipped";
// A line buffer that grew past this (for a huge record) is given back
// after the record instead of being kept for the next line.
constexpr std::size_t kKeptLineCapacity = std::size_t{1} << 20;

FileType TypeOf(const std::string& path) {
  if (EndsWith(path, ".txt")) return FileType::kPlainText;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.gz")) {
    return FileType::kJsonLines;
  }
  return FileType::kUnsupported;
}

// Reads a whole file of at most kMaxRecordBytes; fails with the system's
// reason, or kTooLongReason for a longer file (read no further, so a
// device or a growing file cannot fill the memory).
bool ReadWholeFile(const std::string& path, std::string* content,
                   std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot read file: ") + std::strerror(errno);
    return false;
  }
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    if (content->size() + static_cast<std::size_t>(in.gcount()) > kMaxRecordBytes) {
      *error = kTooLongReason;
      return false;
    }
    content->append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    *error = "error while reading file";
    return false;
  }
  return true;
}

// "a; b; c"
std::string JoinNotes(const RepairNotes& notes) {
  std::string joined;
  for (const auto& note : notes) joined += (joined.empty() ? "" : "; ") + note;
  return joined;
}

void ReportInputRead(std::uint64_t bytes, const ArticleCallbacks& callbacks) {
  if (callbacks.on_input_read && bytes > 0) callbacks.on_input_read(bytes);
}

void Deliver(const RecordOrigin& origin, Article article, const RepairNotes& notes,
             const ArticleCallbacks& callbacks) {
  if (!notes.empty() && callbacks.on_repaired) callbacks.on_repaired(origin, JoinNotes(notes));
  callbacks.on_article(origin, std::move(article));
}

void ReadPlainTextFile(const std::string& root, const std::string& path,
                       const ArticleCallbacks& callbacks) {
  std::error_code size_error;
  if (fs::file_size(path, size_error) > kMaxRecordBytes && !size_error) {
    callbacks.on_rejected({path, 0}, kTooLongReason);
    return;
  }
  std::string content, error;
  if (!ReadWholeFile(path, &content, &error)) {
    callbacks.on_rejected({path, 0}, error);
    return;
  }
  ReportInputRead(content.size(), callbacks);
  RepairNotes notes;
  auto parsed = ParsePlainTextArticle(content, DefaultIdForPath(root, path), &notes);
  std::string().swap(content);
  if (!parsed) {
    callbacks.on_rejected({path, parsed.error().line}, parsed.error().reason);
    return;
  }
  Deliver({path, 0}, std::move(parsed).value(), notes, callbacks);
}

// Rejects a whole file, once, when its first bytes show it is not UTF-8
// text: a UTF-16 byte-order mark, or a NUL byte (binary data; without this
// check every "line" of a binary file would be reported on its own).
bool RejectUnreadableStart(std::string_view first_chunk, const std::string& path,
                           const ArticleCallbacks& callbacks) {
  if (auto utf16 = Utf16Reason(first_chunk)) {
    callbacks.on_rejected({path, 1}, *utf16 + "; file skipped");
    return true;
  }
  std::size_t nul = first_chunk.find('\0');
  if (nul == std::string_view::npos) return false;
  callbacks.on_rejected({path, text::LineOfOffset(first_chunk, nul)},
                        BinaryDataReason(nul) + "; file skipped");
  return true;
}

// Why reading a .gz file stopped early: it ends inside the compressed data
// (Z_BUF_ERROR: truncated, say by an interrupted copy) or the data is
// corrupt.  zlib's message starts with the path, which is said already.
std::string GzipErrorReason(const std::string& path, int code, const char* message) {
  if (code == Z_BUF_ERROR) {
    return "the gzip data ends early (truncated file?); the rest of the file is lost";
  }
  std::string detail = message != nullptr ? message : "";
  if (detail.rfind(path + ": ", 0) == 0) detail.erase(0, path.size() + 2);
  if (code == Z_ERRNO) detail = std::strerror(errno);
  return "cannot read further (" + detail + "); the rest of the file is skipped";
}

// Reads lines from a plain or gzip-compressed file (zlib reads both).
void ReadJsonLinesStream(gzFile file, const std::string& path,
                         const ArticleCallbacks& callbacks) {
  std::string line;
  bool too_long = false;  // the current line passed kMaxRecordBytes
  std::size_t line_number = 0;
  char buffer[1 << 16];
  auto append = [&](std::string_view piece) {
    if (too_long) return;
    if (line.size() + piece.size() > kMaxRecordBytes) {
      too_long = true;
      std::string().swap(line);  // give the memory back
      return;
    }
    line.append(piece);
  };
  auto emit = [&]() {
    ++line_number;
    if (too_long) {
      too_long = false;
      callbacks.on_rejected({path, line_number}, kTooLongReason);
      return;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) return;  // blank
    RepairNotes notes;
    auto parsed = ParseJsonArticle(line, &notes);
    if (line.capacity() > kKeptLineCapacity) std::string().swap(line);
    if (parsed) {
      Deliver({path, line_number}, std::move(parsed).value(), notes, callbacks);
    } else {
      callbacks.on_rejected({path, line_number}, parsed.error());
    }
  };
  int read = 0;
  bool first_chunk = true;
  z_off_t reported = 0;  // input bytes reported so far
  while (!callbacks.Stopping() && (read = gzread(file, buffer, sizeof buffer)) > 0) {
    z_off_t position = gzoffset(file);
    if (position > reported) {
      ReportInputRead(static_cast<std::uint64_t>(position - reported), callbacks);
      reported = position;
    }
    std::string_view chunk(buffer, static_cast<std::size_t>(read));
    if (first_chunk) {
      first_chunk = false;
      if (RejectUnreadableStart(chunk, path, callbacks)) return;
    }
    std::size_t newline;
    while (!callbacks.Stopping() && (newline = chunk.find('\n')) != std::string_view::npos) {
      append(chunk.substr(0, newline));
      emit();
      line.clear();
      chunk.remove_prefix(newline + 1);
    }
    append(chunk);
  }
  if (callbacks.Stopping()) return;
  int code = Z_OK;
  const char* message = gzerror(file, &code);
  if (read < 0 || code == Z_BUF_ERROR) {
    // The unfinished last line is part of the damage: it is not indexed.
    callbacks.on_rejected({path, line_number + 1}, GzipErrorReason(path, code, message));
    return;
  }
  if (too_long || !line.empty()) emit();
}

bool HasGzipMagic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char magic[2] = {0, 0};
  in.read(reinterpret_cast<char*>(magic), 2);
  return in.gcount() == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

// Opens a file, or standard input for "-", for gzread (plain or gzip).
gzFile OpenGzip(const std::string& path) {
  if (path != "-") return gzopen(path.c_str(), "rb");
  int fd = dup(0);  // gzclose closes it, not standard input
  gzFile file = fd < 0 ? nullptr : gzdopen(fd, "rb");
  if (file == nullptr && fd >= 0) close(fd);
  return file;
}

void ReadJsonLinesFile(const std::string& path, const ArticleCallbacks& callbacks) {
  if (EndsWith(path, ".gz") && !HasGzipMagic(path)) {
    callbacks.on_rejected({path, 0}, "not gzip data, although the name ends in .gz");
    return;
  }
  // Closed however reading ends: a callback may throw (a database error
  // while indexing), and the file must not leak then.
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(OpenGzip(path), gzclose);
  if (file == nullptr) {
    callbacks.on_rejected({path, 0},
                          std::string("cannot read file: ") + std::strerror(errno));
    return;
  }
  ReadJsonLinesStream(file.get(), path, callbacks);
}

void ReadFile(const std::string& root, const std::string& path,
              const ArticleCallbacks& callbacks) {
  switch (TypeOf(path)) {
    case FileType::kPlainText:
      ReadPlainTextFile(root, path, callbacks);
      break;
    case FileType::kJsonLines:
      ReadJsonLinesFile(path, callbacks);
      break;
    case FileType::kUnsupported:
      callbacks.on_rejected({path, 0},
                            "unsupported file type (expected .txt, .jsonl or .jsonl.gz)");
      break;
  }
}

// Adds the supported files under `directory` to *files, recursing into
// subdirectories (not into symbolic links to directories); reports each
// directory that cannot be read and goes on with the others.
void CollectFiles(const fs::path& directory, const ArticleCallbacks& callbacks,
                  std::vector<std::string>* files) {
  std::error_code error;
  fs::directory_iterator it(directory, error), end;
  for (; !error && it != end; it.increment(error)) {
    std::error_code ignored;  // an entry that vanished is simply not read
    if (it->is_directory(ignored) && !it->is_symlink(ignored)) {
      CollectFiles(it->path(), callbacks, files);
    } else if (it->is_regular_file(ignored) &&
               TypeOf(it->path().string()) != FileType::kUnsupported) {
      files->push_back(it->path().string());
    }
  }
  if (error) {
    callbacks.on_rejected({directory.string(), 0},
                          "cannot read directory: " + error.message());
  }
}

void ReadDirectory(const std::string& root, const ArticleCallbacks& callbacks) {
  std::vector<std::string> files;
  CollectFiles(root, callbacks, &files);
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    if (callbacks.Stopping()) return;
    ReadFile(root, file, callbacks);
  }
}

}  // namespace

std::optional<std::uint64_t> InputSize(const std::vector<std::string>& paths) {
  ArticleCallbacks ignore_errors;
  ignore_errors.on_rejected = [](const RecordOrigin&, const std::string&) {};
  std::uint64_t total = 0;
  for (const auto& path : paths) {
    if (path == "-") return std::nullopt;
    std::vector<std::string> files;
    std::error_code error;
    if (fs::is_directory(path, error)) {
      CollectFiles(path, ignore_errors, &files);
    } else {
      files.push_back(path);
    }
    for (const auto& file : files) {
      std::uintmax_t size = fs::file_size(file, error);
      if (!error) total += size;
    }
  }
  return total;
}

std::string DefaultIdForPath(const std::string& root, const std::string& file) {
  fs::path relative = root == file ? fs::path(file).filename()
                                   : fs::path(file).lexically_relative(root);
  if (relative.empty()) relative = fs::path(file).filename();
  relative.replace_extension();
  return relative.generic_string();
}

void ReadArticles(const std::vector<std::string>& paths,
                  const ArticleCallbacks& callbacks) {
  for (const auto& path : paths) {
    if (callbacks.Stopping()) return;
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      ReadDirectory(path, callbacks);
    } else if (path != "-" && !fs::exists(path, error)) {
      callbacks.on_rejected({path, 0}, error ? "cannot read: " + error.message()
                                             : std::string("no such file or directory"));
    } else if (path == "-") {
      ReadJsonLinesFile(path, callbacks);
    } else {
      ReadFile(path, path, callbacks);
    }
  }
}

}  // namespace archivar::formats
