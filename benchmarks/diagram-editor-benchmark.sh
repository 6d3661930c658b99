#!/bin/sh
# Prints what the diagram editor spends on generated lines of 100, 1,000 and 5,000 machines (or the sizes given):
# build + ELK layout, and painting with the SWT GC painter onto an off-screen window-sized image, plus the time
# for "add one machine to the 100-machine line, re-layout and repaint".
#   benchmarks/diagram-editor-benchmark.sh [machines...]
# Runs on the plain class path of the product's plugin jars under Xvfb (xvfb-run). Needs a build first:
# ./mvnw -B install -DskipTests
set -eu
. "$(dirname "$0")/diagram-common.sh"
classes="$root/bundles/org.zerocarbon.diagram.ui/target/classes"
ui_jar=$(find "$ZC_PRODUCT/plugins" -maxdepth 1 -name 'org.zerocarbon.diagram.ui_*.jar' | sort | tail -n 1)
if [ -d "$classes" ]; then
  # The GC painter as last built (the product may predate it).
  ui_cp="$classes"
elif [ -n "$ui_jar" ]; then
  ui_cp="$ui_jar"
else
  echo "the diagram editor bundle is not built: ./mvnw -B install -DskipTests" >&2
  exit 2
fi
model="$root/bundles/org.zerocarbon.model/target/classes"
if [ -d "$model" ]; then
  # The diagram classes may be newer than the product's model jar: use the model they were built against.
  ui_cp="$ui_cp:$model"
fi
tools="${TMPDIR:-/tmp}/zc-diagram-editor-tools"
mkdir -p "$tools"
"$JAVA_HOME/bin/javac" -nowarn -d "$tools" -cp "$ui_cp:$DIAGRAM_CP" "$root"/benchmarks/diagram-editor-tools/*.java
cp="$tools:$ui_cp:$DIAGRAM_CP"
if [ -n "${DISPLAY:-}" ]; then
  exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" DiagramEditorBenchmark "$@"
fi
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" DiagramEditorBenchmark "$@"
