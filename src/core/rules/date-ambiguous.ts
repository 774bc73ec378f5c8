import { defineRowRule } from './rule.js';

/** A number cell like 9.2: most likely typed as 9.20 and Excel dropped the zero (SPEC §3). */
export const dateAmbiguous = defineRowRule({
  name: 'date-ambiguous',
  codes: ['date-ambiguous'],
  check({ row, emit }) {
    if (row.start.kind === 'ok' && row.start.ambiguous) emit('date-ambiguous', 'startDate', { date: row.start.start });
    if (row.end.kind === 'ok' && row.end.ambiguous && !row.endFromRange) emit('date-ambiguous', 'endDate', { date: row.end.start });
  },
});
