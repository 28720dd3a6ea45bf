#include "search/facets.h"

#include "index/sample_buckets.h"
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

// The terms of the first `count` sample buckets.
std::vector<std::string> FirstBucketTerms(unsigned count) {
  std::vector<std::string> terms;
  for (unsigned bucket = 0; bucket < count; ++bucket) {
    terms.push_back(index::SampleBucketTerm(bucket));
  }
  return terms;
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
  AddValues(doc.get_value(slot_), 1);
}

Xapian::docid MinDocidBlock(Xapian::docid last_docid) {
  return std::clamp<Xapian::docid>(last_docid / 64, 256, 16'384);
}

DocidBlocks::DocidBlocks(Xapian::docid last_docid)
    : DocidBlocks(last_docid, MinDocidBlock(last_docid)) {}

DocidBlocks::DocidBlocks(Xapian::docid last_docid, Xapian::docid min_block)
    : last_(last_docid), min_block_(std::max<Xapian::docid>(min_block, 1)) {}

DocidBlocks::Block DocidBlocks::ClaimNext() {
  std::uint64_t first = next_.load();
  for (;;) {
    if (first > last_) return Block{first, first - 1};
    std::uint64_t left = last_ - first + 1;
    std::uint64_t size = std::min(left, std::max(min_block_, left / kShareOfRest));
    if (next_.compare_exchange_weak(first, first + size)) return Block{first, first + size - 1};
  }
}

void DocumentSample::init(const Xapian::Database& db) {
  last_ = db.get_lastdocid();
  current_ = 0;
  at_end_ = last_ == 0;
  sampled_ = last_ == 0 ? 0 : (last_ - 1) / step_ + 1;
  block_first_ = 1;
  block_last_ = blocks_ ? 0 : last_;  // with blocks, the first skip_to claims one
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
  std::uint64_t wanted = did;
  for (;;) {
    if (wanted <= block_last_) {
      // The first sampled id at or after `wanted` (1 + k·step).
      std::uint64_t steps = (wanted - 1 + step_ - 1) / step_;
      std::uint64_t sampled = 1 + steps * step_;
      if (sampled <= block_last_) {
        current_ = static_cast<Xapian::docid>(sampled);
        return;
      }
    }
    if (!ClaimBlock()) {
      at_end_ = true;
      return;
    }
    wanted = std::max(wanted, block_first_);
  }
}

bool DocumentSample::ClaimBlock() {
  if (!blocks_) return false;
  DocidBlocks::Block block = blocks_->ClaimNext();
  if (block.empty() || block.first > last_) return false;
  block_first_ = block.first;
  block_last_ = std::min<std::uint64_t>(last_, block.last);
  return true;
}

Xapian::doccount BucketSampleStep(Xapian::doccount step) {
  if (step < kMinBucketSampleStep) return 1;
  Xapian::doccount power = 1;
  while (power * 2 <= step && power * 2 <= schema::kSampleBuckets) power *= 2;
  return power;
}

Xapian::Query BucketSampleFilter(Xapian::doccount step) {
  std::vector<std::string> terms = FirstBucketTerms(schema::kSampleBuckets / step);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

bool HasSampleBuckets(const Xapian::Database& db) {
  std::vector<std::string> terms = FirstBucketTerms(schema::kSampleBuckets);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  Xapian::MSet stats = enquire.get_mset(0, 0);  // term statistics only
  Xapian::doccount articles = 0;
  for (const auto& term : terms) articles += stats.get_termfreq(term);
  return articles == db.get_doccount();
}

std::string DocumentSample::get_description() const {
  return "archivar.DocumentSample(every " + std::to_string(step_) + ")";
}

void FacetSpy::AddValues(std::string_view values, Xapian::doccount count) {
  ForEachFacetValue(values, [this, count](std::string_view value) { Add(value, count); });
}

void FacetSpy::Merge(const FacetSpy& other) {
  std::size_t shared = std::min(column_counts_.size(), other.column_counts_.size());
  for (std::size_t ordinal = 0; ordinal < shared; ++ordinal) {
    column_counts_[ordinal] += other.column_counts_[ordinal];
  }
  for (const auto& [value, count] : other.counts_) Add(value, count);
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
