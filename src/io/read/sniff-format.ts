/**
 * What a file is, decided by its first bytes and its container's directory, never by its name
 * (SPEC §5). Synchronous and cheap: a zip's central directory and an OLE compound file's
 * directory are read in place; only a zip's tiny `mimetype`, `[Content_Types].xml` and
 * `META-INF/manifest.xml` members are ever inflated, each with an output cap.
 *
 * - `sniffFormat(bytes)` — the container: zip, OLE compound file, text, email, PDF or unknown;
 * - `classifyInput(bytes)` — what kepuri does with it: a spreadsheet of a given format, an email,
 *   a plain zip archive, an encrypted workbook, or something unsupported (with a short Chinese
 *   description of what it is, for the `file-unsupported` finding).
 *
 * The zip and OLE directory readers are exported for the readers (read-xlsx reads
 * `xl/workbook.xml` through `readZipMemberSync`), and so are the small helpers every reader
 * shares (date formats and serials, the grid's bounds, merges), kept here because this module
 * loads no parser.
 */
import zlib from 'node:zlib';
import type { CellRange, WorkbookFormat } from '../../core/table.js';

export type SniffedFormat = 'zip' | 'ole' | 'text' | 'eml' | 'pdf' | 'unknown';

export type InputClass =
  | {
      kind: 'spreadsheet';
      format: WorkbookFormat;
      /**
       * Text that SheetJS reads as a workbook: an HTML table or SpreadsheetML 2003 saved as
       * ".xls" (common in exports of Chinese OA systems), or flat OpenDocument (.fods).
       * Absent for the ordinary binary and zip formats and for CSV.
       */
      flavor?: 'html' | 'xml2003' | 'fods';
    }
  | { kind: 'eml' }
  | { kind: 'zip' }
  | { kind: 'encrypted' }
  | { kind: 'unsupported'; what: string };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** How many leading bytes the text heuristics look at. */
const TEXT_PROBE_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// sniffFormat
// ---------------------------------------------------------------------------------------------

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'unknown';
  if (isZipMagic(bytes)) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  if (startsWithAscii(bytes, '%PDF-')) return 'pdf';
  if (looksLikeText(bytes)) return looksLikeEmail(bytes) ? 'eml' : 'text';
  return 'unknown';
}

function isZipMagic(b: Uint8Array): boolean {
  // local file header, or an empty archive's end record, or a spanned archive's marker
  return (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    ((b[2] === 0x03 && b[3] === 0x04) || (b[2] === 0x05 && b[3] === 0x06) || (b[2] === 0x07 && b[3] === 0x08))
  );
}

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

function startsWithAscii(b: Uint8Array, s: string): boolean {
  if (b.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** UTF-16 with a byte-order mark: Excel's "Unicode 文本" export. */
export function utf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

export type UnicodeEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * UTF-16 or UTF-32 text, with a byte-order mark (`bom` is its length) or without one, told by
 * where the NUL bytes fall in the first 64 KiB (issue 13: Excel's "Unicode 文本" saved by other
 * tools, exports of OA systems): UTF-32 has a NUL high half in every code unit, UTF-16 a NUL
 * high byte on ASCII (tabs, commas, digits, line breaks) and seldom elsewhere. Decoded, the probe
 * must read as text (almost no control characters), so a binary file full of NULs is not taken.
 */
export function unicodeTextEncoding(b: Uint8Array): { encoding: UnicodeEncoding; bom: number } | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', bom: 4 };
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', bom: 4 };
  const bom16 = utf16Bom(b);
  if (bom16) return { encoding: bom16, bom: 2 };
  const n = Math.min(b.length, TEXT_PROBE_BYTES);
  if (n < 4) return undefined;
  for (const enc of ['utf-32le', 'utf-32be'] as const) {
    if (b.length % 4 !== 0) break;
    const le = enc === 'utf-32le';
    let ok = true;
    for (let i = 0; i + 4 <= n && ok; i += 4) {
      const cp = le ? b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24) : (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
      ok = cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
    }
    if (ok && readsAsText(decodeUnicodeProbe(b, enc, n))) return { encoding: enc, bom: 0 };
  }
  if (b.length % 2 !== 0) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  const m = n - (n % 2);
  for (let i = 0; i < m; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  const pairs = m / 2;
  let enc: UnicodeEncoding | undefined;
  if (zeroOdd >= pairs / 10 && zeroEven <= zeroOdd / 8) enc = 'utf-16le';
  else if (zeroEven >= pairs / 10 && zeroOdd <= zeroEven / 8) enc = 'utf-16be';
  return enc && readsAsText(decodeUnicodeProbe(b, enc, m)) ? { encoding: enc, bom: 0 } : undefined;
}

/** The first `n` bytes of UTF-16/32 text as a string (a BOM left in). */
function decodeUnicodeProbe(b: Uint8Array, enc: UnicodeEncoding, n: number): string {
  if (enc === 'utf-16le' || enc === 'utf-16be') return new TextDecoder(enc, { ignoreBOM: true }).decode(b.subarray(0, n - (n % 2)));
  let out = '';
  const le = enc === 'utf-32le';
  for (let i = 0; i + 4 <= n; i += 4) {
    const cp = (le ? b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24) : (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

/** Almost no NUL, other C0 control or replacement characters (tab, line breaks, form feed, ESC allowed). */
function readsAsText(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f || c === 0xfffd) bad++;
  }
  return text.length > 0 && bad <= Math.max(2, text.length / 200);
}

/**
 * Text or binary, on the first 64 KiB: UTF-16 or UTF-32 (with a BOM, or told by its NULs) is text;
 * otherwise no NUL byte and almost no other C0 control characters (tab, line breaks, form feed and
 * ESC allowed).
 */
export function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  if (unicodeTextEncoding(b)) return true;
  const n = Math.min(b.length, TEXT_PROBE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i];
    if (x === 0) return false;
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x0c && x !== 0x1b) controls++;
    else if (x === 0x7f) controls++;
  }
  return controls <= Math.max(2, n / 200);
}

const EMAIL_HEADERS = new Set([
  'received',
  'from',
  'return-path',
  'mime-version',
  'date',
  'subject',
  'message-id',
  'delivered-to',
  'to',
  'cc',
  'reply-to',
  'sender',
  'content-type',
  'content-transfer-encoding',
  'thread-topic',
  'thread-index',
  'dkim-signature',
  'authentication-results',
  'arc-seal',
  'arc-message-signature',
  'arc-authentication-results',
  'received-spf',
  'user-agent',
  'in-reply-to',
  'references',
  'importance',
  'priority',
  'envelope-to',
  'list-id',
]);

/**
 * An RFC 822 message: the first line is a known header (or an `X-…` one, or an mbox `From `
 * line), and the lines up to the first blank one all look like headers or their continuations,
 * with at least two headers among them.
 */
export function looksLikeEmail(b: Uint8Array): boolean {
  const head = latin1(b, 0, Math.min(b.length, 16 * 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const lines = head.split(/\r?\n/);
  let i = 0;
  if (/^From /.test(lines[0] ?? '')) i++; // an mbox separator line ("From sender date")
  const first = lines[i];
  const m = first === undefined ? null : /^([A-Za-z][A-Za-z0-9-]*):/.exec(first);
  if (!m) return false;
  const name = m[1].toLowerCase();
  if (!EMAIL_HEADERS.has(name) && !name.startsWith('x-')) return false;
  let headers = 0;
  const limit = Math.min(lines.length, i + 40);
  for (let j = i; j < limit; j++) {
    const line = lines[j];
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue; // folded continuation
    if (!/^[\x21-\x39\x3b-\x7e]+:/.test(line)) return false;
    headers++;
  }
  return headers >= 2;
}

function latin1(b: Uint8Array, start: number, end: number): string {
  return Buffer.from(b.buffer, b.byteOffset + start, Math.max(0, end - start)).toString('latin1');
}

// ---------------------------------------------------------------------------------------------
// classifyInput
// ---------------------------------------------------------------------------------------------

export function classifyInput(bytes: Uint8Array): InputClass {
  switch (sniffFormat(bytes)) {
    case 'zip':
      return classifyZip(bytes);
    case 'ole':
      return classifyOle(bytes);
    case 'eml':
      return { kind: 'eml' };
    case 'text':
      return classifyText(bytes);
    case 'pdf':
      return { kind: 'unsupported', what: 'PDF 文件' };
    case 'unknown':
      return { kind: 'unsupported', what: describeUnknown(bytes) };
  }
}

function describeUnknown(b: Uint8Array): string {
  if (b.length === 0) return '空文件';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWithAscii(b, 'GIF8') || startsWithAscii(b, 'BM'))
    return '图片';
  if (startsWithAscii(b, 'Rar!')) return 'RAR 压缩包';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z 压缩包';
  if (startsWith(b, [0x1f, 0x8b])) return 'gzip 压缩文件';
  if (isRawBiff(b)) return 'Excel 2.x–4.x 旧格式';
  return '未知格式';
}

/** A BIFF2–4 worksheet stored without an OLE container (Excel 2.x–4.x). Reported, not read. */
function isRawBiff(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0x09 && (b[1] === 0x00 || b[1] === 0x02 || b[1] === 0x04) && b[3] === 0x00 && b[2] >= 4 && b[2] <= 16;
}

function classifyText(bytes: Uint8Array): InputClass {
  const probe = textProbe(bytes).trimStart().toLowerCase();
  if (probe.startsWith('<')) {
    if (probe.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<(ss:)?workbook[\s>]/.test(probe))
      return { kind: 'spreadsheet', format: 'xls', flavor: 'xml2003' };
    if (probe.includes('urn:oasis:names:tc:opendocument:xmlns:office') && probe.includes('application/vnd.oasis.opendocument.spreadsheet'))
      return { kind: 'spreadsheet', format: 'ods', flavor: 'fods' };
    if (/<table[\s>]/.test(probe) && /^<(!doctype html|html|table|meta|head|body|\?xml|!--)/.test(probe))
      return { kind: 'spreadsheet', format: 'xls', flavor: 'html' };
    if (/^<(!doctype html|html)/.test(probe)) return { kind: 'unsupported', what: 'HTML 网页' };
    if (probe.startsWith('<?xml')) return { kind: 'unsupported', what: 'XML 文件' };
  }
  if (probe.startsWith('{\\rtf')) return { kind: 'unsupported', what: 'RTF 文档' };
  return { kind: 'spreadsheet', format: 'csv' };
}

/** The first 64 KiB as a string good enough for markup sniffing (ASCII-compatible or UTF-16). */
function textProbe(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, TEXT_PROBE_BYTES);
  const wide = unicodeTextEncoding(bytes);
  if (wide) return decodeUnicodeProbe(bytes.subarray(wide.bom), wide.encoding, n - wide.bom);
  return latin1(bytes, 0, n).replace(/^\xEF\xBB\xBF/, '');
}

// ---------------------------------------------------------------------------------------------
// zip: central directory, read in place
// ---------------------------------------------------------------------------------------------

export interface ZipDirEntry {
  /** decoded as UTF-8 when flagged, else as Latin-1 (good enough for ASCII part names) */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Entries the in-place directory reader lists at most (the caps check counts them properly). */
const ZIP_DIR_LIMIT = 100_000;

/**
 * The central directory of a zip held in memory (Zip64 understood). `undefined` when no valid
 * end-of-central-directory record is found (truncated or not a zip).
 */
export function readZipDirectorySync(bytes: Uint8Array): ZipDirEntry[] | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(buf);
  if (eocd < 0) return undefined;
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && buf.readUInt32LE(loc) === 0x07064b50) {
      const z64 = Number(buf.readBigUInt64LE(loc + 8));
      if (z64 >= 0 && z64 + 56 <= buf.length && buf.readUInt32LE(z64) === 0x06064b50) {
        count = Number(buf.readBigUInt64LE(z64 + 32));
        cdSize = Number(buf.readBigUInt64LE(z64 + 40));
        cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
      }
    }
  }
  if (cdOffset + cdSize > buf.length) return undefined;
  const out: ZipDirEntry[] = [];
  let p = cdOffset;
  const end = cdOffset + cdSize;
  while (p + 46 <= end && out.length < Math.min(count, ZIP_DIR_LIMIT)) {
    if (buf.readUInt32LE(p) !== 0x02014b50) break;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > end) break;
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1');
    // Zip64 extended information extra field
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const eEnd = Math.min(e + extraLen, end);
      while (e + 4 <= eEnd) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const qEnd = Math.min(q + size, eEnd);
          if (uncompressedSize === 0xffffffff && q + 8 <= qEnd) (uncompressedSize = Number(buf.readBigUInt64LE(q))), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= qEnd) (compressedSize = Number(buf.readBigUInt64LE(q))), (q += 8);
          if (localHeaderOffset === 0xffffffff && q + 8 <= qEnd) localHeaderOffset = Number(buf.readBigUInt64LE(q));
          break;
        }
        e += 4 + size;
      }
    }
    out.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - (0xffff + 22));
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
      const commentLen = buf.readUInt16LE(i + 20);
      if (i + 22 + commentLen <= buf.length) return i;
    }
  }
  return -1;
}

/**
 * One small member's bytes, inflated with an output cap; `undefined` when absent, too large,
 * encrypted, or corrupt. Name lookup is exact, then case-insensitive, leading '/' ignored.
 */
export function readZipMemberSync(bytes: Uint8Array, name: string, maxBytes: number, dir?: ZipDirEntry[]): Buffer | undefined {
  const entries = dir ?? readZipDirectorySync(bytes);
  if (!entries) return undefined;
  const norm = (s: string) => s.replace(/^\/+/, '');
  const want = norm(name);
  const entry = entries.find((e) => norm(e.name) === want) ?? entries.find((e) => norm(e.name).toLowerCase() === want.toLowerCase());
  if (!entry || entry.flags & 0x1) return undefined;
  if (entry.uncompressedSize > maxBytes) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localHeaderOffset;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return undefined;
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + entry.compressedSize));
  try {
    if (entry.method === 0) return Buffer.from(data.subarray(0, maxBytes));
    if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
  return undefined;
}

/** Entry names from the local headers, walked from the start: for zips whose directory is lost. */
function localHeaderNames(bytes: Uint8Array, max = 50): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= buf.length && names.length < max && buf.readUInt32LE(p) === 0x04034b50) {
    const flags = buf.readUInt16LE(p + 6);
    const compressed = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    names.push(buf.subarray(p + 30, p + 30 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1'));
    if (flags & 0x8) break; // sizes only in a data descriptor: cannot skip reliably
    p += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** A small XML part as text: UTF-8, or UTF-16 when it starts with a BOM or a NUL beside '<'. */
function xmlPartText(raw: Buffer | undefined): string {
  if (!raw) return '';
  if (raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0x3c && raw[1] === 0))) return new TextDecoder('utf-16le').decode(raw);
  if (raw.length >= 2 && ((raw[0] === 0xfe && raw[1] === 0xff) || (raw[0] === 0 && raw[1] === 0x3c))) return new TextDecoder('utf-16be').decode(raw);
  return raw.toString('utf8');
}

function classifyZip(bytes: Uint8Array): InputClass {
  const dir = readZipDirectorySync(bytes);
  if (!dir) {
    // truncated: guess from the local headers; the reader then reports it unreadable
    const names = localHeaderNames(bytes);
    if (names.some((n) => n === '[Content_Types].xml' || n.startsWith('xl/'))) return { kind: 'spreadsheet', format: 'xlsx' };
    if (names[0] === 'mimetype' || (names.includes('content.xml') && names.includes('META-INF/manifest.xml'))) return { kind: 'spreadsheet', format: 'ods' };
    return { kind: 'zip' };
  }
  const names = new Set(dir.map((e) => e.name.replace(/^\/+/, '')));
  const lower = new Set([...names].map((n) => n.toLowerCase()));

  // OpenDocument: the mimetype member names the kind
  if (lower.has('mimetype')) {
    const mime = readZipMemberSync(bytes, 'mimetype', 256, dir)?.toString('latin1').trim();
    if (mime === ODS_MIME || mime === ODS_MIME + '-template') {
      const manifest = xmlPartText(readZipMemberSync(bytes, 'META-INF/manifest.xml', 1 << 20, dir));
      if (/encryption-data/.test(manifest)) return { kind: 'encrypted' };
      return { kind: 'spreadsheet', format: 'ods' };
    }
    if (mime?.startsWith('application/vnd.oasis.opendocument.text')) return { kind: 'unsupported', what: 'OpenDocument 文字文档' };
    if (mime?.startsWith('application/vnd.oasis.opendocument.presentation')) return { kind: 'unsupported', what: 'OpenDocument 演示文稿' };
    if (mime?.startsWith('application/epub')) return { kind: 'unsupported', what: '电子书' };
  }
  // OpenDocument without a usable mimetype (missing, or not a known one): the manifest names the
  // document's kind on its root entry; a zip holding content.xml and the manifest is never a
  // mailbox download to unpack
  if (lower.has('content.xml') && lower.has('meta-inf/manifest.xml')) {
    const odf = classifyOdfByManifest(bytes, dir);
    if (odf) return odf;
  }

  // OOXML: the workbook part at its usual place, or as declared in [Content_Types].xml (only the
  // Override entries: Default entries list content types for extensions, macro ones included)
  const types = lower.has('[content_types].xml')
    ? xmlPartText(readZipMemberSync(bytes, '[Content_Types].xml', 1 << 20, dir))
    : '';
  const overrides = overrideTags(types);
  const mainType = overrides.map(contentTypeOf).find((ct) => /\.main(\+xml)?$/i.test(ct) && /ms-excel|spreadsheetml/i.test(ct)) ?? '';
  const macro = /macroEnabled/i.test(mainType) || lower.has('xl/vbaproject.bin');
  if (lower.has('xl/workbook.bin') || /ms-excel\.sheet\.binary\./i.test(mainType)) return { kind: 'spreadsheet', format: 'xlsb' };
  if (lower.has('xl/workbook.xml') || mainType !== '') return { kind: 'spreadsheet', format: macro ? 'xlsm' : 'xlsx' };
  // Strict Open XML or odd part names, no content types: any workbook part under xl/
  if ([...lower].some((n) => /^xl\/[^/]*workbook[^/]*\.xml$/.test(n))) return { kind: 'spreadsheet', format: macro ? 'xlsm' : 'xlsx' };

  const docTypes = overrides.join(' ');
  if (lower.has('word/document.xml') || /wordprocessingml\.document\.main/i.test(docTypes)) return { kind: 'unsupported', what: 'Word 文档' };
  if (lower.has('ppt/presentation.xml') || /presentationml\.presentation\.main/i.test(docTypes)) return { kind: 'unsupported', what: 'PowerPoint 演示文稿' };
  if ([...lower].some((n) => n.startsWith('xl/'))) return { kind: 'spreadsheet', format: macro ? 'xlsm' : 'xlsx' };
  return { kind: 'zip' };
}

/** An OpenDocument package told by its manifest (and content.xml when the manifest is silent). */
function classifyOdfByManifest(bytes: Uint8Array, dir: ZipDirEntry[]): InputClass | undefined {
  const manifest = xmlPartText(readZipMemberSync(bytes, 'META-INF/manifest.xml', 1 << 20, dir));
  const encrypted = manifest.includes('encryption-data');
  // the root entry: <manifest:file-entry manifest:full-path="/" manifest:media-type="…"/>, either attribute order
  let rootType: string | undefined;
  for (let at = manifest.indexOf('full-path="/"'); at >= 0 && rootType === undefined; at = manifest.indexOf('full-path="/"', at + 1)) {
    const open = manifest.lastIndexOf('<', at);
    const close = manifest.indexOf('>', at);
    if (open < 0 || close < 0) break;
    rootType = /media-type="([^"]*)"/.exec(manifest.slice(open, close))?.[1];
  }
  const kind = rootType || odfKindFromContent(bytes, dir);
  if (kind === undefined) return undefined;
  if (kind === ODS_MIME || kind === ODS_MIME + '-template') return encrypted ? { kind: 'encrypted' } : { kind: 'spreadsheet', format: 'ods' };
  if (kind.startsWith('application/vnd.oasis.opendocument.text')) return { kind: 'unsupported', what: 'OpenDocument 文字文档' };
  if (kind.startsWith('application/vnd.oasis.opendocument.presentation')) return { kind: 'unsupported', what: 'OpenDocument 演示文稿' };
  return undefined;
}

/** The body element of content.xml (its first 64 KiB), as the media type it stands for. */
function odfKindFromContent(bytes: Uint8Array, dir: ZipDirEntry[]): string | undefined {
  const entry = dir.find((e) => e.name.replace(/^\/+/, '').toLowerCase() === 'content.xml');
  if (!entry) return undefined;
  // the body element follows the styles: 64 KiB of deflated XML reaches it in any real file
  const head = xmlPartText(readZipMemberHead(bytes, entry, TEXT_PROBE_BYTES, 16 << 20));
  if (head.includes('<office:spreadsheet')) return ODS_MIME;
  if (head.includes('<office:text')) return 'application/vnd.oasis.opendocument.text';
  if (head.includes('<office:presentation')) return 'application/vnd.oasis.opendocument.presentation';
  return undefined;
}

/**
 * The start of a member: its first `compressedBytes` inflated (a cut deflate stream inflates as far
 * as it goes), the output capped at `maxOutput`; undefined when that is exceeded or it is corrupt.
 */
function readZipMemberHead(bytes: Uint8Array, entry: ZipDirEntry, compressedBytes: number, maxOutput: number): Buffer | undefined {
  if (entry.flags & 0x1) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localHeaderOffset;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return undefined;
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + entry.compressedSize, start + compressedBytes));
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) return undefined;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxOutput, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch {
    return undefined;
  }
}

/**
 * The `<Override …>` tags of [Content_Types].xml (any prefix), by indexOf: a pattern such as
 * `<Override\b[^>]*>` takes quadratic time on a part of unclosed `<Override ` tags (issue 13).
 * A tag without its '>' ends the scan.
 */
function overrideTags(types: string): string[] {
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const lt = types.indexOf('<', p);
    if (lt < 0) return out;
    let e = lt + 1;
    for (let c = types.charCodeAt(e); e < types.length && !(c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62 || c === 60); c = types.charCodeAt(++e));
    const name = types.slice(lt + 1, e);
    if (name === 'Override' || name.endsWith(':Override')) {
      const gt = types.indexOf('>', e);
      if (gt < 0) return out;
      out.push(types.slice(lt, gt + 1));
      p = gt + 1;
    } else p = e;
  }
}

/** The ContentType="…" of one tag, or '' (one pass, whatever the tag holds). */
function contentTypeOf(tag: string): string {
  let from = 0;
  for (;;) {
    const i = tag.indexOf('ContentType', from);
    if (i < 0) return '';
    let j = i + 11;
    while (/\s/.test(tag[j] ?? '')) j++;
    from = j;
    if (tag[j] !== '=') continue;
    j++;
    while (/\s/.test(tag[j] ?? '')) j++;
    from = j;
    if (tag[j] !== '"') continue;
    const end = tag.indexOf('"', j + 1);
    return end < 0 ? '' : tag.slice(j + 1, end);
  }
}

// ---------------------------------------------------------------------------------------------
// OLE compound file: directory names
// ---------------------------------------------------------------------------------------------

/**
 * Names in an OLE compound file's directory (streams and storages), or `undefined` when the
 * structure is broken. Bounded: every chain walk stops at the number of sectors in the file.
 */
export function readOleDirectoryNames(bytes: Uint8Array): string[] | undefined {
  if (!startsWith(bytes, OLE_MAGIC) || bytes.length < 512) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((buf.length - 512) / sectorSize) + 1;
  const sectorAt = (n: number): Buffer | undefined => {
    const off = (n + 1) * sectorSize;
    // the last sector may be short in truncated files; tolerate that
    return off < buf.length ? buf.subarray(off, Math.min(buf.length, off + sectorSize)) : undefined;
  };
  const ENDOFCHAIN = 0xfffffffe;
  const FREESECT = 0xffffffff;

  // FAT sector list: 109 in the header, then the DIFAT chain
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + i * 4);
    if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
  }
  let difat = buf.readUInt32LE(0x44);
  let guard = 0;
  while (difat !== ENDOFCHAIN && difat !== FREESECT && guard++ < sectorCount) {
    const sec = sectorAt(difat);
    if (!sec) break;
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && (i + 1) * 4 <= sec.length; i++) {
      const s = sec.readUInt32LE(i * 4);
      if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
    }
    difat = sec.length >= sectorSize ? sec.readUInt32LE(sectorSize - 4) : ENDOFCHAIN;
  }
  const fatLen = Math.min(fatSectors.length * (sectorSize / 4), sectorCount + 1024);
  const fat = new Uint32Array(fatLen).fill(FREESECT);
  let k = 0;
  for (const s of fatSectors) {
    const sec = sectorAt(s);
    if (!sec) continue;
    for (let i = 0; i + 4 <= sec.length && k < fatLen; i += 4) fat[k++] = sec.readUInt32LE(i);
    if (k >= fatLen) break;
  }

  const names: string[] = [];
  let dirSector = buf.readUInt32LE(0x30);
  guard = 0;
  while (dirSector !== ENDOFCHAIN && dirSector < sectorCount && guard++ < sectorCount) {
    const sec = sectorAt(dirSector);
    if (!sec) break;
    for (let off = 0; off + 128 <= sec.length; off += 128) {
      const type = sec[off + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const len = Math.min(sec.readUInt16LE(off + 0x40), 64);
      if (len < 2) continue;
      names.push(sec.subarray(off, off + len - 2).toString('utf16le'));
    }
    dirSector = dirSector < fat.length ? fat[dirSector] : ENDOFCHAIN;
  }
  return names.length > 0 ? names : undefined;
}

function classifyOle(bytes: Uint8Array): InputClass {
  const names = readOleDirectoryNames(bytes);
  // a broken directory: let the legacy reader try, it reports the file unreadable if it must
  if (!names) return { kind: 'spreadsheet', format: 'xls' };
  const lower = new Set(names.map((n) => n.toLowerCase()));
  if (lower.has('encryptioninfo') || lower.has('encryptedpackage')) return { kind: 'encrypted' };
  if (lower.has('workbook') || lower.has('book')) return { kind: 'spreadsheet', format: 'xls' };
  if (lower.has('worddocument')) return { kind: 'unsupported', what: 'Word 文档(.doc)' };
  if (lower.has('powerpoint document')) return { kind: 'unsupported', what: 'PowerPoint 演示文稿(.ppt)' };
  if (names.some((n) => n.startsWith('__substg1.0_') || n.startsWith('__properties_version1.0'))) return { kind: 'unsupported', what: 'Outlook 邮件(.msg)' };
  return { kind: 'unsupported', what: 'OLE 复合文档' };
}

// ---------------------------------------------------------------------------------------------
// number formats and serial dates, shared by the readers (exact, independent of the process TZ)
// ---------------------------------------------------------------------------------------------

/** Excel's limit on a number format code (255 characters); a longer code is no format here. */
export const MAX_FORMAT_CHARS = 255;

/** The first section of a number format with literals, escapes, fills and brackets removed, lower-cased. */
const SKELETONS = new Map<string, { s: string; elapsed: boolean }>();

/** formatSkeleton, memoised: a workbook has a handful of formats and thousands of cells using them. */
function formatSkeleton(fmt: string): { s: string; elapsed: boolean } {
  // longer than Excel allows: hostile (issue 13), and the patterns below are bounded by this cap
  if (fmt.length > MAX_FORMAT_CHARS) return { s: '', elapsed: false };
  let k = SKELETONS.get(fmt);
  if (!k) {
    if (SKELETONS.size > 10_000) SKELETONS.clear();
    SKELETONS.set(fmt, (k = computeSkeleton(fmt)));
  }
  return k;
}

function computeSkeleton(fmt: string): { s: string; elapsed: boolean } {
  const first = splitSections(fmt)[0] ?? '';
  const elapsed = /\[(h+|m+|s+)\]/i.test(first);
  const s = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
    .replace(/general/g, '')
    .replace(/am\/pm|a\/p|上午\/下午/g, '')
    .replace(/e[+-]/g, '');
  return { s, elapsed };
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format shows a date or a time (Excel's rule: y, m, d, h, s, e, g tokens outside literals). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const { s, elapsed } = formatSkeleton(fmt);
  return elapsed || /[ymdhseg]/.test(s);
}

/** A date format with no date part: a time of day or an elapsed duration ('h:mm', '[h]:mm:ss', 'mm:ss'). */
export function isTimeOnlyFormat(fmt: string | undefined): boolean {
  if (!fmt || !isDateFormat(fmt)) return false;
  const { s, elapsed } = formatSkeleton(fmt);
  if (elapsed) return true;
  if (/[ydeg]/.test(s)) return false;
  // an 'm' next to h or s is minutes; any other m is a month
  const rest = s.replace(/h+[^a-z]*m+/g, 'H').replace(/m+([^a-z]*s)/g, 'S$1');
  return !/m/.test(rest);
}

const DAY_MS = 86_400_000;
/** Largest serial Excel shows as a date: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/**
 * An Excel serial as wall-clock 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' (rounded to the minute);
 * `undefined` when it is not a plausible date. 1900 system with Excel's phantom 1900-02-29.
 */
export function serialToWallClock(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let s = date1904 ? serial + 1462 : serial;
  if (s > MAX_SERIAL + 1462) return undefined;
  if (!date1904 && s < 61) s += 1; // before 1900-03-01 Excel's count is one ahead (the fake leap day)
  const minutes = Math.round(s * 1440);
  return wallClockFromEpochMinutes(minutes + Date.UTC(1899, 11, 30) / 60_000);
}

/** A Date whose UTC fields are the wall clock (exceljs) as 'YYYY-MM-DD[THH:mm]', shifted by whole days. */
export function utcDateToWallClock(d: Date, shiftDays = 0): string | undefined {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return wallClockFromEpochMinutes(Math.round((ms + shiftDays * DAY_MS) / 60_000));
}

function wallClockFromEpochMinutes(minutes: number): string | undefined {
  const d = new Date(minutes * 60_000);
  const y = d.getUTCFullYear();
  if (!Number.isFinite(y) || y < 1900 || y > 9999) return undefined;
  const date = `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? date : `${date}T${pad2(h)}:${pad2(m)}`;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Excel serial of a Date whose UTC fields are the wall clock (1900 system unless date1904). */
export function utcDateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0);
}

/**
 * Excel's built-in number formats that are locale-dependent and so absent from the files (and
 * from exceljs's and SheetJS's tables): the zh-CN versions. 27–36 and 50–58 are dates and times.
 */
export const ZH_CN_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

// ---------------------------------------------------------------------------------------------
// the grid, shared by the readers
// ---------------------------------------------------------------------------------------------

/** Excel's grid. Cells beyond it are dropped, merges clipped to it. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Merged ranges kept per sheet (a real table has dozens; a hostile one millions). */
export const MAX_MERGES_PER_SHEET = 100_000;

/** Sparse → dense with `undefined` (or `make()`) in the holes, so rows can be indexed and iterated alike. */
export function fillHoles<T>(arr: T[], make?: () => T): T[] {
  for (let i = 0; i < arr.length; i++) if (!(i in arr)) arr[i] = make ? make() : (undefined as T);
  return arr;
}

/**
 * Merges within the grid and the data actually present: a merge reaching past the last row or
 * column holding a value is cut there (nothing to spread beyond it), one starting past it is
 * dropped, and at most MAX_MERGES_PER_SHEET are kept.
 */
export function clipMerges(merges: CellRange[], maxR: number, maxC: number): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    if (out.length >= MAX_MERGES_PER_SHEET) break;
    const s = { r: Math.min(m.s.r, m.e.r), c: Math.min(m.s.c, m.e.c) };
    const e = { r: Math.max(m.s.r, m.e.r), c: Math.max(m.s.c, m.e.c) };
    if (s.r > maxR || s.c > maxC || s.r < 0 || s.c < 0) continue;
    e.r = Math.min(e.r, maxR, MAX_ROWS - 1);
    e.c = Math.min(e.c, maxC, MAX_COLS - 1);
    if (e.r === s.r && e.c === s.c) continue;
    out.push({ s, e });
  }
  return out;
}

/** 'B2:D5' (or '$B$2:$D$5', or a single 'B2') → 0-based range */
export function parseRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const col = (s: string) => {
    let n = 0;
    for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const s = { r: Number(m[2]) - 1, c: col(m[1]) };
  const e = m[3] ? { r: Number(m[4]) - 1, c: col(m[3]) } : { ...s };
  if (s.r < 0 || e.r < 0) return undefined;
  return { s, e };
}
