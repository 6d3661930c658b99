#!/bin/sh
# Fuzzes the parser, the validator and the engine for an hour (issue 17): the fuzz test of
# tests/org.zerocarbon.fuzz.tests (Jazzer, seeded with examples/**/*.zc) with 3600 s instead of the build's 90 s,
# going on after a finding to collect up to 20 distinct crashes. Prints the number of inputs tried and each crash:
# its exception and stack, and the input as Base64 and as escaped text (the inputs stay in
# tests/org.zerocarbon.fuzz.tests/target/fuzz/model/crashes, with a Java reproducer each). Exits 1 on a crash.
# Not part of ./mvnw verify. Needs the modules installed once: ./mvnw -B install -DskipTests
# Usage: benchmarks/fuzz.sh [seconds] [Maven options, e.g. -o]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-3600}
[ $# -gt 0 ] && shift
module=$root/tests/org.zerocarbon.fuzz.tests
mkdir -p "$module/target"
log=$module/target/fuzz.sh.log
echo "Fuzzing for $seconds s (the driver's output: $module/target/fuzz/model/jazzer.log; Maven's: $log)"
cd "$root"
status=0
./mvnw -B -ntp "$@" verify -pl tests/org.zerocarbon.fuzz.tests -Dtest='ModelFuzzTest#noInputCrashesTheParserValidatorOrEngine' \
  -Dzc.fuzz.seconds="$seconds" -Dzc.fuzz.keepGoing=20 >"$log" 2>&1 || status=$?
summary=$(grep -m 1 '^Fuzz test:' "$log" || true)
if [ -z "$summary" ]; then
  echo "the fuzz test did not run (exit $status); the end of $log:" >&2
  tail -n 40 "$log" >&2
  exit 2
fi
echo "$summary"
report=$module/target/surefire-reports/org.zerocarbon.fuzz.tests.ModelFuzzTest.txt
if [ "$status" -ne 0 ]; then
  # the test's failure message: every exception with its stack, then every crashing input
  [ -f "$report" ] && sed -n '/<<< FAILURE\|<<< ERROR/,$p' "$report"
  exit 1
fi
echo "no crash"
