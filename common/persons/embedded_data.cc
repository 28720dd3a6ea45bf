// Embeds the data files with the assembler's .incbin, the way
// dictionary/embedded_dictionary.cc embeds the compiled dictionary.  The
// build passes the folder as ARCHIVAR_PERSONS_DATA_DIR and lists the files
// as this source's OBJECT_DEPENDS, so editing a file rebuilds this object.
#include "persons/embedded_data.h"

#ifndef ARCHIVAR_PERSONS_DATA_DIR
#error "ARCHIVAR_PERSONS_DATA_DIR must name common/persons/data"
#endif

#define ARCHIVAR_EMBED_FILE(symbol, file)                                  \
  __asm__(".section .rodata\n"                                             \
          ".global " #symbol "_begin\n" #symbol "_begin:\n"                \
          ".incbin \"" ARCHIVAR_PERSONS_DATA_DIR "/" file "\"\n"           \
          ".global " #symbol "_end\n" #symbol "_end:\n"                    \
          ".byte 0\n"                                                      \
          ".previous\n");                                                  \
  extern "C" const char symbol##_begin[];                                  \
  extern "C" const char symbol##_end[];

ARCHIVAR_EMBED_FILE(archivar_persons_first_names, "first_names.txt")
ARCHIVAR_EMBED_FILE(archivar_persons_surnames, "surnames.txt")
ARCHIVAR_EMBED_FILE(archivar_persons_titles, "person_titles.txt")
ARCHIVAR_EMBED_FILE(archivar_persons_context, "context_words.txt")
ARCHIVAR_EMBED_FILE(archivar_persons_places, "places.txt")
ARCHIVAR_EMBED_FILE(archivar_persons_organisations, "organisations.txt")
ARCHIVAR_EMBED_FILE(archivar_persons_aliases, "aliases.tsv")

namespace archivar::persons::data {
namespace {

std::string_view View(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

}  // namespace

std::string_view FirstNames() {
  return View(archivar_persons_first_names_begin, archivar_persons_first_names_end);
}
std::string_view Surnames() {
  return View(archivar_persons_surnames_begin, archivar_persons_surnames_end);
}
std::string_view PersonTitles() {
  return View(archivar_persons_titles_begin, archivar_persons_titles_end);
}
std::string_view ContextWords() {
  return View(archivar_persons_context_begin, archivar_persons_context_end);
}
std::string_view Places() {
  return View(archivar_persons_places_begin, archivar_persons_places_end);
}
std::string_view Organisations() {
  return View(archivar_persons_organisations_begin, archivar_persons_organisations_end);
}
std::string_view Aliases() {
  return View(archivar_persons_aliases_begin, archivar_persons_aliases_end);
}

}  // namespace archivar::persons::data
