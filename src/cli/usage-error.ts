/** Bad usage or a bad config/roster: one clear message, exit code 2, nothing written (SPEC §9). */
export class UsageError extends Error {
  override name = 'UsageError';
}
