import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze-workbook.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { cellsRecord, rowCells } from '../../src/core/rows/row-cells.js';
import { HEADER, sheetOf, validRow, workbookOf } from '../helpers/sheet.js';

describe('rowCells', () => {
  const columns = Object.freeze({ seq: 0, name: 1, startDate: 6, remarks: 70 });

  it('answers like a record of the row’s addresses', () => {
    const cells = rowCells(9, columns);
    expect(cells.seq).toBe('A10');
    expect(cells.name).toBe('B10');
    expect(cells.startDate).toBe('G10');
    expect(cells.remarks).toBe('BS10'); // beyond the interned table
    expect(cells.url).toBeUndefined();
    expect(cellsRecord(cells)).toEqual({ seq: 'A10', name: 'B10', startDate: 'G10', remarks: 'BS10' });
  });

  it('shares the column map and shows nothing to JSON or Object.keys', () => {
    const a = rowCells(2, columns);
    const b = rowCells(3, columns);
    expect(a.name).toBe('B3');
    expect(b.name).toBe('B4');
    expect(Object.keys(a)).toEqual([]);
    expect(JSON.stringify(a)).toBe('{}');
  });

  it('a row a merge reaches keeps the merge’s top-left (plain record)', () => {
    const cat = HEADER.indexOf('活动类别');
    const letter = String.fromCharCode(65 + cat);
    const rows = [HEADER, validRow(1), validRow(2, { 活动类别: null }), validRow(3, { 活动类别: null }), validRow(4)];
    // category merged over the first three data rows (sheet rows 2–4); row 5 stands alone
    const a = analyzeWorkbook(workbookOf(sheetOf(rows, { merges: [`${letter}2:${letter}4`] })), 'a.xlsx', defaultRules());
    expect(a.rows.map((r) => r.activity.cells.category)).toEqual([`${letter}2`, `${letter}2`, `${letter}2`, `${letter}5`]);
    expect(a.rows.map((r) => r.activity.cells.name)).toEqual(['B2', 'B3', 'B4', 'B5']);
    expect(a.rows.map((r) => r.activity.values.category)).toEqual(Array(4).fill('专家讲科普专项行动'));
  });
});
