import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/table.js';
import { parseCountCell, parseCountText } from '../../src/core/values/parse-count.js';

describe('parseCountText — integers (SPEC §3)', () => {
  it.each<[string, number]>([
    ['200', 200],
    ['200人', 200],
    ['约200人', 200],
    ['200余人', 200],
    ['200人次', 200],
    ['２００', 200],
    ['２００人', 200],
    ['1,200', 1200],
    ['1，200', 1200],
    ['1,200,000', 1200000],
    ['2万', 20000],
    ['1.5万人', 15000],
    ['3千人', 3000],
    ['200+', 200],
    ['200以上', 200],
    ['200人以上', 200],
    ['200多人', 200],
    ['200左右', 200],
    ['预计200人', 200],
    [' 200 人 ', 200],
    ['50名', 50],
  ])('%s → %d', (input, value) => {
    expect(parseCountText(input)).toEqual({ kind: 'ok', value });
  });
});

describe('parseCountText — ranges take the lower end, approximate', () => {
  it.each<[string, number]>([
    ['100-200', 100],
    ['100~200人', 100],
    ['100～200人', 100],
    ['100—200', 100],
    ['100至200人', 100],
    ['100人-200人', 100],
    ['1-2万', 10000],
    ['200-100', 100],
  ])('%s → %d', (input, value) => {
    expect(parseCountText(input)).toEqual({ kind: 'ok', value, approximate: true });
  });
});

describe('parseCountText — invalid and empty', () => {
  it.each(['若干', '不限', '待定', '0', '0人', '-5', '200.5', '1.23456万', '线上1000人，线下200人', 'abc', '二百人', '100-'])(
    '%s is invalid',
    (input) => {
      expect(parseCountText(input)).toEqual({ kind: 'invalid' });
    },
  );
  it.each(['', '  ', '/', '无'])('%j is empty', (input) => {
    expect(parseCountText(input)).toEqual({ kind: 'empty' });
  });
});

describe('parseCountCell', () => {
  it.each<[string, Cell | undefined, ReturnType<typeof parseCountCell>]>([
    ['missing', undefined, { kind: 'empty' }],
    ['number', { t: 'n', v: 200 }, { kind: 'ok', value: 200 }],
    ['text', { t: 's', v: '约200人' }, { kind: 'ok', value: 200 }],
    ['a fraction is not rounded', { t: 'n', v: 200.5 }, { kind: 'invalid' }],
    ['zero', { t: 'n', v: 0 }, { kind: 'invalid' }],
    ['negative', { t: 'n', v: -3 }, { kind: 'invalid' }],
    ['boolean', { t: 'b', v: false }, { kind: 'invalid' }],
    ['error', { t: 'e', v: '#VALUE!' }, { kind: 'invalid' }],
    ['date', { t: 'd', v: '2023-09-18' }, { kind: 'invalid' }],
  ])('%s', (_name, c, expected) => {
    expect(parseCountCell(c)).toEqual(expected);
  });
});
