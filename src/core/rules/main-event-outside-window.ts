import { defineRowRule } from './rule.js';
import { datesUsable } from './date-guards.js';

/** The 区主场活动 must start within the main-event window (rules.windows.mainEvent). */
export const mainEventOutsideWindow = defineRowRule({
  name: 'main-event-outside-window',
  codes: ['main-event-outside-window'],
  check({ row, rules, emit }) {
    const category = rules.categories.find((c) => c.name === row.activity.values.category);
    if (!category?.districtMainEvent) return;
    const span = datesUsable(row, rules);
    if (!span) return;
    const w = rules.windows.mainEvent;
    if (span.start < w.start || span.start > w.end) emit('main-event-outside-window', 'startDate', { start: w.start, end: w.end });
  },
});
