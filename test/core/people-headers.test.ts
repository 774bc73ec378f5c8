/** Issue 13 item 1: headers in people's words, and a table of only 活动名称 | 时间 | 地点. */
import { describe, expect, it } from 'vitest';
import { tableFindings } from '../helpers/rules.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { analyzeWorkbook, checkRows } from '../../src/core/analyze-workbook.js';
import { lookupHeader, lookupHeaderLoose } from '../../src/core/locate/header-dictionary.js';
import { locateTable } from '../../src/core/locate/locate-table.js';
import { renderMessage } from '../../src/core/messages.js';
import { sheetOf, workbookOf } from '../helpers/sheet.js';

const rules = defaultRules();

describe('lookupHeaderLoose — a known name inside a header', () => {
  it.each<[string, string, string]>([
    // header, field, the known name found
    ['暑期开放时间', 'startDate', '时间'],
    ['活动开展时间', 'startDate', '开展时间'],
    ['计划举办时间', 'startDate', '举办时间'],
    ['咨询联系方式', 'phone', '联系方式'],
    ['报名咨询电话', 'phone', '电话'],
    ['具体地点', 'location', '地点'],
    ['活动具体地址', 'location', '地址'],
    ['负责人/联系电话', 'phone', '联系电话'],
    ['联系人/电话', 'phone', '电话'],
    ['主办单位名称', 'host', '主办单位'],
    ['所在区县', 'town', '区县'],
    ['活动名称（主题）', 'name', ''],
    ['科普活动名称', 'name', '活动名称'],
    ['受众人数（人次）', 'expectedCount', ''],
    ['参加对象', 'audience', '对象'],
    ['活动规模（人）', 'expectedCount', '规模'],
    ['开展日期', 'startDate', '日期'],
    ['活动起止时间', 'startDate', '时间'],
    ['组织形式', 'form', '形式'],
  ])('%s → %s', (header, key, name) => {
    const t = lookupHeaderLoose(header);
    expect(t).toMatchObject({ kind: 'field', key });
    expect(t?.kind === 'field' ? (t.contained ?? '') : undefined).toBe(name);
  });

  it.each(['参与人数（人次）', '区县(市)', '联系人及电话'])('%s is a known header outright (no containment needed)', (header) => {
    expect(lookupHeader(header)).toBeDefined();
  });

  it.each([
    '活动时间地点', // two fields: ambiguous
    '填报日期', // the unit line's label
    '填表说明',
    '联系人：张三', // a label with its value
    '2023年鸠江区全国科普日活动安排表', // a title
    '9月18日活动时间', // digits
    '社区居民', // nothing known inside
    '报名方式',
    '今年暑期所有场馆对外开放的时间', // too many words around the name
    '场馆名称', // 名称 alone is too general
    '参与单位',
    '活动说明',
    '报名时间', // not the activity's date
    '报名截止日期',
    '单位类别', // the unit's own kind, not the activity's category
    '单位地址',
  ])('%s binds nothing', (text) => {
    expect(lookupHeaderLoose(text)).toBeUndefined();
  });

  it('the exact lookup is unchanged: data cells are never read loosely there', () => {
    expect(lookupHeader('暑期开放时间')).toBeUndefined();
    expect(lookupHeaderLoose('暑期开放时间')).toBe(lookupHeaderLoose('暑期开放时间'));
  });
});

describe("locateTable — headers in people's words", () => {
  const header = [
    '序号',
    '活动名称',
    '活动类型',
    '活动形式',
    '科普领域',
    '开展方式',
    '暑期开放时间',
    '具体地点',
    '区县(市)',
    '主办单位',
    '活动简介',
    '参与人数（人次）',
    '联系人及电话',
  ];

  it('binds every column, reports each loose binding as column-bound (info) at its header cell, and no column-missing for 联系人', () => {
    const r = locateTable(workbookOf(sheetOf([['科普活动一览表'], header])), 'p.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.headerRow).toBe(1);
    expect(r.layout.fields.get('startDate')!.cell).toBe('G2');
    expect(r.layout.fields.get('location')!.cell).toBe('H2');
    expect(r.layout.fields.get('town')!.cell).toBe('I2');
    expect(r.layout.fields.get('expectedCount')!.cell).toBe('L2');
    expect(r.layout.fields.get('phone')!.cell).toBe('M2');
    expect(tableFindings(r).map((f) => [f.code, f.severity, f.cell, (f.params as { field?: string } | undefined)?.field])).toEqual([
      ['column-bound', 'info', 'G2', '开始日期'],
      ['column-bound', 'info', 'H2', '活动地点'],
    ]);
    expect(renderMessage(tableFindings(r)[0])).toBe('“暑期开放时间”按“开始日期”列读取，如不对请改用附件2模板的表头');
  });

  it('a header bound by a name inside it gives way to the template label for the same field', () => {
    const r = locateTable(workbookOf(sheetOf([['活动名称', '活动开展时间', '开始日期', '活动地点', '联系电话']])), 'p.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.fields.get('startDate')!.cell).toBe('C1');
    expect(
      tableFindings(r)
        .filter((f) => f.code !== 'column-missing')
        .map((f) => [f.code, f.cell]),
    ).toEqual([['column-duplicate', 'B1']]);
  });

  it('the unit line with 填报日期 is still not taken for the header', () => {
    const sheet = sheetOf([
      ['填报单位(盖章)：', '官陡街道科协', '联系人：', '张敏', '联系电话：', '13956021876', '填报日期：', '2023年9月10日'],
      ['序号', '活动名称', '活动类别', '活动形式', '科普领域', '开展方式', '开始日期', '活动地点'],
    ]);
    const r = locateTable(workbookOf(sheet), 'p.xlsx');
    expect(r.ok && r.layout.headerRow).toBe(1);
  });
});

describe('a table of only 活动名称 | 时间 | 地点 is still a table (issue 13)', () => {
  const sheet = sheetOf([
    ['2023年暑期科普活动安排'],
    ['活动名称', '时间', '地点'],
    ['航模制作体验', '7月8日-12日15:00—17:30', '区青少年宫'],
    ['天文观测夜', '9月17日（周日）19:30', '鸠江区科技馆'],
  ]);

  it('is found, its rows are read, the missing required columns are reported', () => {
    const a = analyzeWorkbook(workbookOf(sheet), 'three.xlsx', rules);
    expect(a.layout?.headerRow).toBe(1);
    expect(a.rows.map((r) => [r.activity.values.name, r.activity.values.startDate, r.activity.values.endDate, r.activity.values.timeSlot])).toEqual([
      ['航模制作体验', '2023-07-08', '2023-07-12', '15:00—17:30'],
      ['天文观测夜', '2023-09-17', '2023-09-17', '19:30'],
    ]);
    const missing = a.findings.filter((f) => f.code === 'column-missing').map((f) => f.column);
    expect(missing).toEqual(['活动类别', '活动形式', '科普领域', '开展方式', '主办单位', '活动简介', '预计参与人数', '联系人', '联系电话']);
    expect(a.findings.some((f) => f.code === 'header-not-found')).toBe(false);
    // row rules run on what is there
    expect(checkRows(a, rules).map((f) => [f.cell, f.code])).toEqual([['B3', 'date-outside-window']]);
  });

  it('three known columns without a name or without a date are not a table', () => {
    const noName = sheetOf([
      ['时间', '地点', '联系电话'],
      ['9月18日', '社区', '13912345678'],
    ]);
    expect(tableFindings(locateTable(workbookOf(noName), 'x.xlsx'), 'x.xlsx').map((f) => f.code)).toEqual(['header-not-found']);
    const noDate = sheetOf([
      ['活动名称', '地点', '联系电话'],
      ['讲座', '社区', '13912345678'],
    ]);
    expect(tableFindings(locateTable(workbookOf(noDate), 'x.xlsx'), 'x.xlsx').map((f) => f.code)).toEqual(['header-not-found']);
  });
});

describe('a 区县(市) column naming the district itself', () => {
  it('reads 鸠江区 / 芜湖市鸠江区 as 全区 (no town-unknown); another district stays unknown', () => {
    const sheet = sheetOf([
      ['活动名称', '开始日期', '活动地点', '区县(市)'],
      ['科普讲座', '9月18日', '社区', '鸠江区'],
      ['科普展', '9月19日', '广场', '芜湖市鸠江区'],
      ['科普游', '9月20日', '公园', '镜湖区'],
    ]);
    const a = analyzeWorkbook(workbookOf(sheet), 'd.xlsx', rules);
    expect(a.rows.map((r) => r.activity.values.town)).toEqual(['全区', '全区', '镜湖区']);
    expect(
      checkRows(a, rules)
        .filter((f) => f.code === 'town-unknown')
        .map((f) => f.cell),
    ).toEqual(['D4']);
  });
});

describe("two-row headers with people's words", () => {
  it('a spanning 活动开展时间 over 开始 | 结束 binds both; a loose top header is reported at its own row', () => {
    const sheet = sheetOf(
      [
        ['活动名称', '活动开展时间', '', '具体地点', '活动类别'],
        ['', '开始', '结束', '', ''],
        ['科普讲座', '9月18日', '9月19日', '社区', '专家讲科普专项行动'],
      ],
      { merges: ['B1:C1', 'A1:A2', 'D1:D2', 'E1:E2'] },
    );
    const r = locateTable(workbookOf(sheet), 't.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.dataStart).toBe(2);
    expect(r.layout.fields.get('startDate')!.c).toBe(1);
    expect(r.layout.fields.get('endDate')!.c).toBe(2);
    expect(
      tableFindings(r)
        .filter((f) => f.code === 'column-bound')
        .map((f) => [f.cell, f.row]),
    ).toEqual([['D1', 1]]);
  });

  it('a data row of words that contain known names is never taken for a sub-header', () => {
    const sheet = sheetOf([
      ['活动名称', '开始日期', '活动地点', '活动类别'],
      ['社区活动时间表发布', '', '具体地点待定', ''],
    ]);
    const r = locateTable(workbookOf(sheet), 't.xlsx');
    expect(r.ok && r.layout.dataStart).toBe(1);
  });
});
