/**
 * Limits of the feedback copies, apart from write-annotated.ts so that the merge can apply them
 * while reading without loading exceljs.
 */
import type { Workbook } from '../../core/table.js';

/**
 * Cells above which no highlighted copy is made (issue 13, item 15): exceljs holds about a
 * kilobyte per cell, and a 45 MiB CSV of 244,000 rows took the process past V8's heap limit
 * (exit 134). The unit still gets its reply; the clerk a finding saying why there is no copy.
 */
export const FEEDBACK_MAX_CELLS = 400_000;

/** The cells of a workbook, for FEEDBACK_MAX_CELLS. */
export function workbookCells(wb: Workbook): number {
  let n = 0;
  for (const s of wb.sheets) for (const r of s.rows) n += r ? r.length : 0;
  return n;
}
