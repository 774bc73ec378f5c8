import { defineSubmissionRule } from './rule.js';

/** A table was read, but no unit name was found: not in the 填报单位 line, a column, the file name or the mail. */
export const unitUnidentified = defineSubmissionRule({
  name: 'unit-unidentified',
  codes: ['unit-unidentified'],
  check({ file, sheet, analyzed, unit, emit }) {
    if (analyzed && unit === undefined) emit('unit-unidentified', { file, ...(sheet ? { sheet } : {}) });
  },
});
