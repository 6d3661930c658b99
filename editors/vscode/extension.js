'use strict';
// The ZeroCarbon extension: starts the product's language server (`zcw lsp`, over stdio) for .zc files and adds
// the command "ZeroCarbon: Open Report". Highlighting (TextMate grammar) and snippets work without the server.
// Plain JavaScript (no compile step); the parts that do not need the `vscode` module are in lib/, tested by test/.

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');
const { resolveServerCommand, ServerConfigurationError, SETTING } = require('./lib/server-command');
const { REQUEST, ReportError, reportParams, htmlReports, reportProblems, webviewHtml } = require('./lib/report');

const LANGUAGE = 'zerocarbon';

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;
/** Open report panels by report URI, so that opening a report again reloads its panel. */
const panels = new Map();

function settings() {
  const configuration = vscode.workspace.getConfiguration('zerocarbon.server');
  return { path: configuration.get('path'), args: configuration.get('args'), env: configuration.get('env') };
}

function workspaceFolderPaths() {
  return (vscode.workspace.workspaceFolders || []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

async function startClient() {
  let server;
  try {
    server = resolveServerCommand(settings(), { workspaceFolders: workspaceFolderPaths() });
  } catch (e) {
    if (!(e instanceof ServerConfigurationError)) throw e;
    output.appendLine(e.message);
    // Not awaited: activation must not wait for the user to answer the notification.
    vscode.window.showErrorMessage(e.message + ' Highlighting and snippets still work.', 'Open Settings').then((choice) => {
      if (choice === 'Open Settings') vscode.commands.executeCommand('workbench.action.openSettings', SETTING);
    });
    return undefined;
  }
  output.appendLine(`Starting ${server.command} ${server.args.join(' ')}`);
  const serverOptions = { command: server.command, args: server.args, options: server.options };
  const clientOptions = {
    // Files only: the server resolves models by file URI and extension (an untitled buffer has neither).
    documentSelector: [{ scheme: 'file', language: LANGUAGE }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.zc') },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Error,
  };
  // The id 'zerocarbon' makes the client read the setting zerocarbon.trace.server.
  const created = new LanguageClient(LANGUAGE, 'ZeroCarbon Language Server', serverOptions, clientOptions);
  try {
    await created.start();
  } catch (e) {
    const message = `The ZeroCarbon language server (${server.command} lsp) did not start: ${e && e.message ? e.message : e}`;
    output.appendLine(message);
    vscode.window.showErrorMessage(message, 'Show Output').then((choice) => choice && output.show());
    return undefined;
  }
  return created;
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

async function restartServer() {
  await stopClient();
  client = await startClient();
}

async function openReport() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE) {
    vscode.window.showWarningMessage('Open a ZeroCarbon (.zc) file to write its report.');
    return;
  }
  if (!client) {
    vscode.window.showErrorMessage(`The ZeroCarbon language server is not running (see ${SETTING}).`, 'Restart Server')
      .then((choice) => choice && restartServer());
    return;
  }
  const document = editor.document;
  // The server reports the files as saved: save first, so that the report shows what the editor shows.
  if (document.isDirty && !(await document.save())) {
    vscode.window.showWarningMessage(`${path.basename(document.uri.fsPath)} was not saved: no report written.`);
    return;
  }
  let reports;
  let problems;
  try {
    const response = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'ZeroCarbon: writing the report', cancellable: true },
      (progress, token) => client.sendRequest(REQUEST, reportParams(document.uri.toString()), token));
    if (response === undefined || response === null) return; // cancelled
    reports = htmlReports(response);
    problems = reportProblems(response);
  } catch (e) {
    const message = e instanceof ReportError ? e.message : `The report failed: ${e && e.message ? e.message : e}`;
    vscode.window.showErrorMessage(message);
    return;
  }
  let chosen = reports;
  if (reports.length > 1) {
    const pick = await vscode.window.showQuickPick(
      reports.map((r) => ({ label: r.subject, report: r })), { placeHolder: 'Which report?', canPickMany: true });
    if (!pick || !pick.length) return;
    chosen = pick.map((p) => p.report);
  }
  for (const report of chosen) await showReport(report);
  if (problems) vscode.window.showWarningMessage(problems);
}

async function showReport(report) {
  const uri = report.uri ? vscode.Uri.parse(report.uri) : vscode.Uri.file(report.path);
  let html;
  try {
    html = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch (e) {
    vscode.window.showErrorMessage(`Cannot read the report ${uri.fsPath || uri.toString()}: ${e && e.message ? e.message : e}`);
    return;
  }
  const folder = vscode.Uri.joinPath(uri, '..');
  const key = uri.toString();
  let panel = panels.get(key);
  if (panel) {
    panel.reveal(vscode.ViewColumn.Beside);
  } else {
    panel = vscode.window.createWebviewPanel('zerocarbon.report', `Report: ${report.subject}`, vscode.ViewColumn.Beside,
      { enableScripts: false, localResourceRoots: [folder] });
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
  }
  panel.webview.html = webviewHtml(html, {
    cspSource: panel.webview.cspSource,
    baseHref: panel.webview.asWebviewUri(folder).toString(),
  });
}

/** Called by VS Code on the first .zc file (activationEvents in package.json). */
async function activate(context) {
  output = vscode.window.createOutputChannel('ZeroCarbon Language Server');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('zerocarbon.openReport', openReport),
    vscode.commands.registerCommand('zerocarbon.restartServer', restartServer),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('zerocarbon.server')) {
        const choice = await vscode.window.showInformationMessage(
          'The ZeroCarbon server settings changed.', 'Restart Server');
        if (choice) await restartServer();
      }
    }),
    { dispose: () => stopClient() });
  client = await startClient();
  return { client: () => client };
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
