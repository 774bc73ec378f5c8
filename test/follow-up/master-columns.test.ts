/**
 * The master's follow-up columns (issue 15): merge writes 新闻报道链接, 照片视频, 活动总结提交日期,
 * 拟推优 after the provenance columns — empty unless the unit filled them in its own file — with
 * 是/否 dropdowns and a date check; `kepuri summary` and `kepuri follow-up` read that master back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/core/columns.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { FOLLOW_UP_COLUMNS } from '../../src/core/follow-up/follow-up-columns.js';
import { runFollowUpJob } from '../../src/io/run-follow-up.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import { readWorkbook } from '../../src/io/read/read-workbook.js';
import { PROVENANCE_HEADERS } from '../../src/io/write/write-master.js';
import { summaryFromMaster } from '../../src/cli/summary-command.js';
import { readFile } from 'node:fs/promises';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
let master: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kepuri-master-follow-up-'));
  // a unit that already filled two follow-up columns of its own (one under a synonym)
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, 'fixtures/inbox/二坝镇科普日活动安排表.xlsx'));
  const ws = wb.worksheets[0];
  // the fixture has a two-row header (活动时间 over 开始 | 结束): the new headers go in its top row
  let headerRow = 0;
  let dataRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && (row.values as unknown[]).includes('活动名称')) headerRow = n;
    if (!dataRow && typeof row.getCell(1).value === 'number') dataRow = n;
  });
  const next = ws.getRow(headerRow).cellCount + 1;
  ws.getRow(headerRow).getCell(next).value = '新闻链接';
  ws.getRow(headerRow).getCell(next + 1).value = '拟推优';
  ws.getRow(dataRow).getCell(next).value = 'https://news.example.cn/erba';
  ws.getRow(dataRow).getCell(next + 1).value = '是';
  const inbox = path.join(tmp, 'inbox');
  await import('node:fs').then((fs) => fs.mkdirSync(inbox));
  await wb.xlsx.writeFile(path.join(inbox, '二坝镇科普日活动安排表.xlsx'));
  await runMergeJob([inbox], defaultRules(), { out: path.join(tmp, 'out'), lang: 'zh', createdAt: new Date(Date.UTC(2023, 8, 13)) });
  master = path.join(tmp, 'out', '活动汇总表.xlsx');
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('master follow-up columns', () => {
  it('stand after the provenance columns, carry the unit’s own values and nothing else', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([...COLUMNS.map((c) => c.label), ...PROVENANCE_HEADERS, ...FOLLOW_UP_COLUMNS.map((c) => c.label)]);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(ws.getRow(3).getCell(col('新闻报道链接')).value).toBe('https://news.example.cn/erba');
    expect(ws.getRow(3).getCell(col('拟推优')).value).toBe('是');
    expect(ws.getRow(4).getCell(col('新闻报道链接')).value).toBeNull();
    expect(ws.getRow(3).getCell(col('照片视频')).value).toBeNull();
  });

  it('have 是/否 dropdowns and a date check', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    const letter = (h: string) => ws.getColumn(headers.indexOf(h) + 1).letter;
    const dv = (h: string) =>
      (ws as unknown as { dataValidations: { find(a: string): { type: string; formulae: unknown[] } | undefined } }).dataValidations.find(`${letter(h)}3`);
    expect(dv('已在科普日网站发布')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(dv('拟推优')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(dv('活动总结提交日期')?.type).toBe('date');
    expect(dv('新闻报道链接')).toBeUndefined();
  });

  it('read back by kepuri summary and kepuri follow-up', async () => {
    const bytes = await readFile(master);
    const { report } = summaryFromMaster(await readWorkbook(bytes, master), master, defaultRules(), 'zh');
    expect(report.totals.rowsMerged).toBeGreaterThan(0);
    const { plan } = await runFollowUpJob(master, defaultRules(), { out: path.join(tmp, 'fu'), asOf: '2023-09-26', lang: 'zh' });
    const first = plan.activities[0];
    expect(first).toMatchObject({ unit: '二坝镇', newsLinks: 'https://news.example.cn/erba', proposed: true });
    expect(plan.obligations.find((o) => o.kind === 'summary' && o.row === first.row)?.status).not.toBe('不适用');
    expect(plan.activities.slice(1).every((a) => !a.proposed)).toBe(true);
  });
});
