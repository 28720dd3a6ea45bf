#include "search/date_range.h"

#include "formats/date.h"
#include "index/date_terms.h"
#include "schema.h"

#include <algorithm>

namespace archivar::search {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string MonthBound(int year, int month, RangeEnd end) {
  return formats::CompactDate(year, month,
                              end == RangeEnd::kLow ? 1 : formats::DaysInMonth(year, month));
}

Result<std::string> DateBound(std::string_view text, RangeEnd end) {
  if (auto date = formats::ParseDate(text)) {
    std::string value;
    for (char c : *date) if (c != '-') value += c;
    return Result<std::string>::Ok(value);
  }
  if (text.size() == 4 && AllDigits(text)) {
    int year = std::stoi(std::string(text));
    return Result<std::string>::Ok(MonthBound(year, end == RangeEnd::kLow ? 1 : 12, end));
  }
  if (text.size() == 7 && text[4] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5))) {
    int year = std::stoi(std::string(text.substr(0, 4)));
    int month = std::stoi(std::string(text.substr(5)));
    if (formats::IsValidCalendarDate(year, month, 1)) {
      return Result<std::string>::Ok(MonthBound(year, month, end));
    }
  }
  return Result<std::string>::Fail(
      "'" + std::string(text) +
      "' is not a date; write YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY");
}

namespace {

// How many articles carry a term starting with `prefix`.
Xapian::doccount PostingsWithPrefix(const Xapian::Database& db, std::string_view prefix) {
  Xapian::doccount postings = 0;
  for (auto term = db.allterms_begin(std::string(prefix)); term != db.allterms_end(std::string(prefix));
       ++term) {
    postings += term.get_termfreq();
  }
  return postings;
}

}  // namespace

bool DateRanges::UsesTerms() const {
  Inspect();
  return uses_terms_;
}

const std::string& DateRanges::FirstDay() const {
  Inspect();
  return first_day_;
}

bool DateRanges::HasUndated() const {
  Inspect();
  return has_undated_;
}

const std::string& DateRanges::LastDay() const {
  Inspect();
  return last_day_;
}

void DateRanges::Inspect() const {
  if (inspected_) return;
  Xapian::doccount dated = db_.get_value_freq(schema::kDateSlot);
  has_undated_ = dated < db_.get_doccount();
  if (dated == 0) {  // nothing to clip to; no article matches a bounded range
    uses_terms_ = true;
  } else {
    first_day_ = db_.get_value_lower_bound(schema::kDateSlot);
    last_day_ = db_.get_value_upper_bound(schema::kDateSlot);
    // Each dated article has exactly one year term.
    uses_terms_ = PostingsWithPrefix(db_, schema::kYearTermPrefix) == dated &&
                  !index::DateTermsOfDay(first_day_).empty() &&
                  !index::DateTermsOfDay(last_day_).empty();
  }
  inspected_ = true;  // only once every read succeeded (they may throw)
}

Xapian::Query DateRanges::Between(const std::string& low_value,
                                  const std::string& high_value) const {
  if (low_value.empty() && high_value.empty()) return Xapian::Query::MatchAll;
  Inspect();
  if (!uses_terms_) return ValueRange(low_value, high_value);
  if (first_day_.empty()) return Xapian::Query::MatchNothing;
  std::string first = low_value.empty() ? first_day_ : std::max(low_value, first_day_);
  std::string last = high_value.empty() ? last_day_ : std::min(high_value, last_day_);
  std::vector<std::string> terms = index::DateTermsCovering(first, last);
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

Xapian::Query DateRanges::ValueRange(const std::string& low_value,
                                     const std::string& high_value) const {
  if (low_value.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, high_value);
  }
  if (high_value.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, low_value);
  }
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                       low_value, high_value);
}

DateRangeProcessor::DateRangeProcessor(const std::string& field_with_colon,
                                       std::shared_ptr<const DateRanges> ranges)
    : Xapian::RangeProcessor(schema::kDateSlot, field_with_colon), ranges_(std::move(ranges)) {}

namespace {

// The value-slot bound of one end of a query range; "" stays open.
std::string QueryBound(const std::string& text, RangeEnd end) {
  if (text.empty()) return text;
  auto bound = DateBound(text, end);
  if (!bound) throw Xapian::QueryParserError("date range: " + bound.error());
  return bound.value();
}

}  // namespace

Xapian::Query DateRangeProcessor::operator()(const std::string& begin,
                                             const std::string& end) {
  return ranges_->Between(QueryBound(begin, RangeEnd::kLow), QueryBound(end, RangeEnd::kHigh));
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  return ranges_->Between(QueryBound(value, RangeEnd::kLow), QueryBound(value, RangeEnd::kHigh));
}

}  // namespace archivar::search
