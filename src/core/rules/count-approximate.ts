import { defineRowRule } from './rule.js';

/**
 * A rounded figure: 2000余, 900多名, 约500, 200左右 — the number is taken as written (info). A range
 * is count-range (a warning) instead.
 */
export const countApproximate = defineRowRule({
  name: 'count-approximate',
  codes: ['count-approximate'],
  check({ row, emit }) {
    if (row.count.kind === 'ok' && row.count.approximate && !row.count.range) emit('count-approximate', 'expectedCount', { count: row.count.value });
  },
});
