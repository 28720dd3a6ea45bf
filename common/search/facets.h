// Facets: how often each value of a field (source, category, year,
// person) occurs among ALL the articles that match a query, not only the
// page shown.  Counting uses a Xapian MatchSpy over the field's value slot
// (schema.h), so the counts are exact when the match is run to the end
// (the searcher asks Xapian to check every match when facets are wanted).
//
// Not thread-safe: one spy per search.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace archivar::search {

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

struct Facet {
  std::string name;                 // "source", "category", "year", "person"
  std::vector<FacetCount> values;   // most frequent first, then by value
};

// Counts the values of one slot among the matching documents; a slot value
// may hold several values separated by schema::kFacetValueSeparator, each
// counted once per document.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new FacetSpy(slot_); }
  std::string name() const override { return "archivar.FacetSpy"; }
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised,
                                const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override { return "archivar.FacetSpy"; }

  // The `limit` most frequent values (all when 0), most frequent first.
  std::vector<FacetCount> Top(std::size_t limit) const;

 private:
  Xapian::valueno slot_;
  // Per single value; looked up by string_view (std::less<>), so counting
  // a matching document allocates nothing for values already seen.
  std::map<std::string, Xapian::doccount, std::less<>> counts_;
};

// The values held in one slot value (separated by
// schema::kFacetValueSeparator; empty pieces are skipped).
std::vector<std::string> SplitFacetValues(const std::string& values);

// The value slot of a facet name, or false when there is no such facet.
bool FacetSlot(const std::string& name, Xapian::valueno* slot);

}  // namespace archivar::search
