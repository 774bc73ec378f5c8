/**
 * Stage 2: find the activity table in a workbook — which sheet, which header row (or two), which
 * column holds which field, and the 填报单位 line above it. Pure; problems become findings.
 */
import type { FieldKey } from '../columns.js';
import { createFinding, type Finding } from '../finding.js';
import { addressOf, cellText, isBlankCell, type Cell, type Sheet, type Workbook } from '../table.js';
import { normalizeText } from '../values/fold-text.js';
import { type HeaderTarget, lookupDateSubHeader, lookupHeader, lookupHeaderLoose } from './header-dictionary.js';

/**
 * SPEC §2: the header is the first row in the first 15 that matches at least 4 known columns — or
 * 3 when they include the activity's name and a date (活动名称 | 时间 | 地点, issue 13): such a
 * table is read, with column-missing for what it lacks, instead of losing every row.
 */
export const HEADER_SCAN_ROWS = 15;
export const HEADER_MIN_MATCHES = 4;
export const HEADER_MIN_MATCHES_WITH_NAME_AND_DATE = 3;

export interface ColumnBinding {
  /** 0-based column index */
  c: number;
  /** header text as written (both rows of a two-row header joined with '/') */
  header: string;
  /** A1 address of the header cell */
  cell: string;
}

export interface UnitLine {
  unit?: string;
  contact?: string;
  phone?: string;
  date?: string;
  /** A1 address of the cell holding the unit name */
  cell?: string;
}

export interface TableLayout {
  sheet: Sheet;
  sheetIndex: number;
  /** 0-based index of the (first) header row */
  headerRow: number;
  /** 0-based index of the first data row */
  dataStart: number;
  fields: Map<FieldKey, ColumnBinding>;
  unitColumn?: ColumnBinding;
  /** columns that map to no field, kept as extra columns */
  extras: ColumnBinding[];
  /** of the extras: the columns whose header matches no field (rules/column-unknown.ts) */
  unknownColumns: ColumnBinding[];
  /** of the extras: second columns for a field already bound (rules/column-duplicate.ts) */
  duplicateColumns: { field: FieldKey; dropped: ColumnBinding; kept: ColumnBinding }[];
  /** fields bound by a known name inside a longer header, 暑期开放时间 → 开始日期 (rules/column-bound.ts) */
  boundByName: FieldKey[];
  /** the 填报单位 column was bound that way */
  unitBoundByName: boolean;
  unitLine: UnitLine;
}

/** A table, whose column findings the table rules give; or why there is none. */
export type LocateResult = { ok: true; layout: TableLayout } | { ok: false; findings: Finding[] };

/** Cell value at (r, c) with merged ranges filled from their top-left cell. */
export type CellGetter = (r: number, c: number) => Cell | undefined;

export function makeMergedGetter(sheet: Sheet): CellGetter {
  if (sheet.merges.length === 0) return (r, c) => sheet.rows[r]?.[c];
  const owner = new Map<number, { r: number; c: number }>();
  const key = (r: number, c: number) => r * 16384 + c;
  for (const m of sheet.merges) {
    // cap absurd merges (whole-column merges in hostile files) to keep this linear in real data
    const rEnd = Math.min(m.e.r, m.s.r + 5000);
    const cEnd = Math.min(m.e.c, m.s.c + 200);
    for (let r = m.s.r; r <= rEnd; r++) {
      for (let c = m.s.c; c <= cEnd; c++) if (r !== m.s.r || c !== m.s.c) owner.set(key(r, c), m.s);
    }
  }
  return (r, c) => {
    const o = owner.get(key(r, c));
    return o ? sheet.rows[o.r]?.[o.c] : sheet.rows[r]?.[c];
  };
}

/** The top-left address of the merge holding (r, c), or (r, c) itself. */
export function makeOwnerAddress(sheet: Sheet): (r: number, c: number) => string {
  if (sheet.merges.length === 0) return addressOf;
  return (r, c) => {
    for (const m of sheet.merges) {
      if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return addressOf(m.s.r, m.s.c);
    }
    return addressOf(r, c);
  };
}

function sheetHasContent(sheet: Sheet): boolean {
  for (const row of sheet.rows) if (row) for (const cell of row) if (!isBlankCell(cell)) return true;
  return false;
}

interface HeaderCandidate {
  row: number;
  matches: number;
}

function scoreRow(get: CellGetter, sheet: Sheet, r: number): Set<string> {
  const seen = new Set<string>();
  const row = sheet.rows[r];
  if (!row) return seen;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c] ?? get(r, c);
    if (isBlankCell(cell) || cell!.t !== 's') continue;
    const t = lookupHeaderLoose(cell!.v);
    if (t) seen.add(t.kind === 'field' ? t.key : 'unit');
  }
  return seen;
}

function isHeaderRow(seen: Set<string>): boolean {
  if (seen.size >= HEADER_MIN_MATCHES) return true;
  return seen.size >= HEADER_MIN_MATCHES_WITH_NAME_AND_DATE && seen.has('name') && (seen.has('startDate') || seen.has('endDate'));
}

function findHeaderRow(sheet: Sheet): HeaderCandidate | undefined {
  const get = makeMergedGetter(sheet);
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const seen = scoreRow(get, sheet, r);
    if (isHeaderRow(seen)) return { row: r, matches: seen.size };
  }
  return undefined;
}

export function locateTable(workbook: Workbook, file: string): LocateResult {
  const candidates: { index: number; sheet: Sheet; header: HeaderCandidate }[] = [];
  let anyContent = false;
  const order = [
    ...workbook.sheets.map((s, i) => ({ s, i })).filter((x) => !x.s.hidden),
    // a table only on a hidden sheet is still better found than lost
    ...workbook.sheets.map((s, i) => ({ s, i })).filter((x) => x.s.hidden),
  ];
  for (const { s, i } of order) {
    if (!sheetHasContent(s)) continue;
    if (!s.hidden) anyContent = true;
    const header = findHeaderRow(s);
    if (header) candidates.push({ index: i, sheet: s, header });
    // the first visible sheet with a clear table wins; hidden sheets only when nothing visible has one
    if (candidates.length > 0 && !s.hidden) break;
  }
  if (candidates.length === 0) {
    if (!anyContent) return { ok: false, findings: [createFinding('sheet-not-found', { file })] };
    const first = order.find((x) => !x.s.hidden && sheetHasContent(x.s))!;
    return { ok: false, findings: [createFinding('header-not-found', { file, sheet: first.s.name })] };
  }
  const best = candidates[0];
  return bindColumns(best.sheet, best.index, best.header.row);
}

/** Decide each header column once, left to right; the findings about the columns are the table rules'. */
function bindColumns(sheet: Sheet, sheetIndex: number, headerRow: number): LocateResult {
  const get = makeMergedGetter(sheet);
  const top = sheet.rows[headerRow] ?? [];
  const below = sheet.rows[headerRow + 1] ?? [];
  const width = Math.max(top.length, below.length);

  // A two-row header: the row under the header names sub-columns (开始 | 结束) and holds no data.
  const twoRow = isSubHeaderRow(sheet, headerRow, width);
  const bound = emptyBindings();

  for (let c = 0; c < width; c++) {
    const topCell = get(headerRow, c);
    const subCell = twoRow ? sheet.rows[headerRow + 1]?.[c] : undefined;
    const topText = isBlankCell(topCell) ? '' : normalizeText(cellText(topCell));
    const subText = isBlankCell(subCell) ? '' : normalizeText(cellText(subCell));
    if (topText === '' && subText === '') continue;

    const reading = subText !== '' ? readSubHeader(topText, subText) : readHeader(topText);
    const headerText = subText === '' ? topText : topText && topText !== subText ? `${topText}/${subText}` : subText;
    // a horizontally merged parent header is bound once: its first column
    if (reading.key && bound.fields.get(reading.key)?.header === headerText && !twoRow) continue;
    const cell = addressOf(subText === '' ? headerRow : headerRow + 1, c);
    placeColumn(bound, { c, header: headerText, cell }, reading);
  }

  return {
    ok: true,
    layout: {
      sheet,
      sheetIndex,
      headerRow,
      dataStart: headerRow + (twoRow ? 2 : 1),
      fields: bound.fields,
      unitColumn: bound.unitColumn,
      extras: bound.extras,
      unknownColumns: bound.unknownColumns,
      duplicateColumns: bound.duplicateColumns,
      boundByName: [...bound.containedIn.keys()],
      unitBoundByName: bound.unitColumn !== undefined && bound.unitContained,
      unitLine: readUnitLine(sheet, headerRow),
    },
  };
}

/** What one header column names: a field, the 填报单位 column, or nothing known. */
interface HeaderReading {
  key?: FieldKey;
  isUnit: boolean;
  /** the template's own label */
  exact: boolean;
  /** bound by a known name inside a longer header */
  contained: boolean;
}

const UNKNOWN_HEADER: HeaderReading = { isUnit: false, exact: false, contained: false };

function readingOf(t: HeaderTarget | undefined): HeaderReading {
  if (t?.kind === 'field') return { key: t.key, isUnit: false, exact: t.exact, contained: t.contained !== undefined };
  if (t?.kind === 'unit') return { isUnit: true, exact: false, contained: t.contained !== undefined };
  return UNKNOWN_HEADER;
}

/** A one-row header cell. */
function readHeader(text: string): HeaderReading {
  return readingOf(lookupHeaderLoose(text));
}

/**
 * A two-row header column: the sub-header names it; else a date sub-word (开始 | 结束) under a date
 * or unknown parent; else the parent names it (never as the template's exact label).
 */
function readSubHeader(topText: string, subText: string): HeaderReading {
  const sub = lookupHeaderLoose(subText);
  if (sub) return readingOf(sub);
  const dateSub = lookupDateSubHeader(subText);
  const parent = lookupHeaderLoose(topText);
  if (dateSub && (parent?.kind !== 'field' || parent.key === 'startDate' || parent.key === 'endDate')) {
    return { key: dateSub, isUnit: false, exact: false, contained: false };
  }
  if (parent?.kind === 'field') return { key: parent.key, isUnit: false, exact: false, contained: parent.contained !== undefined };
  return UNKNOWN_HEADER;
}

/** The columns decided so far. */
interface ColumnBindings {
  fields: Map<FieldKey, ColumnBinding>;
  /** 2 the template's label, 1 a synonym, 0 a known name inside the header: the higher one keeps the field */
  rankOf: Map<FieldKey, number>;
  /** fields bound by a known name inside their header, for column-bound */
  containedIn: Map<FieldKey, string>;
  extras: ColumnBinding[];
  unknownColumns: ColumnBinding[];
  duplicateColumns: TableLayout['duplicateColumns'];
  unitColumn?: ColumnBinding;
  unitContained: boolean;
}

function emptyBindings(): ColumnBindings {
  return {
    fields: new Map(),
    rankOf: new Map(),
    containedIn: new Map(),
    extras: [],
    unknownColumns: [],
    duplicateColumns: [],
    unitContained: false,
  };
}

/** Bind one column: the first 填报单位 column, an unknown column as an extra, or a field (see bindField). */
function placeColumn(bound: ColumnBindings, binding: ColumnBinding, reading: HeaderReading): void {
  if (reading.isUnit) {
    if (!bound.unitColumn) {
      bound.unitColumn = binding;
      bound.unitContained = reading.contained;
    }
    return;
  }
  if (!reading.key) {
    bound.extras.push(binding);
    bound.unknownColumns.push(binding);
    return;
  }
  bindField(bound, reading.key, binding, reading.exact ? 2 : reading.contained ? 0 : 1, reading.contained);
}

/** A field's column; a second column for a field already bound keeps the higher rank and reports the other. */
function bindField(bound: ColumnBindings, key: FieldKey, binding: ColumnBinding, rank: number, contained: boolean): void {
  const existing = bound.fields.get(key);
  if (existing) {
    // keep the column whose header is the template's own label (or a synonym over a header bound
    // by a name inside it); report the other
    const keepNew = rank > bound.rankOf.get(key)!;
    const loser = keepNew ? existing : binding;
    if (keepNew) {
      bound.fields.set(key, binding);
      bound.rankOf.set(key, rank);
      if (contained) bound.containedIn.set(key, binding.header);
      else bound.containedIn.delete(key);
    }
    bound.extras.push(loser);
    bound.duplicateColumns.push({ field: key, dropped: loser, kept: keepNew ? binding : existing });
    return;
  }
  bound.fields.set(key, binding);
  bound.rankOf.set(key, rank);
  if (contained) bound.containedIn.set(key, binding.header);
}

function isSubHeaderRow(sheet: Sheet, headerRow: number, width: number): boolean {
  const row = sheet.rows[headerRow + 1];
  if (!row) return false;
  let subHeaders = 0;
  let other = 0;
  let telling = false;
  for (let c = 0; c < width; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    if (cell!.t !== 's') {
      other++;
      continue;
    }
    const date = lookupDateSubHeader(cell!.v);
    // exact names only: a data row must never pass for a sub-header by a word inside a cell
    if (date || lookupHeader(cell!.v)) subHeaders++;
    else other++;
    // a date sub-word (开始 | 结束), or a header under a blank/spanning parent, tells a two-row header
    if (date || isBlankCell(sheet.rows[headerRow]?.[c])) telling = true;
  }
  return subHeaders > 0 && other === 0 && telling;
}

const UNIT_LABEL = /(?:填报|报送|申报)?单位(?:名称)?\s*(?:[(（][^)）]*[)）])?\s*[:：]/;
const NEXT_LABEL = /(联系人|联系电话|电话|手机|填报日期|填表日期|日期|填报人|邮箱)\s*[:：]?/;

/** The 填报单位(盖章):… 联系人:… 联系电话:… line above the header. */
export function readUnitLine(sheet: Sheet, headerRow: number): UnitLine {
  const out: UnitLine = {};
  for (let r = 0; r < headerRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const parts: { c: number; text: string }[] = [];
    for (let c = 0; c < row.length; c++) {
      if (!isBlankCell(row[c])) parts.push({ c, text: normalizeText(cellText(row[c])) });
    }
    const joined = parts.map((p) => p.text).join(' ');
    const m = UNIT_LABEL.exec(joined);
    if (!m) continue;
    const after = joined.slice(m.index + m[0].length);
    const stop = NEXT_LABEL.exec(after);
    const unit = (stop ? after.slice(0, stop.index) : after).trim().replace(/^[:：\s]+|[\s_＿]+$/g, '');
    if (unit && !out.unit) {
      out.unit = unit;
      const holder = parts.find((p) => p.text.includes(unit)) ?? parts[0];
      out.cell = addressOf(r, holder.c);
    }
    const contact = /联系人\s*[:：]\s*([^\s:：]+?)(?=\s|联系|电话|手机|填报|$)/.exec(joined);
    if (contact) out.contact = contact[1];
    const phone = /(?:联系电话|电话|手机)\s*[:：]\s*([\d\-－()（）\s、,，/]{7,}?)(?=\s*(?:填报|日期|邮箱|$))/.exec(joined);
    if (phone) out.phone = phone[1].trim();
    const date = /(?:填报日期|填表日期|日期)\s*[:：]\s*(\S+)/.exec(joined);
    if (date) out.date = date[1];
  }
  return out;
}
