/**
 * Errors that end a run on purpose. Core and io throw them; the CLI shell turns them into one
 * message and exit code 2. (Bad data is never thrown: it becomes a Finding.)
 */

/** Bad usage or a bad config/roster: one clear message, exit code 2, nothing written (SPEC §9). */
export class UsageError extends Error {
  override name = 'UsageError';
}
