import { describe, expect, it } from 'vitest';
import { locateTable, readUnitLine } from '../../src/core/locate/locate-table.js';
import { HEADER, sheetOf, validRow, workbookOf } from '../helpers/sheet.js';

describe('locateTable', () => {
  it('finds the template header on row 4 and binds all 21 columns', () => {
    const sheet = sheetOf([['附件2'], ['2023年鸠江区全国科普日活动安排表'], ['填报单位(盖章):官陡街道科协'], HEADER, validRow(1)]);
    const r = locateTable(workbookOf(sheet), 'a.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.headerRow).toBe(3);
    expect(r.layout.dataStart).toBe(4);
    expect(r.layout.fields.size).toBe(21);
    expect(r.layout.fields.get('phone')!.cell).toBe('R4');
    expect(r.layout.unknownColumns).toEqual([]);
    expect(r.layout.duplicateColumns).toEqual([]);
  });

  it('matches folded synonyms: spaces, line breaks, full-width brackets, units in brackets', () => {
    const header = [
      '编号',
      '活 动\n名 称',
      '活动类型',
      '开展形式',
      '领域',
      '线上/线下',
      '举办时间',
      '举办地点',
      '组织单位',
      '活动内容',
      '预计参与人数（人）',
      '负责人',
      '联系方式',
    ];
    const r = locateTable(workbookOf(sheetOf([header])), 'a.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.layout.fields.keys()]).toEqual([
      'seq',
      'name',
      'category',
      'form',
      'field',
      'mode',
      'startDate',
      'location',
      'host',
      'summary',
      'expectedCount',
      'contact',
      'phone',
    ]);
    expect(r.layout.unknownColumns).toEqual([]);
  });

  it('skips an empty first sheet and a hidden junk sheet', () => {
    const empty = sheetOf([], { name: '封面' });
    const hidden = sheetOf([HEADER, ['x']], { name: '旧表', hidden: true });
    const real = sheetOf([HEADER, validRow(1)], { name: '活动安排表' });
    const r = locateTable(workbookOf(empty, hidden, real), 'a.xlsx');
    expect(r.ok && r.layout.sheet.name).toBe('活动安排表');
  });

  it('reports sheet-not-found when every sheet is empty or hidden, header-not-found for other data', () => {
    const codes = (r: ReturnType<typeof locateTable>) => (r.ok ? [] : r.findings.map((f) => f.code));
    expect(codes(locateTable(workbookOf(sheetOf([]), sheetOf([['x']], { hidden: true })), 'a.xlsx'))).toEqual(['sheet-not-found']);
    const other = sheetOf([
      ['姓名', '年龄'],
      ['张三', 30],
    ]);
    expect(codes(locateTable(workbookOf(other), 'b.xlsx'))).toEqual(['header-not-found']);
  });

  it('does not look for a header below row 15', () => {
    const rows = Array.from({ length: 15 }, () => ['标题']);
    expect(locateTable(workbookOf(sheetOf([...rows, HEADER])), 'a.xlsx').ok).toBe(false);
    expect(locateTable(workbookOf(sheetOf([...rows.slice(1), HEADER])), 'a.xlsx').ok).toBe(true);
  });

  it('reads a two-row header with 活动时间 spanning 开始 | 结束', () => {
    const top = ['序号', '活动名称', '活动类别', '活动形式', '科普领域', '开展方式', '活动时间', '', '活动地点'];
    const sub = ['', '', '', '', '', '', '开始', '结束', ''];
    const sheet = sheetOf([top, sub, [1, '讲座', '专家讲科普专项行动', '科普讲座', '卫生健康', '线下', '9月18日', '9月19日', '某地']], {
      merges: ['G1:H1', 'A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:F2', 'I1:I2'],
    });
    const r = locateTable(workbookOf(sheet), 'a.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.dataStart).toBe(2);
    expect(r.layout.fields.get('startDate')!.c).toBe(6);
    expect(r.layout.fields.get('endDate')!.c).toBe(7);
    expect(r.layout.fields.get('location')!.c).toBe(8);
  });

  it('records duplicate and unknown columns for the table rules (rules/column-*.ts)', () => {
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
    const r = locateTable(workbookOf(sheetOf([header])), 'a.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.fields.get('name')!.header).toBe('活动名称');
    expect(r.layout.duplicateColumns.map((d) => [d.field, d.dropped.cell, d.kept.cell])).toEqual([['name', 'A1', 'B1']]);
    expect(r.layout.unknownColumns.map((b) => [b.header, b.cell])).toEqual([['经费预算(元)', 'M1']]);
    expect(r.layout.fields.has('phone')).toBe(false);
  });

  it('recognises a 填报单位 column as the unit, not an extra column', () => {
    const r = locateTable(workbookOf(sheetOf([['填报单位', ...HEADER]])), 'a.xlsx');
    expect(r.ok && r.layout.unitColumn?.c).toBe(0);
    expect(r.ok && r.layout.extras).toEqual([]);
  });
});

describe('readUnitLine', () => {
  it('reads a one-cell unit line', () => {
    const s = sheetOf([['附件2'], ['填报单位(盖章):鸠江区官陡街道科协   联系人:张三  联系电话:0553-5864150  填报日期:2023年9月8日'], HEADER]);
    expect(readUnitLine(s, 2)).toEqual({
      unit: '鸠江区官陡街道科协',
      cell: 'A2',
      contact: '张三',
      phone: '0553-5864150',
      date: '2023年9月8日',
    });
  });

  it('reads a unit line split across cells', () => {
    const s = sheetOf([['填报单位(盖章):', '湾里街道科学技术协会', '', '联系人:', '李四', '联系电话:', '13912345678'], HEADER]);
    const line = readUnitLine(s, 1);
    expect(line.unit).toBe('湾里街道科学技术协会');
    expect(line.cell).toBe('B1');
    expect(line.contact).toBe('李四');
  });

  it('gives nothing when the unit is left blank', () => {
    const s = sheetOf([['填报单位(盖章):', '', '联系人:', ''], HEADER]);
    expect(readUnitLine(s, 1).unit).toBeUndefined();
  });
});
