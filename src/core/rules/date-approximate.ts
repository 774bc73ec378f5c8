import { defineRowRule } from './rule.js';

/** 9月中旬, 下旬, 全年…: read as a range, but the unit should give the day. */
export const dateApproximate = defineRowRule({
  name: 'date-approximate',
  codes: ['date-approximate'],
  check({ row, emit }) {
    const s = row.start;
    if (s.kind === 'ok' && s.approximate) emit('date-approximate', 'startDate', { start: s.start, end: s.end ?? s.start });
    const e = row.end;
    if (e.kind === 'ok' && e.approximate && !row.endFromRange) emit('date-approximate', 'endDate', { start: e.start, end: e.end ?? e.start });
  },
});
