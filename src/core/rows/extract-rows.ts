/**
 * Stage 3: walk the rows under the header. Vertically merged cells give their value to every row
 * they cover; rows that are not activities (blank, 合计, the template's example, a notes block,
 * the signature line, a repeated header) are skipped and counted, so the merge can reconcile
 * read = merged + superseded + skipped.
 */
import type { FieldKey } from '../columns.js';
import { addressOf, cellText, isBlankCell, type Cell, type CellRange } from '../table.js';
import { normalizeText } from '../values/fold-text.js';
import { lookupHeader } from '../locate/header-dictionary.js';
import { type CellGetter, type ColumnBinding, makeMergedGetter, makeOwnerAddress, type TableLayout } from '../locate/locate-table.js';
import type { FieldColumns } from './row-cells.js';

export interface RawField {
  cell: Cell | undefined;
  /** where the value lives: the top-left of its merge, so a person edits the right cell */
  address: string;
}

export interface RawRow {
  /** 0-based row index in the sheet */
  r: number;
  fields: Map<FieldKey, RawField>;
  /**
   * Set when every field's address is its own cell in row `r` (no merge reaches the row): the
   * file's field → column map, shared by all such rows, so addresses can be made on demand.
   */
  columns?: FieldColumns;
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
const EXAMPLE = /^[(（【[]?(示例|样例|范例|例)[)）】\]]?\s*(\d+)?\s*[:：.、)）]?/;
const NOTES = /^(填表说明|填报说明|说明|备注|注)\s*[:：]|^(填表说明|填报说明)$|^注\s*\d*\s*[.、:：]/;
const SIGNATURE = /(填表人|审核人|填报人|制表人|负责人签字|单位负责人)\s*[:：]?/;

/** Fields whose text decides whether a row is an activity (序号 alone does not: templates pre-number rows). */
const CONTENT_FIELDS: FieldKey[] = [
  'name',
  'category',
  'form',
  'field',
  'mode',
  'startDate',
  'endDate',
  'location',
  'host',
  'summary',
  'expectedCount',
  'contact',
  'phone',
  'url',
];

export function extractRows(layout: TableLayout): ExtractedRows {
  const rows: RawRow[] = [];
  const walked = walkRows(layout, (row) => {
    rows.push(row);
  });
  return { read: walked.read, rows, skipped: walked.skipped };
}

/**
 * `extractRows`, handing each activity row to `each` as soon as it is read instead of collecting
 * them: the caller can turn a row into what it keeps and let the raw row go (a raw row with its
 * field map is several times the size of the parsed row, and a 200,000-row sheet would otherwise
 * hold all of them at once).
 */
export function walkRows(layout: TableLayout, each: (row: RawRow) => void): Omit<ExtractedRows, 'rows'> {
  const { sheet, dataStart } = layout;
  const get = makeMergedGetter(sheet);
  const ownerOf = makeOwnerAddress(sheet);
  const lastRow = lastContentRow(sheet.rows);
  const skipped: ExtractedRows['skipped'] = [];
  const plan = planRows(layout);
  // rows no merge reaches read their own cells at their own addresses: no need to ask the merge helpers
  const merged = mergedRows(sheet.merges, dataStart, lastRow);
  let inNotes = false;

  for (let r = dataStart; r <= lastRow; r++) {
    if (inNotes) {
      skipped.push({ r, reason: 'notes' });
      continue;
    }
    const rowCells = sheet.rows[r] ?? EMPTY_ROW;
    const reason = skipReasonOf(rowCells, plan);
    if (reason !== undefined) {
      // a notes block runs to the end of the table
      if (reason === 'notes') inNotes = true;
      skipped.push({ r, reason });
      continue;
    }
    each(merged[r - dataStart] === 1 ? readMergedRow(r, plan, get, ownerOf) : readOwnRow(r, rowCells, plan));
  }
  return { read: Math.max(0, lastRow - dataStart + 1), skipped };
}

/** The layout's columns, looked up once: the layout is the same for every row. */
interface RowPlan {
  /** the table's first bound column, where notes and totals are written */
  firstCol: number;
  bound: { key: FieldKey; c: number }[];
  /** field → column, frozen and shared by every row no merge reaches */
  columns: FieldColumns;
  /** the columns of CONTENT_FIELDS that the table has */
  contentCols: number[];
  seqCol: number;
  nameCol: number;
  extraCols: ColumnBinding[];
  unitCol: number;
}

function planRows(layout: TableLayout): RowPlan {
  const bound: RowPlan['bound'] = [];
  const columns: Partial<Record<FieldKey, number>> = {};
  for (const [key, b] of layout.fields) {
    bound.push({ key, c: b.c });
    columns[key] = b.c;
  }
  Object.freeze(columns);
  const contentCols: number[] = [];
  for (const k of CONTENT_FIELDS) {
    const b = layout.fields.get(k);
    if (b !== undefined) contentCols.push(b.c);
  }
  return {
    firstCol: firstBoundColumn(layout),
    bound,
    columns,
    contentCols,
    seqCol: layout.fields.get('seq')?.c ?? -1,
    nameCol: layout.fields.get('name')?.c ?? -1,
    extraCols: layout.extras,
    unitCol: layout.unitColumn?.c ?? -1,
  };
}

/** Why a row under the header is not an activity; undefined when it is one. */
function skipReasonOf(rowCells: (Cell | undefined)[], plan: RowPlan): SkipReason | undefined {
  const lead = leadingText(rowCells, plan.firstCol);
  if (NOTES.test(lead)) return 'notes';
  const seqText = plan.seqCol < 0 ? '' : textOf(rowCells[plan.seqCol]);
  const nameText = plan.nameCol < 0 ? '' : textOf(rowCells[plan.nameCol]);
  if (TOTAL.test(seqText) || TOTAL.test(nameText) || TOTAL.test(lead)) return 'total';
  if ((EXAMPLE.test(seqText) && seqText !== '') || EXAMPLE_NAME.test(nameText) || EXAMPLE_NAME_START.test(nameText)) return 'example';
  if (!hasOwnContent(rowCells, plan.contentCols)) {
    const anyText = rowCells.map((c) => (isBlankCell(c) ? '' : cellText(c))).join('');
    return SIGNATURE.test(anyText) ? 'signature' : 'blank';
  }
  if (isSignatureRow(rowCells)) return 'signature';
  if (isRepeatedHeader(rowCells)) return 'header';
  return undefined;
}

/** Content counts only from the row's own cells: a category merged down into an otherwise empty row is not an activity. */
function hasOwnContent(rowCells: (Cell | undefined)[], contentCols: number[]): boolean {
  for (let i = 0; i < contentCols.length; i++) {
    if (!isBlankCell(rowCells[contentCols[i]])) return true;
  }
  return false;
}

/** A row a merge reaches: values through the merges, addresses at each merge's top-left. */
function readMergedRow(r: number, plan: RowPlan, get: CellGetter, ownerOf: (r: number, c: number) => string): RawRow {
  const { bound, extraCols, unitCol } = plan;
  const fields = new Map<FieldKey, RawField>();
  const extras: RawRow['extras'] = [];
  for (let i = 0; i < bound.length; i++) {
    const b = bound[i];
    fields.set(b.key, { cell: get(r, b.c), address: ownerOf(r, b.c) });
  }
  for (let i = 0; i < extraCols.length; i++) extras.push({ header: extraCols[i].header, cell: get(r, extraCols[i].c) });
  const row: RawRow = { r, fields, extras };
  if (unitCol >= 0) row.unit = { cell: get(r, unitCol), address: ownerOf(r, unitCol) };
  return row;
}

/** A row no merge reaches: its own cells at their own addresses, and the shared column map. */
function readOwnRow(r: number, rowCells: (Cell | undefined)[], plan: RowPlan): RawRow {
  const { bound, extraCols, unitCol } = plan;
  const fields = new Map<FieldKey, RawField>();
  const extras: RawRow['extras'] = [];
  for (let i = 0; i < bound.length; i++) {
    const b = bound[i];
    fields.set(b.key, { cell: rowCells[b.c], address: addressOf(r, b.c) });
  }
  for (let i = 0; i < extraCols.length; i++) extras.push({ header: extraCols[i].header, cell: rowCells[extraCols[i].c] });
  const row: RawRow = { r, fields, columns: plan.columns, extras };
  if (unitCol >= 0) row.unit = { cell: rowCells[unitCol], address: addressOf(r, unitCol) };
  return row;
}

const EMPTY_ROW: (Cell | undefined)[] = [];

/** For rows first…last: 1 where a merge covers (part of) the row. */
function mergedRows(merges: CellRange[], first: number, last: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, last - first + 1));
  for (const m of merges) {
    for (let r = Math.max(m.s.r, first); r <= Math.min(m.e.r, last); r++) out[r - first] = 1;
  }
  return out;
}

const EXAMPLE_NAME = /^[(（【[]?(示例|样例|例)[)）】\]]?\s*[:：]/;
const EXAMPLE_NAME_START = /^(示例|样例)/;

function lastContentRow(rows: (Cell | undefined)[][]): number {
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r];
    if (row?.some((c) => !isBlankCell(c))) return r;
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

/** The cell's text, normalized; '' for a blank cell. */
function textOf(cell: Cell | undefined): string {
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
  for (let i = 0; i < row.length; i++) {
    // too few cells left to make four
    if (hits + (row.length - i) < 4) return false;
    const c = row[i];
    if (c && c.t === 's' && c.v.length <= MAX_HEADER_TEXT && lookupHeader(c.v) && ++hits >= 4) return true;
  }
  return false;
}
