#include "index/sharded_build.h"

#include "index/compaction.h"

#include <algorithm>
#include <filesystem>
#include <functional>

namespace archivar::index {
namespace {

namespace fs = std::filesystem;

constexpr const char* kShardSuffix = ".archivar-shard-";

// "<db>.archivar-shard-" for `db_path` with or without a trailing slash.
std::string ShardPrefix(const std::string& db_path) { return PathNextTo(db_path, kShardSuffix); }

}  // namespace

struct ShardedBuild::Shard {
  Shard(const std::string& path, std::size_t batch_size, const persons::AliasTable& aliases,
        IndexingPipeline::OnWritten on_written)
      : path(path),
        writer(path, batch_size, aliases),
        pipeline(writer, aliases, /*threads=*/1, std::move(on_written)) {}

  std::string path;
  IndexWriter writer;
  IndexingPipeline pipeline;  // after `writer`: stopped before it closes
};

ShardedBuild::ShardedBuild(const std::string& db_path, std::size_t shards,
                           std::size_t batch_size, const persons::AliasTable& aliases,
                           IndexingPipeline::OnWritten on_written) {
  shards = std::max<std::size_t>(shards, 1);
  for (std::size_t i = 0; i < shards; ++i) {
    shards_.push_back(std::make_unique<Shard>(ShardPrefix(db_path) + std::to_string(i),
                                              batch_size, aliases, on_written));
  }
}

ShardedBuild::~ShardedBuild() = default;

bool ShardedBuild::Add(Article article, std::string origin_path) {
  std::size_t shard = std::hash<std::string>()(article.id) % shards_.size();
  return shards_[shard]->pipeline.Add(std::move(article), std::move(origin_path));
}

void ShardedBuild::Finish() {
  std::exception_ptr first_error;
  for (auto& shard : shards_) {
    try {
      shard->pipeline.Finish();
      shard->writer.Commit();
    } catch (...) {
      if (!first_error) first_error = std::current_exception();
    }
  }
  if (first_error) std::rethrow_exception(first_error);
}

std::vector<std::string> ShardedBuild::ShardPaths() const {
  std::vector<std::string> paths;
  for (const auto& shard : shards_) paths.push_back(shard->path);
  return paths;
}

std::vector<std::string> FindShards(const std::string& db_path) {
  fs::path prefix(ShardPrefix(db_path));
  fs::path parent = prefix.parent_path().empty() ? fs::path(".") : prefix.parent_path();
  const std::string name_prefix = prefix.filename().string();
  std::vector<std::string> shards;
  std::error_code error;
  for (fs::directory_iterator it(parent, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code ignored;
    if (it->path().filename().string().rfind(name_prefix, 0) == 0 &&
        it->is_directory(ignored)) {
      shards.push_back((prefix.parent_path() / it->path().filename()).string());
    }
  }
  std::sort(shards.begin(), shards.end());
  return shards;
}

void RemoveShards(const std::string& db_path) {
  for (const auto& shard : FindShards(db_path)) {
    std::error_code ignored;
    fs::remove_all(shard, ignored);
  }
}

}  // namespace archivar::index
