#!/bin/sh
# Prints the engine's solve and Monte Carlo figures. Needs a build first: ./mvnw -B install -DskipTests
# Runs on the plain class path (the engine has no OSGi dependency) from the product's plugin jars.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
ZC_ROOT=$root
. "$root/bin/product.sh"
zc_require_product
classes="$root/benchmarks/org.zerocarbon.benchmarks/target/classes"
[ -d "$classes" ] || { echo "benchmarks not compiled: ./mvnw -B install -DskipTests" >&2; exit 2; }
cp="$classes"
for jar in "$ZC_PRODUCT"/plugins/*.jar; do cp="$cp:$jar"; done
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" org.zerocarbon.benchmarks.EngineBenchmark "$@"
