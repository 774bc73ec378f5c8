/** Master rows → the per-activity facts the summary workbook counts. */
import type { MergedRow } from './assemble-merge.js';

export interface SummaryRowFacts {
  unit: string;
  category?: string;
  town?: string;
  startDate?: string;
  endDate?: string;
  fields: string[];
  hasError: boolean;
  /** 活动名称, 开展方式, 预计参与人数 (when read as a number), 联系人, 联系电话: for 总览 and 问题清单 */
  name?: string;
  mode?: string;
  expectedCount?: number;
  contact?: string;
  phone?: string;
  /** where the row was read (file and spreadsheet row), to put a finding next to its activity */
  file?: string;
  row?: number;
}

export function summaryRowsFromMerge(rows: readonly MergedRow[]): SummaryRowFacts[] {
  return rows.map((r) => {
    const v = r.activity.values;
    const raw = r.activity.raw;
    // a phone or name that did not read keeps the unit's text: 问题清单 shows what is there
    const name = v.name ?? raw.name;
    const contact = v.contact ?? raw.contact;
    const phone = v.phone ?? raw.phone;
    return {
      unit: r.unit,
      ...(v.category ? { category: v.category } : {}),
      ...(v.town ? { town: v.town } : {}),
      ...(v.startDate ? { startDate: v.startDate } : {}),
      ...(v.endDate ? { endDate: v.endDate } : {}),
      fields: v.field ?? [],
      hasError: r.hasError,
      ...(name ? { name } : {}),
      ...(v.mode ? { mode: v.mode } : {}),
      ...(typeof v.expectedCount === 'number' ? { expectedCount: v.expectedCount } : {}),
      ...(contact ? { contact } : {}),
      ...(phone ? { phone } : {}),
      file: r.activity.file,
      row: r.activity.row,
    };
  });
}
