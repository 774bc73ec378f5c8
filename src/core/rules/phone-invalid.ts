import { defineRowRule } from './rule.js';

/** 联系电话 is not a mobile or landline number (or two run together). */
export const phoneInvalid = defineRowRule({
  name: 'phone-invalid',
  codes: ['phone-invalid'],
  check({ row, emit }) {
    if (row.phone.kind === 'invalid') emit('phone-invalid', 'phone', { reason: row.phone.reason });
  },
});
