#include "index/indexing_pipeline.h"

#include "analysis/analyzer.h"
#include "persons/person_recognizer.h"

#include <algorithm>
#include <mutex>

namespace archivar::index {
namespace {

// In flight per analysis worker, in units of kBytesPerUnit of text (an
// article weighs at least one): enough articles for the analysis to work
// ahead while the writer commits (a commit of 500 articles takes as long
// as writing a few hundred), so the writer finds articles waiting
// afterwards — 16 left it waiting and cost about 7 % at 100,000 articles
// (bench/README.md); and at most about 2 MiB of text per worker, whatever
// the size of the articles.
constexpr std::size_t kUnitsInFlightPerWorker = 512;
constexpr std::size_t kBytesPerUnit = 4096;

std::size_t Weight(const Article& article) {
  return std::max<std::size_t>(1, (article.title.size() + article.body.size()) / kBytesPerUnit);
}

}  // namespace

class IndexingPipeline::Worker {
 public:
  explicit Worker(const persons::AliasTable& aliases) : recognizer_(aliases) {}
  DocumentBuilder& builder() { return builder_; }

  // Called on the writer thread, after the writer let go of its own handles
  // (a Document's reference count is not thread-safe): keeps a written
  // document for DisposeSpent.
  void KeepSpent(Xapian::Document document) {
    std::lock_guard<std::mutex> lock(spent_mutex_);
    spent_.push_back(std::move(document));
  }
  // Called on this worker's thread: frees the documents it built that have
  // been written, so their memory returns to the thread that allocated it.
  void DisposeSpent() {
    std::vector<Xapian::Document> spent;
    {
      std::lock_guard<std::mutex> lock(spent_mutex_);
      spent.swap(spent_);
    }
  }

 private:
  std::mutex spent_mutex_;
  std::vector<Xapian::Document> spent_;
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
      threads, threads * kUnitsInFlightPerWorker,
      [this](Job&& job, std::size_t worker) { return Prepare(std::move(job), worker); },
      [this](Prepared&& prepared) { Write(std::move(prepared)); });
}

IndexingPipeline::~IndexingPipeline() = default;

bool IndexingPipeline::Add(Article article, std::string origin_path) {
  std::size_t weight = Weight(article);
  return pool_->Submit(Job{std::move(article), std::move(origin_path)}, weight);
}

void IndexingPipeline::Finish() { pool_->Finish(); }

IndexingPipeline::Prepared IndexingPipeline::Prepare(Job&& job, std::size_t worker) {
  workers_[worker]->DisposeSpent();
  Prepared prepared;
  prepared.worker = worker;
  prepared.text_bytes = job.article.title.size() + job.article.body.size();
  prepared.article = workers_[worker]->builder().Prepare(job.article, job.origin_path);
  return prepared;
}

void IndexingPipeline::Write(Prepared&& prepared) {
  Xapian::Document document = prepared.article.document;
  WrittenArticle written{write_(std::move(prepared.article)), prepared.text_bytes};
  workers_[prepared.worker]->KeepSpent(std::move(document));
  if (on_written_) on_written_(written);
}

}  // namespace archivar::index
