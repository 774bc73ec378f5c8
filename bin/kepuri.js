#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` / `npm run build`).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Only internal bugs reach here: bad data becomes findings, bad usage exits 2 with a message.
    process.stderr.write(`kepuri: 内部错误 (internal error): ${err && err.message ? err.message : String(err)}\n`);
    if (process.env.KEPURI_DEBUG) process.stderr.write(String(err && err.stack) + '\n');
    process.exitCode = 2;
  },
);
