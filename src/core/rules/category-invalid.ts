import { defineRowRule } from './rule.js';

/** 活动类别 must be one of the notice's categories. */
export const categoryInvalid = defineRowRule({
  name: 'category-invalid',
  codes: ['category-invalid'],
  check({ row, emit }) {
    if (row.activity.raw.category !== undefined && !row.categoryKnown) emit('category-invalid', 'category');
  },
});
