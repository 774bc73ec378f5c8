/**
 * On time means received by the end of the deadline day in Asia/Shanghai (SPEC §1: "9月12日前"
 * is on time until 2023-09-12 23:59:59). Computed with @date-fns/tz so the machine's own time
 * zone never matters.
 */
import { TZDate } from '@date-fns/tz';
import { endOfDay } from 'date-fns';

export const CAMPAIGN_TZ = 'Asia/Shanghai';

export function deadlineEnd(deadlineDay: string): Date {
  const [y, m, d] = deadlineDay.split('-').map(Number);
  return endOfDay(new TZDate(y, m - 1, d, CAMPAIGN_TZ));
}

export function isLate(receivedAtIso: string, deadlineDay: string): boolean {
  const t = Date.parse(receivedAtIso);
  if (Number.isNaN(t)) return false; // unknown is never late (SPEC §5)
  return t > deadlineEnd(deadlineDay).getTime();
}
