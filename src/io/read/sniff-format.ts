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
 * It reads containers through zip-directory.ts and ole-directory.ts; the helpers every reader
 * shares are in excel-formats.ts (number formats, serial dates) and sheet-grid.ts (bounds, merges).
 */
import zlib from 'node:zlib';
import type { WorkbookFormat } from '../../core/table.js';
import { OLE_MAGIC, readOleDirectoryNames } from './ole-directory.js';
import { readZipDirectorySync, readZipMemberSync, type ZipDirEntry } from './zip-directory.js';

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
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWithAscii(b, 'GIF8') || startsWithAscii(b, 'BM')) return '图片';
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
  const types = lower.has('[content_types].xml') ? xmlPartText(readZipMemberSync(bytes, '[Content_Types].xml', 1 << 20, dir)) : '';
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
    for (
      let c = types.charCodeAt(e);
      e < types.length && !(c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62 || c === 60);
      c = types.charCodeAt(++e)
    );
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
