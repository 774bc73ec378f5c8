#!/usr/bin/env node
// npm run test:fast: the unit, golden and in-process tests, without the shared corpus and without
// the tests that spawn the CLI, with the files of a worker sharing their modules (vitest.config.ts
// reads KEPURI_FAST; README's test table says which tests run where). Builds first: some in-process
// tests use the compiled read child (dist/io/read/isolation/read-child.js).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, KEPURI_FAST: '1' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const [cmd, args] of [
  [npm, ['run', 'build']],
  [process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]],
]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
