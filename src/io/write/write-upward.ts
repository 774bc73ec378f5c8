/**
 * 活动汇总表（上报版）.xlsx (SPEC §8, issue 12 §1): the copy of the master that goes upward to the
 * city, in the official 附件2 layout — row 1 附件2, row 2 the title, row 3 the 填报单位 line of the
 * district association (its contact and phone from the config, 填报日期 = the run date), row 4
 * the 21 template columns in template order, then one activity a row, 序号 1…N. No provenance
 * columns, no extra columns, no tints, no filter: what the city's own template looks like,
 * filled in. Dates are date cells, phones text, long text wraps. Written with our own writer
 * (rows committed as built), as the master; in a merge, alongside the master, row by row from the
 * master's own cell values (`writeMasterAndUpward`).
 */
import { COLUMNS, type FieldKey } from '../../core/columns.js';
import type { Config } from '../../core/config/schema.js';
import type { MergedRow } from '../../core/merge/assemble-merge.js';
import { buildMasterWorkbook, excelSerial, fieldValue, type MasterOptions } from './write-master.js';
import { PRINT_WIDTHS, rowHeightFor, setupPrint } from './print-setup.js';
import { writeFileAtomic } from './write-atomic.js';
import { XlsxBook, type Alignment, type Borders, type CellValue, type XlsxSheet } from './xlsx-writer.js';

export const UPWARD_FILE = '活动汇总表（上报版）.xlsx';
export const UPWARD_SHEET = '活动安排表';
export const UPWARD_UNIT_ROW = 3;
export const UPWARD_HEADER_ROW = 4;
export const UPWARD_FIRST_ROW = 5;

const LINE = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Borders = { top: LINE, left: LINE, bottom: LINE, right: LINE };
const UNDERLINE: Borders = { bottom: LINE };
const WRAP: Alignment = { vertical: 'middle', wrapText: true };
const WRAP_CENTRED: Alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
const CENTRED_KEYS = new Set<FieldKey>(['seq', 'mode', 'startDate', 'endDate', 'town', 'expectedCount', 'published']);

/** 'YYYY-MM-DD' of a moment in Shanghai (the run date written as 填报日期). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The upward sheet being written: its book, sheet, column widths and per-column data styles. */
interface UpwardSheet {
  wb: XlsxBook;
  ws: XlsxSheet;
  widths: number[];
  /** one style per column, and a second for a date column holding a date cell */
  plain: number[];
  dated: number;
  values: CellValue[];
  styles: number[];
}

/** The book with its four head rows (附件2, title, 填报单位 line, header), ready for the activities. */
function startUpwardSheet(rowCount: number, rules: Config, createdAt: Date): UpwardSheet {
  const n = COLUMNS.length;
  const wb = new XlsxBook();
  wb.creator = rules.association.name;
  wb.created = createdAt;
  wb.modified = createdAt;
  wb.title = `${rules.year}年${rules.district}全国科普日活动安排表`;
  const ws = wb.addWorksheet(UPWARD_SHEET, {
    views: [{ state: 'frozen', ySplit: UPWARD_HEADER_ROW, topLeftCell: `A${UPWARD_FIRST_ROW}`, activeCell: `A${UPWARD_FIRST_ROW}` }],
  });
  const widths = COLUMNS.map((c) => PRINT_WIDTHS[c.key]);
  ws.columns = widths.map((width) => ({ width }));
  // before the first row: the sheet's head (fit-to-page flag) is written with the first row
  setupPrint(ws, { titleRows: `${UPWARD_HEADER_ROW}:${UPWARD_HEADER_ROW}`, lastRow: UPWARD_HEADER_ROW + rowCount, lastColumn: n });
  writeTitleRows(ws, rules);
  writeUnitLine(ws, rules, createdAt);
  writeHeaderRow(ws);
  const plain = COLUMNS.map((c) =>
    wb.styleId({
      border: BORDER,
      alignment: CENTRED_KEYS.has(c.key) ? WRAP_CENTRED : WRAP,
      ...(c.key === 'phone' || c.key === 'timeSlot' ? { numFmt: '@' } : c.key === 'expectedCount' ? { numFmt: '0' } : {}),
    }),
  );
  const dated = wb.styleId({ border: BORDER, alignment: WRAP_CENTRED, numFmt: 'yyyy-mm-dd' });
  return { wb, ws, widths, plain, dated, values: new Array(n), styles: new Array(n) };
}

function writeTitleRows(ws: XlsxSheet, rules: Config): void {
  const r1 = ws.getCell(1, 1);
  r1.value = '附件2';
  r1.font = { bold: true, size: 14 };

  const title = ws.getCell(2, 1);
  title.value = `${rules.year}年${rules.district}全国科普日活动安排表`;
  title.font = { bold: true, size: 18 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getRow(2).height = 36;
}

/** the 填报单位 line, label and value in cells of their own as in the template (row 3) */
function writeUnitLine(ws: XlsxSheet, rules: Config, createdAt: Date): void {
  const a = rules.association;
  const line: { from: number; to: number; value: CellValue; label?: boolean; numFmt?: string }[] = [
    { from: 1, to: 2, value: '填报单位（盖章）：', label: true },
    { from: 3, to: 6, value: a.name },
    { from: 7, to: 7, value: '联系人：', label: true },
    { from: 8, to: 9, value: a.contact ?? '' },
    { from: 10, to: 10, value: '联系电话：', label: true },
    { from: 11, to: 12, value: a.phone ?? '', numFmt: '@' },
    { from: 13, to: 13, value: '填报日期：', label: true },
    { from: 14, to: 14, value: excelSerial(shanghaiDay(createdAt)), numFmt: 'yyyy"年"m"月"d"日"' },
  ];
  for (const part of line) {
    const cell = ws.getCell(UPWARD_UNIT_ROW, part.from);
    cell.value = part.value === '' ? null : part.value;
    cell.font = part.label ? { bold: true, size: 11 } : { size: 11 };
    cell.alignment = { horizontal: part.label ? 'right' : 'left', vertical: 'middle' };
    if (part.numFmt) cell.numFmt = part.numFmt;
    if (!part.label) for (let c = part.from; c <= part.to; c++) ws.getCell(UPWARD_UNIT_ROW, c).border = UNDERLINE;
    if (part.to > part.from) ws.mergeCells(UPWARD_UNIT_ROW, part.from, UPWARD_UNIT_ROW, part.to);
  }
  ws.getRow(UPWARD_UNIT_ROW).height = 24;
}

function writeHeaderRow(ws: XlsxSheet): void {
  const header = ws.getRow(UPWARD_HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = WRAP_CENTRED;
  });
  header.height = 48;
}

/**
 * Activity `i` as row 序号 i+1. `master`: the master's cells of the same activity (its first
 * columns are the 21 template columns, with the same values) and the sheet they were just
 * written to, so nothing is derived twice; without it the values are taken from `row`.
 */
function appendUpwardRow(up: UpwardSheet, i: number, row: MergedRow, master?: { values: readonly CellValue[]; sheet: XlsxSheet }): void {
  const { values, styles, plain } = up;
  for (let c = 0; c < COLUMNS.length; c++) {
    const key = COLUMNS[c].key;
    styles[c] = plain[c];
    if (key === 'seq') values[c] = i + 1;
    else if (key === 'startDate' || key === 'endDate') {
      const iso = row.activity.values[key];
      // an unreadable date keeps the unit's own text, as in the master
      if (iso) {
        values[c] = master ? master.values[c] : excelSerial(iso);
        styles[c] = up.dated;
      } else values[c] = row.activity.raw[key] ?? null;
    } else values[c] = master ? master.values[c] : fieldValue(row, key);
  }
  up.ws.appendRow(UPWARD_FIRST_ROW + i, values, styles, rowHeightFor(values, up.widths), master?.sheet);
}

export async function buildUpwardWorkbook(rows: readonly MergedRow[], rules: Config, createdAt: Date): Promise<XlsxBook> {
  const up = startUpwardSheet(rows.length, rules, createdAt);
  for (let i = 0; i < rows.length; i++) {
    appendUpwardRow(up, i, rows[i]);
    if (i % 1024 === 1023) await up.ws.drain();
  }
  return up.wb;
}

export async function writeUpward(file: string, rows: readonly MergedRow[], rules: Config, createdAt: Date): Promise<void> {
  const wb = await buildUpwardWorkbook(rows, rules, createdAt);
  await writeFileAtomic(file, await wb.writeChunks());
}

/**
 * The master (write-master.ts) and the upward copy in one pass over the activities: each upward
 * row is made from the master row just written (its values and shared-string ids), and the two
 * books are compressed at the same time on the thread pool. The files are as `writeMaster` and
 * `writeUpward` write them.
 */
export async function writeMasterAndUpward(
  files: { master: string; upward: string },
  rows: readonly MergedRow[],
  extraHeaders: readonly string[],
  rules: Config,
  createdAt: Date,
  opts: MasterOptions = {},
): Promise<void> {
  const up = startUpwardSheet(rows.length, rules, createdAt);
  const onRow = (i: number, values: readonly CellValue[], sheet: XlsxSheet) => {
    appendUpwardRow(up, i, rows[i], { values, sheet });
    // let compression keep up, as the master's own loop does
    return i % 1024 === 1023 ? up.ws.drain() : undefined;
  };
  const master = await buildMasterWorkbook(rows, extraHeaders, rules, createdAt, { ...opts, onRow });
  const [masterChunks, upwardChunks] = await Promise.all([master.writeChunks(), up.wb.writeChunks()]);
  await Promise.all([writeFileAtomic(files.master, masterChunks), writeFileAtomic(files.upward, upwardChunks)]);
}
