/**
 * Expected participants (预计参与人数, SPEC §3 as amended by issue 13): a positive whole number,
 * read the way people write it.
 *
 * Exact: `200`, `200人`, `200人次`, `２００`, `1,200`, `1，200`, `1.2万人次` (12000), `3千`,
 * `三百人`, `一千五百`, `两万` (Chinese numerals), `预计200人`, and a word for who comes after
 * the number: `500居民`, `200名学生`, `300名辖区群众`.
 * Approximate (`approximate`, reported as count-approximate, info): the number a person rounded —
 * `2000余群众`, `900多名学生`, `约500居民`, `9万多名青少年` (90000), `200左右`, `200+`, `200以上`,
 * `近千人`, `上百人`. The number is taken as written.
 * A range (`range`, reported as count-range, warning): `50-80人`, `100~200人`, `1-2万` takes the
 * UPPER end — the room and the materials are planned for the larger figure — and asks for one
 * number.
 * Invalid: 若干, 不限, 不定, 数百 (with `reason: 'vague'`, so the message asks for an estimate),
 * 0, negatives, fractions (200.5 people is a typo), two unrelated numbers (线上1000人，线下200人),
 * a count of something other than people (3个班, 5场), booleans and error cells.
 */
import type { Cell } from '../table.js';
import { foldWidth, freezeParse } from './fold-text.js';
import type { ParseCache } from './parse-cache.js';

export type CountParse = Readonly<
  { kind: 'empty' } | { kind: 'ok'; value: number; approximate?: boolean; range?: boolean } | { kind: 'invalid'; reason?: 'vague' }
>;

const INVALID: CountParse = Object.freeze({ kind: 'invalid' });
const VAGUE: CountParse = Object.freeze({ kind: 'invalid', reason: 'vague' });
const EMPTY_COUNT: CountParse = Object.freeze({ kind: 'empty' });
const PLACEHOLDER = /^(?:[-—–/\\_.。、]+|无|暂无|空)$/;
/** words that say "no figure": the message asks for an estimate instead of a format fix */
const VAGUE_WORDS = /^(?:若干|不限|不定|不详|待定|未定|视情况|视情况而定|人数不限|数[十百千万]|几[十百千万]|多人|众多|较多|大量|很多)/;

/**
/**
 * No activity counts a billion visitors: a larger count (1e308 in a hostile file) is invalid, not
 * a number the totals would add up (issue 13, item 19).
 */
export const MAX_COUNT = 1_000_000_000;

/**
 * A count cell. With the run's cache, equal cells give one shared frozen result (see parse-cache.ts).
 */
export function parseCountCell(cell: Cell | undefined, cache?: ParseCache): CountParse {
  if (!cell) return EMPTY_COUNT;
  if (cache) {
    if (cell.t === 's') return cache.countTexts.get(cell.v) ?? cache.countTexts.add(cell.v, (v) => freezeParse(countOfText(v)));
    if (cell.t === 'n') return cache.countNumbers.get(cell.v) ?? cache.countNumbers.add(cell.v, () => freezeParse(countOfNumber(cell.v)));
  }
  if (cell.t === 's') return countOfText(cell.v);
  if (cell.t === 'n') return countOfNumber(cell.v);
  return INVALID; // a date, TRUE or #N/A in a count column
}

function countOfNumber(v: number): CountParse {
  return Number.isInteger(v) && v > 0 && v <= MAX_COUNT ? { kind: 'ok', value: v } : INVALID;
}

function countOfText(text: string): CountParse {
  const parsed = parseCountText(text);
  return parsed.kind === 'ok' && !(parsed.value <= MAX_COUNT) ? INVALID : parsed;
}

/** one number: 1,200 / 1.5万 / 3千 / 9万多 → integer, or undefined when it is not a whole positive count */
const NUMBER = String.raw`(\d{1,3}(?:[,，]\d{3})+|\d+(?:\.\d+)?)\s*([万千百])?`;
/** words before a count that do not change it */
const PREFIX = /^(?:预计|预估|估计|计划|拟|共计|共|合计|总计|计)+/;
/** words before a count that make it a rounded figure */
const APPROX_PREFIX = /^(?:约计|大约|约|近|将近|接近|超过|逾|不少于|不低于|至少|上)+/;
/** words right after the number that make it a rounded figure: 2000余, 900多, 9万多 */
const APPROX_AFTER = /^(?:余|多|来|左右|上下|以上|及以上|\+)/;
/** words at the end that make it a rounded figure: 200人左右 */
const APPROX_END = /(?:左右|上下|以上|及以上|以内|以下|之间|\+)$/;
/** measure words for people; a count of anything else (3个班, 5场) is not a head count */
const PEOPLE = /^(?:人次|人数|人|名|位|户|家|个)/;
/** what may follow: a word for who comes (群众, 辖区群众, 学生, 青少年, 亲子家庭); CJK only, no digits */
const WHO = /^[\u4e00-\u9fff、，,及和与·]*$/;
/** counts of things, not people, right after the number or its measure word */
const NOT_PEOPLE = /^(?:个)?(?:班|场|期|批|组|队|所|校|天|日|小时|元|块|套|份|件|本|册|张|项|个单位|个村)/;

function toInteger(digits: string, unit: string | undefined): number | undefined {
  const mult = unit === '万' ? 10000 : unit === '千' ? 1000 : unit === '百' ? 100 : 1;
  const n = Number(digits.replace(/[,，]/g, '')) * mult;
  // 1.5万 is 15000; 1.23456万 is not a head count, and floating point must not make it look like one
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > 1e-6 || rounded <= 0) return undefined;
  return rounded;
}

/** What may follow a number: approximation words, a measure word, a word for who. */
function readTail(tail: string): { ok: boolean; approximate: boolean } {
  let s = tail;
  let approximate = false;
  const after = APPROX_AFTER.exec(s);
  if (after) {
    approximate = true;
    s = s.slice(after[0].length);
  }
  if (NOT_PEOPLE.test(s)) return { ok: false, approximate };
  const people = PEOPLE.exec(s);
  if (people) s = s.slice(people[0].length);
  // 人次 may also come at the very end: 300余名群众（人次） is folded before this
  for (let guard = 0; guard < 3; guard++) {
    const end = APPROX_END.exec(s);
    if (!end) break;
    approximate = true;
    s = s.slice(0, s.length - end[0].length);
  }
  s = s.replace(/(?:人次|人)$/, '');
  return { ok: WHO.test(s), approximate };
}

export function parseCountText(text: string): CountParse {
  let s = chineseNumberToDigits(foldWidth(text).replace(/[\s\u00a0\u3000]+/g, ''));
  if (s === '' || PLACEHOLDER.test(s)) return { kind: 'empty' };
  // a bracketed remark (人次), （预计） says nothing more about the figure
  s = s.replace(/[(（][^()（）]*[)）]/g, '');
  if (s === '') return INVALID;
  let approximate = false;
  for (let guard = 0; guard < 3; guard++) {
    const before = s;
    s = s.replace(PREFIX, '');
    const a = APPROX_PREFIX.exec(s);
    if (a) {
      approximate = true;
      s = s.slice(a[0].length);
    }
    if (s === before) break;
  }
  if (VAGUE_WORDS.test(s)) return VAGUE;

  const range = new RegExp(`^${NUMBER}(?:人次|人|名)?(?:[-–—~〜～]+|至|到)${NUMBER}(.*)$`).exec(s);
  if (range) {
    const lo = toInteger(range[1], range[2] ?? range[4]); // 1-2万: the unit applies to both ends
    const hi = toInteger(range[3], range[4]);
    if (lo === undefined || hi === undefined || !readTail(range[5]).ok) return INVALID;
    return { kind: 'ok', value: Math.max(lo, hi), range: true };
  }

  const one = new RegExp(`^${NUMBER}(.*)$`).exec(s);
  if (!one) return INVALID;
  const tail = readTail(one[3]);
  if (!tail.ok) return INVALID;
  const value = toInteger(one[1], one[2]);
  if (value === undefined) return INVALID;
  return approximate || tail.approximate ? { kind: 'ok', value, approximate: true } : { kind: 'ok', value };
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Chinese numerals → digits: 三百 → 300, 一千五百 → 1500, 两万 → 20000, 十 → 10, 一万二千 → 12000.
 * Only a run that starts the text (after approximation words) or follows one is touched; a lone
 * 百/千/万 after a digit stays a unit (3千, 1.5万) and is read by NUMBER. 近千 / 上百 are read as
 * 1000 / 100 (an approximation word stands before them).
 */
function chineseNumberToDigits(s: string): string {
  return s.replace(/(^|约|近|逾|超过|上|至|到|[-–—~〜～])([零〇一二两三四五六七八九十百千万]+)/g, (all, lead: string, run: string, offset: number) => {
    // 3千 / 1.5万 / 1-2万: a unit after digits is not a numeral of its own
    if (/^[百千万]/.test(run) && /\d$/.test(s.slice(0, offset + lead.length))) return all;
    const n = readChineseNumber(run);
    return n === undefined ? all : lead + String(n);
  });
}

function readChineseNumber(run: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of run) {
    if (ch in CN_DIGIT) {
      if (digit !== undefined) return undefined; // 三五 is not a number
      digit = CN_DIGIT[ch];
    } else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch];
      digit = undefined;
    } else if (ch === '万') {
      total = (total + section + (digit ?? 0)) * 10000;
      if (total === 0) total = 10000;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  const n = total + section + (digit ?? 0);
  return n > 0 ? n : undefined;
}
