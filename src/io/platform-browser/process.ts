/**
 * The page's `process` global (issue 14): what src/io and the libraries it uses look at. No
 * environment variables, one thread, output nowhere (the page shows results itself).
 */
const start = performance.now();
const noopStream = { write: () => true, isTTY: false, columns: 80 };

export const process = {
  env: {} as Record<string, string | undefined>,
  argv: [] as string[],
  platform: 'browser',
  version: 'v20.0.0',
  versions: {} as Record<string, string>,
  browser: true,
  pid: 1,
  exitCode: undefined as number | undefined,
  /** the engine's working folder (src/web/engine.ts WORK_DIR): dropped files are put under it */
  cwd: () => '/kepuri',
  chdir: () => undefined,
  nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
  memoryUsage: () => ({ rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 }),
  hrtime: Object.assign(
    (prev?: [number, number]) => {
      const t = performance.now() - start;
      const s = Math.floor(t / 1000);
      const ns = Math.floor((t % 1000) * 1e6);
      return prev ? [s - prev[0], ns - prev[1]] : [s, ns];
    },
    { bigint: () => BigInt(Math.floor((performance.now() - start) * 1e6)) },
  ),
  emitWarning: () => undefined,
  on: () => process,
  once: () => process,
  off: () => process,
  removeListener: () => process,
  emit: () => false,
  listeners: () => [],
  binding: () => {
    throw new Error('process.binding is not supported');
  },
  umask: () => 0,
  stdout: noopStream,
  stderr: noopStream,
};
