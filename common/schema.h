// The Archivar database schema: every term prefix, value slot and query
// field name used by the indexer and the searcher is defined here and only
// here.  Prefix conventions follow Xapian's omega: `Q` is the unique id
// term, `S` the title, `A` the author; Archivar's own prefixes start with `X`.
//
// Unprefixed terms are the analysed words of title and body (stems and the
// other forms the analyzer produces), with positions for phrase search.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>

namespace archivar::schema {

// --- Term prefixes -------------------------------------------------------
inline constexpr std::string_view kIdPrefix = "Q";        // Q<article id>, unique
inline constexpr std::string_view kTitlePrefix = "S";     // S<analysed title word>
inline constexpr std::string_view kAuthorPrefix = "A";    // A<analysed author word>
inline constexpr std::string_view kSourcePrefix = "XS";   // XS<analysed source word>
inline constexpr std::string_view kCategoryPrefix = "XC"; // XC<analysed category word>
inline constexpr std::string_view kPersonPrefix = "XP";   // XP<person key>, e.g. "XPwladimir putin"
inline constexpr std::string_view kSurnamePrefix = "XN";  // XN<last word of the person key>
// XF<surname> <full person key>, e.g. "XFputin wladimir putin", for persons
// named with a first name: lists the full names of a surname without
// reading every person term of the archive.
inline constexpr std::string_view kFullNameBySurnamePrefix = "XF";
// The date of a dated article as three boolean terms, so that a date filter
// is a few terms rather than a value comparison per article
// (index/date_terms.h): XDY<YYYY>, XDM<YYYYMM>, XDD<YYYYMMDD>.
inline constexpr std::string_view kYearTermPrefix = "XDY";
inline constexpr std::string_view kMonthTermPrefix = "XDM";
inline constexpr std::string_view kDayTermPrefix = "XDD";
// Every article's sample bucket, XB<0..kSampleBuckets-1>, from a hash of
// its id (index/sample_buckets.h): the articles of a few buckets are an
// even sample that a plain term filter picks, which Xapian's stock remote
// server can run, so facets over remote shards can count a sample too.
inline constexpr std::string_view kSampleBucketPrefix = "XB";
inline constexpr unsigned kSampleBuckets = 64;

// --- Value slots ---------------------------------------------------------
// Date as "YYYYMMDD" (empty when the article has no date): sorting by date,
// and date filters on databases written before the date terms.
inline constexpr Xapian::valueno kDateSlot = 0;
// Facet values, as displayed: the source, the category and the year
// ("2019").  A slot may hold several values separated by
// kFacetValueSeparator (persons, later).
inline constexpr Xapian::valueno kSourceSlot = 1;
inline constexpr Xapian::valueno kCategorySlot = 2;
inline constexpr Xapian::valueno kYearSlot = 3;
inline constexpr char kFacetValueSeparator = '\x1f';
// A fingerprint of what was indexed for the article (its stored fields and
// the analysis version), so re-indexing skips unchanged articles.
inline constexpr Xapian::valueno kFingerprintSlot = 4;
// The absolute path of the file the article came from ("-" for standard
// input), so --prune can remove articles whose files are gone.
inline constexpr Xapian::valueno kOriginSlot = 5;
// The canonical names of the persons the article mentions, separated by
// kFacetValueSeparator: shown with results and counted by --facet person.
inline constexpr Xapian::valueno kPersonsSlot = 6;
// The stored article (index/stored_article.h): its fields without the body
// as JSON — all a list of hits without snippets reads — and the body,
// compressed.  The document data stays empty; databases written before
// these slots keep the whole article as JSON document data (and before
// the header slot existed, only there).
inline constexpr Xapian::valueno kHeaderSlot = 7;
inline constexpr Xapian::valueno kBodySlot = 8;

// Changes whenever the analysis changes what terms an article gets (or the
// way it is stored), so that re-indexing an unchanged article after an
// upgrade still rewrites it.
inline constexpr std::string_view kAnalysisVersion = "german-8-sample-bucket";

// The facets users may ask for (--facet NAME) and the slot of each.
struct FacetField {
  const char* name;
  Xapian::valueno slot;
};
inline constexpr FacetField kFacetFields[] = {
    {"source", kSourceSlot},
    {"category", kCategorySlot},
    {"year", kYearSlot},
    {"person", kPersonsSlot},
};

// --- Document data -------------------------------------------------------
// The document data is a JSON object holding the stored fields below, so the
// searcher can display results and build snippets without the source files.
namespace stored {
inline constexpr const char* kId = "id";
inline constexpr const char* kTitle = "title";
inline constexpr const char* kDate = "date";
inline constexpr const char* kSource = "source";
inline constexpr const char* kCategory = "category";
inline constexpr const char* kAuthor = "author";
inline constexpr const char* kUrl = "url";
inline constexpr const char* kBody = "body";
inline constexpr const char* kEditorCode = "editor_code";
}  // namespace stored

// --- Positions and weights -----------------------------------------------
// Title words are indexed first; body positions start after a gap so that a
// phrase never spans the title and the body.
inline constexpr Xapian::termpos kBodyPositionGap = 100;
// Extra within-document frequency given to each title word, so that a word
// in the title outweighs the same word in the body.
inline constexpr Xapian::termcount kTitleWdfBoost = 3;

// Xapian's disk backends reject terms longer than 245 bytes.  Archivar never
// writes a term longer than this (prefix included); longer words are
// skipped by the document builder.
inline constexpr std::size_t kMaxTermBytes = 240;

// --- Query fields ----------------------------------------------------------
// English and German names of the fields users may write in a query.
inline constexpr const char* kTitleFields[] = {"title", "titel"};
inline constexpr const char* kAuthorFields[] = {"author", "autor"};
inline constexpr const char* kSourceFields[] = {"source", "quelle"};
inline constexpr const char* kCategoryFields[] = {"category", "ressort"};
inline constexpr const char* kDateFields[] = {"date", "datum"};
inline constexpr const char* kPersonFields[] = {"person"};

}  // namespace archivar::schema
