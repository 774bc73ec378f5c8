import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze-workbook.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { locateTable } from '../../src/core/locate/locate-table.js';
import { extractRows, walkRows, type RawRow } from '../../src/core/rows/extract-rows.js';
import { cellsRecord } from '../../src/core/rows/row-cells.js';
import { addressOf } from '../../src/core/table.js';
import { HEADER, sheetOf, validRow, workbookOf, type Literal } from '../helpers/sheet.js';

function layoutOf(rows: Literal[][], merges: string[] = []) {
  const r = locateTable(workbookOf(sheetOf(rows, { merges })), 'a.xlsx');
  if (!r.ok) throw new Error('no table');
  return r.layout;
}

const ROWS: Literal[][] = [
  ['2023年全国科普日活动安排表'],
  HEADER,
  validRow(1),
  validRow(2, { 活动类别: undefined }),
  ['合计'],
  validRow(3),
  [],
  validRow(4, { 活动名称: '  社区  科普讲座 ' }),
  HEADER,
  ['填表说明:'],
  ['1. 每行填写一项活动'],
];

describe('walkRows', () => {
  it.each([[[]], [['A1:U1']], [['C3:C4']], [['A1:U1', 'C3:C4', 'A7:D7']]])('hands over the rows extractRows collects (merges %j)', (merges) => {
    const layout = layoutOf(ROWS, merges);
    const walked: RawRow[] = [];
    const rest = walkRows(layout, (row) => walked.push(row));
    const extracted = extractRows(layout);
    expect(walked).toEqual(extracted.rows);
    expect(rest).toEqual({ read: extracted.read, skipped: extracted.skipped });
  });
});

describe('analyzeWorkbook rows', () => {
  it('keeps the key order of values and raw, gives every cell address, and shares parse results between equal cells', () => {
    const a = analyzeWorkbook(workbookOf(sheetOf([HEADER, validRow(1), validRow(2)])), 'a.xlsx', defaultRules());
    const [r1, r2] = a.rows;
    expect(Object.keys(r1.activity.values)).toEqual([
      'seq',
      'name',
      'timeSlot',
      'location',
      'host',
      'summary',
      'audience',
      'contact',
      'category',
      'form',
      'field',
      'mode',
      'town',
      'published',
      'startDate',
      'endDate',
      'expectedCount',
      'phone',
    ]);
    const keysInHeaderOrder = HEADER.map((h) => [...a.layout!.fields].find(([, b]) => b.header === h)![0]);
    expect(Object.keys(r1.activity.raw)).toEqual(keysInHeaderOrder.filter((k) => k !== 'organizer' && k !== 'url' && k !== 'remarks'));
    // addresses on demand (row-cells.ts): every bound field, in its own column of the row
    const cells = cellsRecord(r1.activity.cells);
    expect(Object.keys(cells).sort()).toEqual([...keysInHeaderOrder].sort());
    for (const [key, b] of a.layout!.fields) expect(cells[key]).toBe(addressOf(r1.activity.row - 1, b.c));
    expect(r1.activity.cells.name).toBe(addressOf(r1.activity.row - 1, a.layout!.fields.get('name')!.c));
    expect(r2.start).toBe(r1.start);
    expect(r2.count).toBe(r1.count);
    expect(Object.isFrozen(r1.start)).toBe(true);
    expect(r1.activity.values.field).toEqual(['防灾避险']);
    expect(r2.activity.values.field).toBe(r1.activity.values.field);
  });
});
