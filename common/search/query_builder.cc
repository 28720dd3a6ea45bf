#include "search/query_builder.h"

#include "dictionary/dictionary.h"
#include "schema.h"
#include "search/date_range.h"
#include "search/query_text.h"

#include <algorithm>
#include <memory>
#include <sstream>
#include <unordered_set>

namespace archivar::search {
namespace {

// Lets the QueryParser stem words with Archivar's analysis.
class AnalyzerStem : public Xapian::StemImplementation {
 public:
  explicit AnalyzerStem(std::shared_ptr<analysis::Analyzer> analyzer)
      : analyzer_(std::move(analyzer)) {}
  std::string operator()(const std::string& word) override {
    return analyzer_->WordTerm(word);
  }
  std::string get_description() const override { return "archivar-german"; }

 private:
  std::shared_ptr<analysis::Analyzer> analyzer_;
};

class GermanStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& word) const override {
    return analysis::Analyzer::IsStopword(word);
  }
};

// All the words of a field value, each under `prefix`, ANDed: "source:Tagesblatt
// Berlin" matches articles whose source has both words.
Xapian::Query PrefixedWordsQuery(analysis::Analyzer& analyzer,
                                 std::string_view prefix, const std::string& value) {
  std::vector<Xapian::Query> terms;
  for (const auto& term : analyzer.Analyze(value)) {
    terms.emplace_back(std::string(prefix) + term.term);
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

// The QueryParser hook for source: and category: filters.
class PrefixedWordsField : public Xapian::FieldProcessor {
 public:
  PrefixedWordsField(std::shared_ptr<analysis::Analyzer> analyzer,
                     std::string_view prefix)
      : analyzer_(std::move(analyzer)), prefix_(prefix) {}
  Xapian::Query operator()(const std::string& value) override {
    return PrefixedWordsQuery(*analyzer_, prefix_, value);
  }

 private:
  std::shared_ptr<analysis::Analyzer> analyzer_;
  std::string prefix_;
};

// True when `rest` (what follows a word in an indexed term) is the term of
// a noun of kMinUnknownModifierHead letters or more, after an optional
// linking element: "anlag" in "sprinkleranlag".
bool IsNounAfterModifier(std::string_view rest) {
  const auto& dictionary = dictionary::Dictionary::German();
  for (std::string_view link : {"", "s", "es", "n", "en"}) {
    if (rest.substr(0, link.size()) != link) continue;
    std::string_view head = rest.substr(link.size());
    if (head.size() >= QueryBuilder::kMinUnknownModifierHead && dictionary.IsNounStem(head)) {
      return true;
    }
  }
  return false;
}

// The QueryParser hook for compound words marked by MarkCompoundWords: the
// whole word, or its two parts anywhere in the article with less weight,
// so articles with the compound itself rank first.  A word the dictionary
// does not know (so the indexer could not split compounds that start with
// it) is searched as one term with the archive's terms that are the word
// followed by a noun ("Sprinkler" -> sprinkl, sprinkleranlag).
class CompoundField : public Xapian::FieldProcessor {
 public:
  CompoundField(std::shared_ptr<analysis::Analyzer> analyzer, Xapian::Database db)
      : analyzer_(std::move(analyzer)), db_(std::move(db)) {}
  Xapian::Query operator()(const std::string& word) override {
    Xapian::Query whole(analyzer_->WordTerm(word));
    auto split = analyzer_->CompoundSplitOf(word);
    if (!split) return WithCompoundsStartingWith(word, whole);
    Xapian::Query parts(Xapian::Query::OP_AND, Xapian::Query(analyzer_->WordTerm(split->modifier)),
                        Xapian::Query(analyzer_->WordTerm(split->head)));
    return Xapian::Query(Xapian::Query::OP_OR, whole,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, parts, kPartsWeight));
  }

  // How much the parts count next to the whole word.
  static constexpr double kPartsWeight = 0.2;

 private:
  Xapian::Query WithCompoundsStartingWith(const std::string& word, const Xapian::Query& whole) {
    std::string prefix = analysis::Analyzer::CanonicalSpelling(word);
    if (dictionary::Dictionary::German().IsWord(prefix)) return whole;
    std::vector<Xapian::Query> terms = {whole};
    for (auto term = db_.allterms_begin(prefix); term != db_.allterms_end(prefix); ++term) {
      if (IsNounAfterModifier(std::string_view(*term).substr(prefix.size()))) {
        terms.emplace_back(*term);
        if (terms.size() > QueryBuilder::kMaxUnknownModifierCompounds) break;
      }
    }
    if (terms.size() == 1) return whole;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  std::shared_ptr<analysis::Analyzer> analyzer_;
  Xapian::Database db_;
};

// The QueryParser hook for person:NAME filters.
class PersonField : public Xapian::FieldProcessor {
 public:
  explicit PersonField(std::shared_ptr<PersonQuery> persons) : persons_(std::move(persons)) {}
  Xapian::Query operator()(const std::string& name) override { return persons_->For(name); }

 private:
  std::shared_ptr<PersonQuery> persons_;
};

// Keeps a field processor's QueryParserError from reaching Xapian's
// QueryParser, which leaks what it has parsed so far when a FieldProcessor
// throws (found by the query fuzz target under LeakSanitizer: "date:xyz"
// lost 72 bytes per query).  The message is kept for Build() to report and
// the parser gets a query that matches nothing.
class NonThrowingField : public Xapian::FieldProcessor {
 public:
  NonThrowingField(std::unique_ptr<Xapian::FieldProcessor> inner,
                   std::shared_ptr<std::string> error)
      : inner_(std::move(inner)), error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return (*inner_)(value);
    } catch (const Xapian::QueryParserError& e) {
      if (error_->empty()) *error_ = e.get_msg();
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  std::unique_ptr<Xapian::FieldProcessor> inner_;
  std::shared_ptr<std::string> error_;
};

template <typename Names, typename Add>
void ForEachFieldName(const Names& names, Add add) {
  for (const char* name : names) add(std::string(name));
}

Xapian::Query AnyOf(analysis::Analyzer& analyzer, std::string_view prefix,
                    const std::vector<std::string>& values) {
  std::vector<Xapian::Query> alternatives;
  for (const auto& value : values) {
    alternatives.push_back(PrefixedWordsQuery(analyzer, prefix, value));
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

// The query without the boolean operator words and range dots, for a
// second reading after the first failed ("foo AND" -> "foo", "2019..2021"
// -> "2019 2021": Xapian reads "A..B" as a range everywhere).
std::string WithoutOperatorWords(std::string text) {
  static const std::unordered_set<std::string> kOperators = {"AND", "OR", "NOT",
                                                             "XOR", "NEAR", "ADJ"};
  for (std::size_t dots; (dots = text.find("..")) != std::string::npos;) {
    text.replace(dots, 2, " ");
  }
  std::istringstream words(text);
  std::string word, kept;
  while (words >> word) {
    if (kOperators.count(word)) continue;
    kept += (kept.empty() ? "" : " ") + word;
  }
  return kept;
}

// True when the query has words and all of them are stop words ("der die
// das").  Xapian's QueryParser keeps stop words when nothing else would be
// left, and such a query matches nearly every article.
bool OnlyStopwords(const std::string& text) {
  auto tokens = analysis::Tokenize(text);
  return !tokens.empty() &&
         std::all_of(tokens.begin(), tokens.end(), [](const analysis::Token& token) {
           return analysis::Analyzer::IsStopword(token.text);
         });
}

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db,
                           std::shared_ptr<analysis::Analyzer> analyzer,
                           const persons::AliasTable& aliases)
    : db_(db),
      persons_(std::make_shared<PersonQuery>(db_, aliases)),
      dates_(std::make_shared<DateRanges>(db_)),
      analyzer_(std::move(analyzer)) {
  parser_.set_database(db);
  parser_.set_stemmer(Xapian::Stem(new AnalyzerStem(analyzer_)));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser_.set_stopper((new GermanStopper)->release());
  parser_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR,
                            Xapian::QueryParser::FLAG_WILDCARD);
  ForEachFieldName(schema::kTitleFields, [&](const std::string& name) {
    parser_.add_prefix(name, std::string(schema::kTitlePrefix));
  });
  parser_.add_prefix(std::string(kCompoundField),
                     (new CompoundField(analyzer_, db_))->release());
  ForEachFieldName(schema::kAuthorFields, [&](const std::string& name) {
    parser_.add_prefix(name, std::string(schema::kAuthorPrefix));
  });
  // source:a source:b means either source; the German and English field
  // names share one group.
  static const std::string kSourceGroup = "source";
  static const std::string kCategoryGroup = "category";
  static const std::string kDateGroup = "date";
  ForEachFieldName(schema::kSourceFields, [&](const std::string& name) {
    parser_.add_boolean_prefix(
        name, (new PrefixedWordsField(analyzer_, schema::kSourcePrefix))->release(),
        &kSourceGroup);
  });
  ForEachFieldName(schema::kCategoryFields, [&](const std::string& name) {
    parser_.add_boolean_prefix(
        name, (new PrefixedWordsField(analyzer_, schema::kCategoryPrefix))->release(),
        &kCategoryGroup);
  });
  static const std::string kPersonGroup = "person";
  ForEachFieldName(schema::kPersonFields, [&](const std::string& name) {
    parser_.add_boolean_prefix(name, (new PersonField(persons_))->release(), &kPersonGroup);
  });
  ForEachFieldName(schema::kDateFields, [&](const std::string& name) {
    parser_.add_rangeprocessor((new DateRangeProcessor(name + ":", dates_))->release());
    parser_.add_boolean_prefix(
        name,
        (new NonThrowingField(std::make_unique<DateFieldProcessor>(dates_), field_error_))->release(),
        &kDateGroup);
  });
}

Result<Xapian::Query> QueryBuilder::FilterQuery(const SearchFilters& filters,
                                                ParsedQuery& parsed) {
  std::vector<Xapian::Query> parts;
  if (!filters.from.empty() || !filters.to.empty()) {
    std::string bounds[2];
    const std::string* texts[2] = {&filters.from, &filters.to};
    for (int i = 0; i < 2; ++i) {
      if (texts[i]->empty()) continue;
      auto bound = DateBound(*texts[i], i == 0 ? RangeEnd::kLow : RangeEnd::kHigh);
      if (!bound) {
        return Result<Xapian::Query>::Fail(std::string(i == 0 ? "--from" : "--to") +
                                           ": " + bound.error());
      }
      bounds[i] = bound.value();
    }
    parts.push_back(dates_->Between(bounds[0], bounds[1]));
    parsed.first_day = bounds[0];
    parsed.last_day = bounds[1];
  }
  if (!filters.sources.empty()) {
    parts.push_back(AnyOf(*analyzer_, schema::kSourcePrefix, filters.sources));
  }
  if (!filters.categories.empty()) {
    parts.push_back(AnyOf(*analyzer_, schema::kCategoryPrefix, filters.categories));
  }
  for (const auto& person : filters.persons) parts.push_back(persons_->For(person));
  if (parts.empty()) return Result<Xapian::Query>::Ok(Xapian::Query());
  return Result<Xapian::Query>::Ok(
      Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
}

bool QueryBuilder::IsKnownWord(std::string_view word) {
  return dictionary::Dictionary::German().IsWord(analysis::Analyzer::CanonicalSpelling(word)) ||
         db_.term_exists(analyzer_->WordTerm(word));
}

bool QueryBuilder::IsUnknownModifier(std::string_view word) {
  std::string spelled = analysis::Analyzer::CanonicalSpelling(word);
  return spelled.size() >= kMinUnknownModifier &&
         !dictionary::Dictionary::German().IsWord(spelled);
}

Result<ParsedQuery> QueryBuilder::Build(const std::string& typed,
                                        const SearchFilters& filters) {
  ParsedQuery parsed;
  parsed.dates = dates_;
  std::string text = NormalizeQueryText(typed);
  field_error_->clear();
  try {
    if (!OnlyStopwords(text)) {
      std::string marked = MarkCompoundWords(
          DropStopwordOperands(text), *analyzer_,
          [this](std::string_view word) { return IsKnownWord(word); },
          [](std::string_view word) { return IsUnknownModifier(word); });
      parsed.query = parser_.parse_query(marked, kParserFlags);
      if (!field_error_->empty()) return Result<ParsedQuery>::Fail(*field_error_);
    }
  } catch (const Xapian::QueryParserError& e) {
    if (e.get_msg().rfind("date range:", 0) == 0) {
      return Result<ParsedQuery>::Fail(e.get_msg());
    }
    // Xapian's word for "A..B" outside a date: field (found by fuzzing:
    // "Wahl 2019..2021" failed).
    std::string problem = e.get_msg() == "Unknown range operation"
                              ? "'..' makes a range only after date: or datum:"
                              : e.get_msg();
    parsed.note = "could not read the query as written (" + problem +
                  "); searched its words as plain terms instead";
    try {
      parsed.query = parser_.parse_query(WithoutOperatorWords(text),
                                         Xapian::QueryParser::FLAG_PHRASE);
    } catch (const Xapian::QueryParserError& again) {
      return Result<ParsedQuery>::Fail("could not read the query (" + again.get_msg() + ")");
    }
  }
  auto filter = FilterQuery(filters, parsed);
  if (!filter) return Result<ParsedQuery>::Fail(filter.error());
  if (!filter.value().empty()) {
    parsed.query = parsed.query.empty()
                       ? filter.value()
                       : Xapian::Query(Xapian::Query::OP_FILTER, parsed.query,
                                       filter.value());
  }
  for (const auto& note : persons_->notes()) {
    parsed.note += (parsed.note.empty() ? "" : "; ") + note;
  }
  if (parsed.query.empty()) {
    return Result<ParsedQuery>::Fail(
        "the query has no searchable words (only stop words or punctuation?); "
        "add a keyword or a filter such as --from or --source");
  }
  return Result<ParsedQuery>::Ok(std::move(parsed));
}

}  // namespace archivar::search
