#include "search/snippet.h"

#include "analysis/tokenizer.h"

#include <algorithm>

namespace archivar::search {
namespace {

constexpr std::string_view kEllipsis = "…";

// `spelled` (a canonical spelling) without the e of ae, oe and ue, so that
// "haeuser" holds "haus", the term of "Häuser".
std::string WithoutUmlautE(std::string_view spelled) {
  std::string out;
  for (std::size_t i = 0; i < spelled.size(); ++i) {
    bool umlaut_e = spelled[i] == 'e' && i > 0 &&
                    (spelled[i - 1] == 'a' || spelled[i - 1] == 'o' || spelled[i - 1] == 'u');
    if (!umlaut_e) out += spelled[i];
  }
  return out;
}

// Which words of a text could give a query term, decided from their
// spelling alone: the full analysis of a word (lemmas, compounds: many
// dictionary lookups) is needed only for those.  A word's terms are stems
// of its base form and of its compound parts, which keep the word's letters
// but for endings, umlauts and a participle's "ge" — so a word can give a
// query term only if it holds the term's first or last three letters
// (umlauts written ae/oe/ue on both sides, their e dropped: "Häusern" holds
// "hau" of haus, "angezündet" "end" of anzuend).
class QueryWordFilter {
 public:
  explicit QueryWordFilter(const TermSet& query_terms) {
    for (const auto& term : query_terms) {
      std::string letters = WithoutUmlautE(term);
      std::size_t n = std::min<std::size_t>(letters.size(), kLetters);
      if (n == 0) continue;
      pieces_.push_back(letters.substr(0, n));
      pieces_.push_back(letters.substr(letters.size() - n));
    }
  }

  bool MayGiveQueryTerm(std::string_view word) const {
    std::string letters = WithoutUmlautE(analysis::Analyzer::CanonicalSpelling(word));
    if (letters.empty()) return true;  // gives no term at all; the analyzer knows
    for (const auto& piece : pieces_) {
      if (letters.find(piece) != std::string::npos) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kLetters = 3;
  std::vector<std::string> pieces_;
};

// A word of the text and the query terms it gives (most words: none).
struct TextWord {
  std::size_t start = 0;  // byte offsets in the text
  std::size_t end = 0;
  std::vector<std::string_view> query_terms;  // views into the query's TermSet
};

struct Window {
  std::size_t first = 0;  // index into the words
  std::size_t last = 0;   // inclusive
};

// The words of a text, tokenised and analysed a paragraph (or a piece of a
// long one) at a time and only as far as they are asked for: a snippet
// usually needs the first hit and the words after it, not the analysis of
// the whole body.  Only the words QueryWordFilter lets through are
// analysed.
class LazyWords {
 public:
  LazyWords(std::string_view text, const TermSet& query_terms, analysis::Analyzer& analyzer)
      : text_(text), query_terms_(query_terms), filter_(query_terms), analyzer_(analyzer) {}

  // Analyses until at least `count` words are known or the text ends;
  // returns how many are known.
  std::size_t Reach(std::size_t count) {
    while (words_.size() < count && !Complete()) AnalyzeNextPiece();
    return words_.size();
  }
  bool Complete() const { return next_piece_ >= text_.size(); }
  const std::vector<TextWord>& words() const { return words_; }

 private:
  void AnalyzeNextPiece() {
    std::size_t begin = next_piece_;
    std::size_t end = PieceEnd(begin);
    next_piece_ = end;
    for (const auto& token : analysis::Tokenize(text_.substr(begin, end - begin), 1)) {
      TextWord word{begin + token.start, begin + token.end, {}};  // offsets in the whole text
      if (filter_.MayGiveQueryTerm(token.text)) {
        for (const auto& term : analyzer_.WordTerms(token.text)) {
          auto query_term = query_terms_.find(term.term);
          if (query_term != query_terms_.end()) word.query_terms.push_back(*query_term);
        }
      }
      words_.push_back(std::move(word));
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
  const TermSet& query_terms_;
  QueryWordFilter filter_;
  std::size_t next_piece_ = 0;  // byte offset
  std::vector<TextWord> words_;
  analysis::Analyzer& analyzer_;
};

// Distinct query terms among words[first..last].
std::size_t DistinctHits(const std::vector<TextWord>& words, std::size_t first,
                         std::size_t last) {
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = first; i <= last; ++i) {
    seen.insert(words[i].query_terms.begin(), words[i].query_terms.end());
  }
  return seen.size();
}

// The first window of `max_words` words with the most distinct query
// terms; stops looking once one holds `enough_hits`.
Window BestWindow(LazyWords& lazy, std::size_t max_words, std::size_t enough_hits) {
  const auto& words = lazy.words();
  Window best{0, std::min(lazy.Reach(max_words), max_words) - 1};
  std::size_t best_hits = 0;
  for (std::size_t i = 0; i < lazy.Reach(i + 1) && best_hits < enough_hits; ++i) {
    if (words[i].query_terms.empty()) continue;
    // Start a few words before the hit so it has some context.
    std::size_t first = i >= 3 ? i - 3 : 0;
    std::size_t last = std::min(lazy.Reach(first + max_words), first + max_words) - 1;
    // Near the end, fill the window with the words before the hit instead
    // (a body shorter than the window is shown whole).
    first = last + 1 > max_words ? std::min(first, last + 1 - max_words) : 0;
    std::size_t hits = DistinctHits(words, first, last);
    if (hits > best_hits) {
      best_hits = hits;
      best = {first, last};
    }
  }
  return best;
}

// Copies text[begin, end) into out.text, marking the matched words inside.
void AppendMarked(std::string_view text, std::size_t begin, std::size_t end,
                  const std::vector<TextWord>& words, Highlighted& out) {
  std::size_t base = out.text.size();
  std::string piece(text.substr(begin, end - begin));
  std::replace(piece.begin(), piece.end(), '\n', ' ');
  out.text += piece;
  for (const auto& word : words) {
    if (word.start < begin || word.end > end || word.query_terms.empty()) continue;
    out.highlights.emplace_back(base + word.start - begin, base + word.end - begin);
  }
}

}  // namespace

Highlighted MakeSnippet(std::string_view body, const TermSet& query_terms,
                        analysis::Analyzer& analyzer, std::size_t max_words,
                        std::size_t enough_hits) {
  Highlighted out;
  LazyWords lazy(body, query_terms, analyzer);
  if (lazy.Reach(1) == 0 || max_words == 0) return out;
  Window window = BestWindow(lazy, max_words, enough_hits);
  const auto& words = lazy.words();
  bool to_the_end = window.last + 1 == words.size() && lazy.Complete();
  std::size_t begin = window.first == 0 ? 0 : words[window.first].start;
  std::size_t end = to_the_end ? body.size() : words[window.last].end;
  if (begin > 0) out.text += kEllipsis;
  AppendMarked(body, begin, end, words, out);
  if (end < body.size()) out.text += kEllipsis;
  return out;
}

Highlighted HighlightAll(std::string_view text, const TermSet& query_terms,
                         analysis::Analyzer& analyzer) {
  Highlighted out;
  LazyWords lazy(text, query_terms, analyzer);
  lazy.Reach(std::numeric_limits<std::size_t>::max());
  AppendMarked(text, 0, text.size(), lazy.words(), out);
  return out;
}

}  // namespace archivar::search
