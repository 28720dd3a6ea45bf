// GermanStemmer: Snowball's German stemmer from libstemmer, applied to
// words already folded by text::FoldWord.
//
// Not thread-safe (libstemmer keeps per-instance state): use one instance
// per thread.  Construction throws std::runtime_error when libstemmer has
// no German algorithm.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace archivar::analysis {

class GermanStemmer {
 public:
  GermanStemmer();
  ~GermanStemmer();
  GermanStemmer(const GermanStemmer&) = delete;
  GermanStemmer& operator=(const GermanStemmer&) = delete;

  // The Snowball German stem of a folded word ("häuser" -> "haus").
  std::string Stem(std::string_view folded_word);

 private:
  struct Deleter { void operator()(sb_stemmer* stemmer) const; };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace archivar::analysis
