#include "search/facets.h"

#include "schema.h"

#include <algorithm>

namespace archivar::search {
namespace {

// Serialised counts: "value\x1fcount\n" per value.
std::string EncodeCounts(const std::vector<FacetCount>& counts) {
  std::string out;
  for (const auto& [value, count] : counts) {
    out += value + schema::kFacetValueSeparator + std::to_string(count) + '\n';
  }
  return out;
}

}  // namespace

std::vector<std::string> SplitFacetValues(const std::string& values) {
  std::vector<std::string> out;
  ForEachFacetValue(values, [&](std::string_view value) { out.emplace_back(value); });
  return out;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  Xapian::docid did = doc.get_docid();
  if (column_ && column_->Covers(did)) {
    column_->ForEachOrdinal(did, [this](FacetColumn::Ordinal value) { ++column_counts_[value]; });
    return;
  }
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

std::string FacetSpy::serialise_results() const { return EncodeCounts(Counts()); }

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

std::vector<FacetCount> FacetSpy::Counts() const {
  std::vector<FacetCount> counts;
  std::vector<Xapian::doccount> by_ordinal = column_counts_;
  for (const auto& [value, count] : counts_) {
    auto ordinal = column_ ? column_->Find(value) : std::nullopt;
    if (ordinal) by_ordinal[*ordinal] += count;
    else counts.push_back({std::string(value), count});
  }
  for (FacetColumn::Ordinal value = 0; value < by_ordinal.size(); ++value) {
    if (by_ordinal[value] != 0) counts.push_back({column_->Value(value), by_ordinal[value]});
  }
  return counts;
}

std::vector<FacetCount> FacetSpy::Top(std::size_t limit, Xapian::doccount scale) const {
  std::vector<FacetCount> top = Counts();
  auto more_frequent = [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  std::size_t shown = limit == 0 ? top.size() : std::min(limit, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(shown), top.end(),
                    more_frequent);
  top.resize(shown);
  for (auto& value : top) value.count *= scale;
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
