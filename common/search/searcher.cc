#include "search/searcher.h"

#include "index/document_builder.h"
#include "index/stored_article.h"
#include "schema.h"
#include "search/person_query.h"
#include "search/remote_shards.h"
#include "util/poll_until.h"
#include "util/strings.h"

#include <sstream>

namespace archivar::search {
namespace {

constexpr std::size_t kSnippetWords = 30;  // words of body text shown per hit

// A reader is invalidated when the writer commits twice during one search;
// under a fast bulk load that can happen several times in a row.
constexpr int kAttemptsOnConcurrentCommit = 50;

// Where the word starts in a term: after its field prefix (capital
// letters, schema.h), 0 for the unprefixed words of title and body text,
// npos for a term that is all prefix.
std::size_t WordStart(const std::string& term) {
  return term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

// A person term of a person: query (XP<key>, XN<surname>).
bool IsPersonTerm(const std::string& term) {
  return StartsWith(term, schema::kPersonPrefix) || StartsWith(term, schema::kSurnamePrefix);
}

// Name words this short ("Un" of "Kim Jong Un") are not marked unless the
// full name has no longer ones: they are common words too ("UN-Resolution").
constexpr std::size_t kShortestMarkedNameWord = 3;

// The text terms a query term highlights: an unprefixed word itself; a
// prefixed word without its prefix, so that "title:Haus" highlights "Haus"
// too; a person the terms of the words of its name, surname first, so
// that person:"Angela Merkel" highlights "Angela", "Merkel" and "Merkels".
// None for a term that is all prefix.
std::vector<std::string> HighlightedTerms(const std::string& term,
                                          analysis::Analyzer& analyzer) {
  std::size_t word = WordStart(term);
  if (word == std::string::npos) return {};
  std::string text = term.substr(word);
  if (!IsPersonTerm(term)) return {text};
  std::string surname = index::SurnameKey(text);
  std::vector<std::string> names = {surname};
  std::istringstream other_names(text.substr(0, text.size() - surname.size()));
  for (std::string name; other_names >> name;) names.push_back(name);
  std::vector<std::string> terms;
  for (const auto& name : names) {
    if (name.size() >= kShortestMarkedNameWord) terms.push_back(analyzer.WordTerm(name));
  }
  bool full_name = names.size() > 1;
  if (terms.empty() && full_name) {  // a name of short words only ("Xi Li")
    for (const auto& name : names) terms.push_back(analyzer.WordTerm(name));
  }
  return terms;
}

TermSet QueryTerms(const Xapian::Query& query, analysis::Analyzer& analyzer) {
  TermSet terms;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    for (auto& highlighted : HighlightedTerms(*it, analyzer)) {
      if (!highlighted.empty()) terms.insert(std::move(highlighted));
    }
  }
  return terms;
}

// How many distinct query words the body of the matched article is
// expected to hold — the most a snippet can show: its matching text words
// (unprefixed terms) and the surnames of its matching persons.
std::size_t TermsExpectedInBody(const Xapian::Enquire& enquire,
                                const Xapian::MSetIterator& match,
                                analysis::Analyzer& analyzer) {
  TermSet expected;
  for (auto term = enquire.get_matching_terms_begin(match);
       term != enquire.get_matching_terms_end(match); ++term) {
    if (WordStart(*term) != 0 && !IsPersonTerm(*term)) continue;
    std::vector<std::string> highlighted = HighlightedTerms(*term, analyzer);
    if (!highlighted.empty()) expected.insert(highlighted.front());  // a person's surname
  }
  return expected.size();
}

// Closes a shared facet count when the facet task ends, however it ends:
// a count too small to share was never opened, and Searcher::Run waits in
// HelpOnceOpen until the count is open or closed.
struct CloseWhenDone {
  SharedFacetCount& sharing;
  ~CloseWhenDone() { sharing.Close(); }
};

// Waits, when leaving its scope (also by an exception), for a task started
// on the searcher's facet thread: the task uses the searcher's
// FacetCounter, which a retry reopens.
class WaitForTask {
 public:
  explicit WaitForTask(const std::future<FacetCounts>& task) : task_(task) {}
  ~WaitForTask() {
    if (task_.valid()) task_.wait();
  }
  WaitForTask(const WaitForTask&) = delete;
  WaitForTask& operator=(const WaitForTask&) = delete;

 private:
  const std::future<FacetCounts>& task_;
};

std::string FacetNames() {
  std::string names;
  for (const auto& field : schema::kFacetFields) {
    names += std::string(names.empty() ? "" : ", ") + field.name;
  }
  return names;
}

}  // namespace

Searcher::Searcher(const std::string& db_path, const persons::AliasTable& aliases)
    : db_(db_path),
      aliases_(aliases),
      analyzer_(std::make_shared<analysis::Analyzer>()),
      facet_counter_(db_path),
      page_splitter_(db_path) {}

std::vector<FacetCount> Searcher::ListPersons(const std::string& prefix) {
  std::string wanted = persons::PersonKey(prefix);
  for (int attempt = 1;; ++attempt) {
    try {
      FacetsWanted every_person{{"person"}, 0, db_.get_doccount()};
      FacetCounts persons = facet_counter_.Count(Xapian::Query::MatchAll, every_person);
      std::vector<FacetCount> listed;
      for (auto& person : persons.facets.front().values) {
        std::string key = " " + persons::PersonKey(person.value);
        if (wanted.empty() || key.find(" " + wanted) != std::string::npos) {
          listed.push_back(std::move(person));
        }
      }
      return listed;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttemptsOnConcurrentCommit) throw;
      Reopen();
    }
  }
}

Result<SearchResponse> Searcher::Search(const SearchRequest& request) {
  for (const auto& name : request.facets) {
    Xapian::valueno slot;
    if (!FacetSlot(name, &slot)) {
      return Result<SearchResponse>::Fail("unknown facet '" + name + "'; use " +
                                          FacetNames());
    }
  }
  for (int attempt = 1;; ++attempt) {
    try {
      QueryBuilder builder(db_, analyzer_, aliases_);
      auto parsed = builder.Build(request.query, request.filters);
      if (!parsed) return Result<SearchResponse>::Fail(parsed.error());
      return Result<SearchResponse>::Ok(Run(request, parsed.value()));
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttemptsOnConcurrentCommit) throw;
      Reopen();
    } catch (const Xapian::WildcardError&) {
      return Result<SearchResponse>::Fail(
          "a wildcard in the query matches more than " +
          std::to_string(QueryBuilder::kMaxWildcardExpansion) +
          " different words; give more letters before the *");
    }
  }
}

bool Searcher::OnRemoteShards() {
  if (!remote_) remote_ = HasRemoteShard(db_);
  return *remote_;
}

void Searcher::Reopen() {
  db_.reopen();
  facet_counter_.Reopen();
  page_splitter_.Reopen();
}

std::future<FacetCounts> Searcher::StartCountingFacets(const SearchRequest& request,
                                                       const Xapian::Query& query,
                                                       SharedFacetCount& sharing) {
  if (request.facets.empty()) return {};
  // Xapian's queries share their parts with reference counts that are not
  // thread-safe: the facet thread gets a copy of its own.
  return facet_thread_.Run([this, &sharing, query = query.serialise(),
                            wanted = FacetsWanted{request.facets, request.facet_limit,
                                                  request.exact_facet_matches}] {
    CloseWhenDone closing{sharing};
    return facet_counter_.Count(Xapian::Query::unserialise(query), wanted, &sharing);
  });
}

SearchResponse Searcher::Run(const SearchRequest& request, const ParsedQuery& parsed) {
  SharedFacetCount sharing;  // outlives the wait for the count below
  std::future<FacetCounts> counting = StartCountingFacets(request, parsed.query, sharing);
  WaitForTask counted_before_leaving(counting);
  Xapian::Enquire enquire(db_);
  Xapian::MultiValueKeyMaker keys;
  if (request.sort != SortOrder::kRelevance) SortByDate(enquire, keys, DateOrderOf(request));
  PageOfMatches found = FindPage(enquire, request, parsed, sharing);
  SearchResponse response;
  response.query = request.query;
  response.total = found.matches_estimated;
  response.offset = request.offset;
  response.note = parsed.note;
  TermSet query_terms = QueryTerms(parsed.query, *analyzer_);
  AddHits(found.page, 0, enquire, query_terms, request.snippets, response.hits);
  AddHits(found.undated, found.dated_matches, enquire, query_terms, request.snippets,
          response.hits);
  if (counting.valid()) {
    // The page is done: count the blocks the facet thread has not reached,
    // once it has begun (a short page, or none, is done before it starts).
    sharing.HelpOnceOpen(db_);
    FacetCounts counts = GetPolling(counting);
    if (counts.sample_step == 1) response.total = counts.matches;  // every match was counted
    response.facet_sample_step = counts.sample_step;
    response.facets = std::move(counts.facets);
  }
  return response;
}

PageOfMatches Searcher::FindPage(Xapian::Enquire& enquire, const SearchRequest& request,
                                 const ParsedQuery& parsed, SharedFacetCount& sharing) {
  auto offset = static_cast<Xapian::doccount>(request.offset);
  auto limit = static_cast<Xapian::doccount>(request.limit);
  if (request.sort == SortOrder::kRelevance) {
    if (!OnRemoteShards()) {
      // With facets, the other thread joins once it has counted them; this
      // one helps with the count once its own blocks are ranked.
      auto split = page_splitter_.Find(db_, enquire, parsed.query, offset, limit, facet_thread_,
                                       !request.facets.empty(), [&] { sharing.Help(db_); });
      if (split) return std::move(*split);
    }
    return FindWholePage(enquire, parsed.query, offset, limit);
  }
  return FindDateSortedPage(enquire, parsed, DateOrderOf(request), offset, limit);
}

DateOrder Searcher::DateOrderOf(const SearchRequest& request) {
  // Xapian's stock server runs no KeyMaker of ours: sort by the value.
  return {request.sort == SortOrder::kNewest, /*by_value=*/OnRemoteShards()};
}

void Searcher::AddHits(const Xapian::MSet& matches, Xapian::doccount ranks_before,
                       const Xapian::Enquire& enquire, const TermSet& query_terms, bool snippets,
                       std::vector<SearchHit>& hits) {
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    SearchHit hit = MakeHit(it, snippets ? index::StoredBody::kRead : index::StoredBody::kSkip);
    hit.rank += ranks_before;
    if (snippets) AddSnippet(hit, query_terms, TermsExpectedInBody(enquire, it, *analyzer_));
    hits.push_back(std::move(hit));
  }
}

SearchHit Searcher::MakeHit(const Xapian::MSetIterator& match, index::StoredBody body) {
  SearchHit hit;
  hit.rank = match.get_rank() + 1;
  hit.score = match.get_weight();
  Xapian::Document doc = match.get_document();
  hit.article = index::ReadStoredArticle(doc, body);
  hit.persons = StoredPersons(doc);
  hit.title.text = hit.article.title;
  return hit;
}

void Searcher::AddSnippet(SearchHit& hit, const TermSet& query_terms,
                          std::size_t terms_expected_in_body) {
  hit.title = HighlightAll(hit.article.title, query_terms, *analyzer_);
  hit.snippet = MakeSnippet(hit.article.body, query_terms, *analyzer_, kSnippetWords,
                            terms_expected_in_body);
}

}  // namespace archivar::search
