'use strict';
// Loads the extension's TextMate grammar with the same engine as VS Code (vscode-textmate + the Oniguruma WASM).
const fs = require('fs');
const path = require('path');
const oniguruma = require('vscode-oniguruma');
const vsctm = require('vscode-textmate');

const GRAMMAR = path.resolve(__dirname, '../syntaxes/zerocarbon.tmLanguage.json');
let loaded;

/** The grammar (loaded once). */
function grammar() {
  if (!loaded) {
    loaded = (async () => {
      const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
      await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
      const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
          createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName) => (scopeName === 'source.zerocarbon'
          ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
      });
      return registry.loadGrammar('source.zerocarbon');
    })();
  }
  return loaded;
}

/** The tokens of a text: [{line, text, scopes}] (scopes without the root scope source.zerocarbon). */
async function tokenize(text) {
  const g = await grammar();
  let state = vsctm.INITIAL;
  const tokens = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    for (const t of result.tokens) {
      tokens.push({ line: index + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) });
    }
  });
  return tokens;
}

/** The scopes of the first token whose text is `text` (on a given line when `line` is given). */
function scopesOf(tokens, text, line) {
  const token = tokens.find((t) => t.text.trim() === text && (line === undefined || t.line === line));
  if (!token) throw new Error(`no token "${text}"${line ? ' on line ' + line : ''} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

module.exports = { grammar, tokenize, scopesOf, GRAMMAR };
