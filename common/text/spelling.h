// German spelling forms of a folded word (see text::FoldWord).
//
// Archivar's canonical spelling writes German umlauts the way a foreign
// keyboard does — ä as ae, ö as oe, ü as ue — so "München" and "Muenchen"
// are one word, while "Michael", "aktuell" and "Israel" keep their genuine
// ae/ue (Snowball's german2 variant folds those too and breaks them).
// Other Latin letters lose their marks ("erdoğan" -> "erdogan",
// "wałęsa" -> "walesa", "søren" -> "soren"), as ICU's Latin-ASCII
// transliterator spells them (spelling.cc has the letters it cannot
// decompose).
//
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace archivar::text {

// The canonical spelling of a folded word: umlauts as ae/oe/ue, other
// diacritics removed.  Non-Latin scripts are left as they are.
std::string GermanSpelling(std::string_view folded_word);

// True when the folded word contains ä, ö or ü.
bool HasGermanUmlaut(std::string_view folded_word);

// The likely umlaut form of a word typed with ae/oe/ue ("haeuser" ->
// "häuser"); "ue" after a, e or q stays ("neue", "quelle").
std::string WithUmlauts(std::string_view spelled_word);

}  // namespace archivar::text
