#!/bin/sh
# Prints cold-JVM wall times of the command line on the examples: `zcw validate examples/` and
# `zcw report examples/` (JSON, CSV, HTML with 1,000 Monte Carlo iterations) and with the PDF too, the median of 5 runs each (every run a
# new JVM), after one unmeasured run of each that lets zcw prepare its cache (headless configuration, class-data
# archive). Needs a build first: ./mvnw -B install -DskipTests. Targets: report <= 3 s (issue #4).
# Usage: benchmarks/cli-startup.sh [runs]     Environment: ZCW_VM_ARGS as for ./zcw.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
out=$(mktemp -d "${TMPDIR:-/tmp}/zcw-startup.XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM
cd "$root"

now_ms() { date +%s%3N; }

# one measured run: prints "<wall ms> <cpu ms>" (cpu: user + system of the child, when /usr/bin/time exists)
measure() {
  start=$(now_ms)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$out/cpu" "$@" > "$out/stdout" 2> "$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$out/cpu")
  else
    "$@" > "$out/stdout" 2> "$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    cpu=0
  fi
  end=$(now_ms)
  echo "$((end - start)) $cpu"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bench() {
  label=$1
  shift
  measure "$@" > /dev/null # warm-up: prepares the cache, not counted
  : > "$out/times"
  i=0
  while [ "$i" -lt "$runs" ]; do
    measure "$@" >> "$out/times"
    i=$((i + 1))
  done
  wall=$(cut -d' ' -f1 "$out/times" | median)
  cpu=$(cut -d' ' -f2 "$out/times" | median)
  all=$(cut -d' ' -f1 "$out/times" | tr '\n' ' ')
  printf '%-34s median %5d ms wall, %5d ms cpu  (runs: %s)\n' "$label" "$wall" "$cpu" "$all"
}

echo "zcw cold start on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench "zcw validate examples/" ./zcw validate examples/
bench "zcw report examples/ (json,csv,html)" ./zcw report examples/ --out "$out/reports" --quiet
bench "zcw report examples/ --format all" ./zcw report examples/ --format all --out "$out/reports-all" --quiet
