import type { Config } from '../config/schema.js';
import type { ParsedRow } from '../rows/normalize-row.js';

/**
 * The row's date span when it is fit for window checks: readable, in the campaign year, not
 * reversed. Otherwise undefined, so one bad date gives one finding, not three.
 */
export function datesUsable(row: ParsedRow, rules: Config): { start: string; end: string } | undefined {
  if (row.start.kind !== 'ok' || row.end.kind === 'invalid') return undefined;
  const start = row.start.start;
  const end = row.end.kind === 'ok' ? row.end.start : (row.start.end ?? start);
  const year = String(rules.year);
  if (!start.startsWith(year) || !end.startsWith(year) || end < start) return undefined;
  return { start, end };
}
