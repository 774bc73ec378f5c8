/**
 * Folded header text → field. Built once from COLUMNS (src/core/columns.ts), the single place
 * where headers and their synonyms live.
 */
import { COLUMNS, UNIT_COLUMN_SYNONYMS, type FieldKey } from '../columns.js';
import { foldHeader } from '../values/fold-text.js';

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

export function lookupHeader(text: string): HeaderTarget | undefined {
  const k = foldHeader(text);
  if (k === '') return undefined;
  return DICTIONARY.get(k);
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
