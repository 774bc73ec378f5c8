/**
 * One set of unit figures (issue 12 §4) for the terminal, 总览, 单位报送情况 and the tests: who
 * was expected, who reported, who is late, missing, asked to fix, and who is not on the roster
 * (counted apart, never as 已报送). Pure; reads the report only.
 */
import type { Finding } from './finding.js';
import type { Report, ReportFinding, ReportUnit } from './report.js';

export const UNIT_STATUS = { submitted: '已报送', late: '逾期', missing: '未报送', unlisted: '不在名单', toFix: '待修改' } as const;
export type UnitStatus = (typeof UNIT_STATUS)[keyof typeof UNIT_STATUS];

/** On the roster: with a roster, by name; without one (validate-like runs), every unit with a kind. */
export function isListed(report: Report, unit: ReportUnit): boolean {
  return report.rules.roster.length > 0 ? report.rules.roster.some((u) => u.name === unit.name) : unit.kind !== null;
}

/**
 * 未报送, then 待修改 (errors to fix, on the roster or not: as many as 总览 names), then 不在名单,
 * then 逾期, else 已报送.
 */
export function unitStatus(unit: ReportUnit, listed: boolean): UnitStatus {
  if (!unit.submitted) return UNIT_STATUS.missing;
  if (unit.errors > 0) return UNIT_STATUS.toFix;
  if (!listed) return UNIT_STATUS.unlisted;
  if (unit.late) return UNIT_STATUS.late;
  return UNIT_STATUS.submitted;
}

export interface UnitTally {
  /** roster units */
  expected: ReportUnit[];
  /** roster units that sent a table */
  submitted: ReportUnit[];
  missing: ReportUnit[];
  /** late units (on the roster or not) */
  late: ReportUnit[];
  /** units that sent a table with errors to fix (on the roster or not) */
  toFix: ReportUnit[];
  /** units that sent a table but are not on the roster */
  unlisted: ReportUnit[];
}

export function tallyUnits(report: Report): UnitTally {
  const roster = new Set(report.rules.roster.map((u) => u.name));
  const listed = (u: ReportUnit) => (roster.size > 0 ? roster.has(u.name) : u.kind !== null);
  const expected = report.units.filter(listed);
  return {
    expected,
    submitted: expected.filter((u) => u.submitted),
    missing: expected.filter((u) => !u.submitted),
    late: report.units.filter((u) => u.submitted && u.late),
    toFix: report.units.filter((u) => u.submitted && u.errors > 0),
    unlisted: report.units.filter((u) => u.submitted && !listed(u)),
  };
}

/**
 * A unit's errors and warnings are every finding that names it: its files' cell and file
 * findings and the unit-level ones (quota-short, town-main-event-missing, duplicate-activity,
 * submission-late, submission-missing), so 单位报送情况 agrees with 问题清单 filtered by unit.
 */
export function countFindingsByUnit(units: ReportUnit[], findings: readonly (Finding | ReportFinding)[]): void {
  const byName = new Map(units.map((u) => [u.name, u]));
  for (const u of units) {
    u.errors = 0;
    u.warnings = 0;
  }
  for (const f of findings) {
    const u = f.unit ? byName.get(f.unit) : undefined;
    if (!u) continue;
    if (f.severity === 'error') u.errors++;
    else if (f.severity === 'warning') u.warnings++;
  }
}
