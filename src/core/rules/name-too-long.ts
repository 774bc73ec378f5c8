import { defineRowRule } from './rule.js';

/** 活动名称 over the website's limit (rules.nameMaxLength). */
export const nameTooLong = defineRowRule({
  name: 'name-too-long',
  codes: ['name-too-long'],
  check({ row, rules, emit }) {
    const name = row.activity.values.name;
    if (name === undefined) return;
    const length = [...name].length;
    if (length > rules.nameMaxLength) emit('name-too-long', 'name', { length, max: rules.nameMaxLength });
  },
});
