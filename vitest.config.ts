import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// KEPURI_FAST=1 (npm run test:fast): no corpus, no tests that spawn the CLI.
const fast = process.env.KEPURI_FAST === '1';
if (fast) process.env.KEPURI_CORPUS = '/nonexistent-kepuri-corpus';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: fast ? ['test/cli/**', 'test/page/**', 'node_modules/**'] : ['node_modules/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Fast mode runs each worker's files in one module registry instead of a fresh one per file:
    // exceljs, SheetJS and src are loaded once per worker, not once per file, which was most of
    // the fast run's CPU. The tests leave no state behind (TZ and cwd restored, read children
    // closed, memos per run or pure), so a file passes the same after any other (checked with shuffled
    // file order). And one worker per core: vitest's default leaves a core to its main process,
    // which has little to do once the files are transformed (one worker on a 2-core machine).
    // `npm test` keeps isolation and the defaults.
    isolate: !fast,
    maxWorkers: fast ? availableParallelism() : undefined,
  },
});
