/**
 * Stage 3: walk the rows under the header. Vertically merged cells give their value to every row
 * they cover; rows that are not activities (blank, 合计, the template's example, a notes block,
 * the signature line, a repeated header) are skipped and counted, so the merge can reconcile
 * read = merged + superseded + skipped.
 */
import type { FieldKey } from '../columns.js';
import { cellText, isBlankCell, type Cell } from '../table.js';
import { normalizeText } from '../values/fold-text.js';
import { lookupHeader } from '../locate/header-dictionary.js';
import { makeMergedGetter, makeOwnerAddress, type TableLayout } from '../locate/locate-table.js';

export interface RawField {
  cell: Cell | undefined;
  /** where the value lives: the top-left of its merge, so a person edits the right cell */
  address: string;
}

export interface RawRow {
  /** 0-based row index in the sheet */
  r: number;
  fields: Map<FieldKey, RawField>;
  unit?: RawField;
  extras: { header: string; cell: Cell | undefined }[];
}

export type SkipReason = 'blank' | 'total' | 'example' | 'notes' | 'signature' | 'header';

export interface ExtractedRows {
  /** rows walked under the header, counted on their own so the merge can check its reconciliation */
  read: number;
  rows: RawRow[];
  skipped: { r: number; reason: SkipReason }[];
}

const TOTAL = /^(合计|总计|小计|共计)/;
const EXAMPLE = /^[(（【\[]?(示例|样例|范例|例)[)）】\]]?\s*(\d+)?\s*[:：.、)）]?/;
const NOTES = /^(填表说明|填报说明|说明|备注|注)\s*[:：]|^(填表说明|填报说明)$|^注\s*\d*\s*[.、:：]/;
const SIGNATURE = /(填表人|审核人|填报人|制表人|负责人签字|单位负责人)\s*[:：]?/;

/** Fields whose text decides whether a row is an activity (序号 alone does not: templates pre-number rows). */
const CONTENT_FIELDS: FieldKey[] = [
  'name', 'category', 'form', 'field', 'mode', 'startDate', 'endDate', 'location', 'host', 'summary',
  'expectedCount', 'contact', 'phone', 'url',
];

export function extractRows(layout: TableLayout): ExtractedRows {
  const { sheet } = layout;
  const get = makeMergedGetter(sheet);
  const ownerOf = makeOwnerAddress(sheet);
  const lastRow = lastContentRow(sheet.rows);
  const rows: RawRow[] = [];
  const skipped: ExtractedRows['skipped'] = [];
  const firstCol = firstBoundColumn(layout);
  let inNotes = false;

  for (let r = layout.dataStart; r <= lastRow; r++) {
    if (inNotes) {
      skipped.push({ r, reason: 'notes' });
      continue;
    }
    const rowCells = sheet.rows[r] ?? [];
    const lead = leadingText(rowCells, firstCol);
    if (NOTES.test(lead)) {
      inNotes = true;
      skipped.push({ r, reason: 'notes' });
      continue;
    }
    const seqText = textOf(layout, 'seq', r, rowCells);
    const nameText = textOf(layout, 'name', r, rowCells);
    if (TOTAL.test(seqText) || TOTAL.test(nameText) || TOTAL.test(lead)) {
      skipped.push({ r, reason: 'total' });
      continue;
    }
    if (EXAMPLE.test(seqText) && seqText !== '' || /^[(（【\[]?(示例|样例|例)[)）】\]]?\s*[:：]/.test(nameText) || /^(示例|样例)/.test(nameText)) {
      skipped.push({ r, reason: 'example' });
      continue;
    }
    // content counts only from the row's own cells: a category merged down into an otherwise empty row is not an activity
    const ownContent = CONTENT_FIELDS.some((k) => {
      const b = layout.fields.get(k);
      return b !== undefined && !isBlankCell(rowCells[b.c]);
    });
    if (!ownContent) {
      const anyText = rowCells.map((c) => (isBlankCell(c) ? '' : cellText(c))).join('');
      skipped.push({ r, reason: SIGNATURE.test(anyText) ? 'signature' : 'blank' });
      continue;
    }
    if (isSignatureRow(rowCells)) {
      skipped.push({ r, reason: 'signature' });
      continue;
    }
    if (isRepeatedHeader(rowCells)) {
      skipped.push({ r, reason: 'header' });
      continue;
    }
    const fields = new Map<FieldKey, RawField>();
    for (const [key, b] of layout.fields) fields.set(key, { cell: get(r, b.c), address: ownerOf(r, b.c) });
    const row: RawRow = {
      r,
      fields,
      extras: layout.extras.map((b) => ({ header: b.header, cell: get(r, b.c) })),
    };
    if (layout.unitColumn) row.unit = { cell: get(r, layout.unitColumn.c), address: ownerOf(r, layout.unitColumn.c) };
    rows.push(row);
  }
  return { read: Math.max(0, lastRow - layout.dataStart + 1), rows, skipped };
}

function lastContentRow(rows: (Cell | undefined)[][]): number {
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r];
    if (row && row.some((c) => !isBlankCell(c))) return r;
  }
  return -1;
}

function firstBoundColumn(layout: TableLayout): number {
  let min = Infinity;
  for (const b of layout.fields.values()) min = Math.min(min, b.c);
  return Number.isFinite(min) ? min : 0;
}

/** The first non-empty text of the row from the table's first column: where notes and totals are written. */
function leadingText(row: (Cell | undefined)[], from: number): string {
  for (let c = Math.min(from, row.length); c < row.length; c++) {
    if (!isBlankCell(row[c])) return normalizeText(cellText(row[c]));
  }
  for (let c = 0; c < Math.min(from, row.length); c++) {
    if (!isBlankCell(row[c])) return normalizeText(cellText(row[c]));
  }
  return '';
}

function textOf(layout: TableLayout, key: FieldKey, r: number, row: (Cell | undefined)[]): string {
  const b = layout.fields.get(key);
  if (!b) return '';
  const cell = row[b.c];
  return isBlankCell(cell) ? '' : normalizeText(cellText(cell));
}

function isSignatureRow(row: (Cell | undefined)[]): boolean {
  let filled = 0;
  for (const c of row) if (!isBlankCell(c) && ++filled > 4) return false;
  const texts = row.filter((c) => !isBlankCell(c)).map((c) => normalizeText(cellText(c)));
  if (texts.length === 0 || texts.length > 4) return false;
  return texts.some((t) => /^(填表人|审核人|填报人|制表人|单位负责人)\s*[:：]/.test(t));
}

/** Longer cell text is never one of the dictionary's headers (the longest with its notes is ~30 characters). */
const MAX_HEADER_TEXT = 80;

function isRepeatedHeader(row: (Cell | undefined)[]): boolean {
  let hits = 0;
  for (const c of row) if (c && c.t === 's' && c.v.length <= MAX_HEADER_TEXT && lookupHeader(c.v)) hits++;
  return hits >= 4;
}
