#include "app/search_command.h"

#include "analysis/analyzer.h"
#include "app/batch_search.h"
#include "app/exit_code.h"
#include "app/xapian_error.h"
#include "render/renderers.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace archivar::app {
namespace {

bool UseColor(ColorMode mode) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(STDOUT_FILENO);
}

int RunAnalyze(const SearchOptions& options, std::ostream& out) {
  analysis::Analyzer analyzer;
  const std::string& text = options.request.query;
  auto terms = analyzer.Analyze(text);
  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : terms) {
      list.push_back({{"term", t.term},
                      {"position", t.position},
                      {"start", t.start},
                      {"end", t.end},
                      {"text", text.substr(t.start, t.end - t.start)},
                      {"normalized", analysis::Analyzer::CanonicalSpelling(
                                         text.substr(t.start, t.end - t.start))},
                      {"rule", analysis::TermRuleName(t.rule)}});
    }
    out << nlohmann::json{{"text", text}, {"terms", list}}.dump(
               -1, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  } else {
    for (const auto& t : terms) {
      std::string word = text.substr(t.start, t.end - t.start);
      out << t.position << "\t" << t.term << "\t" << analysis::TermRuleName(t.rule)
          << "\t" << word << "\t" << analysis::Analyzer::CanonicalSpelling(word) << "\n";
    }
  }
  return terms.empty() ? kExitPartial : kExitOk;
}

void RenderPersonList(const std::vector<search::FacetCount>& persons, bool json,
                      std::ostream& out) {
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& person : persons) list.push_back({{"name", person.value}, {"count", person.count}});
    out << nlohmann::json{{"persons", list}}.dump(-1, ' ', false,
                                                   nlohmann::json::error_handler_t::replace)
        << "\n";
    return;
  }
  for (const auto& person : persons) out << person.count << "\t" << person.value << "\n";
}

std::string MissingDatabaseMessage(const std::string& path) {
  return "archivar-search: no Archivar database at '" + path +
         "'; create one with: archivar-index --db " + path + " PATH...";
}

}  // namespace

bool ParseSortOrder(const std::string& text, search::SortOrder* sort) {
  if (text == "relevance") *sort = search::SortOrder::kRelevance;
  else if (text == "newest") *sort = search::SortOrder::kNewest;
  else if (text == "oldest") *sort = search::SortOrder::kOldest;
  else return false;
  return true;
}

int RunSearch(const SearchOptions& options, std::istream& in, std::ostream& out,
              std::ostream& err) {
  if (options.analyze) return RunAnalyze(options, out);
  std::error_code error;
  if (!std::filesystem::exists(options.db_path, error)) {
    err << MissingDatabaseMessage(options.db_path) << "\n";
    return kExitFatal;
  }
  persons::AliasTable aliases = persons::AliasTable::OverBuiltin();
  if (!options.aliases_path.empty()) {
    auto loaded = aliases.LoadFile(options.aliases_path);
    if (!loaded) {
      err << "archivar-search: --aliases: " << loaded.error() << "\n";
      return kExitFatal;
    }
  }
  try {
    if (options.batch) return RunBatchSearch(options, aliases, in, out, err);
    search::Searcher searcher(options.db_path, aliases);
    if (options.list_persons) {
      auto persons = searcher.ListPersons(options.persons_prefix);
      RenderPersonList(persons, options.json, out);
      return persons.empty() ? kExitPartial : kExitOk;
    }
    auto response = searcher.Search(options.request);
    if (!response) {
      err << "archivar-search: " << response.error() << "\n";
      return kExitFatal;
    }
    if (!response.value().note.empty() && !options.json) {
      err << "archivar-search: note: " << response.value().note << "\n";
    }
    if (options.json) {
      render::RenderJson(response.value(), out);
    } else {
      render::RenderText(response.value(), render::TextStyle{UseColor(options.color)}, out);
    }
    return response.value().hits.empty() ? kExitPartial : kExitOk;
  } catch (const Xapian::DatabaseOpeningError& e) {
    err << MissingDatabaseMessage(options.db_path) << " (" << e.get_msg() << ")\n";
    return kExitFatal;
  } catch (const Xapian::Error& e) {
    err << "archivar-search: " << DescribeXapianError(e) << "\n";
    return kExitFatal;
  }
}

}  // namespace archivar::app
