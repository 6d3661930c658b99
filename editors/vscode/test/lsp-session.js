'use strict';
// A language-server session as the extension has it, without VS Code: the server command from
// lib/server-command.js, JSON-RPC over the child's stdio (vscode-jsonrpc, the language client's own transport),
// initialize with workspace folders, open a file, wait for its diagnostics, zerocarbon/report through lib/report.js,
// shutdown and exit.
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-jsonrpc/node');
const { REQUEST, reportParams, htmlReports } = require('../lib/report');

function within(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  })]).finally(() => clearTimeout(timer));
}

/**
 * @param {{command: string, args: string[], options: object}} server from resolveServerCommand
 * @param {{folders: string[], file: string, timeoutMs?: number}} work the workspace folders and the file to open
 * @returns {Promise<{diagnostics: object[], response: object, reports: object[], exitCode: number|null, stderr: string}>}
 */
async function session(server, work) {
  const timeoutMs = work.timeoutMs || 60000;
  const child = cp.spawn(server.command, server.args, { ...server.options, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const fileUri = pathToFileURL(work.file).href;
  let opened;
  const diagnostics = new Promise((resolve) => { opened = resolve; });
  connection.onNotification('textDocument/publishDiagnostics', (p) => { if (p.uri === fileUri) opened(p.diagnostics); });
  // Requests a server may send a client; VS Code answers them, so does this session.
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onNotification(() => {});
  connection.listen();
  try {
    await within(connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(work.folders[0]).href,
      workspaceFolders: work.folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      capabilities: {
        workspace: { workspaceFolders: true, codeLens: { refreshSupport: true }, configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, codeLens: {}, synchronization: { didSave: true } },
      },
    }), timeoutMs, 'answer to initialize');
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: fileUri, languageId: 'zerocarbon', version: 1, text: fs.readFileSync(work.file, 'utf8') },
    });
    const received = await within(diagnostics, timeoutMs, `diagnostics for ${work.file}`);
    const response = await within(connection.sendRequest(REQUEST, reportParams(fileUri)), timeoutMs, 'answer to zerocarbon/report');
    const reports = htmlReports(response);
    await within(connection.sendRequest('shutdown'), timeoutMs, 'answer to shutdown');
    connection.sendNotification('exit');
    const exitCode = await within(exited, timeoutMs, 'exit of the server');
    return { diagnostics: received, response, reports, exitCode, stderr };
  } catch (e) {
    e.message += stderr ? `\nserver's standard error:\n${stderr.slice(-4000)}` : '';
    throw e;
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

module.exports = { session };
