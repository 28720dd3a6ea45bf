// Small helpers shared by the MentionFinder's source files.  Internal to
// common/persons/.
#pragma once

#include "util/strings.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>

namespace archivar::persons::detail {

constexpr std::size_t kNoWord = std::numeric_limits<std::size_t>::max();

// The length of an apostrophe genitive at the end of a word ("Putin’s").
inline std::size_t ApostropheGenitiveLength(std::string_view word) {
  if (EndsWith(word, "\u2019s")) return 4;
  if (EndsWith(word, "'s")) return 2;
  return 0;
}

inline bool IsOneOf(const std::string& key, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

}  // namespace archivar::persons::detail
