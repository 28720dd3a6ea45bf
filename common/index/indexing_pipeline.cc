#include "index/indexing_pipeline.h"

#include "analysis/analyzer.h"
#include "persons/person_recognizer.h"

#include <algorithm>

namespace archivar::index {
namespace {

// Articles in flight per worker: enough to keep every thread busy while
// the writer flushes, few enough to bound memory (an article body is at
// most a few MiB after the readers' caps).
constexpr std::size_t kArticlesInFlightPerWorker = 16;

}  // namespace

class IndexingPipeline::Worker {
 public:
  explicit Worker(const persons::AliasTable& aliases) : recognizer_(aliases) {}
  DocumentBuilder& builder() { return builder_; }

 private:
  analysis::Analyzer analyzer_;
  persons::PersonRecognizer recognizer_;
  DocumentBuilder builder_{analyzer_, recognizer_};
};

IndexingPipeline::IndexingPipeline(IndexWriter& writer, const persons::AliasTable& aliases,
                                   std::size_t threads, OnWritten on_written)
    : IndexingPipeline([&writer](PreparedArticle&& article) { return writer.Add(std::move(article)); },
                       aliases, threads, std::move(on_written)) {}

IndexingPipeline::IndexingPipeline(WriteArticle write, const persons::AliasTable& aliases,
                                   std::size_t threads, OnWritten on_written)
    : write_(std::move(write)), on_written_(std::move(on_written)) {
  threads = std::max<std::size_t>(threads, 1);
  for (std::size_t i = 0; i < threads; ++i) {
    workers_.push_back(std::make_unique<Worker>(aliases));
  }
  pool_ = std::make_unique<OrderedWorkPool<Job, Prepared>>(
      threads, threads * kArticlesInFlightPerWorker,
      [this](Job&& job, std::size_t worker) { return Prepare(std::move(job), worker); },
      [this](Prepared&& prepared) { Write(std::move(prepared)); });
}

IndexingPipeline::~IndexingPipeline() = default;

bool IndexingPipeline::Add(Article article, std::string origin_path) {
  return pool_->Submit(Job{std::move(article), std::move(origin_path)});
}

void IndexingPipeline::Finish() { pool_->Finish(); }

IndexingPipeline::Prepared IndexingPipeline::Prepare(Job&& job, std::size_t worker) {
  Prepared prepared;
  prepared.text_bytes = job.article.title.size() + job.article.body.size();
  prepared.article = workers_[worker]->builder().Prepare(job.article, job.origin_path);
  return prepared;
}

void IndexingPipeline::Write(Prepared&& prepared) {
  WrittenArticle written{write_(std::move(prepared.article)), prepared.text_bytes};
  if (on_written_) on_written_(written);
}

}  // namespace archivar::index
