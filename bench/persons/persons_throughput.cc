// archivar-persons-throughput: what person recognition costs at indexing
// time.  Reads articles (any input archivar-index reads), then times, over
// the same articles held in memory,
//   - the German analysis that indexing does anyway (Analyzer over title
//     and body), and
//   - person recognition (PersonRecognizer::RecognizeArticle),
// each for a first pass (every word new to the caches, as when indexing
// a new archive) and as the best of --rounds further passes, and prints
// the rates and the recognition time as a share of the analysis time.
//
//   archivar-persons-throughput [--rounds N] PATH...
//
// Compare the recognition time with a real `archivar-index --db` run over
// the same input to get its share of the whole indexing time.
#include "analysis/analyzer.h"
#include "formats/article_reader.h"
#include "persons/person_recognizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double first = 0;  // the first pass: every word is new to the caches
  double best = 0;   // the best later pass: caches warm
};

Timing Time(int rounds, const std::function<void()>& pass) {
  Timing timing;
  timing.best = 1e300;
  for (int round = 0; round <= rounds; ++round) {
    auto started = Clock::now();
    pass();
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (round == 0) {
      timing.first = seconds;
    } else {
      timing.best = std::min(timing.best, seconds);
    }
  }
  return timing;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 3;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: archivar-persons-throughput [--rounds N] PATH...\n");
    return 2;
  }
  std::vector<archivar::Article> articles;
  archivar::formats::ArticleCallbacks callbacks;
  callbacks.on_article = [&](const archivar::RecordOrigin&, archivar::Article article) {
    articles.push_back(std::move(article));
  };
  callbacks.on_rejected = [](const archivar::RecordOrigin&, const std::string&) {};
  archivar::formats::ReadArticles(paths, callbacks);
  if (articles.empty()) {
    std::fprintf(stderr, "archivar-persons-throughput: no articles read\n");
    return 1;
  }
  std::size_t bytes = 0;
  for (const auto& article : articles) bytes += article.title.size() + article.body.size();

  archivar::analysis::Analyzer analyzer;
  std::size_t terms = 0;
  Timing analysis = Time(rounds, [&] {
    terms = 0;
    for (const auto& article : articles) {
      terms += analyzer.Analyze(article.title).size() + analyzer.Analyze(article.body).size();
    }
  });

  archivar::persons::PersonRecognizer recognizer;
  std::size_t mentions = 0, persons = 0;
  Timing recognition = Time(rounds, [&] {
    mentions = persons = 0;
    for (const auto& article : articles) {
      auto found = recognizer.RecognizeArticle(article.title, article.body);
      mentions += found.title.mentions.size() + found.body.mentions.size();
      persons += found.persons.size();
    }
  });

  std::printf("articles      %zu (%.1f MB, %zu terms, %zu person mentions, %zu persons)\n",
              articles.size(), bytes / 1e6, terms, mentions, persons);
  std::printf("                 first pass                later passes (best of %d)\n", rounds);
  std::printf("analysis      %7.3f s %8.0f art/s     %7.3f s %8.0f art/s\n", analysis.first,
              articles.size() / analysis.first, analysis.best, articles.size() / analysis.best);
  std::printf("recognition   %7.3f s %8.0f art/s     %7.3f s %8.0f art/s\n", recognition.first,
              articles.size() / recognition.first, recognition.best,
              articles.size() / recognition.best);
  std::printf("recognition / analysis: %.0f %% (first pass), %.0f %% (later passes)\n",
              100.0 * recognition.first / analysis.first, 100.0 * recognition.best / analysis.best);
  return 0;
}
