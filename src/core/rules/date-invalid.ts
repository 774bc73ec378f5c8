import { defineRowRule } from './rule.js';

/** A date that cannot be read, an impossible date (9月31日), or 待定. */
export const dateInvalid = defineRowRule({
  name: 'date-invalid',
  codes: ['date-invalid'],
  check({ row, emit }) {
    if (row.start.kind === 'invalid') emit('date-invalid', 'startDate', { reason: row.start.reason });
    if (row.end.kind === 'invalid') emit('date-invalid', 'endDate', { reason: row.end.reason });
  },
});
