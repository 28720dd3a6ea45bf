# archivar::program_allocator — what the two programs link to replace the
# C library's malloc: jemalloc (libjemalloc-dev) when ARCHIVAR_JEMALLOC is
# on, nothing otherwise.
#
# Why: the indexer's threads allocate and free many small blocks (Xapian's
# inverter, term strings), where glibc's malloc spent 15-19 % of each
# thread's time; with jemalloc a bulk build of 100,000 articles took about
# 58 s instead of 75 s (README.md, "Speed"). The common library and the
# unit tests keep the C library's malloc: only the programs choose their
# allocator.
add_library(archivar_program_allocator INTERFACE)
add_library(archivar::program_allocator ALIAS archivar_program_allocator)
if(ARCHIVAR_JEMALLOC)
  pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
  if(NOT JEMALLOC_FOUND)
    message(FATAL_ERROR "jemalloc not found: install libjemalloc-dev (bash .ci/install-deps.sh), "
                        "or configure with -DARCHIVAR_JEMALLOC=OFF to keep the C library's malloc")
  endif()
  # --no-as-needed: the programs never name a jemalloc symbol themselves;
  # the library must stay linked so that its malloc comes before libc's.
  target_link_libraries(archivar_program_allocator INTERFACE
                        "-Wl,--push-state,--no-as-needed" PkgConfig::JEMALLOC "-Wl,--pop-state")
endif()
