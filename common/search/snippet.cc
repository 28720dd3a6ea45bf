#include "search/snippet.h"

#include <algorithm>

namespace archivar::search {
namespace {

constexpr std::string_view kEllipsis = "…";

struct Window {
  std::size_t first = 0;  // index into the analysed terms
  std::size_t last = 0;   // inclusive
};

// The terms of a text, tokenised and analysed a paragraph (or a piece of a
// long one) at a time and only as far as they are asked for: a snippet
// usually needs the first hit and the words after it, not the analysis of
// the whole body.
class LazyTerms {
 public:
  LazyTerms(std::string_view text, analysis::Analyzer& analyzer)
      : text_(text), analyzer_(analyzer) {}

  // Analyses until at least `count` terms are known or the text ends;
  // returns how many are known.
  std::size_t Reach(std::size_t count) {
    while (terms_.size() < count && !Complete()) AnalyzeNextPiece();
    return terms_.size();
  }
  bool Complete() const { return next_piece_ >= text_.size(); }
  const std::vector<analysis::AnalyzedTerm>& terms() const { return terms_; }

 private:
  void AnalyzeNextPiece() {
    std::size_t begin = next_piece_;
    std::size_t end = PieceEnd(begin);
    next_piece_ = end;
    for (auto& term : analyzer_.Analyze(text_.substr(begin, end - begin))) {
      term.start += begin;  // offsets into the whole text
      term.end += begin;
      terms_.push_back(std::move(term));
    }
  }

  // Where the piece starting at `begin` ends: after its paragraph's line
  // break, but a long paragraph (many articles are one) is cut after the
  // last sentence end, else the last space, within kMaxPieceBytes — so a
  // snippet from the first lines does not analyse the whole article.
  std::size_t PieceEnd(std::size_t begin) const {
    std::size_t newline = text_.find('\n', begin);
    std::size_t end = newline == std::string_view::npos ? text_.size() : newline + 1;
    if (end - begin <= kMaxPieceBytes) return end;
    std::string_view window = text_.substr(begin, kMaxPieceBytes);
    std::size_t cut = window.rfind(". ");
    if (cut != std::string_view::npos) return begin + cut + 2;
    cut = window.rfind(' ');
    return cut == std::string_view::npos || cut == 0 ? end : begin + cut + 1;
  }

  static constexpr std::size_t kMaxPieceBytes = 600;

  std::string_view text_;
  std::size_t next_piece_ = 0;  // byte offset
  std::vector<analysis::AnalyzedTerm> terms_;
  analysis::Analyzer& analyzer_;
};

// Distinct query terms among terms[first..last].
std::size_t DistinctHits(const std::vector<analysis::AnalyzedTerm>& terms,
                         std::size_t first, std::size_t last,
                         const TermSet& query_terms) {
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = first; i <= last; ++i) {
    if (query_terms.count(terms[i].term)) seen.insert(terms[i].term);
  }
  return seen.size();
}

// The first window of `max_words` terms with the most distinct query
// terms; stops looking once one holds `enough_hits`.
Window BestWindow(LazyTerms& lazy, const TermSet& query_terms, std::size_t max_words,
                  std::size_t enough_hits) {
  const auto& terms = lazy.terms();
  Window best{0, std::min(lazy.Reach(max_words), max_words) - 1};
  std::size_t best_hits = 0;
  for (std::size_t i = 0; i < lazy.Reach(i + 1) && best_hits < enough_hits; ++i) {
    if (!query_terms.count(terms[i].term)) continue;
    // Start a few words before the hit so it has some context.
    std::size_t first = i >= 3 ? i - 3 : 0;
    std::size_t last = std::min(lazy.Reach(first + max_words), first + max_words) - 1;
    // Near the end, fill the window with the words before the hit instead
    // (a body shorter than the window is shown whole).
    first = last + 1 > max_words ? std::min(first, last + 1 - max_words) : 0;
    std::size_t hits = DistinctHits(terms, first, last, query_terms);
    if (hits > best_hits) {
      best_hits = hits;
      best = {first, last};
    }
  }
  return best;
}

// Copies text[begin, end) into out.text, marking the matched terms inside.
void AppendMarked(std::string_view text, std::size_t begin, std::size_t end,
                  const std::vector<analysis::AnalyzedTerm>& terms,
                  const TermSet& query_terms, Highlighted& out) {
  std::size_t base = out.text.size();
  std::string piece(text.substr(begin, end - begin));
  std::replace(piece.begin(), piece.end(), '\n', ' ');
  out.text += piece;
  for (const auto& term : terms) {
    if (term.start < begin || term.end > end || !query_terms.count(term.term)) continue;
    std::pair<std::size_t, std::size_t> range{base + term.start - begin,
                                              base + term.end - begin};
    if (out.highlights.empty() || out.highlights.back() != range) {
      out.highlights.push_back(range);
    }
  }
}

}  // namespace

Highlighted MakeSnippet(std::string_view body, const TermSet& query_terms,
                        analysis::Analyzer& analyzer, std::size_t max_words,
                        std::size_t enough_hits) {
  Highlighted out;
  LazyTerms lazy(body, analyzer);
  if (lazy.Reach(1) == 0 || max_words == 0) return out;
  Window window = BestWindow(lazy, query_terms, max_words, enough_hits);
  const auto& terms = lazy.terms();
  bool to_the_end = window.last + 1 == terms.size() && lazy.Complete();
  std::size_t begin = window.first == 0 ? 0 : terms[window.first].start;
  std::size_t end = to_the_end ? body.size() : terms[window.last].end;
  if (begin > 0) out.text += kEllipsis;
  AppendMarked(body, begin, end, terms, query_terms, out);
  if (end < body.size()) out.text += kEllipsis;
  return out;
}

Highlighted HighlightAll(std::string_view text, const TermSet& query_terms,
                         analysis::Analyzer& analyzer) {
  Highlighted out;
  AppendMarked(text, 0, text.size(), analyzer.Analyze(text), query_terms, out);
  return out;
}

}  // namespace archivar::search
