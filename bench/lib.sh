# Shell helpers shared by the benchmark scripts (sourced, not run).

# quietly LABEL COMMAND...: runs a build step and shows its output only if
# it fails, then stops the benchmark with "LABEL: build step failed".
quietly() {
  local label=$1 log
  shift
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "$label: build step failed: $*" >&2
    exit 1
  fi
  rm -f "$log"
}
