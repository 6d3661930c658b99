#!/usr/bin/env bash
# The VS Code extension's build, run by Maven (editors/vscode/pom.xml) or by hand:
#   ./build.sh install [offline=true]   npm ci (skipped when node_modules already matches package-lock.json)
#   ./build.sh test                the tests (test/*.test.js: grammar, snippets, package.json, extension.js)
#   ./build.sh package             target/zerocarbon-<version>.vsix (vsce), then checks its contents
#   ./build.sh integration         the extension's session with the product's zcw lsp (test/integration.js; skips
#                                  when the product has no language server)
# Without node and npm it skips with a message (exit 0), unless ZC_REQUIRE_NPM=1 (then it fails): CI installs
# both (.ci/run), so the extension is built and tested there.
set -euo pipefail
cd "$(dirname "$0")"
step=${1:?usage: build.sh install|test|package|integration [offline=true|false]}
offline=${2:-offline=false}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  message="node and npm not found: the VS Code extension (editors/vscode) is not built. Install them (Debian: apt-get install nodejs npm) to build it."
  if [ "${ZC_REQUIRE_NPM:-0}" = 1 ]; then
    echo "[ERROR] $message" >&2
    exit 1
  fi
  echo "[WARNING] SKIPPED: $message"
  exit 0
fi
major=$(node -p 'process.versions.node.split(".")[0]')
# 18: Debian 12's nodejs (the tests use node:test's spec reporter, 18.15 or later; @vscode/vsce 2 runs on 16+,
# package.json's "overrides" keeps vsce's cheerio at 1.0.0-rc.12: cheerio 1.1+ loads undici 7, which needs node 20).
if [ "$major" -lt 18 ]; then
  echo "[ERROR] node $(node --version) is too old for the VS Code extension's build (it needs node 18 or later)." >&2
  exit 1
fi

case "$step" in
  install)
    stamp=node_modules/.zerocarbon-lock.sha256
    wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
      echo "node_modules matches package-lock.json"
    else
      flags=(--no-audit --no-fund)
      # Maven offline (-o): npm from its cache only (~/.npm, filled by an earlier online build).
      [ "$offline" = offline=true ] && flags+=(--offline)
      npm ci "${flags[@]}"
      printf '%s' "$wanted" > "$stamp"
    fi
    ;;
  test)
    npm test
    ;;
  package)
    version=$(node -p 'require("./package.json").version')
    mkdir -p target
    rm -f "target/zerocarbon-$version.vsix"
    # No LICENSE file and no repository URL in package.json: the project has not published either yet.
    node node_modules/@vscode/vsce/vsce package --skip-license --allow-missing-repository --out "target/zerocarbon-$version.vsix"
    node test/check-vsix.js "target/zerocarbon-$version.vsix"
    ;;
  integration)
    node test/integration.js
    ;;
  *)
    echo "usage: build.sh install|test|package|integration [offline=true|false]" >&2
    exit 2
    ;;
esac
