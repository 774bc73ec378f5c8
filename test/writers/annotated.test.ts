import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import type { Report, ReportFinding } from '../../src/core/report.js';
import type { Workbook } from '../../src/core/table.js';
import {
  clipValidationSqref,
  composeReply,
  ERROR_FILL_ARGB,
  safeFileName,
  sourceBaseName,
  WARNING_FILL_ARGB,
  writeAnnotatedCopy,
  writeAnnotations,
} from '../../src/io/write/write-annotated.js';
import { buildTemplateWorkbook, TEMPLATE_SHEET } from '../../src/io/write/write-template.js';
import { fillArgb, noteText, readExcel, readSheetJS, tempDir, text, validationAt } from './read-back.js';
import { finding } from './sample-report.js';

const FILE = 'inbox/官陡街道.xlsx';

/** A unit's filled-in 附件2: the template with four activities, a merged category, a formula, a note. */
async function unitFile(): Promise<Buffer> {
  const wb = await buildTemplateWorkbook(defaultRules(), { unit: '官陡街道' });
  const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
  const rows = [
    ['科普讲座进社区', '镇街主场活动', '科普讲座', '卫生健康', '线下', '2023-09-18', '', '上午', '社区广场'],
    ['青少年科技营', '', '研学体验', '科学教育', '线下', '2023-09-19', '', '', '文化站'],
    ['应急演练', '部门系统联合行动', '互动体验', '应急科普', '线下', '9月31日', '', '', '学校'],
    ['云上讲堂', '云上科普日专项行动', '云讲堂', '数字素养', '线上', '9月中旬', '', '', ''],
  ];
  rows.forEach((values, i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = { formula: 'ROW()-4', result: i + 1 };
    values.forEach((v, c) => {
      if (v) ws.getCell(r, c + 2).value = v;
    });
    ws.getCell(r, 18).value = i === 2 ? '123' : '0553-5864150';
  });
  ws.mergeCells('C5:C6');
  ws.getCell('B5').note = '本单位自己的批注';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const S = TEMPLATE_SHEET;
function unitFindings(): ReportFinding[] {
  return [
    finding({
      code: 'category-invalid',
      severity: 'error',
      message: '活动类别不是通知规定的类别',
      file: FILE,
      sheet: S,
      row: 6,
      column: '活动类别',
      cell: 'C6',
      unit: '官陡街道',
    }),
    finding({
      code: 'date-invalid',
      severity: 'error',
      message: '开始日期「9月31日」不存在,请核对月份和日期',
      file: FILE,
      sheet: S,
      row: 7,
      column: '开始日期',
      cell: 'G7',
      value: '9月31日',
      unit: '官陡街道',
    }),
    finding({
      code: 'phone-invalid',
      severity: 'error',
      message: '联系电话「123」不是有效号码',
      file: FILE,
      sheet: S,
      row: 7,
      column: '联系电话',
      cell: 'R7',
      value: '123',
      unit: '官陡街道',
    }),
    finding({
      code: 'date-approximate',
      severity: 'warning',
      message: '开始日期「9月中旬」不是具体日期',
      file: FILE,
      sheet: S,
      row: 8,
      column: '开始日期',
      cell: 'G8',
      unit: '官陡街道',
    }),
    finding({
      code: 'date-outside-window',
      severity: 'warning',
      message: '开始日期不在集中活动期内,请确认',
      file: FILE,
      sheet: S,
      row: 8,
      column: '开始日期',
      cell: 'G8',
      unit: '官陡街道',
    }),
    finding({
      code: 'name-too-long',
      severity: 'warning',
      message: '活动名称有 70 字,超过 60 字上限,请精简',
      file: FILE,
      sheet: S,
      row: 5,
      column: '活动名称',
      cell: 'B5',
      unit: '官陡街道',
    }),
    finding({ code: 'quota-short', severity: 'warning', message: '填报活动 4 项,少于任务数 5 项', file: FILE, unit: '官陡街道' }),
    finding({ code: 'column-unknown', severity: 'info', message: '“X”不是模板中的列', file: FILE, sheet: S, row: 4, cell: 'V4', unit: '官陡街道' }),
  ];
}

async function annotated(): Promise<{ file: string; wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const file = path.join(await tempDir(), '官陡街道.xlsx');
  expect(await writeAnnotatedCopy(await unitFile(), unitFindings(), file)).toBe(true);
  const wb = await readExcel(file);
  return { file, wb, ws: wb.getWorksheet(S)! };
}

describe('annotated copy of a unit’s .xlsx', () => {
  it('fills each faulty cell red (error) or yellow (warning) with one note listing its findings', async () => {
    const { ws } = await annotated();
    expect(fillArgb(ws.getCell('G7'))).toBe(ERROR_FILL_ARGB);
    expect(noteText(ws.getCell('G7'))).toBe('[错误] 开始日期「9月31日」不存在,请核对月份和日期');
    expect(fillArgb(ws.getCell('R7'))).toBe(ERROR_FILL_ARGB);
    expect(noteText(ws.getCell('R7'))).toContain('联系电话「123」不是有效号码');
    expect(fillArgb(ws.getCell('G8'))).toBe(WARNING_FILL_ARGB);
    expect(noteText(ws.getCell('G8')).split('\n')).toEqual(['[警告] 开始日期「9月中旬」不是具体日期', '[警告] 开始日期不在集中活动期内,请确认']);
    // untouched cells stay as they were
    expect(fillArgb(ws.getCell('G6'))).toBeUndefined();
    expect(noteText(ws.getCell('G6'))).toBe('');
    // info findings are not marked
    expect(noteText(ws.getCell('V4'))).toBe('');
  });

  it('puts a finding in a merged range on its top-left cell, naming the original cell', async () => {
    const { ws } = await annotated();
    expect(fillArgb(ws.getCell('C5'))).toBe(ERROR_FILL_ARGB);
    expect(noteText(ws.getCell('C5'))).toBe('[错误] C6：活动类别不是通知规定的类别');
    expect(ws.model.merges).toContain('C5:C6');
  });

  it('puts findings without a cell on the 填报单位 cell, and keeps an existing note', async () => {
    const { ws } = await annotated();
    expect(text(ws.getCell('C3'))).toBe('官陡街道');
    expect(fillArgb(ws.getCell('C3'))).toBe(WARNING_FILL_ARGB);
    expect(noteText(ws.getCell('C3'))).toBe('[警告] 填报活动 4 项,少于任务数 5 项');
    expect(noteText(ws.getCell('B5'))).toBe('[警告] 活动名称有 70 字,超过 60 字上限,请精简\n\n原批注：本单位自己的批注');
  });

  it('marks the blank after 填报单位 when the unit left it empty', async () => {
    const wb = await buildTemplateWorkbook(defaultRules(), {});
    const out = path.join(await tempDir(), 'blank.xlsx');
    const f = finding({ code: 'unit-unidentified', severity: 'error', message: '无法确定填报单位', file: 'x.xlsx', sheet: S });
    expect(await writeAnnotatedCopy(Buffer.from(await wb.xlsx.writeBuffer()), [f], out)).toBe(true);
    const ws = (await readExcel(out)).getWorksheet(S)!;
    expect(noteText(ws.getCell('C3'))).toBe('[错误] 无法确定填报单位');
    expect(noteText(ws.getCell('F3'))).toBe('');
  });

  it('keeps the unit’s layout and values: text, formulas, merges, widths, dropdowns', async () => {
    const { ws, wb } = await annotated();
    expect(text(ws.getCell('A2'))).toBe('2023年鸠江区全国科普日活动安排表');
    expect(text(ws.getCell('B5'))).toBe('科普讲座进社区');
    expect(text(ws.getCell('G7'))).toBe('9月31日');
    // cached values only (issue 13, item 18): the 序号 formula's result, not the formula
    expect(ws.getCell('A6').formula).toBeUndefined();
    expect(ws.getCell('A6').value).toBe(2);
    expect(ws.model.merges).toContain('A2:U2');
    expect(ws.getColumn(2).width).toBe(30);
    expect(validationAt(ws, 'C9')?.type).toBe('list');
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET, '填表说明', 'lists']);
  });

  it('reads the same in SheetJS: notes on the right cells, values intact', async () => {
    const { file } = await annotated();
    const wb = await readSheetJS(file);
    const ws = wb.Sheets[S];
    const comment = (a: string) => (ws[a]?.c ?? []).map((c: { t: string }) => c.t).join('');
    expect(comment('G7')).toContain('9月31日');
    expect(comment('G8')).toContain('9月中旬');
    expect(comment('C5')).toContain('C6：');
    expect(comment('C3')).toContain('少于任务数');
    expect(comment('H7')).toBe('');
    expect(ws.B6.v).toBe('青少年科技营');
    expect(ws.R5.v).toBe('0553-5864150');
  });

  it('keeps auto-filters visible in LibreOffice: one _xlnm._FilterDatabase per filtered sheet', async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['甲', '乙']) {
      const ws = wb.addWorksheet(name);
      ws.addRow(['活动名称', '开始日期']);
      ws.addRow(['讲座', '9月18日']);
      ws.autoFilter = 'A1:B2';
    }
    const out = path.join(await tempDir(), 'f.xlsx');
    expect(
      await writeAnnotatedCopy(
        Buffer.from(await wb.xlsx.writeBuffer()),
        [finding({ code: 'date-invalid', severity: 'error', message: 'm', file: 'f', sheet: '乙', cell: 'B2' })],
        out,
      ),
    ).toBe(true);
    const sj = await readSheetJS(out);
    const names = (sj.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm._FilterDatabase').map((n) => [n.Sheet, n.Ref]);
    expect(names).toEqual([
      [0, `'甲'!$A$1:$B$2`],
      [1, `'乙'!$A$1:$B$2`],
    ]);
    expect(sj.Sheets.乙['!autofilter']?.ref).toBe('A1:B2');
    // a file that already has the names (as Excel writes them) keeps one per sheet, not one merged global
    const again = path.join(await tempDir(), 'g.xlsx');
    expect(await writeAnnotatedCopy(await fs.readFile(out), [], again)).toBe(true);
    const names2 = ((await readSheetJS(again)).Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm._FilterDatabase').map((n) => [n.Sheet, n.Ref]);
    expect(names2).toEqual(names);
  });

  it('widens the unit’s print area to the new 标记 column', async () => {
    const wb = await readExcel(
      await (async () => {
        const f = path.join(await tempDir(), 'src.xlsx');
        await fs.writeFile(f, await unitFile());
        return f;
      })(),
    );
    wb.getWorksheet(S)!.pageSetup.printArea = 'A1:U20';
    const out = path.join(await tempDir(), 'pa.xlsx');
    expect(await writeAnnotatedCopy(Buffer.from(await wb.xlsx.writeBuffer()), unitFindings(), out)).toBe(true);
    const ws = (await readExcel(out)).getWorksheet(S)!;
    expect(ws.pageSetup.printArea).toBe('A1:V20');
    expect(text(ws.getCell('V7'))).toBe('G7 日期错；R7 电话错');
  });

  it('loads a file with dropdowns on whole columns quickly (ranges clipped)', async () => {
    expect(clipValidationSqref('C5:C1048576')).toBe('C5:C5000');
    expect(clipValidationSqref('A1:Z1048576 B2')).toBe('A1:Z769 B2');
    expect(clipValidationSqref('C5:C204')).toBe('C5:C204');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '活动名称';
    for (const col of ['C', 'D', 'E', 'F', 'G', 'H']) {
      (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}1:${col}1048576`, {
        type: 'list',
        allowBlank: true,
        formulae: ['"是,否"'],
      });
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const out = path.join(await tempDir(), 'big.xlsx');
    const t0 = Date.now();
    const ok = await writeAnnotatedCopy(
      bytes,
      [finding({ code: 'date-invalid', severity: 'error', message: 'm', file: 'f', sheet: 'Sheet1', cell: 'A1' })],
      out,
    );
    expect(ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(noteText((await readExcel(out)).getWorksheet('Sheet1')!.getCell('A1'))).toBe('[错误] m');
  });
});

describe('annotated copy of a non-xlsx source, rebuilt from the neutral workbook', () => {
  const neutral: Workbook = {
    format: 'csv',
    date1904: false,
    sheets: [
      {
        name: 'a/b:c[1]',
        hidden: false,
        rows: [
          [{ t: 's', v: '填报单位:湾里街道' }],
          [
            { t: 's', v: '活动名称' },
            { t: 's', v: '开始日期' },
            { t: 's', v: '预计参与人数' },
            { t: 's', v: '联系电话' },
          ],
          [
            { t: 's', v: '=cmd|" /C calc"!A0' },
            { t: 'd', v: '2023-09-18' },
            { t: 'n', v: 200 },
            { t: 's', v: '+86 553 5864150' },
          ],
          [
            { t: 's', v: '@SUM(1)' },
            { t: 's', v: '9月31日' },
            { t: 'n', v: 0 },
            { t: 's', v: '-5' },
          ],
        ],
        merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }],
      },
    ],
  };

  it('writes values (formula-looking text stays text), merges, and marks the cells', async () => {
    const out = path.join(await tempDir(), '湾里街道.xlsx');
    const findings = [
      finding({ code: 'date-invalid', severity: 'error', message: '开始日期不存在', file: 'x.csv', sheet: 'a/b:c[1]', row: 4, cell: 'B4' }),
      finding({ code: 'count-invalid', severity: 'error', message: '人数应为正整数', file: 'x.csv', sheet: 'a/b:c[1]', row: 4, cell: 'C4' }),
      finding({ code: 'unit-unknown', severity: 'warning', message: '单位不在名单中', file: 'x.csv', sheet: null }),
    ];
    expect(await writeAnnotatedCopy(Buffer.from('活动名称,开始日期\n'), findings, out, neutral)).toBe(true);
    const wb = await readExcel(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['a_b_c_1_']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A3').value).toBe('=cmd|" /C calc"!A0');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A4').value).toBe('@SUM(1)');
    expect((ws.getCell('B3').value as Date).toISOString()).toBe('2023-09-18T00:00:00.000Z');
    expect(ws.getCell('B3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C3').value).toBe(200);
    expect(ws.model.merges).toContain('A1:D1');
    expect(fillArgb(ws.getCell('B4'))).toBe(ERROR_FILL_ARGB);
    expect(noteText(ws.getCell('C4'))).toBe('[错误] 人数应为正整数');
    expect(noteText(ws.getCell('A1'))).toBe('[警告] 单位不在名单中');

    const sj = await readSheetJS(out);
    const s = sj.Sheets.a_b_c_1_;
    for (const a of ['A3', 'A4', 'D3', 'D4']) {
      expect(s[a].t, a).toBe('s');
      expect(s[a].f, a).toBeUndefined();
    }
    expect(s.A3.v).toBe('=cmd|" /C calc"!A0');
    expect(s.D4.v).toBe('-5');
  });

  it('returns false and writes nothing when the source is not an xlsx and no workbook is given', async () => {
    const out = path.join(await tempDir(), 'x.xlsx');
    expect(await writeAnnotatedCopy(Buffer.from('\xd0\xcf\x11\xe0 not really', 'latin1'), [], out)).toBe(false);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

describe('reply text', () => {
  const rules = defaultRules();
  rules.association = { name: '芜湖市鸠江区科学技术协会', contact: '周丽', phone: '0553-5861019' };
  // 2023-09-14 10:30 in 芜湖
  const runAt = new Date(Date.UTC(2023, 8, 14, 2, 30));

  it('a unit with cell faults: 贵单位, every error then warning with row, cell and column, the marks, a date 3 days on, signed', () => {
    const reply = composeReply('官陡街道', unitFindings(), rules, { runAt, annotated: true });
    const lines = reply.split('\n');
    expect(lines[0]).toBe('官陡街道：');
    expect(reply).toContain('贵单位报送的《2023年鸠江区全国科普日活动安排表》已收到。经核对，有以下问题需要修改：');
    expect(reply).toContain('1. 第6行 C6（活动类别）：活动类别不是通知规定的类别');
    expect(reply).toContain('2. 第7行 G7（开始日期）：开始日期「9月31日」不存在,请核对月份和日期');
    expect(reply).toContain('3. 第7行 R7（联系电话）：联系电话「123」不是有效号码');
    expect(reply).toContain('另有以下内容请核实');
    expect(reply).toContain('4. 第8行 G8（开始日期）：开始日期「9月中旬」不是具体日期');
    // quota-short is the clerk's business; info is never listed
    expect(reply).not.toContain('少于任务数');
    expect(reply).not.toContain('不是模板中的列');
    expect(reply).toContain('以上单元格已在附件表格中标出');
    expect(reply).toContain('请修改后于9月17日前重新报送');
    expect(lines.filter((l) => l !== '').slice(-3)).toEqual(['芜湖市鸠江区科学技术协会', '联系人：周丽　联系电话：0553-5861019', '2023年9月14日']);
    expect(reply.indexOf('1. ')).toBeLessThan(reply.indexOf('4. '));
    expect(reply).not.toMatch(/[A-Za-z]{3,}/); // no English words (cell addresses aside)
  });

  it('a late-only unit gets a short note, not a request to fix cells', () => {
    const late = finding({
      code: 'submission-late',
      severity: 'warning',
      message: '2023-09-13 09:47 报送，晚于截止日期 2023-09-12',
      file: 'x.eml#a.xlsx',
      unit: '芜湖鸠兹智能科技有限公司',
    });
    const reply = composeReply('芜湖鸠兹智能科技有限公司', [late], rules, { runAt, receivedAt: '2023-09-13T09:47:00+08:00', annotated: false });
    expect(reply).toContain('已于9月13日收到，晚于报送截止日期（9月12日），已纳入全区汇总');
    expect(reply).not.toMatch(/修改后|以下问题|附件|单元格|\d\. /);
    expect(reply.split('\n').filter((l) => l !== '')).toHaveLength(5);
  });

  it('a unit with file-level faults: listed without a cell or 见附件, asked to send the file again', () => {
    const f = [
      finding({
        code: 'file-unreadable',
        severity: 'error',
        message: '文件无法读取（文件已损坏或不是有效的表格），请重新导出为 .xlsx 后再发送',
        file: 'a.xlsx',
        unit: '湾里街道',
      }),
      finding({ code: 'unit-unknown', severity: 'warning', message: '单位「湾里」不在任务分解表中', file: 'a.xlsx', unit: '湾里街道' }),
    ];
    const reply = composeReply('湾里街道', f, rules, { runAt, annotated: false });
    expect(reply).toContain('1. 文件无法读取（文件已损坏或不是有效的表格），请重新导出为 .xlsx 后再发送');
    expect(reply).not.toContain('2. ');
    expect(reply).not.toMatch(/附件表格|见附件|单元格/);
    expect(reply).toContain('请按上述要求重新导出或填写后，于9月17日前重新报送');
  });

  it('the resubmission date: replyBy as a date, as days, never a date already past; signature parts only when given', () => {
    const warnings = unitFindings().filter((f) => f.severity === 'warning');
    const bare = defaultRules();
    const r1 = composeReply('官陡街道', warnings, { ...bare, replyBy: '2023-09-20' }, { runAt });
    expect(r1).toContain('经核对，有以下内容请核实');
    expect(r1).not.toContain('需要修改：');
    expect(r1).toContain('请于9月20日前重新报送');
    expect(composeReply('官陡街道', warnings, { ...bare, replyBy: 5 }, { runAt })).toContain('9月19日前');
    // a configured date already past: the run date plus the default 3 days
    expect(composeReply('官陡街道', warnings, { ...bare, replyBy: '2023-09-01' }, { runAt })).toContain('9月17日前');
    // a run in another year shows the year
    expect(composeReply('官陡街道', warnings, bare, { runAt: new Date(Date.UTC(2024, 0, 5, 2)) })).toContain('2024年1月8日前');
    const lines = composeReply('官陡街道', warnings, bare, { runAt })
      .split('\n')
      .filter((l) => l !== '');
    expect(lines.slice(-2)).toEqual(['芜湖市鸠江区科学技术协会', '2023年9月14日']);
    expect(composeReply('官陡街道', [], bare, { runAt })).toContain('未发现需要修改的问题');
  });

  it('English letters only when asked', () => {
    const reply = composeReply('官陡街道', unitFindings(), rules, { runAt, annotated: true, lang: 'en' });
    expect(reply).toContain('Please send the corrected table again by 17 September 2023');
    expect(reply).toContain('Contact: 周丽, Phone: 0553-5861019');
  });
});

describe('writeAnnotations: the feedback folder', () => {
  const rules = defaultRules();

  it('writes <单位>.xlsx and <单位>-回复.txt per file with findings, safe names, never over an input', async () => {
    const inbox = await tempDir();
    const own = path.join(inbox, '官陡街道.xlsx');
    const bytes = await unitFile();
    await fs.writeFile(own, bytes);
    const old = path.join(inbox, '旧.xlsx');
    await fs.writeFile(old, bytes);
    const eml = path.join(inbox, 'mail.eml') + '#活动表.xlsx';
    const broken = path.join(inbox, 'broken.xlsx');
    await fs.writeFile(broken, 'not a workbook');

    const fs1 = unitFindings().map((f) => ({ ...f, file: own }));
    const report: Report = {
      version: 1,
      rules,
      files: [
        { path: own, unit: '官陡街道', receivedAt: null, receivedFrom: null, status: 'merged', rows: 4 },
        { path: old, unit: '官陡街道', receivedAt: null, receivedFrom: null, status: 'superseded', rows: 4 },
        { path: eml, unit: '湾里/街道:*?', receivedAt: '2023-09-13T09:00:00+08:00', receivedFrom: 'eml', status: 'merged', rows: 4 },
        { path: broken, unit: null, receivedAt: null, receivedFrom: null, status: 'unreadable', rows: 0 },
        { path: path.join(inbox, 'clean.xlsx'), unit: '清水街道', receivedAt: null, receivedFrom: null, status: 'merged', rows: 1 },
      ],
      units: [],
      totals: { files: 5, rowsRead: 13, rowsMerged: 9, rowsSuperseded: 4, rowsSkipped: 0, rowsInFilesWithoutTable: 0, errors: 5, warnings: 5, infos: 2 },
      findings: [
        ...fs1,
        finding({ code: 'submission-superseded', severity: 'info', message: '已被替代', file: old, unit: '官陡街道' }),
        finding({ code: 'date-invalid', severity: 'error', message: '旧文件的问题', file: old, sheet: S, row: 7, cell: 'G7', unit: '官陡街道' }),
        finding({
          code: 'date-invalid',
          severity: 'error',
          message: '附件的问题',
          file: eml,
          sheet: S,
          row: 5,
          cell: 'G5',
          column: '开始日期',
          unit: '湾里/街道:*?',
        }),
        finding({ code: 'file-unreadable', severity: 'error', message: '文件无法读取,请重新导出为 .xlsx 后再发送', file: broken }),
        finding({ code: 'received-unknown', severity: 'info', message: '报送时间未知', file: path.join(inbox, 'clean.xlsx'), unit: '清水街道' }),
      ],
    };
    // the feedback folder is the inbox itself: the unit's own file must not be overwritten
    const written = await writeAnnotations(report, inbox, { rules, sources: new Map([[eml, { bytes }]]) });
    const names = written.map((p) => path.basename(p));
    expect(names).toEqual(['官陡街道-2.xlsx', '官陡街道-2-回复.txt', '湾里街道.xlsx', '湾里街道-回复.txt', 'broken-2-回复.txt']);
    expect(await fs.readFile(own)).toEqual(bytes);

    const copy = await readExcel(path.join(inbox, '官陡街道-2.xlsx'));
    expect(noteText(copy.getWorksheet(S)!.getCell('G7'))).toContain('9月31日');
    const attachment = await readExcel(path.join(inbox, '湾里街道.xlsx'));
    expect(noteText(attachment.getWorksheet(S)!.getCell('G5'))).toBe('[错误] 附件的问题');

    const reply = await fs.readFile(path.join(inbox, '官陡街道-2-回复.txt'), 'utf8');
    expect(reply.startsWith('\ufeff官陡街道：\r\n')).toBe(true);
    expect(reply).toContain('2. 第7行 G7（开始日期）');
    expect(reply).not.toContain('旧文件的问题');
    const brokenReply = await fs.readFile(path.join(inbox, 'broken-2-回复.txt'), 'utf8');
    expect(brokenReply).toContain('1. 文件无法读取');
  });

  it('prints a mark on every marked row (标记 column), authors the notes 区科协, answers a late unit without a copy, lists non-submissions for the clerk', async () => {
    const inbox = await tempDir();
    const own = path.join(inbox, '官陡街道.xlsx');
    await fs.writeFile(own, await unitFile());
    const late = path.join(inbox, 'late.xlsx');
    await fs.writeFile(late, await unitFile());
    const poster = path.join(inbox, '海报.jpg');
    await fs.writeFile(poster, 'jpg');
    const out = path.join(inbox, '反馈');
    const report: Report = {
      version: 1,
      rules,
      files: [
        { path: own, unit: '官陡街道', receivedAt: null, receivedFrom: null, status: 'merged', rows: 4 },
        { path: late, unit: '湾里街道', receivedAt: '2023-09-13T09:00:00+08:00', receivedFrom: 'manifest', status: 'merged', rows: 4 },
        { path: poster, unit: null, receivedAt: null, receivedFrom: null, status: 'unsupported', rows: 0 },
      ],
      units: [],
      totals: { files: 3, rowsRead: 8, rowsMerged: 8, rowsSuperseded: 0, rowsSkipped: 0, rowsInFilesWithoutTable: 0, errors: 3, warnings: 5, infos: 1 },
      findings: [
        ...unitFindings().map((f) => ({ ...f, file: own })),
        finding({ code: 'submission-late', severity: 'warning', message: '2023-09-13 09:00 报送，晚于截止日期 2023-09-12', file: late, unit: '湾里街道' }),
        finding({ code: 'file-unsupported', severity: 'warning', message: '不是表格文件（JPEG 图片），已跳过', file: poster }),
      ],
    };
    const written = await writeAnnotations(report, out, { rules, runAt: new Date(Date.UTC(2023, 8, 14, 2)) });
    expect(written.map((p) => path.basename(p))).toEqual(['官陡街道.xlsx', '官陡街道-回复.txt', '湾里街道-回复.txt', '说明.txt']);

    const ws = (await readExcel(path.join(out, '官陡街道.xlsx'))).getWorksheet(S)!;
    // the template has 21 columns: the mark is the 22nd, headed on the header row
    expect(text(ws.getCell('V4'))).toBe('标记（区科协）');
    expect(text(ws.getCell('V7'))).toBe('G7 日期错；R7 电话错');
    expect(text(ws.getCell('V8'))).toBe('G8 日期不具体；G8 不在活动期');
    expect(text(ws.getCell('V6'))).toBe('C6 类别错');
    expect(text(ws.getCell('V9'))).toBe('');
    // the unit's own fonts stay on the marked cells (only the fill is added)
    const original = (await readExcel(own)).getWorksheet(S)!;
    expect(ws.getCell('G7').font).toEqual(original.getCell('G7').font);
    // exceljs's own zip library (a dependency of exceljs), to read the comments part as written
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(out, '官陡街道.xlsx')));
    const part = Object.keys(zip.files).find((n) => /^xl\/comments\d*\.xml$/.test(n))!;
    const comments = await zip.file(part)!.async('string');
    expect(comments).toContain('<author>区科协</author>');
    expect(comments).not.toContain('<author>Author</author>');

    const lateReply = await fs.readFile(path.join(out, '湾里街道-回复.txt'), 'utf8');
    expect(lateReply).toContain('已于9月13日收到，晚于报送截止日期（9月12日）');
    await expect(fs.stat(path.join(out, '湾里街道.xlsx'))).rejects.toThrow();
    const note = await fs.readFile(path.join(out, '说明.txt'), 'utf8');
    expect(note.startsWith('\ufeff以下文件不是活动安排表，未生成回复')).toBe(true);
    expect(note).toContain('海报.jpg');
    expect((await fs.readdir(out)).some((n) => n.startsWith('海报'))).toBe(false);
  });

  it('names files safely', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('abcdefghij');
    expect(safeFileName('  ..隐藏 ')).toBe('隐藏');
    expect(safeFileName('///')).toBe('未命名');
    expect(sourceBaseName('inbox/a.eml#附件 一.xlsx')).toBe('附件 一');
    expect(sourceBaseName('dir\\b.xls')).toBe('b');
  });
});
