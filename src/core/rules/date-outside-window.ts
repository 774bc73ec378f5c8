import { defineRowRule } from './rule.js';
import { datesUsable } from './date-guards.js';

/** The activity does not touch the concentrated window (集中活动期); allowed, but worth a look. */
export const dateOutsideWindow = defineRowRule({
  name: 'date-outside-window',
  codes: ['date-outside-window'],
  check({ row, rules, emit }) {
    const span = datesUsable(row, rules);
    if (!span) return;
    const w = rules.windows.concentrated;
    if (span.end < w.start || span.start > w.end) emit('date-outside-window', 'startDate', { start: w.start, end: w.end });
  },
});
