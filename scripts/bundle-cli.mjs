#!/usr/bin/env node
/**
 * Part of `npm run build` (after tsc): bundle dist/cli/main.js with commander into one CommonJS
 * file, dist/cli/main.cjs, which bin/kepuri.js loads (issue 6: `kepuri --help` under 0.15 s).
 * Measured on the 2-core machine (30 runs each): Node's empty start ~118 ms; the ESM entry with
 * commander's six files ~150–165 ms; this bundle ~130 ms.
 *
 * Only the start-up shell is bundled: the commands (`./*-command.js`) stay separate ES modules,
 * imported when a command runs, so readers, writers and their libraries load exactly as before.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(ROOT, 'dist/cli/main.js')],
  outfile: path.join(ROOT, 'dist/cli/main.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // the commands stay ES modules beside the bundle: `import('./merge-command.js')` from main.cjs
  external: ['./*-command.js'],
  // main.js reads package.json through createRequire(import.meta.url): give it this file's URL
  define: { 'import.meta.url': '__kepuriMainUrl' },
  banner: { js: "const __kepuriMainUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
