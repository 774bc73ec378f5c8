/**
 * The xlsx writer (src/io/write/xlsx-writer.ts) read back by three independent readers: exceljs,
 * SheetJS and kepuri's fast reader. Covers what the master and summary rely on, and the parts
 * built by hand: a sheet spanning many compressed blocks, XML escaping (control characters, lone
 * surrogates), styles shared by identity, committed rows, filters and their defined names.
 */
import { describe, expect, it } from 'vitest';
import { readXlsxFast } from '../../src/io/read/read-xlsx-fast.js';
import { escapeXmlText, XlsxBook, type Fill } from '../../src/io/write/xlsx-writer.js';
import { readExcel, readSheetJS } from './read-back.js';

const RED: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

describe('xlsx writer', () => {
  it('escapes what XML cannot carry', () => {
    expect(escapeXmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXmlText('x\u0001y\u000bz')).toBe('x_x0001_y_x000B_z');
    expect(escapeXmlText('bad \ud800 pair 😀')).toBe('bad \ufffd pair 😀');
    expect(escapeXmlText('普通文本\n第二行')).toBe('普通文本\n第二行');
  });

  it('writes a sheet of many compressed blocks that every reader reads whole', async () => {
    const wb = new XlsxBook();
    const ws = wb.addWorksheet('大表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    ws.columns = [{ width: 8 }, { width: 30 }, { width: 12 }];
    const head = ws.getRow(1);
    ['序号', '活动名称', '开始日期'].forEach((h, i) => {
      head.getCell(i + 1).value = h;
      head.getCell(i + 1).font = { bold: true };
    });
    const plain = wb.styleId({});
    const date = wb.styleId({ numFmt: 'yyyy-mm-dd' });
    const tinted = wb.styleId({ fill: RED, numFmt: 'yyyy-mm-dd' });
    const N = 30_000; // ~3 MiB of sheet XML: several 1 MiB blocks
    for (let i = 0; i < N; i++) {
      ws.appendRow(
        i + 2,
        [i + 1, `第${i}项 科普活动「${i % 97}」 & <测试>`, new Date(Date.UTC(2023, 8, 16 + (i % 7)))],
        [plain, plain, i % 5 === 0 ? tinted : date],
      );
      if (i % 1024 === 1023) await ws.drain();
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: N + 1, column: 3 } };
    const bytes = await wb.writeBuffer();

    const fast = readXlsxFast(bytes);
    const rows = fast.sheets[0].rows;
    expect(rows.length).toBe(N + 1);
    expect(rows[1]).toEqual([
      { t: 'n', v: 1 },
      { t: 's', v: '第0项 科普活动「0」 & <测试>' },
      { t: 'd', v: '2023-09-16' },
    ]);
    expect(rows[N]).toEqual([
      { t: 'n', v: N },
      { t: 's', v: `第${N - 1}项 科普活动「${(N - 1) % 97}」 & <测试>` },
      { t: 'd', v: `2023-09-${16 + ((N - 1) % 7)}` },
    ]);

    const ex = await readExcel(bytes);
    const ews = ex.getWorksheet('大表')!;
    expect(ews.rowCount).toBe(N + 1);
    expect(ews.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect((ews.getCell('C2').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFDE2E1');
    expect((ews.getCell('C3').fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    expect(ews.getCell('A1').font?.bold).toBe(true);
    expect(ews.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ews.autoFilter).toBe(`A1:C${N + 1}`);
    expect(ews.getColumn(2).width).toBe(30);

    const sj = await readSheetJS(bytes);
    expect(sj.Sheets.大表[`B${N + 1}`].v).toBe(`第${N - 1}项 科普活动「${(N - 1) % 97}」 & <测试>`);
    const names = (sj.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm._FilterDatabase').map((n) => [n.Sheet, n.Ref]);
    expect(names).toEqual([[0, `'大表'!$A$1:$C$${N + 1}`]]);
  });

  it('keeps text exactly: spaces, line breaks, control characters, emoji; numbers, booleans, empty cells', async () => {
    const wb = new XlsxBook();
    const ws = wb.addWorksheet("单位's 表");
    const values = ['  前后空格  ', '第一行\n第二行', 'tab\there', 'ctl\u0007x', '😀 emoji', '', 0, -1.5, true, false, null];
    values.forEach((v, i) => (ws.getCell(1, i + 1).value = v));
    ws.getCell(2, 2).border = { top: { style: 'thin' } }; // styled but empty: kept as a cell, no value
    const bytes = await wb.writeBuffer();
    const row = readXlsxFast(bytes).sheets[0].rows[0];
    expect(row.map((c) => (c ? c.v : null))).toEqual(['  前后空格  ', '第一行\n第二行', 'tab\there', 'ctl\u0007x', '😀 emoji', null, 0, -1.5, true, false]);
    const ex = await readExcel(bytes);
    expect(ex.worksheets[0].name).toBe("单位's 表");
    expect(ex.worksheets[0].getCell('B2').border?.top?.style).toBe('thin');
  });

  it('gives equal inputs equal files (fixed zip times, deterministic styles and strings)', async () => {
    const build = async () => {
      const wb = new XlsxBook();
      wb.created = wb.modified = new Date(Date.UTC(2023, 8, 12));
      const ws = wb.addWorksheet('S');
      ws.getCell(1, 1).value = '活动';
      ws.getCell(1, 1).fill = RED;
      ws.getCell(2, 1).value = 3;
      return wb.writeBuffer();
    };
    expect((await build()).equals(await build())).toBe(true);
  });

  it('refuses to change a committed row', () => {
    const wb = new XlsxBook();
    const ws = wb.addWorksheet('S');
    ws.getRow(1).getCell(1).value = 'a';
    ws.getRow(1).commit();
    expect(() => ws.getRow(1)).toThrow(/already committed/);
    expect(() => ws.appendRow(1, ['b'], [0])).toThrow(/already committed/);
  });
});
