#!/usr/bin/env node
// Thin launcher (CommonJS: bin/package.json). The compiled CLI lives in dist/, built by
// `npm install` / `npm run build`: dist/cli/main.cjs is the start-up shell bundled with commander
// (scripts/bundle-cli.mjs), so `kepuri --help` starts fast; without it, the plain ES module.
'use strict';

function load() {
  try {
    return Promise.resolve(require('../dist/cli/main.cjs'));
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('main.cjs')) return import('../dist/cli/main.js');
    throw err;
  }
}

load()
  .then(({ main }) => main(process.argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // Only internal bugs reach here: bad data becomes findings, bad usage exits 2 with a message.
      process.stderr.write(`kepuri: 内部错误 (internal error): ${err?.message ? err.message : String(err)}\n`);
      if (process.env.KEPURI_DEBUG) process.stderr.write(String(err?.stack) + '\n');
      process.exitCode = 2;
    },
  );
