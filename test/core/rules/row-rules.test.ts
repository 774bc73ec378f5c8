/**
 * Each row rule on its own (rules/<name>.ts): a table of the template header and literal rows
 * (data from sheet row 2), only that rule run, exactly its findings as [cell, code]. Columns of
 * HEADER: B 名称, C 类别, D 形式, E 领域, F 方式, G 开始, H 结束, J 地点, K 镇街, P 人数, R 电话, S 网址.
 */
import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../../src/core/config/resolve-rules.js';
import { DEFAULTS_2023 } from '../../../src/core/config/defaults-2023.js';
import { ROW_RULES } from '../../../src/core/rules/index.js';
import type { RowRule } from '../../../src/core/rules/rule.js';
import { flat, runRowRule } from '../../helpers/rules.js';
import { validRow } from '../../helpers/sheet.js';

const tested = new Set<string>();
function describeRule(rule: RowRule, fn: (run: (...rows: ReturnType<typeof validRow>[]) => (string | null)[][]) => void) {
  tested.add(rule.name);
  describe(rule.name, () => fn((...rows) => flat(runRowRule(rule, rows))));
}
const row = validRow;

describeRule(ROW_RULES.find((r) => r.name === 'required-missing')!, (run) => {
  it('names each empty required cell, and not 活动地点 of an online activity', () => {
    expect(run(row(1))).toEqual([]);
    expect(run(row(1, { 活动名称: '', 联系人: '' }))).toEqual([
      ['B2', 'required-missing'],
      ['Q2', 'required-missing'],
    ]);
    expect(run(row(1, { 开展方式: '线上', 活动地点: '', 活动网址: 'https://a.cn' }))).toEqual([]);
    expect(run(row(1, { 活动地点: '' }))).toEqual([['J2', 'required-missing']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'name-too-long')!, (run) => {
  it('counts characters, not bytes, against nameMaxLength (60)', () => {
    expect(run(row(1, { 活动名称: '科'.repeat(60) }))).toEqual([]);
    expect(run(row(1, { 活动名称: '科'.repeat(61) }))).toEqual([['B2', 'name-too-long']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'category-invalid')!, (run) => {
  it('accepts the nine categories with quotes and spaces, nothing else', () => {
    expect(run(row(1, { 活动类别: '“专家讲科普” 专项行动' }))).toEqual([]);
    expect(run(row(1, { 活动类别: '科普讲座' }))).toEqual([['C2', 'category-invalid']]);
  });
});

describe('category-unit-mismatch', () => {
  const rule = ROW_RULES.find((r) => r.name === 'category-unit-mismatch')!;
  tested.add(rule.name);
  it('needs the unit kind, and flags a category reserved for another kind', () => {
    const r = row(1, { 活动类别: '镇街主场活动' });
    expect(flat(runRowRule(rule, [r]))).toEqual([]);
    expect(flat(runRowRule(rule, [r], { unitKind: '镇街' }))).toEqual([]);
    expect(flat(runRowRule(rule, [r], { unitKind: '区直部门' }))).toEqual([['C2', 'category-unit-mismatch']]);
    expect(flat(runRowRule(rule, [row(1)], { unitKind: '企业' }))).toEqual([]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'form-unknown')!, (run) => {
  it('flags a form outside the list', () => {
    expect(run(row(1, { 活动形式: '展览展示' }))).toEqual([]);
    expect(run(row(1, { 活动形式: '广场舞' }))).toEqual([['D2', 'form-unknown']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'field-unknown')!, (run) => {
  it('reads several fields and flags the cell once when one is unknown', () => {
    expect(run(row(1, { 科普领域: '卫生健康、应急科普' }))).toEqual([]);
    expect(run(row(1, { 科普领域: '卫生健康、天文地理、美食' }))).toEqual([['E2', 'field-unknown']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'mode-invalid')!, (run) => {
  it('accepts 线下, 线上, 线上线下结合 (and 现场 as 线下), nothing else', () => {
    expect(run(row(1, { 开展方式: '现场' }))).toEqual([]);
    expect(run(row(1, { 开展方式: '走访' }))).toEqual([['F2', 'mode-invalid']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'date-invalid')!, (run) => {
  it('flags unreadable, impossible and undecided dates, each at its own cell', () => {
    expect(run(row(1, { 开始日期: '9月18日' }))).toEqual([]);
    expect(run(row(1, { 开始日期: '下周', 结束日期: '9月31日' }))).toEqual([
      ['G2', 'date-invalid'],
      ['H2', 'date-invalid'],
    ]);
    expect(run(row(1, { 开始日期: '待定', 结束日期: '' }))).toEqual([['G2', 'date-invalid']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'date-ambiguous')!, (run) => {
  it('flags a number like 9.2 typed in a date column, not the text 9.20', () => {
    expect(run(row(1, { 开始日期: 9.2, 结束日期: '' }))).toEqual([['G2', 'date-ambiguous']]);
    expect(run(row(1, { 开始日期: '9.20', 结束日期: '' }))).toEqual([]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'date-approximate')!, (run) => {
  it('flags 中旬 and 下旬 but not a day', () => {
    expect(run(row(1, { 开始日期: '9月中旬', 结束日期: '' }))).toEqual([['G2', 'date-approximate']]);
    expect(run(row(1, { 开始日期: '9月18日', 结束日期: '9月下旬' }))).toEqual([['H2', 'date-approximate']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'date-wrong-year')!, (run) => {
  it('flags a date outside the campaign year', () => {
    expect(run(row(1, { 开始日期: '2022-09-18', 结束日期: '' }))).toEqual([['G2', 'date-wrong-year']]);
    expect(run(row(1, { 开始日期: '2023-09-18', 结束日期: '2024-01-02' }))).toEqual([['H2', 'date-wrong-year']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'date-range-reversed')!, (run) => {
  it('flags an end before the start', () => {
    expect(run(row(1, { 开始日期: '9月20日', 结束日期: '9月18日' }))).toEqual([['H2', 'date-range-reversed']]);
    expect(run(row(1, { 开始日期: '9月18日', 结束日期: '9月18日' }))).toEqual([]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'date-outside-window')!, (run) => {
  it('flags an activity that does not touch 9月17日–23日, once, at its start', () => {
    expect(run(row(1, { 开始日期: '9月10日', 结束日期: '9月17日' }))).toEqual([]);
    expect(run(row(1, { 开始日期: '10月8日', 结束日期: '' }))).toEqual([['G2', 'date-outside-window']]);
    // a date in the wrong year is that rule's, not this one's
    expect(run(row(1, { 开始日期: '2022-10-08', 结束日期: '' }))).toEqual([]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'main-event-outside-window')!, (run) => {
  it('flags a 区主场活动 starting outside 9月11日–20日, and only that category', () => {
    expect(run(row(1, { 活动类别: '区主场活动', 开始日期: '9月15日', 结束日期: '' }))).toEqual([]);
    expect(run(row(1, { 活动类别: '区主场活动', 开始日期: '9月22日', 结束日期: '' }))).toEqual([['G2', 'main-event-outside-window']]);
    expect(run(row(1, { 开始日期: '9月22日', 结束日期: '' }))).toEqual([]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'town-unknown')!, (run) => {
  it('accepts the towns, 全区 and known places, flags others', () => {
    expect(run(row(1, { 所属镇街: '全区' }))).toEqual([]);
    expect(run(row(1, { 所属镇街: '鸠江经济开发区' }))).toEqual([]);
    expect(run(row(1, { 所属镇街: '镜湖区' }))).toEqual([['K2', 'town-unknown']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'count-invalid')!, (run) => {
  it('flags counts that are not a positive number', () => {
    expect(run(row(1, { 预计参与人数: '约200人' }))).toEqual([]);
    expect(run(row(1, { 预计参与人数: '若干' }))).toEqual([['P2', 'count-invalid']]);
    expect(run(row(1, { 预计参与人数: '3个班' }))).toEqual([['P2', 'count-invalid']]);
    expect(run(row(1, { 预计参与人数: -5 }))).toEqual([['P2', 'count-invalid']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'count-approximate')!, (run) => {
  it('flags a rounded figure (2000余, 约500), not a range or a plain number', () => {
    expect(run(row(1, { 预计参与人数: '2000余群众' }))).toEqual([['P2', 'count-approximate']]);
    expect(run(row(1, { 预计参与人数: '约500人' }))).toEqual([['P2', 'count-approximate']]);
    expect(run(row(1, { 预计参与人数: '100-200' }))).toEqual([]);
    expect(run(row(1, { 预计参与人数: 150 }))).toEqual([]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'count-range')!, (run) => {
  it('flags a range (its upper end is counted)', () => {
    expect(run(row(1, { 预计参与人数: '50-80人' }))).toEqual([['P2', 'count-range']]);
    expect(run(row(1, { 预计参与人数: '约500人' }))).toEqual([]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'phone-invalid')!, (run) => {
  it('accepts mobiles and landlines, flags run-together and short numbers', () => {
    expect(run(row(1, { 联系电话: '0553-5864150、13912345678' }))).toEqual([]);
    expect(run(row(1, { 联系电话: '139123456780553586' }))).toEqual([['R2', 'phone-invalid']]);
    expect(run(row(1, { 联系电话: '12345' }))).toEqual([['R2', 'phone-invalid']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'online-url-missing')!, (run) => {
  it('needs an address for online activities; an online-only category held 线下 is flagged at its mode', () => {
    expect(run(row(1, { 开展方式: '线上', 活动网址: '' }))).toEqual([['S2', 'online-url-missing']]);
    expect(run(row(1, { 开展方式: '线上线下结合', 活动网址: 'https://live.example.cn/1' }))).toEqual([]);
    expect(run(row(1, { 活动类别: '云上科普日专项行动', 开展方式: '线下' }))).toEqual([['F2', 'online-url-missing']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'url-invalid')!, (run) => {
  it('flags an address that is not http(s)', () => {
    expect(run(row(1, { 开展方式: '线上', 活动网址: 'https://live.example.cn/1' }))).toEqual([]);
    expect(run(row(1, { 活动网址: '见公众号' }))).toEqual([['S2', 'url-invalid']]);
  });
});

describeRule(ROW_RULES.find((r) => r.name === 'cell-text-truncated')!, (run) => {
  it('says where text over Excel’s 32,767 characters was cut', () => {
    expect(run(row(1, { 活动简介: '科'.repeat(40_000) }))).toEqual([['N2', 'cell-text-truncated']]);
    expect(run(row(1, { 活动简介: '科'.repeat(32_767) }))).toEqual([]);
  });
});

describe('row rules', () => {
  it('are each tested here', () => {
    expect([...tested].sort()).toEqual(ROW_RULES.map((r) => r.name).sort());
  });
  it('follow the config: a longer name limit lets a long name through', () => {
    const rules = resolveRules({ ...DEFAULTS_2023, nameMaxLength: 80 }, 'test');
    const rule = ROW_RULES.find((r) => r.name === 'name-too-long')!;
    expect(flat(runRowRule(rule, [row(1, { 活动名称: '科'.repeat(61) })], { rules }))).toEqual([]);
  });
});
