import { defineUnitRule } from './rule.js';

/** A roster unit that sent nothing that could be merged. */
export const submissionMissing = defineUnitRule({
  name: 'submission-missing',
  codes: ['submission-missing'],
  check({ unit, files, rules, emit }) {
    if (files.length === 0) emit('submission-missing', { file: rules.rosterSource, unit: unit.name });
  },
});
