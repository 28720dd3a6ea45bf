#!/usr/bin/env bash
# Builds Archivar's libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) in build-fuzz/ and runs the targets one
# after the other, each as a single process for the given time.  The
# growing corpus is kept in build-fuzz/corpus/<target> (seeded from
# tests/fuzz/corpus), crash inputs in build-fuzz/artifacts/<target>/.  Exits
# non-zero when a target found something.
#
#   Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#          (default 300 seconds; targets article_parsers, query, analyzer)
#
# Needs Debian's clang and libclang-rt-14-dev (the libFuzzer runtime).
# A crash input becomes a regression test by copying it into
# tests/fuzz/regressions/<target>/ under a name that says what it guards.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(article_parsers query analyzer)
build_dir=build-fuzz

# The dictionary compiler runs during the build, instrumented: no leak
# reports there.
ASAN_OPTIONS=detect_leaks=0 cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DARCHIVAR_FUZZ=ON -DARCHIVAR_BUILD_TESTS=OFF >/dev/null
ASAN_OPTIONS=detect_leaks=0 cmake --build "$build_dir" -j2 \
  --target "${targets[@]/#/archivar_fuzz_}"

export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp
found=0
for target in "${targets[@]}"; do
  corpus="$build_dir/corpus/$target"
  artifacts="$build_dir/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  cp -n tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192
           -print_final_stats=1 -artifact_prefix="$artifacts")
  [ -f "tests/fuzz/$target.dict" ] && options+=(-dict="tests/fuzz/$target.dict")
  # More libFuzzer flags, which override the ones above: for example
  # ARCHIVAR_FUZZ_FLAGS="-fork=1 -ignore_timeouts=1 -timeout=3" goes on past
  # slow inputs while a known one is being fixed.
  read -r -a extra <<<"${ARCHIVAR_FUZZ_FLAGS:-}"
  options+=("${extra[@]}")
  echo "== $target: ${seconds}s"
  log="$build_dir/$target.log"
  touch "$log.start"
  if ! "$build_dir/tests/fuzz/archivar_fuzz_$target" "${options[@]}" "$corpus" >"$log" 2>&1; then
    found=1
  fi
  # Executions: the final stats (a single process) or the last status line
  # (-fork mode, which counts the timeouts, crashes and OOMs it ignored).
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" || true
  grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true
  grep -E 'ERROR: |SUMMARY: ' "$log" | sort | uniq -c || true
  findings=$(find "$artifacts" -type f -newer "$log.start" | wc -l)
  echo "   $findings new input(s) in $artifacts"
  [ "$findings" -eq 0 ] || found=1
done
exit $found
