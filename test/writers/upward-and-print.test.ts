/**
 * Issue 12 §1: the upward copy 活动汇总表（上报版）.xlsx of the example inbox, read back; and the
 * print setup of every workbook a merge writes (master, upward copy, summary), read from the XML
 * itself: landscape A4, fit to one page wide, header rows repeated, page numbers, print area.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/core/columns.js';
import { columnLetter } from '../../src/core/table.js';
import type { Config } from '../../src/core/config/schema.js';
import { loadRules } from '../../src/io/config/load-config.js';
import { relativeTextToInputs, relativeToInputs, rowHeightFor, wrappedLines } from '../../src/io/write/print-setup.js';
import { MASTER_FILE, runMergeJob, SUMMARY_FILE, type MergeJobResult } from '../../src/io/run-merge.js';
import { UPWARD_FILE } from '../../src/io/write/write-upward.js';
import { XlsxBook } from '../../src/io/write/xlsx-writer.js';
import { SUMMARY_SHEETS } from '../../src/io/write/write-summary.js';
import { zipTextEntries } from '../helpers/zip-entries.js';
import { readExcel, text } from './read-back.js';

const ROOT = path.resolve(__dirname, '../..');
// 2023-09-13 10:30 in Shanghai: the run date written as 填报日期
const CREATED = new Date('2023-09-13T02:30:00Z');

let out: string;
let result: MergeJobResult;
let rules: Config;

beforeAll(async () => {
  rules = await loadRules({ cwd: ROOT, roster: 'fixtures/附件1-任务分解表.xlsx' });
  rules.association = { name: '芜湖市鸠江区科学技术协会', contact: '李娜', phone: '0553-5860000' };
  out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-upward-'));
  result = await runMergeJob([path.join(ROOT, 'fixtures/inbox')], rules, {
    out,
    received: path.join(ROOT, 'fixtures/inbox-received.csv'),
    lang: 'zh',
    createdAt: CREATED,
  });
}, 60_000);

/** Each sheet's XML by sheet name, and workbook.xml, of a written workbook. */
function parts(file: string): { workbook: string; sheets: Map<string, string>; styles: string } {
  const entries = zipTextEntries(readFileSync(file));
  const workbook = entries.get('xl/workbook.xml')!;
  const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  const sheets = new Map(names.map((n, i) => [n, entries.get(`xl/worksheets/sheet${i + 1}.xml`)!]));
  return { workbook, sheets, styles: entries.get('xl/styles.xml')! };
}

function definedName(workbook: string, name: string, sheetIndex: number): string | undefined {
  const re = new RegExp(`<definedName name="${name.replace('.', '\\.')}" localSheetId="${sheetIndex}"[^>]*>([^<]*)</definedName>`);
  return re.exec(workbook)?.[1];
}

describe('活动汇总表（上报版）.xlsx', () => {
  it('is written beside the master', () => {
    expect(result.written.map((f) => path.basename(f))).toEqual([MASTER_FILE, UPWARD_FILE, SUMMARY_FILE, '报送情况通报.txt', 'report.json']);
  });

  it('has the 附件2 rows: 附件2, the title, the 填报单位 line from the config with the run date, then the 21 template headers', async () => {
    const wb = await readExcel(path.join(out, UPWARD_FILE));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['活动安排表']);
    const ws = wb.worksheets[0];
    expect(text(ws.getCell('A1'))).toBe('附件2');
    expect(text(ws.getCell('A2'))).toBe('2023年鸠江区全国科普日活动安排表');
    expect(ws.getCell('A2').isMerged).toBe(true);
    const line = [1, 3, 7, 8, 10, 11, 13].map((c) => text(ws.getCell(3, c)));
    expect(line).toEqual(['填报单位（盖章）：', '芜湖市鸠江区科学技术协会', '联系人：', '李娜', '联系电话：', '0553-5860000', '填报日期：']);
    const date = ws.getCell(3, 14).value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe('2023-09-13');
    const header = COLUMNS.map((_c, i) => text(ws.getCell(4, i + 1)));
    expect(header).toEqual(COLUMNS.map((c) => c.label));
  });

  it('holds exactly the 21 columns, 序号 1…N, the master’s activities, dates as date cells, phones as text, wrapped, no tints', async () => {
    const file = path.join(out, UPWARD_FILE);
    const { sheets, styles, workbook } = parts(file);
    const xml = sheets.get('活动安排表')!;
    // no cell beyond column U anywhere, no filter
    const columns = new Set([...xml.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1]));
    expect([...columns].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).pop()).toBe('U');
    expect(xml).not.toContain('<autoFilter');
    expect(workbook).not.toContain('_FilterDatabase');
    // no tints: the two fills every workbook has (none, gray125), nothing solid
    expect(styles).not.toContain('patternType="solid"');

    const ws = (await readExcel(file)).worksheets[0];
    const n = result.plan.rows.length;
    expect(n).toBe(46);
    expect(ws.rowCount).toBe(4 + n);
    expect(ws.columnCount).toBe(21);
    const seq = Array.from({ length: n }, (_v, i) => ws.getCell(5 + i, 1).value);
    expect(seq).toEqual(Array.from({ length: n }, (_v, i) => i + 1));
    const col = (label: string) => COLUMNS.findIndex((c) => c.label === label) + 1;
    const master = (await readExcel(path.join(out, MASTER_FILE))).worksheets[0];
    for (let i = 0; i < n; i++) {
      for (let c = 2; c <= 21; c++) {
        const up = ws.getCell(5 + i, c).value;
        const m = master.getCell(3 + i, c).value;
        expect(up instanceof Date ? up.toISOString() : up, `row ${5 + i} column ${c}`).toEqual(m instanceof Date ? m.toISOString() : m);
      }
    }
    const start = ws.getCell(5, col('开始日期'));
    expect(start.value).toBeInstanceOf(Date);
    expect(start.numFmt).toBe('yyyy-mm-dd');
    const phone = ws.getCell(5, col('联系电话'));
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.numFmt).toBe('@');
    expect(ws.getCell(5, col('活动简介')).alignment?.wrapText).toBe(true);
    // a 待定 date stays the unit's own text, as in the master
    const undated = result.plan.rows.findIndex((r) => !r.activity.values.startDate);
    expect(undated).toBeGreaterThanOrEqual(0);
    expect(ws.getCell(5 + undated, col('开始日期')).value).toBe(result.plan.rows[undated].activity.raw.startDate);
  });
});

describe('print setup, read from the XML', () => {
  const expectPrinted = (sheetXml: string, label: string) => {
    expect(sheetXml, label).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    const setup = /<pageSetup ([^/]*)\/>/.exec(sheetXml)?.[1] ?? '';
    expect(setup, label).toContain('paperSize="9"');
    expect(setup, label).toContain('orientation="landscape"');
    expect(setup, label).toContain('fitToWidth="1"');
    expect(setup, label).toContain('fitToHeight="0"');
    expect(sheetXml, label).toContain('<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>');
    // schema order: pageMargins, pageSetup, headerFooter at the end
    expect(sheetXml.indexOf('<pageMargins'), label).toBeLessThan(sheetXml.indexOf('<pageSetup'));
    expect(sheetXml.indexOf('<pageSetup'), label).toBeLessThan(sheetXml.indexOf('<headerFooter>'));
  };

  it('master: landscape, one page wide, header row 2 repeated, print area over the table', () => {
    const { workbook, sheets } = parts(path.join(out, MASTER_FILE));
    expectPrinted(sheets.get('活动汇总表')!, 'master');
    expect(definedName(workbook, '_xlnm.Print_Titles', 0)).toBe("'活动汇总表'!$2:$2");
    expect(result.plan.extraHeaders.length).toBe(1);
    // 21 template columns, 5 provenance, 4 follow-up (issue 15), 1 extra (经费预算): A…AE
    expect(definedName(workbook, '_xlnm.Print_Area', 0)).toBe(`'活动汇总表'!$A$1:$${columnLetter(21 + 5 + 4 + 1 - 1)}$${2 + result.plan.rows.length}`);
  });

  it('upward copy: landscape, one page wide, header row 4 repeated, print area over the table', () => {
    const { workbook, sheets } = parts(path.join(out, UPWARD_FILE));
    expectPrinted(sheets.get('活动安排表')!, 'upward');
    expect(definedName(workbook, '_xlnm.Print_Titles', 0)).toBe("'活动安排表'!$4:$4");
    expect(definedName(workbook, '_xlnm.Print_Area', 0)).toBe(`'活动安排表'!$A$1:$U$${4 + result.plan.rows.length}`);
  });

  it('summary: every sheet landscape and one page wide, every table sheet repeats its header row', () => {
    const { workbook, sheets } = parts(path.join(out, SUMMARY_FILE));
    const names = Object.values(SUMMARY_SHEETS);
    expect([...sheets.keys()]).toEqual(names);
    names.forEach((name, i) => {
      expectPrinted(sheets.get(name)!, name);
      expect(definedName(workbook, '_xlnm.Print_Area', i), name).toMatch(new RegExp(`^'${name}'!\\$A\\$1:\\$[A-Z]+\\$\\d+$`));
      if (name !== SUMMARY_SHEETS.overview) expect(definedName(workbook, '_xlnm.Print_Titles', i), name).toBe(`'${name}'!$1:$1`);
    });
    const findings = /'问题清单'!\$A\$1:\$J\$(\d+)/.exec(definedName(workbook, '_xlnm.Print_Area', 5) ?? '');
    expect(Number(findings?.[1])).toBe(result.report.findings.length + 1);
  });

  it('the writer: print titles and area as sheet-local names, a footer, and no fit-to-page set after the head is written', async () => {
    const wb = new XlsxBook();
    const a = wb.addWorksheet("A'b");
    a.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true };
    a.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
    a.printTitlesRows = '2:3';
    a.printArea = 'A1:C9';
    a.appendRow(1, ['x'], [0]);
    const b = wb.addWorksheet('B');
    b.appendRow(1, ['y'], [0]);
    b.pageSetup = { fitToPage: true, fitToWidth: 1 };
    await expect(wb.writeBuffer()).rejects.toThrow(/fitToPage/);

    const ok = new XlsxBook();
    const c = ok.addWorksheet("A'b");
    Object.assign(c, { pageSetup: a.pageSetup, headerFooter: a.headerFooter, printTitlesRows: '2:3', printArea: 'A1:C9' });
    c.appendRow(1, ['x'], [0]);
    ok.addWorksheet('B').appendRow(1, ['y'], [0]);
    const entries = zipTextEntries(await ok.writeBuffer());
    const workbook = entries.get('xl/workbook.xml')!;
    expect(definedName(workbook, '_xlnm.Print_Titles', 0)).toBe("'A''b'!$2:$3");
    expect(definedName(workbook, '_xlnm.Print_Area', 0)).toBe("'A''b'!$A$1:$C$9");
    expect(definedName(workbook, '_xlnm.Print_Area', 1)).toBeUndefined();
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<printOptions horizontalCentered="1"/>');
    expect(sheet).toContain('<headerFooter><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter></headerFooter>');
    expect(entries.get('xl/worksheets/sheet2.xml')).not.toContain('<headerFooter>');
    // exceljs reads them back as the same settings (a sheet name exceljs parses plainly)
    const again = new XlsxBook();
    const d = again.addWorksheet('P');
    Object.assign(d, { pageSetup: a.pageSetup, headerFooter: a.headerFooter, printTitlesRows: '2:3', printArea: 'A1:C9' });
    d.appendRow(1, ['x'], [0]);
    const back = await readExcel(await again.writeBuffer());
    const ws = back.getWorksheet('P')!;
    expect(ws.pageSetup.printTitlesRow).toBe('2:3');
    expect(ws.pageSetup.printArea).toBe('A1:C9');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('wrapped rows carry their height (LibreOffice does not grow them when it opens the file)', async () => {
    const ws = (await readExcel(path.join(out, UPWARD_FILE))).worksheets[0];
    const heights = Array.from({ length: result.plan.rows.length }, (_v, i) => ws.getRow(5 + i).height ?? 15);
    expect(Math.max(...heights)).toBeGreaterThan(30);
    expect(wrappedLines('短', 10)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十', 8)).toBe(3); // 20 units in 7 a line
    expect(rowHeightFor(['短', 12], [10, 6])).toBeUndefined();
    expect(rowHeightFor(['一二三四五六七八九十'], [8])).toBeGreaterThan(40);
  });
});

describe('来源文件 paths', () => {
  it('are relative to the input folder in the master, never absolute', async () => {
    const ws = (await readExcel(path.join(out, MASTER_FILE))).worksheets[0];
    const col = [...Array(ws.columnCount).keys()].map((i) => text(ws.getCell(2, i + 1))).indexOf('来源文件') + 1;
    const sources = Array.from({ length: result.plan.rows.length }, (_v, i) => text(ws.getCell(3 + i, col)));
    for (const s of sources) {
      expect(path.isAbsolute(s), s).toBe(false);
      expect(s.startsWith('fixtures'), s).toBe(false);
    }
    expect(sources).toContain('附件打包下载.zip#四褐山街道科普日活动安排表.xlsx');
    expect(sources).toContain('二坝镇科普日活动安排表.xlsx');
  });

  it('are relative in 问题清单 too: its 文件 column and the paths quoted in a message', async () => {
    const ws = (await readExcel(path.join(out, SUMMARY_FILE))).getWorksheet(SUMMARY_SHEETS.findings)!;
    const inbox = path.join(ROOT, 'fixtures/inbox');
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(text(ws.getCell(r, 2)), `B${r}`).not.toContain(inbox);
      expect(text(ws.getCell(r, 6)), `F${r}`).not.toContain(inbox);
    }
    const superseded = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((row) => text(row.getCell(10)) === 'submission-superseded')!;
    expect(text(superseded.getCell(6))).toContain('区教体局-活动安排表-更正-0911.eml#');
    const t = relativeTextToInputs(['fixtures/inbox']);
    expect(t(`已被 ${path.join('fixtures/inbox', 'b.eml')}#c.xlsx 替代`)).toBe('已被 b.eml#c.xlsx 替代');
    expect(t('fixtures/inboxes/a.xlsx')).toBe('fixtures/inboxes/a.xlsx');
  });

  it('relativeToInputs: a folder strips its own path, a file named alone keeps its base name, anything absolute loses its folders', () => {
    const rel = relativeToInputs(['fixtures/inbox/', '/home/clerk/邮件/卫健委.eml', './其他']);
    expect(rel('fixtures/inbox/sub/a.xlsx')).toBe(path.join('sub', 'a.xlsx'));
    expect(rel('fixtures/inbox/b.zip#c.xlsx')).toBe('b.zip#c.xlsx');
    expect(rel('/home/clerk/邮件/卫健委.eml#附件.xlsx')).toBe('卫健委.eml#附件.xlsx');
    expect(rel(path.join('其他', 'd.csv'))).toBe('d.csv');
    expect(rel('/elsewhere/roster.xlsx')).toBe('roster.xlsx');
    expect(rel('fixtures/附件1.xlsx')).toBe('fixtures/附件1.xlsx');
  });
});
