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
  /** issue 13: a header bound by a known name inside it (暑期开放时间 → 开始日期) */
  'column-bound': 'info',
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
  // issue 13: a rounded figure (2000余, 约500) is taken as written — info; a range (50-80) takes
  // its upper end and asks for one number — warning. Severity comes from the code, so two codes.
  'count-approximate': 'info',
  'count-range': 'warning',
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
  // the follow-up tracker (kepuri follow-up): overdue obligations are errors (exit 1)
  'website-not-registered': 'error',
  'website-quota-short': 'error',
  'supplement-missing': 'error',
  'summary-overdue': 'error',
  'town-summary-missing': 'error',
  'follow-up-due-soon': 'warning',
  'material-late': 'info',
  'material-unit-unknown': 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_SEVERITY;

export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];

type NoParams = Record<never, never>;
type Span = { start: string; end: string };

/**
 * What each code's message may say beyond the finding's position: one entry per code, so a
 * message template (src/core/messages/) cannot read a param its code never carries, and a stage
 * cannot emit a code without the params its message needs. Values are plain strings or numbers.
 */
export interface FindingParamsByCode {
  'file-unreadable': { reason?: string };
  'file-encrypted': NoParams;
  'file-too-large': { reason?: string };
  'file-unsupported': { what?: string };
  'sheet-not-found': NoParams;
  'header-not-found': NoParams;
  'column-missing': { field: string };
  'column-duplicate': { field: string; other: string };
  'column-unknown': NoParams;
  /** the field a header with extra words around a known name was bound to */
  'column-bound': { field: string };
  'required-missing': { field: string };
  'date-invalid': { reason: 'tbd' | 'unreadable' | 'impossible' };
  'date-ambiguous': { date: string };
  'date-approximate': Span;
  'date-wrong-year': { year: number };
  'date-range-reversed': Span;
  'date-outside-window': Span;
  'main-event-outside-window': Span;
  'category-invalid': NoParams;
  'category-unit-mismatch': { kind: string; holders: string };
  'field-unknown': { unknown: string };
  'form-unknown': NoParams;
  'mode-invalid': NoParams;
  /** `mode` for an online activity without its address; `category` + `offline` for an online-only category held offline */
  'online-url-missing': { mode: string } | { category: string; offline: 1 };
  'url-invalid': NoParams;
  'phone-invalid': { reason: 'run-together' | 'bad-number' };
  /** `vague`: 不限, 若干, 数百 — words, not a figure */
  'count-invalid': { reason?: 'vague' };
  'count-approximate': { count: number };
  'count-range': { count: number };
  'name-too-long': { length: number; max: number };
  'town-unknown': { district: string };
  /** the other row of the pair (the first other one when `count` > 2) */
  'duplicate-activity': { otherFile: string; otherRow: number; otherCell?: string; otherUnit?: string; sameFile: 0 | 1; count: number };
  'unit-unidentified': NoParams;
  'unit-unknown': { nearest?: string };
  'received-unknown': { reason?: string; header?: string };
  'submission-late': { receivedAt: string; deadline: string };
  'submission-superseded': { by: string };
  'submission-missing': NoParams;
  'quota-short': { activities: number; quota: number };
  'town-main-event-missing': NoParams;
  // the follow-up tracker (src/core/follow-up/): `due` is a YYYY-MM-DD date, `missing` the parts in words
  'website-not-registered': FollowUpDue;
  'website-quota-short': { registered: number; quota: number; due: string };
  'supplement-missing': FollowUpDue;
  'summary-overdue': FollowUpDue;
  'town-summary-missing': { due: string; missing: string };
  'follow-up-due-soon': { what: string; due: string; missing: string };
  'material-late': { what: string; receivedAt: string; due: string };
  'material-unit-unknown': NoParams;
  /** Excel's limit for one cell (32,767) */
  'cell-text-truncated': { limit: number };
  'feedback-not-written': { reason?: string };
}

/** An activity's follow-up obligation past its date (the tracker emits one shape for the three). */
type FollowUpDue = { due: string; missing: string; days: number };

/** The params argument of `createFinding` / `emit`: required when the code's message needs one. */
export type ParamsArg<C extends FindingCode> = NoParams extends FindingParamsByCode[C] ? [params?: FindingParamsByCode[C]] : [params: FindingParamsByCode[C]];

/** Any code's params, as stored and serialised. */
export type FindingParams = Record<string, string | number>;

/** Where a finding is, and what it is about. */
export interface FindingPosition {
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
}

/** A finding of one code, with that code's params. */
export interface FindingOf<C extends FindingCode> extends FindingPosition {
  code: C;
  severity: Severity;
  /** data for the message template; kept out of the report */
  params?: FindingParamsByCode[C];
}

/** One finding: a union keyed on `code` (as zod's issues are). */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

export function createFinding<C extends FindingCode>(code: C, where: FindingPosition, ...[params]: ParamsArg<C>): FindingOf<C> {
  const f: FindingOf<C> = { code, severity: FINDING_SEVERITY[code], ...where };
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
