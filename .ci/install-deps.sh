#!/usr/bin/env bash
# Installs the Debian 12 packages Archivar needs to build, test and run.
# Runs apt-get as root, or through sudo; installs only what is missing.
set -euo pipefail

PACKAGES=(
  g++ cmake make pkg-config     # toolchain
  libxapian-dev xapian-tools    # storage and ranking engine (+ xapian-delve, xapian-compact)
  libstemmer-dev                # Snowball German stemmer
  libjemalloc-dev               # the programs' allocator (ARCHIVAR_JEMALLOC)
  libicu-dev                    # Unicode normalisation and case folding
  zlib1g-dev                    # .jsonl.gz input
  nlohmann-json3-dev            # JSON Lines input, --json output
  libcli11-dev                  # command lines
  catch2                        # tests (Catch2 v2)
  clang libclang-rt-14-dev      # sanitizer build (.ci/sanitize) and fuzzers (tests/fuzz/run.sh)
  llvm-14                       # llvm-symbolizer: file:line in sanitizer reports
  wngerman hunspell-de-de       # German word lists, compiled into the dictionary
  python3                       # benchmarks
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: need root to install packages; run as root, or install sudo, or run:" >&2
  echo "  apt-get install ${missing[*]}" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
