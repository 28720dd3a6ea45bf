#include "app/batch_search.h"

#include "app/exit_code.h"
#include "app/xapian_error.h"
#include "render/renderers.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

namespace archivar::app {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// How often a long batch looks for a newer revision of the database.
constexpr std::chrono::seconds kReopenCheckInterval{1};

// Reads a string field.
Result<std::string> StringValue(const std::string& name, const json& value) {
  if (!value.is_string()) return Result<std::string>::Fail("\"" + name + "\" must be a string");
  return Result<std::string>::Ok(value.get<std::string>());
}

// Reads a field that is one string or a list of strings.
Result<std::vector<std::string>> StringList(const std::string& name, const json& value) {
  using R = Result<std::vector<std::string>>;
  if (value.is_string()) return R::Ok({value.get<std::string>()});
  if (!value.is_array()) return R::Fail("\"" + name + "\" must be a string or a list of strings");
  std::vector<std::string> list;
  for (const auto& item : value) {
    if (!item.is_string()) return R::Fail("\"" + name + "\" must hold only strings");
    list.push_back(item.get<std::string>());
  }
  return R::Ok(std::move(list));
}

// Reads a non-negative whole number.
Result<std::size_t> CountValue(const std::string& name, const json& value) {
  if (!value.is_number_unsigned()) {
    return Result<std::size_t>::Fail("\"" + name + "\" must be a whole number >= 0");
  }
  return Result<std::size_t>::Ok(value.get<std::size_t>());
}

// Sets one field of `request`; "" when it was set, else the reason.
std::string SetField(const std::string& name, const json& value, search::SearchRequest& request) {
  auto strings = [&](std::vector<std::string>& target) -> std::string {
    auto list = StringList(name, value);
    if (!list) return list.error();
    target = std::move(list).value();
    return "";
  };
  auto string = [&](std::string& target) -> std::string {
    auto text = StringValue(name, value);
    if (!text) return text.error();
    target = std::move(text).value();
    return "";
  };
  auto count = [&](std::size_t& target) -> std::string {
    auto number = CountValue(name, value);
    if (!number) return number.error();
    target = number.value();
    return "";
  };
  auto& filters = request.filters;
  if (name == "qid") return "";  // echoed, not a search field
  if (name == "query") return string(request.query);
  if (name == "person" || name == "persons") return strings(filters.persons);
  if (name == "source" || name == "sources") return strings(filters.sources);
  if (name == "category" || name == "categories") return strings(filters.categories);
  if (name == "facet" || name == "facets") return strings(request.facets);
  if (name == "from") return string(filters.from);
  if (name == "to") return string(filters.to);
  if (name == "limit") return count(request.limit);
  if (name == "offset") return count(request.offset);
  if (name == "facet_limit") return count(request.facet_limit);
  auto flag = [&](bool& target) -> std::string {
    if (!value.is_boolean()) return "\"" + name + "\" must be true or false";
    target = value.get<bool>();
    return "";
  };
  if (name == "snippets") return flag(request.snippets);
  if (name == "exact_facets") {
    bool exact = false;
    if (std::string error = flag(exact); !error.empty()) return error;
    request.exact_facet_matches =
        exact ? search::kCountEveryMatch : search::SearchRequest().exact_facet_matches;
    return "";
  }
  if (name == "sort") {
    std::string sort;
    if (std::string error = string(sort); !error.empty()) return error;
    if (!ParseSortOrder(sort, &request.sort)) {
      return "\"sort\" must be relevance, newest or oldest";
    }
    return "";
  }
  return "unknown field \"" + name + "\"";
}

// The JSON line for one answered request: what --json prints, plus the
// request's qid and the search time.
std::string AnswerLine(const json& qid, const search::SearchResponse& response, double took_ms) {
  std::ostringstream rendered;
  render::RenderJson(response, rendered);
  json answer = json::parse(rendered.str());
  if (!qid.is_null()) answer["qid"] = qid;
  answer["took_ms"] = took_ms;
  return answer.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ErrorLine(const json& qid, const std::string& message) {
  json answer = {{"error", message}};
  if (!qid.is_null()) answer["qid"] = qid;
  return answer.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The searcher of a long batch, reopened when the database has a newer
// revision (checked between requests, at most once per interval), and
// opened afresh from its path when its handle lost the database.
class FreshSearcher {
 public:
  FreshSearcher(const std::string& db_path, const persons::AliasTable& aliases)
      : db_path_(db_path), aliases_(aliases) {
    OpenAfresh();
  }

  // Runs `search(searcher)`.  Two losses Xapian's reopen() does not mend:
  // the connection to a remote shard broke (its server restarted:
  // NetworkError), or the database moved (a replica after a full copy, a
  // stub file pointed elsewhere: DatabaseOpeningError).  Then the
  // database is opened afresh from its path and `search` runs once more;
  // a second failure is thrown.
  template <typename Search>
  auto Run(const Search& search) {
    try {
      return search(Get());
    } catch (const Xapian::NetworkError&) {
    } catch (const Xapian::DatabaseOpeningError&) {
    }
    OpenAfresh();
    return search(*searcher_);
  }

 private:
  // Opens the database from its path: the handle that watches for new
  // revisions and the searcher.
  void OpenAfresh() {
    watch_ = Xapian::Database(db_path_);
    checked_ = Clock::now();
    Open();
  }

  search::Searcher& Get() {
    if (Clock::now() - checked_ >= kReopenCheckInterval) {
      checked_ = Clock::now();
      if (watch_.reopen()) Open();
    }
    return *searcher_;
  }

  // A batch answers many queries: facet values are worth keeping in memory.
  void Open() {
    searcher_ = std::make_unique<search::Searcher>(db_path_, aliases_);
    searcher_->KeepFacetValuesInMemory();
  }

  std::string db_path_;
  const persons::AliasTable& aliases_;
  Xapian::Database watch_;
  Clock::time_point checked_;
  std::unique_ptr<search::Searcher> searcher_;
};

}  // namespace

Result<search::SearchRequest> ParseBatchRequest(const std::string& line,
                                                const search::SearchRequest& defaults) {
  using R = Result<search::SearchRequest>;
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return R::Fail("not a JSON object");
  search::SearchRequest request = defaults;
  for (const auto& [name, value] : object.items()) {
    std::string error = SetField(name, value, request);
    if (!error.empty()) return R::Fail(error);
  }
  return R::Ok(std::move(request));
}

int RunBatchSearch(const SearchOptions& options, const persons::AliasTable& aliases,
                   std::istream& in, std::ostream& out, std::ostream& err) {
  FreshSearcher searcher(options.db_path, aliases);
  bool all_answered = true;
  std::string line;
  for (long line_number = 1; std::getline(in, line); ++line_number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
    json qid = object.is_object() ? object.value("qid", json()) : json();
    std::string error;
    std::string answer;
    auto request = ParseBatchRequest(line, options.request);
    if (!request) {
      error = request.error();
    } else {
      try {
        Clock::time_point start;
        auto response = searcher.Run([&](search::Searcher& current) {
          start = Clock::now();
          return current.Search(request.value());
        });
        std::chrono::duration<double, std::milli> took = Clock::now() - start;
        if (response) answer = AnswerLine(qid, response.value(), took.count());
        else error = response.error();
      } catch (const Xapian::Error& e) {
        error = DescribeXapianError(e);
      }
    }
    if (!error.empty()) {
      all_answered = false;
      err << "archivar-search: line " << line_number << ": " << error << "\n";
      answer = ErrorLine(qid, error);
    }
    out << answer << "\n" << std::flush;
  }
  return all_answered ? kExitOk : kExitPartial;
}

}  // namespace archivar::app
