/**
 * From a cell value as exceljs models it (string, number, boolean, Date, `{richText}`,
 * `{error}`, `{formula, result}`, `{text, hyperlink}`) to the neutral Cell. Shared by the
 * exceljs reader (read-xlsx.ts) and the fast reader (read-xlsx-fast.ts): the fast reader builds
 * the very values exceljs would, and both convert them here, so the two cannot drift apart in
 * how a value becomes a cell (the differential test then only has to prove the parsing).
 */
import type { Cell } from '../../core/table.js';
import { isDateFormat, isTimeOnlyFormat, serialToWallClock, utcDateToSerial, utcDateToWallClock } from './excel-formats.js';

export interface ConvertContext {
  /** the file's own 1904 flag (read by us: "1" or "true") */
  date1904: boolean;
  /** what exceljs recognised (only date1904="1") */
  exceljs1904: boolean;
  /** days to add to exceljs's Dates (1462 when the file is 1904-based and exceljs missed it) */
  shiftDays: number;
}

export function convertValue(value: unknown, fmt: string | undefined, ctx: ConvertContext, depth: number): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case 'string':
      return value === '' ? undefined : { t: 's', v: value };
    case 'number':
      return Number.isFinite(value) ? numberCell(value, fmt, ctx.date1904) : undefined;
    case 'boolean':
      return { t: 'b', v: value };
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value instanceof Date) return dateCell(value, fmt, ctx);
  if (depth > 2) return undefined;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    const text = (o.richText as { text?: unknown }[]).map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    return text === '' ? undefined : { t: 's', v: text };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    // the cached result only; a formula with none (never calculated) is empty
    return convertValue(o.result, fmt, ctx, depth + 1);
  }
  if ('hyperlink' in o || 'text' in o) return convertValue(o.text, fmt, ctx, depth + 1);
  if (typeof o.error === 'string') return { t: 'e', v: o.error };
  return undefined;
}

export function numberCell(v: number, fmt: string | undefined, date1904: boolean): Cell {
  if (fmt && isDateFormat(fmt) && !isTimeOnlyFormat(fmt)) {
    const d = serialToWallClock(v, date1904);
    if (d) return { t: 'd', v: d };
  }
  return fmt ? { t: 'n', v, fmt } : { t: 'n', v };
}

export function dateCell(d: Date, fmt: string | undefined, ctx: ConvertContext): Cell | undefined {
  if (fmt && isTimeOnlyFormat(fmt)) {
    // a time of day or a duration: back to the serial, the later stages read it as text
    const serial = utcDateToSerial(d, ctx.exceljs1904);
    if (!Number.isFinite(serial)) return undefined;
    return { t: 'n', v: Math.round(serial * 1e10) / 1e10, fmt };
  }
  const v = utcDateToWallClock(d, ctx.shiftDays);
  if (v) return { t: 'd', v };
  const serial = utcDateToSerial(d, ctx.exceljs1904);
  return Number.isFinite(serial) ? (fmt ? { t: 'n', v: serial, fmt } : { t: 'n', v: serial }) : undefined;
}

/** '_x000D_' → '\r' (OOXML's escape for characters XML cannot carry; '_x005F_' is '_'). */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An ISO-8601 date or date-time (as in a t="d" cell) as a Date whose UTC fields are its wall clock. */
export function isoToUtcDate(iso: string): Date | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/.exec(iso);
  const t = m ? undefined : /^\s*T?(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  const ms = m
    ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0')))
    : t
      ? Date.UTC(1899, 11, 30, Number(t[1]), Number(t[2]), Number(t[3] ?? 0))
      : NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
