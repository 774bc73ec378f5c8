/**
 * Round trips across the workbooks (issue 4): the generated template, filled by script, validates
 * clean; filled with known defects, it gives exactly those; `kepuri summary` on the merge's master
 * table gives the same figures as the merge's own summary.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { summaryRowsFromMerge } from '../../src/core/merge/summary-rows.js';
import { validateWorkbook } from '../../src/core/validate-files.js';
import { summaryFromMaster } from '../../src/cli/summary-command.js';
import { loadRules } from '../../src/io/config/load-config.js';
import { readWorkbook } from '../../src/io/read/read-workbook.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import { categoryMatrix, dayCounts, fieldCounts, unitLines } from '../../src/io/write/write-summary.js';
import { buildTemplateWorkbook, TEMPLATE_FIRST_ROW, TEMPLATE_SHEET } from '../../src/io/write/write-template.js';

const ROOT = path.resolve(__dirname, '../..');
const rules = defaultRules();

const GOOD = [
  '',
  '青少年机器人编程体验营',
  '青少年科技教育专项行动',
  '互动体验',
  '科学教育',
  '线下',
  '2023-09-18',
  '2023-09-18',
  '上午',
  '官陡街道青少年活动室',
  '官陡街道',
  '官陡街道科协',
  '',
  '组织青少年动手编程',
  '青少年',
  '60',
  '王芳',
  '13956781234',
  '',
  '是',
  '',
];

async function filledTemplate(rows: string[][]): Promise<Buffer> {
  const wb = await buildTemplateWorkbook(rules, { unit: '官陡街道科协' });
  const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
  rows.forEach((values, i) => {
    const row = ws.getRow(TEMPLATE_FIRST_ROW + i);
    values.forEach((v, c) => {
      if (v === '') return;
      row.getCell(c + 1).value = c === 6 || c === 7 ? new Date(v + 'T00:00:00Z') : c === 15 ? Number(v) : v;
    });
    row.getCell(1).value = i + 1;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function check(rows: string[][]) {
  const bytes = await filledTemplate(rows);
  const read = await readWorkbook(bytes, 'filled.xlsx', { isolate: false });
  if (!read.ok) throw new Error('unreadable');
  return validateWorkbook({ file: 'filled.xlsx', workbook: read.workbook, findings: [] }, rules);
}

describe('template round trip', () => {
  it('a template filled with valid rows validates with zero findings and names the unit', async () => {
    const rows = [
      GOOD,
      GOOD.map((v, i) => (i === 1 ? '社区防灾减灾科普讲座' : v)),
      GOOD.map((v, i) => (i === 1 ? '科普大篷车进社区' : i === 6 || i === 7 ? '2023-09-20' : v)),
    ];
    const r = await check(rows);
    expect(r.findings).toEqual([]);
    expect(r.activities).toBe(3);
    expect(r.unit).toBe('官陡街道科协');
  });

  it('a template filled with known defects gives exactly those findings', async () => {
    const defects = [
      GOOD.map((v, i) => (i === 17 ? '' : v)), // F: phone missing (R5)
      GOOD.map((v, i) => (i === 1 ? '另一个活动' : i === 5 ? '线上' : v)), // online without URL (S6)
      GOOD.map((v, i) => (i === 1 ? '第三个活动' : i === 2 ? '科普宣传周' : v)), // category invalid (C7)
    ];
    const r = await check(defects);
    expect(r.findings.map((f) => [f.cell, f.code])).toEqual([
      ['R5', 'required-missing'],
      ['S6', 'online-url-missing'],
      ['C7', 'category-invalid'],
    ]);
  });
});

describe('kepuri summary on the master table', () => {
  it('gives the same figures as the merge did', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const r = await loadRules({ roster: 'fixtures/附件1-任务分解表.xlsx' });
      const out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-sum-'));
      const merged = await runMergeJob(['fixtures/inbox'], r, { out, received: 'fixtures/inbox-received.csv', lang: 'zh' });
      const master = path.join(out, '活动汇总表.xlsx');
      const bytes = readFileSync(master);
      const rebuilt = summaryFromMaster(await readWorkbook(bytes, master), master, r, 'zh');
      const mergeRows = summaryRowsFromMerge(merged.plan.rows);
      const strip = (lines: ReturnType<typeof unitLines>) => lines.map((l) => ({ ...l.unit, errors: undefined, warnings: undefined }));
      expect(strip(unitLines(rebuilt.report))).toEqual(strip(unitLines(merged.report)));
      expect(categoryMatrix(r, rebuilt.rows)).toEqual(categoryMatrix(r, mergeRows));
      expect(dayCounts(r, rebuilt.rows)).toEqual(dayCounts(r, mergeRows));
      expect(fieldCounts(r, rebuilt.rows)).toEqual(fieldCounts(r, mergeRows));
      // the row problems found again in the master are the same ones, by code (count-approximate is
      // an info on the text as written, 约600人; the master holds the number read, 600)
      const rowCodes = (codes: string[]) =>
        codes
          .filter(
            (c) => !['submission-superseded', 'file-unreadable', 'file-unsupported', 'column-unknown', 'received-unknown', 'count-approximate'].includes(c),
          )
          .sort();
      expect(rowCodes(rebuilt.report.findings.map((f) => f.code))).toEqual(rowCodes(merged.report.findings.map((f) => f.code)));
    } finally {
      process.chdir(cwd);
    }
  });
});
