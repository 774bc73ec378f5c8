#!/usr/bin/env node
/**
 * The "exceljs alone" baseline of `npm run bench` (issue 6): read a workbook fully into memory
 * with exceljs and write it back out — the least a merge built on exceljs's in-memory model would
 * pay for one file. Run it as its own process with the rusage preload so wall, CPU and peak RSS
 * compare like for like with `kepuri merge` on the same file:
 *
 *   KEPURI_BENCH_RUSAGE=/tmp/r.json node --require ./scripts/bench-rusage.cjs \
 *     scripts/bench-exceljs-baseline.mjs <in.xlsx> <out.xlsx>
 *
 * Prints one JSON line to stdout: { rows, cells, readMs, writeMs, bytesOut }.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node scripts/bench-exceljs-baseline.mjs <in.xlsx> <out.xlsx>\n');
  process.exit(2);
}

const t0 = performance.now();
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(input);
const t1 = performance.now();
let rows = 0;
let cells = 0;
for (const ws of wb.worksheets) {
  rows += ws.actualRowCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    cells += row.cellCount;
  });
}
const buf = await wb.xlsx.writeBuffer();
fs.writeFileSync(output, buf);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ rows, cells, readMs: Math.round(t1 - t0), writeMs: Math.round(t2 - t1), bytesOut: buf.length }) + '\n');
