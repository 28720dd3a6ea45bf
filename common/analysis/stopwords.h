// German stop words: function words that carry no search meaning on their
// own.  They are still indexed (so phrases such as "Stadt der Literatur"
// match exactly) but dropped from free-text queries.  Thread-safe.
#pragma once

#include <string_view>

namespace archivar::analysis {

// True when the folded word (see text::FoldWord) is a German stop word.
bool IsGermanStopword(std::string_view folded_word);

}  // namespace archivar::analysis
