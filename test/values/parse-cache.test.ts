import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS, DEFAULT_FORMS } from '../../src/core/config/defaults-2023.js';
import type { Cell } from '../../src/core/table.js';
import { matchCategory, matchFromList, matchListText, matchMode, matchYesNo, splitList } from '../../src/core/values/match-enum.js';
import { ParseCache } from '../../src/core/values/parse-cache.js';
import { parseCountCell } from '../../src/core/values/parse-count.js';
import { parseDateCell } from '../../src/core/values/parse-date.js';
import { parsePhoneCell, parsePhoneText } from '../../src/core/values/parse-phone.js';
import { parseUrl } from '../../src/core/values/parse-url.js';

const s = (v: string): Cell => ({ t: 's', v });
const n = (v: number): Cell => ({ t: 'n', v });

const DATE_CELLS: (Cell | undefined)[] = [
  undefined,
  s(''),
  s('2023-09-18'),
  s('9月18日'),
  s('9月17日-23日'),
  s('9月中旬'),
  s('待定'),
  s('9月18日 8:30-11:30'),
  s('2023年9月18日(暂定)'),
  s('45187'),
  n(45187),
  n(45187.5),
  n(9.2),
  n(9.18),
  n(20230918),
  n(0),
  n(-0),
  n(NaN),
  { t: 'd', v: '2023-09-18' },
  { t: 'd', v: '2023-09-18T08:30' },
  { t: 'd', v: '2023-02-30' },
  { t: 'b', v: true },
  { t: 'e', v: '#REF!' },
];

/**
 * Parsers with the run's ParseCache give exactly what they give without it, as one frozen object
 * per distinct input; without a cache nothing is remembered; two runs share nothing.
 */
describe('parsers with a ParseCache', () => {
  it.each([2023, 2024])('parseDateCell with a cache gives what it gives without (year %i), one frozen object per input', (year) => {
    const cache = new ParseCache();
    for (const cell of DATE_CELLS) {
      const shared = parseDateCell(cell, { year, cache });
      expect(shared, JSON.stringify(cell)).toEqual(parseDateCell(cell, { year }));
      expect(Object.isFrozen(shared)).toBe(true);
      const again = cell && 'v' in cell ? ({ ...cell } as Cell) : cell;
      expect(parseDateCell(again, { year, cache })).toBe(shared);
    }
  });

  it('keeps campaign years apart in one cache', () => {
    const cache = new ParseCache();
    expect(parseDateCell(s('9月18日'), { year: 2023, cache })).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven: false });
    expect(parseDateCell(s('9月18日'), { year: 2024, cache })).toEqual({ kind: 'ok', start: '2024-09-18', yearGiven: false });
  });

  it('remembers nothing without a cache, and nothing across caches (runs)', () => {
    const a = parseDateCell(s('9月18日'), { year: 2023 });
    expect(parseDateCell(s('9月18日'), { year: 2023 })).not.toBe(a);
    const one = parseCountCell(s('约200人'), new ParseCache());
    expect(parseCountCell(s('约200人'), new ParseCache())).not.toBe(one);
    expect(parseCountCell(s('约200人'), new ParseCache())).toEqual(one);
  });

  it('parseCountCell with a cache gives what it gives without', () => {
    const cache = new ParseCache();
    const cells: (Cell | undefined)[] = [
      undefined,
      s(''),
      s('200人'),
      s('约200人'),
      s('100-200'),
      s('若干'),
      n(80),
      n(0),
      n(-0),
      n(2.5),
      n(NaN),
      { t: 'b', v: true },
    ];
    for (const cell of cells) {
      const shared = parseCountCell(cell, cache);
      expect(shared, JSON.stringify(cell)).toEqual(parseCountCell(cell));
      expect(Object.isFrozen(shared)).toBe(true);
      expect(parseCountCell(cell, cache)).toBe(shared);
    }
  });

  it('parsePhoneCell with a cache gives what it gives without', () => {
    const cache = new ParseCache();
    const cells: (Cell | undefined)[] = [
      undefined,
      s(''),
      s('13912345678'),
      s('139 1234 5678'),
      s('0553-5864150'),
      s('0553-5864150、13912345678'),
      s('23912345678'),
      s('1391234567812345'),
      s('无'),
      n(13912345678),
      n(5535864150),
      n(0),
      n(1.5),
      { t: 'd', v: '2023-09-18' },
    ];
    for (const cell of cells) {
      const shared = parsePhoneCell(cell, cache);
      expect(shared, JSON.stringify(cell)).toEqual(parsePhoneCell(cell));
      expect(Object.isFrozen(shared)).toBe(true);
      if (shared.kind === 'ok') expect(Object.isFrozen(shared.numbers)).toBe(true);
      expect(parsePhoneCell(cell, cache)).toBe(shared);
    }
  });

  it('reads a bare mobile number the same way with and without the fast path', () => {
    // the same number with a separator takes the general path
    for (const m of ['13912345678', '19602500636', '15318610696']) {
      expect(parsePhoneText(m)).toEqual({ kind: 'ok', value: m, numbers: [m] });
      expect(parsePhoneText(`${m}、`)).toEqual(parsePhoneText(m));
    }
    expect(parsePhoneText('12912345678')).toEqual({ kind: 'invalid', reason: 'bad-number' });
  });

  it('parseUrl shares its one empty result', () => {
    expect(parseUrl('')).toBe(parseUrl('无'));
    expect(Object.isFrozen(parseUrl(''))).toBe(true);
  });

  it('list matchers with a cache answer as without one', () => {
    const cache = new ParseCache();
    for (const t of ['线上', '现场', '线上+线下', '走访']) expect(matchMode(t, cache)).toBe(matchMode(t));
    for (const t of ['是', '已发布', '尚未', '不清楚']) expect(matchYesNo(t, cache)).toBe(matchYesNo(t));
    const cats = ['区主场活动', '镇街主场活动', '青少年科技教育专项行动'];
    for (const t of ['区级主场活动', '青少年科技教育专项', '主场活动']) expect(matchCategory(t, cats, cache)).toBe(matchCategory(t, cats));
  });
});

describe('matchListText', () => {
  it.each(['科技创新、卫生健康', '科技创新,天文', '天文 地理', '、', '', '卫生 健康', '科普讲座/VR体验', 'vr体验'])('%j', (text) => {
    for (const list of [DEFAULT_FIELDS, DEFAULT_FORMS]) {
      const parts = splitList(text);
      const values = parts.map((p) => matchFromList(p, list) ?? p);
      const unknown = parts.filter((p) => matchFromList(p, list) === undefined);
      const m = matchListText(text, list);
      expect([...m.values]).toEqual(values);
      expect([...m.unknown]).toEqual(unknown);
      expect(m.joined).toBe(values.join('、'));
      expect(Object.isFrozen(m.values) && Object.isFrozen(m.unknown)).toBe(true);
      const cache = new ParseCache();
      const shared = matchListText(text, list, cache);
      expect(shared).toEqual(m);
      expect(matchListText(text, list, cache)).toBe(shared);
    }
  });

  it('remembers answers per list', () => {
    const cache = new ParseCache();
    expect(matchListText('天文', ['天文'], cache).unknown).toEqual([]);
    expect(matchListText('天文', ['地理'], cache).unknown).toEqual(['天文']);
    expect(matchFromList('天文', ['天文'], cache)).toBe('天文');
    expect(matchFromList('天文', ['地理'], cache)).toBeUndefined();
  });
});
