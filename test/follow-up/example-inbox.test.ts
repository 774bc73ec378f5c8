/**
 * The README's second round on the bundled example: the example inbox merged, then followed up on
 * 9月26日 with the example materials (scripts/make-follow-up-fixtures.mjs). Expectations come from
 * what the two scripts plant: 9 activities of the inbox are marked 已在科普日网站发布 = 是, none
 * has a news link or 拟推优; 官陡街道 sent all five parts of its town summary by 9月25日, 沈巷镇
 * its summary on 9月27日, the other towns nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/io/config/load-config.js';
import { runFollowUpJob } from '../../src/io/run-follow-up.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import type { Config } from '../../src/core/config/schema.js';

let tmp: string;
let rules: Config;
const follow = (asOf: string) =>
  runFollowUpJob(path.join(tmp, 'out', '活动汇总表.xlsx'), rules, {
    out: path.join(tmp, `fu-${asOf}`),
    asOf,
    materials: 'fixtures/follow-up/材料',
    received: 'fixtures/follow-up/材料接收时间.csv',
    lang: 'zh',
  });

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kepuri-example-follow-up-'));
  rules = await loadRules({ roster: 'fixtures/附件1-任务分解表.xlsx' });
  await runMergeJob(['fixtures/inbox'], rules, { out: path.join(tmp, 'out'), received: 'fixtures/inbox-received.csv', lang: 'zh' });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the example inbox, followed up', () => {
  it('on 9月26日: website and supplementary info overdue, 官陡街道 the only town complete', async () => {
    const { plan, report } = await follow('2023-09-26');
    expect(plan.activities.length).toBe(46);
    expect(plan.totals.website).toMatchObject({ 已完成: 9, 逾期: 37 });
    expect(plan.totals.supplement).toMatchObject({ 已完成: 0, 逾期: 46 });
    expect(plan.totals.summary).toMatchObject({ 不适用: 46 });
    const town = (unit: string) => plan.obligations.filter((o) => o.kind === 'town' && o.unit === unit).map((o) => `${o.part}:${o.status}`);
    expect(town('官陡街道')).toEqual(['总结:已完成', 'PPT:已完成', '图片:已完成', '视频:已完成', '汇总表:已完成']);
    expect(town('沈巷镇')).toEqual(['总结:逾期', 'PPT:逾期', '图片:逾期', '视频:逾期', '汇总表:逾期']);
    expect(report.findings.filter((f) => f.code === 'town-summary-missing').map((f) => f.unit)).toEqual([
      '四褐山街道',
      '裕溪口街道',
      '湾里街道',
      '清水街道',
      '沈巷镇',
      '二坝镇',
      '汤沟镇',
      '白茆镇',
    ]);
    expect(report.findings.filter((f) => f.code === 'material-unit-unknown').map((f) => f.file)).toEqual(['fixtures/follow-up/材料/随手拍.jpg']);
    expect(report.totals.errors).toBeGreaterThan(0);
  });

  it('on 9月28日: 沈巷镇’s summary has arrived, late', async () => {
    const { plan, report } = await follow('2023-09-28');
    const summary = plan.obligations.find((o) => o.kind === 'town' && o.unit === '沈巷镇' && o.part === '总结');
    expect(summary).toMatchObject({ status: '已完成', late: true, doneAt: '2023-09-27' });
    expect(report.findings.filter((f) => f.code === 'material-late').map((f) => f.unit)).toEqual(['沈巷镇']);
  });
});
