#!/usr/bin/env node
/**
 * Prints the page count of every workbook a merge wrote, as LibreOffice prints it (issue 12:
 * the master and the upward copy of the example inbox print on 2 or 3 landscape pages).
 * Needs `soffice` (libreoffice-calc) and `pdfinfo` (poppler-utils); not part of `npm test`.
 *
 *   node scripts/check-print.mjs [OUTPUT-DIR]    (default: merges the example inbox into a temp folder)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let dir = process.argv[2];
if (!dir) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-print-'));
  const args = [
    'bin/kepuri.js',
    'merge',
    'fixtures/inbox',
    '--roster',
    'fixtures/附件1-任务分解表.xlsx',
    '--received',
    'fixtures/inbox-received.csv',
    '-o',
    dir,
  ];
  try {
    execFileSync(process.execPath, args, { stdio: 'ignore' });
  } catch (err) {
    if (err.status !== 1) throw err; // 1: the example inbox has errors on purpose
  }
}
const pdfDir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-pdf-'));
const books = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
const profile = mkdtempSync(path.join(os.tmpdir(), 'kepuri-lo-'));
execFileSync(
  'soffice',
  [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...books.map((b) => path.join(dir, b))],
  { stdio: 'ignore' },
);
for (const b of books) {
  const pdf = path.join(pdfDir, b.replace(/\.xlsx$/, '.pdf'));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /Pages:\s+(\d+)/.exec(info)?.[1];
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const orientation = size && Number(size[1]) > Number(size[2]) ? '横向' : '纵向';
  console.log(`${b}: ${pages} 页（${orientation}）  ${pdf}`);
}
