/**
 * Small, dependency-light helpers for the fixture generators (scripts/make-fixtures.mjs).
 *
 * Everything here is deterministic: no clock, no randomness, fixed zip timestamps. Workbooks are
 * written with SheetJS (the project reads .xlsx with exceljs, so a reader bug cannot hide on both
 * sides); the only exceljs-written file is the rich-text one, which SheetJS cannot produce.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import yazl from 'yazl';
import yauzl from 'yauzl';

/** Fixed creation time of every generated workbook and zip entry. */
export const FIXED_DATE = new Date('2023-09-08T01:30:00Z');

// ---------------------------------------------------------------------------------------------
// Addresses and dates
// ---------------------------------------------------------------------------------------------

/** 0-based column index → letters: 0 → A, 20 → U, 26 → AA. */
export function colLetter(c) {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → A1 address. */
export const addr = (r, c) => colLetter(c) + String(r + 1);

/** Excel serial of an ISO date in the 1900 system: 2023-09-18 → 45187. */
export function serial1900(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** Excel serial of an ISO date in the 1904 system: 2023-09-18 → 43725. */
export const serial1904 = (iso) => serial1900(iso) - 1462;

// ---------------------------------------------------------------------------------------------
// Cell values
//
// In a row array a value is: string → text cell; number → number cell (General);
// null / undefined / '' → no cell; or one of the tagged objects below.
// ---------------------------------------------------------------------------------------------

/** A real date cell: a number with a date format, as Excel stores a typed date. */
export const D = (iso, z = 'yyyy/m/d') => ({ kind: 'date', iso, z });
/** A formula with its cached value (what Excel saved last); `z` an optional number format. */
export const F = (f, v, z) => ({ kind: 'formula', f, v, z });
/** A formula whose cached value is a date. */
export const FD = (f, iso, z = 'yyyy/m/d') => ({ kind: 'formula', f, date: iso, z });
/** A hyperlink cell: displayed text (default: the address) linking to `target`. */
export const L = (target, text = target) => ({ kind: 'link', target, text });
/** A number with an explicit number format (e.g. '0' or '@'). */
export const N = (v, z) => ({ kind: 'number', v, z });

/** The cell's plain value as a person reads it (for CSV export and descriptions). */
export function plainValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  switch (v.kind) {
    case 'date': {
      const [y, m, d] = v.iso.split('-').map(Number);
      return `${y}/${m}/${d}`;
    }
    case 'formula':
      return v.date ? plainValue(D(v.date)) : String(v.v);
    case 'link':
      return v.text;
    case 'number':
      return String(v.v);
    default:
      throw new Error(`unknown cell value ${JSON.stringify(v)}`);
  }
}

/**
 * Build a SheetJS worksheet from rows of values (see above). `date1904` writes date serials in
 * the 1904 system (the workbook must then be written with date1904 set); `dateCells` writes
 * dates as SheetJS date cells (t: 'd'), which the ODS writer turns into office:date-value cells.
 */
export function buildSheet(aoa, { merges = [], cols, date1904 = false, dateCells = false } = {}) {
  const ws = {};
  let maxC = 0;
  let maxR = 0;
  const ser = date1904 ? serial1904 : serial1900;
  aoa.forEach((row, r) => {
    (row ?? []).forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      maxC = Math.max(maxC, c);
      maxR = Math.max(maxR, r);
      const a = addr(r, c);
      if (typeof v === 'string') ws[a] = { t: 's', v };
      else if (typeof v === 'number') ws[a] = { t: 'n', v };
      else if (v.kind === 'date' && dateCells) ws[a] = { t: 'd', v: new Date(`${v.iso}T00:00:00Z`), z: v.z };
      else if (v.kind === 'date') ws[a] = { t: 'n', v: ser(v.iso), z: v.z };
      else if (v.kind === 'number') ws[a] = v.z ? { t: 'n', v: v.v, z: v.z } : { t: 'n', v: v.v };
      else if (v.kind === 'formula') {
        if (v.date) ws[a] = { t: 'n', v: ser(v.date), f: v.f, z: v.z };
        else if (typeof v.v === 'number') ws[a] = v.z ? { t: 'n', v: v.v, f: v.f, z: v.z } : { t: 'n', v: v.v, f: v.f };
        else ws[a] = { t: 's', v: String(v.v), f: v.f };
      } else if (v.kind === 'link') ws[a] = { t: 's', v: v.text, l: { Target: v.target } };
      else throw new Error(`bad cell value at ${a}: ${JSON.stringify(v)}`);
    });
  });
  // merged ranges extend the sheet's used range too
  for (const m of merges) {
    const rg = XLSX.utils.decode_range(m);
    maxC = Math.max(maxC, rg.e.c);
    maxR = Math.max(maxR, rg.e.r);
  }
  ws['!ref'] = aoa.length || merges.length ? `A1:${addr(maxR, maxC)}` : 'A1';
  if (merges.length) ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  if (cols) ws['!cols'] = cols.map((wch) => ({ wch }));
  return ws;
}

/**
 * Bytes of a workbook. `sheets`: [{ name, ws, hidden? (1 hidden, 2 very hidden) }].
 * bookType: 'xlsx' | 'biff8' | 'ods'.
 */
export function workbookBytes(sheets, { bookType = 'xlsx', date1904 = false, author = 'Administrator' } = {}) {
  const wb = XLSX.utils.book_new();
  for (const { name, ws } of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  wb.Workbook = wb.Workbook ?? {};
  wb.Workbook.Sheets = sheets.map(({ name, hidden }) => ({ name, Hidden: hidden ?? 0 }));
  wb.Workbook.WBProps = { ...(wb.Workbook.WBProps ?? {}), date1904 };
  wb.Props = { Author: author, LastAuthor: author, CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE };
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType, bookSST: true, cellDates: true, compression: bookType !== 'biff8' }));
}

// ---------------------------------------------------------------------------------------------
// Zips
// ---------------------------------------------------------------------------------------------

/**
 * A zip of [name, Buffer|string] entries, every entry stamped with FIXED_DATE. An ODF `mimetype`
 * entry is stored uncompressed, as the OpenDocument package format requires.
 */
export function zipBytes(entries) {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data] of entries) {
      z.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), name, {
        mtime: FIXED_DATE,
        compress: name !== 'mimetype',
      });
    }
    z.end();
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** The entries of a zip, in order, as [name, Buffer]. */
export function unzipEntries(buf) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = [];
      zip.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e2, stream) => {
          if (e2) return reject(e2);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            out.push([entry.fileName, Buffer.concat(chunks)]);
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Re-pack a zip (e.g. exceljs output, which stamps entries with the current time) deterministically. */
export async function rezip(buf) {
  return zipBytes(await unzipEntries(buf));
}

/**
 * An .ods as LibreOffice writes it: SheetJS's ODS output with its date cells' values rewritten from
 * `office:date-value="2023-09-17T00:00:00.000Z"` to the plain `office:date-value="2023-09-17"` that
 * LibreOffice writes for a date without time, re-zipped with `mimetype` first and stored.
 * Build the sheets with `dateCells: true`.
 */
export async function odsBytes(sheets) {
  const entries = await unzipEntries(workbookBytes(sheets, { bookType: 'ods' }));
  const patched = entries.map(([n, b]) => {
    if (n !== 'content.xml') return [n, b];
    const xml = b.toString('utf8').replace(/office:date-value="(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z?"/g, 'office:date-value="$1"');
    return [n, Buffer.from(xml, 'utf8')];
  });
  patched.sort((x, y) => (x[0] === 'mimetype' ? -1 : y[0] === 'mimetype' ? 1 : 0));
  return zipBytes(patched);
}

// ---------------------------------------------------------------------------------------------
// Other file kinds
// ---------------------------------------------------------------------------------------------

/**
 * An encrypted OOXML package as Office writes it: an OLE compound file holding the
 * `EncryptionInfo` (agile encryption, version 4.4) and `EncryptedPackage` streams plus the
 * `\x06DataSpaces` storage. The payload is deterministic filler, not a real cipher text — a reader
 * must recognise the container and stop, never try to decrypt.
 */
export function encryptedOoxmlBytes() {
  const cfb = XLSX.CFB.utils.cfb_new();
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
    'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAECAwQFBgcICQoLDA0ODw=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
    'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" ' +
    'saltValue="EBESExQVFhcYGRobHB0eHw=="/></keyEncryptor></keyEncryptors></encryption>';
  const info = Buffer.concat([Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]), Buffer.from(xml, 'utf8')]);
  const payloadLen = 4096;
  const pkg = Buffer.alloc(8 + payloadLen);
  pkg.writeUInt32LE(7342, 0); // the (pretend) size of the decrypted package
  let x = 0x2023;
  for (let i = 0; i < payloadLen; i++) {
    x = (x * 1103515245 + 12345) >>> 0; // fixed LCG: deterministic filler
    pkg[8 + i] = x >>> 24;
  }
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', pkg);
  const version = Buffer.alloc(76);
  XLSX.CFB.utils.cfb_add(cfb, '/\u0006DataSpaces/Version', version);
  const out = XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' });
  return Buffer.from(out);
}

/** A minimal one-page PDF (what a scanned, stamped copy looks like to a sniffer). */
export function pdfBytes(text = 'Scanned attachment') {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** CSV text (CRLF, as Excel writes it) of rows of plain values; quotes only where needed. */
export function csvText(rows) {
  const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map((v) => q(plainValue(v))).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

export function writeOut(dir, name, bytes) {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, bytes);
  return p;
}
