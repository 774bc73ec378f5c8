/**
 * Golden test of `kepuri merge` on the bundled inbox (fixtures/inbox), against
 * fixtures/inbox-expected.json written from how each case was planted.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/io/config/load-config.js';
import { runMergeJob, type MergeJobResult } from '../../src/io/run-merge.js';

const ROOT = path.resolve(__dirname, '../..');
const expected = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/inbox-expected.json'), 'utf8'));
const CREATED = new Date('2023-09-13T00:00:00Z');

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, hashTree(p));
    else out[p] = createHash('sha256').update(readFileSync(p)).digest('hex') + statSync(p).mtimeMs;
  }
  return out;
}

async function merge(out: string): Promise<MergeJobResult> {
  const rules = await loadRules({ cwd: ROOT, roster: 'fixtures/附件1-任务分解表.xlsx' });
  return runMergeJob(['fixtures/inbox'], rules, { out, received: 'fixtures/inbox-received.csv', lang: 'zh', createdAt: CREATED });
}

describe('merge of the example inbox', () => {
  let result: MergeJobResult;
  let out: string;
  let before: Record<string, string>;
  const cwd = process.cwd();

  beforeAll(async () => {
    process.chdir(ROOT);
    before = hashTree(path.join(ROOT, 'fixtures'));
    out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-merge-'));
    result = await merge(out);
    process.chdir(cwd);
  });

  it('reports every file with its unit, status, receive time and rows', () => {
    const got = result.report.files.map((f) => [f.path, f.unit, f.status, f.receivedAt, f.receivedFrom, f.rows]);
    const want = expected.files.map((f: Record<string, unknown>) => [f.path, f.unit, f.status, f.receivedAt, f.receivedFrom, f.rows]);
    expect([...got].sort()).toEqual([...want].sort());
  });

  it('balances read = merged + superseded + skipped with the planted figures', () => {
    const t = result.report.totals;
    expect({ files: t.files, rowsRead: t.rowsRead, rowsMerged: t.rowsMerged, rowsSuperseded: t.rowsSuperseded, rowsSkipped: t.rowsSkipped }).toEqual(
      expected.totals,
    );
    expect(t.rowsRead).toBe(t.rowsMerged + t.rowsSuperseded + t.rowsSkipped);
  });

  it('finds exactly the planted problems', () => {
    const got = result.report.findings.map((f) => JSON.stringify([f.file, f.cell, f.code, f.unit])).sort();
    const want = expected.findings.map((f: unknown[]) => JSON.stringify([f[0] ?? 'fixtures/附件1-任务分解表.xlsx', f[1], f[2], f[3]])).sort();
    expect(got).toEqual(want);
  });

  it('knows who is late and who is missing', () => {
    expect(
      result.report.units
        .filter((u) => u.late)
        .map((u) => u.name)
        .sort(),
    ).toEqual([...expected.lateUnits].sort());
    expect(result.report.units.filter((u) => !u.submitted).map((u) => u.name)).toEqual(expected.missingUnits);
  });

  it('leaves the inputs untouched', () => {
    expect(hashTree(path.join(ROOT, 'fixtures'))).toEqual(before);
  });

  it('writes a master table that reads back with real dates, provenance and marks', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '活动汇总表.xlsx'));
    const ws = wb.getWorksheet('活动汇总表')!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['序号', '活动名称', '活动类别']);
    expect(header.slice(21, 26)).toEqual(['填报单位', '来源文件', '来源位置', '报送时间', '标记']);
    expect(header).toContain('经费预算(元)');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(2 + result.report.totals.rowsMerged);
    // 序号 renumbered 1…N, first rows are the 区科协's (roster order), dates are date cells
    const first = ws.getRow(3);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(22).value).toBe('鸠江区科协');
    expect(first.getCell(7).value).toBeInstanceOf(Date);
    const seqs = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3).getCell(1).value);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    // the 2022 date row of 四褐山街道 keeps its value, is tinted and marked
    let found = false;
    ws.eachRow((row, n) => {
      if (n < 3 || row.getCell(22).value !== '四褐山街道') return;
      const mark = String(row.getCell(26).value ?? '');
      if (mark.includes('年份错')) {
        found = true;
        expect((row.getCell(7).value as Date).getUTCFullYear()).toBe(2022);
        expect((row.getCell(2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE2E1');
        expect(String(row.getCell(24).value)).toMatch(/!B7$/);
      }
    });
    expect(found).toBe(true);
    // late units' rows are marked 逾期
    ws.eachRow((row, n) => {
      if (n >= 3 && expected.lateUnits.includes(row.getCell(22).value)) expect(String(row.getCell(26).value)).toContain('逾期');
    });
  });

  it('is readable by a second reader (SheetJS)', () => {
    const wb = XLSX.read(readFileSync(path.join(out, '活动汇总表.xlsx')));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.活动汇总表, { header: 1 });
    expect(rows.length).toBe(2 + result.report.totals.rowsMerged);
  });

  it('writes report.json equal to the returned report', () => {
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(result.report)));
  });

  it('gives the same master table twice', async () => {
    process.chdir(ROOT);
    const out2 = mkdtempSync(path.join(os.tmpdir(), 'kepuri-merge-'));
    const again = await merge(out2);
    process.chdir(cwd);
    expect(JSON.stringify(again.report)).toEqual(JSON.stringify(result.report));
    const cells = async (dir: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, '活动汇总表.xlsx'));
      const values: unknown[] = [];
      wb.getWorksheet('活动汇总表')!.eachRow((r) => values.push(JSON.stringify(r.values)));
      return values;
    };
    expect(await cells(out2)).toEqual(await cells(out));
  });
});
