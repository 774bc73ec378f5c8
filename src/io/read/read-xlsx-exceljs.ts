/**
 * .xlsx / .xlsm with exceljs's in-memory reader (`wb.xlsx.load`), converted to the neutral
 * Workbook. Never the streaming WorkbookReader: it garbles CJK text at chunk boundaries and
 * hands shared strings back as indexes.
 *
 * exceljs is made safe and exact for reading:
 * - parts we never use are skipped (`ignoreNodes`): data validations (exceljs expands each range
 *   into one entry per cell: a whole-column dropdown is a million), column definitions
 *   (`<col max=…>` is looped over), hyperlinks (a hyperlink cell then keeps its plain text),
 *   drawings, page setup and the like; rows and columns are bounded (`maxRows`, `maxCols`);
 * - on workbooks this reader creates (marked KEPURI_READ) merged ranges are recorded, not
 *   materialised cell by cell (a merge of A1:XFD1048576 would be 17 billion cells), and defined
 *   names are not expanded (exceljs expands `_FilterDatabase` over whole columns per cell:
 *   20 s and 3 GB for one autofilter);
 * - the zh-CN built-in date formats (numFmtId 27–36, 50–58, which Chinese Excel and WPS write
 *   without a format string) are added to exceljs's table of defaults, so those cells are dates;
 * - a few exceljs reading bugs are fixed for every load (see patchExcelJs): ISO `t="d"` cells,
 *   `_x000D_` escapes in inline and formula strings, formula results stored as shared strings,
 *   error results under a date format;
 * - falsy formula results (0, false) are read from `cell.result` (`cell.value` drops them);
 * - the 1904 date system is read from `xl/workbook.xml` ourselves: exceljs only honours
 *   `date1904="1"`, not `"true"` (LibreOffice and SheetJS write the latter).
 * These patches change nothing for workbooks other code loads, except the bug fixes and the
 * zh-CN default formats, which only add correct values where exceljs produced wrong ones.
 *
 * `readXlsx` throws when exceljs cannot read the file faithfully (including when parts sit
 * where exceljs does not look, so it would silently miss sheets or strings); the caller then
 * falls back to SheetJS.
 */
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import type { Cell, Sheet, Workbook } from '../../core/table.js';
import { MAX_COLS, MAX_ROWS, fillHoles, finishSheet } from './sheet-grid.js';
import { ZH_CN_BUILTIN_FORMATS } from './excel-formats.js';
import { readZipDirectorySync, readZipMemberSync } from './zip-directory.js';
import { convertValue, decodeOoxmlEscapes, isoToUtcDate, type ConvertContext } from './xlsx-cell-values.js';
import { sheetTextCounter } from './sheet-text-cap.js';

const KEPURI_READ = Symbol.for('kepuri.read-xlsx');
const KEPURI_MERGES = Symbol.for('kepuri.read-xlsx.merges');
const SHARED_RESULT = Symbol.for('kepuri.read-xlsx.shared-result');

/** Worksheet parts exceljs would only slow down on, and that the neutral model does not carry. */
const IGNORED_NODES = [
  'dataValidations',
  'cols',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'sheetProtection',
  'autoFilter',
  'pageSetup',
  'pageMargins',
  'printOptions',
  'headerFooter',
  'rowBreaks',
  'sheetViews',
];

let patched = false;

/** Install the reading-only adjustments on exceljs (idempotent; no effect on other workbooks). */
function patchExcelJs(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  try {
    const defaults = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<number, { f?: string } | undefined>;
    for (const [id, f] of Object.entries(ZH_CN_BUILTIN_FORMATS)) {
      const entry = defaults[Number(id)];
      if (entry && !entry.f) entry.f = f;
      else if (!entry) defaults[Number(id)] = { f };
    }
  } catch {
    // laid out differently: built-in CJK formats then stay numbers, and convertCell catches
    // nothing more; acceptable
  }
  try {
    // Fixes for every exceljs load (bugs, not policy):
    // - ISO-8601 date cells (t="d") were read with parseFloat ('2021-01-01' → 2021): now Dates;
    // - inline strings and formula strings kept their '_x000D_' escapes (only shared strings
    //   were decoded);
    // - a formula whose cached string sits in the shared-string table (t="s", as SheetJS writes
    //   with bookSST) came back as the table index;
    // - an error result ({error: '#DIV/0!'}) of a formula in a date-formatted cell was turned
    //   into an Invalid Date.
    const { ValueType } = require('exceljs/lib/doc/enums.js') as { ValueType: { Date: number } };
    const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform.js') as { prototype: Record<string, unknown> };
    type CellModel = { type?: number; value?: unknown; result?: unknown; formula?: unknown; shareType?: unknown; [SHARED_RESULT]?: boolean };
    const originalClose = CellXform.prototype.parseClose as (this: unknown, name: string) => boolean;
    CellXform.prototype.parseClose = function (this: { t?: string; model?: CellModel; parser?: unknown }, name: string) {
      const model = name === 'c' && !this.parser ? this.model : undefined;
      const raw = model?.value;
      const t = this.t;
      if (model && typeof raw === 'string' && (t === 'inlineStr' || t === 'str')) model.value = decodeOoxmlEscapes(raw);
      const isFormula = Boolean(model && (model.formula || model.shareType));
      const more = originalClose.call(this, name);
      if (model && typeof raw === 'string') {
        if (t === 'd') {
          const date = isoToUtcDate(raw);
          if (date && isFormula) model.result = date;
          else if (date) {
            model.type = ValueType.Date;
            model.value = date;
          }
        } else if (t === 's' && isFormula) {
          model[SHARED_RESULT] = true;
        }
      }
      return more;
    };
    const originalReconcile = CellXform.prototype.reconcile as (this: unknown, model: CellModel, options: unknown) => void;
    CellXform.prototype.reconcile = function (this: unknown, model: CellModel, options: unknown) {
      const r = model?.result;
      const isError = typeof r === 'object' && r !== null && !(r instanceof Date) && 'error' in r;
      if (model?.[SHARED_RESULT]) {
        delete model[SHARED_RESULT];
        const table = (options as { sharedStrings?: { getString(i: number): unknown } } | undefined)?.sharedStrings;
        if (typeof r === 'number' && table) model.result = table.getString(r);
      }
      originalReconcile.call(this, model, options);
      if (isError) model.result = r;
    };
  } catch {
    // laid out differently: those rare cells stay as exceljs reads them
  }
  try {
    const Worksheet = require('exceljs/lib/doc/worksheet.js') as { prototype: Record<string, unknown> };
    const original = Worksheet.prototype._parseMergeCells as (this: unknown, model: unknown) => void;
    Worksheet.prototype._parseMergeCells = function (this: Record<string | symbol, unknown>, model: { mergeCells?: unknown }) {
      const wb = this._workbook as Record<symbol, unknown> | undefined;
      if (wb?.[KEPURI_READ]) {
        const list = Array.isArray(model?.mergeCells) ? (model.mergeCells as unknown[]) : [];
        this[KEPURI_MERGES] = list.filter((m): m is string => typeof m === 'string');
        return;
      }
      return original.call(this, model);
    };
  } catch {
    // without it a huge merge is slow; the worker's limits still bound it
  }
}

export interface XlsxInfo {
  date1904: boolean;
  /** worksheet parts in the package (xl/worksheets/*.xml) */
  worksheetParts: number;
  /** every part exceljs needs is where exceljs looks for it */
  canonical: boolean;
}

/** What exceljs might get wrong, read from the package directly. */
export function inspectXlsx(bytes: Buffer): XlsxInfo {
  const dir = readZipDirectorySync(bytes);
  if (!dir) throw new Error('zip directory not found');
  const xml = readZipMemberSync(bytes, 'xl/workbook.xml', 32 * 1024 * 1024, dir)?.toString('utf8');
  if (xml === undefined) throw new Error('xl/workbook.xml not found');
  const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(xml)?.[0] ?? '';
  const date1904 = /\bdate1904\s*=\s*["']\s*(1|true)\s*["']/i.test(pr);
  const names = dir.map((e) => e.name.replace(/^\/+/, ''));
  const worksheets = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n));
  // exceljs finds parts by their usual names only; anything else it would silently miss
  const canonical =
    worksheets.every((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)) &&
    names.filter((n) => /sharedstrings[^/]*\.xml$/i.test(n)).every((n) => n === 'xl/sharedStrings.xml') &&
    names.filter((n) => /^xl\/styles[^/]*\.xml$/i.test(n)).every((n) => n === 'xl/styles.xml');
  return { date1904, worksheetParts: worksheets.length, canonical };
}

export async function readXlsx(bytes: Buffer, format: 'xlsx' | 'xlsm' = 'xlsx'): Promise<Workbook> {
  patchExcelJs();
  const info = inspectXlsx(bytes);
  if (!info.canonical) throw new Error('parts at non-standard paths');
  const wb = new ExcelJS.Workbook();
  const marked = wb as unknown as Record<string | symbol, unknown>;
  marked[KEPURI_READ] = true;
  // defined names are never expanded (see above); the neutral model has no use for them
  marked._definedNames = {
    get model() {
      return [];
    },
    set model(_v: unknown) {
      /* ignored */
    },
  };
  const options = { ignoreNodes: IGNORED_NODES, maxRows: MAX_ROWS, maxCols: MAX_COLS };
  await wb.xlsx.load(bytes as unknown as ArrayBuffer as never, options as never);

  const sheets = wb.worksheets;
  if (sheets.length < info.worksheetParts) {
    throw new Error(`exceljs found ${sheets.length} of ${info.worksheetParts} worksheets`);
  }
  // exceljs converts date cells itself, with the 1904 system only when it recognised the flag
  const exceljs1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const ctx: ConvertContext = {
    date1904: info.date1904,
    exceljs1904,
    shiftDays: info.date1904 && !exceljs1904 ? 1462 : 0,
  };
  return {
    format,
    date1904: info.date1904,
    sheets: sheets.map((ws) => convertSheet(ws, ctx)),
  };
}

function convertSheet(ws: ExcelJS.Worksheet, ctx: ConvertContext): Sheet {
  const rows: (Cell | undefined)[][] = [];
  let maxR = -1;
  let maxC = -1;
  const text = sheetTextCounter(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < 1 || rowNumber > MAX_ROWS) return;
    let out: (Cell | undefined)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber < 1 || colNumber > MAX_COLS) return;
      const c = convertCell(cell, ctx);
      if (!c) return;
      if (c.t === 's') text.add(c.v);
      (out ??= [])[colNumber - 1] = c;
      if (colNumber - 1 > maxC) maxC = colNumber - 1;
    });
    if (out) {
      rows[rowNumber - 1] = fillHoles(out);
      if (rowNumber - 1 > maxR) maxR = rowNumber - 1;
    }
  });
  const rawMerges = ((ws as unknown as Record<symbol, unknown>)[KEPURI_MERGES] as string[] | undefined) ?? [];
  return finishSheet(ws.name, ws.state, rows, rawMerges, maxR, maxC);
}

type ExcelCell = ExcelJS.Cell;

function convertCell(cell: ExcelCell, ctx: ConvertContext): Cell | undefined {
  const fmt = cellNumFmt(cell);
  // a formula's cached result, read directly: `cell.value` drops falsy results (0, false, '')
  if (cell.type === ExcelJS.ValueType.Formula) return convertValue(cell.result as unknown, fmt, ctx, 1);
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  return convertValue(cell.value as unknown, fmt, ctx, 0);
}

function cellNumFmt(cell: ExcelCell): string | undefined {
  try {
    const f = cell.numFmt;
    return typeof f === 'string' && f !== '' && f !== 'General' ? f : undefined;
  } catch {
    return undefined;
  }
}
