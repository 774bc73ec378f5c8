import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/table.js';
import { ParseCache } from '../../src/core/values/parse-cache.js';
import { parseCountCell, parseCountText } from '../../src/core/values/parse-count.js';

describe('parseCountText — exact integers (SPEC §3)', () => {
  it.each<[string, number]>([
    ['200', 200],
    ['200人', 200],
    ['200人次', 200],
    ['２００', 200],
    ['２００人', 200],
    ['1,200', 1200],
    ['1，200', 1200],
    ['1,200,000', 1200000],
    ['2万', 20000],
    ['1.5万人', 15000],
    ['1.2万人次', 12000],
    ['3千人', 3000],
    ['预计200人', 200],
    [' 200 人 ', 200],
    ['50名', 50],
    ['200个', 200],
    ['200次', 200],
  ])('%s → %d', (input, value) => {
    expect(parseCountText(input)).toEqual({ kind: 'ok', value });
  });
});

describe('parseCountText — a word for who comes after the number (issue 13)', () => {
  it.each<[string, number]>([
    ['500居民', 500],
    ['200名学生', 200],
    ['300名辖区群众', 300],
    ['120位老年人', 120],
    ['40户村民', 40],
    ['150人（师生）', 150],
  ])('%s → %d', (input, value) => {
    expect(parseCountText(input)).toEqual({ kind: 'ok', value });
  });
});

describe('parseCountText — Chinese numerals (issue 13)', () => {
  it.each<[string, number]>([
    ['三百人', 300],
    ['二百人', 200],
    ['两百', 200],
    ['一千五百人', 1500],
    ['五十名学生', 50],
    ['十人', 10],
    ['两万', 20000],
    ['一万二千人次', 12000],
  ])('%s → %d', (input, value) => {
    expect(parseCountText(input)).toEqual({ kind: 'ok', value });
  });
});

describe('parseCountText — rounded figures are taken as written, approximate (count-approximate, info)', () => {
  it.each<[string, number]>([
    ['2000余群众', 2000],
    ['300余名辖区群众', 300],
    ['900多名学生', 900],
    ['约500居民', 500],
    ['60多名同学', 60],
    ['9万多名青少年', 90000],
    ['2万余人', 20000],
    ['约200人', 200],
    ['200余人', 200],
    ['200多人', 200],
    ['200左右', 200],
    ['200人左右', 200],
    ['200+', 200],
    ['200以上', 200],
    ['200人以上', 200],
    ['近千人', 1000],
    ['上百人', 100],
    ['二十余人', 20],
    ['三百多名居民', 300],
    ['预计约1500人次', 1500],
  ])('%s → %d', (input, value) => {
    expect(parseCountText(input)).toEqual({ kind: 'ok', value, approximate: true });
  });
});

describe('parseCountText — ranges take the UPPER end (count-range, warning)', () => {
  it.each<[string, number]>([
    ['50-80人', 80],
    ['100-200', 200],
    ['100~200人', 200],
    ['100～200人', 200],
    ['100—200', 200],
    ['100至200人', 200],
    ['100人-200人', 200],
    ['1-2万', 20000],
    ['200-100', 200],
    ['一百至两百人', 200],
    ['300-500名学生', 500],
  ])('%s → %d', (input, value) => {
    expect(parseCountText(input)).toEqual({ kind: 'ok', value, range: true });
  });
});

describe('parseCountText — invalid and empty', () => {
  it.each(['0', '0人', '-5', '200.5', '1.23456万', '线上1000人，线下200人', 'abc', '100-', '3个班', '5场', '80组亲子家庭', '三五人'])(
    '%s is invalid',
    (input) => {
      expect(parseCountText(input)).toEqual({ kind: 'invalid' });
    },
  );
  it.each(['若干', '不限', '待定', '人数不限', '数百人', '几十人', '不定'])('%s is invalid with a hint to estimate (vague)', (input) => {
    expect(parseCountText(input)).toEqual({ kind: 'invalid', reason: 'vague' });
  });
  it.each(['', '  ', '/', '无'])('%j is empty', (input) => {
    expect(parseCountText(input)).toEqual({ kind: 'empty' });
  });
});

describe('parseCountCell', () => {
  it.each<[string, Cell | undefined, ReturnType<typeof parseCountCell>]>([
    ['missing', undefined, { kind: 'empty' }],
    ['number', { t: 'n', v: 200 }, { kind: 'ok', value: 200 }],
    ['text', { t: 's', v: '约200人' }, { kind: 'ok', value: 200, approximate: true }],
    ['a fraction is not rounded', { t: 'n', v: 200.5 }, { kind: 'invalid' }],
    ['zero', { t: 'n', v: 0 }, { kind: 'invalid' }],
    ['negative', { t: 'n', v: -3 }, { kind: 'invalid' }],
    ['boolean', { t: 'b', v: false }, { kind: 'invalid' }],
    ['error', { t: 'e', v: '#VALUE!' }, { kind: 'invalid' }],
    ['date', { t: 'd', v: '2023-09-18' }, { kind: 'invalid' }],
  ])('%s', (_name, c, expected) => {
    expect(parseCountCell(c)).toEqual(expected);
  });

  it('the run cache gives the same results for the new kinds, asked twice', () => {
    const cache = new ParseCache();
    for (const v of ['2000余群众', '50-80人', '不限', '三百人', '9万多名青少年']) {
      const cell: Cell = { t: 's', v };
      expect(parseCountCell(cell, cache)).toEqual(parseCountCell(cell));
      expect(parseCountCell(cell, cache)).toEqual(parseCountCell(cell));
    }
  });
});
