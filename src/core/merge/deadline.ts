/**
 * Is a submission late? On time means received by the end of the deadline day in Asia/Shanghai
 * (SPEC §1: "2024年9月12日前" is on time until 2024-09-12 23:59:59 Shanghai time). Pure; the
 * machine's own time zone never matters (@date-fns/tz TZDate).
 */
import { TZDate } from '@date-fns/tz';

export const DEADLINE_TZ = 'Asia/Shanghai';

/** The last instant that is still on time: deadlineDay 23:59:59.999 Asia/Shanghai. */
export function deadlineEndMs(deadlineDay: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadlineDay);
  if (!m) throw new RangeError(`deadline day must be YYYY-MM-DD, got ${JSON.stringify(deadlineDay)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`no such day: ${deadlineDay}`);
  }
  // start of the next day in Shanghai, minus 1 ms (robust even on a DST day)
  return new TZDate(y, mo - 1, d + 1, 0, 0, 0, 0, DEADLINE_TZ).getTime() - 1;
}

/**
 * True when `receivedAtIso` (ISO 8601 with an offset or Z) is after deadlineDay 23:59:59.999 in
 * Asia/Shanghai. A time that does not parse is never late (unknown is not late, SPEC §5).
 */
export function isLate(receivedAtIso: string, deadlineDay: string): boolean {
  const t = instantOf(receivedAtIso);
  if (t === undefined) return false;
  return t > deadlineEndMs(deadlineDay);
}

/** ISO 8601 → ms; a time without offset is Shanghai wall-clock time, never the machine's zone. */
function instantOf(iso: string): number | undefined {
  const s = iso.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/.exec(s);
  if (local) {
    const [y, mo, d, h, mi, sec] = local.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)));
    const ms = local[7] ? Number(local[7].padEnd(3, '0')) : 0;
    return new TZDate(y, mo - 1, d, h, mi, sec, ms, DEADLINE_TZ).getTime();
  }
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}
