/**
 * The master table (活动汇总表.xlsx, as the clerk edited it), read back through the normal
 * pipeline → the activities the follow-up tracker checks. The unit is the 填报单位 column; the
 * follow-up columns come back as extra columns (follow-up-columns.ts).
 */
import type { AnalyzedFile } from '../analyze-workbook.js';
import { parseDateText } from '../values/parse-date.js';
import { followUpValues } from './follow-up-columns.js';
import type { FollowUpActivity } from './track-follow-up.js';

/** the 填报单位 of a row the merge could not place (marked 单位不明 in the master) */
export const UNKNOWN_UNIT = '（单位不明）';

const YES = /^(是|已发布|已填报|已上传|已推优|推优|y|yes|√|✓|1)$/i;

export function activitiesFromMaster(master: AnalyzedFile, year: number): FollowUpActivity[] {
  const out: FollowUpActivity[] = [];
  for (const row of master.rows) {
    const a = row.activity;
    const v = a.values;
    const f = followUpValues(a.extras);
    let summaryDate = f.summaryDate;
    if (summaryDate) {
      // a date cell comes back as YYYY-MM-DD(THH:mm); a typed 9月28日 is read like any date
      const iso = /^(\d{4}-\d{2}-\d{2})/.exec(summaryDate)?.[1];
      const parsed = iso ? undefined : parseDateText(summaryDate, { year });
      summaryDate = iso ?? (parsed?.kind === 'ok' ? parsed.start : summaryDate);
    }
    const published = v.published ?? (a.raw.published && YES.test(a.raw.published.trim()) ? '是' : a.raw.published);
    out.push({
      row: a.row,
      ...(a.cells.name ? { cell: a.cells.name } : {}),
      unit: a.unitFromColumn || a.unit || master.unitLine.unit || UNKNOWN_UNIT,
      name: v.name ?? a.raw.name ?? '',
      ...(v.category ? { category: v.category } : {}),
      ...(v.mode ? { mode: v.mode } : a.raw.mode ? { mode: a.raw.mode } : {}),
      ...(v.startDate ? { startDate: v.startDate } : {}),
      ...(v.endDate ? { endDate: v.endDate } : {}),
      ...(v.url || a.raw.url ? { url: v.url ?? a.raw.url } : {}),
      ...(published ? { published } : {}),
      ...(v.contact ? { contact: v.contact } : {}),
      ...(v.phone || a.raw.phone ? { phone: v.phone ?? a.raw.phone } : {}),
      ...(f.newsLinks ? { newsLinks: f.newsLinks } : {}),
      ...(f.media ? { media: f.media } : {}),
      ...(summaryDate ? { summaryDate } : {}),
      proposed: f.proposed !== undefined && YES.test(f.proposed),
    });
  }
  return out;
}
