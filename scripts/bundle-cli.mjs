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
  // and so does the errors module, so `instanceof UsageError` sees the class the commands throw
  external: ['./*-command.js', '../core/errors.js'],
  // main.js reads package.json through createRequire(import.meta.url): give it this file's URL
  define: { 'import.meta.url': '__kepuriMainUrl' },
  banner: { js: "const __kepuriMainUrl = require('node:url').pathToFileURL(__filename).href;" },
  // commander requires child_process at load time, for executable subcommands kepuri never
  // uses; loading it pulls in net, dgram and the child-process machinery (~40 internal modules,
  // several ms of every start). In the bundle it is loaded on first use instead.
  plugins: [
    {
      name: 'lazy-child-process',
      setup(b) {
        b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'lazy-builtin' }));
        b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
          contents: "let m; module.exports = new Proxy({}, { get(_t, k) { return (m ??= require('node:child_process'))[k]; } });",
          loader: 'js',
        }));
      },
    },
  ],
  logLevel: 'warning',
});
