/**
 * The tracker's stages on small inputs, without files: what a summary submission is, what 补充信息
 * still lacks, which materials count on the as-of day, and which units the roll-up lists, in what
 * order. The statuses end to end are in follow-up.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import type { Config } from '../../src/core/config/schema.js';
import type { Material, ReceivedMaterial } from '../../src/core/follow-up/materials.js';
import { type FollowUpActivity, findSummarySubmission, listMissingSupplements, trackFollowUp } from '../../src/core/follow-up/track-follow-up.js';

const activity = (over: Partial<FollowUpActivity> = {}): FollowUpActivity => ({
  row: 3,
  cell: 'B3',
  unit: '官陡街道',
  name: '官陡街道全国科普日主场活动',
  mode: '线下',
  startDate: '2023-09-17',
  proposed: true,
  ...over,
});

const summaryFile: Material = {
  path: 'materials/gd.eml#官陡街道全国科普日主场活动总结.docx',
  name: '官陡街道全国科普日主场活动总结.docx',
  type: 'word',
  kind: '总结',
  unit: '官陡街道',
  receivedAt: '2023-09-21T23:30:00+08:00',
};

describe('findSummarySubmission', () => {
  it('takes the date the clerk entered, once the as-of day has reached it', () => {
    expect(findSummarySubmission(activity({ summaryDate: '2023-09-20' }), [], '2023-09-20')).toEqual({ byDate: true, file: undefined, doneAt: '2023-09-20' });
    expect(findSummarySubmission(activity({ summaryDate: '2023-09-20' }), [], '2023-09-19').byDate).toBe(false);
  });

  it('counts a text that is no date as handed in, dated by that text', () => {
    expect(findSummarySubmission(activity({ summaryDate: '已交' }), [], '2023-09-01')).toEqual({ byDate: true, file: undefined, doneAt: '已交' });
  });

  it('else a 总结 file naming the activity, dated by its Shanghai receive day', () => {
    expect(findSummarySubmission(activity(), [summaryFile], '2023-10-10')).toEqual({ byDate: false, file: summaryFile, doneAt: '2023-09-21' });
    const other = { ...summaryFile, path: 'materials/gd.eml#防灾减灾讲座总结.docx', name: '防灾减灾讲座总结.docx' };
    expect(findSummarySubmission(activity(), [other], '2023-10-10')).toEqual({ byDate: false, file: undefined, doneAt: undefined });
  });
});

describe('listMissingSupplements', () => {
  it('lists the news link, the photos or videos and, online only, the 活动网址', () => {
    expect(listMissingSupplements(activity({ mode: '线上' }), false)).toEqual(['新闻报道链接', '照片视频', '活动网址']);
    expect(listMissingSupplements(activity({ mode: '线上+线下', url: 'https://a.example.cn' }), true)).toEqual(['新闻报道链接']);
    expect(listMissingSupplements(activity({ newsLinks: 'https://n.example.cn', media: '已上传' }), false)).toEqual([]);
  });
});

function rules(): Config {
  const r = defaultRules();
  r.roster = [
    { name: '官陡街道', kind: '镇街', quota: 1 },
    { name: '区教体局', kind: '区直部门' },
    { name: '区科技局', kind: '区直部门', quota: 0 },
  ];
  r.rosterSource = 'test';
  return r;
}

const photo = (receivedAt: string): ReceivedMaterial => ({ path: 'materials/官陡街道现场照片.jpg', name: '官陡街道现场照片.jpg', type: 'image', receivedAt });

describe('trackFollowUp', () => {
  it('counts a photo for a unit’s only activity, once it has arrived', () => {
    const track = (asOf: string) =>
      trackFollowUp({
        activities: [activity({ newsLinks: 'https://n.example.cn' })],
        materials: [photo('2023-09-22T10:00:00+08:00')],
        rules: rules(),
        asOf,
        master: 'm.xlsx',
      });
    const before = track('2023-09-21').obligations.find((o) => o.kind === 'supplement');
    expect(before).toMatchObject({ status: '未到期', missing: '照片视频' });
    expect(before?.note).toBeUndefined();
    expect(track('2023-09-22').obligations.find((o) => o.kind === 'supplement')).toMatchObject({
      status: '已完成',
      missing: '',
      note: '照片视频：官陡街道现场照片.jpg',
    });
  });

  it('lists units in roster order, then those only in the master; a roster unit with nothing to do is left out', () => {
    const plan = trackFollowUp({
      activities: [activity({ unit: '外单位', row: 4, cell: 'B4', name: '外单位活动' }), activity()],
      materials: [],
      rules: rules(),
      asOf: '2023-09-10',
      master: 'm.xlsx',
    });
    expect(plan.units.map((u) => [u.name, u.quotaStatus, u.activities])).toEqual([
      ['官陡街道', '未到期', 1],
      ['区科技局', '不适用', 0],
      ['外单位', '不适用', 1],
    ]);
  });

  it('a late summary file is done, late, with its finding on the file', () => {
    const plan = trackFollowUp({
      activities: [activity({ endDate: '2023-09-10' })],
      materials: [{ ...summaryFile }],
      rules: rules(),
      asOf: '2023-10-10',
      master: 'm.xlsx',
    });
    expect(plan.obligations.find((o) => o.kind === 'summary')).toMatchObject({
      due: '2023-09-20',
      status: '已完成',
      doneAt: '2023-09-21',
      late: true,
      note: '逾期提交',
    });
    expect(plan.findings.filter((f) => f.code === 'material-late').map((f) => f.file)).toEqual([summaryFile.path]);
  });
});
