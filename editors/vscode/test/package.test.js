'use strict';
// package.json's contributions point at files that exist and agree with each other; the snippets are well formed
// and offer only keywords of the language (that their default text parses is tested in Java, by
// tests/org.zerocarbon.lang.tests SnippetsParseTest, with the language itself).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { keywords } = require('../scripts/xtext-keywords');
const { XTEXT } = require('../scripts/generate-grammar');

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const file = (relative) => path.join(ROOT, relative);
const json = (relative) => JSON.parse(fs.readFileSync(file(relative), 'utf8'));

test('the language zerocarbon: .zc files, a language configuration, a grammar and snippets', () => {
  const [language] = pkg.contributes.languages;
  assert.equal(language.id, 'zerocarbon');
  assert.deepEqual(language.extensions, ['.zc']);
  assert.ok(fs.existsSync(file(language.configuration)), language.configuration);
  const [grammar] = pkg.contributes.grammars;
  assert.equal(grammar.language, 'zerocarbon');
  assert.equal(json(grammar.path).scopeName, grammar.scopeName);
  const [snippets] = pkg.contributes.snippets;
  assert.equal(snippets.language, 'zerocarbon');
  assert.ok(fs.existsSync(file(snippets.path)), snippets.path);
  assert.ok(pkg.activationEvents.includes('onLanguage:zerocarbon'));
  assert.ok(fs.existsSync(file(pkg.main)), pkg.main);
  assert.match(pkg.engines.vscode, /^\^1\.\d+\.\d+$/);
});

test('the commands and settings the extension uses are declared', () => {
  const source = fs.readFileSync(file(pkg.main), 'utf8');
  const declared = pkg.contributes.commands.map((c) => c.command);
  const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(registered.sort(), declared.sort());
  const open = pkg.contributes.commands.find((c) => c.command === 'zerocarbon.openReport');
  assert.equal(`${open.category}: ${open.title}`, 'ZeroCarbon: Open Report');
  const properties = pkg.contributes.configuration.properties;
  assert.equal(properties['zerocarbon.server.path'].default, 'zcw');
  assert.equal(properties['zerocarbon.server.path'].type, 'string');
  // The language client reads <client id>.trace.server: the id in extension.js is 'zerocarbon'.
  assert.ok(properties['zerocarbon.trace.server']);
  assert.match(source, /new LanguageClient\(LANGUAGE,/);
  // An untrusted workspace (a cloned repository) cannot choose the program the extension starts.
  const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
  assert.deepEqual(Object.keys(properties).filter((p) => p.startsWith('zerocarbon.server.')).sort(), [...restricted].sort());
  assert.match(source, /const LANGUAGE = 'zerocarbon'/);
});

test('the language configuration has the comments and brackets of Zc.xtext', () => {
  const configuration = json('language-configuration.json');
  assert.equal(configuration.comments.lineComment, '//');
  assert.deepEqual(configuration.comments.blockComment, ['/*', '*/']);
  const brackets = configuration.brackets.map((b) => b.join(''));
  assert.deepEqual(brackets.sort(), ['()', '{}']);
  const k = keywords(fs.readFileSync(XTEXT, 'utf8'));
  for (const b of brackets) for (const c of b) assert.ok(k.symbols.includes(c), c + ' is not a symbol of Zc.xtext');
  assert.ok(!k.symbols.includes('['), 'Zc.xtext has [ ]: add the pair to language-configuration.json');
});

test('snippets: a line, a machine and a methodology, well-formed tab stops, choices of the language\'s keywords', () => {
  const snippets = json(pkg.contributes.snippets[0].path);
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  for (const wanted of ['line', 'machine', 'methodology']) assert.ok(prefixes.includes(wanted), 'no snippet ' + wanted);
  const k = keywords(fs.readFileSync(XTEXT, 'utf8'));
  const words = new Set(k.all);
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(typeof snippet.description === 'string' && snippet.description, name + ': no description');
    assert.ok(Array.isArray(snippet.body) && snippet.body.length, name + ': no body');
    const body = snippet.body.join('\n');
    // The body starts with its prefix, a keyword of the language.
    assert.ok(body.startsWith(snippet.prefix + ' ') && words.has(snippet.prefix), name);
    // Tab stops 1..n each once (mirrors aside), then $0 once.
    const stops = [...body.matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
    assert.deepEqual(stops, stops.map((_, i) => i + 1), name + ': tab stops out of order: ' + stops);
    assert.equal((body.match(/\$0/g) || []).length, 1, name + ': $0 once');
    // A choice offers keywords of the grammar only.
    for (const m of body.matchAll(/\$\{\d+\|([^|]*)\|\}/g)) {
      for (const option of m[1].split(',')) assert.ok(words.has(option), `${name}: '${option}' is not a keyword`);
    }
    // The braces of the default text balance.
    const text = body.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');
    assert.equal((text.match(/\{/g) || []).length, (text.match(/\}/g) || []).length, name + ': braces');
  }
});
