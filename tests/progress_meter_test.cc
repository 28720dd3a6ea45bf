// app/progress_meter.h: the progress line of long indexing runs.
#include "app/progress_meter.h"

#include <catch2/catch.hpp>

#include <sstream>

namespace archivar::app {
namespace {

TEST_CASE("ProgressMeter describes articles, rates, share done and time left") {
  CHECK(ProgressMeter::Describe(52000, 104'000'000, 20.0, 0.4) ==
        "52,000 articles, 2,600/s, 5.2 MB/s, 40 %, ETA 0:30");
  CHECK(ProgressMeter::Describe(1234567, 0, 3600.0, 0.5) ==
        "1,234,567 articles, 342/s, 0.0 MB/s, 50 %, ETA 1:00:00");
  // Without a known total (standard input) there is no share and no ETA.
  CHECK(ProgressMeter::Describe(999, 2'000'000, 2.0, std::nullopt) ==
        "999 articles, 499/s, 1.0 MB/s");
  CHECK(ProgressMeter::Describe(0, 0, 0.0, 0.0) == "0 articles, 0 %");
}

TEST_CASE("ProgressMeter prints plain periodic lines when not on a terminal") {
  std::ostringstream err;
  ProgressMeter meter(err, ProgressMeter::Style::kPeriodic, 1000, std::chrono::seconds(0));
  meter.InputRead(500);
  meter.ArticleDone(100);
  meter.ArticleDone(100);
  meter.Finish();
  std::string text = err.str();
  CHECK(text.find("archivar-index: 1 articles") != std::string::npos);
  CHECK(text.find("archivar-index: 2 articles") != std::string::npos);
  CHECK(text.find("50 %") != std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
}

TEST_CASE("ProgressMeter keeps one updating line on a terminal, cleared for messages") {
  std::ostringstream err;
  ProgressMeter meter(err, ProgressMeter::Style::kLine, std::nullopt, std::chrono::seconds(0));
  meter.ArticleDone(10);
  meter.Message("in.jsonl:3: not JSON");
  meter.Finish();
  std::string text = err.str();
  // Drawn, cleared for the message, drawn again, cleared at the end.
  CHECK(text.rfind("\rarchivar-index: 1 articles", 0) == 0);
  CHECK(text.find("\r\x1b[Kin.jsonl:3: not JSON\n\rarchivar-index: 1 articles") !=
        std::string::npos);
  CHECK(text.size() >= 4);
  CHECK(text.substr(text.size() - 4) == "\r\x1b[K");
}

TEST_CASE("ProgressMeter in quiet mode prints only messages") {
  std::ostringstream err;
  ProgressMeter meter(err, ProgressMeter::Style::kNone, 100, std::chrono::seconds(0));
  meter.ArticleDone(10);
  meter.Message("a.txt: empty file");
  meter.Finish();
  CHECK(err.str() == "a.txt: empty file\n");
}

}  // namespace
}  // namespace archivar::app
