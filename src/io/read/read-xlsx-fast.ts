/**
 * A purpose-built .xlsx/.xlsm reader for the shape nearly every submission has (issue 6): it
 * reads the zip directory, inflates workbook.xml, its rels, styles.xml, sharedStrings.xml and
 * each worksheet, and scans the XML with indexOf/charCodeAt instead of building a DOM or sax
 * events. On a district inbox it is ~40× faster than exceljs's in-memory reader and needs no
 * exceljs at all (loading exceljs alone costs ~0.4 s).
 *
 * It must read exactly what `readXlsx` (exceljs, patched) reads — same cells, types, dates,
 * number formats, merged ranges, sheet names and states. Two rules keep that true:
 *  - values are built as exceljs models them (a Date for a date-formatted number, `{richText}`,
 *    `{error}`, a formula's cached result, exceljs's own quirks such as `xmlDecode` on `t="str"`)
 *    and turned into cells by the same `convertValue` read-xlsx.ts uses;
 *  - anything outside the subset written here — namespace prefixes, CDATA, comments or
 *    processing instructions inside the data, DTDs, unknown entities, duplicate or unordered
 *    rows, cells whose address disagrees with their row, phonetic runs inside a cell, sheet names
 *    exceljs would reject, parts where exceljs does not look — throws `FastReadDeclined`, and the
 *    caller reads the file with exceljs as before (then SheetJS).
 * test/io/read-xlsx-fast.test.ts proves the equality on every fixture and corpus file.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import type { Cell, Sheet, Workbook } from '../../core/table.js';
import { MAX_COLS, MAX_ROWS, fillHoles, finishSheet } from './sheet-grid.js';
import { ZH_CN_BUILTIN_FORMATS } from './excel-formats.js';
import { readZipDirectorySync, type ZipDirEntry } from './zip-directory.js';
import { convertValue, decodeOoxmlEscapes, isoToUtcDate, type ConvertContext } from './xlsx-cell-values.js';
import { SIZE_CAPS } from './zip-caps.js';
import { MAX_SHEET_TEXT_CHARS, SheetTextTooLarge } from './sheet-text-cap.js';

/** The file is fine, but outside what this reader handles exactly; read it with exceljs. */
export class FastReadDeclined extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FastReadDeclined';
  }
}

function decline(reason: string): never {
  throw new FastReadDeclined(reason);
}

/**
 * The read ran past its time budget (issue 13): not a file to hand to another reader, but one to
 * report. Every scan here is linear, so an ordinary file never meets it; it is the backstop that
 * turns whatever was missed into a finding instead of a hang of the whole merge.
 */
export class FastReadTimeout extends Error {
  constructor() {
    super('read time budget spent');
    this.name = 'FastReadTimeout';
  }
}

/** Checks the clock every few hundred steps (Date.now per row or cell would cost measurably). */
class ReadClock {
  private steps = 0;
  constructor(private readonly deadline: number) {}
  tick(): void {
    if ((++this.steps & 255) === 0 && Date.now() > this.deadline) throw new FastReadTimeout();
  }
}

/** Excel's own limit on a number format code; longer ones are hostile (issue 13) and ignored. */
export const MAX_NUMFMT_CHARS = 255;

// ---------------------------------------------------------------------------------------------
// Number formats: exceljs's table of built-in formats, plus the zh-CN ones read-xlsx.ts adds
// ---------------------------------------------------------------------------------------------

let builtinFormats: Map<number, string> | undefined;

function builtinFormat(id: number): string | undefined {
  if (!builtinFormats) {
    builtinFormats = new Map();
    const require = createRequire(import.meta.url);
    // a data file of exceljs (no code): the same table exceljs falls back to
    const table = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string } | undefined>;
    for (const [k, v] of Object.entries(table)) if (v?.f) builtinFormats.set(Number(k), v.f);
    for (const [k, f] of Object.entries(ZH_CN_BUILTIN_FORMATS)) if (!builtinFormats.has(Number(k))) builtinFormats.set(Number(k), f);
  }
  return builtinFormats.get(id);
}

/** exceljs's utils.isDateFmt, verbatim in effect: it decides which numbers exceljs makes Dates. */
function exceljsIsDateFmt(fmt: string | undefined): boolean {
  if (!fmt || fmt.length > MAX_NUMFMT_CHARS) return false;
  // `[^\]]*` cannot backtrack past a '[' here: at most 255 characters per format (issue 13)
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** exceljs's utils.excelToDate */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs's utils.xmlDecode (applied once more to t="str" values, after the XML parser's own decoding) */
function exceljsXmlDecode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** TextXform's model: exceljs decodes `_xHHHH_` with upper-case hex only in <t> of shared strings and runs */
function exceljsTextModel(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

// ---------------------------------------------------------------------------------------------
// XML text: what saxes hands exceljs (line ends normalised, the five entities and character
// references decoded). Anything else (a DTD's entities) is declined.
// ---------------------------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&<]*);|&/g, (_m, name: string | undefined) => {
    if (name === undefined) decline('bare ampersand');
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!/^#(?:[0-9]+|[xX][0-9A-Fa-f]+)$/.test(name) || !Number.isFinite(code) || code <= 0 || code > 0x10ffff) decline('bad character reference');
      return String.fromCodePoint(code);
    }
    const v = NAMED_ENTITIES[name];
    if (v === undefined) decline(`entity &${name};`);
    return v;
  });
}

function decodeXmlAttr(raw: string): string {
  let s = raw;
  if (/[\r\n\t]/.test(s)) s = s.replace(/\r\n?/g, '\n').replace(/[\n\t]/g, ' ');
  return s.includes('&') ? decodeXmlText(s) : s;
}

/**
 * Attributes of one start tag `<name a="1" b='2'>` (the text between the name and '>' or '/>').
 * A hand scan, not a pattern: one pass whatever the text (issue 13: a backtracking pattern over a
 * hostile run of names without '=' or an unclosed quote takes quadratic time). Text that is no
 * attribute list (a name without a value, an unquoted or unclosed value) is declined.
 */
function parseAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const n = tag.length;
  let p = 0;
  while (p < n) {
    let c = tag.charCodeAt(p);
    // whitespace, and the '/' of a self-closing tag
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      p++;
      continue;
    }
    const nameStart = p;
    while (p < n && !(c === 32 || c === 9 || c === 10 || c === 13 || c === 61 || c === 47 || c === 62)) c = tag.charCodeAt(++p);
    if (p === nameStart) decline('odd attribute text');
    const name = tag.slice(nameStart, p);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++p);
    if (c !== 61 /* = */) decline('attribute without a value');
    c = tag.charCodeAt(++p);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++p);
    if (c !== 34 && c !== 39) decline('unquoted attribute');
    const end = tag.indexOf(c === 34 ? '"' : "'", p + 1);
    if (end < 0) decline('unclosed attribute');
    out.set(name, decodeXmlAttr(tag.slice(p + 1, end)));
    p = end + 1;
  }
  return out;
}

/**
 * Every start tag `<name …>` of one unprefixed element name in a small part. indexOf, never a
 * pattern: each character is looked at a bounded number of times, so a part of unclosed tags
 * (`<sheet <sheet <sheet …`) costs one pass, not one pass per tag (issue 13). A tag without its
 * '>' ends the scan, as the end of the part would.
 */
function* startTags(xml: string, name: string, clock?: ReadClock): Generator<Map<string, string>> {
  const open = `<${name}`;
  let p = 0;
  for (;;) {
    const lt = xml.indexOf(open, p);
    if (lt < 0) return;
    const after = lt + open.length;
    if (after >= xml.length) return;
    if (!isNameEnd(xml.charCodeAt(after))) {
      p = after;
      continue;
    }
    const gt = xml.indexOf('>', after);
    if (gt < 0) return;
    clock?.tick();
    yield parseAttributes(xml.slice(after, gt));
    p = gt + 1;
  }
}

function assertPlainXml(xml: string, what: string): void {
  if (xml.includes('<!DOCTYPE') || xml.includes('<![CDATA[')) decline(`${what}: DTD or CDATA`);
}

// ---------------------------------------------------------------------------------------------
// The package
// ---------------------------------------------------------------------------------------------

class Package {
  private readonly entries = new Map<string, ZipDirEntry>();
  constructor(private readonly bytes: Buffer) {
    const dir = readZipDirectorySync(bytes);
    if (!dir) decline('no zip directory');
    for (const e of dir) {
      if (this.entries.has(e.name) || e.name.startsWith('/') || e.name.includes('\\')) decline('unusual zip names');
      this.entries.set(e.name, e);
    }
  }
  get names(): string[] {
    return [...this.entries.keys()];
  }
  has(name: string): boolean {
    return this.entries.has(name);
  }
  /** A member as text (UTF-8, BOM dropped, as exceljs decodes it), or undefined when absent. */
  text(name: string): string | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 0x1) decline('encrypted member');
    const buf = this.bytes;
    const lh = e.localHeaderOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) decline('bad local header');
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
    const cap = SIZE_CAPS.entryUncompressedBytes;
    let raw: Buffer;
    if (e.method === 0) raw = data;
    else if (e.method === 8) raw = zlib.inflateRawSync(data, { maxOutputLength: cap });
    else decline('compression method');
    // a part in UTF-16 (BOM, or '<' with a NUL byte beside it), as its XML declaration says:
    // decoded here (exceljs's parser refuses it; the file would otherwise fall to SheetJS)
    const utf16 = raw.length >= 2 ? utf16Part(raw[0], raw[1]) : undefined;
    if (utf16) return new TextDecoder(utf16).decode(raw);
    const skip = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
    return raw.toString('utf8', skip);
  }
}

function utf16Part(b0: number, b1: number): 'utf-16le' | 'utf-16be' | undefined {
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0)) return 'utf-16le';
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0x3c)) return 'utf-16be';
  return undefined;
}

interface SheetEntry {
  name: string;
  id: number;
  state: string | undefined;
  part: string;
}

interface Styles {
  /** numFmt per cellXfs index (exceljs's getStyleModel(id).numFmt), undefined when none */
  numFmtOf: (string | undefined)[];
  /** per cellXfs index: the format as the neutral cell carries it ('' and General dropped) */
  fmtOf: (string | undefined)[];
  /** per cellXfs index: exceljs turns numbers with this style into Dates */
  dateOf: boolean[];
  /** there is a cellXfs list (exceljs crashes on a styled cell when there is none) */
  hasXfs: boolean;
}

type SstEntry = string | { richText: { text?: string }[] } | Record<string, never>;

export interface FastReadOptions {
  /**
   * Decline when the sheets would hold more than this many cell slots (rows × their widths, holes
   * included): a few KiB of XML can place cells in column XFD on thousands of rows. The caller
   * reading in its own process sets it; a read child, with its heap limit, does not.
   */
  maxSlots?: number;
  /**
   * Time budget of the whole read in ms (issue 13): past it the read ends in FastReadTimeout.
   * Unset: no limit (a read child has its own wall-clock limit).
   */
  timeBudgetMs?: number;
}

export function readXlsxFast(input: Uint8Array, format: 'xlsx' | 'xlsm' = 'xlsx', options: FastReadOptions = {}): Workbook {
  const budget: ReadBudget = { slots: options.maxSlots ?? Infinity, text: MAX_SHEET_TEXT_CHARS, sheet: '' };
  const clock = new ReadClock(options.timeBudgetMs === undefined ? Infinity : Date.now() + options.timeBudgetMs);
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const pkg = new Package(bytes);
  const names = pkg.names;
  // exceljs finds parts by their usual names only (read-xlsx.ts's inspectXlsx applies the same test)
  const worksheetParts = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n));
  if (!worksheetParts.every((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) decline('worksheet part names');
  if (!names.filter((n) => /sharedstrings[^/]*\.xml$/i.test(n)).every((n) => n === 'xl/sharedStrings.xml')) decline('shared strings part name');
  if (!names.filter((n) => /^xl\/styles[^/]*\.xml$/i.test(n)).every((n) => n === 'xl/styles.xml')) decline('styles part name');

  const workbookXml = pkg.text('xl/workbook.xml') ?? decline('no xl/workbook.xml');
  assertPlainXml(workbookXml, 'workbook');
  if (/<[A-Za-z_][\w.-]*:(?:workbook|sheets?)[\s/>]/.test(workbookXml)) decline('prefixed workbook elements');
  const prAttrs = startTags(workbookXml, 'workbookPr').next().value ?? undefined;
  const date1904Attr = prAttrs?.get('date1904');
  const date1904 = date1904Attr !== undefined && /^\s*(1|true)\s*$/i.test(date1904Attr);
  const exceljs1904 = date1904Attr === '1';
  const ctx: ConvertContext = { date1904, exceljs1904, shiftDays: date1904 && !exceljs1904 ? 1462 : 0 };

  const sheets = listSheets(pkg, workbookXml, worksheetParts.length, clock);
  const styles = readStyles(pkg, clock);
  const sst = readSharedStrings(pkg, clock);
  return {
    format,
    date1904,
    sheets: sheets.map((entry) => readSheet(pkg.text(entry.part) ?? decline('missing sheet part'), entry, styles, sst, ctx, budget, clock)),
  };
}

/** The workbook's sheets in tab order, as exceljs's workbook reconcile pairs them with parts. */
function listSheets(pkg: Package, workbookXml: string, partCount: number, clock: ReadClock): SheetEntry[] {
  const relsXml = pkg.text('xl/_rels/workbook.xml.rels') ?? decline('no workbook rels');
  assertPlainXml(relsXml, 'rels');
  if (/<[A-Za-z_][\w.-]*:Relationships?[\s/>]/.test(relsXml)) decline('prefixed rels');
  const targets = new Map<string, string>();
  for (const a of startTags(relsXml, 'Relationship', clock)) {
    const id = a.get('Id');
    const target = a.get('Target');
    if (id === undefined || target === undefined || targets.has(id)) decline('odd relationship');
    targets.set(id, target);
  }
  const out: SheetEntry[] = [];
  const seenNames = new Set<string>();
  const seenIds = new Set<number>();
  for (const a of startTags(workbookXml, 'sheet', clock)) {
    const rId = a.get('r:id');
    const target = rId === undefined ? undefined : targets.get(rId);
    if (target === undefined) decline('sheet without relationship');
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    // chart sheets and the like have no worksheet part: exceljs skips them, so do we
    if (!pkg.has(part) || !/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) continue;
    const name = a.get('name');
    const idText = a.get('sheetId') ?? '';
    const id = Number(idText);
    if (!/^\d+$/.test(idText) || id < 1 || seenIds.has(id)) decline('sheet ids');
    // exceljs's Worksheet name setter throws on these, or truncates at 31
    if (name === undefined || name === '' || name === 'History' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name))
      decline('sheet name');
    if (seenNames.has(name.toLowerCase())) decline('duplicate sheet name');
    seenIds.add(id);
    seenNames.add(name.toLowerCase());
    out.push({ name, id, state: a.get('state'), part });
  }
  if (out.length < partCount) decline('worksheet parts without a sheet');
  if (new Set(out.map((s) => s.part)).size !== out.length) decline('two sheets share a part');
  return out;
}

function readStyles(pkg: Package, clock: ReadClock): Styles {
  const xml = pkg.text('xl/styles.xml');
  if (xml === undefined) return { numFmtOf: [], fmtOf: [], dateOf: [], hasXfs: false };
  assertPlainXml(xml, 'styles');
  if (/<[A-Za-z_][\w.-]*:(?:styleSheet|numFmts?|cellXfs|xf)[\s/>]/.test(xml)) decline('prefixed styles');
  const custom = new Map<number, string>();
  // only <numFmts>: a differential format (<dxf>) has its own <numFmt>, not in exceljs's index
  const fmtsStart = xml.search(/<numFmts[\s>]/);
  const fmtsEnd = fmtsStart < 0 ? -1 : xml.indexOf('</numFmts>', fmtsStart);
  for (const a of startTags(fmtsEnd < 0 ? '' : xml.slice(fmtsStart, fmtsEnd), 'numFmt', clock)) {
    const code = a.get('formatCode');
    if (code === undefined) decline('numFmt without code');
    // a code longer than Excel allows is no format (issue 13: every format test is then bounded)
    custom.set(parseInt(a.get('numFmtId') ?? '', 10), code.length > MAX_NUMFMT_CHARS ? '' : code.replace(/[\\](.)/g, '$1'));
  }
  const xfsStart = xml.search(/<cellXfs[\s>]/);
  if (xfsStart < 0) return { numFmtOf: [], fmtOf: [], dateOf: [], hasXfs: false };
  const xfsEnd = xml.indexOf('</cellXfs>', xfsStart);
  if (xfsEnd < 0) decline('cellXfs not closed');
  const numFmtOf: (string | undefined)[] = [];
  for (const a of startTags(xml.slice(xfsStart, xfsEnd), 'xf', clock)) {
    const id = parseInt(a.get('numFmtId') ?? '', 10);
    numFmtOf.push(id ? custom.get(id) || builtinFormat(id) : undefined);
  }
  return {
    numFmtOf,
    fmtOf: numFmtOf.map((f) => (f !== undefined && f !== '' && f !== 'General' ? f : undefined)),
    dateOf: numFmtOf.map(exceljsIsDateFmt),
    hasXfs: numFmtOf.length > 0,
  };
}

/** xl/sharedStrings.xml as exceljs's SharedStringXform models each <si>. */
function readSharedStrings(pkg: Package, clock: ReadClock): SstEntry[] | undefined {
  const xml = pkg.text('xl/sharedStrings.xml');
  if (xml === undefined) return undefined;
  assertPlainXml(xml, 'shared strings');
  if (xml.includes('<!--') || xml.includes('<?', 5)) decline('comments in shared strings');
  if (/<\/?[A-Za-z_][\w.-]*:/.test(xml)) decline('prefixed shared strings');
  const out: SstEntry[] = [];
  let p = xml.indexOf('<sst');
  if (p < 0) decline('no <sst>');
  for (;;) {
    clock.tick();
    const si = xml.indexOf('<si', p);
    if (si < 0) break;
    const after = xml.charCodeAt(si + 3);
    if (after !== 62 /* > */ && after !== 47 /* / */ && after !== 32 && after !== 9 && after !== 10 && after !== 13) {
      p = si + 3;
      continue;
    }
    const open = xml.indexOf('>', si);
    if (open < 0) decline('truncated <si>');
    if (xml.charCodeAt(open - 1) === 47) {
      out.push({});
      p = open + 1;
      continue;
    }
    const close = xml.indexOf('</si>', open);
    if (close < 0) decline('unclosed <si>');
    out.push(parseStringItem(xml, open + 1, close));
    p = close + 5;
  }
  return out;
}

/** The inside of one <si>: a <t>, or <r> runs (each with one <t>), phonetic parts ignored. */
function parseStringItem(xml: string, from: number, to: number): SstEntry {
  // the common case: <si><t>text</t></si> or <si><t xml:space="preserve">text</t></si>
  if (xml.startsWith('<t', from)) {
    const gt = xml.indexOf('>', from);
    const c = xml.charCodeAt(from + 2);
    if (gt > 0 && gt < to && (c === 62 || c === 32) && xml.charCodeAt(gt - 1) !== 47) {
      const end = xml.indexOf('</t>', gt);
      if (end + 4 === to) return exceljsTextModel(decodeXmlText(xml.slice(gt + 1, end)));
    }
  }
  let model: SstEntry = {};
  let run: { text?: string } | undefined;
  let p = from;
  while (p < to) {
    const tag = nextTag(xml, p, to, '<si>');
    if (!tag) break;
    const { name, closing, selfClosing } = tag;
    p = tag.after;
    if (closing) {
      if (name === 'r' && run) {
        if (typeof model === 'string') decline('run after text in <si>');
        ((model as { richText?: { text?: string }[] }).richText ??= []).push(run);
        run = undefined;
      }
      continue;
    }
    if (name === 'rPh') {
      // phonetic guide: parsed and dropped by exceljs
      if (!selfClosing) p = skipPast(xml, p, to, 'rPh');
      continue;
    }
    if (name === 'rPr') {
      if (!selfClosing) p = skipPast(xml, p, to, 'rPr');
      continue;
    }
    if (name === 'r') {
      if (selfClosing) decline('empty run');
      run = {};
      continue;
    }
    if (name === 't') {
      let text = '';
      if (!selfClosing) {
        const end = xml.indexOf('</t>', p);
        if (end < 0 || end > to) decline('unclosed <t>');
        text = decodeXmlText(xml.slice(p, end));
        p = end + 4;
      }
      text = exceljsTextModel(text);
      if (run) run.text = text;
      else model = text;
      continue;
    }
    if (name === 'phoneticPr') continue;
    decline(`<${name}> in <si>`);
  }
  if (run) decline('unclosed run');
  return model;
}

/** The next tag of a small element body (rich text, inline strings), or undefined at its end. */
function nextTag(xml: string, p: number, to: number, where: string): { name: string; closing: boolean; selfClosing: boolean; after: number } | undefined {
  const lt = xml.indexOf('<', p);
  if (lt < 0 || lt >= to) return undefined;
  const gt = xml.indexOf('>', lt);
  if (gt < 0 || gt > to) decline(`truncated tag in ${where}`);
  const closing = xml.charCodeAt(lt + 1) === 47;
  return { name: tagName(xml, closing ? lt + 2 : lt + 1, gt), closing, selfClosing: xml.charCodeAt(gt - 1) === 47, after: gt + 1 };
}

/** The position after `</name>`, for an element whose content is skipped (run properties, phonetic guides). */
function skipPast(xml: string, p: number, to: number, name: string): number {
  const end = xml.indexOf(`</${name}>`, p);
  if (end < 0 || end > to) decline(`unclosed <${name}>`);
  return end + name.length + 3;
}

function tagName(xml: string, from: number, gt: number): string {
  let e = from;
  while (e < gt) {
    const c = xml.charCodeAt(e);
    if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13 || c === 62) break;
    e++;
  }
  return xml.slice(from, e);
}

// ---------------------------------------------------------------------------------------------
// One worksheet
// ---------------------------------------------------------------------------------------------

/** What one <c> holds, before exceljs's value rules are applied. */
interface RawCell {
  col: number;
  t: string | undefined;
  styleId: number;
  /** concatenated text of <v> (or <t> of <is>); undefined when there was none */
  value: string | undefined;
  rich: { text?: string }[] | undefined;
  formula: string | undefined;
  shareType: string | undefined;
}

/** Cell slots left for the whole workbook; text left for the sheet being read (sheet-text-cap.ts). */
interface ReadBudget {
  slots: number;
  text: number;
  sheet: string;
}

function readSheet(
  xml: string,
  entry: SheetEntry,
  styles: Styles,
  sst: SstEntry[] | undefined,
  ctx: ConvertContext,
  budget: ReadBudget,
  clock: ReadClock,
): Sheet {
  budget.text = MAX_SHEET_TEXT_CHARS;
  budget.sheet = entry.name;
  const rows: (Cell | undefined)[][] = [];
  let maxR = -1;
  let maxC = -1;
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart >= 0 && xml.lastIndexOf('<sheetData') !== dataStart) decline('two <sheetData>');
  // prefixed elements need no search of their own: inside <sheetData> the scanner declines any
  // element but <row>/<c>/<v>/<f>/<is>, and a prefixed <x:sheetData> or <x:mergeCells> is invisible
  // to exceljs and to the indexOf below alike
  let dataEnd = dataStart;
  if (dataStart >= 0) {
    const gt = xml.indexOf('>', dataStart);
    if (gt < 0) decline('truncated <sheetData>');
    if (xml.charCodeAt(gt - 1) === 47) dataEnd = gt + 1;
    else {
      dataEnd = xml.indexOf('</sheetData>', gt);
      if (dataEnd < 0) decline('unclosed <sheetData>');
      const bang = xml.indexOf('<!', gt + 1);
      const pi = xml.indexOf('<?', gt + 1);
      if ((bang >= 0 && bang < dataEnd) || (pi >= 0 && pi < dataEnd)) decline('comment, CDATA or PI in sheetData');
      maxC = scanRows(xml, gt + 1, dataEnd, rows, styles, sst, ctx, budget, clock);
      maxR = rows.length - 1;
    }
  }
  return finishSheet(entry.name, entry.state, rows, readMergeRefs(xml, Math.max(dataEnd, 0), clock), maxR, maxC);
}

function readMergeRefs(xml: string, from: number, clock: ReadClock): string[] {
  const start = xml.indexOf('<mergeCells', from);
  if (start < 0) return [];
  if (xml.indexOf('<mergeCells', start + 11) >= 0) decline('two <mergeCells>');
  const end = xml.indexOf('</mergeCells>', start);
  const region = end < 0 ? '' : xml.slice(start, end);
  const refs: string[] = [];
  for (const a of startTags(region, 'mergeCell', clock)) {
    const ref = a.get('ref');
    if (ref !== undefined) refs.push(ref);
  }
  return refs;
}

/**
 * The rows of <sheetData> into `rows` (0-based). Returns the largest column index holding a cell.
 * One pass, positions only; strings are sliced only for values.
 *
 * Long on purpose: this is the loop every cell of a province merge goes through. The row scan and
 * the cell scan share one position and reuse two scratch objects (no allocation per cell), and
 * each `decline` mirrors one exceljs behaviour in the order exceljs meets it; the cell's body is
 * already its own function (scanCellBody), and cutting the row loop from the cell loop would hand
 * the position, the row, its column and the budgets back and forth for every cell.
 */
function scanRows(
  xml: string,
  from: number,
  to: number,
  rows: (Cell | undefined)[][],
  styles: Styles,
  sst: SstEntry[] | undefined,
  ctx: ConvertContext,
  budget: ReadBudget,
  clock: ReadClock,
): number {
  let p = from;
  let maxC = -1;
  let lastRow = 0;
  let rowCount = 0;
  const cell: RawCell = { col: 0, t: undefined, styleId: 0, value: undefined, rich: undefined, formula: undefined, shareType: undefined };
  const cellAttrs: CellAttributes = { r: undefined, s: undefined, t: undefined };
  const interned = new Map<string, Cell | null>();
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= to) break;
    if (!xml.startsWith('<row', lt) || !isNameEnd(xml.charCodeAt(lt + 4))) decline('element other than <row> in sheetData');
    clock.tick();
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt > to) decline('truncated <row>');
    const rowAttrs = xml.slice(lt + 4, gt);
    const rText = attrValue(rowAttrs, 'r');
    if (rText === undefined || !/^[1-9]\d*$/.test(rText)) decline('row without a plain r');
    const rowNumber = Number(rText);
    if (rowNumber <= lastRow) decline('rows out of order');
    lastRow = rowNumber;
    if (++rowCount > MAX_ROWS) decline('too many rows');
    p = gt + 1;
    if (xml.charCodeAt(gt - 1) === 47) continue; // <row …/>
    const keepRow = rowNumber <= MAX_ROWS; // exceljs's reader then drops rows beyond the sheet's end
    let out: (Cell | undefined)[] | undefined;
    let prevCol = -1;
    let cellCount = 0;
    // cells of this row
    for (;;) {
      const clt = xml.indexOf('<', p);
      if (clt < 0 || clt >= to) decline('unclosed <row>');
      if (xml.startsWith('</row>', clt)) {
        p = clt + 6;
        break;
      }
      if (xml.charCodeAt(clt + 1) !== 99 /* c */ || !isNameEnd(xml.charCodeAt(clt + 2))) decline('element other than <c> in <row>');
      if (++cellCount > MAX_COLS) decline('too many cells in a row');
      const cgt = xml.indexOf('>', clt);
      if (cgt < 0 || cgt > to) decline('truncated <c>');
      const selfClosing = xml.charCodeAt(cgt - 1) === 47;
      readCellAttributes(xml, clt + 2, selfClosing ? cgt - 1 : cgt, cellAttrs);
      const address = cellAttrs.r;
      const sText = cellAttrs.s;
      cell.t = cellAttrs.t;
      cell.styleId = sText ? parseInt(sText, 10) : 0;
      cell.value = undefined;
      cell.rich = undefined;
      cell.formula = undefined;
      cell.shareType = undefined;
      p = cgt + 1;
      if (!selfClosing) p = scanCellBody(xml, p, to, cell);
      const hasStyle = Boolean(cell.styleId);
      const isFormula = Boolean(cell.formula || cell.shareType);
      const isMergeType = !isFormula && cell.value === undefined && cell.rich === undefined && !hasStyle;
      if (address !== undefined) {
        const a = decodeAddress(address);
        if (!a || a.row !== rowNumber) decline('cell address disagrees with its row');
        cell.col = a.col;
      } else {
        if (isMergeType) continue; // exceljs drops it before it would place it
        if (prevCol < 0) decline('first cell without an address');
        cell.col = prevCol + 1;
      }
      if (isMergeType) continue;
      prevCol = cell.col;
      if (cell.col >= MAX_COLS || !keepRow) continue;
      const value = internedCell(cell, isFormula, styles, sst, ctx, interned);
      if (!value) continue;
      if (value.t === 's' && (budget.text -= value.v.length) < 0) throw new SheetTextTooLarge(budget.sheet);
      (out ??= [])[cell.col] = value;
      if (cell.col > maxC) maxC = cell.col;
    }
    if (out) {
      budget.slots -= out.length;
      if (budget.slots < 0) decline('too many cell slots for in-process reading');
      rows[rowNumber - 1] = fillHoles(out);
    }
  }
  return maxC;
}

/** The children of one <c> (after its start tag) into `cell`; returns the position after </c>. */
function scanCellBody(xml: string, p: number, to: number, cell: RawCell): number {
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= to) decline('unclosed <c>');
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      if (xml.startsWith('</c>', lt)) return lt + 4;
      decline('unexpected closing tag in <c>');
    }
    // the common case first, without slicing the tag name: <v>text</v>
    if (c1 === 118 /* v */ && xml.charCodeAt(lt + 2) === 62 /* > */) {
      const end = xml.indexOf('</v>', lt + 3);
      if (end < 0 || end > to) decline('unclosed <v>');
      if (end > lt + 3) cell.value = (cell.value ?? '') + decodeXmlText(xml.slice(lt + 3, end));
      p = end + 4;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt > to) decline('truncated tag in <c>');
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const name = tagName(xml, lt + 1, gt);
    p = gt + 1;
    if (name === 'v') {
      if (selfClosing) continue;
      const end = xml.indexOf('</v>', p);
      if (end < 0 || end > to) decline('unclosed <v>');
      if (end > p) cell.value = (cell.value ?? '') + decodeXmlText(xml.slice(p, end));
      p = end + 4;
    } else if (name === 'f') {
      const shareType = attrValue(xml.slice(lt + 2, selfClosing ? gt - 1 : gt), 't');
      if (shareType !== undefined) cell.shareType = shareType;
      if (selfClosing) continue;
      const end = xml.indexOf('</f>', p);
      if (end < 0 || end > to) decline('unclosed <f>');
      if (end > p) cell.formula = (cell.formula ?? '') + decodeXmlText(xml.slice(p, end));
      p = end + 4;
    } else if (name === 'is') {
      if (selfClosing) continue;
      const end = xml.indexOf('</is>', p);
      if (end < 0 || end > to) decline('unclosed <is>');
      scanInlineString(xml, p, end, cell);
      p = end + 5;
    } else if (name === 'extLst') {
      decline('<extLst> in a cell');
    } else {
      decline(`<${name}> in <c>`);
    }
  }
}

/**
 * <is>: either <t> (text appended to the value) or <r> runs (rich text), as exceljs's CellXform reads them.
 * Not shared with parseStringItem although the loops look alike: each mirrors a different exceljs
 * reader (<si> keeps the last <t> and drops phonetic parts; <is> appends every <t>, refuses <rPh>,
 * and models text only inside runs), and one loop with both sets of rules would hide which is which.
 */
function scanInlineString(xml: string, from: number, to: number, cell: RawCell): void {
  let p = from;
  let run: { text?: string } | undefined;
  while (p < to) {
    const tag = nextTag(xml, p, to, '<is>');
    if (!tag) break;
    const { name, closing, selfClosing } = tag;
    p = tag.after;
    if (closing) {
      if (name === 'r' && run) {
        if (cell.value !== undefined) decline('runs mixed with text in <is>');
        (cell.rich ??= []).push(run);
        run = undefined;
      }
      continue;
    }
    if (name === 'r') {
      if (selfClosing) decline('empty run');
      run = {};
    } else if (name === 'rPr') {
      if (!selfClosing) p = skipPast(xml, p, to, 'rPr');
    } else if (name === 't') {
      let text: string | undefined;
      if (!selfClosing) {
        const end = xml.indexOf('</t>', p);
        if (end < 0 || end > to) decline('unclosed <t>');
        if (end > p) text = decodeXmlText(xml.slice(p, end));
        p = end + 4;
      }
      if (run) run.text = exceljsTextModel(text ?? '');
      else {
        if (cell.rich) decline('text after runs in <is>');
        if (text !== undefined) cell.value = (cell.value ?? '') + text;
      }
    } else {
      decline(`<${name}> in <is>`);
    }
  }
  if (run) decline('unclosed run in <is>');
}

/** A number too large for a double (1e999), or a spelled-out NaN / infinity. */
const NOT_FINITE = /^\s*(?:[+-]?(?:nan|inf|infinity|\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?))\s*$/i;

/** Distinct plain cells remembered per sheet (beyond it, cells are simply not shared). */
const INTERN_LIMIT = 200_000;

/**
 * cellValue, with equal plain cells sharing one object: a shared string, or a number/date with
 * the same text and style, becomes the same (immutable) Cell wherever it recurs. A 200,000-row
 * sheet repeats its categories, towns, dates and counts on every row; sharing them keeps the
 * table several times smaller. Formulas and inline strings are not shared (rare, and their value
 * depends on more than the text).
 */
function internedCell(
  cell: RawCell,
  isFormula: boolean,
  styles: Styles,
  sst: SstEntry[] | undefined,
  ctx: ConvertContext,
  interned: Map<string, Cell | null>,
): Cell | undefined {
  if (isFormula || cell.rich || cell.value === undefined || (cell.t !== undefined && cell.t !== 's' && cell.t !== 'n')) {
    return cellValue(cell, isFormula, styles, sst, ctx);
  }
  // a shared string has no number format; a number's depends on its style
  const key = cell.t === 's' ? `s${cell.value}` : `n${cell.styleId}|${cell.value}`;
  const known = interned.get(key);
  if (known !== undefined) return known ?? undefined;
  const value = cellValue(cell, isFormula, styles, sst, ctx);
  if (interned.size < INTERN_LIMIT) interned.set(key, value ?? null);
  return value;
}

/** exceljs's CellXform.parseClose + reconcile (with read-xlsx.ts's patches), then convertCell. */
function cellValue(cell: RawCell, isFormula: boolean, styles: Styles, sst: SstEntry[] | undefined, ctx: ConvertContext): Cell | undefined {
  const t = cell.t;
  let raw: unknown = cell.rich ? { richText: cell.rich } : cell.value;
  if (typeof raw === 'string' && (t === 'inlineStr' || t === 'str')) raw = decodeOoxmlEscapes(raw);
  let fmt: string | undefined;
  let exceljsDate = false;
  if (cell.styleId) {
    if (!styles.hasXfs) decline('styled cell without cellXfs');
    fmt = styles.fmtOf[cell.styleId];
    exceljsDate = styles.dateOf[cell.styleId] ?? false;
  }

  if (isFormula) {
    if (cell.rich) decline('formula with rich text'); // exceljs's xmlDecode would throw on it
    let result: unknown;
    if (raw) {
      const v = raw as string;
      if (t === 'str') result = exceljsXmlDecode(v);
      else if (t === 'b') result = parseInt(v, 10) !== 0;
      else if (t === 'e') result = { error: v };
      else result = parseFloat(v);
      if (t === 'd') {
        const date = isoToUtcDate(v);
        if (date) result = date;
      } else if (t === 's') {
        if (!sst) decline('shared-string result without a table');
        result = sst[result as number];
      }
    }
    const isError = typeof result === 'object' && result !== null && !(result instanceof Date) && 'error' in result;
    if (result !== undefined && exceljsDate && !isError) result = excelToDate(result, ctx.exceljs1904);
    return convertValue(result, fmt, ctx, 1);
  }
  if (raw === undefined) return undefined;
  let value: unknown;
  switch (t) {
    case 's': {
      if (!sst) decline('shared string without a table');
      value = sst[parseInt(raw as string, 10)];
      // an index past the table loses that cell, not the file (issue 13, item 19): exceljs would
      // fail on it, and SheetJS then read the sheet as empty
      if (value === undefined) return undefined;
      break;
    }
    case 'str':
      value = exceljsXmlDecode(raw as string);
      break;
    case 'inlineStr':
      value = raw;
      break;
    case 'b':
      value = parseInt(raw as string, 10) !== 0;
      break;
    case 'e':
      value = { error: raw };
      break;
    default: {
      const date = t === 'd' ? isoToUtcDate(raw as string) : undefined;
      if (date) value = date;
      else {
        value = parseFloat(raw as string);
        // NaN, INF, 1e999: not a number anyone can use; kept as the text written, so the checks
        // report it (date-invalid, count-invalid) instead of an empty cell (issue 13, item 19)
        // (other text in a number cell is dropped, as exceljs drops it)
        if (!Number.isFinite(value) && NOT_FINITE.test(raw as string)) return { t: 's', v: (raw as string).trim() };
        if (exceljsDate) value = excelToDate(value, ctx.exceljs1904);
      }
    }
  }
  return convertValue(value, fmt, ctx, 0);
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

interface CellAttributes {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
}

/**
 * r, s and t of a <c> start tag (between the element name and '>' or '/>') in one pass, without
 * copying the tag. Other attributes (cm, vm, ph) are skipped.
 */
function readCellAttributes(xml: string, from: number, to: number, out: CellAttributes): void {
  out.r = out.s = out.t = undefined;
  let p = from;
  while (p < to) {
    let c = xml.charCodeAt(p);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++p);
    if (p >= to) break;
    const nameStart = p;
    while (p < to && c !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13) c = xml.charCodeAt(++p);
    const nameLen = p - nameStart;
    while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++p);
    if (c !== 61) decline('attribute without a value');
    c = xml.charCodeAt(++p);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++p);
    if (c !== 34 && c !== 39) decline('unquoted attribute');
    const end = xml.indexOf(c === 34 ? '"' : "'", p + 1);
    if (end < 0 || end >= to) decline('unclosed attribute');
    if (nameLen === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114 || n === 115 || n === 116) {
        let v = xml.slice(p + 1, end);
        if (v.includes('&') || v.includes('\n') || v.includes('\t') || v.includes('\r')) v = decodeXmlAttr(v);
        if (n === 114) out.r = v;
        else if (n === 115) out.s = v;
        else out.t = v;
      }
    }
    p = end + 1;
  }
}

/** The value of attribute `name` in the text of a start tag (after the element name), decoded. */
function attrValue(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = attrs.charCodeAt(i - 1);
    if (i > 0 && !(before === 32 || before === 9 || before === 10 || before === 13)) continue;
    let j = i + name.length;
    while (attrs.charCodeAt(j) === 32) j++;
    if (attrs.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (attrs.charCodeAt(j) === 32) j++;
    const q = attrs.charCodeAt(j);
    if (q !== 34 && q !== 39) return undefined;
    const end = attrs.indexOf(q === 34 ? '"' : "'", j + 1);
    if (end < 0) decline('unclosed attribute');
    const v = attrs.slice(j + 1, end);
    return v.includes('&') || v.includes('\n') || v.includes('\t') || v.includes('\r') ? decodeXmlAttr(v) : v;
  }
}

/** 'B7' → {row: 7, col: 1 (0-based)}; undefined for anything exceljs's colCache would read differently. */
function decodeAddress(a: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  while (i < a.length) {
    const c = a.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === 0 || i > 3 || i === a.length) return undefined;
  let row = 0;
  for (let k = i; k < a.length; k++) {
    const c = a.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (a.charCodeAt(i) === 48) return undefined;
  return { row, col: col - 1 };
}
