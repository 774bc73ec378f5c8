import { COLUMNS } from '../columns.js';
import { defineRowRule } from './rule.js';

/** A required cell is empty (SPEC §2 "required"); 活动地点 only when the activity is not 线上. */
export const requiredMissing = defineRowRule({
  name: 'required-missing',
  codes: ['required-missing'],
  check({ row, hasColumn, emit }) {
    const { raw, values } = row.activity;
    for (const col of COLUMNS) {
      if (col.required === 'never' || !hasColumn(col.key)) continue;
      if (col.required === 'offline' && values.mode === '线上') continue;
      // 联系人 may be read from the names written beside the phone numbers (issue 13)
      if (col.key === 'contact' && values.contact !== undefined) continue;
      if (raw[col.key] === undefined) emit('required-missing', col.key, { field: col.label });
    }
  },
});
