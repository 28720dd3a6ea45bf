// The bodies of Archivar's fuzz targets, shared by the libFuzzer programs
// (built with -DARCHIVAR_FUZZ=ON, see run.sh) and by the Catch2 test that
// replays every input that once made one of them fail
// (regressions/<target>/).
//
// Each function takes arbitrary bytes, runs them through the code under
// test and aborts (through Check) when an invariant is broken; a crash,
// a sanitizer report or an uncaught exception is a finding too.  Each
// returns 0, as libFuzzer expects.  Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace archivar::fuzz {

// ParsePlainTextArticle and ParseJsonArticle; an article they accept must
// be valid UTF-8 without control characters, within the size limits, and
// survive DocumentBuilder and the stored-article round trip.
int FuzzArticleParsers(const uint8_t* data, std::size_t size);

// NormalizeQueryText, ExpandCompoundWords and QueryBuilder (through
// Searcher, on a small on-disk database made once per process), then both
// renderers: the text output must be valid UTF-8 without control
// characters other than newlines.
int FuzzQuery(const uint8_t* data, std::size_t size);

// Analyzer::Analyze: terms non-empty, offsets inside the text around
// whole code points, positions never decreasing.
int FuzzAnalyzer(const uint8_t* data, std::size_t size);

// The names of the targets, as used for their folders: "article_parsers",
// "query", "analyzer"; and the function of each (nullptr for another name).
using FuzzFunction = int (*)(const uint8_t*, std::size_t);
FuzzFunction FuzzTargetNamed(const std::string& name);

}  // namespace archivar::fuzz
