/**
 * The sheets of 跟进清单.xlsx as rows, before they are written: 单位跟进 with what each unit still
 * owes in words, and 活动跟进 with each activity's obligations side by side. The written book is
 * read back in follow-up.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { type FollowUpActivity, type Obligation, trackFollowUp } from '../../src/core/follow-up/track-follow-up.js';
import { buildActivityTable, buildUnitTable, describeOutstanding } from '../../src/io/write/write-follow-up.js';

function plan() {
  const rules = defaultRules();
  rules.roster = [{ name: '官陡街道', kind: '镇街', quota: 2, contact: '张敏', phone: '13956021876' }];
  rules.rosterSource = 'test';
  rules.deadlines = { ...rules.deadlines, townSummaryParts: ['总结'] };
  const activities: FollowUpActivity[] = [
    {
      row: 3,
      cell: 'B3',
      unit: '官陡街道',
      name: '主场活动',
      mode: '线下',
      startDate: '2023-09-17',
      published: '是',
      newsLinks: 'https://n',
      media: '有',
      proposed: true,
    },
    { row: 4, unit: '官陡街道', name: '防灾讲座', mode: '线上', startDate: '2023-09-18', endDate: '2023-09-19', proposed: false },
  ];
  return trackFollowUp({ activities, materials: [], rules, asOf: '2023-09-26', master: 'm.xlsx' });
}

describe('describeOutstanding', () => {
  const o = (over: Partial<Obligation>): Obligation => ({
    kind: 'website',
    label: '网站发布',
    unit: 'u',
    due: '2023-09-25',
    status: '逾期',
    missing: '',
    ...over,
  });
  it('names the activity, the due month-day and the status; a town part by its label; no due day: the status alone', () => {
    expect(describeOutstanding(o({ activity: '主场活动' }))).toBe('网站发布《主场活动》（09-25，逾期）');
    expect(describeOutstanding(o({ kind: 'town', label: '镇街工作总结（PPT）', status: '即将到期' }))).toBe('镇街工作总结（PPT）（09-25，即将到期）');
    expect(describeOutstanding(o({ kind: 'summary', label: '活动总结', activity: 'A', due: '', status: '未到期' }))).toBe('活动总结《A》（未到期）');
  });
});

describe('the 跟进清单 tables', () => {
  it('单位跟进: contact, quota against registered, counts by status, what is still owed', () => {
    const t = buildUnitTable(plan());
    expect(t.headers.slice(8, 13)).toEqual(['逾期', '即将到期', '未到期', '已完成', '不适用']);
    expect(t.rows).toEqual([
      [
        '官陡街道',
        '镇街',
        '张敏',
        '13956021876',
        2,
        2,
        1,
        '逾期',
        3,
        1,
        0,
        2,
        1,
        '网站发布《防灾讲座》（09-25，逾期）；补充信息《防灾讲座》（09-25，逾期）；镇街工作总结（总结）（09-25，逾期）；活动总结《主场活动》（09-27，即将到期）',
      ],
    ]);
  });

  it('活动跟进: one row per activity, its three statuses tinted', () => {
    const t = buildActivityTable(plan());
    expect(t.statusColumns.map((c) => t.headers[c])).toEqual(['网站发布', '补充信息', '活动总结']);
    expect(t.rows).toEqual([
      [1, '官陡街道', '主场活动', '线下', '2023-09-17', null, '是', '已完成', '已完成', null, '即将到期', '2023-09-27', null, null],
      [
        2,
        '官陡街道',
        '防灾讲座',
        '线上',
        '2023-09-18',
        '2023-09-19',
        '否',
        '逾期',
        '逾期',
        '新闻报道链接、照片视频、活动网址',
        '不适用',
        '2023-09-29',
        null,
        null,
      ],
    ]);
  });
});
