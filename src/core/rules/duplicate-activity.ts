/**
 * The same activity reported twice — same folded name, start date and place — within one file or
 * across units (SPEC §6 as amended by issue 13). The same name on the same day at different places
 * is a lecture tour (科普讲座进社区 at five communities), not a duplicate, and is not reported.
 * Rows without a place (线上) compare by name and date alone. Both rows of a duplicate get the
 * finding and both stay in the master table.
 */
import type { Activity } from '../activity.js';
import { createFinding, type Finding } from '../finding.js';
import { foldKey } from '../values/fold-text.js';

export function findDuplicateActivities(activities: readonly Activity[], headerOf?: (a: Activity) => string | undefined): Finding[] {
  const groups = new Map<string, Activity[]>();
  for (const a of activities) {
    const name = a.values.name;
    const start = a.values.startDate;
    if (!name || !start) continue;
    // punctuation and spaces in a place are how it was typed, not where it is
    const place = a.values.location ? foldKey(a.values.location).replace(/[\p{P}\p{S}]/gu, '') : '';
    const key = foldKey(name) + '\u0000' + start + '\u0000' + place;
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const a of group) {
      const other = group.find((b) => b !== a)!;
      const where = other.file === a.file ? `第${other.row}行` : `${other.unit || other.file}(${other.cells.name ?? `第${other.row}行`})`;
      findings.push(
        createFinding(
          'duplicate-activity',
          {
            file: a.file,
            sheet: a.sheet,
            row: a.row,
            column: headerOf?.(a) ?? '活动名称',
            cell: a.cells.name,
            value: a.values.name,
            ...(a.unit ? { unit: a.unit } : {}),
          },
          { other: where, otherFile: other.file, count: group.length },
        ),
      );
    }
  }
  return findings;
}
