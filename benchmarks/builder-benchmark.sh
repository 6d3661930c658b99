#!/bin/sh
# Prints the save -> problem markers + footprint reports latency of the workspace builder, for the example line
# and for a generated 50-machine line (median of 20 saves; target: <= 150 ms median for the 50-machine line).
# Needs the workspace bundle installed in the local Maven repository first (./mvnw -B install -DskipTests, or
# ./mvnw -B install -DskipTests -pl bundles/org.zerocarbon.workspace -am). Not part of ./mvnw verify.
# Usage: benchmarks/builder-benchmark.sh [extra Maven options, e.g. -o]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log="$root/benchmarks/builder/target/benchmark-build.log"
mkdir -p "$(dirname "$log")"
if ! ./mvnw -B "$@" verify -f benchmarks/builder/pom.xml >"$log" 2>&1; then
  echo "The benchmark run failed; see $log" >&2
  tail -40 "$log" >&2
  exit 1
fi
cat "$root/benchmarks/builder/target/builder-benchmark.txt"
