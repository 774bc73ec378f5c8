/**
 * Expected participants (预计参与人数, SPEC §3): a positive whole number.
 *
 * Read as integers, not approximate: `200`, `200人`, `200人次`, `约200人`, `200余人`, `200多人`,
 * `200左右`, `200+`, `200以上`, `２００`, `1,200`, `1，200`, `1.5万` (15000), `3千`. SPEC lists
 * 约 and 余 among the plain integers; 以上 / + / 左右 say the same kind of thing (a figure a
 * person rounded), so they are treated alike and not flagged.
 * Approximate: a range `100-200`, `100~200人`, `100至200` gives the lower end — the figure
 * reported upward must not be inflated — with `approximate` so count-approximate asks for one
 * number.
 * Invalid: 若干, 不限, 0, negatives, fractions (200.5 people is a typo, not something to round),
 * two unrelated numbers (线上1000人，线下200人), booleans and error cells.
 */
import type { Cell } from '../table.js';
import { foldWidth, freezeParse, ParseMemo } from './fold-text.js';

export type CountParse = { kind: 'empty' } | { kind: 'ok'; value: number; approximate?: boolean } | { kind: 'invalid' };

const INVALID: CountParse = Object.freeze({ kind: 'invalid' });
const PLACEHOLDER = /^(?:[-—–/\\_.。、]+|无|暂无|空)$/;

/**
 * No activity counts a billion visitors: a larger count (1e308 in a hostile file) is invalid, not
 * a number the totals would add up (issue 13, item 19).
 */
export const MAX_COUNT = 1_000_000_000;

export function parseCountCell(cell: Cell | undefined): CountParse {
  if (!cell) return { kind: 'empty' };
  if (cell.t === 's') {
    const parsed = parseCountText(cell.v);
    return parsed.kind === 'ok' && !(parsed.value <= MAX_COUNT) ? INVALID : parsed;
  }
  if (cell.t === 'n') return Number.isInteger(cell.v) && cell.v > 0 && cell.v <= MAX_COUNT ? { kind: 'ok', value: cell.v } : INVALID;
  return INVALID; // a date, TRUE or #N/A in a count column
}

/** one number: 1,200 / 1.5万 / 3千 → integer, or undefined when it is not a whole positive count */
const NUMBER = String.raw`(\d{1,3}(?:[,，]\d{3})+|\d+(?:\.\d+)?)\s*([万千])?`;
/** words around a count that do not change it */
const PREFIX = /^(?:约|大约|预计|预估|约计|共计|共|合计|计|近|超过|逾|不少于|不低于|至少)+/;
const SUFFIX = /^(?:余|多|来|左右|上下|以上|及以上|\+|人次|人数|人|名|位|个|户|家|次)*$/;

function toInteger(digits: string, unit: string | undefined): number | undefined {
  const n = Number(digits.replace(/[,，]/g, '')) * (unit === '万' ? 10000 : unit === '千' ? 1000 : 1);
  // 1.5万 is 15000; 1.23456万 is not a head count, and floating point must not make it look like one
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > 1e-6 || rounded <= 0) return undefined;
  return rounded;
}

export function parseCountText(text: string): CountParse {
  let s = foldWidth(text).replace(/[\s\u00a0\u3000]+/g, '');
  if (s === '' || PLACEHOLDER.test(s)) return { kind: 'empty' };
  s = s.replace(PREFIX, '');

  const range = new RegExp(`^${NUMBER}(?:人次|人|名)?(?:[-–—~〜～]+|至|到)${NUMBER}(.*)$`).exec(s);
  if (range) {
    const lo = toInteger(range[1], range[2] ?? range[4]); // 1-2万: the unit applies to both ends
    const hi = toInteger(range[3], range[4]);
    if (lo === undefined || hi === undefined || !SUFFIX.test(range[5])) return INVALID;
    return { kind: 'ok', value: Math.min(lo, hi), approximate: true };
  }

  const one = new RegExp(`^${NUMBER}(.*)$`).exec(s);
  if (!one || !SUFFIX.test(one[3])) return INVALID;
  const value = toInteger(one[1], one[2]);
  return value === undefined ? INVALID : { kind: 'ok', value };
}

const EMPTY_COUNT: CountParse = Object.freeze({ kind: 'empty' });
const COUNT_TEXT_MEMO = new ParseMemo<string, CountParse>();
const COUNT_NUMBER_MEMO = new ParseMemo<number, CountParse>();

/**
 * `parseCountCell` for the row pipeline: equal cells give the same frozen result object (never
 * mutate it). Results are equal (deep) to `parseCountCell`'s.
 */
export function parseCountCellShared(cell: Cell | undefined): CountParse {
  if (!cell) return EMPTY_COUNT;
  if (cell.t === 's') {
    const hit = COUNT_TEXT_MEMO.get(cell.v);
    return hit ?? COUNT_TEXT_MEMO.add(cell.v, () => freezeParse(parseCountCell(cell)));
  }
  if (cell.t === 'n') {
    const hit = COUNT_NUMBER_MEMO.get(cell.v);
    return hit ?? COUNT_NUMBER_MEMO.add(cell.v, () => freezeParse(parseCountCell(cell)));
  }
  return INVALID;
}
