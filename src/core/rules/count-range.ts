import { defineRowRule } from './rule.js';

/** A range like 50-80人: the upper end is taken, and one number is asked for (warning). */
export const countRange = defineRowRule({
  name: 'count-range',
  codes: ['count-range'],
  check({ row, emit }) {
    if (row.count.kind === 'ok' && row.count.range) emit('count-range', 'expectedCount', { count: row.count.value });
  },
});
