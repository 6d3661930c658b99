#!/usr/bin/env bash
# The interoperability benchmark of issue 15: an ILCD package of 500 ILCD+EPD datasets, generated from the
# EN 15804+A2 example with new UUIDs, imported into a new .zc library (limit 10 s), and the peak heap while
# reading 50 and 500 datasets (flat: within 32 MiB). Runs InteropBenchmarkTest of tests/org.zerocarbon.interop.tests
# (offline; build the interop bundle first) and prints its figures.
#
#   benchmarks/interop-benchmark.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -o -q install -pl bundles/org.zerocarbon.interop -DskipTests
./mvnw -B -o verify -pl tests/org.zerocarbon.interop.tests -Dtest=InteropBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dinterop.benchmarkLimit=10 \
  | tee target/interop-benchmark.log | grep -E "BENCHMARK|Tests run:|BUILD" || true
grep -h "BENCHMARK" tests/org.zerocarbon.interop.tests/target/surefire-reports/*.txt 2>/dev/null || true
grep -q "BUILD SUCCESS" target/interop-benchmark.log
