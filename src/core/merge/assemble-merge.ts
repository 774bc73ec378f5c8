/**
 * The merge, pure (SPEC §6): analysed submissions + rules + options → the master rows, the file
 * and unit tables, every finding, and the row reconciliation. No I/O here; src/io/run-merge.ts
 * reads the inputs and writes the outputs around it (changesets' assemble-release-plan pattern).
 */
import type { Activity } from '../activity.js';
import { checkRows, type AnalyzedFile } from '../analyze-workbook.js';
import type { RosterUnit, Config, UnitKind } from '../config/schema.js';
import { columnIndexOfCell, compareFindings, type Finding } from '../finding.js';
import { MARK_WORDS } from '../messages.js';
import type { FileStatus, ReportFile, ReportUnit } from '../report.js';
import { ACTIVITIES_RULES, SUBMISSION_RULES, UNIT_RULES } from '../rules/index.js';
import { emitInto } from '../rules/rule.js';
import { findUnitInText } from '../units/find-unit-in-text.js';
import { createUnitMatcher, type UnitMatcher } from '../units/match-unit.js';
import { normalizeText } from '../values/fold-text.js';
import { isLate } from './deadline.js';
import { countFindingsByUnit } from '../unit-counts.js';

export { formatLocal } from '../rules/submission-late.js';

export interface Submission {
  /** provenance path: 'inbox/a.eml#附件.xlsx' */
  path: string;
  /** base name, for unit-from-file-name */
  name: string;
  receivedAt?: string;
  receivedFrom?: 'eml' | 'manifest';
  email?: { from?: string; fromName?: string; subject?: string };
  /** undefined when the file could not be read */
  analyzed?: AnalyzedFile;
  /** findings of collecting and reading the file */
  readFindings: Finding[];
}

export interface MergedRow {
  /** 1…N after ordering */
  seq: number;
  activity: Activity;
  unit: string;
  receivedAt?: string;
  /** short Chinese words for the 标记 column, e.g. '逾期、缺项' */
  marks: string[];
  hasError: boolean;
}

export interface MergeOptions {
  keepAll?: boolean;
}

export interface MergePlan {
  rows: MergedRow[];
  files: ReportFile[];
  units: ReportUnit[];
  findings: Finding[];
  /** read = merged + superseded + skipped + noTable (rows of files whose table was not found, issue 13) */
  reconciliation: { read: number; merged: number; superseded: number; skipped: number; noTable: number };
  /** headers of extra columns, in first-seen order, for the master table */
  extraHeaders: string[];
}

export class ReconciliationError extends Error {}

interface FileState {
  sub: Submission;
  index: number;
  unitName?: string;
  rosterUnit?: RosterUnit;
  /** where the unit's name was read, when it was a cell */
  unitCell?: string;
  nearestUnit?: string;
  status: FileStatus;
  late: boolean;
  supersededBy?: string;
  findings: Finding[];
}

export function assembleMerge(submissions: readonly Submission[], rules: Config, opts: MergeOptions = {}): MergePlan {
  const matcher = createUnitMatcher(rules.roster, rules.namePrefixes);
  const states: FileState[] = submissions.map((sub, index) => identify(sub, index, matcher, rules));

  supersede(states, opts);
  for (const s of states) checkSubmission(s, rules);

  // row rules now that each file's unit and kind are known
  for (const s of states) {
    if (s.status !== 'merged' || !s.sub.analyzed) continue;
    s.findings.push(...checkRows(s.sub.analyzed, rules, { unitKind: s.rosterUnit?.kind as UnitKind | undefined, unit: s.unitName }));
  }

  const merged = states.filter((s) => s.status === 'merged' && s.sub.analyzed);
  const activities = merged.flatMap((s) => s.sub.analyzed!.rows.map((r) => r.activity));
  const stateOf = new Map(merged.map((x) => [x.sub.path, x]));
  const mergeFindings: Finding[] = [];
  const emit = emitInto(mergeFindings);
  const check = {
    activities,
    nameHeaderOf: (a: Activity) => stateOf.get(a.file)?.sub.analyzed?.layout?.fields.get('name')?.header,
    unitOf: (a: Activity) => stateOf.get(a.file)?.unitName,
    emit,
  };
  for (const rule of ACTIVITIES_RULES) rule.check(check);

  const units = summarizeUnits(states, rules, mergeFindings);

  const findings = [...states.flatMap((s) => s.findings), ...mergeFindings];
  // issue 12 §4: a unit's counts include its unit-level findings, as 问题清单 lists them
  countFindingsByUnit(units, findings);
  const rows = orderRows(merged, rules, findings);

  const reconciliation = reconcile(states);
  const extraHeaders: string[] = [];
  for (const a of activities) for (const e of a.extras) if (!extraHeaders.includes(e.header)) extraHeaders.push(e.header);

  return {
    rows,
    files: states.map(toReportFile),
    units,
    findings: sortMergeFindings(findings, units),
    reconciliation,
    extraHeaders,
  };
}

/**
 * Which unit sent the file (SPEC §5): the 填报单位 line, a 填报单位 column, the file name, then the
 * mail's address, sender name and subject — the first that names a unit. The findings of
 * reading and locating are copied with that unit, never changed in place (the inputs stay as given).
 */
function identify(sub: Submission, index: number, matcher: UnitMatcher, rules: Config): FileState {
  const a = sub.analyzed;
  const state: FileState = {
    sub,
    index,
    status: a ? 'merged' : sub.readFindings.some((f) => f.code === 'file-unsupported') ? 'unsupported' : 'unreadable',
    late: false,
    findings: a ? [...sub.readFindings, ...a.findings] : [...sub.readFindings],
  };
  if (!a) return state;

  let chosen: { name: string; unit?: RosterUnit; cell?: string } | undefined;
  const written = a.unitLine.unit
    ? { text: a.unitLine.unit, cell: a.unitLine.cell }
    : (() => {
        const fromColumn = a.rows.find((r) => r.activity.unitFromColumn)?.activity.unitFromColumn;
        return fromColumn ? { text: fromColumn, cell: undefined } : undefined;
      })();
  if (written) {
    const m = matcher.match(written.text);
    chosen = m ? { name: m.unit.name, unit: m.unit, cell: written.cell } : { name: cleanUnitName(written.text), cell: written.cell };
  }
  if (!chosen) {
    const fromName = findUnitInText(sub.name, matcher, rules.namePrefixes);
    if (fromName) chosen = { name: fromName.unit?.name ?? fromName.name, unit: fromName.unit };
  }
  if (!chosen && sub.email?.from) {
    const byAddress = matcher.matchEmail(sub.email.from);
    if (byAddress) chosen = { name: byAddress.name, unit: byAddress };
  }
  if (!chosen && sub.email) {
    for (const text of [sub.email.fromName, sub.email.subject]) {
      if (!text) continue;
      const found = findUnitInText(text, matcher, rules.namePrefixes);
      if (found?.unit) {
        chosen = { name: found.unit.name, unit: found.unit };
        break;
      }
    }
  }
  if (!chosen) return state;
  const unit = chosen.name;
  state.unitName = unit;
  state.rosterUnit = chosen.unit;
  state.unitCell = chosen.cell;
  if (!chosen.unit) state.nearestUnit = matcher.nearest(unit)?.unit.name;
  state.findings = state.findings.map((f) => (f.unit === undefined ? { ...f, unit } : f));
  state.late = !!sub.receivedAt && isLate(sub.receivedAt, rules.deadlines.schedule);
  return state;
}

/** The submission rules, on one file once superseding is decided. */
function checkSubmission(s: FileState, rules: Config): void {
  const check = {
    file: s.sub.path,
    ...(s.sub.analyzed?.sheet ? { sheet: s.sub.analyzed.sheet } : {}),
    analyzed: s.sub.analyzed !== undefined,
    unit: s.unitName,
    rosterUnit: s.rosterUnit,
    unitCell: s.unitCell,
    nearestUnit: s.nearestUnit,
    receivedAt: s.sub.receivedAt,
    receivedUnknownReported: s.findings.some((f) => f.code === 'received-unknown'),
    status: s.status,
    supersededBy: s.supersededBy,
    rules,
    emit: emitInto(s.findings),
  };
  for (const rule of SUBMISSION_RULES) rule.check(check);
}

function cleanUnitName(text: string): string {
  return dropSealNotes(normalizeText(text))
    .replace(/[\s_＿]+$/g, '')
    .trim();
}

/**
 * Drop bracketed notes naming a seal: `（盖章）`, `(加盖公章)`. The same as replacing
 * /[(（][^)）]*(盖章|公章)[^)）]*[)）]/g, in one pass: that pattern rescans to the next ')' from
 * every '(' of a long run of them (issue 13). Between two closing brackets, the first opening one
 * starts the note, when the text up to the closing one names a seal.
 */
export function dropSealNotes(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== ')' && c !== '）') continue;
    let open = -1;
    for (let k = from; k < i; k++) {
      if (s[k] === '(' || s[k] === '（') {
        open = k;
        break;
      }
    }
    const inside = open < 0 ? '' : s.slice(open + 1, i);
    if (open >= 0 && (inside.includes('盖章') || inside.includes('公章'))) out += s.slice(from, open);
    else out += s.slice(from, i + 1);
    from = i + 1;
  }
  return out + s.slice(from);
}

/** The latest submission of a unit replaces the earlier ones; unknown times count as earliest. */
function supersede(states: FileState[], opts: MergeOptions): void {
  if (opts.keepAll) return;
  const byUnit = new Map<string, FileState[]>();
  for (const s of states) {
    if (s.status !== 'merged' || !s.unitName) continue;
    const list = byUnit.get(s.unitName);
    if (list) list.push(s);
    else byUnit.set(s.unitName, [s]);
  }
  for (const list of byUnit.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => {
      const ta = a.sub.receivedAt ? Date.parse(a.sub.receivedAt) : -Infinity;
      const tb = b.sub.receivedAt ? Date.parse(b.sub.receivedAt) : -Infinity;
      return ta !== tb ? ta - tb : a.index - b.index;
    });
    const latest = sorted[sorted.length - 1];
    for (const s of sorted.slice(0, -1)) {
      s.status = 'superseded';
      // the replaced file's row problems are moot; keep what concerns the file itself
      s.findings = s.findings.filter((f) => f.row === undefined);
      s.late = false;
      s.supersededBy = latest.sub.path;
    }
  }
}

function summarizeUnits(states: FileState[], rules: Config, out: Finding[]): ReportUnit[] {
  const units: ReportUnit[] = [];
  // merged files by unit, in input order (a province has thousands of units: no scan per unit)
  const mergedByUnit = new Map<string, FileState[]>();
  for (const s of states) {
    if (s.status !== 'merged' || s.unitName === undefined) continue;
    const list = mergedByUnit.get(s.unitName);
    if (list) list.push(s);
    else mergedByUnit.set(s.unitName, [s]);
  }
  const mergedOf = (name: string) => mergedByUnit.get(name) ?? [];
  const count = (list: FileState[], sev: 'error' | 'warning') => list.reduce((n, s) => n + s.findings.filter((f) => f.severity === sev).length, 0);

  for (const u of rules.roster) {
    const files = mergedOf(u.name);
    const activities = files.reduce((n, s) => n + s.sub.analyzed!.rows.length, 0);
    const submitted = files.length > 0;
    const check = {
      unit: u,
      files: files.map((s) => s.sub.path),
      activities: files.flatMap((s) => s.sub.analyzed!.rows.map((r) => r.activity)),
      rules,
      emit: emitInto(out),
    };
    for (const rule of UNIT_RULES) rule.check(check);
    units.push({
      name: u.name,
      kind: u.kind,
      quota: u.quota ?? null,
      activities,
      submitted,
      late: files.some((s) => s.late),
      errors: count(files, 'error'),
      warnings: count(files, 'warning'),
    });
  }
  // units not on the roster, in order of first appearance
  const listed = new Set(units.map((u) => u.name));
  for (const s of states) {
    if (s.status !== 'merged' || !s.unitName || s.rosterUnit) continue;
    if (listed.has(s.unitName)) continue;
    listed.add(s.unitName);
    const files = mergedOf(s.unitName);
    units.push({
      name: s.unitName,
      kind: null,
      quota: null,
      activities: files.reduce((n, f) => n + f.sub.analyzed!.rows.length, 0),
      submitted: true,
      late: files.some((f) => f.late),
      errors: count(files, 'error'),
      warnings: count(files, 'warning'),
    });
  }
  return units;
}

/** Unit in roster order (others after, then files without a unit), then start date, then the unit's own order. */
function orderRows(merged: FileState[], rules: Config, findings: Finding[]): MergedRow[] {
  const rosterIndex = new Map(rules.roster.map((u, i) => [u.name, i]));
  const firstSeen = new Map<string, number>();
  merged.forEach((s, i) => {
    const name = s.unitName ?? '';
    if (!firstSeen.has(name)) firstSeen.set(name, i);
  });
  const unitRank = (s: FileState) => (s.unitName === undefined ? 2e9 : (rosterIndex.get(s.unitName) ?? 1e9 + (firstSeen.get(s.unitName) ?? 0)));

  // findings by file, then row (a Map per file: no composite string key per finding and per row)
  const byFile = new Map<string, Map<number, Finding[]>>();
  for (const f of findings) {
    if (f.row === undefined) continue;
    let rows = byFile.get(f.file);
    if (!rows) byFile.set(f.file, (rows = new Map()));
    const l = rows.get(f.row);
    if (l) l.push(f);
    else rows.set(f.row, [f]);
  }

  // sort keys computed once per row, not per comparison (a province sorts 100,000 rows)
  const items: { s: FileState; a: Activity; rank: number; date: string; own: number }[] = [];
  for (const s of merged) {
    const rank = unitRank(s);
    s.sub.analyzed!.rows.forEach((r, i) => items.push({ s, a: r.activity, rank, date: r.activity.values.startDate ?? '9999', own: s.index * 1e6 + i }));
  }
  items.sort((x, y) => {
    if (x.rank !== y.rank) return x.rank - y.rank;
    if (x.date !== y.date) return x.date < y.date ? -1 : 1;
    return x.own - y.own;
  });
  return items.map(({ s, a }, i) => {
    const own = byFile.get(a.file)?.get(a.row) ?? NO_FINDINGS;
    const marks: string[] = [];
    if (s.late) marks.push(MARK_WORDS['submission-late']);
    for (const f of own) {
      // 标记 lists what needs a look; an info (a rounded count, a column bound by its words) does not
      if (f.severity === 'info') continue;
      const w = MARK_WORDS[f.code];
      if (!marks.includes(w)) marks.push(w);
    }
    return {
      seq: i + 1,
      activity: a,
      unit: s.unitName ?? '',
      ...(s.sub.receivedAt ? { receivedAt: s.sub.receivedAt } : {}),
      marks,
      hasError: own.some((f) => f.severity === 'error'),
    };
  });
}

/**
 * read = merged + superseded + skipped + rows in files whose table was not found, per file and in
 * total; a difference is a bug, loudly.
 */
function reconcile(states: FileState[]): MergePlan['reconciliation'] {
  let read = 0;
  let merged = 0;
  let superseded = 0;
  let skipped = 0;
  let noTable = 0;
  for (const s of states) {
    const a = s.sub.analyzed;
    if (!a) continue;
    const rows = a.rows.length;
    read += a.rowsRead;
    skipped += a.skipped.length;
    noTable += a.rowsWithoutTable ?? 0;
    if (s.status === 'merged') merged += rows;
    else if (s.status === 'superseded') superseded += rows;
  }
  if (read !== merged + superseded + skipped + noTable) {
    throw new ReconciliationError(`行数不平衡：读取 ${read} ≠ 汇总 ${merged} + 替代 ${superseded} + 跳过 ${skipped} + 未找到表格 ${noTable}`);
  }
  return { read, merged, superseded, skipped, noTable };
}

function toReportFile(s: FileState): ReportFile {
  return {
    path: s.sub.path,
    unit: s.unitName ?? null,
    receivedAt: s.sub.receivedAt ?? null,
    receivedFrom: s.sub.receivedAt ? (s.sub.receivedFrom ?? null) : null,
    status: s.status,
    rows: s.sub.analyzed?.rows.length ?? 0,
  };
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Findings grouped by unit in the units table's order, then as `compareFindings` orders them
 * (file, row, cell column, severity, code). The unit rank and cell column are computed once per
 * finding, not per comparison (a province sorts ~66,000 findings).
 */
function sortMergeFindings(findings: Finding[], units: ReportUnit[]): Finding[] {
  const rank = new Map(units.map((u, i) => [u.name, i]));
  const keyed = findings.map((f) => ({ f, rank: f.unit !== undefined ? (rank.get(f.unit) ?? 1e9) : 2e9, column: columnIndexOfCell(f.cell) }));
  keyed.sort((x, y) => {
    if (x.rank !== y.rank) return x.rank - y.rank;
    const a = x.f;
    const b = y.f;
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    const ra = a.row ?? 0;
    const rb = b.row ?? 0;
    if (ra !== rb) return ra - rb;
    if (x.column !== y.column) return x.column - y.column;
    return compareFindings(a, b);
  });
  return keyed.map((k) => k.f);
}
