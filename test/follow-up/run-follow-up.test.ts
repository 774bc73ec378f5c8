/**
 * The follow-up job's own checks around the tracker: where the outputs may not go, what is missing,
 * and a video over the size cap, which still counts as received by its name. The statuses and
 * outputs end to end are in follow-up.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/core/columns.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import type { Config } from '../../src/core/config/schema.js';
import { UsageError } from '../../src/core/errors.js';
import { FOLLOW_UP_COLUMNS } from '../../src/core/follow-up/follow-up-columns.js';
import { runFollowUpJob } from '../../src/io/run-follow-up.js';
import { PROVENANCE_HEADERS } from '../../src/io/write/write-master.js';

let tmp: string;
let master: string;
let materials: string;

function rules(): Config {
  const r = defaultRules();
  r.roster = [{ name: '官陡街道', kind: '镇街', quota: 1 }];
  r.rosterSource = 'test';
  return r;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kepuri-run-follow-up-'));
  master = path.join(tmp, 'merge', '活动汇总表.xlsx');
  mkdirSync(path.dirname(master), { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('活动汇总表');
  const headers = [...COLUMNS.map((c) => c.label), ...PROVENANCE_HEADERS, ...FOLLOW_UP_COLUMNS.map((c) => c.label)];
  ws.getCell(1, 1).value = '2023年鸠江区全国科普日活动汇总表';
  headers.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  const values: Record<string, string | number> = {
    序号: 1,
    活动名称: '官陡街道全国科普日主场活动',
    活动类别: '镇街主场活动',
    活动形式: '科普讲座',
    科普领域: '科学教育',
    开展方式: '线下',
    开始日期: '2023-09-17',
    结束日期: '2023-09-17',
    活动地点: '社区活动室',
    主办单位: '官陡街道',
    活动简介: '科普活动',
    预计参与人数: 100,
    联系人: '王明',
    联系电话: '13900000000',
    填报单位: '官陡街道',
  };
  for (const [label, v] of Object.entries(values)) ws.getCell(3, headers.indexOf(label) + 1).value = v;
  await wb.xlsx.writeFile(master);
  materials = path.join(tmp, '材料');
  mkdirSync(materials, { recursive: true });
  const video = path.join(materials, '官陡街道活动视频.mp4');
  writeFileSync(video, '');
  truncateSync(video, 51 * 1024 * 1024); // sparse: over the 50 MB cap
  writeFileSync(path.join(tmp, '接收时间.csv'), '文件名,接收时间\r\n官陡街道活动视频.mp4,2023-09-24 10:00\r\n');
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const job = (opts: { out: string; master?: string; materials?: string }) =>
  runFollowUpJob(opts.master ?? master, rules(), { out: opts.out, asOf: '2023-09-26', lang: 'zh', ...(opts.materials ? { materials: opts.materials } : {}) });

describe('runFollowUpJob', () => {
  it('refuses a missing master, an output folder beside it or inside the materials, a missing materials folder', async () => {
    await expect(job({ out: path.join(tmp, 'o1'), master: path.join(tmp, 'nope.xlsx') })).rejects.toThrow(/找不到活动汇总表/);
    await expect(job({ out: path.dirname(master) })).rejects.toThrow(/与活动汇总表在同一位置/);
    await expect(job({ out: path.join(materials, '跟进'), materials })).rejects.toThrow(/位于材料文件夹/);
    await expect(job({ out: materials, materials })).rejects.toThrow(UsageError);
    await expect(job({ out: materials, materials })).rejects.toThrow(/位于材料文件夹/);
    await expect(job({ out: path.join(tmp, 'o2'), materials: path.join(tmp, 'nope') })).rejects.toThrow(/找不到材料文件夹/);
  });

  it('counts a video over the size cap by its name, with its time from the manifest, and no finding', async () => {
    const { plan, report } = await runFollowUpJob(master, rules(), {
      out: path.join(tmp, 'out'),
      asOf: '2023-09-26',
      materials,
      received: path.join(tmp, '接收时间.csv'),
      lang: 'zh',
    });
    expect(plan.materials).toEqual([
      expect.objectContaining({
        path: path.join(materials, '官陡街道活动视频.mp4'),
        type: 'unknown',
        kind: '视频',
        unit: '官陡街道',
        receivedAt: expect.stringMatching(/^2023-09-24T10:00/),
        receivedFrom: 'manifest',
      }),
    ]);
    expect(plan.obligations.find((o) => o.kind === 'town' && o.part === '视频')).toMatchObject({ status: '已完成', doneAt: '2023-09-24' });
    expect(report.findings.map((f) => f.code)).not.toContain('file-too-large');
    expect(report.totals.activities).toBe(1);
  });
});
