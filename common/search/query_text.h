// Query text preparation before Xapian's QueryParser reads it.  Thread-safe
// apart from the Analyzer argument.
#pragma once

#include "analysis/analyzer.h"

#include <string>
#include <string_view>

namespace archivar::search {

// Makes typed text read like plain text: NFC; typographic double quotes
// („“”«») become '"' (so they make phrases), typographic apostrophes
// become "'", non-breaking and other Unicode spaces become ' ', and soft
// hyphens and zero-width characters are removed (as in indexed text).
// Invalid UTF-8 bytes are dropped.
std::string NormalizeQueryText(std::string_view text);

// Lets a compound query word also find its parts used separately: each
// plain word outside phrases and fields that splits into a compound
// becomes "(word OR (modifier AND head))", so "Wahlbeteiligung" finds
// "die Beteiligung an der Wahl", ranked below articles with the compound.
// Words with +/- or a wildcard, operators and words beside NEAR/ADJ are
// left alone.
std::string ExpandCompoundWords(const std::string& text, analysis::Analyzer& analyzer);

}  // namespace archivar::search
