/**
 * One Finding type for every stage, every command and every output (SPEC §7).
 *
 * Stages create findings with `createFinding(code, where, params)`: the severity comes from the
 * code (never chosen ad hoc), the human message is rendered later by `src/core/messages.ts` in
 * the user's language. Checks emit findings; they never throw for bad data.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Every stable code with its severity, in SPEC §7 order. */
export const FINDING_SEVERITY = {
  'file-unreadable': 'error',
  'file-encrypted': 'error',
  'file-too-large': 'error',
  'file-unsupported': 'warning',
  'sheet-not-found': 'error',
  'header-not-found': 'error',
  'column-missing': 'error',
  'column-duplicate': 'warning',
  'column-unknown': 'info',
  'required-missing': 'error',
  'date-invalid': 'error',
  'date-ambiguous': 'warning',
  'date-approximate': 'warning',
  'date-wrong-year': 'error',
  'date-range-reversed': 'error',
  'date-outside-window': 'warning',
  'main-event-outside-window': 'warning',
  'category-invalid': 'error',
  'category-unit-mismatch': 'warning',
  'field-unknown': 'warning',
  'form-unknown': 'warning',
  'mode-invalid': 'error',
  'online-url-missing': 'error',
  'url-invalid': 'error',
  'phone-invalid': 'error',
  'count-invalid': 'error',
  'count-approximate': 'warning',
  'name-too-long': 'warning',
  'town-unknown': 'warning',
  'duplicate-activity': 'warning',
  'unit-unidentified': 'error',
  'unit-unknown': 'warning',
  'received-unknown': 'info',
  'submission-late': 'warning',
  'submission-superseded': 'info',
  'submission-missing': 'error',
  'quota-short': 'warning',
  'town-main-event-missing': 'warning',
  // issue 13 (hostile files): text cut at Excel's cell limit; a unit's feedback that could not be written
  'cell-text-truncated': 'warning',
  'feedback-not-written': 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_SEVERITY;

export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];

/** Parameters a message template may use; always plain strings or numbers. */
export type FindingParams = Record<string, string | number>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** path as given on the command line; `message.eml#附件.xlsx` for attachments and zip members */
  file: string;
  sheet?: string;
  /** the spreadsheet's own 1-based row number */
  row?: number;
  /** the column's header as written in the file (or the field's label when the column is absent) */
  column?: string;
  /** A1 address in the original file */
  cell?: string;
  /** the offending value as text */
  value?: string;
  unit?: string;
  /** data for the message template; kept out of the report */
  params?: FindingParams;
}

export type FindingPosition = Omit<Finding, 'code' | 'severity' | 'params'>;

export function createFinding(code: FindingCode, where: FindingPosition, params?: FindingParams): Finding {
  const f: Finding = { code, severity: FINDING_SEVERITY[code], ...where };
  if (params && Object.keys(params).length > 0) f.params = params;
  return f;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for display and reports: file, then row, then column position, then severity, then code. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const ra = a.row ?? 0;
  const rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  const ca = columnIndexOfCell(a.cell);
  const cb = columnIndexOfCell(b.cell);
  if (ca !== cb) return ca - cb;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** 'AB12' → 28 (1-based column of an A1 address); -1 without one. */
export function columnIndexOfCell(cell: string | undefined): number {
  if (!cell) return -1;
  const m = /^([A-Z]+)/.exec(cell);
  if (!m) return -1;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}
