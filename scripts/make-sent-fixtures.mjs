#!/usr/bin/env node
/**
 * Writes fixtures/sent/: files as people actually send them (issue 13, "Files people send"), each
 * derived from the perfect submission of fixtures/validate/ (valid-template.*, written by
 * make-fixtures.mjs), so each must read exactly as that one does: no finding under validate.
 *
 *   default-key-agile.xlsx     valid-template.xlsx encrypted with Excel's default key
 *                              `VelvetSweatshop` (what Excel does to a workbook saved with write
 *                              protection or a protected structure), ECMA-376 agile encryption
 *   default-key-standard.xlsx  the same, ECMA-376 standard encryption (Excel 2007)
 *   real-password.xlsx         the same encrypted with a real password: file-encrypted
 *   ods-no-mimetype.ods        valid-template.ods without its `mimetype` member
 *   ods-mimetype-last.ods      valid-template.ods with `mimetype` stored last
 *   utf16le-no-bom.csv         valid-template-utf8bom.csv as UTF-16 LE without a BOM
 *   utf16be-no-bom.csv         … UTF-16 BE without a BOM
 *   utf32le-bom.csv            … UTF-32 LE with a BOM
 *   utf32be-bom.csv            … UTF-32 BE with a BOM
 *   utf32le-no-bom.csv         … UTF-32 LE without a BOM
 *   utf16-parts.xlsx           valid-template.xlsx with every XML part re-encoded as UTF-16 LE
 *                              with a BOM and `encoding="UTF-16"` in its declaration
 *   expected.json              { file: [[cell, code], …] } as fixtures/validate/expected.json
 *
 * The encrypted files differ from run to run (officecrypto-tool draws a random salt, as Excel
 * does); everything else is deterministic. Run: `node scripts/make-sent-fixtures.mjs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import officeCrypto from 'officecrypto-tool';
import { unzipEntries, writeOut, zipBytes } from './fixtures-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'fixtures', 'validate');
const OUT = path.join(ROOT, 'fixtures', 'sent');

export const DEFAULT_PASSWORD = 'VelvetSweatshop';
export const REAL_PASSWORD = '科普日2023';

/** UTF-32 of a JS string (code points, surrogate pairs joined). */
function utf32(text, bigEndian) {
  const cps = [...text].map((ch) => ch.codePointAt(0));
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (bigEndian ? out.writeUInt32BE(cp, i * 4) : out.writeUInt32LE(cp, i * 4)));
  return out;
}

function utf16be(text) {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const xlsx = fs.readFileSync(path.join(SRC, 'valid-template.xlsx'));
  const ods = fs.readFileSync(path.join(SRC, 'valid-template.ods'));
  const csv = fs.readFileSync(path.join(SRC, 'valid-template-utf8bom.csv')).toString('utf8').replace(/^\uFEFF/, '');
  const expected = {};
  const put = (name, bytes, findings = []) => {
    writeOut(OUT, name, bytes);
    expected[name] = findings;
  };

  // --- 7: Excel's default key, and a real password
  put('default-key-agile.xlsx', officeCrypto.encrypt(xlsx, { password: DEFAULT_PASSWORD }));
  put('default-key-standard.xlsx', officeCrypto.encrypt(xlsx, { password: DEFAULT_PASSWORD, type: 'standard' }));
  put('real-password.xlsx', officeCrypto.encrypt(xlsx, { password: REAL_PASSWORD, type: 'standard' }), [[null, 'file-encrypted']]);

  // --- 8: an .ods whose mimetype is missing or not first
  const odsEntries = await unzipEntries(ods);
  if (odsEntries[0][0] !== 'mimetype') throw new Error('valid-template.ods: mimetype is not first');
  put('ods-no-mimetype.ods', await zipBytes(odsEntries.filter(([n]) => n !== 'mimetype')));
  const last = [...odsEntries.filter(([n]) => n !== 'mimetype'), ['mimetype', odsEntries[0][1]]];
  put('ods-mimetype-last.ods', await zipBytes(last));

  // --- 11: CSV in UTF-16/UTF-32 with and without BOM
  put('utf16le-no-bom.csv', Buffer.from(csv, 'utf16le'));
  put('utf16be-no-bom.csv', utf16be(csv));
  put('utf32le-bom.csv', utf32('\uFEFF' + csv, false));
  put('utf32be-bom.csv', utf32('\uFEFF' + csv, true));
  put('utf32le-no-bom.csv', utf32(csv, false));

  // --- 11: an .xlsx whose XML parts are UTF-16 with a BOM, as their declaration says
  const parts = (await unzipEntries(xlsx)).map(([n, b]) => {
    if (!/\.(xml|rels)$/.test(n)) return [n, b];
    let text = b.toString('utf8').replace(/^\uFEFF/, '');
    if (/^<\?xml[^>]*encoding=/.test(text)) text = text.replace(/^(<\?xml[^>]*encoding=)["'][^"']*["']/, '$1"UTF-16"');
    else if (text.startsWith('<?xml')) text = text.replace(/^(<\?xml\s+version=["'][^"']*["'])/, '$1 encoding="UTF-16"');
    else text = '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\r\n' + text;
    return [n, Buffer.from('\uFEFF' + text, 'utf16le')];
  });
  put('utf16-parts.xlsx', await zipBytes(parts));

  writeOut(OUT, 'expected.json', Buffer.from(JSON.stringify(expected, null, 2) + '\n', 'utf8'));
}

await main();
