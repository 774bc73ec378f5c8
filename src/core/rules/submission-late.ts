import { isLate } from '../merge/deadline.js';
import { defineSubmissionRule } from './rule.js';

/** Received after the schedule deadline's last second (Asia/Shanghai); a replaced file is not late. */
export const submissionLate = defineSubmissionRule({
  name: 'submission-late',
  codes: ['submission-late'],
  check({ file, analyzed, unit, receivedAt, status, rules, emit }) {
    if (!analyzed || unit === undefined || !receivedAt || status === 'superseded') return;
    if (!isLate(receivedAt, rules.deadlines.schedule)) return;
    emit('submission-late', { file, unit }, { receivedAt: formatLocal(receivedAt), deadline: rules.deadlines.schedule });
  },
});

/** '2024-09-12T10:05:00+08:00' → '2024-09-12 10:05' (receive times are always Shanghai time). */
export function formatLocal(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
