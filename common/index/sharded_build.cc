#include "index/sharded_build.h"

#include "index/compaction.h"
#include "index/index_writer.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <unordered_set>

namespace archivar::index {
namespace {

namespace fs = std::filesystem;

constexpr const char* kShardSuffix = ".archivar-shard-";

// "<db>.archivar-shard-" for `db_path` with or without a trailing slash.
std::string ShardPrefix(const std::string& db_path) { return PathNextTo(db_path, kShardSuffix); }

// The run databases of one shard.  Articles go to the current run; after
// `articles_per_run` of them the run is committed and a new one started.
// The earlier runs stay open for later versions of their articles.
// Used on the shard's writer thread only.
class RunSet {
 public:
  RunSet(std::string path_prefix, std::size_t batch_size, std::size_t articles_per_run,
         const persons::AliasTable& aliases)
      : path_prefix_(std::move(path_prefix)),
        batch_size_(batch_size),
        articles_per_run_(std::max<std::size_t>(articles_per_run, 1)),
        aliases_(aliases) {
    StartRun();
  }

  AddOutcome Add(PreparedArticle&& article) {
    std::uint64_t id_hash = std::hash<std::string>()(article.id_term);
    IndexWriter* earlier = RunHolding(id_hash);
    if (earlier != nullptr) return earlier->Add(std::move(article));
    // A new id: no lookup needed (most articles of a bulk build).
    if (current_run_ids_.size() >= articles_per_run_) CloseCurrentRun();
    current_run_ids_.insert(id_hash);
    runs_.back()->AddNew(std::move(article));
    return AddOutcome::kNew;
  }

  void CommitAll() {
    for (auto& run : runs_) run->Commit();
  }

  const std::vector<std::string>& Paths() const { return paths_; }

 private:
  // The run that received an id with this hash (a later version of the
  // article, or a rare hash collision — harmless, the article is merely
  // written there and looked up by its id), or null for a new id.
  IndexWriter* RunHolding(std::uint64_t id_hash) {
    for (std::size_t run = 0; run < closed_run_ids_.size(); ++run) {
      const auto& ids = closed_run_ids_[run];
      if (std::binary_search(ids.begin(), ids.end(), id_hash)) return runs_[run].get();
    }
    return current_run_ids_.count(id_hash) != 0 ? runs_.back().get() : nullptr;
  }

  void CloseCurrentRun() {
    runs_.back()->Commit();
    std::vector<std::uint64_t> ids(current_run_ids_.begin(), current_run_ids_.end());
    std::sort(ids.begin(), ids.end());
    closed_run_ids_.push_back(std::move(ids));
    current_run_ids_.clear();
    StartRun();
  }

  void StartRun() {
    paths_.push_back(path_prefix_ + std::to_string(runs_.size()));
    runs_.push_back(std::make_unique<IndexWriter>(paths_.back(), batch_size_, aliases_,
                                                  Durability::kUnsynced));
  }

  std::string path_prefix_;
  std::size_t batch_size_;
  std::size_t articles_per_run_;
  const persons::AliasTable& aliases_;
  std::vector<std::unique_ptr<IndexWriter>> runs_;
  std::vector<std::string> paths_;
  std::vector<std::vector<std::uint64_t>> closed_run_ids_;  // each sorted
  std::unordered_set<std::uint64_t> current_run_ids_;
};

}  // namespace

// One shard: analysis threads feeding one writer thread (IndexingPipeline)
// that writes into the shard's runs.
struct ShardedBuild::Shard {
  Shard(std::string path_prefix, const ShardedBuild::Options& options,
        const persons::AliasTable& aliases, IndexingPipeline::OnWritten on_written)
      : runs(std::move(path_prefix), options.batch_size, options.articles_per_run, aliases),
        pipeline([this](PreparedArticle&& article) { return runs.Add(std::move(article)); },
                 aliases, options.analysis_threads_per_shard, std::move(on_written)) {}

  RunSet runs;
  IndexingPipeline pipeline;  // after `runs`: stopped before they close
};

ShardedBuild::ShardedBuild(const std::string& db_path, const Options& options,
                           const persons::AliasTable& aliases,
                           IndexingPipeline::OnWritten on_written) {
  std::size_t shards = std::max<std::size_t>(options.shards, 1);
  for (std::size_t i = 0; i < shards; ++i) {
    shards_.push_back(std::make_unique<Shard>(ShardPrefix(db_path) + std::to_string(i) + "-",
                                              options, aliases, on_written));
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
      shard->runs.CommitAll();
    } catch (...) {
      if (!first_error) first_error = std::current_exception();
    }
  }
  if (first_error) std::rethrow_exception(first_error);
}

std::vector<std::string> ShardedBuild::ShardPaths() const {
  std::vector<std::string> paths;
  for (const auto& shard : shards_) {
    paths.insert(paths.end(), shard->runs.Paths().begin(), shard->runs.Paths().end());
  }
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
