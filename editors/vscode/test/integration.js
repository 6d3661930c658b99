#!/usr/bin/env node
'use strict';
// The extension's session (test/lsp-session.js) against the product's own `zcw lsp`, run by the build after the
// product (releng/org.zerocarbon.repository) is materialized: the checkout's zcw found through lib/server-command.js
// as the setting zerocarbon.server.path would give it, a multi-root workspace (the housing-cell example and the
// factor library in another folder, copied to a temporary folder so that the reports land there), cell.zc opened,
// its diagnostics (no errors), zerocarbon/report answered with an HTML report that exists and names the line.
// Skips with a message when the product has no language server bundle (org.zerocarbon.lsp) yet.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fileURLToPath } = require('url');
const { resolveServerCommand } = require('../lib/server-command');
const { session } = require('./lsp-session');

const ROOT = path.resolve(__dirname, '../../..');
const PLUGINS = path.join(ROOT, 'releng/org.zerocarbon.repository/target/products/org.zerocarbon.product/linux/gtk/x86_64/plugins');

async function main() {
  const bundle = fs.existsSync(PLUGINS) && fs.readdirSync(PLUGINS).find((n) => /^org\.zerocarbon\.lsp_.*\.jar$/.test(n));
  if (!bundle) {
    console.log(`[WARNING] SKIPPED: the product at ${path.relative(ROOT, PLUGINS)} has no org.zerocarbon.lsp bundle: `
      + 'the extension is not tested against zcw lsp (build releng/org.zerocarbon.repository first).');
    return 0;
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-vscode-it-'));
  try {
    for (const example of ['housing-cell', 'zc-library']) {
      fs.cpSync(path.join(ROOT, 'examples', example), path.join(temp, example), { recursive: true });
    }
    fs.rmSync(path.join(temp, 'housing-cell/reports'), { recursive: true, force: true });
    const folders = [path.join(temp, 'housing-cell'), path.join(temp, 'zc-library')];
    const file = path.join(folders[0], 'model/cell.zc');
    const server = resolveServerCommand({ path: ROOT }, { workspaceFolders: folders });
    const started = Date.now();
    const result = await session(server, { folders, file, timeoutMs: 120000 });
    const problems = [];
    const errors = result.diagnostics.filter((d) => d.severity === 1);
    if (errors.length) problems.push(`errors in cell.zc: ${errors.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
    const cell = result.reports.find((r) => /(^|\.)Cell$/.test(r.subject));
    if (!cell) {
      problems.push(`no report of the line Cell among ${JSON.stringify(result.reports)}`);
    } else {
      const html = fs.readFileSync(cell.uri ? fileURLToPath(cell.uri) : cell.path, 'utf8');
      if (!/Cell/.test(html) || !/kg/.test(html)) problems.push(`the report ${cell.uri} does not name Cell and its kg CO2e`);
    }
    if (result.exitCode !== 0) problems.push(`zcw lsp exited with ${result.exitCode} after shutdown and exit`);
    if (problems.length) {
      console.error(`[ERROR] the extension's session with ${server.command} lsp:\n` + problems.join('\n'));
      return 1;
    }
    console.log(`zcw lsp (${bundle}): ${result.diagnostics.length} diagnostics for cell.zc, `
      + `${result.reports.length} HTML report(s) (${result.reports.map((r) => r.subject).join(', ')}), `
      + `session ${((Date.now() - started) / 1000).toFixed(1)} s: as expected`);
    return 0;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(`[ERROR] the extension's session with zcw lsp failed: ${e.message}`);
  process.exitCode = 1;
});
