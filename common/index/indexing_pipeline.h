// IndexingPipeline: analyses articles in worker threads and writes them
// through one writer function (IndexWriter::Add), in the order they were
// added — so the result is the same as adding them one by one (a later
// version of an id wins), only faster: analysis (tokenising, compounds,
// stemming, persons) runs on every core while the writer thread feeds
// Xapian.
//
//   reader (caller's thread) --Add()--> N analysis workers --> writer thread
//
// At most a few hundred articles and about 2 MiB of text per worker are in
// flight, so memory stays bounded whatever the size of the input.  The
// first error (a Xapian error while writing: disk full, …) stops the
// pipeline: Add() returns false and Finish() rethrows it.  Articles
// written before the error stay committed at the writer's last commit.
//
// A written document goes back to the worker that built it to be freed
// there: memory freed on the thread that allocated it returns to that
// thread's allocator cache, and the writer spends no time freeing
// (bench/README.md, "Indexing at 100,000 articles, per thread").
//
// Add() and Finish() must be called from one thread.
#pragma once

#include "article.h"
#include "index/index_writer.h"
#include "persons/alias_table.h"
#include "util/ordered_work_pool.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace archivar::index {

// What happened to one article, reported on the writer thread.
struct WrittenArticle {
  AddOutcome outcome = AddOutcome::kNew;
  std::size_t text_bytes = 0;  // title and body, for progress in MB/s
};

class IndexingPipeline {
 public:
  using OnWritten = std::function<void(const WrittenArticle&)>;
  // Writes one analysed article; called on the writer thread only.
  using WriteArticle = std::function<AddOutcome(PreparedArticle&&)>;

  // `threads` analysis workers (at least 1); `aliases` must outlive the
  // pipeline.  `on_written` runs on the writer thread after each article.
  IndexingPipeline(WriteArticle write, const persons::AliasTable& aliases, std::size_t threads,
                   OnWritten on_written);
  // Writes through `writer` (IndexWriter::Add).
  IndexingPipeline(IndexWriter& writer, const persons::AliasTable& aliases,
                   std::size_t threads, OnWritten on_written);
  ~IndexingPipeline();

  // Queues an article; blocks while the workers are busy.  False (the
  // article is dropped) once the pipeline has failed.
  bool Add(Article article, std::string origin_path);

  // Waits until every added article is written; rethrows the first error.
  void Finish();

 private:
  struct Job {
    Article article;
    std::string origin_path;
  };
  struct Prepared {
    PreparedArticle article;
    std::size_t text_bytes = 0;
    std::size_t worker = 0;  // the analysis worker that built it
  };
  class Worker;  // one analyser and person recognizer per thread

  Prepared Prepare(Job&& job, std::size_t worker);
  void Write(Prepared&& prepared);

  WriteArticle write_;
  OnWritten on_written_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::unique_ptr<OrderedWorkPool<Job, Prepared>> pool_;
};

}  // namespace archivar::index
