import { describe, expect, it } from 'vitest';
import { foldUnitName, isAssociationName, looksLikeUnitName, townBase } from '../../src/core/units/fold-unit-name.js';

const P = ['芜湖市', '鸠江区'];

describe('foldUnitName', () => {
  it.each([
    ['官陡街道', '官陡街道'],
    ['鸠江区官陡街道科协', '官陡街道'],
    ['芜湖市鸠江区官陡街道科学技术协会', '官陡街道'],
    ['官陡街道办事处', '官陡街道'],
    ['官陡街道办', '官陡街道'],
    ['鸠江区官陡街道办事处(盖章)', '官陡街道'],
    ['官陡街道（盖章）', '官陡街道'],
    ['【定稿】官陡街道', '官陡街道'],
    ['官陡街道(盖章', '官陡街道'],
    ['官陡街道盖章', '官陡街道'],
    ['沈巷镇人民政府', '沈巷镇'],
    ['  沈 巷 镇 ', '沈巷镇'],
    ['安徽省芜湖市鸠江区二坝镇', '二坝镇'],
    ['芜湖鸠江二坝镇', '二坝镇'],
    ['填报单位：二坝镇', '二坝镇'],
    ['芜湖市鸠江区卫生健康委员会', '卫生健康'],
    ['区卫健委', '卫健委'],
    ['鸠江区卫健委', '卫健委'],
    ['奇瑞汽车股份有限公司科协', '奇瑞汽车股份有限公司'],
    ['ＡＢＣ科技有限公司', 'abc科技有限公司'],
    ['市场监管局', '市场监管局'],
    ['芜湖市鸠江区科学技术协会', ''],
    ['鸠江区科协', ''],
    ['区科协', ''],
  ])('%s → %s', (input, folded) => {
    expect(foldUnitName(input, P)).toBe(folded);
  });

  it('strips only the configured prefixes (and 安徽省)', () => {
    expect(foldUnitName('繁昌区官陡街道', P)).toBe('繁昌区官陡街道');
    expect(foldUnitName('繁昌区官陡街道', ['繁昌区'])).toBe('官陡街道');
  });

  it('tells association names', () => {
    expect(isAssociationName('芜湖市鸠江区科学技术协会')).toBe(true);
    expect(isAssociationName('鸠江区科协')).toBe(true);
    expect(isAssociationName('鸠江区人民政府')).toBe(false);
  });

  it('townBase and looksLikeUnitName', () => {
    expect(townBase('官陡街道')).toBe('官陡');
    expect(townBase('沈巷镇')).toBe('沈巷');
    expect(townBase('卫健委')).toBe('卫健委');
    expect(looksLikeUnitName('鸠江区卫健委')).toBe(true);
    expect(looksLikeUnitName('二坝镇')).toBe(true);
    expect(looksLikeUnitName('张三')).toBe(false);
    expect(looksLikeUnitName('abc公司')).toBe(true);
    expect(looksLikeUnitName('会')).toBe(false);
  });
});
