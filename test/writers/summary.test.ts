import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSummaryWorkbook,
  categoryMatrix,
  dayCounts,
  fieldCounts,
  kindLines,
  modeCounts,
  OTHER_OR_BLANK,
  townMainCoverage,
  overviewFigures,
  SUMMARY_SHEETS,
  textBar,
  writeSummary,
  type SummaryInput,
} from '../../src/io/write/write-summary.js';
import { fillArgb, pane, readExcel, readSheetJS, rowsOf, sheetjsRows, tempDir, text } from './read-back.js';
import { CREATED_AT, sampleReport, sampleRows } from './sample-report.js';

function input(): SummaryInput {
  return { report: sampleReport(), rows: sampleRows(), createdAt: CREATED_AT };
}

async function written(i: SummaryInput = input()): Promise<string> {
  const file = path.join(await tempDir(), '汇总统计.xlsx');
  await writeSummary(file, i);
  return file;
}

/** 总览's label → value pairs (column A → column B). */
function pairs(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = ws.getCell(r, 1).value;
    if (typeof a === 'string' && !m.has(a)) m.set(a, ws.getCell(r, 2).value);
  }
  return m;
}

describe('summary workbook 汇总统计.xlsx', () => {
  it('has the seven sheets in order, each printed landscape and fitted to the page width', async () => {
    const wb = await readExcel(await written());
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SUMMARY_SHEETS));
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
    }
    for (const name of [
      SUMMARY_SHEETS.units,
      SUMMARY_SHEETS.categories,
      SUMMARY_SHEETS.days,
      SUMMARY_SHEETS.fields,
      SUMMARY_SHEETS.findings,
      SUMMARY_SHEETS.missing,
    ]) {
      expect(pane(wb.getWorksheet(name)!), name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(wb.getWorksheet(name)!.getCell('A1').font?.bold, name).toBe(true);
    }
    expect(wb.created.toISOString()).toBe(CREATED_AT.toISOString());
  });

  it('总览: the rules in force, the totals and the reconciliation equal the report', async () => {
    const i = input();
    const wb = await readExcel(await written(i));
    const ws = wb.getWorksheet(SUMMARY_SHEETS.overview)!;
    expect(text(ws.getCell('A1'))).toBe('2023年鸠江区全国科普日活动汇总统计');
    expect(text(ws.getCell('A2'))).toBe('生成时间：2023-09-14 10:30');
    const p = pairs(ws);
    expect(p.get('活动年份')).toBe(2023);
    expect(p.get('区县')).toBe('鸠江区');
    expect(p.get('活动主题')).toBe(i.report.rules.theme);
    expect(p.get('集中活动期')).toBe('2023-09-17 至 2023-09-23');
    expect(p.get('区主场活动期')).toBe('2023-09-11 至 2023-09-20');
    expect(String(p.get('报送截止'))).toMatch(/^2023-09-12/);
    expect(p.get('规则来源')).toBe('kepuri.config.json');
    expect(p.get('名单来源')).toBe('fixtures/附件1.xlsx');
    const fig = overviewFigures(i);
    expect(fig).toMatchObject({
      files: 5,
      unitsExpected: 4,
      unitsSubmitted: 2,
      unitsMissing: 2,
      unitsLate: 1,
      unitsUnlisted: 1,
      activities: 5,
      activitiesWithErrors: 1,
    });
    expect(p.get('读取文件数')).toBe(i.report.totals.files);
    expect(p.get('应报送单位')).toBe(4);
    expect(p.get('已报送单位')).toBe(2);
    expect(p.get('未报送单位')).toBe(2);
    expect(p.get('逾期报送单位')).toBe(1);
    expect(p.get('名单外单位')).toBe(1);
    expect(p.get('活动数')).toBe(5);
    expect(p.get('错误')).toBe(i.report.totals.errors);
    expect(p.get('警告')).toBe(i.report.totals.warnings);
    expect(p.get('提示')).toBe(i.report.totals.infos);
    const rows = rowsOf(ws);
    const formula = rows.findIndex((r) => r[0] === '读取 = 汇总 + 替代 + 跳过');
    expect(formula).toBeGreaterThan(0);
    expect(rows[formula + 1].slice(1, 6)).toEqual(['读取', '汇总', '替代', '跳过', '核对']);
    expect(rows[formula + 2].slice(0, 6)).toEqual(['行数', 8, 5, 1, 2, '✓']);
  });

  it('总览 shows ✗ when the rows do not add up', async () => {
    const i = input();
    i.report.totals.rowsRead = 9;
    const rows = rowsOf((await readExcel(await written(i))).getWorksheet(SUMMARY_SHEETS.overview)!);
    expect(rows.find((r) => r[0] === '行数' && r[1] === 9)?.[5]).toBe('✗');
  });

  it('单位报送情况: one row per unit with status, receive time, totals', async () => {
    const wb = await readExcel(await written());
    const ws = wb.getWorksheet(SUMMARY_SHEETS.units)!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['序号', '单位', '类别', '任务数', '活动数', '是否完成', '报送时间', '是否逾期', '错误', '警告', '状态']);
    expect(rows[1]).toEqual([1, '官陡街道', '镇街', 3, 2, '否', '未知', '否', 2, 3, '待修改']);
    // 01:00Z is 09:00 in Shanghai; the superseded earlier file does not count
    expect(rows[2]).toEqual([2, '湾里街道', '镇街', 2, 2, '是', '2023-09-13T09:00', '是', 0, 1, '逾期']);
    expect(ws.getCell('G3').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rows[3]).toEqual([3, '区教育局', '区直部门', 2, 0, '否', '—', '—', 0, 0, '未报送']);
    expect(rows[4]).toEqual([4, '沈巷镇', '镇街', '—', 0, '—', '—', '—', 0, 0, '未报送']);
    expect(rows[5].slice(1, 11)).toEqual(['=HYPERLINK("x")科协', '名单外', '—', 1, '—', '2023-09-11T10:05', '否', 0, 1, '不在名单']);
    expect(rows[6]).toEqual(['合计', '4 个单位 + 名单外 1 个', null, 7, 5, '1/3', null, '1 个', 2, 5, '已报 2/4']);
    expect(ws.getCell('A7').font?.bold).toBe(true);
    expect(fillArgb(ws.getCell('K4'))).toBe('FFFDE2E1');
    // a unit name that looks like a formula stays text
    expect(ws.getCell('B6').type).toBe(ExcelJS.ValueType.String);
    expect(ws.autoFilter).toBeTruthy();
  });

  it('分类统计: category × 镇街 with row and column totals', async () => {
    const i = input();
    const m = categoryMatrix(i.report.rules, i.rows);
    expect(m.towns).toEqual([...i.report.rules.towns, '全区', OTHER_OR_BLANK]);
    const rows = rowsOf((await readExcel(await written(i))).getWorksheet(SUMMARY_SHEETS.categories)!);
    expect(rows[0]).toEqual(['活动类别 \\ 镇街', ...m.towns, '合计']);
    expect(rows.map((r) => r[0])).toEqual(['活动类别 \\ 镇街', ...i.report.rules.categories.map((c) => c.name), OTHER_OR_BLANK, '合计']);
    const townCol = (t: string) => rows[0].indexOf(t);
    const rowOf = (c: string) => rows.find((r) => r[0] === c)!;
    expect(rowOf('镇街主场活动')[townCol('官陡街道')]).toBe(1);
    expect(rowOf('镇街主场活动')[townCol('湾里街道')]).toBe(1);
    expect(rowOf('镇街主场活动')[townCol('合计')]).toBe(2);
    expect(rowOf(OTHER_OR_BLANK)[townCol('全区')]).toBe(1);
    expect(rowOf(OTHER_OR_BLANK)[townCol(OTHER_OR_BLANK)]).toBe(1);
    const total = rows[rows.length - 1];
    expect(total[total.length - 1]).toBe(i.rows.length);
    // column totals add up to the grand total, row totals too
    expect((total.slice(1, -1) as number[]).reduce((a, b) => a + b, 0)).toBe(i.rows.length);
    expect(rows.slice(1, -1).reduce((n, r) => n + (r[r.length - 1] as number), 0)).toBe(i.rows.length);
  });

  it('分类统计 counts a 镇街’s own row without 所属镇街 for that 镇街; a department’s blank stays 其他/未填', () => {
    const i = input();
    const rows = [
      { unit: '官陡街道', category: '镇街主场活动', fields: [], hasError: false },
      { unit: '区教育局', category: '镇街主场活动', fields: [], hasError: false },
    ];
    const m = categoryMatrix(i.report.rules, rows);
    const ci = m.categories.indexOf('镇街主场活动');
    expect(m.counts[ci][m.towns.indexOf('官陡街道')]).toBe(1);
    expect(m.counts[ci][m.towns.indexOf(OTHER_OR_BLANK)]).toBe(1);
  });

  it('总览 figures: 开展方式 split, 镇街主场活动 coverage by the 镇街’s own table, activities and people by unit kind', () => {
    const i = input();
    const rows = [
      { unit: '官陡街道', category: '镇街主场活动', mode: '线下', expectedCount: 100, fields: [], hasError: false },
      { unit: '区教育局', category: '镇街主场活动', town: '湾里街道', mode: '线上', expectedCount: 50, fields: [], hasError: false },
      { unit: '=HYPERLINK("x")科协', mode: '网上', fields: [], hasError: false },
    ];
    expect(modeCounts(i.report.rules, rows)).toEqual([
      { mode: '线下', count: 1 },
      { mode: '线上', count: 1 },
      { mode: '线上线下结合', count: 0 },
      { mode: OTHER_OR_BLANK, count: 1 },
    ]);
    // 湾里街道 is on the roster: a department's row naming it does not hold its main event
    const cov = townMainCoverage(i.report.rules, rows)!;
    expect(cov.covered).toEqual(['官陡街道']);
    expect(cov.uncovered).toContain('湾里街道');
    expect(kindLines(i.report, rows)).toEqual([
      { kind: '镇街', expected: 3, submitted: 2, activities: 1, expectedCount: 100 },
      { kind: '区直部门', expected: 1, submitted: 0, activities: 1, expectedCount: 50 },
      { kind: '名单外', expected: 0, submitted: 1, activities: 1, expectedCount: 0 },
    ]);
  });

  it('日程分布: each activity once by its start date, and a labelled column of activities running each day', async () => {
    const i = input();
    const days = dayCounts(i.report.rules, i.rows);
    expect(days.map((d) => d.starts)).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(days.map((d) => d.running)).toEqual([2, 3, 2, 1, 0, 0, 0, undefined, undefined, undefined]);
    // the 开始 column adds up to the activities: every activity counted exactly once
    expect(days.reduce((n, d) => n + d.starts, 0)).toBe(i.rows.length);
    const wb = await readExcel(await written(i));
    const ws = wb.getWorksheet(SUMMARY_SHEETS.days)!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['日期', '星期', '当日开始的活动', '当日进行中的活动', '图示（当日开始的活动）', '说明']);
    expect(rows[1].slice(0, 4)).toEqual(['2023-09-17T00:00', '周日', 1, 2]);
    expect(rows[2].slice(0, 4)).toEqual(['2023-09-18T00:00', '周一', 1, 3]);
    expect(rows[7].slice(0, 4)).toEqual(['2023-09-23T00:00', '周六', 0, 0]);
    expect(rows.slice(8).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['窗口前', 1, null],
      ['窗口后', 1, null],
      ['日期不明', 1, null],
      ['合计', i.rows.length, null],
    ]);
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(rows[2][4]).toBe(textBar(1, 1));
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([
      ['C2:C8', 'colorScale'],
      ['D2:D8', 'colorScale'],
    ]);
  });

  it('领域统计: activities per field, most first, share of activities', async () => {
    const i = input();
    const list = fieldCounts(i.report.rules, i.rows);
    expect(list.slice(0, 5)).toEqual([
      { field: '科学教育', count: 2 },
      { field: '数字素养', count: 1 },
      { field: '卫生健康', count: 1 },
      { field: '应急科普', count: 1 },
      { field: '未知领域', count: 1 },
    ]);
    const ws = (await readExcel(await written(i))).getWorksheet(SUMMARY_SHEETS.fields)!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['科普领域', '活动数', '占比', '图示']);
    expect(rows[1].slice(0, 3)).toEqual(['科学教育', 2, 0.4]);
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    expect(rows.find((r) => r[0] === '(未填)')?.[1]).toBe(1);
    const counts = rows
      .slice(1)
      .filter((r) => typeof r[1] === 'number' && r[0] !== '(未填)')
      .map((r) => r[1] as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.length).toBe(i.report.rules.fields.length + 1);
  });

  it('问题清单: every finding with file and cell, filtered, errors tinted', async () => {
    const i = input();
    const wb = await readExcel(await written(i));
    const ws = wb.getWorksheet(SUMMARY_SHEETS.findings)!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['单位', '文件', '工作表', '单元格', '级别', '问题', '活动名称', '联系人', '联系电话', '代码']);
    expect(rows.length - 1).toBe(i.report.findings.length);
    i.report.findings.forEach((f, k) => {
      const r = rows[k + 1];
      expect(r[0] ?? null).toBe(f.unit ?? null);
      expect(r[1]).toBe(f.file);
      expect(r[5]).toBe(f.message);
      expect(r[9]).toBe(f.code);
      expect(r[4]).toBe({ error: '错误', warning: '警告', info: '提示' }[f.severity]);
    });
    expect(rows[1].slice(2, 4)).toEqual(['活动安排表', 'G7']);
    expect(fillArgb(ws.getCell('A2'))).toBe('FFFDE2E1');
    expect(fillArgb(ws.getCell('A8'))).toBeUndefined(); // info
    expect(ws.autoFilter).toBe(`A1:J${rows.length}`);
    // a unit-level finding carries the roster's contact; a missing unit's too
    const quota = rows.find((r) => r[9] === 'quota-short')!;
    expect(quota.slice(6, 9)).toEqual([null, '王芳', '0553-5864150']);
    expect(rows.find((r) => r[9] === 'submission-missing' && r[0] === '区教育局')!.slice(7, 9)).toEqual(['李明', '13912345678']);
  });

  it('未报送单位: the missing units with the roster’s contact', async () => {
    const rows = rowsOf((await readExcel(await written())).getWorksheet(SUMMARY_SHEETS.missing)!);
    expect(rows[0]).toEqual(['序号', '单位', '类别', '任务数', '联系人', '联系电话', '邮箱']);
    expect(rows[1]).toEqual([1, '区教育局', '区直部门', 2, '李明', '13912345678', 'jyj@example.cn']);
    expect(rows[2]).toEqual([2, '沈巷镇', '镇街', '—', '赵六', '0553-1234567', null]);
    expect(rows[3].slice(0, 2)).toEqual(['合计', '2 个单位']);
  });

  it('reads the same in SheetJS (second reader)', async () => {
    const i = input();
    const wb = await readSheetJS(await written(i));
    expect(wb.SheetNames).toEqual(Object.values(SUMMARY_SHEETS));
    const units = sheetjsRows(wb, SUMMARY_SHEETS.units);
    expect(units[1].slice(0, 6)).toEqual([1, '官陡街道', '镇街', 3, 2, '否']);
    expect(units[2][6]).toBeInstanceOf(Date);
    const findings = wb.Sheets[SUMMARY_SHEETS.findings];
    expect(findings['!autofilter']?.ref).toBe(`A1:J${i.report.findings.length + 1}`);
    // the formula-looking unit name is a string cell, not a formula
    const b11 = findings.A11;
    expect(b11.t).toBe('s');
    expect(b11.f).toBeUndefined();
    expect(b11.v).toBe('=HYPERLINK("x")科协');
    // LibreOffice shows an auto-filter only with the sheet's _xlnm._FilterDatabase name
    const names = (wb.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm._FilterDatabase').map((n) => [n.Sheet, n.Ref]);
    expect(names).toEqual([
      [1, `'单位报送情况'!$A$1:$K$6`],
      [5, `'问题清单'!$A$1:$J$${i.report.findings.length + 1}`],
    ]);
    const overview = sheetjsRows(wb, SUMMARY_SHEETS.overview);
    expect(overview.find((r) => r[0] === '行数' && r[1] === 8)?.slice(0, 6)).toEqual(['行数', 8, 5, 1, 2, '✓']);
    const days = sheetjsRows(wb, SUMMARY_SHEETS.days);
    expect(days.slice(1).map((r) => r[2])).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 5]);
    expect(days.slice(1, 8).map((r) => r[3])).toEqual([2, 3, 2, 1, 0, 0, 0]);
  });

  it('handles an empty merge: no rows, no roster, no findings', async () => {
    const i = input();
    i.report.rules.roster = [];
    i.report.rules.rosterSource = 'none';
    i.report.units = [];
    i.report.files = [];
    i.report.findings = [];
    i.report.totals = { files: 0, rowsRead: 0, rowsMerged: 0, rowsSuperseded: 0, rowsSkipped: 0, rowsInFilesWithoutTable: 0, errors: 0, warnings: 0, infos: 0 };
    i.rows = [];
    const wb = await buildSummaryWorkbook(i);
    const back = await readExcel(await wb.writeBuffer());
    expect(pairs(back.getWorksheet(SUMMARY_SHEETS.overview)!).get('名单来源')).toBe('无(未提供名单)');
    expect(text(back.getWorksheet(SUMMARY_SHEETS.missing)!.getCell('A2'))).toBe('全部单位均已报送');
    expect(
      rowsOf(back.getWorksheet(SUMMARY_SHEETS.days)!)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
