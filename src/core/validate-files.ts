/**
 * `kepuri validate`, pure: files already read into workbooks (or read findings) → one report.
 * Files are checked alone: no roster, no unit-level rules, duplicates only within a file.
 */
import { analyzeWorkbook, checkDuplicatesInFile, checkRows } from './analyze-workbook.js';
import type { Config } from './config/schema.js';
import type { Finding } from './finding.js';
import type { Lang } from './messages.js';
import type { ParseCache } from './values/parse-cache.js';
import { buildReport, type Report, type ReportFile, type ReportUnit } from './report.js';
import type { Workbook } from './table.js';

export interface ReadOutcome {
  /** path as given on the command line */
  file: string;
  workbook?: Workbook;
  /** findings of reading (file-unreadable, file-encrypted, file-too-large, file-unsupported) */
  findings: Finding[];
}

export interface ValidatedFile {
  file: string;
  unit?: string;
  rowsRead: number;
  activities: number;
  skipped: number;
  /** rows of the file when its table was not found (issue 13) */
  noTable?: number;
  findings: Finding[];
  readable: boolean;
}

/** One file alone; pass the run's ParseCache when validating several. */
export function validateWorkbook(outcome: ReadOutcome, rules: Config, cache?: ParseCache): ValidatedFile {
  if (!outcome.workbook) {
    return { file: outcome.file, rowsRead: 0, activities: 0, skipped: 0, findings: outcome.findings, readable: false };
  }
  const analyzed = analyzeWorkbook(outcome.workbook, outcome.file, rules, cache);
  const unit = analyzed.unitLine.unit ?? analyzed.rows.find((r) => r.activity.unitFromColumn)?.activity.unitFromColumn;
  const findings = [...outcome.findings, ...analyzed.findings, ...checkRows(analyzed, rules, unit ? { unit } : {}), ...checkDuplicatesInFile(analyzed, unit)];
  return {
    file: outcome.file,
    ...(unit ? { unit } : {}),
    rowsRead: analyzed.rowsRead,
    activities: analyzed.rows.length,
    skipped: analyzed.skipped.length,
    ...(analyzed.rowsWithoutTable ? { noTable: analyzed.rowsWithoutTable } : {}),
    findings,
    readable: true,
  };
}

export function buildValidateReport(results: ValidatedFile[], rules: Config, lang: Lang): Report {
  const files: ReportFile[] = results.map((r) => ({
    path: r.file,
    unit: r.unit ?? null,
    receivedAt: null,
    receivedFrom: null,
    status: r.readable ? 'merged' : r.findings.some((f) => f.code === 'file-unsupported') ? 'unsupported' : 'unreadable',
    rows: r.activities,
  }));
  const units: ReportUnit[] = [];
  for (const r of results) {
    if (!r.unit) continue;
    let u = units.find((x) => x.name === r.unit);
    if (!u) {
      u = { name: r.unit, kind: null, quota: null, activities: 0, submitted: true, late: false, errors: 0, warnings: 0 };
      units.push(u);
    }
    u.activities += r.activities;
    for (const f of r.findings) {
      if (f.severity === 'error') u.errors++;
      else if (f.severity === 'warning') u.warnings++;
    }
  }
  return buildReport({
    rules,
    files,
    units,
    rows: {
      read: results.reduce((s, r) => s + r.rowsRead, 0),
      merged: results.reduce((s, r) => s + r.activities, 0),
      superseded: 0,
      skipped: results.reduce((s, r) => s + r.skipped, 0),
      noTable: results.reduce((s, r) => s + (r.noTable ?? 0), 0),
    },
    findings: results.flatMap((r) => r.findings),
    lang,
  });
}
