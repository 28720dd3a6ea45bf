// Query text preparation before Xapian's QueryParser reads it.  Thread-safe
// apart from the Analyzer argument.
#pragma once

#include "analysis/analyzer.h"

#include <functional>
#include <string>
#include <string_view>

namespace archivar::search {

// Makes typed text read like plain text: NFC; typographic double quotes
// („“”«») become '"' (so they make phrases), typographic apostrophes
// become "'", non-breaking and other Unicode spaces become ' ', and soft
// hyphens and zero-width characters are removed (as in indexed text).
// Control characters (C0, DEL, C1) become spaces; invalid UTF-8 bytes are
// dropped.
std::string NormalizeQueryText(std::string_view text);

// Says whether a query word is known German (in the dictionary or in the
// archive), so that only such words are searched as their parts too.
using KnownWord = std::function<bool(std::string_view word)>;

// The query field through which a compound word reaches the QueryBuilder's
// compound FieldProcessor; not meant to be typed.
inline constexpr std::string_view kCompoundField = "archivarcompound";

// Lets a compound query word also find its parts used separately: each
// plain word outside phrases and fields that splits into a compound and is
// known German becomes "archivarcompound:word", which the QueryBuilder
// turns into "word OR (modifier AND head)" with the parts weighted down —
// so "Wahlbeteiligung" finds "die Beteiligung an der Wahl", ranked below
// articles with the compound.  An unknown word is left whole unless its
// parts are joined by a German linking element ("Wirts|vogel"), so a query
// in another language ("Landmark", "Iceland") does not hit German text
// through accidental parts.  Required words (+word) are marked too; excluded words
// (-word, NOT word), operators and words beside NEAR/ADJ are left alone.
//
// `unknown_modifier`, when given, says whether a word that does not split
// (and that the dictionary does not know) may be the first part of
// compounds in the archive; such words are marked too ("Sprinkler", for
// "Sprinkleranlage": see QueryBuilder).
std::string MarkCompoundWords(const std::string& text, analysis::Analyzer& analyzer,
                              const KnownWord& known,
                              const KnownWord& unknown_modifier = nullptr);

// Drops stop words from explicit AND chains ("Auto AND aus AND dem AND
// Fenster" -> "Auto AND Fenster"): the QueryParser drops stop words only
// from implicit combinations, and a required "dem" would make nearly any
// query fail.  Phrases are left alone, and so is a query of stop words
// only.
std::string DropStopwordOperands(const std::string& text);

}  // namespace archivar::search
