#include "test_support.h"

#include "index/index_writer.h"

#include <stdlib.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace archivar::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") +
                        "/archivar-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp(" + pattern + "): " + std::strerror(errno));
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;  // a destructor must not throw
  fs::remove_all(path_, ignored);
}

std::string TempDir::Path(std::string_view relative) const {
  return path_ + "/" + std::string(relative);
}

void WriteFile(const std::string& path, std::string_view content) {
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent);
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

Article MakeArticle(std::string id, std::string title, std::string body,
                    std::string date, std::string source, std::string category,
                    std::string author) {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.body = std::move(body);
  article.date = std::move(date);
  article.source = std::move(source);
  article.category = std::move(category);
  article.author = std::move(author);
  return article;
}

void BuildDatabase(const std::string& db_path, const std::vector<Article>& articles,
                   std::size_t batch_size) {
  index::IndexWriter writer(db_path, batch_size);
  for (const auto& article : articles) writer.Add(article);
  writer.Close();
}

std::string DescribeTerms(const std::vector<analysis::AnalyzedTerm>& terms) {
  std::string out;
  for (const auto& term : terms) {
    if (!out.empty()) out += ' ';
    out += std::to_string(term.position) + ":" + term.term;
  }
  return out;
}

std::string DescribeTermsWithRules(const std::vector<analysis::AnalyzedTerm>& terms) {
  std::string out;
  for (const auto& term : terms) {
    if (!out.empty()) out += ' ';
    out += std::to_string(term.position) + ":" + term.term + "(" +
           analysis::TermRuleName(term.rule) + ")";
  }
  return out;
}

std::string MarkHighlights(const search::Highlighted& highlighted) {
  std::string out;
  std::size_t done = 0;
  for (const auto& [start, end] : highlighted.highlights) {
    if (start < done || end > highlighted.text.size() || end < start) {
      throw std::runtime_error("highlight ranges out of order or out of the text");
    }
    out.append(highlighted.text, done, start - done);
    out += '[';
    out.append(highlighted.text, start, end - start);
    out += ']';
    done = end;
  }
  out.append(highlighted.text, done, std::string::npos);
  return out;
}

}  // namespace archivar::testing
