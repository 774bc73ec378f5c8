import { defineRowRule } from './rule.js';

/** A range like 100-200: the lower end is taken. */
export const countApproximate = defineRowRule({
  name: 'count-approximate',
  codes: ['count-approximate'],
  check({ row, emit }) {
    if (row.count.kind === 'ok' && row.count.approximate) emit('count-approximate', 'expectedCount', { count: row.count.value });
  },
});
