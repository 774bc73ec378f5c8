import { defineUnitRule } from './rule.js';

/** Fewer activities than the unit's quota in 附件1 (SPEC §4); only for units that submitted. */
export const quotaShort = defineUnitRule({
  name: 'quota-short',
  codes: ['quota-short'],
  check({ unit, files, activities, emit }) {
    if (files.length === 0 || unit.quota === undefined || activities.length >= unit.quota) return;
    emit('quota-short', { file: files[files.length - 1]!, unit: unit.name }, { activities: activities.length, quota: unit.quota });
  },
});
