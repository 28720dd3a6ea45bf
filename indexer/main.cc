// archivar-index: index German news articles into a Xapian database.
// Flags are bound here; the work is app::RunIndex in common/.
#include "app/exit_code.h"
#include "app/index_command.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <iostream>

namespace {

void BindFlags(CLI::App& cli, archivar::app::IndexOptions& options) {
  cli.add_option("--db", options.db_path, "Database directory (created if missing)");
  cli.add_option("inputs", options.inputs,
                 "Files or directories (.txt, .jsonl, .jsonl.gz); - reads JSON Lines "
                 "from standard input");
  cli.add_flag("--dry-run", options.dry_run, "Parse and analyse only; no database");
  cli.add_flag("--json", options.json, "With --dry-run: print each article as JSON");
  cli.add_option("--batch", options.batch_size, "Articles per commit")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cli.add_option("--threads", options.threads,
                 "Threads (0: one per core): one writes, the others analyse; from 4 on, a bulk build "
                 "writes threads/2 shards in parallel")
      ->capture_default_str();
  cli.add_flag_function(
      "--compact,!--no-compact",
      [&options](std::int64_t count) {
        options.compact = count > 0 ? archivar::app::CompactMode::kAlways
                                    : archivar::app::CompactMode::kNever;
      },
      "Compact the database at the end (default: only when it started empty)");
  cli.add_flag("-q,--quiet", options.quiet, "No progress, no summary line");
  cli.add_option("--aliases", options.aliases_path,
                 "Person alias file (canonical name, TAB, other forms) added to the built-in table");
  cli.add_flag("--prune", options.prune,
               "Delete articles whose source files no longer exist");
  cli.add_option("--delete", options.delete_ids, "Delete the articles with these ids")
      ->expected(1, -1);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Index German news articles for archivar-search."};
  archivar::app::IndexOptions options;
  BindFlags(cli, options);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? archivar::app::kExitOk : archivar::app::kExitFatal;
  }
  return archivar::app::RunIndex(options, std::cout, std::cerr);
}
