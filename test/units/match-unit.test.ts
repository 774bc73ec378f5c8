import { describe, expect, it } from 'vitest';
import type { RosterUnit } from '../../src/core/config/schema.js';
import { createUnitMatcher, emailKey } from '../../src/core/units/match-unit.js';

const P = ['芜湖市', '鸠江区'];

const ROSTER: RosterUnit[] = [
  { name: '鸠江区科学技术协会', kind: '区科协', aliases: ['区科协'] },
  { name: '官陡街道', kind: '镇街', emails: ['GuanDou@163.com'] },
  { name: '湾里', kind: '镇街' },
  { name: '沈巷镇', kind: '镇街' },
  { name: '二坝镇', kind: '镇街' },
  { name: '芜湖市鸠江区卫生健康委员会', kind: '区直部门', aliases: ['区卫健委', '卫健委'], emails: ['wjw@wuhu.gov.cn', 'wjw2@wuhu.gov.cn'] },
  { name: '鸠江区教育局', kind: '区直部门' },
  { name: '奇瑞科协', kind: '企业' },
];

const m = createUnitMatcher(ROSTER, P);
const name = (s: string) => m.match(s)?.unit.name;

describe('match', () => {
  it('exact, width and white space aside', () => {
    expect(m.match('官陡街道')).toEqual({ unit: ROSTER[1], how: 'exact' });
    expect(m.match(' 官陡 街道 ')?.how).toBe('exact');
  });

  it('aliases', () => {
    expect(m.match('区卫健委')).toEqual({ unit: ROSTER[5], how: 'alias' });
    expect(m.match('鸠江区卫健委')).toEqual({ unit: ROSTER[5], how: 'alias' });
    expect(m.match('芜湖市鸠江区卫健委(盖章)')?.how).toBe('alias');
  });

  it('folded: prefixes, suffixes, brackets', () => {
    expect(m.match('鸠江区官陡街道科协')).toEqual({ unit: ROSTER[1], how: 'folded' });
    expect(name('官陡街道办事处（盖章）')).toBe('官陡街道');
    expect(name('鸠江区卫生健康委员会')).toBe('芜湖市鸠江区卫生健康委员会');
    expect(name('教育局')).toBe('鸠江区教育局');
    expect(name('沈巷镇人民政府')).toBe('沈巷镇');
    expect(name('奇瑞')).toBe('奇瑞科协');
  });

  it('the district association by an empty fold', () => {
    expect(m.match('芜湖市鸠江区科学技术协会')).toEqual({ unit: ROSTER[0], how: 'folded' });
    expect(name('鸠江区科协')).toBe('鸠江区科学技术协会');
    // an empty fold that is not an association is nothing
    expect(m.match('鸠江区人民政府')).toBeUndefined();
    expect(m.match('鸠江区')).toBeUndefined();
  });

  it('the town tail: 官陡 = 官陡街道, 湾里街道 = 湾里', () => {
    expect(m.match('官陡')).toEqual({ unit: ROSTER[1], how: 'folded' });
    expect(name('湾里街道')).toBe('湾里');
    expect(name('鸠江区湾里街道办事处')).toBe('湾里');
    expect(name('沈巷')).toBe('沈巷镇');
  });

  it('ambiguous folds are no match', () => {
    const r = createUnitMatcher(
      [
        { name: '官陡街道', kind: '镇街' },
        { name: '官陡镇', kind: '镇街' },
      ],
      P,
    );
    expect(r.match('官陡')).toBeUndefined();
    expect(r.match('官陡街道')?.how).toBe('exact');
  });

  it('no district association in the roster: no match', () => {
    const r = createUnitMatcher([{ name: '官陡街道', kind: '镇街' }], P);
    expect(r.match('鸠江区科协')).toBeUndefined();
  });

  it('unknown names', () => {
    expect(m.match('繁昌区文旅局')).toBeUndefined();
    expect(m.match('')).toBeUndefined();
    expect(m.match('官徒街道')).toBeUndefined();
  });
});

describe('matchEmail', () => {
  it('case-insensitive, with display names and mailto', () => {
    expect(m.matchEmail('guandou@163.com')?.name).toBe('官陡街道');
    expect(m.matchEmail('官陡街道 <GUANDOU@163.COM>')?.name).toBe('官陡街道');
    expect(m.matchEmail('mailto:WJW2@wuhu.gov.cn')?.name).toBe('芜湖市鸠江区卫生健康委员会');
    expect(m.matchEmail('other@163.com')).toBeUndefined();
    expect(m.matchEmail('')).toBeUndefined();
  });
  it('emailKey', () => {
    expect(emailKey('"张三" <Zhang.San@Example.CN>')).toBe('zhang.san@example.cn');
  });
});

describe('nearest', () => {
  it('官徒街道 → 官陡街道', () => {
    expect(m.nearest('官徒街道')).toEqual({ unit: ROSTER[1], distance: 1 });
    expect(m.nearest('鸠江区官徒街道科协')?.unit.name).toBe('官陡街道');
  });
  it('湾理 → 湾里, 沈港镇 → 沈巷镇, 区卫建委 → 卫健委', () => {
    expect(m.nearest('湾理街道')?.unit.name).toBe('湾里');
    expect(m.nearest('沈港镇')?.unit.name).toBe('沈巷镇');
    expect(m.nearest('区卫建委')?.unit.name).toBe('芜湖市鸠江区卫生健康委员会');
  });
  it('too far or tied: no hint', () => {
    expect(m.nearest('繁昌区文化旅游体育局')).toBeUndefined();
    expect(m.nearest('')).toBeUndefined();
    const r = createUnitMatcher(
      [
        { name: '一坝镇', kind: '镇街' },
        { name: '三坝镇', kind: '镇街' },
      ],
      P,
    );
    expect(r.nearest('二坝镇')).toBeUndefined();
  });
});

describe('searchIn', () => {
  it('finds a roster name inside a text, longest key first', () => {
    expect(m.searchIn('官陡街道张三')?.name).toBe('官陡街道');
    expect(m.searchIn('鸠江区卫生健康委员会疾控科')?.name).toBe('芜湖市鸠江区卫生健康委员会');
    expect(m.searchIn('无关文字')).toBeUndefined();
  });
  it('a roster name followed by another unit is another unit', () => {
    expect(m.searchIn('官陡街道中心小学')).toBeUndefined();
    expect(m.searchIn('湾里小学')).toBeUndefined();
  });
  it('two units tie: nothing', () => {
    expect(m.searchIn('沈巷镇二坝镇')).toBeUndefined();
  });
});
