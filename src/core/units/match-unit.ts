/**
 * Match a unit name as written (in a 填报单位 line, a file name, an email) to the roster (SPEC §4).
 *
 * `match` tries, in order, and the first level that gives an answer wins:
 * 1. exact — the name equals a roster name after `foldKey` (width, white space, case only);
 * 2. alias — it equals one of a unit's aliases after `foldKey`;
 * 3. folded — `foldUnitName` equal to a roster name's fold (某区官陡街道科协 = 官陡街道);
 *    an empty fold of an association name (某市某区科学技术协会) is the roster's 区科协 unit;
 * 4. alias — `foldUnitName` equal to an alias's fold;
 * 5. folded — the folds equal without a town tail 街道/镇/乡 (官陡 = 官陡街道, 湾里街道 = 湾里),
 *    at least two characters left.
 * Levels 3–5 answer only when exactly one roster unit qualifies: an ambiguous name is no match.
 *
 * `nearest` is only a hint for `unit-unknown` ("是否为 官陡街道?"): the unit whose folded name or
 * alias is closest by edit distance, when the distance is at most max(1, floor(len/3)) of the
 * input's fold and no other unit is as close.
 */
import { distance } from 'fastest-levenshtein';
import type { RosterUnit } from '../config/schema.js';
import { foldKey } from '../values/fold-text.js';
import { foldUnitName, isAssociationName, looksLikeUnitName, townBase } from './fold-unit-name.js';

export interface UnitMatch {
  unit: RosterUnit;
  how: 'exact' | 'alias' | 'folded';
}

export interface UnitMatcher {
  match(name: string): UnitMatch | undefined;
  /** an address as `a@b.cn`, `<a@b.cn>`, `张三 <a@b.cn>` or `mailto:a@b.cn`; case-insensitive */
  matchEmail(address: string): RosterUnit | undefined;
  nearest(name: string): { unit: RosterUnit; distance: number } | undefined;
  /**
   * The roster unit whose name or alias appears inside `text` (a file name or subject fragment):
   * the longest such key wins; undefined when none, or when two units tie. A key followed by
   * another unit's name (官陡街道中心小学) does not count: that is a different unit.
   */
  searchIn(text: string): RosterUnit | undefined;
}

interface Entry {
  unit: RosterUnit;
  key: string;
  aliasKeys: string[];
  fold: string;
  aliasFolds: string[];
  /** folds without the town tail, for level 5 */
  bases: string[];
  emails: string[];
  /** every non-empty key this unit may be found by inside a text, for `searchIn` */
  needles: string[];
}

/** Extract the bare address of `张三 <A@B.cn>` / `mailto:a@b.cn`, lower-cased. */
export function emailKey(address: string): string {
  const s = address.trim();
  const angle = /<([^<>]+)>/.exec(s);
  let a = angle ? angle[1] : s;
  a = a.replace(/^mailto:/i, '');
  // starts only at the start of a word: linear on a long run without '@' (issue 13)
  const m = /(?<![^\s<>"'(),;:])[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/.exec(a);
  return (m ? m[0] : a).trim().toLowerCase();
}

function unique<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

export function createUnitMatcher(roster: RosterUnit[], prefixes: string[]): UnitMatcher {
  const entries = roster.map((unit) => buildEntry(unit, prefixes));
  return {
    match: (name) => matchName(entries, prefixes, name),
    matchEmail: (address) => matchEmailAddress(entries, address),
    nearest: (name) => findNearest(entries, prefixes, name),
    searchIn: (text) => searchText(entries, prefixes, text),
  };
}

/** A roster unit with every key it can be matched by, folded once. */
function buildEntry(unit: RosterUnit, prefixes: string[]): Entry {
  const aliases = unit.aliases ?? [];
  const key = foldKey(unit.name);
  const aliasKeys = aliases.map(foldKey).filter((k) => k !== '');
  const fold = foldUnitName(unit.name, prefixes);
  const aliasFolds = aliases.map((a) => foldUnitName(a, prefixes)).filter((k) => k !== '');
  const bases = [fold, ...aliasFolds]
    .filter((k) => k !== '')
    .map(townBase)
    .filter((b) => b.length >= 2);
  // town bases (官陡) are not needles: 湾里小学 is not 湾里街道
  const needles = [...new Set([key, ...aliasKeys, fold, ...aliasFolds])].filter((k) => k.length >= 2);
  return {
    unit,
    key,
    aliasKeys,
    fold,
    aliasFolds,
    bases,
    emails: (unit.emails ?? []).map(emailKey).filter((e) => e !== ''),
    needles,
  };
}

/** distinct units only: one unit listed twice (name and alias) is still one */
function distinctUnits(es: Entry[]): Entry[] {
  return [...new Set(es)];
}

/** Levels 1–5 of the header comment, in order. */
function matchName(entries: Entry[], prefixes: string[], name: string): UnitMatch | undefined {
  const k = foldKey(name);
  if (k === '') return undefined;

  const exact = entries.find((e) => e.key === k);
  if (exact) return { unit: exact.unit, how: 'exact' };

  const alias = entries.find((e) => e.aliasKeys.includes(k));
  if (alias) return { unit: alias.unit, how: 'alias' };

  const f = foldUnitName(name, prefixes);
  if (f === '') return matchDistrictAssociation(entries, name);
  return matchFolded(entries, f);
}

/** An empty fold: only an association name (某市某区科学技术协会) means something, the 区科协 unit. */
function matchDistrictAssociation(entries: Entry[], name: string): UnitMatch | undefined {
  if (!isAssociationName(name)) return undefined;
  const district = unique(distinctUnits(entries.filter((e) => e.unit.kind === '区科协' || (e.fold === '' && isAssociationName(e.unit.name)))));
  return district ? { unit: district.unit, how: 'folded' } : undefined;
}

/** Levels 3–5 for a non-empty fold `f`: a level with candidates answers, even when ambiguous (no match). */
function matchFolded(entries: Entry[], f: string): UnitMatch | undefined {
  const byFold = distinctUnits(entries.filter((e) => e.fold === f));
  if (byFold.length > 0) {
    const one = unique(byFold);
    return one ? { unit: one.unit, how: 'folded' } : undefined;
  }

  const byAliasFold = distinctUnits(entries.filter((e) => e.aliasFolds.includes(f)));
  if (byAliasFold.length > 0) {
    const one = unique(byAliasFold);
    return one ? { unit: one.unit, how: 'alias' } : undefined;
  }

  const base = townBase(f);
  if (base.length >= 2) {
    const one = unique(distinctUnits(entries.filter((e) => e.bases.includes(base))));
    if (one) return { unit: one.unit, how: 'folded' };
  }
  return undefined;
}

function matchEmailAddress(entries: Entry[], address: string): RosterUnit | undefined {
  const a = emailKey(address);
  if (a === '' || !a.includes('@')) return undefined;
  return entries.find((e) => e.emails.includes(a))?.unit;
}

function findNearest(entries: Entry[], prefixes: string[], name: string): { unit: RosterUnit; distance: number } | undefined {
  const f = foldUnitName(name, prefixes);
  if (f === '') return undefined;
  const fBase = townBase(f);
  let best: { entry: Entry; d: number } | undefined;
  let tie = false;
  for (const e of entries) {
    const d = entryDistance(e, f, fBase);
    if (d === Infinity) continue;
    if (!best || d < best.d) {
      best = { entry: e, d };
      tie = false;
    } else if (d === best.d && best.entry !== e) {
      tie = true;
    }
  }
  if (!best || tie) return undefined;
  return { unit: best.entry.unit, distance: best.d };
}

/** The smallest close-enough distance from the fold `f` (or its town base) to the entry's folds; Infinity when none is close. */
function entryDistance(e: Entry, f: string, fBase: string): number {
  let d = Infinity;
  for (const cand of [e.fold, ...e.aliasFolds]) {
    if (cand === '') continue;
    const full = distance(f, cand);
    if (full <= Math.max(1, Math.floor(f.length / 3))) d = Math.min(d, full);
    const cBase = townBase(cand);
    if (fBase.length >= 2 && cBase.length >= 2) {
      const bd = distance(fBase, cBase);
      if (bd <= Math.max(1, Math.floor(fBase.length / 3))) d = Math.min(d, bd);
    }
  }
  return d;
}

interface TextHit {
  at: number;
  len: number;
  /** not followed by another unit's name */
  usable: boolean;
}

function searchText(entries: Entry[], prefixes: string[], text: string): RosterUnit | undefined {
  const k = foldKey(text);
  if (k.length < 2) return undefined;
  // every roster unit named in the text, by its longest key (where it stands, and whether it is
  // followed by another unit's name: 官陡街道中心小学 is a school, not the street)
  const hits: (TextHit & { entry: Entry })[] = [];
  for (const e of entries) {
    const hit = findEntryInText(e, k, prefixes);
    if (hit) hits.push({ entry: e, ...hit });
  }
  if (hits.length === 0) return undefined;
  // two units named side by side (沈巷镇二坝镇): no guess. Overlapping keys (卫生健康 inside
  // 卫生健康委员会) are one name, and the longest wins.
  const longest = hits.reduce((a, b) => (b.len > a.len ? b : a));
  const others = hits.filter((h) => h !== longest);
  if (others.some((h) => h.at >= longest.at + longest.len || h.at + h.len <= longest.at)) return undefined;
  if (others.some((h) => h.len === longest.len)) return undefined;
  return longest.usable ? longest.entry.unit : undefined;
}

/** The entry's best occurrence in the folded text `k`: a usable one first, then the longest key. */
function findEntryInText(e: Entry, k: string, prefixes: string[]): TextHit | undefined {
  let hit: TextHit | undefined;
  for (const n of e.needles) {
    for (let at = k.indexOf(n); at >= 0; at = k.indexOf(n, at + 1)) {
      const rest = foldUnitName(k.slice(at + n.length), prefixes);
      const usable = !(rest !== '' && looksLikeUnitName(rest));
      if (!hit || (usable && !hit.usable) || (usable === hit.usable && n.length > hit.len)) hit = { at, len: n.length, usable };
    }
  }
  return hit;
}
