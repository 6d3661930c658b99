#!/usr/bin/env bash
# Looks at footprint reports the way a person would: renders the HTML in headless Chromium and page 1 (the title
# page) and page 2 of the PDF with pdftoppm, and prints where the PNGs are. Not run by CI.
#
#   benchmarks/report-check.sh              build the report bundles, write the sample reports, render them
#   benchmarks/report-check.sh --no-build   render the sample reports the last build left
#   benchmarks/report-check.sh --examples   run `zcw report examples/ --format all --out target/reports` on the
#                                           built product (./mvnw -B install -DskipTests first) and render its
#                                           reports of the example line
#
# The sample is the six-machine housing cell line of tests/org.zerocarbon.report.tests (Samples.housingCell);
# SampleReportTest writes it to tests/org.zerocarbon.report.tests/target/sample-report.
# Needs: apt-get install -y chromium poppler-utils
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$root/target/report-check}"

case "${1:-}" in
  --examples)
    reports="$root/target/reports"
    base=housing.Cell
    (cd "$root" && ./zcw report examples/ --format all --out target/reports --quiet)
    ;;
  --no-build)
    reports="$root/tests/org.zerocarbon.report.tests/target/sample-report"
    base=housing-cell
    ;;
  *)
    reports="$root/tests/org.zerocarbon.report.tests/target/sample-report"
    base=housing-cell
    (cd "$root" && ./mvnw -B -q install -pl bundles/org.zerocarbon.report,tests/org.zerocarbon.report.tests -am)
    ;;
esac
for f in "$base.html" "$base.pdf" "$base.json" "$base-modules.csv" "$base-contributions.csv"; do
  [[ -s "$reports/$f" ]] || { echo "missing $reports/$f" >&2; exit 2; }
done
command -v chromium >/dev/null && command -v pdftoppm >/dev/null \
  || { echo "needs chromium and poppler-utils: apt-get install -y chromium poppler-utils" >&2; exit 2; }

mkdir -p "$out"
rm -f "$out"/pdf-*.png
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2400 \
  --screenshot="$out/html.png" "file://$reports/$base.html" 2>/dev/null
pdftoppm -png -r 60 -f 1 -l 2 "$reports/$base.pdf" "$out/pdf"
pages=$(pdfinfo "$reports/$base.pdf" | awk '/^Pages:/ {print $2}')
head -c 4 "$reports/$base.pdf" | grep -q '%PDF' || { echo "not a PDF" >&2; exit 1; }
echo "HTML screenshot: $out/html.png"
echo "PDF ($pages pages), title page and page 2: $(ls "$out"/pdf-*.png | tr '\n' ' ')"
