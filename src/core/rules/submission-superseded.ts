import { defineSubmissionRule } from './rule.js';

/** Replaced by a later file of the same unit (SPEC §6); names the file that replaced it. */
export const submissionSuperseded = defineSubmissionRule({
  name: 'submission-superseded',
  codes: ['submission-superseded'],
  check({ file, unit, supersededBy, emit }) {
    if (supersededBy) emit('submission-superseded', { file, ...(unit !== undefined ? { unit } : {}) }, { by: supersededBy });
  },
});
