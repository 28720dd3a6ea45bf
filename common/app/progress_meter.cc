#include "app/progress_meter.h"

#include <algorithm>
#include <cstdio>

namespace archivar::app {
namespace {

// "52,000"
std::string WithThousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "1:15" or "2:03:04"
std::string Duration(double seconds) {
  auto total = static_cast<long long>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600,
                  total / 60 % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  }
  return buffer;
}

}  // namespace

ProgressMeter::ProgressMeter(std::ostream& err, Style style,
                             std::optional<std::uint64_t> total_input_bytes,
                             Clock::duration interval)
    : err_(err), style_(style), total_input_bytes_(total_input_bytes), interval_(interval) {}

std::string ProgressMeter::Describe(std::uint64_t articles, std::uint64_t text_bytes,
                                    double seconds, std::optional<double> fraction_done) {
  std::string text = WithThousands(articles) + " articles";
  if (seconds > 0) {
    char rates[64];
    std::snprintf(rates, sizeof rates, ", %s/s, %.1f MB/s",
                  WithThousands(static_cast<std::uint64_t>(articles / seconds)).c_str(),
                  text_bytes / seconds / 1e6);
    text += rates;
  }
  if (fraction_done) {
    double fraction = std::clamp(*fraction_done, 0.0, 1.0);
    text += ", " + std::to_string(static_cast<int>(fraction * 100)) + " %";
    if (fraction > 0.001 && seconds > 1) {
      text += ", ETA " + Duration(seconds / fraction - seconds);
    }
  }
  return text;
}

void ProgressMeter::Message(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  bool redraw = line_shown_;
  ClearLineLocked();
  err_ << line << "\n";
  if (redraw) ShowLocked(/*force=*/true);
}

void ProgressMeter::InputRead(std::uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  input_bytes_ += bytes;
}

void ProgressMeter::ArticleDone(std::uint64_t text_bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++articles_;
  text_bytes_ += text_bytes;
  ShowLocked(/*force=*/false);
}

void ProgressMeter::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  ClearLineLocked();
  err_.flush();
}

void ProgressMeter::ShowLocked(bool force) {
  if (style_ == Style::kNone) return;
  Clock::time_point now = Clock::now();
  if (!force && now - last_shown_ < interval_) return;
  last_shown_ = now;
  std::optional<double> fraction;
  if (total_input_bytes_ && *total_input_bytes_ > 0) {
    fraction = static_cast<double>(input_bytes_) / static_cast<double>(*total_input_bytes_);
  }
  double seconds = std::chrono::duration<double>(now - started_).count();
  std::string text = "archivar-index: " + Describe(articles_, text_bytes_, seconds, fraction);
  if (style_ == Style::kLine) {
    err_ << "\r" << text << "\x1b[K" << std::flush;
    line_shown_ = true;
  } else {
    err_ << text << "\n";
  }
}

void ProgressMeter::ClearLineLocked() {
  if (!line_shown_) return;
  err_ << "\r\x1b[K";
  line_shown_ = false;
}

}  // namespace archivar::app
