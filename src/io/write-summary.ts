/**
 * 汇总统计.xlsx (SPEC §8): the summary workbook for the report upward — 总览, 单位报送情况,
 * 分类统计, 日程分布, 领域统计, 问题清单, 未报送单位. Built from the report and one SummaryRow per
 * merged activity (the merge maps MergedRow → SummaryRow; `kepuri summary` builds them from a
 * master table read back). Figures are written as plain numbers, never formulas, so every reader
 * (Excel, WPS, LibreOffice, SheetJS) sees the same values without recalculating.
 */
import type { Rules } from '../core/config/schema.js';
import type { Report, ReportFile, ReportUnit } from '../core/report.js';
import type { Severity } from '../core/finding.js';
import { writeFileAtomic } from './write-atomic.js';
import { XlsxBook, type Alignment, type Borders, type CellValue, type Fill, type XlsxRow, type XlsxSheet } from './xlsx-writer.js';

/** One merged activity, as the summary needs it. */
export interface SummaryRow {
  unit: string;
  category?: string;
  town?: string;
  /** ISO 'YYYY-MM-DD' */
  startDate?: string;
  /** ISO 'YYYY-MM-DD'; defaults to startDate */
  endDate?: string;
  /** science fields, canonical where recognised */
  fields: string[];
  hasError: boolean;
}

export interface SummaryInput {
  report: Report;
  rows: SummaryRow[];
  /** workbook creation time (fixed in tests for reproducible output) */
  createdAt: Date;
}

export const SUMMARY_SHEETS = {
  overview: '总览',
  units: '单位报送情况',
  categories: '分类统计',
  days: '日程分布',
  fields: '领域统计',
  findings: '问题清单',
  missing: '未报送单位',
} as const;

export const OTHER_OR_BLANK = '其他/未填';
export const SEVERITY_WORDS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const UNIT_STATUS = { submitted: '已报送', late: '逾期', missing: '未报送', unlisted: '不在名单' } as const;

const FILL = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = FILL('FFDDEBF7');
const TOTAL_FILL = FILL('FFF2F2F2');
const ERROR_FILL = FILL('FFFDE2E1');
const WARNING_FILL = FILL('FFFFF2CC');
const UNLISTED_FILL = FILL('FFE7E6F7');
const LINE = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Borders = { top: LINE, left: LINE, bottom: LINE, right: LINE };
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
// shared alignment objects: the writer resolves a style object once (by identity)
const ALIGN_TEXT: Alignment = { vertical: 'middle', wrapText: true };
const ALIGN_NUMBER: Alignment = { vertical: 'middle', wrapText: false, horizontal: 'right' };
const ALIGN_OTHER: Alignment = { vertical: 'middle', wrapText: false };
const ALIGN_CENTER: Alignment = { horizontal: 'center', vertical: 'middle' };
const MAX_WINDOW_DAYS = 400;

// ---------------------------------------------------------------- figures (pure, exported for tests)

export interface UnitLine {
  unit: ReportUnit;
  listed: boolean;
  /** 是 / 否 / — (no quota) */
  met: string;
  /** latest receive time of the unit's merged files, ISO as in the report */
  receivedAt: string | null;
  status: (typeof UNIT_STATUS)[keyof typeof UNIT_STATUS];
}

export function unitLines(report: Report): UnitLine[] {
  const roster = new Set(report.rules.roster.map((u) => u.name));
  // merged files by unit, once: a scan of every file per unit was 4 million steps for a province
  const mergedFiles = new Map<string, ReportFile[]>();
  for (const f of report.files) {
    if (f.status !== 'merged' || f.unit === null) continue;
    const list = mergedFiles.get(f.unit);
    if (list) list.push(f);
    else mergedFiles.set(f.unit, [f]);
  }
  return report.units.map((unit) => {
    const listed = roster.size > 0 ? roster.has(unit.name) : unit.kind !== null;
    const receivedAt = latestReceived(mergedFiles.get(unit.name) ?? []);
    const met = unit.quota === null ? '—' : unit.activities >= unit.quota ? '是' : '否';
    const status = !unit.submitted ? UNIT_STATUS.missing : !listed ? UNIT_STATUS.unlisted : unit.late ? UNIT_STATUS.late : UNIT_STATUS.submitted;
    return { unit, listed, met, receivedAt, status };
  });
}

function latestReceived(files: ReportFile[]): string | null {
  let best: string | null = null;
  for (const f of files) {
    if (!f.receivedAt) continue;
    if (best === null || Date.parse(f.receivedAt) > Date.parse(best)) best = f.receivedAt;
  }
  return best;
}

export interface OverviewFigures {
  files: number;
  unitsExpected: number;
  unitsSubmitted: number;
  unitsMissing: number;
  unitsLate: number;
  unitsUnlisted: number;
  activities: number;
  activitiesWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
  reconciliation: { read: number; merged: number; superseded: number; skipped: number; ok: boolean };
}

export function overviewFigures(input: SummaryInput): OverviewFigures {
  const { report, rows } = input;
  const lines = unitLines(report);
  const listed = lines.filter((l) => l.listed);
  const t = report.totals;
  return {
    files: t.files,
    unitsExpected: listed.length,
    unitsSubmitted: listed.filter((l) => l.unit.submitted).length,
    unitsMissing: listed.filter((l) => !l.unit.submitted).length,
    unitsLate: lines.filter((l) => l.unit.late).length,
    unitsUnlisted: lines.filter((l) => !l.listed).length,
    activities: rows.length,
    activitiesWithErrors: rows.filter((r) => r.hasError).length,
    errors: t.errors,
    warnings: t.warnings,
    infos: t.infos,
    reconciliation: {
      read: t.rowsRead,
      merged: t.rowsMerged,
      superseded: t.rowsSuperseded,
      skipped: t.rowsSkipped,
      ok: t.rowsRead === t.rowsMerged + t.rowsSuperseded + t.rowsSkipped + (t.rowsInFilesWithoutTable ?? 0),
    },
  };
}

export interface CategoryMatrix {
  categories: string[];
  towns: string[];
  /** counts[i][j]: categories[i] × towns[j] */
  counts: number[][];
}

/** category × 镇街: the rules' categories then 其他/未填; the towns, places and 全区 that occur, then 其他/未填. */
export function categoryMatrix(rules: Rules, rows: readonly SummaryRow[]): CategoryMatrix {
  const categories = [...rules.categories.map((c) => c.name), OTHER_OR_BLANK];
  const seenPlaces = new Set(rows.map((r) => r.town?.trim() ?? ''));
  const optional = [...rules.places, '全区'].filter((p) => seenPlaces.has(p) && !rules.towns.includes(p));
  const towns = [...rules.towns, ...optional, OTHER_OR_BLANK];
  const counts = categories.map(() => towns.map(() => 0));
  for (const r of rows) {
    const ci = categories.indexOf(r.category?.trim() ?? '');
    const ti = towns.indexOf(r.town?.trim() ?? '');
    counts[ci >= 0 ? ci : categories.length - 1][ti >= 0 ? ti : towns.length - 1]++;
  }
  return { categories, towns, counts };
}

export interface DayCount {
  /** ISO date, or a label for the three extra rows */
  day: string;
  label: string;
  count: number;
  note?: string;
}

export const DAY_BEFORE = '窗口前';
export const DAY_AFTER = '窗口后';
export const DAY_UNKNOWN = '日期不明';

/** Activities running on each day of the concentrated window, then before / after / unknown. */
export function dayCounts(rules: Rules, rows: readonly SummaryRow[]): DayCount[] {
  const { start, end } = rules.windows.concentrated;
  const out: DayCount[] = [];
  const spans = rows.map((r) => {
    if (!r.startDate) return undefined;
    const s = r.startDate.slice(0, 10);
    const e = r.endDate && r.endDate.slice(0, 10) >= s ? r.endDate.slice(0, 10) : s;
    return { s, e };
  });
  let day = start;
  for (let i = 0; day <= end && i < MAX_WINDOW_DAYS; i++) {
    const d = day;
    out.push({ day: d, label: d, count: spans.filter((x) => x && x.s <= d && x.e >= d).length });
    day = addDays(day, 1);
  }
  out.push({ day: DAY_BEFORE, label: DAY_BEFORE, count: spans.filter((x) => x && x.s < start).length, note: `开始日期早于 ${start} 的活动` });
  out.push({ day: DAY_AFTER, label: DAY_AFTER, count: spans.filter((x) => x && x.e > end).length, note: `结束日期晚于 ${end} 的活动` });
  out.push({ day: DAY_UNKNOWN, label: DAY_UNKNOWN, count: spans.filter((x) => !x).length, note: '未填写或无法识别开始日期的活动' });
  return out;
}

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export const NO_FIELD = '(未填)';

/** Activities per science field (an activity with several fields counts in each), most first. */
export function fieldCounts(rules: Rules, rows: readonly SummaryRow[]): { field: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of rules.fields) counts.set(f, 0);
  let none = 0;
  for (const r of rows) {
    const fields = [...new Set(r.fields.map((f) => f.trim()).filter((f) => f !== ''))];
    if (fields.length === 0) none++;
    for (const f of fields) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const order = new Map([...counts.keys()].map((k, i) => [k, i]));
  const list = [...counts.entries()].map(([field, count]) => ({ field, count }));
  list.sort((a, b) => b.count - a.count || order.get(a.field)! - order.get(b.field)!);
  if (none > 0) list.push({ field: NO_FIELD, count: none });
  return list;
}

// ---------------------------------------------------------------- workbook

/** ISO with offset → a Date whose UTC fields are the Shanghai wall-clock time (how exceljs writes dates). */
export function shanghaiWallClock(iso: string): Date | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return new Date(t + 8 * 3600_000);
}

function isoDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function sourceText(source: string, what: 'rules' | 'roster'): string {
  if (source === 'embedded') return what === 'rules' ? '内置默认规则' : '内置默认名单';
  if (source === 'none') return '无(未提供名单)';
  if (source === 'config') return '配置文件';
  return source;
}

function setupSheet(ws: XlsxSheet): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function headerRow(ws: XlsxSheet, r: number, labels: readonly string[]): void {
  const row = ws.getRow(r);
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row.height = 22;
}

function dataRow(ws: XlsxSheet, r: number, values: CellValue[], opts: { total?: boolean; fill?: Fill } = {}): XlsxRow {
  const row = ws.getRow(r);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = v === '' ? null : v;
    cell.border = BORDER;
    cell.alignment = typeof v === 'string' ? ALIGN_TEXT : typeof v === 'number' ? ALIGN_NUMBER : ALIGN_OTHER;
    if (typeof v === 'number') cell.numFmt = '0';
    if (opts.total) {
      cell.font = { bold: true };
      cell.fill = TOTAL_FILL;
    } else if (opts.fill) cell.fill = opts.fill;
  });
  return row;
}

/** A bar drawn with characters: shows in every program, printed or not, and survives CSV export. */
export function textBar(count: number, max: number, width = 20): string {
  if (count <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / max) * width)));
}

/** Bars proportional to the counts in `ref`. A two-colour scale: opens the same in Excel, WPS and LibreOffice. */
function countScale(ws: XlsxSheet, ref: string): void {
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: [{ argb: 'FFFFFFFF' }, { argb: 'FF63BE7B' }],
      },
    ],
  });
}

function buildOverview(wb: XlsxBook, input: SummaryInput): void {
  const { report, createdAt } = input;
  const rules = report.rules;
  const fig = overviewFigures(input);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.overview, { views: [{ state: 'normal', showGridLines: false }] });
  setupSheet(ws);
  ws.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 10 }];

  const title = ws.getCell(1, 1);
  title.value = `${rules.year}年${rules.district}全国科普日活动汇总统计`;
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, 6);
  ws.getRow(1).height = 30;
  const when = ws.getCell(2, 1);
  when.value = `生成时间:${shanghaiWallClock(createdAt.toISOString())!.toISOString().slice(0, 16).replace('T', ' ')}`;
  when.font = { color: { argb: 'FF808080' } };
  ws.mergeCells(2, 1, 2, 6);

  let r = 4;
  const section = (text: string) => {
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { size: 13, bold: true };
    r++;
  };
  const pair = (label: string, value: CellValue, opts: { fill?: Fill } = {}) => {
    const a = ws.getCell(r, 1);
    a.value = label;
    a.font = { bold: true };
    a.fill = HEADER_FILL;
    a.border = BORDER;
    a.alignment = { vertical: 'middle' };
    const b = ws.getCell(r, 2);
    b.value = value;
    b.border = BORDER;
    b.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    if (typeof value === 'number') b.numFmt = '0';
    if (opts.fill) b.fill = opts.fill;
    ws.mergeCells(r, 2, r, 6);
    r++;
  };

  section('一、规则');
  const w = rules.windows;
  pair('活动年份', rules.year);
  pair('区县', rules.district);
  pair('发文单位', rules.issuer);
  if (rules.notice) pair('通知', rules.notice);
  pair('活动主题', rules.theme);
  pair('集中活动期', `${w.concentrated.start} 至 ${w.concentrated.end}`);
  pair('区主场活动期', `${w.mainEvent.start} 至 ${w.mainEvent.end}`);
  pair('网站发布期', `${w.website.start} 至 ${w.website.end}`);
  pair('报送截止', `${rules.deadlines.schedule}(当日24时前收到为按时)`);
  pair('规则来源', sourceText(rules.source, 'rules'));
  pair('名单来源', sourceText(rules.rosterSource, 'roster'));
  r++;

  section('二、合计');
  pair('读取文件数', fig.files);
  pair('应报送单位', fig.unitsExpected);
  pair('已报送单位', fig.unitsSubmitted);
  pair('未报送单位', fig.unitsMissing, fig.unitsMissing > 0 ? { fill: ERROR_FILL } : {});
  pair('逾期报送单位', fig.unitsLate, fig.unitsLate > 0 ? { fill: WARNING_FILL } : {});
  pair('名单外单位', fig.unitsUnlisted);
  pair('活动数', fig.activities);
  pair('有错误的活动', fig.activitiesWithErrors, fig.activitiesWithErrors > 0 ? { fill: ERROR_FILL } : {});
  pair('错误', fig.errors, fig.errors > 0 ? { fill: ERROR_FILL } : {});
  pair('警告', fig.warnings, fig.warnings > 0 ? { fill: WARNING_FILL } : {});
  pair('提示', fig.infos);
  r++;

  section('三、行数核对');
  const label = ws.getCell(r, 1);
  label.value = '读取 = 汇总 + 替代 + 跳过';
  label.font = { italic: true };
  ws.mergeCells(r, 1, r, 6);
  r++;
  headerRow(ws, r, ['', '读取', '汇总', '替代', '跳过', '核对']);
  r++;
  const rc = fig.reconciliation;
  const row = dataRow(ws, r, ['行数', rc.read, rc.merged, rc.superseded, rc.skipped, rc.ok ? '✓' : '✗']);
  row.getCell(1).font = { bold: true };
  const check = row.getCell(6);
  check.alignment = { horizontal: 'center', vertical: 'middle' };
  check.font = { bold: true, color: { argb: rc.ok ? 'FF008000' : 'FFC00000' } };
  if (!rc.ok) check.fill = ERROR_FILL;
}

function buildUnits(wb: XlsxBook, input: SummaryInput): void {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.units, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2, topLeftCell: 'C2', activeCell: 'C2' }] });
  setupSheet(ws);
  const labels = ['序号', '单位', '类别', '任务数', '活动数', '是否完成', '报送时间', '是否逾期', '错误', '警告', '状态'];
  ws.columns = [6, 26, 12, 8, 8, 10, 18, 10, 8, 8, 10].map((width) => ({ width }));
  headerRow(ws, 1, labels);
  const lines = unitLines(input.report);
  lines.forEach((l, i) => {
    const u = l.unit;
    const received = l.receivedAt ? shanghaiWallClock(l.receivedAt) : undefined;
    const fill = l.status === UNIT_STATUS.missing ? ERROR_FILL : l.status === UNIT_STATUS.late ? WARNING_FILL : l.status === UNIT_STATUS.unlisted ? UNLISTED_FILL : undefined;
    const row = dataRow(
      ws,
      i + 2,
      [
        i + 1,
        u.name,
        u.kind ?? '—',
        u.quota ?? '—',
        u.activities,
        l.met,
        received ?? (u.submitted ? '未知' : '—'),
        u.submitted ? (u.late ? '是' : '否') : '—',
        u.errors,
        u.warnings,
        l.status,
      ],
      fill ? { fill } : {},
    );
    if (received) row.getCell(7).numFmt = 'yyyy-mm-dd hh:mm';
    for (const c of [1, 3, 4, 6, 7, 8, 11]) row.getCell(c).alignment = ALIGN_CENTER;
  });
  const sum = (f: (u: ReportUnit) => number) => lines.reduce((n, l) => n + f(l.unit), 0);
  const listed = lines.filter((l) => l.listed);
  const withQuota = lines.filter((l) => l.unit.quota !== null);
  const totalRow = lines.length + 2;
  dataRow(
    ws,
    totalRow,
    [
      '合计',
      `${lines.length} 个单位`,
      '',
      withQuota.length > 0 ? sum((u) => u.quota ?? 0) : '—',
      sum((u) => u.activities),
      withQuota.length > 0 ? `${withQuota.filter((l) => l.met === '是').length}/${withQuota.length}` : '—',
      '',
      `${lines.filter((l) => l.unit.late).length} 个`,
      sum((u) => u.errors),
      sum((u) => u.warnings),
      `已报 ${listed.filter((l) => l.unit.submitted).length}/${listed.length}`,
    ],
    { total: true },
  );
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, lines.length + 1), column: labels.length } };
}

function buildCategories(wb: XlsxBook, input: SummaryInput): void {
  const m = categoryMatrix(input.report.rules, input.rows);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.categories, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1, topLeftCell: 'B2', activeCell: 'B2' }] });
  setupSheet(ws);
  ws.columns = [{ width: 24 }, ...m.towns.map((t) => ({ width: Math.max(8, t.length * 2 + 2) })), { width: 8 }];
  headerRow(ws, 1, ['活动类别 \\ 镇街', ...m.towns, '合计']);
  m.categories.forEach((c, i) => {
    const counts = m.counts[i];
    const row = dataRow(ws, i + 2, [c, ...counts, counts.reduce((a, b) => a + b, 0)]);
    row.getCell(counts.length + 2).font = { bold: true };
  });
  const colTotals = m.towns.map((_t, j) => m.counts.reduce((n, row) => n + row[j], 0));
  dataRow(ws, m.categories.length + 2, ['合计', ...colTotals, colTotals.reduce((a, b) => a + b, 0)], { total: true });
  const last = ws.getColumn(m.towns.length + 1).letter;
  countScale(ws, `B2:${last}${m.categories.length + 1}`);
}

function buildDays(wb: XlsxBook, input: SummaryInput): void {
  const days = dayCounts(input.report.rules, input.rows);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.days, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  setupSheet(ws);
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 10 }, { width: 24 }, { width: 36 }];
  headerRow(ws, 1, ['日期', '星期', '活动数', '图示', '说明']);
  const max = Math.max(0, ...days.map((d) => d.count));
  let inWindow = 0;
  days.forEach((d, i) => {
    const isDay = /^\d{4}-\d{2}-\d{2}$/.test(d.day);
    if (isDay) inWindow++;
    const date = isDay ? isoDay(d.day) : undefined;
    const row = dataRow(
      ws,
      i + 2,
      [date ?? d.label, date ? `周${WEEKDAYS[date.getUTCDay()]}` : '', d.count, textBar(d.count, max), isDay ? '' : (d.note ?? '')],
      isDay ? {} : { fill: TOTAL_FILL },
    );
    row.getCell(4).font = { color: { argb: 'FF5B9BD5' } };
    row.getCell(4).alignment = { vertical: 'middle', wrapText: false };
    if (date) row.getCell(1).numFmt = 'yyyy-mm-dd';
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.getCell(2).alignment = { horizontal: 'center', vertical: 'middle' };
    if (!isDay) row.getCell(1).font = { bold: true };
  });
  if (inWindow > 0) countScale(ws, `C2:C${inWindow + 1}`);
}

function buildFields(wb: XlsxBook, input: SummaryInput): void {
  const list = fieldCounts(input.report.rules, input.rows);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.fields, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  setupSheet(ws);
  ws.columns = [{ width: 16 }, { width: 10 }, { width: 10 }, { width: 24 }];
  headerRow(ws, 1, ['科普领域', '活动数', '占比', '图示']);
  const total = input.rows.length;
  const max = Math.max(0, ...list.map((f) => f.count));
  list.forEach((f, i) => {
    const row = dataRow(ws, i + 2, [f.field, f.count, total > 0 ? f.count / total : 0, textBar(f.count, max)]);
    row.getCell(3).numFmt = '0.0%';
    row.getCell(4).font = { color: { argb: 'FF5B9BD5' } };
    row.getCell(4).alignment = { vertical: 'middle', wrapText: false };
  });
  const note = ws.getCell(list.length + 3, 1);
  note.value = `共 ${total} 项活动;一项活动填写多个领域时在每个领域各计一次,占比之和可能超过100%。`;
  note.font = { color: { argb: 'FF808080' } };
  if (list.length > 0) countScale(ws, `B2:B${list.length + 1}`);
}

async function buildFindings(wb: XlsxBook, input: SummaryInput): Promise<void> {
  const findings = input.report.findings;
  const ws = wb.addWorksheet(SUMMARY_SHEETS.findings, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  setupSheet(ws);
  const labels = ['单位', '文件', '工作表', '单元格', '级别', '代码', '说明'];
  ws.columns = [20, 36, 12, 8, 6, 24, 60].map((width) => ({ width }));
  headerRow(ws, 1, labels);
  // a province merge lists tens of thousands of findings: each row is written at once, without
  // cell objects, with the look dataRow would give (text cells, 单元格 and 级别 centred, tinted
  // by severity) resolved once per severity
  const looks = new Map<string, number[]>();
  const stylesOf = (severity: string, fill: Fill | undefined): number[] => {
    let styles = looks.get(severity);
    if (!styles) {
      styles = labels.map((_l, c) => wb.styleId({ border: BORDER, alignment: c === 3 || c === 4 ? ALIGN_CENTER : ALIGN_TEXT, ...(fill ? { fill } : {}) }));
      looks.set(severity, styles);
    }
    return styles;
  };
  const values: CellValue[] = new Array(labels.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const fill = f.severity === 'error' ? ERROR_FILL : f.severity === 'warning' ? WARNING_FILL : undefined;
    values[0] = f.unit || null;
    values[1] = f.file || null;
    values[2] = f.sheet || null;
    values[3] = f.cell || (f.row !== null ? `第${f.row}行` : null);
    values[4] = SEVERITY_WORDS[f.severity];
    values[5] = f.code;
    values[6] = f.message || null;
    ws.appendRow(i + 2, values, stylesOf(f.severity, fill));
    if (i % 1024 === 1023) await ws.drain();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.length + 1), column: labels.length } };
}

function buildMissing(wb: XlsxBook, input: SummaryInput): void {
  const { report } = input;
  const ws = wb.addWorksheet(SUMMARY_SHEETS.missing, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  setupSheet(ws);
  const labels = ['序号', '单位', '类别', '任务数', '联系人', '联系电话', '邮箱'];
  ws.columns = [6, 26, 12, 8, 12, 18, 28].map((width) => ({ width }));
  headerRow(ws, 1, labels);
  const missing = report.units.filter((u) => !u.submitted);
  missing.forEach((u, i) => {
    const r = report.rules.roster.find((x) => x.name === u.name);
    const row = dataRow(ws, i + 2, [i + 1, u.name, u.kind ?? '—', u.quota ?? '—', r?.contact ?? '', r?.phone ?? '', r?.emails?.join('、') ?? '']);
    row.getCell(6).numFmt = '@';
  });
  if (missing.length === 0) {
    const cell = ws.getCell(2, 1);
    cell.value = '全部单位均已报送';
    ws.mergeCells(2, 1, 2, labels.length);
  } else {
    dataRow(ws, missing.length + 2, ['合计', `${missing.length} 个单位`], { total: true });
  }
}

export async function buildSummaryWorkbook(input: SummaryInput): Promise<XlsxBook> {
  const wb = new XlsxBook();
  wb.creator = 'kepuri';
  wb.lastModifiedBy = 'kepuri';
  wb.created = input.createdAt;
  wb.modified = input.createdAt;
  wb.title = `${input.report.rules.year}年${input.report.rules.district}全国科普日活动汇总统计`;
  buildOverview(wb, input);
  buildUnits(wb, input);
  buildCategories(wb, input);
  buildDays(wb, input);
  buildFields(wb, input);
  await buildFindings(wb, input);
  buildMissing(wb, input);
  return wb;
}

export async function writeSummary(file: string, input: SummaryInput): Promise<void> {
  const wb = await buildSummaryWorkbook(input);
  await writeFileAtomic(file, await wb.writeChunks());
}
