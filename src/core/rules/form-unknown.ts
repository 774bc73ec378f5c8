import { defineRowRule } from './rule.js';

/** A 活动形式 not in the list: a warning, the list is not exhaustive. */
export const formUnknown = defineRowRule({
  name: 'form-unknown',
  codes: ['form-unknown'],
  check({ row, emit }) {
    if (row.activity.raw.form !== undefined && !row.formKnown) emit('form-unknown', 'form');
  },
});
