'use strict';
// extension.js without VS Code: the `vscode` module and the language client are replaced by recording fakes
// (VS Code cannot be installed on the build machines), so that activation, the server's command line and the
// Open Report command run as they would in the editor.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { pathToFileURL, fileURLToPath } = require('url');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-vscode-ext-'));
test.after(() => fs.rmSync(temp, { recursive: true, force: true }));
const zcw = path.join(temp, 'checkout/zcw');
fs.mkdirSync(path.dirname(zcw), { recursive: true });
fs.writeFileSync(zcw, '#!/bin/sh\n');
fs.chmodSync(zcw, 0o755);

function uri(file) {
  return { scheme: 'file', fsPath: file, toString: () => pathToFileURL(file).href };
}

/** A fake VS Code API recording what the extension does; `answers` are the user's choices in notifications. */
function fakeVscode(config, answers = {}) {
  const log = { errors: [], warnings: [], infos: [], executed: [], panels: [], commands: {}, output: [] };
  const choose = (kind) => async (message, ...items) => {
    log[kind].push(message);
    if (answers.never) return new Promise(() => {}); // a user who never answers
    return answers[items[0]] ? items[0] : undefined;
  };
  const vscode = {
    log,
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Beside: -2 },
    Uri: {
      parse: (s) => uri(fileURLToPath(s)),
      file: (p) => uri(p),
      joinPath: (u, ...parts) => uri(path.join(u.fsPath, ...parts)),
    },
    window: {
      activeTextEditor: undefined,
      createOutputChannel: () => ({ appendLine: (l) => log.output.push(l), append() {}, show() {}, dispose() {} }),
      showErrorMessage: choose('errors'),
      showWarningMessage: choose('warnings'),
      showInformationMessage: choose('infos'),
      showQuickPick: async (items) => items,
      withProgress: (options, task) => task({ report() {} }, { isCancellationRequested: false }),
      createWebviewPanel: (viewType, title, column, options) => {
        const panel = {
          viewType, title, options, revealed: 0,
          webview: { html: '', cspSource: 'vscode-webview:', asWebviewUri: (u) => ({ toString: () => 'https://webview' + u.fsPath }) },
          reveal() { this.revealed++; },
          onDidDispose() {},
        };
        log.panels.push(panel);
        return panel;
      },
    },
    workspace: {
      workspaceFolders: [{ uri: uri(path.join(temp, 'project')) }],
      getConfiguration: (section) => ({ get: (key) => config[`${section}.${key}`] }),
      createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
      fs: { readFile: async (u) => new Uint8Array(fs.readFileSync(u.fsPath)) },
    },
    commands: {
      registerCommand: (id, fn) => { log.commands[id] = fn; return { dispose() {} }; },
      executeCommand: async (...args) => { log.executed.push(args); },
    },
  };
  return vscode;
}

/** A fake language client: records its construction and requests; `responses` by method. */
function fakeClientModule(responses) {
  const clients = [];
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, requests: [], started: false, stopped: false });
      clients.push(this);
    }
    async start() { this.started = true; }
    async stop() { this.stopped = true; }
    async sendRequest(method, params) {
      this.requests.push({ method, params });
      const response = responses[method];
      if (response instanceof Error) throw response;
      return response;
    }
  }
  return { clients, module: { LanguageClient, RevealOutputChannelOn: { Error: 3 } } };
}

/** extension.js, freshly loaded against the fakes. */
function loadExtension(vscode, client) {
  const original = Module._load;
  Module._load = function load(request, parent, isMain) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return client.module;
    return original.call(this, request, parent, isMain);
  };
  try {
    const file = require.resolve('../extension.js');
    delete require.cache[file];
    return require(file);
  } finally {
    Module._load = original;
  }
}

async function activated(config, responses = {}, answers = {}) {
  const vscode = fakeVscode(config, answers);
  const client = fakeClientModule(responses);
  const extension = loadExtension(vscode, client);
  const context = { subscriptions: [] };
  await extension.activate(context);
  return { vscode, client, extension, context };
}

function zcEditor(file, dirty = false) {
  const document = {
    uri: uri(file), languageId: 'zerocarbon', isDirty: dirty, saved: 0,
    async save() { this.saved++; this.isDirty = false; return true; },
  };
  return { document };
}

test('activation starts "zcw lsp" from zerocarbon.server.path for .zc documents', async () => {
  const { vscode, client } = await activated({ 'zerocarbon.server.path': path.dirname(zcw), 'zerocarbon.server.args': ['-v'] });
  assert.equal(client.clients.length, 1);
  const [c] = client.clients;
  assert.equal(c.id, 'zerocarbon');
  assert.ok(c.started);
  assert.equal(c.serverOptions.command, zcw);
  assert.deepEqual(c.serverOptions.args, ['lsp', '-v']);
  assert.equal(c.serverOptions.options.cwd, path.join(temp, 'project'));
  assert.ok(c.clientOptions.documentSelector.some((s) => s.language === 'zerocarbon' && s.scheme === 'file'));
  assert.equal(c.clientOptions.synchronize.fileEvents.glob, '**/*.zc');
  assert.deepEqual(Object.keys(vscode.log.commands).sort(), ['zerocarbon.openReport', 'zerocarbon.restartServer']);
  assert.deepEqual(vscode.log.errors, []);
});

test('no server: an error naming the setting, "Open Settings" opens it; no client', async () => {
  const { vscode, client } = await activated({ 'zerocarbon.server.path': path.join(temp, 'nowhere') }, {}, { 'Open Settings': true });
  assert.equal(client.clients.length, 0);
  await new Promise(setImmediate); // the notification's answer arrives after activation
  assert.equal(vscode.log.errors.length, 1);
  assert.match(vscode.log.errors[0], /zerocarbon\.server\.path: .*nowhere does not exist\. Highlighting and snippets still work\./);
  assert.deepEqual(vscode.log.executed, [['workbench.action.openSettings', 'zerocarbon.server.path']]);
});

test('no server and a notification nobody answers: activation still ends', async () => {
  const { vscode, client } = await activated({ 'zerocarbon.server.path': path.join(temp, 'nowhere') }, {}, { never: true });
  assert.equal(client.clients.length, 0);
  assert.equal(vscode.log.errors.length, 1);
});

test('Open Report: saves the file, sends zerocarbon/report, shows the HTML report in a webview', async () => {
  const reportFile = path.join(temp, 'project/reports/Cell.html');
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, '<html><head><title>Cell</title></head><body><h1>Cell: 6.37 kg CO2e per machine-hour</h1></body></html>');
  const responses = { 'zerocarbon/report': { exitCode: 0, written: [pathToFileURL(reportFile).href], output: 'wrote reports/Cell.html' } };
  const { vscode, client } = await activated({ 'zerocarbon.server.path': zcw }, responses);
  const editor = zcEditor(path.join(temp, 'project/model/cell.zc'), true);
  vscode.window.activeTextEditor = editor;

  await vscode.log.commands['zerocarbon.openReport']();

  assert.equal(editor.document.saved, 1);
  assert.deepEqual(client.clients[0].requests, [{
    method: 'zerocarbon/report',
    params: { uri: pathToFileURL(path.join(temp, 'project/model/cell.zc')).href, formats: ['html'] },
  }]);
  assert.equal(vscode.log.panels.length, 1);
  const [panel] = vscode.log.panels;
  assert.equal(panel.title, 'Report: Cell');
  assert.equal(panel.options.enableScripts, false);
  assert.deepEqual(panel.options.localResourceRoots.map((r) => r.fsPath), [path.dirname(reportFile)]);
  assert.match(panel.webview.html, /<h1>Cell: 6\.37 kg CO2e per machine-hour<\/h1>/);
  assert.match(panel.webview.html, /<base href="https:\/\/webview[^"]*\/reports\/"\/>/);
  assert.deepEqual(vscode.log.errors, []);
  assert.deepEqual(vscode.log.warnings, []);

  // Again: the same panel, revealed and reloaded.
  fs.writeFileSync(reportFile, '<html><head></head><body>changed</body></html>');
  await vscode.log.commands['zerocarbon.openReport']();
  assert.equal(vscode.log.panels.length, 1);
  assert.equal(panel.revealed, 1);
  assert.match(panel.webview.html, /changed/);

  // A run that found problems: the report, and a warning saying what zcw printed.
  responses['zerocarbon/report'] = { exitCode: 1, written: [pathToFileURL(reportFile).href], output: 'cell.zc:12: unknown factor HGV_2015' };
  await vscode.log.commands['zerocarbon.openReport']();
  assert.deepEqual(vscode.log.warnings, ['The report was written with problems: cell.zc:12: unknown factor HGV_2015']);
});

test('Open Report: the server\'s error, an empty answer, a file that is not .zc', async () => {
  const failure = new Error('cell.zc:12: unknown factor HGV_2015');
  const { vscode } = await activated({ 'zerocarbon.server.path': zcw }, { 'zerocarbon/report': failure });
  vscode.window.activeTextEditor = zcEditor(path.join(temp, 'project/model/cell.zc'));
  await vscode.log.commands['zerocarbon.openReport']();
  assert.deepEqual(vscode.log.errors, ['The report failed: cell.zc:12: unknown factor HGV_2015']);

  const second = await activated({ 'zerocarbon.server.path': zcw }, { 'zerocarbon/report': { reports: [], messages: ['no line in cell.zc'] } });
  second.vscode.window.activeTextEditor = zcEditor(path.join(temp, 'project/model/cell.zc'));
  await second.vscode.log.commands['zerocarbon.openReport']();
  assert.deepEqual(second.vscode.log.errors, ['No HTML report was written: no line in cell.zc']);
  assert.equal(second.vscode.log.panels.length, 0);

  second.vscode.window.activeTextEditor = { document: { languageId: 'markdown', uri: uri('/x.md') } };
  await second.vscode.log.commands['zerocarbon.openReport']();
  assert.deepEqual(second.vscode.log.warnings, ['Open a ZeroCarbon (.zc) file to write its report.']);
});

test('deactivation stops the client', async () => {
  const { client, extension } = await activated({ 'zerocarbon.server.path': zcw });
  await extension.deactivate();
  assert.ok(client.clients[0].stopped);
});
