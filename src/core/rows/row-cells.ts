/**
 * An activity's cell addresses (`Activity.cells`) without a record per row. A province merge keeps
 * every activity until its outputs are written; a record of ~21 addresses per row was ~30 MiB for
 * 100,000 rows (issue 6). A row whose cells are all its own (no merged range reaches it) keeps
 * only its row index and its file's column map, shared by every row of the file, and gives each
 * address on demand from the interned address table. Rows a merge reaches keep a plain record
 * (their cells may live at the merge's top-left, elsewhere in the sheet).
 *
 * It reads like the record it replaces for `cells.name` and `cells[key]` (an unbound field is
 * undefined). It is not a plain object: `Object.keys` and JSON see nothing (the addresses are
 * getters on the prototype, the row and columns sit under symbol keys); use `cellsRecord` for a
 * plain copy.
 */
import { FIELD_KEYS, type FieldKey } from '../columns.js';
import { addressOf } from '../table.js';

export type CellAddresses = Readonly<Partial<Record<FieldKey, string>>>;
/** the sheet column (0-based) of each bound field of one file's table */
export type FieldColumns = Readonly<Partial<Record<FieldKey, number>>>;

const ROW = Symbol('row');
const COLUMNS = Symbol('columns');

interface RowCellsShape {
  readonly [ROW]: number;
  readonly [COLUMNS]: FieldColumns;
}

class RowCells implements RowCellsShape {
  readonly [ROW]: number;
  readonly [COLUMNS]: FieldColumns;
  constructor(r: number, columns: FieldColumns) {
    this[ROW] = r;
    this[COLUMNS] = columns;
  }
}

// one getter per field on the prototype: the object answers like a record whose absent fields are undefined
for (const key of FIELD_KEYS) {
  Object.defineProperty(RowCells.prototype, key, {
    enumerable: true,
    get(this: RowCellsShape): string | undefined {
      const c = this[COLUMNS][key];
      return c === undefined ? undefined : addressOf(this[ROW], c);
    },
  });
}

/** The addresses of row `r` (0-based) whose bound fields sit in `columns`, on demand. */
export function rowCells(r: number, columns: FieldColumns): CellAddresses {
  return new RowCells(r, columns) as unknown as CellAddresses;
}

/** A plain copy (tests, debugging): only the fields that have an address. */
export function cellsRecord(cells: CellAddresses): Partial<Record<FieldKey, string>> {
  const out: Partial<Record<FieldKey, string>> = {};
  for (const key of FIELD_KEYS) {
    const a = cells[key];
    if (a !== undefined) out[key] = a;
  }
  return out;
}
