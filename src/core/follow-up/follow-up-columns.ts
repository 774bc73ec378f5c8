/**
 * The follow-up columns of the master table (issue 15): what the clerk fills by hand in the second
 * round (SPEC §1 补充信息, 活动总结, 推优). They stand after the provenance columns; 已在科普日网站发布
 * is already a template column (`published`). A unit that already filled one of them in its own
 * schedule (as an extra column) has its value carried over by the merge.
 */
import { foldHeader } from '../values/fold-text.js';

export type FollowUpKey = 'newsLinks' | 'media' | 'summaryDate' | 'proposed';

export interface FollowUpColumn {
  key: FollowUpKey;
  label: string;
  synonyms: readonly string[];
  width: number;
}

export const FOLLOW_UP_COLUMNS: readonly FollowUpColumn[] = [
  { key: 'newsLinks', label: '新闻报道链接', synonyms: ['新闻链接', '报道链接', '新闻报道'], width: 24 },
  { key: 'media', label: '照片视频', synonyms: ['照片/视频', '照片、视频', '图片视频', '活动照片', '照片'], width: 14 },
  { key: 'summaryDate', label: '活动总结提交日期', synonyms: ['总结提交日期', '总结提交时间', '活动总结提交时间'], width: 14 },
  { key: 'proposed', label: '拟推优', synonyms: ['是否推优', '推优', '拟推荐优秀活动'], width: 8 },
];

const BY_FOLD = new Map<string, FollowUpKey>();
for (const c of FOLLOW_UP_COLUMNS) for (const h of [c.label, ...c.synonyms]) BY_FOLD.set(foldHeader(h), c.key);

/** The follow-up column a header (as written) stands for, if any. */
export function followUpKeyOf(header: string): FollowUpKey | undefined {
  return BY_FOLD.get(foldHeader(header));
}

/** The follow-up values among a row's extra columns (first of each kind wins). */
export function followUpValues(extras: readonly { header: string; value: string }[]): Partial<Record<FollowUpKey, string>> {
  const out: Partial<Record<FollowUpKey, string>> = {};
  for (const e of extras) {
    const key = followUpKeyOf(e.header);
    if (key && out[key] === undefined && e.value.trim() !== '') out[key] = e.value.trim();
  }
  return out;
}
