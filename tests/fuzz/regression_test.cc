// Replays, through the fuzz targets' own functions, every input kept in
// tests/fuzz/regressions/<target>/ (inputs that once crashed a target or
// broke an invariant; each file's name says what it guards) and the seed
// inputs in tests/fuzz/corpus/<target>/.
#include "fuzz_targets.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace archivar::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Feeds every file under `kind`/<target>/ to the target; returns how many.
std::size_t Replay(const std::string& kind, const std::string& target) {
  FuzzFunction function = FuzzTargetNamed(target);
  REQUIRE(function != nullptr);
  std::size_t count = 0;
  for (const auto& file : FilesIn(fs::path(ARCHIVAR_FUZZ_DIR) / kind / target)) {
    INFO(file.string());
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(function(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
    ++count;
  }
  return count;
}

TEST_CASE("Fuzz regressions and seeds pass the article parsers target", "[fuzz]") {
  CHECK(Replay("corpus", "article_parsers") > 0);
  Replay("regressions", "article_parsers");
}

TEST_CASE("Fuzz regressions and seeds pass the query target", "[fuzz]") {
  CHECK(Replay("corpus", "query") > 0);
  Replay("regressions", "query");
}

TEST_CASE("Fuzz regressions and seeds pass the analyzer target", "[fuzz]") {
  CHECK(Replay("corpus", "analyzer") > 0);
  Replay("regressions", "analyzer");
}

}  // namespace
}  // namespace archivar::fuzz
