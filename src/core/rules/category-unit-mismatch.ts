import { defineRowRule } from './rule.js';

/** A category reserved for other kinds of unit (镇街主场活动 from a department). Needs the roster's kind. */
export const categoryUnitMismatch = defineRowRule({
  name: 'category-unit-mismatch',
  codes: ['category-unit-mismatch'],
  check({ row, rules, unitKind, emit }) {
    if (!unitKind || !row.categoryKnown) return;
    const category = rules.categories.find((c) => c.name === row.activity.values.category);
    if (!category?.holders || category.holders.length === 0) return;
    if (!category.holders.includes(unitKind)) emit('category-unit-mismatch', 'category', { kind: unitKind, holders: category.holders.join('、') });
  },
});
