#!/usr/bin/env node
'use strict';
// Renders a .zc file as HTML with the colours VS Code's "Dark Modern" theme gives the TextMate scopes of
// syntaxes/zerocarbon.tmLanguage.json (tokenized by vscode-textmate, VS Code's engine). For docs/vscode.md's picture,
// since VS Code itself cannot be installed on the build machines.
// Usage: node scripts/render-highlighting.js <file.zc> <out.html> [first line] [last line]
const fs = require('fs');
const { tokenize } = require('../test/textmate');

// Dark Modern / Dark+ token colours; the outermost scope with a colour wins (a string's quotes are the string's).
const COLOURS = [
  ['comment', '#6A9955'], ['string', '#CE9178'], ['constant.character.escape', '#D7BA7D'],
  ['constant.numeric', '#B5CEA8'], ['keyword.other.unit', '#4EC9B0'], ['storage.type', '#569CD6'],
  ['keyword.operator.word', '#C586C0'], ['keyword.operator', '#D4D4D4'], ['keyword', '#C586C0'],
  ['constant.language', '#4FC1FF'], ['punctuation', '#D4D4D4'],
];

function colour(scopes) {
  for (let i = 0; i < scopes.length; i++) {
    const hit = COLOURS.find(([prefix]) => scopes[i] === prefix || scopes[i].startsWith(prefix + '.'));
    if (hit) return hit[1];
  }
  return '#9CDCFE';
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\t/g, '    ');

async function main([input, output, first = '1', last = '100000']) {
  const tokens = await tokenize(fs.readFileSync(input, 'utf8'));
  const lines = new Map();
  for (const t of tokens) {
    if (t.line < Number(first) || t.line > Number(last)) continue;
    const plain = !t.text.trim() || /^[A-Za-z_]/.test(t.text.trim()) && t.scopes.length === 0;
    const html = plain && !t.text.trim() ? escape(t.text) : `<span style="color:${colour(t.scopes)}">${escape(t.text)}</span>`;
    lines.set(t.line, (lines.get(t.line) || '') + html);
  }
  const rows = [...lines.entries()].map(([n, html]) => `<div><span class="n">${n}</span>${html}</div>`).join("");
  fs.writeFileSync(output, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#1F1F1F;color:#CCCCCC;font:14px/20px "DejaVu Sans Mono",monospace}
.t{background:#181818;color:#CCCCCC;padding:6px 12px;font:13px "DejaVu Sans",sans-serif;border-bottom:1px solid #2B2B2B}
pre{margin:0;padding:8px 0;white-space:pre}.n{display:inline-block;width:40px;text-align:right;margin-right:24px;color:#6E7681}
</style></head><body><div class="t">${escape(input.replace(/^.*\//, ''))} — TextMate scopes of editors/vscode, Dark Modern colours</div><pre>${rows}</pre></body></html>\n`);
}

main(process.argv.slice(2)).catch((e) => { console.error(e.message); process.exitCode = 1; });
