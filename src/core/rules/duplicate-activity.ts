/**
 * The same activity reported twice — same folded name, start date and place — within one file
 * (validate) or across every merged file (merge) (SPEC §6 as amended by issue 13). The same name
 * on the same day at different places is a lecture tour (科普讲座进社区 at five communities), not a
 * duplicate. Rows without a place (线上) compare by name and date alone. Both rows get the
 * finding and both stay in the master table. The other row is named by params (its file, row, cell and unit), never
 * by a sentence built here: messages/ says it in the reader's language.
 */
import type { Activity } from '../activity.js';
import { foldKey } from '../values/fold-text.js';
import { defineActivitiesRule } from './rule.js';

export const duplicateActivity = defineActivitiesRule({
  name: 'duplicate-activity',
  codes: ['duplicate-activity'],
  check({ activities, nameHeaderOf, unitOf, emit }) {
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
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const a of group) {
        const other = group.find((b) => b !== a)!;
        const unit = unitOf(a);
        const otherUnit = unitOf(other);
        const otherCell = other.cells.name;
        emit(
          'duplicate-activity',
          {
            file: a.file,
            sheet: a.sheet,
            row: a.row,
            column: nameHeaderOf(a) ?? '活动名称',
            cell: a.cells.name,
            value: a.values.name,
            ...(unit ? { unit } : {}),
          },
          {
            otherFile: other.file,
            otherRow: other.row,
            ...(otherCell ? { otherCell } : {}),
            ...(otherUnit ? { otherUnit } : {}),
            sameFile: other.file === a.file ? 1 : 0,
            count: group.length,
          },
        );
      }
    }
  },
});
