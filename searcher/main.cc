// archivar-search: search an Archivar database.
// Flags are bound here; the work is app::RunSearch in common/.
#include "app/exit_code.h"
#include "app/search_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

namespace {

using archivar::app::ColorMode;
using archivar::app::SearchOptions;

struct RawFlags {
  std::vector<std::string> words;
  std::string sort = "relevance";
  std::string color = "auto";
};

void BindFlags(CLI::App& cli, SearchOptions& options, RawFlags& raw) {
  auto& request = options.request;
  cli.add_option("--db", options.db_path, "Database directory");
  cli.add_option("query", raw.words, "Query words (see README: query language)");
  cli.add_option("-n,--limit", request.limit, "Results to show")->capture_default_str();
  cli.add_option("--offset", request.offset, "Results to skip")->capture_default_str();
  cli.add_option("--sort", raw.sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
      ->capture_default_str();
  cli.add_option("--from", request.filters.from, "Earliest date (YYYY-MM-DD, DD.MM.YYYY, YYYY)");
  cli.add_option("--to", request.filters.to, "Latest date");
  cli.add_option("--source", request.filters.sources, "Only this source (repeatable)");
  cli.add_option("--category", request.filters.categories, "Only this section (repeatable)");
  cli.add_option("--person", request.filters.persons,
                 "Only articles that mention this person (repeatable: all of them)");
  cli.add_option("--facet", request.facets,
                 "Count values among all matches: person, source, category, year (repeatable)");
  cli.add_option("--persons", options.persons_prefix,
                 "List the persons of the archive with article counts (optionally only "
                 "names with a word starting with PREFIX)")
      ->expected(0, 1);
  cli.add_option("--aliases", options.aliases_path,
                 "Person alias file (canonical name, TAB, other forms) added to the built-in table");
  cli.add_option("--facet-limit", request.facet_limit, "Values shown per facet")
      ->capture_default_str();
  cli.add_flag_callback(
      "--exact-facets",
      [&request] { request.exact_facet_matches = archivar::search::kCountEveryMatch; },
      "Count facets over every match, never over a sample (slower for queries that may "
      "match more than 10,000 articles)");
  cli.add_flag("--json", options.json, "Print results as one JSON object");
  cli.add_flag("!--no-snippets", request.snippets,
               "List hits without highlighted titles and snippets (faster)");
  cli.add_option("--color", raw.color, "auto, always or never (auto honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cli.add_flag("--analyze", options.analyze,
               "Print the terms indexing would make of the query text");
  cli.add_flag("--batch", options.batch,
               "Read one JSON request per line from standard input, answer each with one "
               "JSON line (README: many queries in one process)")
      ->excludes("query")
      ->excludes("--analyze")
      ->excludes("--persons");
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const auto& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Search German news articles indexed by archivar-index."};
  SearchOptions options;
  RawFlags raw;
  BindFlags(cli, options, raw);
  try {
    cli.parse(argc, argv);
    options.list_persons = cli.count("--persons") > 0;
    if (!options.analyze && options.db_path.empty()) {
      throw CLI::RequiredError("--db");
    }
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? archivar::app::kExitOk : archivar::app::kExitFatal;
  }
  options.request.query = JoinWords(raw.words);
  archivar::app::ParseSortOrder(raw.sort, &options.request.sort);
  static const std::map<std::string, ColorMode> kColorModes = {
      {"auto", ColorMode::kAuto}, {"always", ColorMode::kAlways}, {"never", ColorMode::kNever}};
  options.color = kColorModes.at(raw.color);
  return archivar::app::RunSearch(options, std::cin, std::cout, std::cerr);
}
