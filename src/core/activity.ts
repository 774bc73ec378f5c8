/**
 * One activity row after reading and normalizing: values typed, every value's original cell
 * remembered so findings and feedback can point at it.
 */
import type { FieldKey } from './columns.js';

/** Typed values of a row; absent when the cell was empty or could not be read. */
export interface ActivityValues {
  seq?: string;
  name?: string;
  /** canonical category when recognised, else the text as written */
  category?: string;
  form?: string;
  /** one or more science fields, canonical where recognised */
  field?: string[];
  mode?: string;
  /** ISO 'YYYY-MM-DD' */
  startDate?: string;
  endDate?: string;
  timeSlot?: string;
  location?: string;
  town?: string;
  host?: string;
  organizer?: string;
  summary?: string;
  audience?: string;
  expectedCount?: number;
  contact?: string;
  /** normalized: '0553-5864150', '13912345678', several joined with '、' */
  phone?: string;
  url?: string;
  /** '是' | '否' */
  published?: string;
  remarks?: string;
}

export interface ExtraValue {
  /** the header as written in the file */
  header: string;
  value: string;
}

export interface Activity {
  /** provenance */
  file: string;
  sheet: string;
  /** 1-based row number in the original sheet */
  row: number;
  /** the unit this row belongs to, once known */
  unit?: string;
  /** unit named in a 填报单位 column on this row, if any */
  unitFromColumn?: string;
  values: ActivityValues;
  /** the cell text as written (normalized white space), for output when a value could not be typed */
  raw: Partial<Record<FieldKey, string>>;
  /**
   * A1 address of each field's cell for this row (read-only; for most rows not a plain object but
   * addresses made on demand — see rows/row-cells.ts)
   */
  cells: Readonly<Partial<Record<FieldKey, string>>>;
  extras: ExtraValue[];
}
