#!/bin/sh
# Prints ELK layout + SVG paint time of generated lines of 100, 1,000 and 5,000 machines (or the sizes given):
#   benchmarks/diagram-benchmark.sh [machines...]
# Runs on the plain class path of the product's plugin jars. Needs a build first: ./mvnw -B install -DskipTests
set -eu
. "$(dirname "$0")/diagram-common.sh"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$DIAGRAM_CP" DiagramBenchmark "$@"
