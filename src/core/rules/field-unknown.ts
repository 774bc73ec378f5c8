import { defineRowRule } from './rule.js';

/** A 科普领域 not in the notice's list (one finding per cell, naming the unknown ones). */
export const fieldUnknown = defineRowRule({
  name: 'field-unknown',
  codes: ['field-unknown'],
  check({ row, emit }) {
    if (row.unknownFields.length > 0) emit('field-unknown', 'field', { unknown: row.unknownFields.join('、') });
  },
});
