#include "analysis/german_stemmer.h"

#include <libstemmer.h>

#include <stdexcept>

namespace archivar::analysis {

void GermanStemmer::Deleter::operator()(sb_stemmer* stemmer) const {
  sb_stemmer_delete(stemmer);
}

GermanStemmer::GermanStemmer() : stemmer_(sb_stemmer_new("german", "UTF_8")) {
  if (!stemmer_) {
    throw std::runtime_error("libstemmer: no German stemmer available");
  }
}

GermanStemmer::~GermanStemmer() = default;

std::string GermanStemmer::Stem(std::string_view folded_word) {
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer_.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
      static_cast<int>(folded_word.size()));
  if (stem == nullptr) return std::string(folded_word);  // out of memory
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
}

}  // namespace archivar::analysis
