/**
 * Matching written values against the allowed lists (SPEC §1, §2). Every matcher returns the
 * canonical spelling from the list, or undefined when it is not sure — the rules then report
 * the value as written. Matching is deliberately conservative: a wrong guess would hide an error
 * the unit must fix, a missed guess only costs a warning.
 */
import { foldHeader, foldKey } from './fold-text.js';
import type { ParseCache } from './parse-cache.js';

/** A multi-valued cell (科普领域, 活动形式): split on 、 , ， ; ； / ／ | and white space. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；/／|｜\s\u3000]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** keys to compare: as folded, and without bracketed remarks (青少年…行动（学校）) */
function keysOf(text: string): string[] {
  const k = foldKey(text);
  const h = foldHeader(text);
  return h !== k && h !== '' ? [k, h] : [k];
}

/** the single candidate that satisfies `pred`, or undefined when none or several do */
function unique<T>(items: readonly T[], pred: (x: T) => boolean): T | undefined {
  const hits = items.filter(pred);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * 活动类别. Folded exact match (quotes and spaces optional: `"云上科普日"专项行动`), then a
 * unique containment of at least 4 characters either way: `青少年科技教育专项` and `云上科普日`
 * name one category; `主场活动` or `联合行动` name several and match none. `区级` is read as `区`
 * (区级主场活动) since that is how many units write the district level.
 */
export function matchCategory(text: string, categories: readonly string[], cache?: ParseCache): string | undefined {
  if (!cache) return matchCategoryUncached(text, foldList(categories));
  // answers remembered per list and text for the run: a list once used must stay as it is
  const memo = cache.categoryMatchesOf(categories);
  const hit = memo.get(text);
  if (hit !== undefined) return hit ?? undefined;
  return memo.add(text, (t) => matchCategoryUncached(t, cache.foldedListOf(categories, foldList)) ?? null) ?? undefined;
}

function matchCategoryUncached(text: string, folded: readonly { c: string; k: string }[]): string | undefined {
  const keys = keysOf(text).map((k) => k.replace(/^区级/, '区').replace(/^镇街级/, '镇街'));
  for (const k of keys) {
    const hit = folded.find((f) => f.k === k);
    if (hit) return hit.c;
  }
  for (const k of keys) {
    if (k.length < 4) continue;
    const hit = unique(folded, (f) => f.k.includes(k) || k.includes(f.k));
    if (hit) return hit.c;
  }
  return undefined;
}

export type Mode = '线下' | '线上' | '线上线下结合';

const ONLINE = /线上|网络|在线|云上|云端|网上|直播|online/;
const OFFLINE = /线下|现场|实地|面对面|offline/;
const BOTH = /结合|混合|同步|兼有/;

/**
 * 开展方式. Synonyms: 现场/实地 → 线下; 网络/在线/云上 → 线上; both kinds named (线上+线下,
 * 线上、线下, 线上线下, 现场+直播) or 结合 → 线上线下结合. A column headed 是否线上 holds 是/否,
 * which read as 线上/线下 (in a 开展方式 column 是 would be meaningless anyway).
 */
export function matchMode(text: string, cache?: ParseCache): Mode | undefined {
  if (!cache) return matchModeUncached(text);
  const hit = cache.modes.get(text);
  if (hit !== undefined) return hit ?? undefined;
  return cache.modes.add(text, (t) => matchModeUncached(t) ?? null) ?? undefined;
}

function matchModeUncached(text: string): Mode | undefined {
  const k = foldKey(text);
  if (k === '') return undefined;
  const on = ONLINE.test(k);
  const off = OFFLINE.test(k);
  if ((on && off) || BOTH.test(k)) return '线上线下结合';
  if (on) return '线上';
  if (off) return '线下';
  // only the bare words: 无 or 未 in a mode column is not an answer to 是否线上
  if (k === '是') return '线上';
  if (k === '否') return '线下';
  return undefined;
}

/** 街道办事处, 街道办, 街道, 镇, 乡 — the part of a town's name people leave out or add */
const TOWN_SUFFIX = /(?:街道办事处|街道办|办事处|街道|镇|乡)$/;

function stripTownSuffix(k: string): string {
  const s = k.replace(TOWN_SUFFIX, '');
  return s.length >= 2 ? s : k; // 二坝镇 → 二坝, but never down to a single character
}

/**
 * Any list (forms, fields, towns): folded exact match, then the same without bracketed
 * remarks, then with the town suffixes stripped on both sides (官陡, 官陡街道办 → 官陡街道;
 * 沈巷 → 沈巷镇). Each step must find exactly one entry.
 */
function foldList(list: readonly string[]): readonly { c: string; k: string }[] {
  return list.map((c) => ({ c, k: foldKey(c) }));
}

export function matchFromList(text: string, list: readonly string[], cache?: ParseCache): string | undefined {
  if (!cache) return matchFromListUncached(text, foldList(list));
  const memo = cache.listMatchesOf(list);
  const hit = memo.get(text);
  if (hit !== undefined) return hit ?? undefined;
  // the rules' lists are the same arrays for a whole run: folded once
  return memo.add(text, (t) => matchFromListUncached(t, cache.foldedListOf(list, foldList)) ?? null) ?? undefined;
}

function matchFromListUncached(text: string, folded: readonly { c: string; k: string }[]): string | undefined {
  const keys = keysOf(text);
  for (const k of keys) {
    const hit = unique(folded, (f) => f.k === k);
    if (hit) return hit.c;
  }
  for (const k of keys) {
    const bare = stripTownSuffix(k);
    const hit = unique(folded, (f) => stripTownSuffix(f.k) === bare);
    if (hit) return hit.c;
  }
  return undefined;
}

const YES = new Set(['是', '已', '已发布', '已填报', '已上传', '已报', '已录入', '已完成', '有', 'y', 'yes', '√', '✓', '✔', '☑', 'true', '1', '对']);
const NO = new Set(['否', '未', '未发布', '未填报', '未上传', '未报', '没有', '无', '不是', 'n', 'no', '×', '✗', '✘', 'x', '☐', 'false', '0']);

/** 已在科普日网站发布: 是/否 and the ways people write them; prefixes 已…/未…/尚未… too. */
export function matchYesNo(text: string, cache?: ParseCache): '是' | '否' | undefined {
  if (!cache) return matchYesNoUncached(text);
  const hit = cache.yesNo.get(text);
  if (hit !== undefined) return hit ?? undefined;
  return cache.yesNo.add(text, (t) => matchYesNoUncached(t) ?? null) ?? undefined;
}

function matchYesNoUncached(text: string): '是' | '否' | undefined {
  for (const k of keysOf(text)) {
    if (YES.has(k)) return '是';
    if (NO.has(k)) return '否';
  }
  const k = foldKey(text);
  if (/^(?:未|尚未|暂未|还未|没有)/.test(k)) return '否';
  if (/^已/.test(k)) return '是';
  return undefined;
}

/** A multi-valued cell read against a list: the canonical values, and the parts not in the list. */
export interface ListMatch {
  /** every part, canonical where recognised (frozen: shared between equal cells) */
  values: readonly string[];
  /** the parts not recognised, as written (frozen) */
  unknown: readonly string[];
  /** `values` joined with '、' */
  joined: string;
}

const NO_PARTS: readonly string[] = Object.freeze([]);

/**
 * `splitList(text)` with every part matched by `matchFromList`. With the run's cache, equal texts
 * give the same frozen result (never mutate it or its arrays).
 */
export function matchListText(text: string, list: readonly string[], cache?: ParseCache): ListMatch {
  if (!cache) return listMatchOf(text, list);
  const memo = cache.listTextsOf(list);
  return memo.get(text) ?? memo.add(text, (t) => listMatchOf(t, list, cache));
}

function listMatchOf(text: string, list: readonly string[], cache?: ParseCache): ListMatch {
  const values: string[] = [];
  const unknown: string[] = [];
  for (const p of splitList(text)) {
    const m = matchFromList(p, list, cache);
    if (m === undefined) unknown.push(p);
    values.push(m ?? p);
  }
  return Object.freeze({
    values: Object.freeze(values),
    unknown: unknown.length === 0 ? NO_PARTS : Object.freeze(unknown),
    joined: values.join('、'),
  });
}
