/**
 * 活动汇总表.xlsx (SPEC §8): the 附件2 columns in template order, then 填报单位, 来源文件,
 * 来源位置, 报送时间, 标记, then extra columns; header frozen, auto-filter on, error rows tinted,
 * dates as real date cells. Written with our xlsx writer, each row committed (serialised and
 * compressed) as soon as it is built, so a 200,000-row master never exists as cell objects.
 */
import { COLUMNS, type FieldKey } from '../core/columns.js';
import type { Rules } from '../core/config/schema.js';
import type { MergedRow } from '../core/merge/assemble-merge.js';
import { writeFileAtomic } from './write-atomic.js';
import { XlsxBook, type Borders, type CellValue, type Fill } from './xlsx-writer.js';

export const MASTER_SHEET = '活动汇总表';
export const PROVENANCE_HEADERS = ['填报单位', '来源文件', '来源位置', '报送时间', '标记'] as const;

const ERROR_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Borders = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** 'YYYY-MM-DD' → a Date whose UTC fields are that wall-clock day (how exceljs writes date cells). */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const hh = iso.length >= 16 ? Number(iso.slice(11, 13)) : 0;
  const mm = iso.length >= 16 ? Number(iso.slice(14, 16)) : 0;
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

function fieldValue(row: MergedRow, key: FieldKey): CellValue {
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

export async function buildMasterWorkbook(rows: readonly MergedRow[], extraHeaders: readonly string[], rules: Rules, createdAt: Date): Promise<XlsxBook> {
  const wb = new XlsxBook();
  wb.creator = 'kepuri';
  wb.created = createdAt;
  wb.modified = createdAt;
  const ws = wb.addWorksheet(MASTER_SHEET, { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  const headers = [...COLUMNS.map((c) => c.label), ...PROVENANCE_HEADERS, ...extraHeaders];
  const widths = [...COLUMNS.map((c) => c.width), 18, 30, 16, 17, 18, ...extraHeaders.map(() => 14)];
  ws.columns = widths.map((w) => ({ width: w }));

  ws.getCell(1, 1).value = `${rules.year}年${rules.district}全国科普日活动汇总表`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.min(headers.length, 12));
  ws.getRow(1).height = 24;

  const header = ws.getRow(2);
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 30;

  const dateCols = new Set([COLUMNS.findIndex((c) => c.key === 'startDate') + 1, COLUMNS.findIndex((c) => c.key === 'endDate') + 1]);
  const receivedCol = COLUMNS.length + 4;
  // one look per (column kind, error tint), resolved once: rows are written without cell objects
  const look = (numFmt: string | undefined, error: boolean) => wb.styleId({ border: THIN, ...(error ? { fill: ERROR_FILL } : {}), ...(numFmt ? { numFmt } : {}) });
  const styleRows = new Map<string, number[]>();
  const stylesFor = (error: boolean, values: readonly CellValue[]) => {
    const key = `${error}|${values.map((v) => (v instanceof Date ? 1 : 0)).join('')}`;
    let styles = styleRows.get(key);
    if (!styles) {
      styles = values.map((v, i) => (v instanceof Date ? look(dateCols.has(i + 1) ? 'yyyy-mm-dd' : i + 1 === receivedCol ? 'yyyy-mm-dd hh:mm' : 'mm-dd-yy', error) : look(undefined, error)));
      styleRows.set(key, styles);
    }
    return styles;
  };
  const plain = look(undefined, false);
  const tinted = look(undefined, true);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const values: CellValue[] = COLUMNS.map((c) => fieldValue(row, c.key));
    const a = row.activity;
    values.push(
      row.unit || null,
      a.file,
      `${a.sheet}!${a.cells.name ?? a.cells.seq ?? `A${a.row}`}`,
      row.receivedAt ? excelDate(row.receivedAt.slice(0, 16)) : null,
      row.marks.join('、') || null,
    );
    for (const h of extraHeaders) values.push(a.extras.find((e) => e.header === h)?.value || null);
    const hasDate = values.some((v) => v instanceof Date);
    ws.appendRow(i + 3, values, hasDate ? stylesFor(row.hasError, values) : values.map(() => (row.hasError ? tinted : plain)));
    // let compression (on the thread pool) keep up, so raw XML blocks do not pile up
    if (i % 1024 === 1023) await ws.drain();
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: headers.length } };
  return wb;
}

export async function writeMaster(
  file: string,
  rows: readonly MergedRow[],
  extraHeaders: readonly string[],
  rules: Rules,
  createdAt: Date,
): Promise<void> {
  const wb = await buildMasterWorkbook(rows, extraHeaders, rules, createdAt);
  await writeFileAtomic(file, await wb.writeBuffer());
}
