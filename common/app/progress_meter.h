// ProgressMeter: shows how far a long indexing run has come, on stderr.
//
//   on a terminal (Style::kLine): one line, redrawn in place at most every
//     `interval`:  "archivar-index: 52,000 articles, 2,950/s, 6.1 MB/s, 41 %, ETA 1:15"
//   elsewhere (Style::kPeriodic): the same as a plain line every `interval`
//   Style::kNone: no progress at all (--quiet)
//
// MB/s counts article text (title and body); the percentage and ETA come
// from the input bytes read so far out of `total_input_bytes`, and are left
// out when the total is unknown (standard input).
//
// Every other line printed during the run (rejected records) must go
// through Message(), so it does not land in the middle of the progress
// line.  Thread-safe: the reader reports input, the writer articles.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>

namespace archivar::app {

class ProgressMeter {
 public:
  enum class Style { kNone, kLine, kPeriodic };
  using Clock = std::chrono::steady_clock;

  ProgressMeter(std::ostream& err, Style style, std::optional<std::uint64_t> total_input_bytes,
                Clock::duration interval);

  // Prints `line` (without its newline) on a line of its own.
  void Message(const std::string& line);
  // `bytes` more input bytes were read (as stored: compressed for .gz).
  void InputRead(std::uint64_t bytes);
  // One more article was written, with `text_bytes` of title and body.
  void ArticleDone(std::uint64_t text_bytes);
  // Removes the progress line (kLine); call before the summary.
  void Finish();

  // The progress text for these numbers (no prefix, no newline).
  static std::string Describe(std::uint64_t articles, std::uint64_t text_bytes,
                              double seconds, std::optional<double> fraction_done);

 private:
  void ShowLocked(bool force);
  void ClearLineLocked();

  std::ostream& err_;
  const Style style_;
  const std::optional<std::uint64_t> total_input_bytes_;
  const Clock::duration interval_;
  const Clock::time_point started_ = Clock::now();

  std::mutex mutex_;
  Clock::time_point last_shown_ = started_;
  bool line_shown_ = false;  // kLine: a progress line is on the screen
  std::uint64_t input_bytes_ = 0;
  std::uint64_t articles_ = 0;
  std::uint64_t text_bytes_ = 0;
};

}  // namespace archivar::app
