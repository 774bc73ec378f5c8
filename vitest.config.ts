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
  },
});
