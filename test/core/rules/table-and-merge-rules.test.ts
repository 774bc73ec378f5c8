/**
 * The table, activities, submission and unit rules, each on its own: a header row, literal rows
 * of several files, or the literal facts the merge hands a rule; exactly the findings.
 */
import { describe, expect, it } from 'vitest';
import type { RosterUnit } from '../../../src/core/config/schema.js';
import { FINDING_CODES, type Finding } from '../../../src/core/finding.js';
import { ACTIVITIES_RULES, ALL_RULES, SUBMISSION_RULES, TABLE_RULES, UNIT_RULES } from '../../../src/core/rules/index.js';
import { emitInto, type SubmissionCheck, type UnitCheck } from '../../../src/core/rules/rule.js';
import { RULES_2023, flat, runActivitiesRule, runTableRule } from '../../helpers/rules.js';
import { HEADER, validRow } from '../../helpers/sheet.js';

const byName = <T extends { name: string }>(list: readonly T[], name: string) => list.find((r) => r.name === name)!;
const tested = new Set<string>();
const testing = (name: string) => {
  tested.add(name);
  return name;
};

describe('table rules', () => {
  const header = [
    '活动主题',
    '活动名称',
    '活动类别',
    '活动形式',
    '科普领域',
    '开展方式',
    '开始日期',
    '活动地点',
    '主办单位',
    '活动简介',
    '预计参与人数',
    '联系人',
    '经费预算(元)',
  ];

  it(testing('column-unknown'), () => {
    expect(flat(runTableRule(byName(TABLE_RULES, 'column-unknown'), header))).toEqual([['M2', 'column-unknown']]);
    expect(flat(runTableRule(byName(TABLE_RULES, 'column-unknown'), HEADER))).toEqual([]);
  });

  it(testing('column-duplicate'), () => {
    const found = runTableRule(byName(TABLE_RULES, 'column-duplicate'), header);
    // the column headed with the template's own label (活动名称) is read; 活动主题 is reported
    expect(flat(found)).toEqual([['A2', 'column-duplicate']]);
    expect(found[0]!.params).toEqual({ field: '活动名称', other: '活动名称' });
  });

  it(testing('column-bound'), () => {
    const found = runTableRule(byName(TABLE_RULES, 'column-bound'), ['活动名称', '暑期开放时间', '具体地点', '联系电话']);
    expect(found.map((f) => [f.cell, f.params])).toEqual([
      ['B2', { field: '开始日期' }],
      ['C2', { field: '活动地点' }],
    ]);
    expect(runTableRule(byName(TABLE_RULES, 'column-bound'), HEADER)).toEqual([]);
  });

  it(testing('column-missing'), () => {
    const found = runTableRule(byName(TABLE_RULES, 'column-missing'), header);
    expect(found.map((f) => f.column)).toEqual(['联系电话']);
    // a 联系人及电话 column holds the contact too
    const both = ['活动名称', '活动类别', '活动形式', '科普领域', '开展方式', '开始日期', '活动地点', '主办单位', '活动简介', '预计参与人数', '联系人及电话'];
    expect(runTableRule(byName(TABLE_RULES, 'column-missing'), both)).toEqual([]);
    expect(runTableRule(byName(TABLE_RULES, 'column-missing'), HEADER)).toEqual([]);
  });
});

describe('activities rules', () => {
  const rule = byName(ACTIVITIES_RULES, testing('duplicate-activity'));
  it('same folded name and start date: both rows, within a file and across files', () => {
    const a = validRow(1, { 活动名称: '科普 讲座' });
    const b = validRow(2, { 活动名称: '科普讲座' });
    expect(flat(runActivitiesRule(rule, { 'a.xlsx': [a, b, validRow(3)] }))).toEqual([
      ['B2', 'duplicate-activity'],
      ['B3', 'duplicate-activity'],
    ]);
    const across = runActivitiesRule(
      rule,
      { 'a.xlsx': [a], 'b.xlsx': [validRow(1, { 活动名称: '科普讲座', 开始日期: '2023-09-18' })] },
      { 'a.xlsx': '官陡街道', 'b.xlsx': '湾里街道' },
    );
    expect(across.map((f) => [f.file, f.unit, f.params])).toEqual([
      ['a.xlsx', '官陡街道', { otherFile: 'b.xlsx', otherRow: 2, otherCell: 'B2', otherUnit: '湾里街道', sameFile: 0, count: 2 }],
      ['b.xlsx', '湾里街道', { otherFile: 'a.xlsx', otherRow: 2, otherCell: 'B2', otherUnit: '官陡街道', sameFile: 0, count: 2 }],
    ]);
  });
  it('a different start date is another activity', () => {
    expect(runActivitiesRule(rule, { 'a.xlsx': [validRow(1, { 活动名称: '讲座' }), validRow(2, { 活动名称: '讲座', 开始日期: '2023-09-19' })] })).toEqual([]);
  });
});

describe('submission rules', () => {
  const base: Omit<SubmissionCheck, 'emit'> = {
    file: 'inbox/a.xlsx',
    analyzed: true,
    unit: '官陡街道',
    rosterUnit: { name: '官陡街道', kind: '镇街' },
    receivedAt: '2023-09-12T10:00:00+08:00',
    receivedUnknownReported: false,
    status: 'merged',
    rules: RULES_2023,
  };
  const run = (name: string, over: Partial<SubmissionCheck> = {}) => {
    const out: Finding[] = [];
    byName(SUBMISSION_RULES, testing(name)).check({ ...base, ...over, emit: emitInto(out) });
    return out;
  };

  it('unit-unidentified', () => {
    expect(run('unit-unidentified')).toEqual([]);
    expect(run('unit-unidentified', { unit: undefined, rosterUnit: undefined }).map((f) => f.code)).toEqual(['unit-unidentified']);
    // nothing was read: the read finding says it all
    expect(run('unit-unidentified', { unit: undefined, analyzed: false })).toEqual([]);
  });

  it('unit-unknown', () => {
    expect(run('unit-unknown')).toEqual([]);
    const found = run('unit-unknown', { unit: '官陡街到', rosterUnit: undefined, unitCell: 'B3', nearestUnit: '官陡街道' });
    expect(found.map((f) => [f.cell, f.row, f.value, f.params])).toEqual([['B3', 3, '官陡街到', { nearest: '官陡街道' }]]);
  });

  it('received-unknown', () => {
    expect(run('received-unknown')).toEqual([]);
    expect(run('received-unknown', { receivedAt: undefined }).map((f) => [f.code, f.unit])).toEqual([['received-unknown', '官陡街道']]);
    expect(run('received-unknown', { receivedAt: undefined, receivedUnknownReported: true })).toEqual([]);
  });

  it('submission-late', () => {
    expect(run('submission-late', { receivedAt: '2023-09-12T23:59:59+08:00' })).toEqual([]);
    const late = run('submission-late', { receivedAt: '2023-09-13T00:00:00+08:00' });
    expect(late.map((f) => f.params)).toEqual([{ receivedAt: '2023-09-13 00:00', deadline: '2023-09-12' }]);
    // a replaced file is not reported late
    expect(run('submission-late', { receivedAt: '2023-09-13T00:00:00+08:00', status: 'superseded' })).toEqual([]);
  });

  it('submission-superseded', () => {
    expect(run('submission-superseded')).toEqual([]);
    expect(run('submission-superseded', { status: 'superseded', supersededBy: 'inbox/b.xlsx' }).map((f) => f.params)).toEqual([{ by: 'inbox/b.xlsx' }]);
  });
});

describe('unit rules', () => {
  const town: RosterUnit = { name: '湾里街道', kind: '镇街', quota: 2 };
  const activity = (category: string) => ({ file: 'a.xlsx', sheet: 'S', row: 5, values: { category }, raw: {}, cells: {}, extras: [] });
  const run = (name: string, over: Partial<UnitCheck>) => {
    const out: Finding[] = [];
    byName(UNIT_RULES, testing(name)).check({ unit: town, files: [], activities: [], rules: RULES_2023, ...over, emit: emitInto(out) });
    return out.map((f) => [f.code, f.file, f.unit, f.params ?? null]);
  };

  it('submission-missing', () => {
    expect(run('submission-missing', {})).toEqual([['submission-missing', 'embedded', '湾里街道', null]]);
    expect(run('submission-missing', { files: ['a.xlsx'] })).toEqual([]);
  });

  it('quota-short', () => {
    expect(run('quota-short', { files: ['a.xlsx', 'b.xlsx'], activities: [activity('镇街主场活动')] })).toEqual([
      ['quota-short', 'b.xlsx', '湾里街道', { activities: 1, quota: 2 }],
    ]);
    expect(run('quota-short', { files: ['a.xlsx'], activities: [activity('x'), activity('y')] })).toEqual([]);
    // a unit that sent nothing is missing, not short
    expect(run('quota-short', {})).toEqual([]);
  });

  it('town-main-event-missing', () => {
    expect(run('town-main-event-missing', { files: ['a.xlsx'], activities: [activity('专家讲科普专项行动')] })).toEqual([
      ['town-main-event-missing', 'a.xlsx', '湾里街道', null],
    ]);
    expect(run('town-main-event-missing', { files: ['a.xlsx'], activities: [activity('镇街主场活动')] })).toEqual([]);
    expect(run('town-main-event-missing', { unit: { name: '区教体局', kind: '区直部门' }, files: ['a.xlsx'], activities: [] })).toEqual([]);
  });
});

describe('the registry', () => {
  it('has a test above for every table and merge rule', () => {
    const names = [...TABLE_RULES, ...ACTIVITIES_RULES, ...SUBMISSION_RULES, ...UNIT_RULES].map((r) => r.name).sort();
    expect([...tested].sort()).toEqual(names);
  });

  it('declares every finding code in exactly one rule, except the read and locate outcomes and the follow-up tracker', () => {
    const stage = ['file-unreadable', 'file-encrypted', 'file-too-large', 'file-unsupported', 'sheet-not-found', 'header-not-found'];
    // the follow-up tracker's codes (src/core/follow-up/track-follow-up.ts): obligations of a master, not checks of a table
    // said by the output stage: a unit's feedback could not be written
    stage.push('feedback-not-written');
    stage.push(
      'website-not-registered',
      'website-quota-short',
      'supplement-missing',
      'summary-overdue',
      'town-summary-missing',
      'follow-up-due-soon',
      'material-late',
      'material-unit-unknown',
    );
    const declared = ALL_RULES.flatMap((r) => r.codes as readonly string[]);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared, ...stage].sort()).toEqual([...FINDING_CODES].sort());
  });

  it('names each rule after its file and its code', () => {
    for (const r of ALL_RULES) expect(r.codes).toContain(r.name);
  });
});
