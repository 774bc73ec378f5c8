import { defineRowRule } from './rule.js';

/** 所属镇街 not a town or street of the district (nor 全区, nor a known place). */
export const townUnknown = defineRowRule({
  name: 'town-unknown',
  codes: ['town-unknown'],
  check({ row, rules, emit }) {
    if (row.activity.raw.town !== undefined && !row.townKnown) emit('town-unknown', 'town', { district: rules.district });
  },
});
