/** Read written workbooks back with both readers: exceljs, and SheetJS as an independent second. */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cell, Sheet, Workbook } from '../../src/core/table.js';

export async function tempDir(prefix = 'kepuri-writers-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function readExcel(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = typeof file === 'string' ? await fs.readFile(file) : file;
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function readSheetJS(file: string | Buffer): Promise<XLSX.WorkBook> {
  const bytes = typeof file === 'string' ? await fs.readFile(file) : file;
  return XLSX.read(bytes, { type: 'buffer', cellStyles: true, cellDates: true, cellNF: true });
}

/** Plain text of an exceljs cell. */
export function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** All rows of an exceljs sheet as plain values (1-based row → array from column 1). */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      row.push(v instanceof Date ? v.toISOString().slice(0, 16) : (v ?? null));
    }
    out.push(row);
  }
  return out;
}

/** SheetJS sheet as an array of arrays of raw values. */
export function sheetjsRows(wb: XLSX.WorkBook, name: string): unknown[][] {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}`);
  return XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null, blankrows: true }) as unknown[][];
}

export function pane(ws: ExcelJS.Worksheet): { state?: string; ySplit?: number; xSplit?: number } {
  const v = ws.views[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
  return v ?? {};
}

export function fillArgb(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
}

export function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

/** The neutral Workbook (src/core/table.ts) of an .xlsx, via SheetJS, for the core's locateTable. */
export function toNeutral(wb: XLSX.WorkBook): Workbook {
  const sheets: Sheet[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const rows: (Cell | undefined)[][] = [];
    const ref = ws['!ref'];
    if (ref) {
      const range = XLSX.utils.decode_range(ref);
      for (let r = range.s.r; r <= range.e.r; r++) {
        for (let c = range.s.c; c <= range.e.c; c++) {
          const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
          if (!cell || cell.v === undefined || cell.v === null) continue;
          (rows[r] ??= [])[c] =
            cell.t === 'n'
              ? { t: 'n', v: cell.v as number }
              : cell.t === 'd'
                ? { t: 'd', v: (cell.v as Date).toISOString().slice(0, 10) }
                : cell.t === 'b'
                  ? { t: 'b', v: cell.v as boolean }
                  : { t: 's', v: String(cell.v) };
        }
      }
    }
    const merges = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
    return { name, hidden: Boolean(wb.Workbook?.Sheets?.[i]?.Hidden), rows, merges };
  });
  return { format: 'xlsx', date1904: false, sheets };
}

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

/** exceljs keeps validations per cell after loading. */
export function validationAt(ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model[address];
}

export function validationModel(ws: ExcelJS.Worksheet): ValidationModel {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
}
