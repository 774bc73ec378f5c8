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
}

export function summaryRowsFromMerge(rows: readonly MergedRow[]): SummaryRowFacts[] {
  return rows.map((r) => {
    const v = r.activity.values;
    return {
      unit: r.unit,
      ...(v.category ? { category: v.category } : {}),
      ...(v.town ? { town: v.town } : {}),
      ...(v.startDate ? { startDate: v.startDate } : {}),
      ...(v.endDate ? { endDate: v.endDate } : {}),
      fields: v.field ?? [],
      hasError: r.hasError,
    };
  });
}
