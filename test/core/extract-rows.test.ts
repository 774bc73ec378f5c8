import { describe, expect, it } from 'vitest';
import { locateTable } from '../../src/core/locate/locate-table.js';
import { extractRows } from '../../src/core/rows/extract-rows.js';
import { HEADER, sheetOf, validRow, workbookOf, type Literal } from '../helpers/sheet.js';

function extract(rows: Literal[][], merges: string[] = []) {
  const r = locateTable(workbookOf(sheetOf(rows, { merges })), 'a.xlsx');
  if (!r.ok) throw new Error('no table');
  return extractRows(r.layout);
}

describe('extractRows', () => {
  it('skips blank rows, 合计, example rows, pre-numbered empty rows, notes and signature lines', () => {
    const rows: Literal[][] = [
      HEADER,
      ['示例', '社区科普讲座(示例)', '专家讲科普专项行动'],
      validRow(1),
      [],
      validRow(2),
      [3],
      ['合计', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 160],
      ['填表人:王芳', '', '', '审核人:张强'],
      ['填表说明:'],
      ['1. 每行填写一项活动'],
      ['2. 活动名称不超过60字'],
    ];
    const x = extract(rows);
    expect(x.rows.map((r) => r.r + 1)).toEqual([3, 5]);
    expect(x.skipped).toEqual([
      { r: 1, reason: 'example' },
      { r: 3, reason: 'blank' },
      { r: 5, reason: 'blank' },
      { r: 6, reason: 'total' },
      { r: 7, reason: 'signature' },
      { r: 8, reason: 'notes' },
      { r: 9, reason: 'notes' },
      { r: 10, reason: 'notes' },
    ]);
    expect(x.read).toBe(x.rows.length + x.skipped.length);
  });

  it('gives a vertically merged category to every row and points at the merge top-left', () => {
    const rows = [HEADER, validRow(1), validRow(2, { 活动类别: undefined }), validRow(3, { 活动类别: undefined })];
    const x = extract(rows, ['C2:C4']);
    expect(x.rows.map((r) => r.fields.get('category')!.cell)).toEqual([
      { t: 's', v: '专家讲科普专项行动' },
      { t: 's', v: '专家讲科普专项行动' },
      { t: 's', v: '专家讲科普专项行动' },
    ]);
    expect(x.rows.map((r) => r.fields.get('category')!.address)).toEqual(['C2', 'C2', 'C2']);
    expect(x.rows[2].fields.get('name')!.address).toBe('B4');
  });

  it('does not turn a merged-down cell alone into an activity', () => {
    const rows = [HEADER, validRow(1), [undefined]];
    rows[2] = [];
    const x = extract([...rows, []], ['C2:C4']);
    expect(x.rows).toHaveLength(1);
  });
});
