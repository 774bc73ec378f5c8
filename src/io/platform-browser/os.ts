/** The page's `node:os` (issue 14): one thread does the work in the page's Web Worker. */
export const EOL = '\n';
export function availableParallelism(): number {
  return 1;
}
export function cpus(): { model: string }[] {
  return [{ model: 'browser' }];
}
export function tmpdir(): string {
  return '/tmp';
}
export function platform(): string {
  return 'browser';
}
export function totalmem(): number {
  return 2 ** 31;
}
export default { EOL, availableParallelism, cpus, tmpdir, platform, totalmem };
