/**
 * 活动汇总表.xlsx (SPEC §8): the 附件2 columns in template order, then 填报单位, 来源文件,
 * 来源位置, 报送时间, 标记, then extra columns; header frozen, auto-filter on, error rows tinted,
 * dates as real date cells. Written with our xlsx writer, each row committed (serialised and
 * compressed) as soon as it is built, so a 200,000-row master never exists as cell objects.
 */
import { COLUMNS, type FieldKey } from '../../core/columns.js';
import type { Config } from '../../core/config/schema.js';
import { FOLLOW_UP_COLUMNS, followUpKeyOf, followUpValues } from '../../core/follow-up/follow-up-columns.js';
import type { MergedRow } from '../../core/merge/assemble-merge.js';
import { PRINT_WIDTHS, rowHeightFor, setupPrint } from './print-setup.js';
import { writeFileAtomic } from './write-atomic.js';
import { THIN_BORDER, writeHeaderRow } from './table-header.js';
import { XlsxBook, type Alignment, type CellValue, type Fill, type XlsxSheet } from './xlsx-writer.js';

export const MASTER_SHEET = '活动汇总表';
export const PROVENANCE_HEADERS = ['填报单位', '来源文件', '来源位置', '报送时间', '标记'] as const;

const ERROR_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
/** data cells wrap (long names, 简介 and addresses grow the row, not the page) and sit at the top */
const DATA_ALIGN: Alignment = { vertical: 'top', wrapText: true };

/** 'YYYY-MM-DD' → a Date whose UTC fields are that wall-clock day (how exceljs writes date cells). */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const hh = iso.length >= 16 ? Number(iso.slice(11, 13)) : 0;
  const mm = iso.length >= 16 ? Number(iso.slice(14, 16)) : 0;
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' → the Excel serial of that wall-clock time (1900 system). */
export function excelSerial(iso: string): number {
  const hasTime = iso.length >= 16;
  const ms = Date.UTC(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)) - 1,
    Number(iso.slice(8, 10)),
    hasTime ? Number(iso.slice(11, 13)) : 0,
    hasTime ? Number(iso.slice(14, 16)) : 0,
  );
  return ms / 86_400_000 + 25569;
}

/** Bit of column i in a row's date mask (the master has fewer than 31 date-capable columns up front). */
function dateBit(i: number): number {
  return i < 30 ? 1 << i : 0;
}

export function fieldValue(row: MergedRow, key: FieldKey): CellValue {
  const v = row.activity.values;
  const raw = row.activity.raw[key];
  switch (key) {
    case 'seq':
      return row.seq;
    case 'startDate':
    case 'endDate': {
      const iso = v[key];
      // an unreadable date keeps the unit's own text so nothing is lost
      return iso ? excelDate(iso) : (raw ?? null);
    }
    case 'expectedCount':
      return v.expectedCount ?? raw ?? null;
    case 'field':
      return v.field ? v.field.join('、') : (raw ?? null);
    default: {
      const typed = v[key];
      return typeof typed === 'string' ? typed : (raw ?? null);
    }
  }
}

export interface MasterOptions {
  /** how a source path is written in 来源文件 (relative to the input folder); default as given */
  displayPath?: (file: string) => string;
  /** called with each row as written (the upward copy is built alongside); a promise returned is awaited */
  onRow?: (index: number, values: readonly CellValue[], sheet: XlsxSheet) => Promise<void> | undefined;
}

export async function buildMasterWorkbook(
  rows: readonly MergedRow[],
  extraHeaders: readonly string[],
  rules: Config,
  createdAt: Date,
  opts: MasterOptions = {},
): Promise<XlsxBook> {
  const displayPath = opts.displayPath ?? ((f: string) => f);
  const wb = new XlsxBook();
  wb.creator = 'kepuri';
  wb.created = createdAt;
  wb.modified = createdAt;
  const ws = wb.addWorksheet(MASTER_SHEET, { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  // a unit's own 新闻报道链接 (…) column fills the follow-up column instead of standing as an extra
  const extras = extraHeaders.filter((h) => !followUpKeyOf(h));
  const headers = [...COLUMNS.map((c) => c.label), ...PROVENANCE_HEADERS, ...FOLLOW_UP_COLUMNS.map((c) => c.label), ...extras];
  // print widths (issue 12): the table is printed one page wide, so long text wraps
  const widths = [...COLUMNS.map((c) => PRINT_WIDTHS[c.key]), 12, 18, 10, 16.5, 10, ...FOLLOW_UP_COLUMNS.map(() => 12), ...extras.map(() => 12)];
  ws.columns = widths.map((w) => ({ width: w }));
  // before the first row: the sheet's head (fit-to-page flag) is written with the first row
  setupPrint(ws, { titleRows: '2:2', lastRow: 2 + rows.length, lastColumn: headers.length });

  writeMasterTitle(ws, rules, headers.length);
  writeHeaderRow(ws.getRow(2), headers, 48); // narrow print widths wrap the longer labels onto three lines

  const stylesFor = masterRowStyles(wb, headers.length);
  const values: CellValue[] = new Array(headers.length);
  for (let i = 0; i < rows.length; i++) {
    const dateMask = fillMasterValues(values, rows[i], extras, displayPath);
    ws.appendRow(i + 3, values, stylesFor(rows[i].hasError, dateMask), rowHeightFor(values, widths));
    const copied = opts.onRow?.(i, values, ws);
    if (copied) await copied;
    // let compression (on the thread pool) keep up, so raw XML blocks do not pile up
    if (i % 1024 === 1023) await ws.drain();
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: headers.length } };
  addFollowUpValidations(ws, rules, COLUMNS.length + PROVENANCE_HEADERS.length, 2 + rows.length + FOLLOW_UP_SPARE_ROWS);
  return wb;
}

/** Row 1: the title, merged over the first columns (at most 12, so it stays on the first page). */
function writeMasterTitle(ws: XlsxSheet, rules: Config, columns: number): void {
  ws.getCell(1, 1).value = `${rules.year}年${rules.district}全国科普日活动汇总表`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.min(columns, 12));
  ws.getRow(1).height = 24;
}

/**
 * The style ids of a data row, by (error tint, which cells hold dates). Rows are written without
 * cell objects or Dates: a date is its serial number, and the row's styles come from this small
 * table, each combination resolved once.
 */
function masterRowStyles(wb: XlsxBook, width: number): (error: boolean, dateMask: number) => number[] {
  const dateCols = new Set([COLUMNS.findIndex((c) => c.key === 'startDate'), COLUMNS.findIndex((c) => c.key === 'endDate')]);
  const look = (numFmt: string | undefined, error: boolean) =>
    wb.styleId({ border: THIN_BORDER, alignment: DATA_ALIGN, ...(error ? { fill: ERROR_FILL } : {}), ...(numFmt ? { numFmt } : {}) });
  const styleRows = new Map<number, number[]>();
  return (error, dateMask) => {
    const key = dateMask * 2 + (error ? 1 : 0);
    let styles = styleRows.get(key);
    if (!styles) {
      styles = Array.from({ length: width }, (_v, i) =>
        dateMask & dateBit(i) ? look(dateCols.has(i) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm', error) : look(undefined, error),
      );
      styleRows.set(key, styles);
    }
    return styles;
  };
}

/** Puts one merged row's cells into `values` (reused across rows); returns which cells hold dates. */
function fillMasterValues(values: CellValue[], row: MergedRow, extras: readonly string[], displayPath: (file: string) => string): number {
  const a = row.activity;
  let dateMask = 0;
  for (let c = 0; c < COLUMNS.length; c++) {
    const key = COLUMNS[c].key;
    if (key === 'startDate' || key === 'endDate') {
      const iso = a.values[key];
      // an unreadable date keeps the unit's own text so nothing is lost
      if (iso) {
        values[c] = excelSerial(iso);
        dateMask |= dateBit(c);
      } else values[c] = a.raw[key] ?? null;
    } else values[c] = fieldValue(row, key);
  }
  let c = COLUMNS.length;
  values[c++] = row.unit || null;
  values[c++] = displayPath(a.file);
  values[c++] = `${a.sheet}!${a.cells.name ?? a.cells.seq ?? `A${a.row}`}`;
  if (row.receivedAt) {
    values[c] = excelSerial(row.receivedAt.slice(0, 16));
    dateMask |= dateBit(c);
  } else values[c] = null;
  c++;
  values[c++] = row.marks.length > 0 ? row.marks.join('、') : null;
  const followUp = a.extras.length > 0 ? followUpValues(a.extras) : {};
  for (const f of FOLLOW_UP_COLUMNS) values[c++] = followUp[f.key] ?? null;
  for (const h of extras) values[c++] = a.extras.find((e) => e.header === h)?.value || null;
  return dateMask;
}

/** rows under the last activity that still get the dropdowns, for activities the clerk adds */
const FOLLOW_UP_SPARE_ROWS = 200;

/** 是/否 dropdowns on 已在科普日网站发布 and 拟推优, a date check on 活动总结提交日期 (issue 15). */
function addFollowUpValidations(ws: XlsxSheet, rules: Config, followUpStart: number, lastRow: number): void {
  const letter = (i: number) => ws.getColumn(i + 1).letter;
  const yesNo = { type: 'list' as const, formula1: '"是,否"', error: '请从下拉列表中选择“是”或“否”' };
  const published = COLUMNS.findIndex((c) => c.key === 'published');
  const at = (key: string) => followUpStart + FOLLOW_UP_COLUMNS.findIndex((c) => c.key === key);
  ws.dataValidations.push(
    { ...yesNo, sqref: `${letter(published)}3:${letter(published)}${lastRow}` },
    { ...yesNo, sqref: `${letter(at('proposed'))}3:${letter(at('proposed'))}${lastRow}` },
    {
      type: 'date',
      operator: 'between',
      formula1: String(excelSerial(`${rules.year}-01-01`)),
      formula2: String(excelSerial(`${rules.year + 1}-12-31`)),
      sqref: `${letter(at('summaryDate'))}3:${letter(at('summaryDate'))}${lastRow}`,
      error: `请填写日期，如 ${rules.year}-09-28`,
    },
  );
}

export async function writeMaster(
  file: string,
  rows: readonly MergedRow[],
  extraHeaders: readonly string[],
  rules: Config,
  createdAt: Date,
  opts: MasterOptions = {},
): Promise<void> {
  const wb = await buildMasterWorkbook(rows, extraHeaders, rules, createdAt, opts);
  await writeFileAtomic(file, await wb.writeChunks());
}
