#!/bin/sh
# Writes the SVG of every line, energy loop and park in a model directory.
#   benchmarks/diagram-export.sh examples/housing-cell/model /tmp/diagrams
# Needs a build first: ./mvnw -B install -DskipTests
set -eu
. "$(dirname "$0")/diagram-common.sh"
exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "$DIAGRAM_CP" DiagramExport "$@"
