/**
 * The same activity reported twice — same folded name and start date — within one file or across
 * units (SPEC §6). Both rows get the finding and both stay in the master table.
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
    const key = foldKey(name) + '\u0000' + start;
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
          {
            other: where,
            otherFile: other.file,
            count: group.length,
            // the parts of `other`, so each language writes its own words (no 第8行 in English)
            otherRow: other.row,
            ...(other.cells.name ? { otherCell: other.cells.name } : {}),
            ...(other.file !== a.file ? { otherUnit: other.unit || other.file } : {}),
          },
        ),
      );
    }
  }
  return findings;
}
