/**
 * Folded header text → field. Built once from COLUMNS (src/core/columns.ts), the single place
 * where headers and their synonyms live.
 */
import { COLUMNS, UNIT_COLUMN_SYNONYMS, type FieldKey } from '../columns.js';
import { foldHeader, ParseMemo } from '../values/fold-text.js';

export type HeaderTarget = { kind: 'field'; key: FieldKey; exact: boolean } | { kind: 'unit' };

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
    ['是否在科普日网站发布', 'published'],
    ['是否已在科普日网站发布', 'published'],
  ];
  for (const [h, key] of extra) {
    const k = foldHeader(h);
    if (!m.has(k)) m.set(k, { kind: 'field', key, exact: false });
  }
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
      if (code >= 0x41 && code <= 0x5a) code += 0x20; // toLowerCase
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

/** Header lookups by text as written; the same few headers and cell values come back on every row. */
const LOOKUP_CACHE = new ParseMemo<string, HeaderTarget | null>(4096);

export function lookupHeader(text: string): HeaderTarget | undefined {
  if (surelyNotHeader(text)) return undefined;
  const cached = LOOKUP_CACHE.get(text);
  if (cached !== undefined) return cached ?? undefined;
  return LOOKUP_CACHE.add(text, (t) => {
    const k = foldHeader(t);
    return (k === '' ? undefined : DICTIONARY.get(k)) ?? null;
  }) ?? undefined;
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
