// Helpers shared by Archivar's unit tests: temporary folders, files and
// small on-disk databases built through the real indexing code.
//
// Everything here is for tests only; failures throw std::runtime_error (or
// the Xapian::Error of the code under test) so Catch2 reports them.
#pragma once

#include "analysis/analyzer.h"
#include "article.h"
#include "search/snippet.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace archivar::testing {

// A fresh, private folder under $TMPDIR (or /tmp), made with mkdtemp and
// removed with everything in it when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + relative.
  std::string Path(std::string_view relative) const;

 private:
  std::string path_;
};

// Writes `content` to `path` byte for byte, creating missing parent folders.
void WriteFile(const std::string& path, std::string_view content);

// An article with the fields tests usually set; the rest stay empty.
Article MakeArticle(std::string id, std::string title, std::string body,
                    std::string date = "", std::string source = "",
                    std::string category = "", std::string author = "");

// Indexes `articles` into an on-disk Xapian database at `db_path` through
// index::IndexWriter (committing every `batch_size` articles) and closes it.
// Never the in-memory backend: it would hide on-disk limits such as the
// 245-byte term cap.
void BuildDatabase(const std::string& db_path, const std::vector<Article>& articles,
                   std::size_t batch_size = 2);

// Analysed terms as one string, "position:term" separated by spaces, for
// whole-output comparisons: "1:die 2:haus".
std::string DescribeTerms(const std::vector<analysis::AnalyzedTerm>& terms);

// Analysed terms with the rule that made each one, "position:term(rule)"
// separated by spaces, for golden comparisons of whole analyses:
// "1:haus(umlaut-base) 2:atomwaffenprogramm(stem) 2:atom(compound-part)".
std::string DescribeTermsWithRules(const std::vector<analysis::AnalyzedTerm>& terms);

// The text with each highlighted byte range wrapped in [ ]:
// "Neue [Häuser] für Berlin".
std::string MarkHighlights(const search::Highlighted& highlighted);

}  // namespace archivar::testing
