#!/usr/bin/env node
'use strict';
// Checks the packaged extension (run by the build after `vsce package`): it holds what VS Code loads (manifest,
// main, grammar, snippets, language configuration, the language client and its dependencies) and none of the
// build's files; its entry names are safe; prints its size (docs/vscode.md quotes it).
// Usage: node test/check-vsix.js target/zerocarbon-<version>.vsix
const fs = require('fs');
const path = require('path');
const yauzl = require('yauzl');

const MAX_ENTRIES = 2000;
const MAX_EXPANDED = 20 * 1024 * 1024;

/** The entry names of a zip and their expanded size; rejects unsafe names, links, too many or too big entries. */
function entries(file, maxEntries = MAX_ENTRIES, maxExpanded = MAX_EXPANDED) {
  return new Promise((resolve, reject) => {
    // validateEntrySizes: yauzl checks each entry's declared size against what it inflates to.
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error) return reject(error);
      const found = [];
      let expanded = 0;
      zip.on('entry', (entry) => {
        const name = entry.fileName;
        if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..')) {
          zip.close();
          return reject(new Error(`unsafe entry name ${name}`));
        }
        // A symbolic link: the upper 16 bits of the external attributes hold the Unix mode (S_IFLNK 0o120000).
        if (((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000) {
          zip.close();
          return reject(new Error(`symbolic link ${name}`));
        }
        expanded += entry.uncompressedSize;
        if (found.length >= maxEntries || expanded > maxExpanded) {
          zip.close();
          return reject(new Error(`more than ${maxEntries} entries or ${maxExpanded} bytes expanded`));
        }
        found.push(name);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ names: found, expanded }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function main(file) {
  if (!file || !fs.existsSync(file)) throw new Error(`no .vsix at ${file}`);
  const { names, expanded } = await entries(file);
  const problems = [];
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8'));
  const required = ['extension.vsixmanifest', 'extension/package.json', 'extension/extension.js',
    'extension/lib/server-command.js', 'extension/lib/report.js', 'extension/syntaxes/zerocarbon.tmLanguage.json',
    'extension/snippets/zerocarbon.json', 'extension/language-configuration.json',
    'extension/node_modules/vscode-languageclient/node.js', 'extension/node_modules/vscode-jsonrpc/package.json'];
  for (const r of required) if (!names.includes(r)) problems.push(`missing ${r}`);
  // vsce 2 keeps README.md's name, vsce 3 writes readme.md.
  if (!names.some((n) => n.toLowerCase() === 'extension/readme.md')) problems.push('missing extension/README.md');
  const forbidden = [/^extension\/test\//, /^extension\/scripts\//, /^extension\/target\//, /^extension\/pom\.xml$/,
    /^extension\/node_modules\/(@vscode\/vsce|vscode-textmate|vscode-oniguruma|yauzl)\//];
  for (const name of names) if (forbidden.some((f) => f.test(name))) problems.push(`should not be packaged: ${name}`);
  if (path.basename(file) !== `${pkg.name}-${pkg.version}.vsix`) problems.push(`named ${path.basename(file)}, not ${pkg.name}-${pkg.version}.vsix`);
  const size = fs.statSync(file).size;
  if (problems.length) {
    console.error(problems.join('\n'));
    return 1;
  }
  console.log(`${path.basename(file)}: ${(size / 1024).toFixed(0)} KB, ${names.length} entries, `
    + `${(expanded / 1024).toFixed(0)} KB expanded: contents as expected`);
  return 0;
}

if (require.main === module) {
  main(process.argv[2]).then((code) => { process.exitCode = code; }, (e) => {
    console.error(`check-vsix: ${e.message}`);
    process.exitCode = 1;
  });
}

module.exports = { entries, MAX_ENTRIES };
