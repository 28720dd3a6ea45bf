#include "formats/article_reader.h"

#include "formats/json_lines.h"
#include "formats/plain_text.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace archivar::formats {
namespace {

namespace fs = std::filesystem;

enum class FileType { kPlainText, kJsonLines, kUnsupported };

// Records (JSON lines, plain-text files) larger than this are skipped
// without being held in memory.
constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;
constexpr const char* kTooLongReason = "record larger than 64 MiB; skipped";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

FileType TypeOf(const std::string& path) {
  if (EndsWith(path, ".txt")) return FileType::kPlainText;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.gz")) {
    return FileType::kJsonLines;
  }
  return FileType::kUnsupported;
}

// Reads a whole file; fails with the system's reason.
bool ReadWholeFile(const std::string& path, std::string* content,
                   std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot read file: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = "error while reading file";
    return false;
  }
  *content = buffer.str();
  return true;
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
  auto parsed = ParsePlainTextArticle(content, DefaultIdForPath(root, path));
  if (!parsed) {
    callbacks.on_rejected({path, parsed.error().line}, parsed.error().reason);
    return;
  }
  callbacks.on_article({path, 0}, std::move(parsed).value());
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
    auto parsed = ParseJsonArticle(line);
    if (parsed) {
      callbacks.on_article({path, line_number}, std::move(parsed).value());
    } else {
      callbacks.on_rejected({path, line_number}, parsed.error());
    }
  };
  int read = 0;
  while (!callbacks.Stopping() && (read = gzread(file, buffer, sizeof buffer)) > 0) {
    std::string_view chunk(buffer, static_cast<std::size_t>(read));
    std::size_t newline;
    while (!callbacks.Stopping() && (newline = chunk.find('\n')) != std::string_view::npos) {
      append(chunk.substr(0, newline));
      emit();
      line.clear();
      chunk.remove_prefix(newline + 1);
    }
    append(chunk);
  }
  if (read < 0) {
    int code = 0;
    const char* message = gzerror(file, &code);
    callbacks.on_rejected({path, line_number + 1},
                          std::string("cannot read further: ") + message);
    return;
  }
  if ((too_long || !line.empty()) && !callbacks.Stopping()) emit();
}

bool HasGzipMagic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char magic[2] = {0, 0};
  in.read(reinterpret_cast<char*>(magic), 2);
  return in.gcount() == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

void ReadJsonLinesFile(const std::string& path, const ArticleCallbacks& callbacks) {
  if (EndsWith(path, ".gz") && !HasGzipMagic(path)) {
    callbacks.on_rejected({path, 0}, "not gzip data, although the name ends in .gz");
    return;
  }
  gzFile file = path == "-" ? gzdopen(dup(0), "rb") : gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    callbacks.on_rejected({path, 0},
                          std::string("cannot read file: ") + std::strerror(errno));
    return;
  }
  ReadJsonLinesStream(file, path, callbacks);
  gzclose(file);
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

void ReadDirectory(const std::string& root, const ArticleCallbacks& callbacks) {
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator it(root, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error) &&
        TypeOf(it->path().string()) != FileType::kUnsupported) {
      files.push_back(it->path().string());
    }
  }
  if (error) {
    callbacks.on_rejected({root, 0}, "cannot read directory: " + error.message());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    if (callbacks.Stopping()) return;
    ReadFile(root, file, callbacks);
  }
}

}  // namespace

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
      callbacks.on_rejected({path, 0}, "no such file or directory");
    } else if (path == "-") {
      ReadJsonLinesFile(path, callbacks);
    } else {
      ReadFile(path, path, callbacks);
    }
  }
}

}  // namespace archivar::formats
