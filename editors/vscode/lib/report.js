'use strict';
// The client side of the custom request zerocarbon/report, free of the `vscode` module (tested under plain node).
//
// Request:  {uri: "file:///…/cell.zc", formats: ["html"]}
// Response (bundles/org.zerocarbon.lsp ZcServerExtension.ReportResult, zcw report's run):
//           {exitCode: 0|1|2, written: ["file:///…/reports/Cell.html", …], output: "wrote …\ncell.zc:12: …"}
//           Also read: {reports: [{subject, format, uri | path}], messages: ["…"]}, the shape first proposed.
// A failure is a JSON-RPC error whose message is shown to the user.

const REQUEST = 'zerocarbon/report';

/** A user-facing problem with a report (shown as a notification, no stack trace). */
class ReportError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ReportError';
  }
}

/** The request's parameters for a document. */
function reportParams(documentUri) {
  return { uri: String(documentUri), formats: ['html'] };
}

/**
 * The HTML reports of a response, each {subject, uri?, path?}.
 * @throws {ReportError} when the response is not of the agreed shape or holds no HTML report
 */
function htmlReports(response) {
  if (response && typeof response === 'object' && Array.isArray(response.written)) return writtenReports(response);
  if (!response || typeof response !== 'object' || !Array.isArray(response.reports)) {
    throw new ReportError('The language server answered zerocarbon/report without a list of reports '
      + '(is the server older than the extension?).');
  }
  const messages = Array.isArray(response.messages) ? response.messages.filter((m) => typeof m === 'string') : [];
  const reports = response.reports
    .filter((r) => r && typeof r === 'object' && String(r.format || 'html').toLowerCase() === 'html')
    .filter((r) => typeof r.uri === 'string' || typeof r.path === 'string')
    .map((r) => ({
      subject: typeof r.subject === 'string' && r.subject ? r.subject : 'report',
      ...(typeof r.uri === 'string' ? { uri: r.uri } : { path: r.path }),
    }));
  if (!reports.length) {
    const why = messages.length ? ': ' + messages.join('; ') : ' (the file has no line or park to report on?)';
    throw new ReportError('No HTML report was written' + why);
  }
  return reports;
}

// zcw report's run: the HTML files it wrote, each named after its subject (Cell.html).
function writtenReports(response) {
  const reports = response.written
    .filter((u) => typeof u === 'string' && /\.x?html?$/i.test(u))
    .map((u) => ({ subject: decodeURIComponent(u.replace(/^.*[/\\]/, '').replace(/\.x?html?$/i, '')), uri: u }));
  if (!reports.length) {
    const problems = problemLines(response);
    throw new ReportError('No HTML report was written'
      + (problems.length ? ': ' + problems.join('; ') : ' (the file has no line or park to report on?)'));
  }
  return reports;
}

// What zcw printed besides its "wrote <file>" lines, at most 5 lines.
function problemLines(response) {
  const output = typeof response.output === 'string' ? response.output : '';
  return output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('wrote ')).slice(0, 5);
}

/**
 * The problems a report run found although it wrote reports (zcw's exit code 1: errors in the models, unmet
 * criteria), for a warning beside the report; undefined when there were none.
 */
function reportProblems(response) {
  if (!response || typeof response !== 'object' || !(response.exitCode > 0)) return undefined;
  const problems = problemLines(response);
  return 'The report was written with problems' + (problems.length ? ': ' + problems.join('; ') : '.');
}

const CSP_META = /<meta\s+http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/gi;

/**
 * The report's HTML for a webview: the report's own Content-Security-Policy replaced by one allowing no scripts and
 * no network, only inline styles and images from the report's folder; relative links resolved against that folder.
 *
 * @param {string} html the report as written (a self-contained XHTML document: inline CSS and SVG)
 * @param {{cspSource: string, baseHref: string}} webview the webview's CSP source and the folder's webview URI
 */
function webviewHtml(html, webview) {
  const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource} 'unsafe-inline'; `
    + `font-src ${webview.cspSource};`;
  const head = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}"/>`
    + `<base href="${escapeAttribute(webview.baseHref.endsWith('/') ? webview.baseHref : webview.baseHref + '/')}"/>`;
  const text = String(html).replace(CSP_META, '');
  const match = /<head(\s[^>]*)?>/i.exec(text);
  if (match) {
    const at = match.index + match[0].length;
    return text.slice(0, at) + head + text.slice(at);
  }
  const htmlTag = /<html(\s[^>]*)?>/i.exec(text);
  if (htmlTag) {
    const at = htmlTag.index + htmlTag[0].length;
    return text.slice(0, at) + '<head>' + head + '</head>' + text.slice(at);
  }
  return '<!DOCTYPE html><html><head>' + head + '</head><body>' + text + '</body></html>';
}

function escapeAttribute(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

module.exports = { REQUEST, ReportError, reportParams, htmlReports, reportProblems, webviewHtml };
