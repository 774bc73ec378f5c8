/**
 * The one report structure (SPEC §8) that feeds the terminal, --json, report.json and the summary
 * workbook. `--json` prints exactly what `buildReport` returns.
 */
import type { Config } from './config/schema.js';
import { compareFindings, countBySeverity, type Finding, type FindingCode, type Severity } from './finding.js';
import { renderMessage, type Lang } from './messages.js';

export type FileStatus = 'merged' | 'superseded' | 'unreadable' | 'unsupported';

export interface ReportFile {
  path: string;
  unit: string | null;
  receivedAt: string | null;
  receivedFrom: 'eml' | 'manifest' | null;
  status: FileStatus;
  /** activity rows read from the file */
  rows: number;
}

export interface ReportUnit {
  name: string;
  kind: string | null;
  quota: number | null;
  activities: number;
  submitted: boolean;
  late: boolean;
  errors: number;
  warnings: number;
}

export interface ReportTotals {
  files: number;
  rowsRead: number;
  rowsMerged: number;
  rowsSuperseded: number;
  rowsSkipped: number;
  /** rows of files whose table was not found (issue 13): rowsRead = merged + superseded + skipped + these */
  rowsInFilesWithoutTable: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ReportFinding {
  code: FindingCode;
  severity: Severity;
  message: string;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  value: string | null;
  unit: string | null;
}

export interface Report {
  version: 1;
  rules: Config;
  files: ReportFile[];
  units: ReportUnit[];
  totals: ReportTotals;
  findings: ReportFinding[];
}

export function toReportFinding(f: Finding, lang: Lang): ReportFinding {
  return {
    code: f.code,
    severity: f.severity,
    message: renderMessage(f, lang),
    file: f.file,
    sheet: f.sheet ?? null,
    row: f.row ?? null,
    column: f.column ?? null,
    cell: f.cell ?? null,
    value: f.value ?? null,
    unit: f.unit ?? null,
  };
}

export function buildReport(input: {
  rules: Config;
  files: ReportFile[];
  units: ReportUnit[];
  rows: { read: number; merged: number; superseded: number; skipped: number; noTable?: number };
  findings: Finding[];
  lang: Lang;
  /** keep the given order (the merge orders by unit); default sorts by file, row, column */
  presorted?: boolean;
}): Report {
  const findings = input.presorted ? input.findings : [...input.findings].sort(compareFindings);
  const counts = countBySeverity(findings);
  return {
    version: 1,
    rules: input.rules,
    files: input.files,
    units: input.units,
    totals: {
      files: input.files.length,
      rowsRead: input.rows.read,
      rowsMerged: input.rows.merged,
      rowsSuperseded: input.rows.superseded,
      rowsSkipped: input.rows.skipped,
      rowsInFilesWithoutTable: input.rows.noTable ?? 0,
      ...counts,
    },
    findings: findings.map((f) => toReportFinding(f, input.lang)),
  };
}

/** SPEC §8 exit codes: 2 when nothing could be read at all, 1 when any error, else 0. */
export function exitCodeOf(report: Report): 0 | 1 | 2 {
  const anyRead = report.files.some((f) => f.status === 'merged' || f.status === 'superseded');
  if (!anyRead) return 2;
  return report.totals.errors > 0 ? 1 : 0;
}

/**
 * `JSON.stringify(report, null, 2)` in pieces, byte for byte: the findings (tens of thousands in
 * a province merge) are formatted a batch at a time, so report.json never exists as one string.
 */
export function* reportJsonChunks(report: Report, batch = 1000): Generator<string> {
  const { findings } = report;
  if (findings.length === 0) {
    yield JSON.stringify(report, null, 2);
    return;
  }
  const head = JSON.stringify({ ...report, findings: [] }, null, 2);
  const tail = '[]\n}';
  if (!head.endsWith(tail)) {
    yield JSON.stringify(report, null, 2); // findings not last: cannot happen with Report's key order
    return;
  }
  yield head.slice(0, head.length - tail.length) + '[';
  for (let i = 0; i < findings.length; i += batch) {
    let out = '';
    for (let j = i; j < Math.min(findings.length, i + batch); j++) {
      // an array element at depth 2: its own lines indented by four more spaces (a JSON string
      // never holds a raw line break, so every \n here is formatting)
      out += (j > 0 ? ',' : '') + '\n    ' + JSON.stringify(findings[j], null, 2).replace(/\n/g, '\n    ');
    }
    yield out;
  }
  yield '\n  ]\n}';
}
