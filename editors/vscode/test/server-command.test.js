'use strict';
// Where the extension finds zcw: on the PATH, a file, a product folder, relative to the workspace; clear messages
// when it is not there.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { resolveServerCommand, ServerConfigurationError } = require('../lib/server-command');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-vscode-'));
test.after(() => fs.rmSync(temp, { recursive: true, force: true }));

function executable(relative, mode = 0o755) {
  const file = path.join(temp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, mode);
  return file;
}

const bin = path.join(temp, 'bin');
const onPath = executable('bin/zcw');
const checkout = path.join(temp, 'checkout');
const inCheckout = executable('checkout/zcw');
const notExecutable = executable('plain/zcw', 0o644);
const env = { PATH: ['/nonexistent', bin].join(':'), HOME: temp };
const context = { env, platform: 'linux', home: temp, workspaceFolders: [path.join(temp, 'project')] };

test('default: zcw on the PATH, run as "zcw lsp" in the first workspace folder', () => {
  const server = resolveServerCommand({}, context);
  assert.equal(server.command, onPath);
  assert.deepEqual(server.args, ['lsp']);
  assert.equal(server.options.cwd, path.join(temp, 'project'));
  assert.equal(server.options.env.PATH, env.PATH);
});

test('an empty setting means the default', () => {
  assert.equal(resolveServerCommand({ path: '  ' }, context).command, onPath);
});

test('a product folder (a checkout): its zcw', () => {
  assert.equal(resolveServerCommand({ path: checkout }, context).command, inCheckout);
});

test('a file; ~ and ${workspaceFolder} expanded; relative to the first workspace folder', () => {
  assert.equal(resolveServerCommand({ path: inCheckout }, context).command, inCheckout);
  assert.equal(resolveServerCommand({ path: '~/checkout/zcw' }, context).command, inCheckout);
  assert.equal(resolveServerCommand({ path: '${workspaceFolder}/../checkout' }, context).command, inCheckout);
  assert.equal(resolveServerCommand({ path: '../checkout/zcw' }, context).command, inCheckout);
});

test('extra arguments after lsp, extra environment over the inherited one', () => {
  const server = resolveServerCommand({ args: ['--debug', 3], env: { ZCW_VM_ARGS: '-Xmx4g', BAD: 1 } }, context);
  assert.deepEqual(server.args, ['lsp', '--debug']);
  assert.equal(server.options.env.ZCW_VM_ARGS, '-Xmx4g');
  assert.equal(server.options.env.BAD, undefined);
  assert.equal(server.options.env.HOME, temp);
});

test('not on the PATH: says how to get the product and which setting to set', () => {
  assert.throws(() => resolveServerCommand({}, { ...context, env: { PATH: '/nonexistent' } }), (e) => {
    assert.ok(e instanceof ServerConfigurationError);
    assert.match(e.message, /"zcw" is not on the PATH/);
    assert.match(e.message, /zerocarbon\.server\.path/);
    return true;
  });
});

test('a missing file, a file that is not executable, a folder without zcw, a relative path without a folder', () => {
  const fails = (settings, pattern, ctx = context) => assert.throws(() => resolveServerCommand(settings, ctx),
    (e) => e instanceof ServerConfigurationError && pattern.test(e.message));
  fails({ path: path.join(temp, 'nowhere/zcw') }, /nowhere\/zcw does not exist/);
  fails({ path: notExecutable }, /is not an executable file/);
  fails({ path: path.join(temp, 'project-without-zcw') }, /does not exist/);
  fs.mkdirSync(path.join(temp, 'empty'));
  fails({ path: path.join(temp, 'empty') }, /holds no executable zcw/);
  fails({ path: 'checkout/zcw' }, /relative path, but no folder is open/, { ...context, workspaceFolders: [] });
  fails({ path: '${workspaceFolder}/zcw' }, /no folder is open/, { ...context, workspaceFolders: [] });
});

test('Windows: zcw.cmd found by PATHEXT', () => {
  const cmd = executable('winbin/zcw.cmd');
  const server = resolveServerCommand({}, { ...context, platform: 'win32', env: { PATH: path.join(temp, 'winbin'), PATHEXT: '.EXE;.CMD' } });
  assert.equal(server.command, cmd);
});
