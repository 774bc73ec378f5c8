import { defineRowRule } from './rule.js';

/** 结束日期 before 开始日期. */
export const dateRangeReversed = defineRowRule({
  name: 'date-range-reversed',
  codes: ['date-range-reversed'],
  check({ row, emit }) {
    const { start, end } = row;
    if (start.kind !== 'ok' || end.kind !== 'ok') return;
    if (end.start < start.start) emit('date-range-reversed', row.endFromRange ? 'startDate' : 'endDate', { start: start.start, end: end.start });
  },
});
