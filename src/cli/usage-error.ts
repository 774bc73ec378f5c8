/** Bad usage or a bad config/roster: one clear message, exit code 2, nothing written (SPEC §9). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Also true for a UsageError of another copy of this module: the CLI's start-up bundle
 * (scripts/bundle-cli.mjs) carries its own copy, while the commands throw this one.
 */
export function isUsageError(err: unknown): err is UsageError {
  return err instanceof UsageError || (err instanceof Error && err.name === 'UsageError');
}
