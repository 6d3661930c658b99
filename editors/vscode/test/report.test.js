'use strict';
// The client side of zerocarbon/report: request parameters, the response's shape, the webview's HTML.
const test = require('node:test');
const assert = require('node:assert/strict');
const { REQUEST, ReportError, reportParams, htmlReports, reportProblems, webviewHtml } = require('../lib/report');

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

test('the server\'s response (zcw report\'s run): the HTML files written, named after their subjects', () => {
  const response = {
    exitCode: 0,
    written: ['file:///w/reports/Cell.json', 'file:///w/reports/Cell.html', 'file:///w/reports/Housing%20Park.html'],
    output: 'wrote reports/Cell.json\nwrote reports/Cell.html\nwrote reports/Housing Park.html\n',
  };
  assert.deepEqual(htmlReports(response), [
    { subject: 'Cell', uri: 'file:///w/reports/Cell.html' },
    { subject: 'Housing Park', uri: 'file:///w/reports/Housing%20Park.html' },
  ]);
  assert.equal(reportProblems(response), undefined);
});

test('the server\'s response with problems: a warning with what zcw printed, or an error when nothing was written', () => {
  const output = 'cell.zc:12: unknown factor HGV_2015\nwrote reports/Cell.html\n1 error';
  assert.equal(reportProblems({ exitCode: 1, written: ['file:///w/reports/Cell.html'], output }),
    'The report was written with problems: cell.zc:12: unknown factor HGV_2015; 1 error');
  assert.throws(() => htmlReports({ exitCode: 1, written: [], output: 'cell.zc:3: no line or park\n' }),
    (e) => e instanceof ReportError && e.message === 'No HTML report was written: cell.zc:3: no line or park');
  assert.throws(() => htmlReports({ exitCode: 0, written: ['file:///w/reports/Cell.json'], output: '' }),
    (e) => e instanceof ReportError && /no line or park to report on/.test(e.message));
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
