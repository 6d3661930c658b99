'use strict';
// The client side of zerocarbon/report: request parameters, the response's shape, the webview's HTML.
const test = require('node:test');
const assert = require('node:assert/strict');
const { REQUEST, ReportError, reportParams, htmlReports, webviewHtml } = require('../lib/report');

test('the request: zerocarbon/report with the document URI and the HTML format', () => {
  assert.equal(REQUEST, 'zerocarbon/report');
  assert.deepEqual(reportParams('file:///w/model/cell.zc'), { uri: 'file:///w/model/cell.zc', formats: ['html'] });
});

test('the response: HTML reports by URI or path, other formats left out', () => {
  const reports = htmlReports({
    reports: [
      { subject: 'Cell', format: 'html', uri: 'file:///w/reports/Cell.html' },
      { subject: 'Cell', format: 'json', uri: 'file:///w/reports/Cell.json' },
      { subject: 'Park', format: 'HTML', path: '/w/reports/Park.html' },
    ],
  });
  assert.deepEqual(reports, [
    { subject: 'Cell', uri: 'file:///w/reports/Cell.html' },
    { subject: 'Park', path: '/w/reports/Park.html' },
  ]);
});

test('no HTML report: the server\'s messages, or a hint', () => {
  assert.throws(() => htmlReports({ reports: [], messages: ['cell.zc:12: unknown factor HGV'] }),
    (e) => e instanceof ReportError && e.message === 'No HTML report was written: cell.zc:12: unknown factor HGV');
  assert.throws(() => htmlReports({ reports: [{ subject: 'Cell', format: 'json', uri: 'file:///x.json' }] }),
    (e) => e instanceof ReportError && /no line or park to report on/.test(e.message));
  for (const bad of [null, 'wrote x', { files: [] }]) {
    assert.throws(() => htmlReports(bad), (e) => e instanceof ReportError && /without a list of reports/.test(e.message));
  }
});

test('the webview HTML: the report\'s CSP replaced by one without scripts or network, a base for relative links', () => {
  const report = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head lang="en">'
    + '<meta http-equiv="Content-Security-Policy" content="default-src *"/><title>Cell</title></head>'
    + '<body><p>6.37 kg CO2e</p></body></html>';
  const html = webviewHtml(report, { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', baseHref: 'https://w/reports' });
  assert.ok(!html.includes('default-src *'), html);
  assert.equal((html.match(/Content-Security-Policy/g) || []).length, 1);
  assert.match(html, /<head lang="en"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net data:; /);
  assert.ok(!/script-src/.test(html));
  assert.match(html, /<base href="https:\/\/w\/reports\/"\/>/);
  assert.match(html, /<body><p>6\.37 kg CO2e<\/p><\/body><\/html>$/);
});

test('the webview HTML of a fragment without <head> or <html>', () => {
  assert.match(webviewHtml('<html><body>x</body></html>', { cspSource: 'c', baseHref: 'b/' }),
    /^<html><head><meta [^>]*\/><base href="b\/"\/><\/head><body>x<\/body><\/html>$/);
  assert.match(webviewHtml('<p>x</p>', { cspSource: 'c', baseHref: 'b' }), /^<!DOCTYPE html><html><head>.*<\/head><body><p>x<\/p><\/body><\/html>$/);
});
