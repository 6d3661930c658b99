#!/usr/bin/env bash
# Looks at the sample footprint report the way a person would: renders the HTML in headless Chromium and page 1
# (the title page) and page 2 of the PDF with pdftoppm, and prints where the PNGs are. Not run by CI.
#
#   benchmarks/report-check.sh            build the report bundles, write the sample reports, render them
#   benchmarks/report-check.sh --no-build render the reports the last build left
#
# The sample is the six-machine housing cell line of tests/org.zerocarbon.report.tests (Samples.housingCell);
# SampleReportTest writes it to tests/org.zerocarbon.report.tests/target/sample-report.
# Needs: apt-get install -y chromium poppler-utils
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
reports="$root/tests/org.zerocarbon.report.tests/target/sample-report"
out="${OUT:-$root/target/report-check}"

if [[ "${1:-}" != "--no-build" ]]; then
  (cd "$root" && ./mvnw -B -q install -pl bundles/org.zerocarbon.report,tests/org.zerocarbon.report.tests -am)
fi
for f in housing-cell.html housing-cell.pdf housing-cell.json housing-cell-modules.csv housing-cell-contributions.csv; do
  [[ -s "$reports/$f" ]] || { echo "missing $reports/$f: run without --no-build" >&2; exit 2; }
done
command -v chromium >/dev/null && command -v pdftoppm >/dev/null \
  || { echo "needs chromium and poppler-utils: apt-get install -y chromium poppler-utils" >&2; exit 2; }

mkdir -p "$out"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2400 \
  --screenshot="$out/html.png" "file://$reports/housing-cell.html" 2>/dev/null
pdftoppm -png -r 60 -f 1 -l 2 "$reports/housing-cell.pdf" "$out/pdf"
pages=$(pdfinfo "$reports/housing-cell.pdf" | awk '/^Pages:/ {print $2}')
head -c 4 "$reports/housing-cell.pdf" | grep -q '%PDF' || { echo "not a PDF" >&2; exit 1; }
echo "HTML screenshot: $out/html.png"
echo "PDF ($pages pages), title page and page 2: $(ls "$out"/pdf-*.png | tr '\n' ' ')"
