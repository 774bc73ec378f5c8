/** Run one rule on literal rows or literal merge facts, and flatten what it finds to [cell, code]. */
import { analyzeWorkbook, checkRows } from '../../src/core/analyze-workbook.js';
import type { UnitKind } from '../../src/core/config/schema.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import type { Finding } from '../../src/core/finding.js';
import { type LocateResult, locateTable } from '../../src/core/locate/locate-table.js';
import { TABLE_RULES } from '../../src/core/rules/index.js';
import { type ActivitiesRule, emitInto, type RowRule, type TableRule } from '../../src/core/rules/rule.js';
import { HEADER, type Literal, sheetOf, workbookOf } from './sheet.js';

export const RULES_2023 = defaultRules();

export const flat = (fs: readonly Finding[]) => fs.map((f) => [f.cell ?? null, f.code]);

/** The rule's findings on a table of HEADER + `rows` (data from sheet row 2). */
export function runRowRule(rule: RowRule, rows: Literal[][], opts: { unitKind?: UnitKind; rules?: typeof RULES_2023; header?: Literal[] } = {}): Finding[] {
  const rules = opts.rules ?? RULES_2023;
  const analyzed = analyzeWorkbook(workbookOf(sheetOf([opts.header ?? HEADER, ...rows])), 'a.xlsx', rules);
  return checkRows(analyzed, rules, opts.unitKind ? { unitKind: opts.unitKind } : {}, [rule]);
}

/** The rule's findings on the table whose header row is `header`. */
export function runTableRule(rule: TableRule, header: Literal[]): Finding[] {
  const r = locateTable(workbookOf(sheetOf([['附件2'], header])), 'a.xlsx');
  if (!r.ok) throw new Error('no table in the test sheet');
  const out: Finding[] = [];
  rule.check({ file: 'a.xlsx', layout: r.layout, rules: RULES_2023, emit: emitInto(out) });
  return out;
}

/** The rule's findings on the activities of files given as {file: rows}, units by file. */
export function runActivitiesRule(rule: ActivitiesRule, files: Record<string, Literal[][]>, units: Record<string, string> = {}): Finding[] {
  const activities = Object.entries(files).flatMap(([file, rows]) =>
    analyzeWorkbook(workbookOf(sheetOf([HEADER, ...rows])), file, RULES_2023).rows.map((r) => r.activity),
  );
  const out: Finding[] = [];
  rule.check({ activities, nameHeaderOf: () => '活动名称', unitOf: (a) => units[a.file], emit: emitInto(out) });
  return out;
}

/** Every table rule's findings on a located table, or why no table was found. */
export function tableFindings(r: LocateResult, file = 'a.xlsx'): Finding[] {
  if (!r.ok) return r.findings;
  const out: Finding[] = [];
  for (const rule of TABLE_RULES) rule.check({ file, layout: r.layout, rules: RULES_2023, emit: emitInto(out) });
  return out;
}
