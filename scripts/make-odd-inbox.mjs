#!/usr/bin/env node
/**
 * A folder of many files that yield no activity (issue 13 item 12), for measuring a merge's peak
 * memory by hand:
 *
 *   node scripts/make-odd-inbox.mjs /tmp/odd 1600 [kib]
 *   node --require ./scripts/bench-rusage.cjs … (see bench.mjs), or /usr/bin/time -v,
 *   on: node bin/kepuri.js merge /tmp/odd -o /tmp/odd-out
 *
 * Four kinds in turn, each about `kib` KiB (default 256): a PDF, an image, an .xlsx holding a
 * sheet of numbers and no activity table (stored, not deflated, so it is as large on disk as in
 * memory), a CSV of numbers. Deterministic (a fixed pseudo-random sequence).
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

const [dir, countArg = '1600', kibArg = '256'] = process.argv.slice(2);
if (!dir) throw new Error('usage: make-odd-inbox.mjs DIR [count] [kib]');
const count = Number(countArg);
const size = Number(kibArg) * 1024;
let seed = 20230917;
const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const bytesOf = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
const numbers = (n) => {
  let s = '';
  while (s.length < n) s += `${Math.floor(rnd() * 1e6)},${Math.floor(rnd() * 1e6)},${Math.floor(rnd() * 1e6)}\n`;
  return s;
};

function xlsx(n) {
  const rows = numbers(n)
    .trim()
    .split('\n')
    .map(
      (l, r) =>
        `<row r="${r + 1}">${l
          .split(',')
          .map((v, c) => `<c r="${'ABC'[c]}${r + 1}"><v>${v}</v></c>`)
          .join('')}</row>`,
    );
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const parts = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`,
  };
  const z = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) z.addBuffer(Buffer.from(text), name, { compress: false, mtime: new Date(2023, 8, 1) });
  z.end();
  return new Promise((resolve) => {
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
  });
}

fs.mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++) {
  const name = path.join(dir, `${String(i).padStart(4, '0')}`);
  switch (i % 4) {
    case 0:
      fs.writeFileSync(`${name}.pdf`, Buffer.concat([Buffer.from('%PDF-1.4\n'), bytesOf(size)]));
      break;
    case 1:
      fs.writeFileSync(`${name}.png`, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), bytesOf(size)]));
      break;
    case 2:
      fs.writeFileSync(`${name}.xlsx`, await xlsx(size / 2));
      break;
    default:
      fs.writeFileSync(`${name}.csv`, numbers(size));
  }
}
