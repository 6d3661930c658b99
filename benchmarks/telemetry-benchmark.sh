#!/bin/sh
# Issue 13's telemetry benchmark: one machine-year at 1 s (31.5 million samples) as CSV and as MTConnect Streams XML,
# generated into a temp directory (about 0.9 GB and 3 GB; deleted afterwards), each read and aggregated on one
# thread. Prints wall and CPU time (the thread's: fair when other processes share the core), samples/s and peak
# heap. Targets: CSV <= 5 s, XML <= 15 s, one core, -Xmx256m.
# Runs on the plain class path from the bundles' target/classes after a narrow build:
#   ./mvnw -B -o install -pl bundles/org.zerocarbon.telemetry -DskipTests
#   ./mvnw -B -o verify -pl tests/org.zerocarbon.telemetry.tests -DskipTests
# and the jars of the local Maven repository (ZC_M2, default ~/.m2/repository). One core: taskset -c 0 when there,
# and the JVM is told it has one processor. An optional argument sets the number of samples.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
bundle="$root/bundles/org.zerocarbon.telemetry/target/classes"
tests="$root/tests/org.zerocarbon.telemetry.tests/target/classes"
for dir in "$bundle" "$tests"; do
  [ -d "$dir" ] || { echo "not compiled: $dir (see the comment at the top of $0)" >&2; exit 2; }
done
m2=${ZC_M2:-$HOME/.m2/repository}
cp="$tests:$bundle"
for artifact in org/eclipse/platform/org.eclipse.equinox.common org/eclipse/platform/org.eclipse.osgi \
    org/apache/commons/commons-csv commons-io/commons-io commons-codec/commons-codec com/google/code/gson/gson; do
  jar=$(find "$m2/$artifact" -name '*.jar' ! -name '*-sources.jar' 2>/dev/null | sort -V | tail -n 1)
  [ -n "$jar" ] || { echo "missing in $m2: $artifact" >&2; exit 2; }
  cp="$cp:$jar"
done
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi
exec $pin "$JAVA_HOME/bin/java" -Xmx256m -XX:ActiveProcessorCount=1 -cp "$cp" org.zerocarbon.telemetry.tests.TelemetryBenchmark "$@"
