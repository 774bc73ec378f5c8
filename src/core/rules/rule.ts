/**
 * The rule model. Every check is a rule in its own file under src/core/rules/, at one of three
 * levels, listed in order in ./index.ts:
 * - row: one parsed row of one file (cell and row checks);
 * - table: one located table (its columns, its rows together);
 * - unit: the merge — one submission's unit and time, one roster unit's submissions, every
 *   merged row across units.
 * A rule declares the codes it may emit, and its `emit` accepts only those codes, each with the
 * params its message needs (FindingParamsByCode). Rules never throw for bad data.
 */
import type { Activity } from '../activity.js';
import type { FieldKey } from '../columns.js';
import type { RosterUnit, Config, UnitKind } from '../config/schema.js';
import { createFinding, type Finding, type FindingCode, type FindingPosition, type ParamsArg } from '../finding.js';
import type { TableLayout } from '../locate/locate-table.js';
import type { FileStatus } from '../report.js';
import type { ParsedRow } from '../rows/normalize-row.js';

export interface RowCheck<C extends FindingCode = FindingCode> {
  row: ParsedRow;
  rules: Config;
  /** the submitting unit's kind, when a roster knows it (merge only) */
  unitKind?: UnitKind;
  /** which fields the table has a column for */
  hasColumn(key: FieldKey): boolean;
  /** report `code` at the cell of `field` on this row */
  emit<K extends C>(code: K, field: FieldKey, ...params: ParamsArg<K>): void;
}

export interface RowRule<C extends FindingCode = FindingCode> {
  level: 'row';
  /** kebab-case, the file name */
  name: string;
  /** the codes this rule may emit */
  codes: readonly C[];
  check(c: RowCheck<C>): void;
}

/** A rule's emit for positions it chooses itself (table and unit rules). */
export type Emit<C extends FindingCode> = <K extends C>(code: K, where: FindingPosition, ...params: ParamsArg<K>) => void;

export function defineRowRule<const C extends FindingCode>(rule: Omit<RowRule<C>, 'level'>): RowRule<C> {
  return { level: 'row', ...rule };
}

/** A located table: its columns as bound (rows are checked by row rules). */
export interface TableCheck<C extends FindingCode = FindingCode> {
  file: string;
  layout: TableLayout;
  rules: Config;
  emit: Emit<C>;
}

export interface TableRule<C extends FindingCode = FindingCode> {
  level: 'table';
  name: string;
  codes: readonly C[];
  check(c: TableCheck<C>): void;
}

/** Activities together: one file's (validate) or every merged file's (merge). */
export interface ActivitiesCheck<C extends FindingCode = FindingCode> {
  activities: readonly Activity[];
  /** the header the activity's file gives the 活动名称 column */
  nameHeaderOf(a: Activity): string | undefined;
  /** the unit an activity belongs to, once the merge knows it */
  unitOf(a: Activity): string | undefined;
  emit: Emit<C>;
}

export interface ActivitiesRule<C extends FindingCode = FindingCode> {
  level: 'activities';
  name: string;
  codes: readonly C[];
  check(c: ActivitiesCheck<C>): void;
}

/** One submitted file in the merge, once its unit is decided and superseding is done. */
export interface SubmissionCheck<C extends FindingCode = FindingCode> {
  file: string;
  sheet?: string;
  /** the file was read and a table found */
  analyzed: boolean;
  /** the unit's name as decided (roster name, or the name as written) */
  unit?: string;
  /** the roster's unit, when the name matched one */
  rosterUnit?: RosterUnit;
  /** where the unit's name was read, when it was a cell */
  unitCell?: string;
  /** the nearest roster unit to an unknown name */
  nearestUnit?: string;
  receivedAt?: string;
  /** a received-unknown finding already came from collecting (an unreadable mail time) */
  receivedUnknownReported: boolean;
  status: FileStatus;
  /** the later file of the same unit that replaces this one */
  supersededBy?: string;
  rules: Config;
  emit: Emit<C>;
}

export interface SubmissionRule<C extends FindingCode = FindingCode> {
  level: 'submission';
  name: string;
  codes: readonly C[];
  check(c: SubmissionCheck<C>): void;
}

/** One roster unit in the merge, with the files of it that were merged. */
export interface UnitCheck<C extends FindingCode = FindingCode> {
  unit: RosterUnit;
  /** paths of its merged files, in input order */
  files: readonly string[];
  activities: readonly Activity[];
  rules: Config;
  emit: Emit<C>;
}

export interface UnitRule<C extends FindingCode = FindingCode> {
  level: 'unit';
  name: string;
  codes: readonly C[];
  check(c: UnitCheck<C>): void;
}

export type AnyRule = RowRule | TableRule | ActivitiesRule | SubmissionRule | UnitRule;

export function defineTableRule<const C extends FindingCode>(rule: Omit<TableRule<C>, 'level'>): TableRule<C> {
  return { level: 'table', ...rule };
}
export function defineActivitiesRule<const C extends FindingCode>(rule: Omit<ActivitiesRule<C>, 'level'>): ActivitiesRule<C> {
  return { level: 'activities', ...rule };
}
export function defineSubmissionRule<const C extends FindingCode>(rule: Omit<SubmissionRule<C>, 'level'>): SubmissionRule<C> {
  return { level: 'submission', ...rule };
}
export function defineUnitRule<const C extends FindingCode>(rule: Omit<UnitRule<C>, 'level'>): UnitRule<C> {
  return { level: 'unit', ...rule };
}

/** An `emit` that appends to `out` (every level's caller uses one), adding `unit` when given. */
export function emitInto(out: Finding[], unit?: string): Emit<FindingCode> {
  return (code, where, ...params) => {
    const f = createFinding<FindingCode>(
      code,
      unit !== undefined && where.unit === undefined ? { ...where, unit } : where,
      ...(params as ParamsArg<FindingCode>),
    );
    out.push(f as Finding);
  };
}
