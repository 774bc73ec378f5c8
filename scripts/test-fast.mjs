#!/usr/bin/env node
// npm run test:fast: the unit, golden and in-process tests, without the shared corpus and without
// the tests that spawn the CLI, with the files of a worker sharing their modules (vitest.config.ts
// reads KEPURI_FAST; README's test table says which tests run where). Builds first when dist/ is
// older than the sources (some in-process tests use the compiled read child,
// dist/io/read/isolation/read-child.js); an up-to-date build is not made again, which is most of
// the edit-and-test loop's time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Newest modification time (ms) of the files under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

// the build's last product: dist/ is complete only when the page exists
const stamp = 'dist/web/科普日活动安排表校验.html';
const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const inputs = ['src', 'templates', 'scripts/bundle-cli.mjs', 'scripts/bundle-page.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const sourcesAt = Math.max(
  ...inputs.map((p) => (fs.existsSync(p) && fs.statSync(p).isDirectory() ? newestMtime(p) : fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)),
);

const env = { ...process.env, KEPURI_FAST: '1' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [[process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]]];
if (sourcesAt >= builtAt) steps.unshift([npm, ['run', 'build']]);
else console.log('test:fast: dist/ is newer than the sources, not rebuilt');
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
