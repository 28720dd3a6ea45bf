#include "app/index_command.h"

#include "analysis/analyzer.h"
#include "app/exit_code.h"
#include "app/interrupt.h"
#include "formats/article_reader.h"
#include "index/index_writer.h"
#include "persons/person_recognizer.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>

namespace archivar::app {
namespace {

struct IndexCounts {
  std::size_t new_articles = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
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

// Reads all inputs, handing each article to `consume` and reporting the
// rejected ones.
void ForEachArticle(const IndexOptions& options, IndexCounts& counts,
                    std::ostream& err,
                    const std::function<void(const RecordOrigin&, const Article&)>& consume) {
  formats::ArticleCallbacks callbacks;
  callbacks.on_article = [&](const RecordOrigin& origin, Article article) {
    consume(origin, article);
  };
  callbacks.should_stop = InterruptRequested;
  callbacks.on_rejected = [&](const RecordOrigin& origin, const std::string& reason) {
    ++counts.rejected;
    err << Where(origin) << ": " << reason << "\n";
  };
  formats::ReadArticles(options.inputs, callbacks);
}

void RunDryRun(const IndexOptions& options, const persons::AliasTable& aliases,
               IndexCounts& counts, std::ostream& out, std::ostream& err) {
  analysis::Analyzer analyzer;
  persons::PersonRecognizer recognizer(aliases);
  ForEachArticle(options, counts, err, [&](const RecordOrigin&, const Article& article) {
    std::size_t terms = analyzer.Analyze(article.title).size() +
                        analyzer.Analyze(article.body).size();
    ++counts.analysed;
    if (!options.json) return;
    persons::ArticlePersons persons = recognizer.RecognizeArticle(article.title, article.body);
    out << DryRunJson(article, terms, persons).dump() << "\n";
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
                IndexCounts& counts, std::ostream& err) {
  for (const auto& id : options.delete_ids) {
    if (writer.Delete(id)) {
      ++counts.deleted;
    } else {
      ++counts.rejected;
      err << "archivar-index: --delete " << id << ": no article with this id\n";
    }
  }
}

void RunIntoDatabase(const IndexOptions& options, const persons::AliasTable& aliases,
                     IndexCounts& counts, std::ostream& err) {
  index::IndexWriter writer(options.db_path, options.batch_size, aliases);
  ForEachArticle(options, counts, err, [&](const RecordOrigin& origin, const Article& article) {
    CountOutcome(writer.Add(article, origin.path), counts);
  });
  DeleteById(options, writer, counts, err);
  if (options.prune && !InterruptRequested()) counts.deleted += writer.PruneMissingSources();
  writer.Close();
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
  persons::AliasTable aliases = persons::AliasTable::Builtin();
  if (!options.aliases_path.empty()) {
    auto loaded = aliases.LoadFile(options.aliases_path);
    if (!loaded) {
      err << "archivar-index: --aliases: " << loaded.error() << "\n";
      return kExitFatal;
    }
  }
  InstallInterruptHandlers();
  auto started = std::chrono::steady_clock::now();
  IndexCounts counts;
  try {
    if (options.dry_run) {
      RunDryRun(options, aliases, counts, out, err);
    } else {
      RunIntoDatabase(options, aliases, counts, err);
    }
  } catch (const Xapian::DatabaseLockError& e) {
    err << "archivar-index: the database '" << options.db_path
        << "' is locked by another process (another archivar-index is writing to it)\n";
    return kExitFatal;
  } catch (const Xapian::Error& e) {
    err << "archivar-index: cannot write the database '" << options.db_path
        << "': " << e.get_msg() << "\n";
    return kExitFatal;
  }
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
