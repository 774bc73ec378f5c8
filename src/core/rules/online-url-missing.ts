import { defineRowRule } from './rule.js';

/** Online activities must give their address; an online-only category held 线下 is the same mistake. */
export const onlineUrlMissing = defineRowRule({
  name: 'online-url-missing',
  codes: ['online-url-missing'],
  check({ row, rules, emit }) {
    const { values, raw } = row.activity;
    if ((values.mode === '线上' || values.mode === '线上线下结合') && raw.url === undefined) {
      emit('online-url-missing', 'url', { mode: values.mode });
      return;
    }
    const category = rules.categories.find((c) => c.name === values.category);
    if (category?.online && values.mode === '线下') emit('online-url-missing', 'mode', { category: category.name, offline: 1 });
  },
});
