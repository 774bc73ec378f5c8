import { defineRowRule } from './rule.js';

/** 开展方式 must be 线下, 线上 or 线上线下结合. */
export const modeInvalid = defineRowRule({
  name: 'mode-invalid',
  codes: ['mode-invalid'],
  check({ row, emit }) {
    if (row.activity.raw.mode !== undefined && !row.modeKnown) emit('mode-invalid', 'mode');
  },
});
