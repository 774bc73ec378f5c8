import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/table.js';
import { EncryptedWorkbookError, loadCodepages, readLegacy } from '../../src/io/read/read-legacy.js';
import { sheetjsBook, valuesOf, writeBook } from './make-files.js';

import { CALAMINE as CORPUS, itCorpus } from '../helpers/corpus.js';

beforeAll(() => loadCodepages());

const schedule = (date1904 = false) =>
  sheetjsBook(
    [
      {
        name: '活动安排表',
        aoa: [
          ['2023年鸠江区全国科普日活动安排表'],
          ['活动类别', '活动名称', '开始日期', '时段', '人数'],
          ['农村科普联合行动', '农技讲座', 0, 0.375, 80],
          [null, '果树修剪培训', 0, null, '50人'],
        ],
        merges: ['A1:E1', 'A3:A4'],
        cells: {
          C3: { t: 'n', v: date1904 ? 45187 - 1462 : 45187, z: 'yyyy-mm-dd' },
          C4: { t: 'n', v: date1904 ? 45188.5 - 1462 : 45188.5, z: 'yyyy/m/d h:mm' },
          D3: { t: 'n', v: 0.375, z: 'h:mm' },
        },
      },
      { name: '说明', aoa: [['x']], hidden: 1 },
    ],
    { date1904 },
  );

const EXPECTED = [
  ['2023年鸠江区全国科普日活动安排表'],
  ['活动类别', '活动名称', '开始日期', '时段', '人数'],
  ['农村科普联合行动', '农技讲座', '2023-09-18', 0.375, 80],
  ['', '果树修剪培训', '2023-09-19T12:00', '', '50人'],
];

function check(wb: Workbook): void {
  expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
    ['活动安排表', false],
    ['说明', true],
  ]);
  expect(valuesOf(wb.sheets[0].rows)).toEqual(EXPECTED);
  expect(wb.sheets[0].rows[2][3]).toEqual({ t: 'n', v: 0.375, fmt: 'h:mm' });
  expect(wb.sheets[0].merges).toEqual([
    { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } },
    { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } },
  ]);
}

describe('readLegacy', () => {
  it.each([
    ['biff8', 'xls'],
    ['biff5', 'xls'],
    ['xlsb', 'xlsb'],
    ['ods', 'ods'],
    ['xlsx', 'xlsx'],
  ] as const)('reads %s written by SheetJS: values, dates, merges, hidden sheets', (bookType, format) => {
    const wb = readLegacy(writeBook(schedule(), bookType), format);
    expect(wb.format).toBe(format);
    if (bookType === 'biff5') {
      // SheetJS writes BIFF5 text in code page 1252 only (CJK becomes '_'): check the rest
      expect(wb.sheets[0].rows[2].slice(2)).toEqual([
        { t: 'd', v: '2023-09-18' },
        { t: 'n', v: 0.375, fmt: 'h:mm' },
        { t: 'n', v: 80 },
      ]);
      expect(wb.sheets[0].rows[3][2]).toEqual({ t: 'd', v: '2023-09-19T12:00' });
      return;
    }
    if (bookType === 'ods') {
      // SheetJS's ODS writer drops the hidden flag (reading it is tested on the corpus below)
      expect(valuesOf(wb.sheets[0].rows)).toEqual(EXPECTED);
      expect(wb.sheets[0].merges).toHaveLength(2);
      return;
    }
    check(wb);
  });

  it('gives the same dates for 1904 workbooks', () => {
    for (const bookType of ['biff8', 'xlsb', 'xlsx'] as const) {
      const wb = readLegacy(writeBook(schedule(true), bookType), 'xls');
      expect([bookType, wb.date1904]).toEqual([bookType, true]);
      expect(valuesOf(wb.sheets[0].rows)).toEqual(EXPECTED);
    }
  });

  itCorpus('gives the same dates for the corpus 1904 .xls', () => {
    const a = readLegacy(readFileSync(path.join(CORPUS, 'date.xls')), 'xls');
    const b = readLegacy(readFileSync(path.join(CORPUS, 'date_1904.xls')), 'xls');
    expect(b.date1904).toBe(true);
    expect(valuesOf(a.sheets[0].rows)).toEqual(valuesOf(b.sheets[0].rows));
    expect(a.sheets[0].rows[0][0]).toEqual({ t: 'd', v: '2021-01-01' });
  });

  it('is exact whatever the process time zone', () => {
    const tz = process.env.TZ;
    try {
      const bytes = writeBook(schedule(), 'biff8');
      process.env.TZ = 'Asia/Kathmandu';
      const a = readLegacy(bytes, 'xls');
      process.env.TZ = 'America/St_Johns';
      const b = readLegacy(bytes, 'xls');
      expect(valuesOf(a.sheets[0].rows)).toEqual(EXPECTED);
      expect(valuesOf(b.sheets[0].rows)).toEqual(EXPECTED);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  itCorpus('reports the hidden sheets of an .ods (which SheetJS does not)', () => {
    const wb = readLegacy(readFileSync(path.join(CORPUS, 'any_sheets.ods')), 'ods');
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Visible', false],
      ['Hidden', true],
      ['VeryHidden', true],
      ['Chart', false],
    ]);
  });

  itCorpus('throws EncryptedWorkbookError for a password-protected .xls', () => {
    expect(() => readLegacy(readFileSync(path.join(CORPUS, 'issue_385.xls')), 'xls')).toThrow(EncryptedWorkbookError);
  });

  it('reads an HTML table saved as .xls (GBK), keeping cell text as typed', () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table>' +
      '<tr><td>活动名称</td><td>开始日期</td><td>人数</td></tr><tr><td>科普讲座</td><td>2023-09-18</td><td>0200</td></tr></table></body></html>';
    const wb = readLegacy(iconv.encode(html, 'gbk'), 'xls', 'html');
    expect(valuesOf(wb.sheets[0].rows)).toEqual([
      ['活动名称', '开始日期', '人数'],
      ['科普讲座', '2023-09-18', '0200'],
    ]);
  });

  it('reads SpreadsheetML 2003 saved as .xls', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>' +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<Worksheet ss:Name="活动安排表"><Table><Row><Cell><Data ss:Type="String">活动名称</Data></Cell><Cell><Data ss:Type="Number">80</Data></Cell></Row></Table></Worksheet></Workbook>';
    const wb = readLegacy(Buffer.from(xml), 'xls', 'xml2003');
    expect(wb.sheets[0].name).toBe('活动安排表');
    expect(valuesOf(wb.sheets[0].rows)).toEqual([['活动名称', 80]]);
  });
});
