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
import type { FieldKey } from '../columns.js';
import type { Rules, UnitKind } from '../config/schema.js';
import type { FindingCode, FindingPosition, ParamsArg } from '../finding.js';
import type { ParsedRow } from '../rows/normalize-row.js';

export interface RowCheck<C extends FindingCode = FindingCode> {
  row: ParsedRow;
  rules: Rules;
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
