'use strict';
// The TextMate grammar: generated from Zc.xtext and up to date, every keyword of Zc.xtext highlighted, and the
// scopes of an example file as a theme colours them.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { generate, XTEXT, OUTPUT } = require('../scripts/generate-grammar');
const { parseRules } = require('../scripts/xtext-keywords');
const { tokenize, scopesOf } = require('./textmate');

const xtext = fs.readFileSync(XTEXT, 'utf8');

test('the committed TextMate grammar is what Zc.xtext generates (else: npm run generate in editors/vscode)', () => {
  assert.equal(fs.readFileSync(OUTPUT, 'utf8'), generate(xtext),
    'syntaxes/zerocarbon.tmLanguage.json is out of date with Zc.xtext: run `npm run generate` in editors/vscode');
});

// Independent of the generator's classification: the quoted literals of every non-terminal rule, found with a
// plain regular expression over the grammar without its comments.
function grammarKeywords() {
  const withoutComments = xtext.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const literals = new Set();
  for (const chunk of withoutComments.split(';')) {
    if (/^\s*terminal\s/.test(chunk.replace(/^\s*(grammar|import)\s.*$/gm, ''))) continue;
    for (const m of chunk.matchAll(/'([^'\\]*)'/g)) literals.add(m[1]);
  }
  return [...literals];
}

test('the keyword reader finds the literals the plain regular expression finds', () => {
  const fromRules = new Set(parseRules(xtext).filter((r) => r.kind !== 'terminal').flatMap((r) => r.literals));
  assert.deepEqual([...fromRules].sort(), grammarKeywords().sort());
});

test('every keyword of Zc.xtext is highlighted as a keyword, type, constant, operator or punctuation', async () => {
  const keywords = grammarKeywords();
  // Sanity: the grammar has the keywords this test relies on (the count was 343 at the time of writing).
  for (const k of ['line', 'machine', 'methodology', 'parameter', 'scenario', 'set', 'per', '->', '<=', '×']) {
    assert.ok(keywords.includes(k), `Zc.xtext has no keyword '${k}'`);
  }
  assert.ok(keywords.length > 300, `only ${keywords.length} keywords read from Zc.xtext`);
  const wanted = /^(keyword|storage\.type|constant\.language|punctuation)\./;
  const missing = [];
  for (const keyword of keywords) {
    // Alone on a line, except '%' (a unit) and a symbol that needs an operand to be read as such.
    const tokens = await tokenize(keyword);
    const token = tokens.find((t) => t.text === keyword);
    if (!token || !token.scopes.some((s) => wanted.test(s))) missing.push(`${keyword} -> ${token ? token.scopes.join(' ') : 'split'}`);
  }
  assert.deepEqual(missing, [], 'keywords not highlighted');
});

test('an example file: keywords, numbers with units, strings, comments and names', async () => {
  const tokens = await tokenize(fs.readFileSync(path.join(__dirname, 'fixtures/sample.zc'), 'utf8'));
  const has = (text, line, scope) => assert.ok(scopesOf(tokens, text, line).includes(scope),
    `"${text}" on line ${line}: ${scopesOf(tokens, text, line).join(' ')}, wanted ${scope}`);
  const lacks = (text, line, prefix) => assert.ok(!scopesOf(tokens, text, line).some((s) => s.startsWith(prefix)),
    `"${text}" on line ${line}: ${scopesOf(tokens, text, line).join(' ')}, should have no ${prefix}`);

  // Comments: a block comment over two lines, a line comment.
  has('block comment over two lines.', 2, 'comment.block.zerocarbon');
  has('a line comment', 5, 'comment.line.double-slash.zerocarbon');
  // Keywords: declarations, other keywords, enumeration literals, operators.
  has('factors', 6, 'storage.type.zerocarbon');
  has('machine', 19, 'storage.type.zerocarbon');
  has('parameter', 18, 'storage.type.zerocarbon');
  has('per', 16, 'keyword.other.zerocarbon');
  has('vmc', 19, 'constant.language.zerocarbon');
  has('processing', 21, 'constant.language.zerocarbon');
  has('+', 20, 'keyword.operator.arithmetic.zerocarbon');
  has('=', 7, 'keyword.operator.assignment.zerocarbon');
  // A keyword after '.' is a name segment (package zc.lib.grid).
  lacks('grid', 3, 'storage');
  lacks('grid', 3, 'keyword');
  has('grid', 7, 'keyword.other.zerocarbon'); // a keyword (site ... grid ...) and a factor kind
  // Strings: double quotes with an escape, single quotes.
  has('electricity', 6, 'string.quoted.double.zerocarbon');
  has('\\"', 6, 'constant.character.escape.zerocarbon');
  has('UBA', 8, 'string.quoted.single.zerocarbon');
  // Numbers with units: compound units, an exponent, a percentage; the unit stops before a keyword.
  has('0.38', 7, 'constant.numeric.zerocarbon');
  has('kgCO2e/kWh', 7, 'keyword.other.unit.zerocarbon');
  has('2.5e-4', 10, 'constant.numeric.zerocarbon');
  has('kgCO2e/t*km', 10, 'keyword.other.unit.zerocarbon');
  has('4000', 16, 'constant.numeric.zerocarbon');
  has('h', 16, 'keyword.other.unit.zerocarbon');
  has('year', 16, 'keyword.other.zerocarbon');
  has('%', 21, 'keyword.other.unit.zerocarbon');
  has('2', 15, 'constant.numeric.zerocarbon');
  has('2023', 8, 'constant.numeric.zerocarbon');
  lacks('source', 8, 'keyword.other.unit'); // 'year 2023 source': source is a keyword, not 2023's unit
  has('source', 8, 'storage.type.zerocarbon');
  // A data column's unit after its name; a description before a keyword is no unit.
  has('kW', 26, 'keyword.other.unit.zerocarbon');
  has('m^3/h', 27, 'keyword.other.unit.zerocarbon');
  has('csv', 25, 'constant.language.zerocarbon');
  lacks('every', 29, 'keyword.other.unit');
  has('every', 29, 'keyword.operator.word.zerocarbon');
  // A parameter reference is a plain name; a name holding digits is not a number.
  assert.deepEqual(scopesOf(tokens, 'Spindle', 20), []);
  lacks('VMC1', 19, 'constant');
});

test('the grammar tokenizes every example of the repository without an unterminated string or comment', async () => {
  const examples = path.resolve(__dirname, '../../../examples');
  const files = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    if (e.isDirectory()) walk(path.join(dir, e.name));
    else if (e.name.endsWith('.zc')) files.push(path.join(dir, e.name));
  });
  walk(examples);
  assert.ok(files.length >= 5, 'examples not found at ' + examples);
  for (const file of files) {
    const tokens = await tokenize(fs.readFileSync(file, 'utf8'));
    const last = tokens[tokens.length - 1];
    // After the last '}' of a file nothing is open: the last token is not inside a string or a block comment.
    assert.ok(!last.scopes.some((s) => s.startsWith('string') || s.startsWith('comment.block')),
      `${path.relative(examples, file)} ends inside ${last.scopes.join(' ')}`);
  }
});
