import { defineRowRule } from './rule.js';

/** Activities may run all year, but not in another year (a 2022 date copied from last year's table). */
export const dateWrongYear = defineRowRule({
  name: 'date-wrong-year',
  codes: ['date-wrong-year'],
  check({ row, rules, emit }) {
    const year = String(rules.year);
    if (row.start.kind === 'ok' && !row.start.start.startsWith(year)) emit('date-wrong-year', 'startDate', { year: rules.year });
    else if (row.end.kind === 'ok' && !row.end.start.startsWith(year) && !row.endFromRange) emit('date-wrong-year', 'endDate', { year: rules.year });
  },
});
