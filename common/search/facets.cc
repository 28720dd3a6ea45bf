#include "search/facets.h"

#include "schema.h"

#include <algorithm>

namespace archivar::search {
namespace {

// Serialised counts: "value\x1fcount\n" per value.
std::string EncodeCounts(const std::unordered_map<std::string_view, Xapian::doccount>& counts) {
  std::string out;
  for (const auto& [value, count] : counts) {
    out += std::string(value) + schema::kFacetValueSeparator + std::to_string(count) + '\n';
  }
  return out;
}

// Calls `use` with each value held in a slot value (separated by
// schema::kFacetValueSeparator; empty pieces are skipped).
template <typename UseValue>
void ForEachFacetValue(std::string_view values, UseValue use) {
  while (!values.empty()) {
    std::size_t end = std::min(values.find(schema::kFacetValueSeparator), values.size());
    if (end > 0) use(values.substr(0, end));
    values.remove_prefix(std::min(end + 1, values.size()));
  }
}

}  // namespace

std::vector<std::string> SplitFacetValues(const std::string& values) {
  std::vector<std::string> out;
  ForEachFacetValue(values, [&](std::string_view value) { out.emplace_back(value); });
  return out;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ForEachFacetValue(doc.get_value(slot_), [this](std::string_view value) { Add(value, 1); });
}

void DocumentSample::init(const Xapian::Database& db) {
  last_ = db.get_lastdocid();
  current_ = 0;
  at_end_ = last_ == 0;
  sampled_ = last_ == 0 ? 0 : (last_ - 1) / step_ + 1;
}

void DocumentSample::next(double min_wt) {
  if (current_ == last_) {
    at_end_ = true;
    return;
  }
  skip_to(current_ + 1, min_wt);
}

void DocumentSample::skip_to(Xapian::docid did, double) {
  if (at_end_ || did <= current_) return;
  // The first sampled id at or after `did` (1 + k·step), at most last_.
  Xapian::docid steps = (did - 1) / step_ + ((did - 1) % step_ != 0 ? 1 : 0);
  if (steps > (last_ - 1) / step_) {
    at_end_ = true;
    return;
  }
  current_ = 1 + steps * step_;
}

std::string DocumentSample::get_description() const {
  return "archivar.DocumentSample(every " + std::to_string(step_) + ")";
}

std::string FacetSpy::serialise() const { return std::to_string(slot_); }

Xapian::MatchSpy* FacetSpy::unserialise(const std::string& serialised,
                                        const Xapian::Registry&) const {
  return new FacetSpy(static_cast<Xapian::valueno>(std::stoul(serialised)));
}

void FacetSpy::Add(std::string_view value, Xapian::doccount count) {
  auto counted = counts_.find(value);
  if (counted == counts_.end()) {
    values_.emplace_back(value);
    counted = counts_.emplace(values_.back(), 0).first;
  }
  counted->second += count;
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
      Add(std::string_view(line).substr(0, separator),
          static_cast<Xapian::doccount>(std::stoul(line.substr(separator + 1))));
    }
    begin = end + 1;
  }
}

std::vector<FacetCount> FacetSpy::Top(std::size_t limit, Xapian::doccount scale) const {
  std::vector<FacetCount> top;
  for (const auto& [value, count] : counts_) top.push_back({std::string(value), count * scale});
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
