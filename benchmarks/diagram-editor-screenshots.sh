#!/bin/sh
# Screenshots of the diagram editor on the housing-cell example (line, energy loop, park), taken in the UI test
# harness under Xvfb: docs/screenshots/diagram-editor-{line,loop,park}.png (or the folder given).
#   benchmarks/diagram-editor-screenshots.sh [out dir]
# Needs the modules installed once: ./mvnw -B install -DskipTests
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"
ZC_SCREENSHOTS="$out" xvfb-run -a -s "-screen 0 1920x1080x24" ./mvnw -B -o -q verify \
  -pl tests/org.zerocarbon.diagram.ui.tests -Dtest=Screenshots
ls "$out"/diagram-editor-*.png
