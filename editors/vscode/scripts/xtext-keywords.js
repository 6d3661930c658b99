'use strict';
// Reads the keywords of an Xtext grammar (Zc.xtext) and classifies them for the TextMate grammar.
// Hand-written because no npm package parses Xtext grammars; it needs only the grammar's lexical structure:
// rules end with ';' outside quotes and comments, keywords are the quoted literals of parser and enum rules.

/**
 * Splits an Xtext grammar into its rules, without comments.
 * @param {string} text the grammar
 * @returns {{kind: 'parser'|'enum'|'terminal'|'fragment', name: string, body: string, literals: string[]}[]}
 */
function parseRules(text) {
  const rules = [];
  let current = '';
  let literals = [];
  let i = 0;
  const flush = () => {
    const rule = classify(current, literals);
    if (rule) rules.push(rule);
    current = '';
    literals = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error('Unterminated /* comment at offset ' + i);
      i = end + 2;
    } else if (c === '\'' || c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          j++;
        }
        if (text[j] === '\n') throw new Error('Unterminated literal at line ' + lineOf(text, i));
        value += text[j];
        j++;
      }
      if (j >= text.length) throw new Error('Unterminated literal at line ' + lineOf(text, i));
      if (c === '\'') literals.push(value);
      current += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === ';') {
      flush();
      i++;
    } else {
      current += c;
      i++;
    }
  }
  if (current.trim()) flush();
  return rules;
}

function lineOf(text, offset) {
  return text.slice(0, offset).split('\n').length;
}

// The header (grammar ..., import ...) precedes the first rule in the same chunk: drop its lines.
function classify(chunk, literals) {
  const lines = chunk.split('\n').filter((l) => !/^\s*(grammar|import)\s/.test(l));
  const body = lines.join('\n').trim();
  if (!body) return null;
  const m = /^(terminal|enum|fragment)?\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(body);
  if (!m) throw new Error('Cannot read the rule starting with: ' + body.slice(0, 60));
  return { kind: m[1] || 'parser', name: m[2], body, literals };
}

// Datatype rules that list keywords so that they may be used as names: not a place where a keyword is used.
const NAME_RULES = new Set(['NameSegment', 'FeatureName', 'LiteralName']);

// Enumerations of operators in criteria (and, or, implies, has; every, some, no).
const OPERATOR_ENUM = /Operator$|^QuantifierKind$/;

const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The grammar's keywords in classes, each sorted:
 * - declarations: keywords right before `name=ID` (the first words of a declaration: line, machine, factor ...);
 * - operators: the words of criteria's operators (not, and, or, implies, has, every, some, no);
 * - constants: words used only as enumeration literals (vmc, processing, A1 ...) and true/false;
 * - keywords: the other words;
 * - symbols: operators and punctuation.
 * @param {string} text the grammar
 */
function keywords(text) {
  const rules = parseRules(text);
  const used = new Set();
  const declarations = new Set();
  const enumWords = new Set();
  const operatorWords = new Set(['not'].filter((w) => text.includes("'" + w + "'")));
  const symbols = new Set();
  const all = new Set();
  for (const rule of rules) {
    if (rule.kind === 'terminal') continue;
    for (const literal of rule.literals) {
      all.add(literal);
      if (!WORD.test(literal)) {
        symbols.add(literal);
      } else if (rule.kind === 'enum' && OPERATOR_ENUM.test(rule.name)) {
        operatorWords.add(literal);
      } else if (rule.kind === 'enum') {
        enumWords.add(literal);
      } else if (!NAME_RULES.has(rule.name)) {
        used.add(literal);
      }
    }
    if (rule.kind !== 'enum') {
      for (const m of rule.body.matchAll(/((?:'[A-Za-z]+'\s+)+)name\s*=\s*ID\b/g)) {
        for (const k of m[1].matchAll(/'([A-Za-z]+)'/g)) declarations.add(k[1]);
      }
    }
  }
  const sorted = (set) => [...set].sort();
  const booleans = ['false', 'true'].filter((w) => all.has(w));
  const words = [...all].filter((w) => WORD.test(w));
  const unclassified = words.filter((w) => !used.has(w) && !enumWords.has(w) && !operatorWords.has(w));
  if (unclassified.length) {
    // A word only listed in NameSegment/FeatureName/LiteralName is still a keyword of the lexer.
    unclassified.forEach((w) => used.add(w));
  }
  return {
    all: sorted(all),
    declarations: sorted(declarations),
    operators: sorted(operatorWords),
    keywords: sorted(new Set([...used].filter((w) => !declarations.has(w) && !operatorWords.has(w) && !booleans.includes(w)))),
    constants: sorted(new Set([...enumWords].filter((w) => !used.has(w) && !declarations.has(w) && !operatorWords.has(w)))),
    booleans,
    symbols: sorted(symbols),
  };
}

module.exports = { parseRules, keywords };
