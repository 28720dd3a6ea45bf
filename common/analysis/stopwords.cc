#include "analysis/stopwords.h"

#include <string>
#include <unordered_set>

namespace archivar::analysis {
namespace {

// Articles, pronouns, auxiliaries, conjunctions and prepositions, in folded
// form ("ß" is written "ss", as FoldWord makes it).  Written for Archivar
// after the usual German lists (Snowball's among them).
const char* const kGermanStopwords[] = {
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am",
    "an", "ander", "andere", "anderem", "anderen", "anderer", "anderes",
    "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da", "damit",
    "dann", "das", "dass", "dasselbe", "dazu", "dein", "deine", "deinem",
    "deinen", "deiner", "dem", "den", "denn", "der", "derselbe", "des",
    "desselben", "dich", "die", "dies", "diese", "dieselbe", "diesem",
    "diesen", "dieser", "dieses", "dir", "doch", "dort", "du", "durch", "ein",
    "eine", "einem", "einen", "einer", "eines", "einige", "einigem",
    "einigen", "einiger", "einiges", "er", "es", "etwas", "euch", "euer",
    "eure", "eurem", "euren", "eurer", "eures", "fur", "für", "gegen",
    "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier",
    "hin", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren",
    "ihrer", "ihres", "im", "in", "indem", "ins", "ist", "jede", "jedem",
    "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener", "jenes",
    "kann", "kein", "keine", "keinem", "keinen", "keiner", "keines", "man",
    "mein", "meine", "meinem", "meinen", "meiner", "meines", "mich", "mir",
    "mit", "muss", "musste", "nach", "nicht", "nichts", "noch", "nun", "nur",
    "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen",
    "seiner", "seines", "sich", "sie", "sind", "so", "solche", "solchem",
    "solchen", "solcher", "solches", "soll", "sollte", "sondern", "sonst",
    "über", "um", "und", "uns", "unser", "unsere", "unserem", "unseren",
    "unserer", "unseres", "unter", "vom", "von", "vor", "wahrend", "während",
    "war", "waren", "warst", "was", "weil", "welche", "welchem", "welchen",
    "welcher", "welches", "wenn", "werde", "werden", "wie", "wieder", "wir",
    "wird", "wirst", "wo", "wurde", "wurden", "würde", "würden", "zu", "zum",
    "zur", "zwar", "zwischen",
};

}  // namespace

bool IsGermanStopword(std::string_view folded_word) {
  static const std::unordered_set<std::string_view> kSet(
      std::begin(kGermanStopwords), std::end(kGermanStopwords));
  return kSet.count(folded_word) != 0;
}

}  // namespace archivar::analysis
