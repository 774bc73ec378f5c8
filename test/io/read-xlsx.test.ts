import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/table.js';
import { readXlsx } from '../../src/io/read/read-xlsx-exceljs.js';
import { patchZip, rawXlsx, sheetjsBook, valuesOf, writeBook } from './make-files.js';

import { CALAMINE as CORPUS, itCorpus } from '../helpers/corpus.js';

function cellAt(rows: (Cell | undefined)[][], a1: string): Cell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return rows[Number(m[2]) - 1]?.[c - 1];
}

describe('readXlsx on workbooks written by SheetJS', () => {
  const schedule = () =>
    sheetjsBook(
      [
        {
          name: '活动安排表',
          aoa: [
            ['附件2'],
            ['2023年鸠江区全国科普日活动安排表'],
            ['序号', '活动名称', '开始日期', '活动时段', '预计参与人数', '活动网址', '已发布', '错误'],
            [1, '社区防灾减灾科普讲座', 45187, 0.375, 200, '直播链接', true, null],
            [2, '青少年科技营', 45188.5, null, 1200.5, null, false, null],
          ],
          merges: ['A1:H1', 'A2:H2'],
          cells: {
            C4: { t: 'n', v: 45187, z: 'yyyy-mm-dd' },
            D4: { t: 'n', v: 0.375, z: 'h:mm' },
            E5: { t: 'n', v: 1200.5, z: '0.00' },
            C5: { t: 'n', v: 45188.5, z: 'yyyy/m/d h:mm' },
            A4: { t: 'n', v: 1, f: 'ROW()-3' },
            A5: { t: 'n', v: 2, f: 'ROW()-3' },
            B5: { t: 's', v: '青少年科技营', f: 'CONCATENATE("青少年","科技营")' },
            F4: { t: 's', v: '直播链接', l: { Target: 'https://live.example.cn/kepu' } },
            H4: { t: 'e', v: 0x2a, f: 'NA()' },
            H5: { t: 'n', v: 0, f: 'SUM(Z1:Z2)' },
          },
        },
        { name: '填表说明', aoa: [['说明']], hidden: 1 },
        { name: '下拉列表', aoa: [['区主场活动']], hidden: 2 },
      ],
      {},
    );

  it('converts values, formats, formulas (cached results), hyperlinks, merges and hidden sheets', async () => {
    for (const bookSST of [false, true]) {
      const wb = await readXlsx(writeBook(schedule(), 'xlsx', { bookSST }));
      expect(wb.format).toBe('xlsx');
      expect(wb.date1904).toBe(false);
      expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
        ['活动安排表', false],
        ['填表说明', true],
        ['下拉列表', true],
      ]);
      const rows = wb.sheets[0].rows;
      expect(cellAt(rows, 'A1')).toEqual({ t: 's', v: '附件2' });
      expect(cellAt(rows, 'A4')).toEqual({ t: 'n', v: 1 }); // =ROW()-3, cached
      expect(cellAt(rows, 'B5')).toEqual({ t: 's', v: '青少年科技营' }); // formula string result
      expect(cellAt(rows, 'C4')).toEqual({ t: 'd', v: '2023-09-18' });
      expect(cellAt(rows, 'C5')).toEqual({ t: 'd', v: '2023-09-19T12:00' });
      expect(cellAt(rows, 'D4')).toEqual({ t: 'n', v: 0.375, fmt: 'h:mm' }); // a time stays a number
      expect(cellAt(rows, 'E4')).toEqual({ t: 'n', v: 200 });
      expect(cellAt(rows, 'E5')).toEqual({ t: 'n', v: 1200.5, fmt: '0.00' });
      expect(cellAt(rows, 'F4')).toEqual({ t: 's', v: '直播链接' }); // hyperlink → its text
      expect(cellAt(rows, 'G4')).toEqual({ t: 'b', v: true });
      expect(cellAt(rows, 'G5')).toEqual({ t: 'b', v: false });
      expect(cellAt(rows, 'H4')).toEqual({ t: 'e', v: '#N/A' });
      expect(cellAt(rows, 'H5')).toEqual({ t: 'n', v: 0 }); // a cached 0 is kept (exceljs's value drops it)
      expect(wb.sheets[0].merges).toEqual([
        { s: { r: 0, c: 0 }, e: { r: 0, c: 7 } },
        { s: { r: 1, c: 0 }, e: { r: 1, c: 7 } },
      ]);
      // rows are dense arrays: every index up to the last cell is present
      expect(rows.length).toBe(5);
      expect(rows.every((r) => Array.isArray(r))).toBe(true);
    }
  });

  it('gives the same dates for a 1904 workbook (date1904="true", as SheetJS and LibreOffice write it)', async () => {
    const make = (date1904: boolean) =>
      sheetjsBook(
        [
          {
            name: 'S',
            aoa: [[0]],
            cells: {
              A1: { t: 'n', v: date1904 ? 45187 - 1462 : 45187, z: 'yyyy-mm-dd' },
              B1: { t: 'n', v: date1904 ? 45188.375 - 1462 : 45188.375, z: 'm/d/yy h:mm' },
            },
          },
        ],
        { date1904 },
      );
    const b1900 = writeBook(make(false), 'xlsx');
    const b1904 = writeBook(make(true), 'xlsx');
    expect(b1904.length).toBeGreaterThan(0);
    const w1900 = await readXlsx(b1900);
    const w1904 = await readXlsx(b1904);
    expect(w1904.date1904).toBe(true);
    expect(valuesOf(w1904.sheets[0].rows)).toEqual([['2023-09-18', '2023-09-19T09:00']]);
    expect(valuesOf(w1904.sheets[0].rows)).toEqual(valuesOf(w1900.sheets[0].rows));
    // and date1904="1" (Excel's spelling, which exceljs applies itself): still the same
    const excelSpelling = await patchZip(b1904, { 'xl/workbook.xml': (x) => x.replace(/date1904="true"/, 'date1904="1"') });
    expect(valuesOf((await readXlsx(excelSpelling)).sheets[0].rows)).toEqual([['2023-09-18', '2023-09-19T09:00']]);
  });

  itCorpus('reads the corpus date.xlsx and date_1904.xlsx alike', async () => {
    const a = await readXlsx(readFileSync(path.join(CORPUS, 'date.xlsx')));
    const b = await readXlsx(readFileSync(path.join(CORPUS, 'date_1904.xlsx')));
    expect(b.date1904).toBe(true);
    expect(valuesOf(a.sheets[0].rows)).toEqual(valuesOf(b.sheets[0].rows));
    expect(cellAt(a.sheets[0].rows, 'A1')).toEqual({ t: 'd', v: '2021-01-01' });
  });

  it('is exact whatever the process time zone', async () => {
    const tz = process.env.TZ;
    try {
      const bytes = writeBook(schedule(), 'xlsx');
      process.env.TZ = 'Pacific/Kiritimati';
      const east = await readXlsx(bytes);
      process.env.TZ = 'America/Adak';
      const west = await readXlsx(bytes);
      expect(valuesOf(east.sheets[0].rows)).toEqual(valuesOf(west.sheets[0].rows));
      expect(cellAt(west.sheets[0].rows, 'C4')).toEqual({ t: 'd', v: '2023-09-18' });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('readXlsx on hand-made parts', () => {
  it('flattens rich text and decodes _x000D_ escapes (shared and inline), keeping an escaped underscore literal', async () => {
    const bytes = await rawXlsx({
      sharedStringsXml:
        '<si><r><t>社区</t></r><r><rPr><b/><color rgb="FFFF0000"/></rPr><t xml:space="preserve">防灾 </t></r><r><t>讲座</t></r></si>' +
        '<si><t>上午_x000D_\n下午</t></si>' +
        '<si><t>_x005F_x000D_ 字面</t></si>',
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>9:00_x000D_-11:30</t></is></c></row>',
    });
    const rows = (await readXlsx(bytes)).sheets[0].rows;
    expect(valuesOf(rows)).toEqual([['社区防灾 讲座', '上午\r\n下午', '_x000D_ 字面', '9:00\r-11:30']]);
  });

  it('makes dates of the zh-CN built-in formats (numFmtId 31, no format string in the file) and of custom ones', async () => {
    const bytes = await rawXlsx({
      sheetData:
        '<row r="1"><c r="A1" s="1"><v>45187</v></c><c r="B1" s="2"><v>45188</v></c><c r="C1" s="3"><v>45189</v></c>' +
        '<c r="D1" s="4"><v>0.5</v></c><c r="E1" s="5"><v>3.14159</v></c><c r="F1" t="d"><v>2023-09-20T08:30:00</v></c>' +
        '<c r="G1" s="2"><f>DATE(2023,9,21)</f><v>45190</v></c><c r="H1" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I1"><f>A1+1</f></c></row>',
    });
    const rows = (await readXlsx(bytes)).sheets[0].rows;
    expect(rows[0]).toEqual([
      { t: 'd', v: '2023-09-18' },
      { t: 'd', v: '2023-09-19' },
      { t: 'd', v: '2023-09-20' },
      { t: 'n', v: 0.5, fmt: 'h:mm' },
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: the number as written in the sheet XML above
      { t: 'n', v: 3.14159, fmt: '0.00' },
      { t: 'd', v: '2023-09-20T08:30' },
      { t: 'd', v: '2023-09-21' },
      { t: 'e', v: '#DIV/0!' },
      // I1: a formula never calculated has no value
    ]);
  });

  it('keeps cells within the grid, and a hidden sheet hidden', async () => {
    const bytes = await rawXlsx({
      sheetState: 'veryHidden',
      sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    });
    const sheet = (await readXlsx(bytes)).sheets[0];
    expect(sheet.hidden).toBe(true);
    expect(sheet.rows.length).toBe(1_048_576);
    expect(sheet.rows[1_048_575][16_383]).toEqual({ t: 'n', v: 1 });
  });
});

describe('readXlsx against structures that make exceljs blow up', () => {
  const data =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>类别</t></is></c><c r="B1" t="inlineStr"><is><t>名称</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>农村科普联合行动</t></is></c><c r="B2" t="inlineStr"><is><t>讲座</t></is></c></row>' +
    '<row r="3"><c r="B3" t="inlineStr"><is><t>展览</t></is></c></row>';

  async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
    const t0 = performance.now();
    const r = await fn();
    return [r, performance.now() - t0];
  }

  it('whole-column dropdowns (data validations), filters on whole columns (defined names), wide <col>', async () => {
    const bytes = await rawXlsx({
      sheetData: data,
      afterSheetData:
        '<dataValidations count="2"><dataValidation type="list" sqref="A2:A1048576 C2:C1048576"><formula1>"区主场活动,镇街主场活动"</formula1></dataValidation>' +
        '<dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a"</formula1></dataValidation></dataValidations>',
      definedNames:
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">活动安排表!$A$1:$U$1048576</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="0">活动安排表!$1:$1</definedName><definedName name="x">活动安排表!$A:$XFD</definedName></definedNames>',
    });
    const withCols = await patchZip(bytes, {
      'xl/worksheets/sheet1.xml': (x) => x.replace('<sheetData>', '<cols><col min="1" max="999999999" width="9"/></cols><sheetData>'),
    });
    const [wb, ms] = await timed(() => readXlsx(withCols));
    expect(valuesOf(wb.sheets[0].rows)).toEqual([
      ['类别', '名称'],
      ['农村科普联合行动', '讲座'],
      ['', '展览'],
    ]);
    expect(ms).toBeLessThan(3000);
  });

  it('a merge over the whole sheet is recorded, not materialised, and clipped to the data', async () => {
    const bytes = await rawXlsx({
      sheetData: data,
      afterSheetData: '<mergeCells count="2"><mergeCell ref="A2:A1048576"/><mergeCell ref="C1:XFD1048576"/></mergeCells>',
    });
    const [wb, ms] = await timed(() => readXlsx(bytes));
    expect(wb.sheets[0].merges).toEqual([{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }]);
    expect(ms).toBeLessThan(3000);
  });

  it('throws (so the caller falls back to SheetJS) when exceljs would silently miss parts', async () => {
    const bytes = await rawXlsx({ sheetData: data });
    const moved = await patchZip(bytes, {
      'xl/SharedStrings.xml': '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    });
    await expect(readXlsx(moved)).rejects.toThrow();
  });
});
