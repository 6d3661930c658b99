#!/bin/sh
# Prints the ZeroCarbon editor's typing latency while it checks a generated 200-machine model: UI-thread time per
# keystroke and the longest UI-thread stall (target: never blocked for more than 50 ms).
# Needs the editor bundle installed in the local Maven repository first (./mvnw -B install, or at least
# ./mvnw -B install -pl bundles/org.zerocarbon.lang.ui -am -DskipTests). Not part of ./mvnw verify.
# Usage: benchmarks/editor/run.sh [extra Maven options, e.g. -o]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1400x900x24" "$@"; fi
}
log="$root/benchmarks/editor/target/benchmark-build.log"
mkdir -p "$(dirname "$log")"
if ! run ./mvnw -B "$@" verify -f benchmarks/editor/pom.xml >"$log" 2>&1; then
  echo "The benchmark run failed; see $log" >&2
  tail -40 "$log" >&2
  exit 1
fi
cat "$root/benchmarks/editor/target/editor-benchmark.txt"
