/**
 * Excel number formats and serial dates, shared by every reader: which formats show a date or a
 * time, serials to wall-clock text and back (exact, independent of the process time zone), and
 * the zh-CN built-in formats Excel writes by number only.
 */

/** Excel's limit on a number format code (255 characters); a longer code is no format here. */
export const MAX_FORMAT_CHARS = 255;

/** The first section of a number format with literals, escapes, fills and brackets removed, lower-cased. */
const SKELETONS = new Map<string, { s: string; elapsed: boolean }>();

/** formatSkeleton, memoised: a workbook has a handful of formats and thousands of cells using them. */
function formatSkeleton(fmt: string): { s: string; elapsed: boolean } {
  // longer than Excel allows: hostile (issue 13), and the patterns below are bounded by this cap
  if (fmt.length > MAX_FORMAT_CHARS) return { s: '', elapsed: false };
  let k = SKELETONS.get(fmt);
  if (!k) {
    if (SKELETONS.size > 10_000) SKELETONS.clear();
    SKELETONS.set(fmt, (k = computeSkeleton(fmt)));
  }
  return k;
}

function computeSkeleton(fmt: string): { s: string; elapsed: boolean } {
  const first = splitSections(fmt)[0] ?? '';
  const elapsed = /\[(h+|m+|s+)\]/i.test(first);
  const s = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
    .replace(/general/g, '')
    .replace(/am\/pm|a\/p|上午\/下午/g, '')
    .replace(/e[+-]/g, '');
  return { s, elapsed };
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format shows a date or a time (Excel's rule: y, m, d, h, s, e, g tokens outside literals). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const { s, elapsed } = formatSkeleton(fmt);
  return elapsed || /[ymdhseg]/.test(s);
}

/** A date format with no date part: a time of day or an elapsed duration ('h:mm', '[h]:mm:ss', 'mm:ss'). */
export function isTimeOnlyFormat(fmt: string | undefined): boolean {
  if (!fmt || !isDateFormat(fmt)) return false;
  const { s, elapsed } = formatSkeleton(fmt);
  if (elapsed) return true;
  if (/[ydeg]/.test(s)) return false;
  // an 'm' next to h or s is minutes; any other m is a month
  const rest = s.replace(/h+[^a-z]*m+/g, 'H').replace(/m+([^a-z]*s)/g, 'S$1');
  return !/m/.test(rest);
}

const DAY_MS = 86_400_000;
/** Largest serial Excel shows as a date: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/**
 * An Excel serial as wall-clock 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' (rounded to the minute);
 * `undefined` when it is not a plausible date. 1900 system with Excel's phantom 1900-02-29.
 */
export function serialToWallClock(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let s = date1904 ? serial + 1462 : serial;
  if (s > MAX_SERIAL + 1462) return undefined;
  if (!date1904 && s < 61) s += 1; // before 1900-03-01 Excel's count is one ahead (the fake leap day)
  const minutes = Math.round(s * 1440);
  return wallClockFromEpochMinutes(minutes + Date.UTC(1899, 11, 30) / 60_000);
}

/** A Date whose UTC fields are the wall clock (exceljs) as 'YYYY-MM-DD[THH:mm]', shifted by whole days. */
export function utcDateToWallClock(d: Date, shiftDays = 0): string | undefined {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return wallClockFromEpochMinutes(Math.round((ms + shiftDays * DAY_MS) / 60_000));
}

function wallClockFromEpochMinutes(minutes: number): string | undefined {
  const d = new Date(minutes * 60_000);
  const y = d.getUTCFullYear();
  if (!Number.isFinite(y) || y < 1900 || y > 9999) return undefined;
  const date = `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? date : `${date}T${pad2(h)}:${pad2(m)}`;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Excel serial of a Date whose UTC fields are the wall clock (1900 system unless date1904). */
export function utcDateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0);
}

/**
 * Excel's built-in number formats that are locale-dependent and so absent from the files (and
 * from exceljs's and SheetJS's tables): the zh-CN versions. 27–36 and 50–58 are dates and times.
 */
export const ZH_CN_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};
