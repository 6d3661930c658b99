'use strict';
// The .vsix check's zip reading refuses what a hostile archive would hold (zip-slip, absolute names, symbolic
// links, too many entries).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const yazl = require('yazl');
const { entries } = require('./check-vsix');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-vsix-'));
test.after(() => fs.rmSync(temp, { recursive: true, force: true }));

// yazl refuses unsafe names itself; for those the zip is patched after writing (same length, so offsets hold).
function zip(name, files, patch) {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const f of files) z.addBuffer(Buffer.from(f.text || 'x'), f.name, f.mode ? { mode: f.mode } : {});
    z.end();
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c));
    z.outputStream.on('end', () => {
      let bytes = Buffer.concat(chunks);
      if (patch) bytes = Buffer.from(bytes.toString('latin1').split(patch[0]).join(patch[1]), 'latin1');
      const file = path.join(temp, name);
      fs.writeFileSync(file, bytes);
      resolve(file);
    });
    z.outputStream.on('error', reject);
  });
}

test('a plain archive: its names', async () => {
  const file = await zip('ok.zip', [{ name: 'extension/package.json' }, { name: 'extension/a/b.js' }]);
  assert.deepEqual((await entries(file)).names, ['extension/package.json', 'extension/a/b.js']);
});

test('zip-slip and absolute names are refused', async () => {
  const slip = await zip('slip.zip', [{ name: 'xx/evil.js' }], ['xx/evil.js', '../evil.js']);
  await assert.rejects(entries(slip), /unsafe entry name|invalid relative path/);
  const absolute = await zip('abs.zip', [{ name: 'xetc/passwd' }], ['xetc/passwd', '/etc/passwd']);
  await assert.rejects(entries(absolute), /unsafe entry name|absolute path/);
});

test('a symbolic link is refused', async () => {
  const link = await zip('link.zip', [{ name: 'extension/link', text: '/etc/passwd', mode: 0o120777 }]);
  await assert.rejects(entries(link), /symbolic link extension\/link/);
});

test('too many entries are refused', async () => {
  const many = await zip('many.zip', Array.from({ length: 6 }, (_, i) => ({ name: `f${i}` })));
  await assert.rejects(entries(many, 5), /more than 5 entries/);
  assert.equal((await entries(many, 6)).names.length, 6);
});

test('too much expanded data is refused (a zip bomb)', async () => {
  // 3 entries of 1,000 bytes each: 3,000 bytes expanded, over a limit of 2,500 at the third entry.
  const big = await zip('big.zip', Array.from({ length: 3 }, (_, i) => ({ name: `f${i}`, text: 'x'.repeat(1000) })));
  await assert.rejects(entries(big, 100, 2500), /or 2500 bytes expanded/);
  assert.equal((await entries(big, 100, 3000)).expanded, 3000);
});
