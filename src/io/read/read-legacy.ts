/**
 * The "legacy" reader, SheetJS (@e965/xlsx): .xls (BIFF5/8, and WPS .et, the same OLE/BIFF8
 * file), .ods, .xlsb, the text workbooks that come named ".xls" (an HTML table, SpreadsheetML
 * 2003), flat .fods, and the fallback for any .xlsx exceljs cannot open. Converted to the
 * neutral Workbook.
 *
 * Dates are exact whatever the process's time zone: cells are read as raw serials
 * (`cellDates: false`) with their number format, and a serial under a date format becomes the
 * wall-clock 'YYYY-MM-DD[THH:mm]' with the workbook's own date system
 * (`wb.Workbook.WBProps.date1904`). A time-only format keeps the number and its format.
 *
 * Hidden sheets come from `wb.Workbook.Sheets[i].Hidden`, and for .ods (where SheetJS does
 * not report them) from the table styles in content.xml; merges from `ws['!merges']`, clipped
 * to the cells present. SheetJS's own console messages are silenced while it reads.
 *
 * `readLegacy` is synchronous and throws on a file SheetJS cannot read; a password-protected one
 * throws EncryptedWorkbookError. Await `loadCodepages()` once before reading BIFF .xls (BIFF5
 * text is in the file's code page, cp936 for Chinese Excel 95). SheetJS has no bound on some
 * hostile structures (an .ods row repeated 999,999,999 times loops for minutes): callers run it
 * in the read child process (read-workbook.ts).
 */
import * as XLSX from '@e965/xlsx';
import type { Cell, Sheet, Workbook, WorkbookFormat } from '../../core/table.js';
import { decodeText } from './read-csv.js';
import { MAX_COLS, MAX_ROWS, clipMerges, fillHoles } from './sheet-grid.js';
import { ZH_CN_BUILTIN_FORMATS, isDateFormat, isTimeOnlyFormat, serialToWallClock } from './excel-formats.js';
import { readZipMemberSync } from './zip-directory.js';
import { sheetTextCounter } from './sheet-text-cap.js';

export class EncryptedWorkbookError extends Error {
  constructor(message = 'password-protected') {
    super(message);
    this.name = 'EncryptedWorkbookError';
  }
}

let codepages: Promise<void> | undefined;

/**
 * Load SheetJS's code pages (cp936 for BIFF5 files from Chinese Excel 95, and others). Only
 * BIFF .xls needs them, and they take ~0.2 s to load, so callers await this before such files.
 */
export function loadCodepages(): Promise<void> {
  return (codepages ??= import('@e965/xlsx/dist/cpexcel.full.mjs').then(
    (cp) => XLSX.set_cptable(cp),
    () => undefined,
  ));
}

let prepared = false;

function prepare(): void {
  if (prepared) return;
  prepared = true;
  // the zh-CN built-in date formats, which files reference by number only
  const table = XLSX.SSF.get_table() as Record<number, string | undefined>;
  for (const [id, f] of Object.entries(ZH_CN_BUILTIN_FORMATS)) {
    if (!table[Number(id)]) XLSX.SSF.load(f, Number(id));
  }
}

/** Error values as SheetJS codes them (BIFF error numbers). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

export type LegacyFlavor = 'html' | 'xml2003' | 'fods';

/** SheetJS's quiet mode: it reports some oddities with console.error; they are not ours to print. */
function quietly<T>(fn: () => T): T {
  const c = console as unknown as Record<string, unknown>;
  const saved = { error: c.error, warn: c.warn, log: c.log, info: c.info };
  const noop = () => undefined;
  c.error = c.warn = c.log = c.info = noop;
  try {
    return fn();
  } finally {
    Object.assign(c, saved);
  }
}

export function readLegacy(bytes: Buffer, format: WorkbookFormat, flavor?: LegacyFlavor): Workbook {
  prepare();
  const base = {
    cellDates: false,
    cellNF: true,
    cellStyles: false,
    cellText: false,
    cellHTML: false,
    cellFormula: false,
    dense: true,
    WTF: false,
    sheetStubs: false,
    bookVBA: false,
    UTC: true,
  } as const;
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() => {
      if (flavor) {
        // text workbooks: decode ourselves (UTF-8, UTF-16 or GB18030), SheetJS parses the markup;
        // an HTML table's cells stay text as typed (raw), like CSV
        const decoded = decodeText(bytes);
        if (!decoded.ok) throw new Error(decoded.reason);
        return XLSX.read(decoded.text, { ...base, type: 'string', raw: flavor === 'html' });
      }
      return XLSX.read(bytes, { ...base, type: 'buffer' });
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(msg)) throw new EncryptedWorkbookError(msg);
    throw err;
  }
  const date1904 = Boolean((wb.Workbook?.WBProps as { date1904?: unknown } | undefined)?.date1904);
  // SheetJS does not report hidden sheets of OpenDocument files: read them from content.xml
  const odsHidden = format === 'ods' && !flavor ? odsHiddenTables(bytes) : undefined;
  const sheets: Sheet[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hiddenFlag = wb.Workbook?.Sheets?.[i]?.Hidden;
    return convertSheet(name, ws, Boolean(hiddenFlag) || Boolean(odsHidden?.has(name)), date1904);
  });
  return { format, date1904, sheets };
}

/**
 * Names of the tables an .ods hides: their table style has `table:display="false"`.
 * Empty when content.xml cannot be read (SheetJS then reported what it could).
 */
export function odsHiddenTables(bytes: Buffer): Set<string> {
  const hidden = new Set<string>();
  const xml = readZipMemberSync(bytes, 'content.xml', 512 * 1024 * 1024)?.toString('utf8');
  if (!xml) return hidden;
  const hiddenStyles = new Set<string>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    if (!/style:family="table"/.test(m[1]) || !/table:display="false"/.test(m[2])) continue;
    const name = /style:name="([^"]*)"/.exec(m[1])?.[1];
    if (name) hiddenStyles.add(name);
  }
  if (hiddenStyles.size === 0) return hidden;
  for (const m of xml.matchAll(/<table:table\b([^>]*)>/g)) {
    const style = /table:style-name="([^"]*)"/.exec(m[1])?.[1];
    const name = /table:name="([^"]*)"/.exec(m[1])?.[1];
    if (style && name && hiddenStyles.has(style)) hidden.add(unescapeXml(name));
  }
  return hidden;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'amp') return '&';
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

type SjCell = { t?: string; v?: unknown; z?: unknown; w?: unknown };

function convertSheet(name: string, ws: XLSX.WorkSheet | undefined, hidden: boolean, date1904: boolean): Sheet {
  const rows: (Cell | undefined)[][] = [];
  let maxR = -1;
  let maxC = -1;
  if (ws) {
    const text = sheetTextCounter(name);
    const put = (r: number, c: number, raw: SjCell | undefined) => {
      if (!raw || r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) return;
      const cell = convertCell(raw, date1904);
      if (!cell) return;
      if (cell.t === 's') text.add(cell.v);
      (rows[r] ??= [])[c] = cell;
      if (r > maxR) maxR = r;
      if (c > maxC) maxC = c;
    };
    const data = (ws as { '!data'?: (SjCell[] | undefined)[] })['!data'];
    if (Array.isArray(data)) {
      // forEach skips the holes of a sparse array: work is bounded by the cells present
      data.forEach((row, r) => {
        if (Array.isArray(row)) row.forEach((cell, c) => put(r, c, cell));
      });
    } else {
      for (const key of Object.keys(ws)) {
        if (key.startsWith('!')) continue;
        const a = XLSX.utils.decode_cell(key);
        put(a.r, a.c, (ws as Record<string, SjCell>)[key]);
      }
    }
  }
  for (const row of rows) if (row) fillHoles(row);
  fillHoles(rows, () => []);
  const merges = ((ws?.['!merges'] ?? []) as XLSX.Range[]).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  return { name, hidden, rows, merges: clipMerges(merges, maxR, maxC) };
}

function convertCell(raw: SjCell, date1904: boolean): Cell | undefined {
  const fmt = typeof raw.z === 'string' && raw.z !== '' && raw.z !== 'General' ? raw.z : undefined;
  switch (raw.t) {
    case 's':
    case 'str': {
      const v = typeof raw.v === 'string' ? raw.v : raw.v === undefined || raw.v === null ? '' : String(raw.v);
      return v === '' ? undefined : { t: 's', v };
    }
    case 'n': {
      const v = raw.v;
      if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
      if (fmt && isDateFormat(fmt) && !isTimeOnlyFormat(fmt)) {
        const d = serialToWallClock(v, date1904);
        if (d) return { t: 'd', v: d };
      }
      return fmt ? { t: 'n', v, fmt } : { t: 'n', v };
    }
    case 'b':
      return typeof raw.v === 'boolean' ? { t: 'b', v: raw.v } : undefined;
    case 'e': {
      if (typeof raw.w === 'string' && raw.w.startsWith('#')) return { t: 'e', v: raw.w };
      const code = typeof raw.v === 'number' ? raw.v : -1;
      return { t: 'e', v: ERROR_TEXT[code] ?? '#VALUE!' };
    }
    case 'd': {
      // not produced with cellDates:false; a text format may still yield one (ISO string or Date)
      const v = raw.v;
      const iso = typeof v === 'string' ? v : v instanceof Date && Number.isFinite(v.getTime()) ? v.toISOString() : undefined;
      const m = iso ? /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso) : null;
      if (!m) return undefined;
      return { t: 'd', v: m[2] && m[2] !== '00:00' ? `${m[1]}T${m[2]}` : m[1] };
    }
    default:
      return undefined;
  }
}
