#!/usr/bin/env bash
# Relevance benchmark: Archivar against a plain Xapian baseline (bench/README.md).
#
#   bench/relevance/run.sh [evaluate.py options, e.g. --per-query or --sets news]
#
# Uses the Archivar programs in build/ (or ARCHIVAR_BUILD_DIR). If they are
# not there, it builds the current source into build-bench/archivar/ -- never
# into build/, where someone else may be building at the same moment. Builds
# the baseline into build-bench/, then indexes and searches in temporary
# folders and prints the tables. Skips, with a message, when
# ../shared/corpora is absent.
#
# Environment: ARCHIVAR_BUILD_DIR (default build/), BENCH_BUILD_DIR
# (default build-bench/), JOBS (parallel build jobs, default 2).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
corpora=$(cd "$repo/.." && pwd)/shared/corpora
archivar_build=${ARCHIVAR_BUILD_DIR:-$repo/build}
bench_build=${BENCH_BUILD_DIR:-$repo/build-bench}
jobs=${JOBS:-2}

if [[ ! -d $corpora ]]; then
  echo "relevance benchmark skipped: no shared corpora at $corpora"
  exit 0
fi

# quietly LABEL COMMAND...: a build step that shows its output only if it fails.
source "$repo/bench/lib.sh"

has_archivar() {
  [[ -x $1/indexer/archivar-index && -x $1/searcher/archivar-search ]]
}

if ! has_archivar "$archivar_build"; then
  if [[ -n ${ARCHIVAR_BUILD_DIR:-} ]]; then
    echo "relevance benchmark: no archivar-index/archivar-search in $archivar_build" >&2
    exit 1
  fi
  archivar_build=$bench_build/archivar
  echo "no Archivar programs in $repo/build; building them in $archivar_build" >&2
  quietly "relevance benchmark" cmake -S "$repo" -B "$archivar_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DARCHIVAR_BUILD_TESTS=OFF
  quietly "relevance benchmark" cmake --build "$archivar_build" -j"$jobs" --target archivar-index archivar-search
fi
echo "building the Xapian baseline in $bench_build" >&2
quietly "relevance benchmark" cmake -S "$repo/bench" -B "$bench_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
quietly "relevance benchmark" cmake --build "$bench_build" -j"$jobs"

export PYTHONDONTWRITEBYTECODE=1  # keep the source tree free of __pycache__
exec python3 "$repo/bench/relevance/evaluate.py" \
  --corpora "$corpora" \
  --archivar-build "$archivar_build" \
  --baseline "$bench_build/baseline/xapian-baseline" \
  "$@"
