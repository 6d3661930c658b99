# shellcheck shell=sh
# Sourced by diagram-export.sh and diagram-benchmark.sh: compiles the tool sources in benchmarks/diagram-tools
# against the product's plugin jars (plain class path, no OSGi) and sets $DIAGRAM_CP.
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
ZC_ROOT=$root
. "$root/bin/product.sh"
zc_require_product
cp=""
for jar in "$ZC_PRODUCT"/plugins/*.jar; do cp="$cp:$jar"; done
classes="$root/bundles/org.zerocarbon.diagram/target/classes"
product_jar=$(find "$ZC_PRODUCT/plugins" -maxdepth 1 -name 'org.zerocarbon.diagram_*.jar' | sort | tail -n 1)
if [ -n "$product_jar" ] && [ -d "$classes" ] && [ -n "$(find "$classes" -name '*.class' -newer "$product_jar" | head -n 1)" ]; then
  # The bundle was rebuilt after the product: measure what was just built, not the older jar.
  echo "note: using $classes (newer than $(basename "$product_jar"))" >&2
  cp="$classes$cp"
elif [ -z "$product_jar" ]; then
  # A product built before the diagram bundle joined the runtime feature: use the bundle's own build output
  # and ELK from the local Maven repository (./mvnw -B install -pl ...,bundles/org.zerocarbon.diagram).
  [ -d "$classes" ] || { echo "the diagram bundle is not built: ./mvnw -B install -DskipTests" >&2; exit 2; }
  cp="$classes$cp"
  for a in core graph alg.layered alg.common; do
    jar=$(find "$HOME/.m2/repository/org/eclipse/elk/org.eclipse.elk.$a/0.12.1" -name '*.jar' 2>/dev/null | head -n 1)
    [ -n "$jar" ] && cp="$cp:$jar"
  done
fi
out_classes="${TMPDIR:-/tmp}/zc-diagram-tools"
mkdir -p "$out_classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$out_classes" -cp "${cp#:}" "$root"/benchmarks/diagram-tools/*.java
DIAGRAM_CP="$out_classes:${cp#:}"
