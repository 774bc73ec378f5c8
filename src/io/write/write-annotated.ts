/**
 * Feedback for a unit (SPEC §8 `反馈/<单位>.xlsx`, `kepuri validate --annotate DIR`): a copy of
 * the unit's own table with every faulty cell filled (light red for an error, yellow for a
 * warning) and a note (批注) saying what is wrong, plus a short polite reply text to email back.
 *
 * An .xlsx/.xlsm source is loaded with exceljs in memory, so its layout and values are kept
 * (macros are not: the copy is a plain .xlsx). Any other source (xls, et, ods, csv) is rebuilt as
 * a plain copy from the neutral Workbook the reader produced. Inputs are never written to.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from '../../core/config/schema.js';
import type { Report, ReportFile, ReportFinding } from '../../core/report.js';
import { parseAddress, type Cell, type Workbook } from '../../core/table.js';
import { CLERK_CODES, composeReply, needsReply, NOT_A_SUBMISSION } from '../../core/compose-reply.js';
import { MARK_WORDS, type Lang } from '../../core/messages.js';
import { writeFileAtomic } from './write-atomic.js';
import { FEEDBACK_MAX_CELLS, workbookCells } from './feedback-limits.js';

export { FEEDBACK_MAX_CELLS, workbookCells };
import { addFilterDatabaseNames } from './exceljs-filter-names.js';
import { installQuotePrefix, markQuotePrefix, neutralizeWorkbook } from './exceljs-safe-cells.js';

export interface AnnotationSource {
  bytes: Buffer;
  /** the neutral workbook the reader produced; needed to rebuild non-xlsx sources */
  workbook?: Workbook;
  /** the table is too large for a copy (its cell count): kept neither bytes nor workbook */
  tooLargeCells?: number;
}

/** A copy not made because the table is too large; its message is the finding's reason. */
export class FeedbackTooLarge extends Error {
  readonly code = 'EKEPURI_TOO_LARGE';
  constructor(cells: number) {
    super(`表格过大，共 ${cells} 个单元格，未生成批注副本`);
  }
}

export const ERROR_FILL_ARGB = 'FFFFC7CE';
export const WARNING_FILL_ARGB = 'FFFFEB9C';
// the letter itself is composed in core (pure); re-exported for the callers that know it from here
export { composeReply, REPLY_MAX_ITEMS } from '../../core/compose-reply.js';
const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const SEVERITY_TAG = { zh: { error: '错误', warning: '警告' }, en: { error: 'error', warning: 'check' } } as const;
/** findings that are about the file as a whole and cannot be marked in it */
const UNREADABLE_CODES = new Set(['file-unreadable', 'file-encrypted', 'file-too-large', 'file-unsupported']);

type Actionable = ReportFinding & { severity: 'error' | 'warning' };

function actionable(findings: readonly ReportFinding[]): Actionable[] {
  return findings.filter((f): f is Actionable => f.severity === 'error' || f.severity === 'warning');
}

// ---------------------------------------------------------------- the annotated copy

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Cells a single data-validation range may cover once loaded (exceljs keeps one entry per cell). */
const VALIDATION_CELL_CAP = 20_000;
const VALIDATION_ROW_CAP = 5_000;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * 'C5:C1048576' → 'C5:C5000'. Units' files often carry a dropdown on whole columns; exceljs
 * expands every validation range into one entry per cell when loading, which for a whole column
 * is a million entries (seconds and ~300 MB each). The copy only needs the rows people use.
 */
export function clipValidationSqref(sqref: string): string {
  return sqref
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((token) => {
      const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(token);
      if (!m) return token;
      const [c1, r1, c2, r2] = [colNumber(m[1]), Number(m[2]), colNumber(m[3]), Number(m[4])];
      const width = Math.abs(c2 - c1) + 1;
      const height = Math.abs(r2 - r1) + 1;
      if (width * height <= VALIDATION_CELL_CAP) return token;
      const top = Math.min(r1, r2);
      const bottom = Math.max(top, Math.min(Math.max(r1, r2), VALIDATION_ROW_CAP, top + Math.floor(VALIDATION_CELL_CAP / width) - 1));
      const left = c1 <= c2 ? m[1] : m[3];
      const right = c1 <= c2 ? m[3] : m[1];
      return `${left}${top}:${right}${bottom}`;
    })
    .join(' ');
}

let validationClipInstalled = false;

/** Make exceljs clip giant data-validation ranges while parsing (see clipValidationSqref). Idempotent. */
function installValidationClip(): void {
  if (validationClipInstalled) return;
  validationClipInstalled = true;
  try {
    const require = createRequire(import.meta.url);
    const Xform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js') as {
      prototype: { parseOpen(node: { name: string; attributes: Record<string, string> }): boolean };
    };
    const original = Xform.prototype.parseOpen;
    Xform.prototype.parseOpen = function (this: unknown, node) {
      if (node.name === 'dataValidation' && typeof node.attributes?.sqref === 'string') {
        node = { ...node, attributes: { ...node.attributes, sqref: clipValidationSqref(node.attributes.sqref) } };
      }
      return original.call(this, node);
    };
  } catch {
    // exceljs laid out differently: load unpatched
  }
}

async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook | undefined> {
  if (!isZip(bytes)) return undefined;
  installValidationClip();
  try {
    const wb = new ExcelJS.Workbook();
    // exceljs's typings predate Node's generic Buffer
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb.worksheets.length > 0 ? wb : undefined;
  } catch {
    return undefined;
  }
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) {
    const suffix = `(${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

function wallClockDate(v: string): Date {
  const [y, m, d] = v.slice(0, 10).split('-').map(Number);
  const hh = v.length >= 16 ? Number(v.slice(11, 13)) : 0;
  const mm = v.length >= 16 ? Number(v.slice(14, 16)) : 0;
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

function writeNeutralCell(target: ExcelJS.Cell, cell: Cell): void {
  switch (cell.t) {
    case 's':
      // a plain string value: exceljs writes it as text, never as a formula; flagged when it
      // would turn into one on editing
      target.value = cell.v;
      markQuotePrefix(target, cell.v);
      break;
    case 'n':
      target.value = cell.v;
      if (cell.fmt && cell.fmt !== 'General') target.numFmt = cell.fmt;
      break;
    case 'd':
      target.value = wallClockDate(cell.v);
      target.numFmt = cell.v.length > 10 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
      break;
    case 'b':
      target.value = cell.v;
      break;
    case 'e':
      target.value = cell.v;
      break;
  }
}

/** A plain .xlsx with the neutral workbook's sheets, values and merges; returns old → new sheet names. */
function rebuildFromNeutral(source: Workbook): { wb: ExcelJS.Workbook; names: Map<string, string> } {
  installQuotePrefix();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kepuri';
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const sheet of source.sheets) {
    const name = safeSheetName(sheet.name, used);
    names.set(sheet.name, name);
    const ws = wb.addWorksheet(name, { state: sheet.hidden ? 'hidden' : 'visible' });
    const widths: number[] = [];
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        writeNeutralCell(ws.getCell(r + 1, c + 1), cell);
        const text = cell.t === 's' ? cell.v : String(cell.v);
        let units = 0;
        for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
        widths[c] = Math.max(widths[c] ?? 8, Math.min(40, units + 2));
      });
    });
    widths.forEach((w, c) => {
      if (w !== undefined) ws.getColumn(c + 1).width = w;
    });
    for (const m of sheet.merges) {
      try {
        ws.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1);
      } catch {
        // overlapping merges in a hostile file: keep the values, drop the merge
      }
    }
  }
  // a workbook needs one visible sheet to open
  if (wb.worksheets.length > 0 && wb.worksheets.every((w) => w.state !== 'visible')) wb.worksheets[0].state = 'visible';
  return { wb, names };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(cell.text ?? '');
}

/** The 填报单位 label's value cell (or the label) in the first rows, for findings without a cell. */
function findUnitCell(ws: ExcelJS.Worksheet): string | undefined {
  const last = Math.min(ws.rowCount, 15);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    let label: number | undefined;
    for (let c = 1; c <= Math.min(row.cellCount, 60); c++) {
      const text = cellText(row.getCell(c)).replace(/\s+/g, '');
      if (label === undefined && /(填报|报送|申报)?单位(名称)?([(（][^)）]*[)）])?[:：]/.test(text)) {
        // the name may be in the same cell, after the colon
        if (/[:：]\s*\S/.test(text.replace(/^.*?单位(名称)?([(（][^)）]*[)）])?/, ''))) return row.getCell(c).address;
        label = c;
        continue;
      }
      if (label !== undefined && text !== '') {
        // the blank after the label was left empty: mark the blank, not the next label
        return /^(联系人|联系电话|电话|手机|填报日期|填表日期|日期|填报人|邮箱)[:：]?/.test(text) ? row.getCell(label + 1).address : row.getCell(c).address;
      }
    }
    if (label !== undefined) return row.getCell(label).address;
  }
  return undefined;
}

interface Mark {
  ws: ExcelJS.Worksheet;
  address: string;
  severity: 'error' | 'warning';
  lines: string[];
}

/** The comments' author and the header of the printed mark column. */
export const MARK_AUTHOR = '区科协';
export const MARK_HEADER = '标记（区科协）';

let authorPatched = false;

/**
 * exceljs writes every comment's author as "Author" (its comments writer has a TODO for
 * authors). The unit should see who wrote the notes: swap the name as the part is written.
 */
function installCommentAuthor(): void {
  if (authorPatched) return;
  authorPatched = true;
  try {
    const require = createRequire(import.meta.url);
    const Xform = require('exceljs/lib/xlsx/xform/comment/comments-xform.js') as {
      prototype: { render(xmlStream: { leafNode(name: string, attrs: unknown, text?: unknown): void }, model: unknown): void };
    };
    const original = Xform.prototype.render;
    Xform.prototype.render = function (this: unknown, xmlStream, model) {
      const leaf = xmlStream.leafNode;
      xmlStream.leafNode = function (this: unknown, name, attrs, text) {
        return leaf.call(this, name, attrs, name === 'author' && text === 'Author' ? MARK_AUTHOR : text);
      };
      try {
        return original.call(this, xmlStream, model);
      } finally {
        xmlStream.leafNode = leaf;
      }
    };
  } catch {
    // exceljs laid out differently: the notes keep its default author
  }
}

const HEADER_WORDS = ['活动名称', '活动类别', '开始日期', '联系电话', '活动形式', '开展方式', '主办单位'];

/** The header row among the first 15 (two or more template headers), if any. */
function findHeaderRow(ws: ExcelJS.Worksheet): number | undefined {
  const last = Math.min(ws.rowCount, 15);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    let hits = 0;
    for (let c = 1; c <= Math.min(row.cellCount, 60); c++) {
      const t = cellText(row.getCell(c)).replace(/\s+/g, '');
      if (HEADER_WORDS.some((w) => t.startsWith(w))) hits++;
    }
    if (hits >= 2) return r;
  }
  return undefined;
}

/**
 * Fills vanish on a black-and-white printer: each marked row also says in words, in a new last
 * column, which cells are wrong and why (short words; the note on the cell has the sentence).
 */
function addMarkColumn(ws: ExcelJS.Worksheet, rows: Map<number, { words: string[]; severity: 'error' | 'warning' }>, lang: Lang): void {
  if (rows.size === 0) return;
  const col = ws.columnCount + 1;
  const header = findHeaderRow(ws);
  const copyStyle = (r: number, target: ExcelJS.Cell) => {
    const left = ws.getRow(r).getCell(col - 1);
    if (!left.style) return;
    // the neighbour's font and border, never its fill (a tint is not a mark)
    const { fill: _fill, ...rest } = left.style;
    target.style = { ...rest, alignment: { wrapText: true, vertical: 'middle' } };
  };
  if (header !== undefined && !rows.has(header)) {
    const h = ws.getRow(header).getCell(col);
    copyStyle(header, h);
    h.value = lang === 'en' ? 'Marks (district association)' : MARK_HEADER;
  }
  for (const [r, m] of rows) {
    const cell = ws.getRow(r).getCell(col);
    copyStyle(r, cell);
    cell.value = m.words.join('；');
  }
  ws.getColumn(col).width = 28;
  // a print area the unit set would leave the marks off the paper: widen it to the new column
  const area = ws.pageSetup?.printArea;
  const m = typeof area === 'string' ? /^(\$?[A-Z]{1,3}\$?\d+):\$?[A-Z]{1,3}(\$?\d+)$/.exec(area) : null;
  if (m) ws.pageSetup.printArea = `${m[1]}:${ws.getColumn(col).letter}${m[2]}`;
}

function noteLine(f: Actionable, shownAt: string, target: string, lang: Lang): string {
  const where = shownAt !== target ? `${shownAt}：` : '';
  return `[${SEVERITY_TAG[lang][f.severity]}] ${where}${f.message}`;
}

function existingNoteText(cell: ExcelJS.Cell): string {
  const n = cell.note;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

function annotate(wb: ExcelJS.Workbook, findings: readonly Actionable[], sheetNames: Map<string, string> | undefined, lang: Lang): void {
  const visible = wb.worksheets.filter((w) => w.state === 'visible' || w.state === undefined);
  const sheetOf = (name: string | null): ExcelJS.Worksheet | undefined => {
    if (name === null) return undefined;
    return wb.getWorksheet(sheetNames?.get(name) ?? name);
  };
  // findings without a (known) sheet go on the sheet the others point at, else the first visible one
  const named = findings.map((f) => sheetOf(f.sheet)).find((w) => w !== undefined);
  const fallbackSheet = named ?? visible[0] ?? wb.worksheets[0];
  const marks = new Map<string, Mark>();
  // per sheet, per row: the printed words of the mark column
  const rowWords = new Map<ExcelJS.Worksheet, Map<number, { words: string[]; severity: 'error' | 'warning' }>>();

  for (const f of findings) {
    const ws = sheetOf(f.sheet) ?? fallbackSheet;
    if (!ws) continue;
    let address = f.cell && parseAddress(f.cell) ? f.cell.replace(/\$/g, '').toUpperCase() : undefined;
    if (!address && f.row !== null && f.row > 0) address = `A${f.row}`;
    if (!address) address = findUnitCell(ws) ?? 'A1';
    // a cell inside a merged range is shown by the range's top-left cell
    const cell = ws.getCell(address);
    const target = cell.isMerged && cell.master ? cell.master.address : address;
    const key = `${ws.id}!${target}`;
    const mark = marks.get(key) ?? { ws, address: target, severity: f.severity, lines: [] };
    if (f.severity === 'error') mark.severity = 'error';
    const line = noteLine(f, address, target, lang);
    if (!mark.lines.includes(line)) mark.lines.push(line);
    marks.set(key, mark);
    if (f.row !== null && f.row > 0) {
      const perSheet = rowWords.get(ws) ?? new Map();
      rowWords.set(ws, perSheet);
      const entry = perSheet.get(f.row) ?? { words: [], severity: f.severity };
      const word = `${f.cell ? f.cell.replace(/\$/g, '').toUpperCase() + ' ' : ''}${lang === 'en' ? f.code : MARK_WORDS[f.code]}`;
      if (!entry.words.includes(word)) entry.words.push(word);
      if (f.severity === 'error') entry.severity = 'error';
      perSheet.set(f.row, entry);
    }
  }
  for (const [ws, rows] of rowWords) addMarkColumn(ws, rows, lang);

  for (const m of marks.values()) {
    const cell = m.ws.getCell(m.address);
    // a loaded workbook shares one style object between the cells of a style: replace, never mutate
    const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: m.severity === 'error' ? ERROR_FILL_ARGB : WARNING_FILL_ARGB } };
    cell.style = { ...cell.style, fill };
    const before = existingNoteText(cell);
    const text = [...m.lines, ...(before ? ['', `原批注：${before}`] : [])].join('\n');
    cell.note = {
      texts: [{ font: { size: 10, name: '宋体' }, text }],
      margins: { insetmode: 'auto', inset: [0.13, 0.13, 0.25, 0.25] },
      protection: { locked: 'True', lockText: 'True' },
      editAs: 'absolute',
    };
  }
}

/**
 * Write the highlighted copy of one unit's file. Returns false (and writes nothing) when the
 * source is neither an .xlsx exceljs can load nor accompanied by its neutral `workbook`.
 */
export async function writeAnnotatedCopy(
  sourceBytes: Buffer,
  findings: ReportFinding[],
  outFile: string,
  workbook?: Workbook,
  /** the notes' language: the unit's letters are Chinese unless English letters were asked for */
  lang: Lang = 'zh',
): Promise<boolean> {
  const marks = actionable(findings);
  installCommentAuthor();
  const loaded = await loadXlsx(sourceBytes);
  if (loaded) {
    try {
      // cached values only: no formula, DDE call or link of the unit's file reaches the copy
      neutralizeWorkbook(loaded);
      annotate(loaded, marks, undefined, lang);
      addFilterDatabaseNames(loaded);
      await writeFileAtomic(outFile, Buffer.from(await loaded.xlsx.writeBuffer()));
      return true;
    } catch (err) {
      // exceljs could not write back something it loaded: fall back to the plain copy
      if (!workbook) throw err;
    }
  }
  if (!workbook || workbook.sheets.length === 0) return false;
  const rebuilt = rebuildFromNeutral(workbook);
  annotate(rebuilt.wb, marks, rebuilt.names, lang);
  await writeFileAtomic(outFile, Buffer.from(await rebuilt.wb.xlsx.writeBuffer()));
  return true;
}

// ---------------------------------------------------------------- the folder of feedback

/**
 * At most this many UTF-8 bytes in a unit's file name before its suffixes: file systems allow
 * 255 bytes a name, and `-回复.txt`, a `-2` for a second file and the temporary name's
 * `.….<pid>.<time>.tmp` must fit too (issue 13, item 16: 80 CJK characters are 240 bytes).
 */
export const MAX_NAME_BYTES = 180;

/**
 * A file name without / \ : * ? " < > | , control characters or bidi overrides, never empty,
 * never hidden, at most 80 characters and MAX_NAME_BYTES bytes.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  let cut = '';
  let bytes = 0;
  let chars = 0;
  for (const ch of cleaned) {
    const n = Buffer.byteLength(ch);
    if (chars >= 80 || bytes + n > MAX_NAME_BYTES) break;
    cut += ch;
    bytes += n;
    chars++;
  }
  return cut.replace(/[. ]+$/, '') || '未命名';
}

/** 'inbox/a.eml#附件.xlsx' → '附件'; 'dir/b.xls' → 'b' */
export function sourceBaseName(reportPath: string): string {
  const last = reportPath.split('#').pop() ?? reportPath;
  const base = last.split(/[/\\]/).pop() ?? last;
  return base.replace(/\.[^.]+$/, '') || base;
}

function diskPathOf(reportPath: string): string | undefined {
  return reportPath.includes('#') ? undefined : reportPath;
}

async function readSourceFromDisk(file: string): Promise<AnnotationSource | undefined> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile() || st.size > MAX_SOURCE_BYTES) return undefined;
    return { bytes: await fs.readFile(file) };
  } catch {
    return undefined;
  }
}

async function neutralFromDisk(file: string): Promise<Workbook | undefined> {
  try {
    const { readInputFile } = await import('../read/read-input-file.js');
    return (await readInputFile(file)).workbook;
  } catch {
    return undefined;
  }
}

/** The clerk's note in the feedback folder about files that got no reply of their own. */
export const CLERK_NOTE_FILE = '说明.txt';

export interface AnnotationOptions {
  rules: Config;
  sources?: Map<string, AnnotationSource>;
  /** the run's time: the letters' date and the base of the resubmission date; default now */
  runAt?: Date;
  /** the letters' language; Chinese unless English letters were asked for */
  lang?: Lang;
  /** a unit's copy or reply that could not be written (the others still are) */
  onError?: (file: string, unit: string | null, err: unknown) => void;
}

/** Files that are not submissions (a poster, a cover letter): listed for the clerk, never answered. */
export function notSubmissions(report: Report): { path: string; message: string }[] {
  return report.findings.filter((f) => NOT_A_SUBMISSION.has(f.code)).map((f) => ({ path: f.file, message: f.message }));
}

/**
 * For each file of the report with something of the unit's own to say: `<dir>/<单位>-回复.txt`,
 * and `<dir>/<单位>.xlsx` (the highlighted copy) when a finding has a place in the file and the
 * source can be read. Files that are not submissions get no reply; they are listed in 说明.txt
 * for the clerk. `report`'s messages are the letters' language. Returns the written paths.
 */
export async function writeAnnotations(report: Report, dir: string, opts: AnnotationOptions): Promise<string[]> {
  const byFile = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const inputs = new Set(report.files.map((f) => path.resolve(diskPathOf(f.path) ?? f.path.split('#')[0])));
  const used = new Set<string>();
  const written: string[] = [];
  const runAt = opts.runAt ?? new Date();
  const lang = opts.lang ?? 'zh';

  for (const file of report.files) {
    const all = byFile.get(file.path) ?? [];
    // a replaced submission needs no feedback: the unit already sent a newer one
    if (file.status === 'superseded' || !needsReply(all)) continue;
    const own = actionable(all).filter((f) => !CLERK_CODES.has(f.code));
    const unit = file.unit ?? all.find((f) => f.unit)?.unit ?? null;
    const name = uniqueName(safeFileName(unit ?? sourceBaseName(file.path)), used, dir, inputs);

    // lateness alone has nothing to mark: the letter goes without a copy
    const toMark = own.filter((f) => f.code !== 'submission-late');
    const xlsx = path.join(dir, `${name}.xlsx`);
    // one file exceljs cannot handle must not stop the feedback for the others: the reply still goes out
    let copyError: unknown;
    const annotated =
      toMark.length > 0 &&
      (await writeCopy(file, toMark, xlsx, opts.sources, lang).catch((err: unknown) => {
        copyError = err;
        return false;
      }));
    if (annotated) written.push(xlsx);
    // a copy that should have gone out and could not be written is reported (issue 13, item 19)
    if (!annotated && copyError !== undefined) opts.onError?.(file.path, unit, copyError);

    const txt = path.join(dir, `${name}-回复.txt`);
    // the reply points to an attachment only when there is one
    const reply = composeReply(unit ?? '', own, opts.rules, { runAt, receivedAt: file.receivedAt, annotated, lang });
    try {
      // BOM and CRLF so Notepad on older Windows shows the Chinese text correctly
      await writeFileAtomic(txt, '\ufeff' + reply.replace(/\n/g, '\r\n'));
      written.push(txt);
    } catch (err) {
      // one unit's reply that cannot be written is that unit's problem, never the run's end
      if (!opts.onError) throw err;
      opts.onError(file.path, unit, err);
    }
  }

  const skipped = notSubmissions(report);
  if (skipped.length > 0) {
    const note = [
      lang === 'en' ? 'Files that are not activity schedules (no reply written for them):' : '以下文件不是活动安排表，未生成回复，请自行查看：',
      '',
      ...skipped.map((s) => `${s.path}  ${s.message}`),
    ].join('\n');
    const out = path.join(dir, CLERK_NOTE_FILE);
    await writeFileAtomic(out, '\ufeff' + note.replace(/\n/g, '\r\n') + '\r\n');
    written.push(out);
  }
  return written;
}

async function writeCopy(
  file: ReportFile,
  findings: Actionable[],
  out: string,
  sources: Map<string, AnnotationSource> | undefined,
  lang: Lang,
): Promise<boolean> {
  if (file.status === 'unreadable' || file.status === 'unsupported') return false;
  if (findings.some((f) => UNREADABLE_CODES.has(f.code))) return false;
  const disk = diskPathOf(file.path);
  const source = sources?.get(file.path) ?? (disk ? await readSourceFromDisk(disk) : undefined);
  if (!source) return false;
  if (source.tooLargeCells !== undefined) throw new FeedbackTooLarge(source.tooLargeCells);
  if (source.workbook) {
    const cells = workbookCells(source.workbook);
    if (cells > FEEDBACK_MAX_CELLS) throw new FeedbackTooLarge(cells);
  }
  if (await writeAnnotatedCopy(source.bytes, findings, out, source.workbook, lang)) return true;
  if (source.workbook || !disk) return false;
  // not an .xlsx (xls, et, ods, csv): rebuild it from what the reader makes of it
  const workbook = await neutralFromDisk(disk);
  return workbook ? writeAnnotatedCopy(source.bytes, findings, out, workbook, lang) : false;
}

/** A name not used yet in this run, and never the path of an input (inputs are never written to). */
function uniqueName(base: string, used: Set<string>, dir: string, inputs: Set<string>): string {
  const taken = (n: string) => used.has(n.toLowerCase()) || inputs.has(path.resolve(dir, `${n}.xlsx`)) || inputs.has(path.resolve(dir, `${n}-回复.txt`));
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}-${i}`;
  used.add(name.toLowerCase());
  return name;
}
