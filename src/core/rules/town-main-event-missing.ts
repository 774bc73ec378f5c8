import { defineUnitRule } from './rule.js';

/** A 镇街 that submitted but holds no 镇街主场活动 (every 镇街 is expected to hold one). */
export const townMainEventMissing = defineUnitRule({
  name: 'town-main-event-missing',
  codes: ['town-main-event-missing'],
  check({ unit, files, activities, rules, emit }) {
    const category = rules.categories.find((c) => c.townMainEvent);
    if (files.length === 0 || unit.kind !== '镇街' || !category) return;
    if (!activities.some((a) => a.values.category === category.name)) emit('town-main-event-missing', { file: files[files.length - 1]!, unit: unit.name });
  },
});
