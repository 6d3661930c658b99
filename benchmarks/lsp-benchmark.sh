#!/bin/sh
# Prints the language server's benchmarks (issue #18): initialize -> first diagnostics of the example, cold JVM
# (target <= 3 s); keystroke -> diagnostics in a 3,000-line file, median (<= 100 ms); change -> code lenses with the
# footprints of the example line (<= 300 ms); initialize -> diagnostics of a 10,000-machine workspace (<= 15 s,
# in a 2 GB heap). Every measurement starts the server as a new process and talks LSP to it over stdio
# (org.zerocarbon.lsp.tests.LspBenchmark). Not part of `./mvnw verify`.
# The server: by default the bundles on a plain class path, as the language server tests write them to
# tests/org.zerocarbon.lsp.tests/target/server.args (-Xmx2g); ZC_LSP_CMD='./zcw lsp' measures the product instead.
# Needs: ./mvnw -B -o verify -pl bundles/org.zerocarbon.lsp,tests/org.zerocarbon.lsp.tests (or a full build).
# Usage: benchmarks/lsp-benchmark.sh     Environment: ZC_LSP_BENCH=cold,keystroke,lens,large (default all), ZC_LSP_CMD.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
args="$root/tests/org.zerocarbon.lsp.tests/target/server.args"
classes="$root/tests/org.zerocarbon.lsp.tests/target/classes"
if [ ! -s "$args" ] || [ ! -d "$classes" ]; then
  echo "run the language server tests first: ./mvnw -B -o verify -pl bundles/org.zerocarbon.lsp,tests/org.zerocarbon.lsp.tests" >&2
  exit 2
fi
cp=$(sed -n 3p "$args")
work=$(mktemp -d "${TMPDIR:-/tmp}/zc-lsp-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cd "$root"
if [ -n "${ZC_LSP_CMD:-}" ]; then
  # shellcheck disable=SC2086
  set -- $ZC_LSP_CMD
else
  set -- "$JAVA_HOME/bin/java" "@$args"
fi
"$JAVA_HOME/bin/java" -Xmx1g -cp "$classes:$cp" org.zerocarbon.lsp.tests.LspBenchmark "$root/examples" "$work/ws" "$@"
