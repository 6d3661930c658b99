#!/bin/sh
# Renders the diagrams of the housing-cell example to docs/screenshots/diagram-*.png with headless Chromium.
#   benchmarks/diagram-screenshots.sh            (needs chromium on the PATH and a build, see diagram-export.sh)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/benchmarks/diagram-export.sh" "$root/examples/housing-cell/model" "$work" >/dev/null
shot() { # svg png
  size=$(sed -n 's/^<svg[^>]* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p' "$1")
  # The page is exactly the drawing: no margins, white background, so the PNG is the SVG at 100 %.
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}</style></head><body>%s</body></html>' \
    "$(tail -n +2 "$1")" > "$1.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$2" --window-size="$size" "file://$1.html" >/dev/null 2>&1
  echo "$2"
}
mkdir -p "$root/docs/screenshots"
shot "$work/line-Cell.svg" "$root/docs/screenshots/diagram-line.png"
shot "$work/energyloop-AirLoop.svg" "$root/docs/screenshots/diagram-loop.png"
shot "$work/park-Riverside.svg" "$root/docs/screenshots/diagram-park.png"
