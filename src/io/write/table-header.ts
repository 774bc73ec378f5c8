/**
 * The header row of a table in the workbooks our own writer makes (活动汇总表, 汇总统计): bold
 * labels on pale blue, thin grey borders, centred and wrapped. One place, so the master and the
 * summary keep the same look. (The upward copy has the city's plain black-bordered header.)
 */
import type { Alignment, Borders, Fill, XlsxRow } from './xlsx-writer.js';

export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LINE = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
export const THIN_BORDER: Borders = { top: LINE, left: LINE, bottom: LINE, right: LINE };
// one object for every header cell: the writer resolves a style object once (by identity)
const HEADER_ALIGN: Alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

/** Writes `labels` from column A of `row` in the header look, and sets the row's height. */
export function writeHeaderRow(row: XlsxRow, labels: readonly string[], height: number): void {
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = HEADER_ALIGN;
  });
  row.height = height;
}
