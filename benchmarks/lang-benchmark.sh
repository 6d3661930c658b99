#!/bin/sh
# Prints parse + validate throughput of the ZeroCarbon language on a generated workspace of about 100,000 lines in
# 200 files (a park with 10,000 machines), and the time to re-validate after a one-file change. Targets: full
# validation <= 10 s within a 2 GB heap; re-validation <= 0.5 s. Not part of `./mvnw verify`.
# Needs the language compiled first: ./mvnw -B install -DskipTests (or -pl the language modules and this one).
# Third-party jars come from the materialized product when it exists, else from the local Maven repository.
# Usage: benchmarks/lang-benchmark.sh [workspace-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
ZC_ROOT=$root
. "$root/bin/product.sh"
classes="$root/benchmarks/org.zerocarbon.lang.benchmark/target/classes"
[ -d "$classes" ] || { echo "benchmark not compiled: ./mvnw -B install -DskipTests" >&2; exit 2; }
# The language bundles as just built come first, so a product built earlier cannot hide a change.
cp="$classes"
for bundle in org.zerocarbon.units org.zerocarbon.model org.zerocarbon.parameters org.zerocarbon.lang; do
  cp="$cp:$root/bundles/$bundle/target/classes"
done
if zc_find_launcher; then
  for jar in "$ZC_PRODUCT"/plugins/*.jar; do cp="$cp:$jar"; done
else
  m2="${MAVEN_REPO:-$HOME/.m2/repository}"
  newest() { find "$m2/$1" -name '*.jar' ! -name '*-sources.jar' 2>/dev/null | sort -V | tail -n 1; }
  for artifact in org/eclipse/xtext/org.eclipse.xtext/2.42.0 org/eclipse/xtext/org.eclipse.xtext.util/2.42.0 \
      org/eclipse/xtext/org.eclipse.xtext.xbase.lib/2.42.0 org/eclipse/emf/org.eclipse.emf.ecore/2.43.0 \
      org/eclipse/emf/org.eclipse.emf.common/2.46.0 org/eclipse/emf/org.eclipse.emf.ecore.xmi/2.41.0 \
      com/google/inject/guice com/google/guava/guava javax/inject/javax.inject jakarta/inject/jakarta.inject-api \
      aopalliance/aopalliance org/antlr/antlr-runtime/3.2 ch/qos/reload4j/reload4j tech/units/indriya/2.2.4 \
      javax/measure/unit-api/2.2 tech/uom/lib/uom-lib-common org/eclipse/platform/org.eclipse.equinox.common; do
    jar=$(newest "$artifact")
    [ -n "$jar" ] || { echo "missing in $m2: $artifact (build once with ./mvnw -B install)" >&2; exit 2; }
    cp="$cp:$jar"
  done
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" org.zerocarbon.lang.benchmark.LangBenchmark "$@"
