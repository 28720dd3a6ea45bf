// ShardedBuild: a bulk build of an empty database on every core.
//
// One Xapian writer is the bottleneck of indexing (its flushes take more
// time than all the German analysis), so a build from scratch writes
// `shards` databases in parallel, next to the target:
//
//   reader --id hash--> shard i: analysis thread -> writer thread -> <db>.archivar-shard-i
//
// and merges them into the target at the end with one compaction (see
// compaction.h).  An id always goes to the same shard, in input order, so a
// later version of an article replaces an earlier one as usual.
//
// Crash safety: each shard commits every `batch_size` articles.  If the
// process dies before the merge, the target is still empty (its last
// commit) and the shards stay; MergeLeftoverShards() — called by the next
// run — merges what they committed, and that run goes on incrementally.
//
// Add() and Finish() must be called from one thread.
#pragma once

#include "index/indexing_pipeline.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace archivar::index {

class ShardedBuild {
 public:
  // Creates (or reopens) `shards` shard databases next to `db_path`.
  // `on_written` runs on the shards' writer threads, concurrently.
  ShardedBuild(const std::string& db_path, std::size_t shards, std::size_t batch_size,
               const persons::AliasTable& aliases, IndexingPipeline::OnWritten on_written);
  ~ShardedBuild();

  // Queues an article for its shard; false once a shard has failed.
  bool Add(Article article, std::string origin_path);

  // Waits until every article is written and commits the shards;
  // rethrows the first error.  Then the shards are ready to be merged.
  void Finish();

  std::vector<std::string> ShardPaths() const;

 private:
  struct Shard;
  std::vector<std::unique_ptr<Shard>> shards_;
};

// The shard databases of a bulk build found next to `db_path`.
std::vector<std::string> FindShards(const std::string& db_path);

// Removes the shard databases next to `db_path`.
void RemoveShards(const std::string& db_path);

}  // namespace archivar::index
