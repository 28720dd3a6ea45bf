// FNV-1a, a small non-cryptographic hash of bytes: stable across builds
// and machines (what is stored in a database or decides where an article
// goes must not change with the compiler).  Pure.
#pragma once

#include <cstdint>
#include <string_view>

namespace archivar {

class Fnv1a {
 public:
  // Adds `bytes` to the hash; pieces added in turn hash as their concatenation.
  void Mix(std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash_ ^= c;
      hash_ *= 1099511628211ull;
    }
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ull;
};

}  // namespace archivar
