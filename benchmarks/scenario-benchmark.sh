#!/bin/sh
# Prints scenario throughput (issue 16): 1,000 scenarios of the example line and 100 scenarios of a 10,000-machine
# line, each setting 3 parameters, evaluated deterministically and streamed (reports aside), with the heap after each.
# Targets: <= 2 s and <= 30 s, memory flat in the number of scenarios. Not part of `./mvnw verify`.
# Needs the product built (./mvnw -B install -DskipTests); the bundles' target/classes come first, so a narrow
# rebuild of a bundle is measured without rebuilding the product.
# Usage: benchmarks/scenario-benchmark.sh [examples-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
ZC_ROOT=$root
. "$root/bin/product.sh"
classes="$root/benchmarks/org.zerocarbon.lang.benchmark/target/classes"
[ -d "$classes" ] || { echo "benchmark not compiled: ./mvnw -B install -DskipTests" >&2; exit 2; }
zc_find_launcher || { echo "the product is not built: ./mvnw -B install -DskipTests" >&2; exit 2; }
cp="$classes"
for bundle in org.zerocarbon.units org.zerocarbon.model org.zerocarbon.parameters org.zerocarbon.lang org.zerocarbon.core \
    org.zerocarbon.scenarios org.zerocarbon.telemetry; do
  [ -d "$root/bundles/$bundle/target/classes" ] && cp="$cp:$root/bundles/$bundle/target/classes"
done
for jar in "$ZC_PRODUCT"/plugins/*.jar; do cp="$cp:$jar"; done
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" org.zerocarbon.lang.benchmark.ScenarioBenchmark "${1:-$root/examples}"
