// The person recognizer's data files (common/persons/data/*.txt, *.tsv),
// embedded in the programs' read-only data at build time, so that nothing
// is read from disk at run time.  See data/README.md for what each file
// holds and where it comes from.
//
// Each function returns the whole file as UTF-8 text; the views point into
// static data and stay valid for the life of the program.  Thread-safe.
#pragma once

#include <string_view>

namespace archivar::persons::data {

std::string_view FirstNames();      // data/first_names.txt
std::string_view Surnames();        // data/surnames.txt
std::string_view PersonTitles();    // data/person_titles.txt
std::string_view ContextWords();    // data/context_words.txt
std::string_view Places();          // data/places.txt
std::string_view Organisations();   // data/organisations.txt
std::string_view Aliases();         // data/aliases.tsv

}  // namespace archivar::persons::data
