import { defineRowRule } from './rule.js';

/** 活动网址 must be an http(s) address. */
export const urlInvalid = defineRowRule({
  name: 'url-invalid',
  codes: ['url-invalid'],
  check({ row, emit }) {
    if (row.activity.raw.url !== undefined && row.url.kind === 'invalid') emit('url-invalid', 'url');
  },
});
