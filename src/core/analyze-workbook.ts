/**
 * The per-file pipeline, pure: workbook → locate table → extract rows → normalize values.
 * `checkRows` then applies the row rules; the merge calls it once the unit (and its kind) is known.
 */
import type { Activity } from './activity.js';
import { columnLabel, type FieldKey } from './columns.js';
import type { Config, UnitKind } from './config/schema.js';
import { createFinding, type Finding, type FindingCode, type ParamsArg } from './finding.js';
import { locateTable, type TableLayout, type UnitLine } from './locate/locate-table.js';
import { walkRows, type SkipReason } from './rows/extract-rows.js';
import { createNormalizeContext, normalizeRow, type ParsedRow } from './rows/normalize-row.js';
import { ACTIVITIES_RULES, ROW_RULES, TABLE_RULES, type RowCheck, type RowRule } from './rules/index.js';
import { emitInto } from './rules/rule.js';
import { isBlankCell, type Workbook } from './table.js';
import type { ParseCache } from './values/parse-cache.js';

export interface AnalyzedFile {
  file: string;
  /** undefined when no table was found */
  layout?: TableLayout;
  sheet?: string;
  unitLine: UnitLine;
  /** data rows walked under the header (must equal rows + skipped); with no table, rowsWithoutTable */
  rowsRead: number;
  /**
   * Issue 13: a file whose table was not found still had rows — the non-blank rows of its visible
   * sheets — and none of them is merged; they are counted so no row is lost in silence. 0 (or
   * absent) when the table was found.
   */
  rowsWithoutTable?: number;
  rows: ParsedRow[];
  skipped: { row: number; reason: SkipReason }[];
  /** why no table was found (header-not-found, sheet-not-found), or the table rules' findings (column-*) */
  findings: Finding[];
}

/** `cache`: the run's memos, shared by every file of a run (a fresh one when not given). */
export function analyzeWorkbook(workbook: Workbook, file: string, rules: Config, cache?: ParseCache): AnalyzedFile {
  const located = locateTable(workbook, file);
  if (!located.ok) {
    const lost = countRowsWithoutTable(workbook);
    return { file, unitLine: {}, rowsRead: lost, rowsWithoutTable: lost, rows: [], skipped: [], findings: located.findings };
  }
  const { layout } = located;
  const findings: Finding[] = [];
  const emit = emitInto(findings);
  for (const rule of TABLE_RULES) rule.check({ file, layout, rules, emit });
  const ctx = createNormalizeContext(file, layout.sheet.name, rules, cache);
  // each raw row is normalized as soon as it is read and then let go (see walkRows)
  const rows: ParsedRow[] = [];
  const extracted = walkRows(layout, (r) => {
    rows.push(normalizeRow(r, ctx));
  });
  return {
    file,
    // the layout without its cells: an analysed file is kept until the merge is written, and the
    // sheet's cells are no longer needed (a province merge would otherwise hold every workbook)
    layout: { ...layout, sheet: { name: layout.sheet.name, hidden: layout.sheet.hidden, rows: [], merges: [] } },
    sheet: layout.sheet.name,
    unitLine: layout.unitLine,
    rowsRead: extracted.read,
    rows,
    skipped: extracted.skipped.map((s) => ({ row: s.r + 1, reason: s.reason })),
    findings,
  };
}

/** Non-blank rows of the visible sheets: what a person sees in a file whose table was not found. */
export function countRowsWithoutTable(workbook: Workbook): number {
  let n = 0;
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) continue;
    for (const row of sheet.rows) if (row?.some((c) => !isBlankCell(c))) n++;
  }
  return n;
}

/** Row rules plus in-file duplicates; one finding per (code, cell) even when a merged cell covers several rows. */
export function checkRows(
  analyzed: AnalyzedFile,
  rules: Config,
  opts: { unitKind?: UnitKind; unit?: string } = {},
  rowRules: readonly RowRule[] = ROW_RULES,
): Finding[] {
  const { layout } = analyzed;
  if (!layout) return [];
  const headerOf = (key: FieldKey) => layout.fields.get(key)?.header;
  const findings: Finding[] = [];
  for (const row of analyzed.rows) {
    const a = row.activity;
    const check: RowCheck = {
      row,
      rules,
      unitKind: opts.unitKind,
      hasColumn: (key) => layout.fields.has(key),
      emit(code, field, ...params) {
        const cell = a.cells[field];
        findings.push(
          createFinding<FindingCode>(
            code,
            {
              file: a.file,
              sheet: a.sheet,
              row: a.row,
              column: headerOf(field) ?? columnLabel(field),
              ...(cell ? { cell } : {}),
              ...(a.raw[field] !== undefined ? { value: a.raw[field] } : {}),
              ...(opts.unit ? { unit: opts.unit } : {}),
            },
            ...(params as ParamsArg<FindingCode>),
          ) as Finding,
        );
      },
    };
    for (const rule of rowRules) rule.check(check);
  }
  return dedupeByCell(findings);
}

/** In-file duplicate activities (validate); the merge runs the same check across all files instead. */
export function checkDuplicatesInFile(analyzed: AnalyzedFile, unit?: string): Finding[] {
  const header = analyzed.layout?.fields.get('name')?.header;
  const findings: Finding[] = [];
  const check = {
    activities: analyzed.rows.map((r) => r.activity),
    nameHeaderOf: () => header,
    unitOf: () => unit,
    emit: emitInto(findings),
  };
  for (const rule of ACTIVITIES_RULES) rule.check(check);
  return findings;
}

function dedupeByCell(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (!f.cell) return true;
    const k = `${f.code}|${f.sheet}|${f.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { Activity };
