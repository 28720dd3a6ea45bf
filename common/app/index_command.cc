#include "app/index_command.h"

#include "analysis/analyzer.h"
#include "app/exit_code.h"
#include "app/interrupt.h"
#include "app/progress_meter.h"
#include "app/xapian_error.h"
#include "formats/article_reader.h"
#include "index/compaction.h"
#include "index/index_writer.h"
#include "index/indexing_pipeline.h"
#include "index/sharded_build.h"
#include "persons/person_recognizer.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <thread>

namespace archivar::app {
namespace {

struct IndexCounts {
  // Counted on the writer threads.
  std::atomic<std::size_t> new_articles{0};
  std::atomic<std::size_t> replaced{0};
  std::atomic<std::size_t> unchanged{0};
  // Counted on the reading thread.
  std::size_t deleted = 0;
  std::size_t analysed = 0;  // dry run
  std::size_t rejected = 0;

  std::size_t Indexed() const { return new_articles + replaced + unchanged; }
};

std::string Where(const RecordOrigin& origin) {
  return origin.line == 0 ? origin.path
                          : origin.path + ":" + std::to_string(origin.line);
}

nlohmann::json DryRunJson(const Article& article, std::size_t term_count,
                          const persons::ArticlePersons& persons) {
  nlohmann::json mentions = nlohmann::json::array();
  for (const persons::PersonMention& mention : persons.body.mentions) {
    mentions.push_back({{"text", mention.text}, {"start", mention.start},
                        {"end", mention.end}, {"person", mention.person}});
  }
  return {{"id", article.id},         {"title", article.title},
          {"date", article.date},     {"source", article.source},
          {"category", article.category}, {"author", article.author},
          {"url", article.url},       {"editor_code", article.editor_code},
          {"terms", term_count},      {"persons", persons.persons},
          {"person_mentions", mentions}};
}

std::string FormatRate(std::size_t count, double seconds) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f s, %.0f articles/s", seconds,
                seconds > 0 ? count / seconds : 0.0);
  return buffer;
}

void PrintSummary(const IndexOptions& options, const IndexCounts& counts,
                  double seconds, std::ostream& err) {
  if (options.quiet) return;
  if (options.dry_run) {
    err << "archivar-index: dry run: " << counts.analysed << " articles analysed, "
        << counts.rejected << " rejected, "
        << FormatRate(counts.analysed, seconds) << "\n";
    return;
  }
  err << "archivar-index: " << counts.Indexed() << " articles indexed ("
      << counts.new_articles << " new, " << counts.replaced << " replaced, "
      << counts.unchanged << " unchanged), " << counts.deleted << " deleted, "
      << counts.rejected << " rejected, " << FormatRate(counts.Indexed(), seconds) << "\n";
}

// Reads all inputs, handing each article to `consume` (which returns false
// to stop reading) and reporting rejected and repaired records.
void ForEachArticle(const IndexOptions& options, IndexCounts& counts, ProgressMeter& meter,
                    const std::function<bool(const RecordOrigin&, Article)>& consume) {
  bool stopped = false;
  formats::ArticleCallbacks callbacks;
  callbacks.on_article = [&](const RecordOrigin& origin, Article article) {
    if (!consume(origin, std::move(article))) stopped = true;
  };
  callbacks.should_stop = [&] { return stopped || InterruptRequested(); };
  callbacks.on_rejected = [&](const RecordOrigin& origin, const std::string& reason) {
    ++counts.rejected;
    meter.Message(Where(origin) + ": " + reason);
  };
  callbacks.on_repaired = [&](const RecordOrigin& origin, const std::string& note) {
    meter.Message(Where(origin) + ": note: " + note);
  };
  callbacks.on_input_read = [&](std::uint64_t bytes) { meter.InputRead(bytes); };
  formats::ReadArticles(options.inputs, callbacks);
}

void RunDryRun(const IndexOptions& options, const persons::AliasTable& aliases,
               IndexCounts& counts, ProgressMeter& meter, std::ostream& out) {
  analysis::Analyzer analyzer;
  persons::PersonRecognizer recognizer(aliases);
  ForEachArticle(options, counts, meter, [&](const RecordOrigin&, Article article) {
    std::size_t terms = analyzer.Analyze(article.title).size() +
                        analyzer.Analyze(article.body).size();
    ++counts.analysed;
    if (options.json) {
      persons::ArticlePersons persons =
          recognizer.RecognizeArticle(article.title, article.body);
      out << DryRunJson(article, terms, persons).dump() << "\n";
    }
    return true;
  });
}

void CountOutcome(index::AddOutcome outcome, IndexCounts& counts) {
  switch (outcome) {
    case index::AddOutcome::kNew:
      ++counts.new_articles;
      break;
    case index::AddOutcome::kReplaced:
      ++counts.replaced;
      break;
    case index::AddOutcome::kUnchanged:
      ++counts.unchanged;
      break;
  }
}

void DeleteById(const IndexOptions& options, index::IndexWriter& writer,
                IndexCounts& counts, ProgressMeter& meter) {
  for (const auto& id : options.delete_ids) {
    if (writer.Delete(id)) {
      ++counts.deleted;
    } else {
      ++counts.rejected;
      meter.Message("archivar-index: --delete " + id + ": no article with this id");
    }
  }
}

std::size_t ThreadCount(const IndexOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// One thread writes; the others analyse.
std::size_t AnalysisThreads(const IndexOptions& options) {
  return std::max<std::size_t>(1, ThreadCount(options) - 1);
}

// A bulk build's shards: one per two threads (one analyses, one writes);
// the threads left over analyse (ShardedBuild; bench/README.md has the
// measurements).
index::ShardedBuild::Options ShardOptions(const IndexOptions& options) {
  index::ShardedBuild::Options shard_options;
  std::size_t threads = ThreadCount(options);
  shard_options.shards = std::max<std::size_t>(1, threads / 2);
  shard_options.analysis_threads_per_shard =
      std::max<std::size_t>(1, threads / shard_options.shards - 1);
  shard_options.batch_size = options.batch_size;
  return shard_options;
}

index::IndexingPipeline::OnWritten CountWritten(IndexCounts& counts, ProgressMeter& meter) {
  return [&counts, &meter](const index::WrittenArticle& written) {
    CountOutcome(written.outcome, counts);
    meter.ArticleDone(written.text_bytes);
  };
}

// Analyses and writes every input article (see IndexingPipeline).
void IndexInputs(const IndexOptions& options, const persons::AliasTable& aliases,
                 index::IndexWriter& writer, IndexCounts& counts, ProgressMeter& meter) {
  index::IndexingPipeline pipeline(writer, aliases, AnalysisThreads(options),
                                   CountWritten(counts, meter));
  ForEachArticle(options, counts, meter, [&](const RecordOrigin& origin, Article article) {
    return pipeline.Add(std::move(article), origin.path);
  });
  pipeline.Finish();
}

bool ShouldCompact(const IndexOptions& options, bool started_empty) {
  switch (options.compact) {
    case CompactMode::kAlways:
      return true;
    case CompactMode::kNever:
      return false;
    case CompactMode::kAuto:
      return started_empty;
  }
  return false;
}

std::string Seconds(std::chrono::steady_clock::time_point since) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count());
  return text;
}

using WriterPtr = std::unique_ptr<index::IndexWriter>;

// Opens the writer (taking the lock) and clears what an interrupted
// compaction left.
WriterPtr OpenWriter(const IndexOptions& options, const persons::AliasTable& aliases) {
  auto writer = std::make_unique<index::IndexWriter>(options.db_path, options.batch_size,
                                                     aliases);
  index::RemoveCompactionLeftovers(options.db_path);
  return writer;
}

// Replaces the database by the compacted union of `sources` while `writer`
// holds the lock; closes `writer`.  True when it was replaced.
bool ReplaceAndClose(const IndexOptions& options, const std::vector<std::string>& sources,
                     index::IndexWriter& writer, ProgressMeter& meter) {
  index::CompactionResult result = index::ReplaceWithCompacted(options.db_path, sources);
  writer.Close();
  index::RemoveCompactionLeftovers(options.db_path);
  if (result == index::CompactionResult::kCompacted) return true;
  meter.Message("archivar-index: note: not compacted: this file system cannot swap "
                "directories atomically");
  return false;
}

// "1 run database", "2 run databases".
std::string RunDatabases(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " run database" : " run databases");
}

// A bulk build killed before its merge left run databases: merge what
// they committed into the (still empty) database, so this run goes on
// from there.  Runs damaged by a power cut (they are written unsynced) are
// removed with a warning.  Returns the writer to use.
WriterPtr MergeLeftoverShards(const IndexOptions& options, const persons::AliasTable& aliases,
                              WriterPtr writer, ProgressMeter& meter) {
  std::vector<std::string> runs = index::FindShards(options.db_path);
  if (runs.empty()) return writer;
  if (writer->DocumentCount() == 0) {
    meter.Message("archivar-index: merging " + RunDatabases(runs.size()) +
                  " of an interrupted bulk build");
    try {
      if (ReplaceAndClose(options, runs, *writer, meter)) writer = OpenWriter(options, aliases);
    } catch (const Xapian::DatabaseError& e) {
      meter.Message("archivar-index: warning: the run databases of the interrupted bulk "
                    "build are damaged (" + WithReason(e) +
                    "); removed them — index that build's input again");
      index::RemoveCompactionLeftovers(options.db_path);  // `writer` is still open
    }
  }
  index::RemoveShards(options.db_path);
  return writer;
}

// Whether to build in shards: only into an empty database (a bulk build)
// that is compacted at the end, on a file system that can swap
// directories atomically.
bool ShouldBuildInShards(const IndexOptions& options, bool started_empty) {
  return started_empty && options.delete_ids.empty() &&
         !options.prune && options.compact != CompactMode::kNever &&
         index::CanSwapDirectoriesNextTo(options.db_path);
}

// Indexes every input into shard databases and merges them into the
// database (see ShardedBuild); closes `writer`.
void BuildInShards(const IndexOptions& options, const persons::AliasTable& aliases,
                   index::IndexWriter& writer, IndexCounts& counts, ProgressMeter& meter) {
  std::vector<std::string> shards;
  {
    index::ShardedBuild build(options.db_path, ShardOptions(options), aliases,
                              CountWritten(counts, meter));
    ForEachArticle(options, counts, meter, [&](const RecordOrigin& origin, Article article) {
      return build.Add(std::move(article), origin.path);
    });
    build.Finish();
    shards = build.ShardPaths();
  }
  meter.Finish();
  auto started = std::chrono::steady_clock::now();
  bool merged = ReplaceAndClose(options, shards, writer, meter);
  if (merged) index::RemoveShards(options.db_path);
  if (merged && !options.quiet) {
    meter.Message("archivar-index: merged " + RunDatabases(shards.size()) +
                  " and compacted in " + Seconds(started));
  }
}

// Indexes every input through one writer (incremental runs), then deletes,
// prunes and — if asked — compacts.
void IndexIncrementally(const IndexOptions& options, const persons::AliasTable& aliases,
                        index::IndexWriter& writer, bool started_empty, IndexCounts& counts,
                        ProgressMeter& meter) {
  IndexInputs(options, aliases, writer, counts, meter);
  DeleteById(options, writer, counts, meter);
  if (options.prune && !InterruptRequested()) counts.deleted += writer.PruneMissingSources();
  writer.Commit();
  meter.Finish();
  if (InterruptRequested() || writer.DocumentCount() == 0 ||
      !ShouldCompact(options, started_empty)) {
    return;
  }
  auto started = std::chrono::steady_clock::now();
  try {
    if (ReplaceAndClose(options, {options.db_path}, writer, meter) && !options.quiet) {
      meter.Message("archivar-index: database compacted in " + Seconds(started));
    }
  } catch (const Xapian::Error& e) {
    // Everything is committed; only the compaction is missing.
    meter.Message("archivar-index: note: not compacted: " + WithReason(e));
  }
}

void RunIntoDatabase(const IndexOptions& options, const persons::AliasTable& aliases,
                     IndexCounts& counts, ProgressMeter& meter) {
  WriterPtr writer = MergeLeftoverShards(options, aliases, OpenWriter(options, aliases), meter);
  bool started_empty = writer->DocumentCount() == 0;
  if (ShouldBuildInShards(options, started_empty)) {
    BuildInShards(options, aliases, *writer, counts, meter);
  } else {
    IndexIncrementally(options, aliases, *writer, started_empty, counts, meter);
  }
  writer->Close();
}

ProgressMeter::Style ProgressStyle(const IndexOptions& options) {
  if (options.quiet) return ProgressMeter::Style::kNone;
  switch (options.progress) {
    case ProgressMode::kAuto:
      return isatty(STDERR_FILENO) ? ProgressMeter::Style::kLine
                                   : ProgressMeter::Style::kPeriodic;
    case ProgressMode::kLine:
      return ProgressMeter::Style::kLine;
    case ProgressMode::kPeriodic:
      return ProgressMeter::Style::kPeriodic;
    case ProgressMode::kNone:
      return ProgressMeter::Style::kNone;
  }
  return ProgressMeter::Style::kNone;
}

std::chrono::milliseconds ProgressInterval(ProgressMeter::Style style) {
  return style == ProgressMeter::Style::kLine ? std::chrono::milliseconds(200)
                                              : std::chrono::milliseconds(10000);
}

// Another writer holds the lock — or the lock cannot be taken at all: a
// database we may not write to (Xapian reports both as a lock error).
std::string LockErrorMessage(const std::string& db_path, const Xapian::DatabaseLockError& e) {
  if (access(db_path.c_str(), W_OK) != 0) {
    return "archivar-index: cannot write to the database '" + db_path +
           "': " + std::strerror(errno) + " (it can still be searched)";
  }
  const char* reason = e.get_error_string();
  if (reason != nullptr && *reason != '\0') {
    return "archivar-index: cannot lock the database '" + db_path +
           "' for writing: " + reason;
  }
  return "archivar-index: the database '" + db_path +
         "' is locked by another process (another archivar-index is writing to it)";
}

}  // namespace

int RunIndex(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.dry_run && options.db_path.empty()) {
    err << "archivar-index: --db DIR is required (or use --dry-run)\n";
    return kExitFatal;
  }
  if (options.inputs.empty() && options.delete_ids.empty() && !options.prune) {
    err << "archivar-index: nothing to do: give files or directories to index, "
           "--delete ID or --prune\n";
    return kExitFatal;
  }
  persons::AliasTable aliases = persons::AliasTable::OverBuiltin();
  if (!options.aliases_path.empty()) {
    auto loaded = aliases.LoadFile(options.aliases_path);
    if (!loaded) {
      err << "archivar-index: --aliases: " << loaded.error() << "\n";
      return kExitFatal;
    }
  }
  InstallInterruptHandlers();
  auto started = std::chrono::steady_clock::now();
  ProgressMeter::Style style = ProgressStyle(options);
  ProgressMeter meter(err, style, formats::InputSize(options.inputs), ProgressInterval(style));
  IndexCounts counts;
  try {
    if (options.dry_run) {
      RunDryRun(options, aliases, counts, meter, out);
    } else {
      RunIntoDatabase(options, aliases, counts, meter);
    }
  } catch (const Xapian::DatabaseLockError& e) {
    meter.Finish();
    err << LockErrorMessage(options.db_path, e) << "\n";
    return kExitFatal;
  } catch (const Xapian::Error& e) {
    meter.Finish();
    err << "archivar-index: cannot write the database '" << options.db_path
        << "': " << WithReason(e) << "\n";
    return kExitFatal;
  }
  meter.Finish();
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - started).count();
  PrintSummary(options, counts, seconds, err);
  if (InterruptRequested()) {
    err << "archivar-index: interrupted; the " << counts.Indexed()
        << " articles above are committed — run the same command again to finish\n";
    return kExitInterrupted;
  }
  return counts.rejected == 0 ? kExitOk : kExitPartial;
}

}  // namespace archivar::app
