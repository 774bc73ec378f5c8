/**
 * A row rule: one file per rule, listed in order in ./index.ts. A rule reads one parsed row and
 * emits findings through `emit`; it never throws for bad data.
 */
import type { FieldKey } from '../columns.js';
import type { Rules, UnitKind } from '../config/schema.js';
import type { FindingCode, FindingParams } from '../finding.js';
import type { ParsedRow } from '../rows/normalize-row.js';

export interface RowCheck {
  row: ParsedRow;
  rules: Rules;
  /** the submitting unit's kind, when a roster knows it (merge only) */
  unitKind?: UnitKind;
  /** which fields the table has a column for */
  hasColumn(key: FieldKey): boolean;
  /** report `code` at the cell of `field` on this row */
  emit(code: FindingCode, field: FieldKey, params?: FindingParams): void;
}

export interface RowRule {
  /** kebab-case, the file name */
  name: string;
  /** the codes this rule may emit */
  codes: readonly FindingCode[];
  check(c: RowCheck): void;
}
