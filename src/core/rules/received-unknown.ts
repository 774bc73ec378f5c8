import { defineSubmissionRule } from './rule.js';

/**
 * No submission time (SPEC §5: not a mail, not in the --received manifest): said once, never
 * counted late. The collector has already said it, with the header, for a mail whose time it
 * could not read.
 */
export const receivedUnknown = defineSubmissionRule({
  name: 'received-unknown',
  codes: ['received-unknown'],
  check({ file, analyzed, unit, receivedAt, receivedUnknownReported, emit }) {
    if (!analyzed || unit === undefined || receivedAt || receivedUnknownReported) return;
    emit('received-unknown', { file, unit });
  },
});
