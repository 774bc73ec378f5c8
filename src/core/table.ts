/**
 * The neutral in-memory workbook every reader produces. Later stages never see exceljs or
 * SheetJS objects, so a reader can be swapped (or differential-tested) without touching rules.
 *
 * Positions are 0-based indexes (r, c); `addressOf` turns them into the A1 address of the
 * original file, which is what every finding reports.
 */

/** One cell as read. Formulas keep their cached result (we never evaluate). */
export type Cell =
  /** text: shared/inline strings, rich text flattened, hyperlink text */
  | { t: 's'; v: string }
  /** number, with its number format when the reader knows it (e.g. '0.00', 'm"月"d"日"') */
  | { t: 'n'; v: number; fmt?: string }
  /** a real date cell: wall-clock local date (and time) as written, 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' */
  | { t: 'd'; v: string }
  | { t: 'b'; v: boolean }
  /** an error value such as #REF! or #N/A */
  | { t: 'e'; v: string };

export interface CellRange {
  /** top-left, 0-based */
  s: { r: number; c: number };
  /** bottom-right, inclusive, 0-based */
  e: { r: number; c: number };
}

export interface Sheet {
  name: string;
  /** hidden or very hidden in the workbook */
  hidden: boolean;
  /** rows[r][c]; missing rows/cells are undefined (sparse) */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
}

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xls' | 'et' | 'ods' | 'xlsb' | 'csv';

export interface Workbook {
  format: WorkbookFormat;
  /** the file used the 1904 date system; readers already converted date cells, this is informative */
  date1904: boolean;
  sheets: Sheet[];
}

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (r, c) 0-based → 'B7' */
/**
 * Addresses interned for the usual table area: every activity keeps the address of each of its
 * cells, and a province merge would otherwise hold millions of equal little strings.
 */
const ADDRESS_CACHE: string[][] = [];
const CACHE_COLS = 64;
const CACHE_ROWS = 65_536;

export function addressOf(r: number, c: number): string {
  if (c < CACHE_COLS && r < CACHE_ROWS && r >= 0 && c >= 0) {
    const col = (ADDRESS_CACHE[c] ??= []);
    return (col[r] ??= columnLetter(c) + String(r + 1));
  }
  return columnLetter(c) + String(r + 1);
}

/** 'B7' → {r: 6, c: 1}; undefined when not an A1 address */
export function parseAddress(a1: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1.trim().toUpperCase());
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** 'G5' → 5: the 1-based row of an A1 address (a two-row header's sub-header cell is on the row below the header). */
export function addressRow(a1: string): number {
  return Number(a1.replace(/^\$?[A-Z]+\$?/, ''));
}

/** A cell as plain text, the way a person would read it on screen. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return cell.v;
    case 'n':
      return String(cell.v);
    case 'd':
      return cell.v;
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.v;
  }
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return !cell || (cell.t === 's' && cell.v.trim() === '');
}
