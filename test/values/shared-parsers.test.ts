import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS, DEFAULT_FORMS } from '../../src/core/config/defaults-2023.js';
import type { Cell } from '../../src/core/table.js';
import { matchFromList, matchListText, splitList } from '../../src/core/values/match-enum.js';
import { parseCountCell, parseCountCellShared } from '../../src/core/values/parse-count.js';
import { parseDateCell, parseDateCellShared } from '../../src/core/values/parse-date.js';
import { parsePhoneCell, parsePhoneCellShared, parsePhoneText } from '../../src/core/values/parse-phone.js';
import { parseUrl, parseUrlShared } from '../../src/core/values/parse-url.js';

const s = (v: string): Cell => ({ t: 's', v });
const n = (v: number): Cell => ({ t: 'n', v });

const DATE_CELLS: (Cell | undefined)[] = [
  undefined, s(''), s('2023-09-18'), s('9月18日'), s('9月17日-23日'), s('9月中旬'), s('待定'), s('9月18日 8:30-11:30'),
  s('2023年9月18日(暂定)'), s('45187'), n(45187), n(45187.5), n(9.2), n(9.18), n(20230918), n(0), n(-0), n(NaN),
  { t: 'd', v: '2023-09-18' }, { t: 'd', v: '2023-09-18T08:30' }, { t: 'd', v: '2023-02-30' }, { t: 'b', v: true }, { t: 'e', v: '#REF!' },
];

describe('shared parsers', () => {
  it.each([2023, 2024])('parseDateCellShared gives what parseDateCell gives (year %i), one frozen object per input', (year) => {
    for (const cell of DATE_CELLS) {
      const shared = parseDateCellShared(cell, year);
      expect(shared, JSON.stringify(cell)).toEqual(parseDateCell(cell, { year }));
      expect(Object.isFrozen(shared)).toBe(true);
      const again = cell && 'v' in cell ? ({ ...cell } as Cell) : cell;
      expect(parseDateCellShared(again, year)).toBe(shared);
    }
  });

  it('parseDateCellShared keeps campaign years apart', () => {
    expect(parseDateCellShared(s('9月18日'), 2023)).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven: false });
    expect(parseDateCellShared(s('9月18日'), 2024)).toEqual({ kind: 'ok', start: '2024-09-18', yearGiven: false });
  });

  it('parseCountCellShared gives what parseCountCell gives', () => {
    const cells: (Cell | undefined)[] = [undefined, s(''), s('200人'), s('约200人'), s('100-200'), s('若干'), n(80), n(0), n(-0), n(2.5), n(NaN), { t: 'b', v: true }];
    for (const cell of cells) {
      const shared = parseCountCellShared(cell);
      expect(shared, JSON.stringify(cell)).toEqual(parseCountCell(cell));
      expect(Object.isFrozen(shared)).toBe(true);
      expect(parseCountCellShared(cell)).toBe(shared);
    }
  });

  it('parsePhoneCellShared gives what parsePhoneCell gives', () => {
    const cells: (Cell | undefined)[] = [
      undefined, s(''), s('13912345678'), s('139 1234 5678'), s('0553-5864150'), s('0553-5864150、13912345678'), s('23912345678'),
      s('1391234567812345'), s('无'), n(13912345678), n(5535864150), n(0), n(1.5), { t: 'd', v: '2023-09-18' },
    ];
    for (const cell of cells) {
      const shared = parsePhoneCellShared(cell);
      expect(shared, JSON.stringify(cell)).toEqual(parsePhoneCell(cell));
      expect(Object.isFrozen(shared)).toBe(true);
      if (shared.kind === 'ok') expect(Object.isFrozen(shared.numbers)).toBe(true);
      expect(parsePhoneCellShared(cell)).toBe(shared);
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

  it('parseUrlShared gives what parseUrl gives', () => {
    for (const text of ['', 'https://www.example.com/x', 'www.example.com', '直播链接:https://live.cn/a?b=1', '无']) {
      expect(parseUrlShared(text)).toEqual(parseUrl(text));
    }
    expect(parseUrlShared('')).toBe(parseUrlShared(''));
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
      expect(matchListText(text, list)).toBe(m);
    }
  });

  it('remembers answers per list', () => {
    expect(matchListText('天文', ['天文']).unknown).toEqual([]);
    expect(matchListText('天文', ['地理']).unknown).toEqual(['天文']);
    expect(matchFromList('天文', ['天文'])).toBe('天文');
    expect(matchFromList('天文', ['地理'])).toBeUndefined();
  });
});
