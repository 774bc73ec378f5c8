/**
 * Folded header text → field. Built once from COLUMNS (src/core/columns.ts), the single place
 * where headers and their synonyms live.
 */
import { followUpKeyOf } from '../follow-up/follow-up-columns.js';
import { COLUMNS, UNIT_COLUMN_SYNONYMS, type FieldKey } from '../columns.js';
import { foldHeader, ParseMemo } from '../values/fold-text.js';

/**
 * What a header names. `exact` is the template's own label; `contained` is set when the header was
 * bound by a known name inside it (暑期开放时间 by 时间, issue 13) and holds that name.
 */
export type HeaderTarget =
  | { readonly kind: 'field'; readonly key: FieldKey; readonly exact: boolean; readonly contained?: string }
  | { readonly kind: 'unit'; readonly contained?: string };

const DICTIONARY: ReadonlyMap<string, HeaderTarget> = (() => {
  const m = new Map<string, HeaderTarget>();
  // labels first so an exact label always wins over another column's synonym
  for (const col of COLUMNS) m.set(foldHeader(col.label), { kind: 'field', key: col.key, exact: true });
  for (const col of COLUMNS) {
    for (const syn of col.synonyms) {
      const k = foldHeader(syn);
      if (!m.has(k)) m.set(k, { kind: 'field', key: col.key, exact: false });
    }
  }
  for (const syn of UNIT_COLUMN_SYNONYMS) {
    const k = foldHeader(syn);
    if (!m.has(k)) m.set(k, { kind: 'unit' });
  }
  // common spellings beyond SPEC §2 that leave no doubt
  const extra: [string, FieldKey][] = [
    ['活动起始日期', 'startDate'],
    ['起始日期', 'startDate'],
    ['开始时间', 'startDate'],
    ['结束时间', 'endDate'],
    ['终止日期', 'endDate'],
    ['联系手机', 'phone'],
    ['联系人电话', 'phone'],
    ['联系人及电话', 'phone'],
    ['活动链接', 'url'],
    ['参与对象', 'audience'],
    ['所属镇(街)', 'town'],
    // city-wide tables name the county: 区县(市), 县区 (issue 13)
    ['地址', 'location'],
    ['对象', 'audience'],
    ['规模', 'expectedCount'],
    ['牵头单位', 'host'],
    ['区县', 'town'],
    ['县区', 'town'],
    ['是否在科普日网站发布', 'published'],
    ['是否已在科普日网站发布', 'published'],
  ];
  for (const [h, key] of extra) {
    const k = foldHeader(h);
    if (!m.has(k)) m.set(k, { kind: 'field', key, exact: false });
  }
  // shared by every lookup of every run
  for (const t of m.values()) Object.freeze(t);
  return m;
})();

/** Every character of every dictionary key: a folded header holding any other character is not in the dictionary. */
const KEY_CHARS: Uint8Array = (() => {
  const set = new Uint8Array(0x10000);
  for (const k of DICTIONARY.keys()) for (let i = 0; i < k.length; i++) set[k.charCodeAt(i)] = 1;
  return set;
})();

/**
 * A quick and exact "no": true when `foldHeader(text)` surely holds a character that no dictionary
 * key holds. A character before the first bracket survives folding unless it is white space, a
 * quote mark or a `*:※` marker (after width folding and lower-casing), so one such character
 * outside KEY_CHARS settles it. Brackets (which may remove anything after them) and characters
 * whose lower case is not known to be themselves end the scan undecided.
 */
export function surelyNotHeader(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0; // foldWidth
    if (code < 0x80) {
      // ( [ < open brackets: the rest may be removed
      if (code === 0x28 || code === 0x5b || code === 0x3c) return false;
      if (code >= 0x41 && code <= 0x5a)
        code += 0x20; // toLowerCase
      else if (code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x2a || code === 0x3a) continue; // space, quotes, * :
    } else if (code >= 0x3000 && code <= 0x9fff) {
      // CJK punctuation, kana and ideographs have no case; 【 〔 open brackets
      if (code === 0x3010 || code === 0x3014) return false;
      if (code === 0x3000 || (code >= 0x300c && code <= 0x300f) || (code >= 0x3008 && code <= 0x300b)) continue; // space, 「」『』〈〉《》
    } else if (code === 0x203b || (code >= 0x2018 && code <= 0x201d)) {
      continue; // ※ and ‘’“” are dropped by folding (‚‛ in between are kept, but skipping a character is always safe)
    } else {
      return false; // other scripts and spaces: let foldHeader decide
    }
    if (KEY_CHARS[code] === 0) return true;
  }
  return false;
}

/**
 * Header lookups by text as written; the same few headers and cell values come back on every row.
 *
 * This memo and LOOSE_CACHE below stay module-level rather than on the run's ParseCache: each is a
 * pure function of the header text over this module's constant dictionary (COLUMNS, never the run's
 * Config), so nothing one run or test does can change another's answer; the shared results are
 * frozen; and a ParseMemo is bounded (cleared at 4,096 texts). Threading a cache in would add a
 * parameter to locateTable, bindColumns and extract-rows' header scan for no change in any answer.
 */
const LOOKUP_CACHE = new ParseMemo<string, HeaderTarget | null>(4096);

export function lookupHeader(text: string): HeaderTarget | undefined {
  if (surelyNotHeader(text)) return undefined;
  const cached = LOOKUP_CACHE.get(text);
  if (cached !== undefined) return cached ?? undefined;
  return (
    LOOKUP_CACHE.add(text, (t) => {
      const k = foldHeader(t);
      return (k === '' ? undefined : DICTIONARY.get(k)) ?? null;
    }) ?? undefined
  );
}

/** Sub-headers under a spanning 活动时间 / 活动日期 parent in a two-row header. */
const START_WORDS = new Set(['开始', '起', '起始', '开始日期', '开始时间', '自']);
const END_WORDS = new Set(['结束', '止', '截止', '结束日期', '结束时间', '至']);

export function lookupDateSubHeader(text: string): 'startDate' | 'endDate' | undefined {
  const k = foldHeader(text);
  if (START_WORDS.has(k)) return 'startDate';
  if (END_WORDS.has(k)) return 'endDate';
  return undefined;
}

// ---------------------------------------------------------------- known names inside a header (issue 13)

/** Longest header text read for a known name inside it: a header with a few words around a name. */
const LOOSE_MAX_LENGTH = 12;
/** At most this many characters around the known name. */
const LOOSE_MAX_EXTRA = 6;
/** Labels of the unit line and the signature line, never table headers: 填报日期, 填表说明, 审核人. */
const NOT_A_TABLE_HEADER = /^(?:填报|填表|报送|申报|审核|制表|盖章)/;

/**
 * Two names in one header that still make one column: 联系人及电话 is the phone column (and its
 * names are the contact, see parse-phone), 主办单位名称 the host.
 */
const PAIRS: readonly [string, string, FieldKey][] = [
  ['contact', 'phone', 'phone'],
  ['host', 'unit', 'host'],
  ['organizer', 'unit', 'organizer'],
];

/**
 * Names too general to bind by when other words stand around them: 场馆名称 is no activity name,
 * 参与单位 no submitting unit, 活动说明 no remark.
 */
const NOT_INSIDE = new Set(['单位', '名称', '说明']);
const DICTIONARY_KEYS: readonly string[] = [...DICTIONARY.keys()].filter((k) => k.length >= 2 && !NOT_INSIDE.has(foldHeader(k)));
/** A date that is not the activity's: 报名时间, 截止时间, 发布日期. */
const NOT_ACTIVITY_DATE = /报名|截止|发布|更新|填报|出生/;
/** The unit's own kind or address (单位类别, 单位地址) is not the activity's; its phone or name still is. */
const UNIT_OWN = new Set<string>(['host', 'organizer', 'unit', 'phone', 'contact']);

const targetId = (t: HeaderTarget) => (t.kind === 'field' ? t.key : 'unit');

/** Module-level for the reason given at LOOKUP_CACHE. */
const LOOSE_CACHE = new ParseMemo<string, HeaderTarget | null>(4096);

/**
 * `lookupHeader`, or else the one known name inside a short header (暑期开放时间 → 开始日期 by 时间,
 * 咨询联系方式 → 联系电话, 具体地点 → 活动地点), returned with `contained` set. Only for finding the
 * header row and binding its columns: a data cell is never read this way. A header naming two
 * different fields (活动名称及内容) binds nothing; a cell with a colon (a 联系人：… label), digits,
 * or a unit-line word (填报日期) is not a table header.
 */
export function lookupHeaderLoose(text: string): HeaderTarget | undefined {
  const exact = lookupHeader(text);
  if (exact) return exact;
  if (text.length > 40 || /[:：\d]/.test(text)) return undefined;
  // a follow-up column of the master (新闻报道链接, 活动总结提交日期) is its own column, never 活动网址
  // or a date by a name inside it: it stays an extra, which merge carries into its column (issue 15)
  if (followUpKeyOf(text)) return undefined;
  const cached = LOOSE_CACHE.get(text);
  if (cached !== undefined) return cached ?? undefined;
  return LOOSE_CACHE.add(text, (t) => findContained(foldHeader(t)) ?? null) ?? undefined;
}

function findContained(k: string): HeaderTarget | undefined {
  if (k.length < 3 || k.length > LOOSE_MAX_LENGTH || NOT_A_TABLE_HEADER.test(k)) return undefined;
  // every occurrence of every known name, then only the spans no longer one covers (时间 in 开展时间)
  const spans: { s: number; e: number; key: string }[] = [];
  for (const key of DICTIONARY_KEYS) {
    if (key.length >= k.length) continue;
    for (let i = k.indexOf(key); i >= 0; i = k.indexOf(key, i + 1)) spans.push({ s: i, e: i + key.length, key });
  }
  if (spans.length === 0) return undefined;
  const maximal = spans.filter((a) => !spans.some((b) => b !== a && b.s <= a.s && b.e >= a.e && b.e - b.s > a.e - a.s));
  const targets = new Map<string, { t: HeaderTarget; key: string }>();
  for (const m of maximal) {
    const t = DICTIONARY.get(m.key)!;
    const id = targetId(t);
    const had = targets.get(id);
    if (!had || m.key.length > had.key.length) targets.set(id, { t, key: m.key });
  }
  let chosen: { t: HeaderTarget; key: string } | undefined;
  if (targets.size === 1) chosen = [...targets.values()][0];
  else if (targets.size === 2) {
    const pair = PAIRS.find(([a, b]) => targets.has(a) && targets.has(b));
    if (pair) chosen = targets.get(pair[2]);
  }
  if (!chosen) return undefined;
  const id = targetId(chosen.t);
  if ((id === 'startDate' || id === 'endDate' || id === 'timeSlot') && NOT_ACTIVITY_DATE.test(k)) return undefined;
  if (k.includes('单位') && !UNIT_OWN.has(id)) return undefined;
  const longest = Math.max(...maximal.map((m) => m.e - m.s));
  if (k.length - longest > LOOSE_MAX_EXTRA) return undefined;
  const t = chosen.t;
  return Object.freeze(t.kind === 'field' ? { kind: 'field', key: t.key, exact: false, contained: chosen.key } : { kind: 'unit', contained: chosen.key });
}
