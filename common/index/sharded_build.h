// ShardedBuild: a bulk build of an empty database on every core.
//
// A Xapian writer slows down as its database grows, and a synced commit
// waits for the disk.  So a build from scratch does not write into the
// target: each shard (analysis threads feeding one writer thread) writes
// unsynced scratch "run" databases next to it, starting a fresh run after
// `articles_per_run` articles, and all runs are merged into the target at
// the end with one synced compaction (compaction.h) — a merge of sorted
// postings, much cheaper than writing the same articles into one large
// database.  With many cores several shards write in parallel:
//
//   reader --id hash--> shard i: analysis threads -> writer thread
//                       -> <db>.archivar-shard-i-0, <db>.archivar-shard-i-1, …
//
// Ids: an id always goes to the same shard, and within it to the run that
// first received it, in input order — so a later version of an article
// replaces the earlier one (or is skipped when identical) as in a single
// database, and the merged database holds each id once.
//
// Crash safety: each run commits every `batch_size` articles, unsynced.
// If the process dies before the merge, the target is still empty (its
// last commit) and the runs stay; the next archivar-index run merges what
// they committed and goes on incrementally.  After a power cut the runs
// may be damaged; the target never is.
//
// Add() and Finish() must be called from one thread.
#pragma once

#include "article.h"
#include "index/indexing_pipeline.h"
#include "persons/alias_table.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace archivar::index {

class ShardedBuild {
 public:
  struct Options {
    std::size_t shards = 1;
    std::size_t analysis_threads_per_shard = 1;
    std::size_t batch_size = 500;  // articles per commit of a run
    // Past this size a writer's flushes cost noticeably more per article
    // (bench/README.md), so a shard starts a new run.
    std::size_t articles_per_run = 50'000;
  };

  // Starts the shards' threads, writing next to `db_path`.  `on_written`
  // runs on the shards' writer threads, concurrently.
  ShardedBuild(const std::string& db_path, const Options& options,
               const persons::AliasTable& aliases, IndexingPipeline::OnWritten on_written);
  ~ShardedBuild();

  // Queues an article for its shard; blocks while that shard is busy.
  // False once a shard has failed.
  bool Add(Article article, std::string origin_path);

  // Waits until every article is written and commits the runs; rethrows
  // the first error.  Then the runs are ready to be merged.
  void Finish();

  // Every run database written, to be merged.
  std::vector<std::string> ShardPaths() const;

 private:
  struct Shard;
  std::vector<std::unique_ptr<Shard>> shards_;
};

// The shard (run) databases of a bulk build found next to `db_path`.
std::vector<std::string> FindShards(const std::string& db_path);

// Removes the shard databases next to `db_path`.
void RemoveShards(const std::string& db_path);

}  // namespace archivar::index
