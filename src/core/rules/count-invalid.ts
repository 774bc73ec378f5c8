import { defineRowRule } from './rule.js';

/** 预计参与人数 must be a positive whole number (若干, 不限 are not: `vague` asks for an estimate). */
export const countInvalid = defineRowRule({
  name: 'count-invalid',
  codes: ['count-invalid'],
  check({ row, emit }) {
    if (row.count.kind === 'invalid') emit('count-invalid', 'expectedCount', ...(row.count.reason ? [{ reason: row.count.reason }] : []));
  },
});
