'use strict';
// The session the extension has with its server, against a stand-in server (test/fixtures/fake-zcw): the server
// command found by lib/server-command.js, stdio JSON-RPC, diagnostics, zerocarbon/report's answer read by
// lib/report.js, a clean exit. test/integration.js runs the same session against the product's `zcw lsp`.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fileURLToPath } = require('url');
const { resolveServerCommand } = require('../lib/server-command');
const { session } = require('./lsp-session');

test('a session with a stand-in zcw: initialize, diagnostics, zerocarbon/report, shutdown', async () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-session-'));
  try {
    const bin = path.join(temp, 'product');
    fs.mkdirSync(bin);
    fs.copyFileSync(path.join(__dirname, 'fixtures/fake-zcw'), path.join(bin, 'zcw'));
    fs.chmodSync(path.join(bin, 'zcw'), 0o755);
    const folder = path.join(temp, 'models');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'cell.zc');
    fs.writeFileSync(file, 'line Cell {\n}\n');
    const server = resolveServerCommand({ path: bin, env: { ZC_FAKE_JSONRPC: require.resolve('vscode-jsonrpc/node') } },
      { workspaceFolders: [folder] });
    const result = await session(server, { folders: [folder], file, timeoutMs: 10000 });
    assert.deepEqual(result.diagnostics.map((d) => d.message), ['fake warning']);
    assert.equal(result.reports.length, 1);
    assert.equal(result.reports[0].subject, 'Cell');
    assert.equal(fileURLToPath(result.reports[0].uri), path.join(folder, 'reports/Cell.html'));
    assert.match(fs.readFileSync(path.join(folder, 'reports/Cell.html'), 'utf8'), /report of .*cell\.zc/);
    assert.equal(result.exitCode, 0);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
});
