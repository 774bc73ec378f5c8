/**
 * Dates as units write them (SPEC §3). Pure, never throws: every cell gives a `DateParse`, and
 * the rules decide what is wrong. A parse records what was read — a given year is kept even when
 * it is not the campaign year (date-wrong-year reports it), an in-cell range keeps start and end
 * as written (date-range-reversed reports it).
 *
 * Text grammar, after folding full-width forms and dropping bracketed remarks and weekdays:
 *   [prefix] DATE [(dash DATE|DAY) | (list-sep DATE)…] [time or filler]
 * where DATE is one of 2024-9-18 / 2024年9月18日 / 20240918 / 9月18日 / 9.18 / 9月中旬 / 9月, and
 * 全年 stands alone. Anything else is `unreadable`; a 待定 wording without a date is `tbd`.
 */
import type { Cell } from '../table.js';
import { foldWidth, freezeParse } from './fold-text.js';
import type { ParseCache } from './parse-cache.js';

export type DateParse = Readonly<
  | { kind: 'empty' }
  | {
      kind: 'ok';
      /** 'YYYY-MM-DD' */
      start: string;
      /** 'YYYY-MM-DD', only for a range or a vague date */
      end?: string;
      /** time of day as written after the date: '8:30-11:30', '上午', or 'HH:mm' from a date cell */
      time?: string;
      /** 中旬/上旬/下旬/全年/整月/左右: a range stands for an unknown day */
      approximate?: boolean;
      /** read from a number cell like 9.2 that probably was typed 9.20 */
      ambiguous?: boolean;
      /** the year was written (or the cell was a real date); false when the campaign year filled it */
      yearGiven: boolean;
    }
  | { kind: 'invalid'; reason: 'tbd' | 'unreadable' | 'impossible' }
>;

/** an ok result while it is being built (results handed out are readonly) */
type Ok = { -readonly [K in keyof Extract<DateParse, { kind: 'ok' }>]: Extract<DateParse, { kind: 'ok' }>[K] };

// ---------------------------------------------------------------- calendar helpers

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** month is 1-based; 0 for a month outside 1–12 */
export function daysInMonth(y: number, m: number): number {
  if (m < 1 || m > 12) return 0;
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** true for a real calendar day 'YYYY-MM-DD' */
export function isValidIso(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = Number(m[3]);
  return d >= 1 && d <= daysInMonth(Number(m[1]), Number(m[2]));
}

/** '2024-09-30' + 1 → '2024-10-01'. UTC arithmetic: calendar days, no time zone can shift them. */
export function isoAddDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Serials in this range are days 1954–2119: a date column's number in it is a serial, not a count. */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

/**
 * Excel serial (1900 system) → wall-clock date and, when the fraction is not midnight, 'HH:mm'.
 * Day 0 is 1899-12-30 for every serial after the fictitious 1900-02-29 (serial 60), which covers
 * every plausible date. Readers already shift 1904-system numbers, so one system is enough here.
 */
export function excelSerialToIso(serial: number): { date: string; time?: string } {
  const days = Math.floor(serial);
  // round to the minute: 0.7083333 is 17:00, not 16:59:59.99
  const minutes = Math.round((serial - days) * 24 * 60);
  const date = isoAddDays('1899-12-30', days + (minutes >= 1440 ? 1 : 0));
  const m = minutes % 1440;
  if (m === 0) return { date };
  return { date, time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

// ---------------------------------------------------------------- cells

/**
 * A date cell, in the campaign year `opts.year` (which fills a missing year). With the run's
 * cache, equal cells give one shared frozen result (see parse-cache.ts).
 */
export function parseDateCell(cell: Cell | undefined, opts: { year: number; cache?: ParseCache }): DateParse {
  if (!cell) return EMPTY_DATE;
  if (opts.cache) return parseDateCellCached(cell, opts.year, opts.cache);
  switch (cell.t) {
    case 's':
      return parseDateText(cell.v, opts);
    case 'd':
      return fromDateCell(cell.v);
    case 'n':
      return fromNumber(cell.v, opts.year);
    case 'b':
    case 'e':
      // TRUE or #REF! in a date column: there is no date to recover
      return { kind: 'invalid', reason: 'unreadable' };
  }
}

function fromDateCell(v: string): DateParse {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(v);
  if (!m) return { kind: 'invalid', reason: 'unreadable' };
  if (!isValidIso(m[1])) return { kind: 'invalid', reason: 'impossible' };
  const out: Ok = { kind: 'ok', start: m[1], yearGiven: true };
  // 00:00 is how a date-only cell comes out of most readers, not a time anyone typed
  if (m[2] !== undefined && `${m[2]}:${m[3]}` !== '00:00') out.time = `${m[2]}:${m[3]}`;
  return out;
}

function fromSerial(serial: number): DateParse {
  const { date, time } = excelSerialToIso(serial);
  const out: Ok = { kind: 'ok', start: date, yearGiven: true };
  if (time) out.time = time;
  return out;
}

/**
 * A number cell: a serial, an 8-digit 20240918, or month.day typed as a decimal. Excel stores a
 * typed 9.20 as 9.2, so one decimal digit is read as tens of days when that is a real day
 * (9.2 → 9月20日, flagged ambiguous for a person to confirm); 9.18 is exact. 9.4 cannot have
 * been 9.40, so it can only be 9月4日 and is not ambiguous.
 */
function fromNumber(v: number, year: number): DateParse {
  if (!Number.isFinite(v)) return { kind: 'invalid', reason: 'unreadable' };
  if (v >= SERIAL_MIN && v < SERIAL_MAX) return fromSerial(v);
  if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return parseCompact(String(v));
  if (v <= 0 || v >= 13 || Number.isInteger(v)) return { kind: 'invalid', reason: 'unreadable' };
  // floats like 9.180000000000001 come out of formulas; more than two decimals is not a date
  const hundredths = Math.round(v * 100);
  if (Math.abs(hundredths - v * 100) > 1e-6) return { kind: 'invalid', reason: 'unreadable' };
  const m = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  if (m < 1) return { kind: 'invalid', reason: 'impossible' };
  if (frac % 10 === 0 && frac <= daysInMonth(year, m)) return { kind: 'ok', start: isoDate(year, m, frac), ambiguous: true, yearGiven: false };
  const d = frac % 10 === 0 ? frac / 10 : frac;
  if (d > daysInMonth(year, m)) return { kind: 'invalid', reason: 'impossible' };
  return { kind: 'ok', start: isoDate(year, m, d), yearGiven: false };
}

// ---------------------------------------------------------------- text

const TBD = /待定|另行通知|待通知|另通知|未定|另定|择期|待安排|暂未确定|暂不确定|视情况|tbd/i;
/** the date is given but not fixed */
const TENTATIVE = /暂定|初定|待确认|待定/;
/** a cell that only says "nothing here" */
const PLACEHOLDER = /^(?:[-—–/\\_.。、]+|无|暂无|空)$/;
const DASH = /^\s*(?:[-–—―~〜～]+|至|到)\s*/;
const LIST_SEP = /^\s*(?:[、,，;；和及]|以及)\s*/;
const VAGUE: Record<string, [number, number | 'eom']> = {
  上中旬: [1, 20],
  中下旬: [11, 'eom'],
  上旬: [1, 10],
  初: [1, 10],
  中旬: [11, 20],
  中: [11, 20],
  下旬: [21, 'eom'],
  底: [21, 'eom'],
  末: [21, 'eom'],
};
/** trailing words that make an exact day approximate */
const APPROX_TAIL = /^(?:左右|前后|上下|期间|前|之前|后|之后|以后)/;
/** words after a date or time that add nothing */
const FILLER = '(?:起|开始|举行|举办|开展|进行|当天|当日|启动|整月|全月|整个月)+';
const FILLER_TAIL = new RegExp(`^${FILLER}`);
const FILLER_END = new RegExp(`${FILLER}$`);
/** the time part: clock times, 上午/下午…, 9点半, separated by dashes */
const TIME_TAIL =
  /^(?:[\s,，、;；]*(?:上午|下午|中午|晚上|晚间|早上|早晨|傍晚|夜间|白天|凌晨|全天|全日|整天|每天|每日|\d{1,2}(?::\d{2}){1,2}|\d{1,2}\.\d{2}|\d{1,2}\s*[点时](?:半|\d{1,2}分?)?|[-–—~〜～至到]))+$/;

/** One date as read; month.day may stand for a span (9月中旬, 9月, 全年). */
interface Piece {
  y?: number;
  m: number;
  d: number;
  /** the piece is a span: its last month/day */
  toM?: number;
  toD?: number | 'eom';
  approximate?: boolean;
}

// Long by nature: the SPEC §3 forms tried in order, first match wins; the order is the logic,
// and each step is one regular expression with its own comment.
export function parseDateText(text: string, opts: { year: number }): DateParse {
  const prepared = prepare(text);
  let s = prepared.s;
  if (s === '') return TBD.test(prepared.remarks) ? { kind: 'invalid', reason: 'tbd' } : { kind: 'empty' };
  if (PLACEHOLDER.test(s)) return { kind: 'empty' };

  // numbers stored as text: serials ('45187') and 20240918 read like number cells. A text "9.2"
  // is not ambiguous (that is what was typed), so decimals stay on the text path below.
  if (/^\d{5}(?:\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (n >= SERIAL_MIN && n < SERIAL_MAX) return fromSerial(n);
  }

  // 9月18日（如遇雨天另行通知） is a fixed date; 9月18日（暂定） is not
  let approximate = TENTATIVE.test(prepared.remarks);
  // a leading label or verb: 时间:9月18日, 拟于9月18日, 约9月18日, 暂定9月18日
  const lead = /^([^\d]*?)(?=\d|全年|常年|长期|年内)/.exec(s);
  if (lead && lead[1] !== '') {
    if (TBD.test(lead[1])) return { kind: 'invalid', reason: 'tbd' };
    if (/约|大概|左右/.test(lead[1]) || TENTATIVE.test(lead[1])) approximate = true;
    s = s.slice(lead[1].length);
  }

  const whole = /^(?:(\d{4})\s*年)?\s*(?:全年|常年|长期|全年度|年内)/.exec(s);
  if (whole) {
    const y = whole[1] ? Number(whole[1]) : opts.year;
    return { kind: 'ok', start: isoDate(y, 1, 1), end: isoDate(y, 12, 31), approximate: true, yearGiven: whole[1] !== undefined };
  }

  const first = readPiece(s);
  if (!first) {
    const yearOnly = /^(\d{4})\s*年(?:度)?$/.exec(s);
    if (yearOnly) {
      const y = Number(yearOnly[1]);
      return { kind: 'ok', start: isoDate(y, 1, 1), end: isoDate(y, 12, 31), approximate: true, yearGiven: true };
    }
    return { kind: 'invalid', reason: TBD.test(s) ? 'tbd' : 'unreadable' };
  }
  s = s.slice(first.len);
  const yearGiven = first.piece.y !== undefined;
  const y = first.piece.y ?? opts.year;
  const start = { ...first.piece, y };
  let last: Piece = start;

  const dash = DASH.exec(s);
  const afterDash = dash ? readPiece(s.slice(dash[0].length), start) : undefined;
  if (dash && afterDash) {
    last = afterDash.piece;
    s = s.slice(dash[0].length + afterDash.len);
  } else {
    // 9月18日、20日: several days; the activity spans first to last
    for (;;) {
      const sep = LIST_SEP.exec(s);
      const next = sep ? readPiece(s.slice(sep[0].length), last) : undefined;
      if (!sep || !next) break;
      last = next.piece;
      s = s.slice(sep[0].length + next.len);
    }
  }

  // what is left: time, filler, approximation words
  let time: string | undefined;
  s = s.trim();
  for (let guard = 0; guard < 4 && s !== ''; guard++) {
    const word = FILLER_TAIL.exec(s) ?? APPROX_TAIL.exec(s);
    if (!word) break;
    if (APPROX_TAIL.test(word[0])) approximate = true;
    s = s.slice(word[0].length).trim();
  }
  if (s !== '') {
    // 'T08:30' from an ISO timestamp typed or exported as text
    const t = s
      .replace(/^T(?=\d)/, '')
      .replace(FILLER_END, '')
      .trim();
    if (TIME_TAIL.test(t) && /\d|[午晚早傍夜白凌天日]/.test(t)) {
      if (!/^0{1,2}:00(?::00)?$/.test(t)) time = t.replace(/^[\s,，、;；]+/, '').trim();
      s = '';
    } else if (/\d/.test(s)) {
      // digits we could not place: a second date or a typo — never guess
      return { kind: 'invalid', reason: TBD.test(s) ? 'tbd' : 'unreadable' };
    }
    // text without digits after a date (在社区, 举行仪式…) is a remark, not part of the date
  }

  const startIso = resolveStart(start);
  // an end without a year takes the start's, or the next one when it runs past December
  // (12月30日-1月2日); a year written on the end is kept as written
  const crossesYear = (last.toM ?? last.m) < start.m;
  const endPiece: Piece = { ...last, y: last.y ?? (crossesYear ? y + 1 : y) };
  const endIso = resolveEnd(endPiece);
  if (startIso === undefined || endIso === undefined) return { kind: 'invalid', reason: 'impossible' };

  const out: Ok = { kind: 'ok', start: startIso, yearGiven };
  if (endIso !== startIso || last !== start) out.end = endIso;
  if (time !== undefined) out.time = time;
  if (approximate || start.approximate || last.approximate) out.approximate = true;
  return out;
}

/**
 * Fold width, drop bracketed remarks ((周一), （暂定）) and weekdays, Chinese numerals → digits.
 * `remarks` is the bracketed text: 9月18日（暂定） is read as approximate so a person confirms it,
 * and a cell that is only （待定） is tbd.
 */
function prepare(text: string): { s: string; remarks: string } {
  let s = foldWidth(text)
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
  // weekdays first, so （周日） leaves an empty bracket and （周日 上午） a time
  s = s.replace(WEEKDAY, ' ');
  let remarks = '';
  for (let i = 0; i < 2; i++) {
    s = s.replace(/\([^()]*\)|【[^【】]*】|\[[^[\]]*\]|〔[^〔〕]*〕/g, (b) => {
      // a time in brackets, 9月18日（上午）, 9月18日(9:00-11:30), is still the time of day
      const inner = b.slice(1, -1).trim();
      if (inner !== '' && TIME_TAIL.test(inner) && /\d|[午晚早傍夜白凌天日]/.test(inner)) return ` ${inner} `;
      remarks += b;
      return ' ';
    });
  }
  s = chineseNumeralsToDigits(s);
  return { s: s.replace(/ +/g, ' ').trim(), remarks };
}

/** 星期六, 礼拜天, 周日, 周6: a weekday beside a date says nothing the date does not */
const WEEKDAY = /(?:星期|礼拜|周)[一二三四五六日天1-7]/g;

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * 二〇二三年九月十八日 → 2024年9月18日; only numerals directly before 年/月/日/号 are touched.
 * A match starts only where a run of numerals starts, and the unit is captured, not sliced from
 * the rest of the text: linear on a cell of ten thousand 〇 (issue 13), where each start inside the
 * run used to rescan it.
 */
function chineseNumeralsToDigits(s: string): string {
  return s.replace(/(?<![〇零一二两三四五六七八九十])([〇零一二两三四五六七八九十]+)(?=\s*([年月日号]))/g, (run: string, _g: string, unit: string) => {
    if (unit === '年') return [...run].map((c) => (c === '十' ? '' : String(CN_DIGIT[c] ?? ''))).join('');
    // 十八 = 18, 二十三 = 23, 十 = 10, 三十一 = 31
    const i = run.indexOf('十');
    if (i < 0) return run.length === 1 ? String(CN_DIGIT[run] ?? run) : run;
    const tens = i === 0 ? 1 : (CN_DIGIT[run[0]] ?? NaN);
    const ones = i === run.length - 1 ? 0 : (CN_DIGIT[run[i + 1]] ?? NaN);
    const n = tens * 10 + ones;
    return Number.isNaN(n) ? run : String(n);
  });
}

/**
 * One date at the start of `s`, with its year only when written. `ctx` is the date before it in
 * a range or list: a bare day (the 23日 of 9月17日-23日) borrows its month.
 */
function readPiece(s: string, ctx?: Piece): { piece: Piece; len: number } | undefined {
  let m: RegExpExecArray | null;
  const year2 = (t: string) => (t.length === 2 ? 2000 + Number(t) : Number(t));
  // 2024-09-18, 2024/9/18, 2024.9.18, 2024年9月18日, 23年9月18日
  if ((m = /^(\d{4}|\d{2}(?=\s*年))\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*[日号]?/.exec(s)))
    return { piece: { y: year2(m[1]), m: Number(m[2]), d: Number(m[3]) }, len: m[0].length };
  // 20240918
  if ((m = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(s))) return { piece: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, len: m[0].length };
  // 2024年9月中旬, 2024年9月, 2024.9 is too ambiguous (a count? a version?) and is not read
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月份?\s*(上中旬|中下旬|上旬|中旬|下旬|初|中|底|末)?/.exec(s)))
    return { piece: monthPiece(Number(m[1]), Number(m[2]), m[3]), len: m[0].length };
  // 9月18日
  if ((m = /^(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*[日号]?/.exec(s))) return { piece: { m: Number(m[1]), d: Number(m[2]) }, len: m[0].length };
  // 9.18, 9-18, 9/18 (not 9:18, which is a time)
  if ((m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d:])\s*[日号]?/.exec(s))) return { piece: { m: Number(m[1]), d: Number(m[2]) }, len: m[0].length };
  // 9月中旬, 9月
  if ((m = /^(\d{1,2})\s*月份?\s*(上中旬|中下旬|上旬|中旬|下旬|初|中|底|末)?/.exec(s)))
    return { piece: monthPiece(undefined, Number(m[1]), m[2]), len: m[0].length };
  // a bare day ends a range: the 23日 of 9月17日-23日, the 23 of 9.17-23
  // (7月8日-12日15:00: with 日 written, a time may follow at once)
  if (ctx && (m = /^(\d{1,2})\s*(?:[日号]|(?![\d:.月/-]))/.exec(s))) return { piece: { m: ctx.toM ?? ctx.m, d: Number(m[1]) }, len: m[0].length };
  return undefined;
}

function monthPiece(y: number | undefined, m: number, vague: string | undefined): Piece {
  if (vague === undefined) return { y, m, d: 1, toM: m, toD: 'eom', approximate: true };
  const [from, to] = VAGUE[vague];
  return { y, m, d: from, toM: m, toD: to, approximate: true };
}

function resolveDay(y: number, m: number, d: number | 'eom'): string | undefined {
  if (y < 1900 || y > 2100) return undefined;
  const dim = daysInMonth(y, m);
  const day = d === 'eom' ? dim : d;
  if (dim === 0 || day < 1 || day > dim) return undefined;
  return isoDate(y, m, day);
}

function resolveStart(p: Piece): string | undefined {
  return resolveDay(p.y!, p.m, p.d);
}

function resolveEnd(p: Piece): string | undefined {
  return resolveDay(p.y!, p.toM ?? p.m, p.toD ?? p.d);
}

function parseCompact(digits: string): DateParse {
  const p = readPiece(digits);
  if (!p) return { kind: 'invalid', reason: 'unreadable' };
  const iso = resolveStart(p.piece);
  return iso ? { kind: 'ok', start: iso, yearGiven: true } : { kind: 'invalid', reason: 'impossible' };
}

// ---------------------------------------------------------------- shared results

const EMPTY_DATE: DateParse = Object.freeze({ kind: 'empty' });
const UNREADABLE_DATE: DateParse = Object.freeze({ kind: 'invalid', reason: 'unreadable' });

function parseDateCellCached(cell: Cell, year: number, cache: ParseCache): DateParse {
  switch (cell.t) {
    case 'd':
      return cache.dateCells.get(cell.v) ?? cache.dateCells.add(cell.v, (v) => freezeParse(fromDateCell(v)));
    case 's': {
      const memo = cache.datesIn(year).texts;
      return memo.get(cell.v) ?? memo.add(cell.v, (v) => freezeParse(parseDateText(v, { year })));
    }
    case 'n': {
      const memo = cache.datesIn(year).numbers;
      return memo.get(cell.v) ?? memo.add(cell.v, (v) => freezeParse(fromNumber(v, year)));
    }
    default:
      return UNREADABLE_DATE;
  }
}
