// Embeds the compiled dictionary (made at build time by
// archivar-build-dictionary, path in ARCHIVAR_DICTIONARY_FILE) in the
// program's read-only data, so that loading it costs nothing.
#ifndef ARCHIVAR_DICTIONARY_FILE
#error "ARCHIVAR_DICTIONARY_FILE must name the compiled dictionary"
#endif

__asm__(
    ".section .rodata\n"
    ".balign 16\n"
    ".global archivar_dictionary_begin\n"
    "archivar_dictionary_begin:\n"
    ".incbin \"" ARCHIVAR_DICTIONARY_FILE "\"\n"
    ".global archivar_dictionary_end\n"
    "archivar_dictionary_end:\n"
    ".byte 0\n"
    ".previous\n");
