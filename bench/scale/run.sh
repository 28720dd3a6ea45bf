#!/usr/bin/env bash
# Scale benchmark: Archivar against the textbook Xapian recipe at growing
# collection sizes (bench/README.md, "Scale").
#
#   bench/scale/run.sh SIZES...        e.g. bench/scale/run.sh 10000 100000 1000000
#   bench/scale/run.sh [scale.py options] SIZES...   (--passes N, --startup-runs N, --keep, ...)
#
# Generates each collection from the shared corpora (cached in
# BENCH_DATA_DIR), indexes it with both engines, measures time, memory,
# database sizes, search latency and start-up, prints one Markdown table per
# size, appends the rows to bench/scale/results/results.tsv and redraws
# bench/scale/results/growth.png (if gnuplot is installed). Skips, with a
# message, when ../shared/corpora is absent.
#
# Uses the Archivar programs in ARCHIVAR_BUILD_DIR (default: builds the
# current source into build-bench/archivar/, never into build/), builds the
# baseline into BENCH_BUILD_DIR (default build-bench/). The programs are
# copied to a temporary folder first, so a build finishing meanwhile cannot
# change them during the run.
#
# Environment: ARCHIVAR_BUILD_DIR, BENCH_BUILD_DIR, BENCH_DATA_DIR (default
# /tmp/archivar-bench-data: collections and, during the run, databases),
# JOBS (parallel build jobs, default 2).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
corpora=$(cd "$repo/.." && pwd)/shared/corpora
bench_build=${BENCH_BUILD_DIR:-$repo/build-bench}
archivar_build=${ARCHIVAR_BUILD_DIR:-$bench_build/archivar}
export BENCH_DATA_DIR=${BENCH_DATA_DIR:-/tmp/archivar-bench-data}
jobs=${JOBS:-2}

if [[ ! -d $corpora ]]; then
  echo "scale benchmark skipped: no shared corpora at $corpora"
  exit 0
fi
if [[ $# -eq 0 ]]; then
  echo "usage: bench/scale/run.sh [options] SIZES...   (e.g. 10000 100000 1000000)" >&2
  exit 2
fi

# quietly LABEL COMMAND...: a build step that shows its output only if it fails.
source "$repo/bench/lib.sh"

if [[ -n ${ARCHIVAR_BUILD_DIR:-} ]]; then
  if [[ ! -x $archivar_build/indexer/archivar-index || ! -x $archivar_build/searcher/archivar-search ]]; then
    echo "scale benchmark: no archivar-index/archivar-search in $archivar_build" >&2
    exit 1
  fi
else
  echo "building Archivar in $archivar_build" >&2
  quietly "scale benchmark" cmake -S "$repo" -B "$archivar_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DARCHIVAR_BUILD_TESTS=OFF
  quietly "scale benchmark" cmake --build "$archivar_build" -j"$jobs" --target archivar-index archivar-search
fi
echo "building the Xapian baseline in $bench_build" >&2
quietly "scale benchmark" cmake -S "$repo/bench" -B "$bench_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
quietly "scale benchmark" cmake --build "$bench_build" -j"$jobs" --target xapian-baseline

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
cp "$archivar_build/indexer/archivar-index" "$archivar_build/searcher/archivar-search" \
  "$bench_build/baseline/xapian-baseline" "$bin/"
for program in "$archivar_build/indexer/archivar-index" "$archivar_build/searcher/archivar-search" \
  "$bench_build/baseline/xapian-baseline"; do
  echo "using $program (built $(date -r "$program" '+%F %T'))" >&2
done

export PYTHONDONTWRITEBYTECODE=1
python3 "$repo/bench/scale/scale.py" --bin-dir "$bin" --baseline "$bin/xapian-baseline" "$@"
