#!/usr/bin/env bash
# Builds the libFuzzer targets (Benchmarks/Fuzz) and runs one or all of them.
#
#   scripts/fuzz.sh [TARGET|all|list] [SECONDS] [extra libFuzzer flags...]
#
#   scripts/fuzz.sh all 15                     # CI smoke: every target 15 s
#   scripts/fuzz.sh csv 600                    # one target for ten minutes
#   FUZZ_RUNS=1000000 scripts/fuzz.sh all 0    # a fixed number of inputs per target
#   FUZZ_KEEP_GOING=1 scripts/fuzz.sh xlsx 600 # long runs: fork mode, go on after a crash
#   KIENNGHI_FUZZ_SKIP_KNOWN=1 ...             # XLSX/DOCX: steer around the known XMLParser
#                                              # crash (invalid UTF-8 in names) to find others
#
# Seeds come from Benchmarks/Fuzz/corpus/<target>/ (read only); the growing corpus,
# logs and crash reproducers go to $FUZZ_WORK (default: /tmp/kiennghi-fuzz), never
# into the repository. Exit status: 0 when no target crashed, 1 otherwise, 2 on bad use.
# Reproduce a crash: KIENNGHI_FUZZ_TARGET=csv .build/fuzz/release/kiennghi-fuzz CRASH_FILE
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS="utf16 windows1258 tcvn3 vni viscii vps detect cut csv txt jsonl xlsx docx analyze lexicon"
which=${1:-all}
seconds=${2:-15}
shift $(( $# > 2 ? 2 : $# ))
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/kiennghi-fuzz}
binary=.build/fuzz/release/kiennghi-fuzz

case "$which" in
  list) echo "$TARGETS" | tr ' ' '\n'; exit 0 ;;
  all) selected=$TARGETS ;;
  *) if [[ " $TARGETS " == *" $which "* ]]; then selected=$which
     else echo "unknown target '$which'; one of: all $TARGETS" >&2; exit 2; fi ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number, not '$seconds'" >&2; exit 2; }

# Longest input per target: large enough for a few rows or XML parts, small enough to stay fast.
max_len() {
  case "$1" in
    xlsx|docx|lexicon) echo 16384 ;;
    csv|jsonl) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

# One build: the fuzz executable is declared only under KIENNGHI_FUZZ, in its own
# scratch folder so the everyday .build is not rebuilt with sanitizers.
if [[ -z "${FUZZ_SKIP_BUILD:-}" ]]; then
  KIENNGHI_FUZZ=1 swift build -c release --scratch-path .build/fuzz --product kiennghi-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -gline-tables-only 2>&1 \
    | grep -v "Cannot export local symbol" >&2
fi

status=0
slow_seconds=10 # libFuzzer's -report_slow_units default
printf '%-12s %12s %8s %s\n' target executions seconds result
for target in $selected; do
  mkdir -p "$work/corpus/$target" "$work/crashes/$target" "$work/logs"
  log="$work/logs/$target.log"
  limits=(-max_len="$(max_len "$target")" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=30
          -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$work/crashes/$target/")
  if [[ -n "${FUZZ_RUNS:-}" ]]; then limits+=(-runs="$FUZZ_RUNS"); fi
  if [[ -n "${FUZZ_KEEP_GOING:-}" ]]; then limits+=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1); fi
  if (( seconds > 0 )); then limits+=(-max_total_time="$seconds"); fi
  dictionary=Benchmarks/Fuzz/dictionaries/$target.dict
  if [[ -f "$dictionary" ]]; then limits+=(-dict="$dictionary"); fi
  started=$(date +%s)
  touch "$work/logs/$target.started"
  # SWIFT_BACKTRACE off: Swift's own crash reporter would race ASan for the signal.
  if KIENNGHI_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no \
      "$binary" "${limits[@]}" "$@" "$work/corpus/$target" "Benchmarks/Fuzz/corpus/$target" >"$log" 2>&1; then
    result=ok
  else
    result="CRASH (see $log; reproducer in $work/crashes/$target/)"
    status=1
  fi
  # Executions: the last "#N" status line (plain and fork mode alike).
  executions=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  # A slow unit (libFuzzer: one input above 10 s) is run again alone: on a loaded
  # machine a stall can outlast one input. Slow again, it fails like a crash; fast
  # on its own, it moves to slow-not-reproduced/ and the run says so.
  unreproduced=0
  while IFS= read -r slow; do
    begun=$(date +%s%N)
    if KIENNGHI_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no \
        "$binary" -timeout="$slow_seconds" "$slow" >>"$log" 2>&1 \
        && (( ($(date +%s%N) - begun) / 1000000000 < slow_seconds )); then
      mkdir -p "$work/slow-not-reproduced/$target"
      mv "$slow" "$work/slow-not-reproduced/$target/"
      unreproduced=$(( unreproduced + 1 ))
    fi
  done < <(find "$work/crashes/$target" -type f -name 'slow-unit-*' -newer "$work/logs/$target.started")
  crashes=$(find "$work/crashes/$target" -type f -newer "$work/logs/$target.started" | wc -l)
  if (( crashes > 0 )) && [[ $result == ok ]]; then result="CRASH ($crashes new reproducers in $work/crashes/$target/)"; status=1; fi
  if (( unreproduced > 0 )) && [[ $result == ok ]]; then
    result="ok ($unreproduced slow unit(s) ran fast alone; see $work/slow-not-reproduced/$target/)"
  fi
  printf '%-12s %12s %8s %s\n' "$target" "${executions:-?}" "$(( $(date +%s) - started ))" "$result"
done
exit $status
