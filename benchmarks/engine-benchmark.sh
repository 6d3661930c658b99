#!/bin/sh
# Prints the engine's solve, build, accuracy and Monte Carlo figures (issue 12's generator).
# Runs on the plain class path (the engine has no OSGi dependency): from the product's plugin jars after a full
# build (./mvnw -B install -DskipTests), or, without a product, from the bundles' target/classes and the jars of the
# local Maven repository (ZC_M2, default ~/.m2/repository) after a narrow build:
#   ./mvnw -B -o install -pl bundles/org.zerocarbon.model,bundles/org.zerocarbon.units,bundles/org.zerocarbon.core,benchmarks/org.zerocarbon.benchmarks -DskipTests
# Environment: ZC_BENCH_VM replaces the JVM options (default -Xmx4g), e.g. to compare JIT settings.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
ZC_ROOT=$root
. "$root/bin/product.sh"
classes="$root/benchmarks/org.zerocarbon.benchmarks/target/classes"
[ -d "$classes" ] || { echo "benchmarks not compiled: ./mvnw -B install -DskipTests" >&2; exit 2; }
cp="$classes"
if [ -n "${ZC_PRODUCT-}" ] && [ -d "$ZC_PRODUCT/plugins" ] && [ -z "${ZC_CLASSES-}" ]; then
  for jar in "$ZC_PRODUCT"/plugins/*.jar; do cp="$cp:$jar"; done
else
  m2=${ZC_M2:-$HOME/.m2/repository}
  for bundle in org.zerocarbon.core org.zerocarbon.model org.zerocarbon.units org.zerocarbon.parameters org.zerocarbon.telemetry; do cp="$cp:$root/bundles/$bundle/target/classes"; done
  for jar in $(find "$m2/org/ejml" "$m2/net/sourceforge/csparsej" "$m2/org/apache/commons/commons-rng-client-api" \
      "$m2/org/apache/commons/commons-rng-core" "$m2/org/apache/commons/commons-rng-simple" \
      "$m2/org/apache/commons/commons-rng-sampling" "$m2/org/apache/commons/commons-statistics-distribution" \
      "$m2/org/apache/commons/commons-numbers-core" "$m2/org/apache/commons/commons-numbers-gamma" \
      "$m2/org/eclipse/platform/org.eclipse.equinox.common" "$m2/org/eclipse/platform/org.eclipse.osgi" "$m2/org/eclipse/emf/org.eclipse.emf.ecore" \
      "$m2/org/eclipse/emf/org.eclipse.emf.common" "$m2/javax/measure/unit-api" "$m2/tech/units/indriya" "$m2/tech/uom/lib" \
      -name '*.jar' ! -name '*-sources.jar' 2>/dev/null | sort); do cp="$cp:$jar"; done
fi
exec "$JAVA_HOME/bin/java" ${ZC_BENCH_VM:--Xmx4g} -cp "$cp" org.zerocarbon.benchmarks.EngineBenchmark "$@"
