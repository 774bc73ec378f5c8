import { describe, expect, it } from 'vitest';
import { rosterUnitSchema } from '../../src/core/config/schema.js';
import { mapUnitKind, parseRoster } from '../../src/core/units/parse-roster.js';
import { sheetOf, workbookOf } from '../helpers/sheet.js';

/** 附件1 as the notice lays it out: two title rows, 单位类别 merged down each group, a 合计 row. */
function annex1() {
  return workbookOf(
    sheetOf(
      [
        ['附件1'],
        ['“全国科普日”网站填报活动任务分解表'],
        ['序号', '单位类别', '单位名称', '网站填报任务数（个）', '联系人', '联系电话', '邮箱', '别名'],
        [1, '区科协', '鸠江区科学技术协会', 3, '王芳', '0553-5864150', 'jjkx@163.com', '区科协'],
        [2, '镇街', '官陡街道', 5, '李明', 13912345678, 'GuanDou@163.com；gd2@163.com', '官陡街道办事处、官陡'],
        [3, '', '湾里街道', '4个', '', '', '', ''],
        [4, '', '沈巷镇', '５', '', '', '', ''],
        [5, '区直部门', '芜湖市鸠江区卫生健康委员会', 2, '', '', 'wjw@wuhu.gov.cn wjw2@wuhu.gov.cn', '区卫健委, 卫健委'],
        [6, '', '鸠江区教育局', '', '', '', '', ''],
        [7, '企业科协', '奇瑞汽车股份有限公司科协', 1],
        [8, '科普教育基地', '鸠江区青少年活动中心', 0],
        [],
        ['合计', '', '', 15],
        ['注：任务数为网站填报的最低数量。'],
        ['填表人：', '', '审核人：'],
      ],
      { merges: ['A1:H1', 'A2:H2', 'B5:B7', 'B8:B9', 'A13:C13'] },
    ),
  );
}

describe('parseRoster', () => {
  it('reads 附件1 with title rows, merged 单位类别 and a 合计 row', () => {
    const { units, errors } = parseRoster(annex1(), '附件1.xlsx');
    expect(errors).toEqual([]);
    expect(units.map((u) => [u.name, u.kind, u.quota])).toEqual([
      ['鸠江区科学技术协会', '区科协', 3],
      ['官陡街道', '镇街', 5],
      ['湾里街道', '镇街', 4],
      ['沈巷镇', '镇街', 5],
      ['芜湖市鸠江区卫生健康委员会', '区直部门', 2],
      ['鸠江区教育局', '区直部门', undefined],
      ['奇瑞汽车股份有限公司科协', '企业', 1],
      ['鸠江区青少年活动中心', '科普教育基地', 0],
    ]);
    expect(units[1]).toEqual({
      name: '官陡街道',
      kind: '镇街',
      quota: 5,
      contact: '李明',
      phone: '13912345678',
      emails: ['GuanDou@163.com', 'gd2@163.com'],
      aliases: ['官陡街道办事处', '官陡'],
    });
    expect(units[4].emails).toEqual(['wjw@wuhu.gov.cn', 'wjw2@wuhu.gov.cn']);
    expect(units[4].aliases).toEqual(['区卫健委', '卫健委']);
    // every unit is valid config data
    for (const u of units) expect(rosterUnitSchema.safeParse(u).success).toBe(true);
  });

  it('carries 单位类别 down blank cells without merges', () => {
    const wb = workbookOf(
      sheetOf([
        ['单位类别', '单位名称', '任务数'],
        ['镇街', '官陡街道', 2],
        ['', '二坝镇', 2],
        ['部门', '区教育局', 1],
        ['', '区文旅局', 1],
      ]),
    );
    const { units, errors } = parseRoster(wb, 'r.xlsx');
    expect(errors).toEqual([]);
    expect(units.map((u) => u.kind)).toEqual(['镇街', '镇街', '区直部门', '区直部门']);
  });

  it('group rows written across the name column set the kind', () => {
    const wb = workbookOf(
      sheetOf([
        ['序号', '单位名称', '任务数'],
        ['', '一、镇街（9个）', ''],
        [1, '二坝镇', 2],
        ['', '二、区直部门', ''],
        [2, '区教育局', 1],
      ]),
    );
    const { units, errors } = parseRoster(wb, 'r.xlsx');
    expect(errors).toEqual([]);
    expect(units.map((u) => [u.name, u.kind])).toEqual([
      ['二坝镇', '镇街'],
      ['区教育局', '区直部门'],
    ]);
  });

  it('no 单位类别 column: the kind is guessed from the name', () => {
    const wb = workbookOf(
      sheetOf([
        ['单位', '活动数'],
        ['官陡街道', 1],
        ['沈巷镇人民政府', 1],
        ['芜湖市鸠江区科学技术协会', 2],
        ['区教育局', 1],
      ]),
    );
    const { units } = parseRoster(wb, 'r.csv');
    expect(units.map((u) => u.kind)).toEqual(['镇街', '镇街', '区科协', '其他']);
  });

  it('a bad quota is an error naming its cell, the unit is still listed', () => {
    const wb = workbookOf(
      sheetOf([
        ['标题'],
        ['序号', '单位类别', '单位名称', '网站填报任务数'],
        [1, '镇街', '官陡街道', '若干'],
        [2, '镇街', '二坝镇', -1],
        [3, '镇街', '沈巷镇', 2.5],
        [4, '镇街', '湾里街道', '/'],
        [5, '镇街', '汤沟镇', '约3个'],
      ]),
    );
    const { units, errors } = parseRoster(wb, 'r.xlsx');
    expect(errors.map((e) => e.cell)).toEqual(['D3', 'D4', 'D5']);
    expect(errors[0].message).toContain('若干');
    expect(units.map((u) => u.quota)).toEqual([undefined, undefined, undefined, undefined, 3]);
  });

  it('missing 单位名称 column is an error', () => {
    const wb = workbookOf(
      sheetOf([
        ['序号', '单位类别', '任务数'],
        [1, '镇街', 2],
      ]),
    );
    const { units, errors } = parseRoster(wb, 'r.xlsx');
    expect(units).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('单位名称');
  });

  it('no header at all is an error naming the file', () => {
    const wb = workbookOf(sheetOf([['随便写点什么'], ['官陡街道']]));
    const { errors } = parseRoster(wb, '附件1.xlsx');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('附件1.xlsx');
  });

  it('skips an empty or hidden first sheet', () => {
    const wb = workbookOf(
      sheetOf(
        [
          ['单位名称', '任务数'],
          ['隐藏表里的单位', 1],
        ],
        { name: '隐藏', hidden: true },
      ),
      sheetOf([], { name: 'Sheet1' }),
      sheetOf(
        [
          ['单位名称', '任务数'],
          ['官陡街道', 1],
        ],
        { name: 'Sheet2' },
      ),
    );
    const { units, errors } = parseRoster(wb, 'r.xlsx');
    expect(errors).toEqual([]);
    expect(units.map((u) => u.name)).toEqual(['官陡街道']);
  });

  it('a duplicate unit, a row without a name and a bad email are errors', () => {
    const wb = workbookOf(
      sheetOf([
        ['单位名称', '任务数', '邮箱'],
        ['官陡街道', 1, 'gd@163.com'],
        [' 官陡 街道 ', 1, ''],
        ['', 3, ''],
        ['二坝镇', 1, 'erba at 163'],
      ]),
    );
    const { units, errors } = parseRoster(wb, 'r.xlsx');
    expect(errors.map((e) => e.cell)).toEqual(['A3', 'A4', 'C5']);
    expect(units.map((u) => u.name)).toEqual(['官陡街道', '二坝镇']);
    expect(units[1].emails).toBeUndefined();
  });

  it('a CSV roster: every cell is text', () => {
    const wb = {
      ...workbookOf(
        sheetOf([
          ['单位名称', '单位类别', '任务数'],
          ['官陡街道', '街道', '3'],
          ['奇瑞科协', '企业', '1'],
        ]),
      ),
      format: 'csv' as const,
    };
    const { units, errors } = parseRoster(wb, 'r.csv');
    expect(errors).toEqual([]);
    expect(units).toEqual([
      { name: '官陡街道', kind: '镇街', quota: 3 },
      { name: '奇瑞科协', kind: '企业', quota: 1 },
    ]);
  });
});

describe('mapUnitKind', () => {
  it.each([
    ['镇街', '镇街'],
    ['乡镇', '镇街'],
    ['街道', '镇街'],
    ['一、镇街（9个）', '镇街'],
    ['区直部门', '区直部门'],
    ['成员单位', '区直部门'],
    ['区直单位', '区直部门'],
    ['企业科协', '企业'],
    ['科普教育基地', '科普教育基地'],
    ['场馆', '科普教育基地'],
    ['区科协', '区科协'],
    ['学校', '其他'],
  ])('%s → %s', (text, kind) => {
    expect(mapUnitKind(text)).toBe(kind);
  });
  it('blank is undefined', () => {
    expect(mapUnitKind('  ')).toBeUndefined();
  });
});
