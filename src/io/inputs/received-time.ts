/**
 * The submission time of a saved `.eml` message (SPEC §5): the date of the topmost `Received:`
 * header (the clerk's own mail server stamping the arrival), else the `Date:` header the sender's
 * client wrote. Mail dates are parsed strictly here — never with `new Date(text)`, which guesses
 * (V8 reads `CST` as US Central, accepts `2024` alone, …) — and a header that cannot be read is
 * a `received-unknown` finding, never "now".
 *
 * All times leave this module as ISO 8601 in Asia/Shanghai with the offset written out:
 * `2024-09-12T10:05:00+08:00`.
 */
import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns/formatISO';
import { createFinding, type Finding } from '../../core/finding.js';

export const CAMPAIGN_TZ = 'Asia/Shanghai';

/** A header as postal-mime gives it: lowercase key, unfolded raw value. */
export interface RawHeader {
  key: string;
  value: string;
}

export interface MailTime {
  /** ISO 8601 with +08:00, when a header could be read */
  receivedAt?: string;
  source?: 'received' | 'date';
  /** the raw header value that could not be read (set only when no time was found) */
  unreadable?: string;
}

/** An instant as ISO 8601 in Asia/Shanghai, e.g. `2024-09-12T10:05:00+08:00` (seconds kept, no ms). */
export function toShanghaiIso(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return formatISO(new TZDate(ms, CAMPAIGN_TZ));
}

/** Wall-clock time in Asia/Shanghai → instant (ms since epoch); undefined for impossible fields. */
export function shanghaiLocalToMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (!validCalendar(y, mo, d, h, mi, s)) return undefined;
  return new TZDate(y, mo - 1, d, h, mi, s, CAMPAIGN_TZ).getTime();
}

function validCalendar(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (!Number.isInteger(y) || y < 1900 || y > 2999) return false;
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > dim) return false;
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Named zones, in minutes east of UTC. RFC 2822's obsolete US zones are kept except CST: in Chinese
 * mail `CST` is China Standard Time (Coremail, Foxmail write `+0800 (CST)` and some clients write
 * the bare name), so CST is +0800 here.
 */
const NAMED_ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  CST: 480,
  BJT: 480,
  CCT: 480,
  HKT: 480,
  SGT: 480,
  JST: 540,
  KST: 540,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** Remove RFC 822 comments `( … )`, nested, with `\` escapes; undefined if unbalanced. */
function stripComments(text: string): string | undefined {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && depth > 0) {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return undefined;
      depth--;
      if (depth === 0) out += ' ';
    } else if (depth === 0) out += c;
  }
  return depth === 0 ? out : undefined;
}

/** Parse a zone token to minutes east of UTC; undefined if it is not a zone. */
function parseZone(token: string): number | undefined {
  const t = token.trim();
  if (t === '') return undefined;
  const named = /^[A-Za-z]+$/.test(t) ? NAMED_ZONES[t.toUpperCase()] : undefined;
  if (named !== undefined) return named;
  // +0800, -0500, +08:00, +8, GMT+08:00, GMT+0800, UTC+8, UT+0800
  const m = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const h = Number(m[2]);
  const mi = m[3] ? Number(m[3]) : 0;
  if (h > 14 || mi > 59) return undefined;
  return sign * (h * 60 + mi);
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): number | undefined {
  if (!validCalendar(y, mo, d, h, mi, s)) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offsetMin * 60_000;
}

const RFC2822 =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(.*))?$/i;
/** `Tue Sep 12 2024 10:05:00 GMT+0800` (JavaScript) and `Tue Sep 12 10:05:00 2024` (asctime) */
const MONTH_FIRST =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s*)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+(\d{4}))?(?:\s*(.*))?$/i;
const ISO_LIKE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)\s*(.*)$/;

/**
 * Parse a mail date strictly. Accepts RFC 2822 and its common deviations: optional weekday,
 * 2- and 3-digit years (RFC 2822 §4.3), seconds optional, comments such as `(CST)`, zones as
 * `+0800`, `+08:00`, `GMT+08:00`, `UTC+8`, `UT`, `GMT`, `Z` or a known name (`CST` = +0800).
 * Also accepts the unambiguous `2024-09-12 10:05:00 +0800`, JavaScript's
 * `Tue Sep 12 2024 10:05:00 GMT+0800 (中国标准时间)` and asctime's `Tue Sep 12 10:05:00 2024`. A date with no zone at all is read as
 * Asia/Shanghai local time. Anything else — trailing words, impossible dates — is undefined.
 */
export function parseMailDate(text: string): Date | undefined {
  const stripped = stripComments(text.replace(/[\r\n]+/g, ' '));
  if (stripped === undefined) return undefined;
  const s = stripped.replace(/\s+/g, ' ').trim();
  if (s === '') return undefined;

  let y: number, mo: number, d: number, h: number, mi: number, sec: number, zoneText: string;
  const m = RFC2822.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    if (!month) return undefined;
    d = Number(m[1]);
    mo = month;
    y = Number(m[3]);
    if (m[3].length === 2) y += y < 50 ? 2000 : 1900;
    else if (m[3].length === 3) y += 1900;
    h = Number(m[4]);
    mi = Number(m[5]);
    sec = m[6] ? Number(m[6]) : 0;
    zoneText = (m[7] ?? '').trim();
  } else if (MONTH_FIRST.test(s)) {
    const mf = MONTH_FIRST.exec(s)!;
    const month = MONTHS[mf[1].toLowerCase()];
    const yearText = mf[3] ?? mf[7];
    if (!month || !yearText || (mf[3] && mf[7])) return undefined;
    mo = month;
    d = Number(mf[2]);
    y = Number(yearText);
    h = Number(mf[4]);
    mi = Number(mf[5]);
    sec = mf[6] ? Number(mf[6]) : 0;
    zoneText = (mf[8] ?? '').trim();
  } else {
    const iso = ISO_LIKE.exec(s);
    if (!iso || iso[4] === undefined) return undefined;
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    h = Number(iso[4]);
    mi = Number(iso[5]);
    sec = iso[6] ? Number(iso[6]) : 0;
    zoneText = iso[7].trim();
  }

  let ms: number | undefined;
  if (zoneText === '') {
    ms = shanghaiLocalToMs(y, mo, d, h, mi, Math.min(sec, 59));
  } else {
    // `+0800 CST` / `GMT +0800`: a numeric zone with a redundant name either side
    const parts = zoneText.split(' ');
    let offset: number | undefined;
    if (parts.length === 1) offset = parseZone(parts[0]);
    else if (parts.length === 2) {
      const a = parseZone(parts[0]);
      const b = parseZone(parts[1]);
      const numeric = (p: string) => /\d/.test(p);
      if (a !== undefined && b !== undefined) {
        // prefer the numeric one: `GMT +0800` is +0800, `+0800 CST` is +0800
        offset = numeric(parts[0]) ? a : numeric(parts[1]) ? b : a === b ? a : undefined;
      }
      if (a === undefined && b === undefined) offset = parseZone(parts.join(''));
    }
    if (offset === undefined) return undefined;
    ms = utcMs(y, mo, d, h, mi, sec, offset);
  }
  return ms === undefined ? undefined : new Date(ms);
}

/** The date part of a `Received:` value: the text after its last `;`. */
export function receivedDatePart(value: string): string | undefined {
  const i = value.lastIndexOf(';');
  if (i < 0) return undefined;
  const part = value.slice(i + 1).trim();
  return part === '' ? undefined : part;
}

/**
 * The submission time from a message's headers (document order, duplicates kept): the topmost
 * `Received:` whose date reads, else `Date:`. When neither reads, `unreadable` holds the raw value
 * that failed (the Date header's, else the topmost Received date's) so it can be reported.
 */
export function mailTimeFromHeaders(headers: readonly RawHeader[]): MailTime {
  let firstBadReceived: string | undefined;
  for (const h of headers) {
    if (h.key.toLowerCase() !== 'received') continue;
    const part = receivedDatePart(h.value);
    if (part === undefined) continue;
    const d = parseMailDate(part);
    if (d) return { receivedAt: toShanghaiIso(d), source: 'received' };
    firstBadReceived ??= part;
  }
  const dateHeader = headers.find((h) => h.key.toLowerCase() === 'date');
  if (dateHeader) {
    const d = parseMailDate(dateHeader.value);
    if (d) return { receivedAt: toShanghaiIso(d), source: 'date' };
    return { unreadable: dateHeader.value.trim() };
  }
  return firstBadReceived !== undefined ? { unreadable: firstBadReceived } : {};
}

/** The `received-unknown` finding for a mail time that could not be read (SPEC §5, §7). */
export function unreadableMailTimeFinding(file: string, header: string): Finding {
  return createFinding('received-unknown', { file }, { reason: '邮件时间无法识别', header });
}
