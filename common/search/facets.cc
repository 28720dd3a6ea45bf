#include "search/facets.h"

#include "schema.h"

#include <algorithm>

namespace archivar::search {
namespace {

// Serialised counts: "value\x1fcount\n" per value.
std::string EncodeCounts(const std::map<std::string, Xapian::doccount, std::less<>>& counts) {
  std::string out;
  for (const auto& [value, count] : counts) {
    out += value + schema::kFacetValueSeparator + std::to_string(count) + '\n';
  }
  return out;
}

}  // namespace

std::vector<std::string> SplitFacetValues(const std::string& values) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < values.size()) {
    std::size_t end = values.find(schema::kFacetValueSeparator, begin);
    if (end == std::string::npos) end = values.size();
    if (end > begin) out.push_back(values.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  const std::string values = doc.get_value(slot_);
  std::string_view rest = values;
  while (!rest.empty()) {
    std::size_t end = std::min(rest.find(schema::kFacetValueSeparator), rest.size());
    std::string_view value = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (value.empty()) continue;
    auto counted = counts_.find(value);
    if (counted == counts_.end()) counted = counts_.emplace(std::string(value), 0).first;
    ++counted->second;
  }
}

std::string FacetSpy::serialise() const { return std::to_string(slot_); }

Xapian::MatchSpy* FacetSpy::unserialise(const std::string& serialised,
                                        const Xapian::Registry&) const {
  return new FacetSpy(static_cast<Xapian::valueno>(std::stoul(serialised)));
}

std::string FacetSpy::serialise_results() const { return EncodeCounts(counts_); }

void FacetSpy::merge_results(const std::string& serialised) {
  std::size_t begin = 0;
  while (begin < serialised.size()) {
    std::size_t end = serialised.find('\n', begin);
    if (end == std::string::npos) end = serialised.size();
    std::string line = serialised.substr(begin, end - begin);
    std::size_t separator = line.rfind(schema::kFacetValueSeparator);
    if (separator != std::string::npos) {
      counts_[line.substr(0, separator)] +=
          static_cast<Xapian::doccount>(std::stoul(line.substr(separator + 1)));
    }
    begin = end + 1;
  }
}

std::vector<FacetCount> FacetSpy::Top(std::size_t limit) const {
  std::vector<FacetCount> top;
  for (const auto& [value, count] : counts_) top.push_back({value, count});
  std::sort(top.begin(), top.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (limit != 0 && top.size() > limit) top.resize(limit);
  return top;
}

bool FacetSlot(const std::string& name, Xapian::valueno* slot) {
  for (const auto& field : schema::kFacetFields) {
    if (name == field.name) {
      *slot = field.slot;
      return true;
    }
  }
  return false;
}

}  // namespace archivar::search
