/** Excel's grid, shared by the readers: its bounds, dense rows, merges clipped to it. */
import type { Cell, CellRange, Sheet } from '../../core/table.js';

/** Excel's grid. Cells beyond it are dropped, merges clipped to it. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Merged ranges kept per sheet (a real table has dozens; a hostile one millions). */
export const MAX_MERGES_PER_SHEET = 100_000;

/** Sparse → dense with `undefined` (or `make()`) in the holes, so rows can be indexed and iterated alike. */
export function fillHoles<T>(arr: T[], make?: () => T): T[] {
  for (let i = 0; i < arr.length; i++) if (!(i in arr)) arr[i] = make ? make() : (undefined as T);
  return arr;
}

/**
 * Merges within the grid and the data actually present: a merge reaching past the last row or
 * column holding a value is cut there (nothing to spread beyond it), one starting past it is
 * dropped, and at most MAX_MERGES_PER_SHEET are kept.
 */
export function clipMerges(merges: CellRange[], maxR: number, maxC: number): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    if (out.length >= MAX_MERGES_PER_SHEET) break;
    const s = { r: Math.min(m.s.r, m.e.r), c: Math.min(m.s.c, m.e.c) };
    const e = { r: Math.max(m.s.r, m.e.r), c: Math.max(m.s.c, m.e.c) };
    if (s.r > maxR || s.c > maxC || s.r < 0 || s.c < 0) continue;
    e.r = Math.min(e.r, maxR, MAX_ROWS - 1);
    e.c = Math.min(e.c, maxC, MAX_COLS - 1);
    if (e.r === s.r && e.c === s.c) continue;
    out.push({ s, e });
  }
  return out;
}

/** 'B2:D5' (or '$B$2:$D$5', or a single 'B2') → 0-based range */
export function parseRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const col = (s: string) => {
    let n = 0;
    for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const s = { r: Number(m[2]) - 1, c: col(m[1]) };
  const e = m[3] ? { r: Number(m[4]) - 1, c: col(m[3]) } : { ...s };
  if (s.r < 0 || e.r < 0) return undefined;
  return { s, e };
}

/**
 * A read sheet once its cells are in, the same from every xlsx reader: rows without cells become
 * empty rows, and the merges (as written, 'B2:D5') are parsed and clipped to the cells present.
 * `maxR`/`maxC` are the last row and column holding a cell (-1 for none).
 */
export function finishSheet(
  name: string,
  state: string | undefined,
  rows: (Cell | undefined)[][],
  mergeRefs: readonly string[],
  maxR: number,
  maxC: number,
): Sheet {
  fillHoles(rows, () => []);
  return {
    name,
    hidden: state === 'hidden' || state === 'veryHidden',
    rows,
    merges: clipMerges(
      mergeRefs.map(parseRange).filter((m): m is CellRange => m !== undefined),
      maxR,
      maxC,
    ),
  };
}
