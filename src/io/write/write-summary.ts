/**
 * 汇总统计.xlsx (SPEC §8): the summary workbook for the report upward — 总览, 单位报送情况,
 * 分类统计, 日程分布, 领域统计, 问题清单, 未报送单位. Built from the report and one SummaryRow per
 * merged activity (the merge maps MergedRow → SummaryRow; `kepuri summary` builds them from a
 * master table read back). Figures are written as plain numbers, never formulas, so every reader
 * (Excel, WPS, LibreOffice, SheetJS) sees the same values without recalculating.
 */
import type { Config } from '../../core/config/schema.js';
import type { Report, ReportFile, ReportUnit } from '../../core/report.js';
import type { Severity } from '../../core/finding.js';
import { isListed, tallyUnits, unitStatus, UNIT_STATUS, type UnitStatus, type UnitTally } from '../../core/unit-counts.js';
import type { SummaryRowFacts } from '../../core/merge/summary-rows.js';
import { rowHeightFor, setupPrint, wrappedLines } from './print-setup.js';
import { writeFileAtomic } from './write-atomic.js';
import { HEADER_FILL, THIN_BORDER, writeHeaderRow } from './table-header.js';
import { XlsxBook, type Alignment, type CellValue, type Fill, type XlsxRow, type XlsxSheet } from './xlsx-writer.js';

/** One merged activity, as the summary needs it (see core/merge/summary-rows.ts). */
export type SummaryRow = SummaryRowFacts;

export interface SummaryInput {
  report: Report;
  rows: SummaryRow[];
  /** workbook creation time (fixed in tests for reproducible output) */
  createdAt: Date;
  /** how a file path is written in 问题清单 (relative to the input folder); default as given */
  displayPath?: (file: string) => string;
  /** the same for paths quoted inside a message */
  displayText?: (text: string) => string;
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
export { UNIT_STATUS };

const FILL = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const TOTAL_FILL = FILL('FFF2F2F2');
const ERROR_FILL = FILL('FFFDE2E1');
const WARNING_FILL = FILL('FFFFF2CC');
const UNLISTED_FILL = FILL('FFE7E6F7');
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
  status: UnitStatus;
}

export function unitLines(report: Report): UnitLine[] {
  // merged files by unit, once: a scan of every file per unit was 4 million steps for a province
  const mergedFiles = new Map<string, ReportFile[]>();
  for (const f of report.files) {
    if (f.status !== 'merged' || f.unit === null) continue;
    const list = mergedFiles.get(f.unit);
    if (list) list.push(f);
    else mergedFiles.set(f.unit, [f]);
  }
  const roster = new Set(report.rules.roster.map((u) => u.name));
  return report.units.map((unit) => {
    const listed = roster.size > 0 ? roster.has(unit.name) : isListed(report, unit);
    const receivedAt = latestReceived(mergedFiles.get(unit.name) ?? []);
    const met = unit.quota === null ? '—' : unit.activities >= unit.quota ? '是' : '否';
    return { unit, listed, met, receivedAt, status: unitStatus(unit, listed) };
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
  /** units that sent a table with errors (待修改) */
  unitsToFix: number;
  unitsUnlisted: number;
  activities: number;
  activitiesWithErrors: number;
  /** 预计参与人数 summed over the activities that give a number */
  expectedTotal: number;
  /** activities whose 预计参与人数 is empty or unreadable */
  expectedUnknown: number;
  errors: number;
  warnings: number;
  infos: number;
  reconciliation: { read: number; merged: number; superseded: number; skipped: number; ok: boolean };
}

export function overviewFigures(input: SummaryInput): OverviewFigures {
  const { report, rows } = input;
  const tally = tallyUnits(report);
  const t = report.totals;
  let expectedTotal = 0;
  let expectedUnknown = 0;
  for (const r of rows) {
    if (typeof r.expectedCount === 'number') expectedTotal += r.expectedCount;
    else expectedUnknown++;
  }
  return {
    files: t.files,
    unitsExpected: tally.expected.length,
    unitsSubmitted: tally.submitted.length,
    unitsMissing: tally.missing.length,
    unitsLate: tally.late.length,
    unitsToFix: tally.toFix.length,
    unitsUnlisted: tally.unlisted.length,
    activities: rows.length,
    activitiesWithErrors: rows.filter((r) => r.hasError).length,
    expectedTotal,
    expectedUnknown,
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

/** 线下 / 线上 / 线上线下结合 (the rules' modes), then 其他/未填: activities by 开展方式. */
export function modeCounts(rules: Config, rows: readonly SummaryRow[]): { mode: string; count: number }[] {
  const list = [...rules.modes, OTHER_OR_BLANK].map((mode) => ({ mode, count: 0 }));
  for (const r of rows) {
    const i = rules.modes.indexOf(r.mode?.trim() ?? '');
    list[i >= 0 ? i : list.length - 1].count++;
  }
  return list;
}

/**
 * The 镇街 an activity counts for in 分类统计: its 所属镇街, or, left blank on a 镇街's own
 * table, that 镇街 (issue 12 §4).
 */
export function effectiveTown(rules: Config, row: SummaryRow): string {
  const town = row.town?.trim() ?? '';
  if (town !== '') return town;
  return rules.towns.includes(row.unit) ? row.unit : '';
}

export interface TownMainCoverage {
  category: string;
  towns: string[];
  covered: string[];
  uncovered: string[];
}

/**
 * Which 镇街 hold a 镇街主场活动: a 镇街 on the roster by its own table (as town-main-event-missing
 * judges it), a 镇街 not on the roster by 所属镇街. Undefined when the rules have no such category.
 */
export function townMainCoverage(rules: Config, rows: readonly SummaryRow[]): TownMainCoverage | undefined {
  const category = rules.categories.find((c) => c.townMainEvent)?.name;
  if (!category) return undefined;
  const roster = new Set(rules.roster.map((u) => u.name));
  const byUnit = new Set<string>();
  const byTown = new Set<string>();
  for (const r of rows) {
    if (r.category?.trim() !== category) continue;
    byUnit.add(r.unit);
    byTown.add(effectiveTown(rules, r));
  }
  const covered = rules.towns.filter((t) => (roster.has(t) ? byUnit.has(t) : byTown.has(t)));
  return { category, towns: rules.towns, covered, uncovered: rules.towns.filter((t) => !covered.includes(t)) };
}

export const UNLISTED_KIND = '名单外';

export interface KindLine {
  kind: string;
  expected: number;
  submitted: number;
  activities: number;
  expectedCount: number;
}

/** By unit kind (roster order of kinds, then 名单外): units expected and reporting, activities, 预计参与人数. */
export function kindLines(report: Report, rows: readonly SummaryRow[]): KindLine[] {
  const kindOf = new Map(report.rules.roster.map((u) => [u.name, u.kind as string]));
  const lines = new Map<string, KindLine>();
  const line = (kind: string) => {
    let l = lines.get(kind);
    if (!l) lines.set(kind, (l = { kind, expected: 0, submitted: 0, activities: 0, expectedCount: 0 }));
    return l;
  };
  for (const u of report.rules.roster) line(u.kind);
  for (const u of report.units) {
    const kind = kindOf.get(u.name);
    if (kind === undefined) {
      if (u.submitted) line(UNLISTED_KIND).submitted++;
      continue;
    }
    line(kind).expected++;
    if (u.submitted) line(kind).submitted++;
  }
  for (const r of rows) {
    const l = line(kindOf.get(r.unit) ?? UNLISTED_KIND);
    l.activities++;
    if (typeof r.expectedCount === 'number') l.expectedCount += r.expectedCount;
  }
  return [...lines.values()];
}

export interface CategoryMatrix {
  categories: string[];
  towns: string[];
  /** counts[i][j]: categories[i] × towns[j] */
  counts: number[][];
}

/** category × 镇街: the rules' categories then 其他/未填; the towns, places and 全区 that occur, then 其他/未填. */
export function categoryMatrix(rules: Config, rows: readonly SummaryRow[]): CategoryMatrix {
  const categories = [...rules.categories.map((c) => c.name), OTHER_OR_BLANK];
  const seenPlaces = new Set(rows.map((r) => effectiveTown(rules, r)));
  const optional = [...rules.places, '全区'].filter((p) => seenPlaces.has(p) && !rules.towns.includes(p));
  const towns = [...rules.towns, ...optional, OTHER_OR_BLANK];
  const counts = categories.map(() => towns.map(() => 0));
  for (const r of rows) {
    const ci = categories.indexOf(r.category?.trim() ?? '');
    const ti = towns.indexOf(effectiveTown(rules, r));
    counts[ci >= 0 ? ci : categories.length - 1][ti >= 0 ? ti : towns.length - 1]++;
  }
  return { categories, towns, counts };
}

export interface DayCount {
  /** ISO date, or a label for the three extra rows */
  day: string;
  label: string;
  /** activities starting this day (each activity counted once, by its start date) */
  starts: number;
  /** activities running this day (start ≤ day ≤ end); undefined on the extra rows */
  running?: number;
  note?: string;
}

export const DAY_BEFORE = '窗口前';
export const DAY_AFTER = '窗口后';
export const DAY_UNKNOWN = '日期不明';
export const DAY_STARTS_LABEL = '当日开始的活动';
export const DAY_RUNNING_LABEL = '当日进行中的活动';

/**
 * Each day of the concentrated window: activities starting that day, and activities running that
 * day; then those starting before or after the window and those without a date — so the 开始
 * column adds up to the number of activities.
 */
export function dayCounts(rules: Config, rows: readonly SummaryRow[]): DayCount[] {
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
    out.push({
      day: d,
      label: d,
      starts: spans.filter((x) => x && x.s === d).length,
      running: spans.filter((x) => x && x.s <= d && x.e >= d).length,
    });
    day = addDays(day, 1);
  }
  out.push({ day: DAY_BEFORE, label: DAY_BEFORE, starts: spans.filter((x) => x && x.s < start).length, note: `开始日期早于 ${start} 的活动` });
  out.push({ day: DAY_AFTER, label: DAY_AFTER, starts: spans.filter((x) => x && x.s > end).length, note: `开始日期晚于 ${end} 的活动` });
  out.push({ day: DAY_UNKNOWN, label: DAY_UNKNOWN, starts: spans.filter((x) => !x).length, note: '未填写或无法识别开始日期的活动' });
  return out;
}

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export const NO_FIELD = '(未填)';

/** Activities per science field (an activity with several fields counts in each), most first. */
export function fieldCounts(rules: Config, rows: readonly SummaryRow[]): { field: string; count: number }[] {
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

function headerRow(ws: XlsxSheet, r: number, labels: readonly string[]): void {
  writeHeaderRow(ws.getRow(r), labels, 22);
}

function dataRow(ws: XlsxSheet, r: number, values: CellValue[], opts: { total?: boolean; fill?: Fill } = {}): XlsxRow {
  const row = ws.getRow(r);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = v === '' ? null : v;
    cell.border = THIN_BORDER;
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

/** Height of a row whose merged cell of `width` characters holds `text` wrapped (merged cells never auto-fit). */
function wrappedHeight(text: string, width: number, lineHeight = 15): number {
  return Math.max(lineHeight + 3, wrappedLines(text, width) * lineHeight + 4);
}

/** A unit's contact in words: the roster's contact and phone, else those on its own first activity. */
function contactsOf(report: Report, rows: readonly SummaryRow[]): (unit: string) => string {
  const roster = new Map(report.rules.roster.map((u) => [u.name, u]));
  const fromRows = new Map<string, { contact?: string; phone?: string }>();
  for (const r of rows) if (!fromRows.has(r.unit) && (r.contact || r.phone)) fromRows.set(r.unit, { contact: r.contact, phone: r.phone });
  return (unit: string) => {
    const u = roster.get(unit);
    const c = u?.contact || u?.phone ? { contact: u.contact, phone: u.phone } : fromRows.get(unit);
    return [c?.contact, c?.phone].filter(Boolean).join(' ');
  };
}

const OVERVIEW_VALUE_WIDTH = 16 * 5;

/** Writes the 总览 sheet from row 4 down: a row cursor and the three shapes it is made of. */
class OverviewWriter {
  r = 4;
  constructor(readonly ws: XlsxSheet) {}

  /** A section heading (一、报送情况 …). */
  section(text: string): void {
    const cell = this.ws.getCell(this.r, 1);
    cell.value = text;
    cell.font = { size: 13, bold: true };
    this.r++;
  }

  /** A label in column A and its value merged over B:F; long text grows the row. */
  pair(text: string, value: CellValue, opts: { fill?: Fill; bold?: boolean } = {}): void {
    const { ws, r } = this;
    const a = ws.getCell(r, 1);
    a.value = text;
    a.font = { bold: true };
    a.fill = HEADER_FILL;
    a.border = THIN_BORDER;
    a.alignment = { vertical: 'middle', wrapText: true };
    const b = ws.getCell(r, 2);
    b.value = value;
    b.border = THIN_BORDER;
    b.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    if (typeof value === 'number') b.numFmt = '0';
    if (opts.fill) b.fill = opts.fill;
    if (opts.bold) b.font = { bold: true, size: 13 };
    for (let c = 3; c <= 6; c++) ws.getCell(r, c).border = THIN_BORDER;
    ws.mergeCells(r, 2, r, 6);
    if (typeof value === 'string') ws.getRow(r).height = wrappedHeight(value, OVERVIEW_VALUE_WIDTH, opts.bold ? 18 : 15);
    this.r++;
  }

  /** A small table: header, lines, and a bold total line when given. */
  table(labels: readonly string[], lines: CellValue[][], total?: CellValue[]): void {
    headerRow(this.ws, this.r++, labels);
    for (const values of lines) dataRow(this.ws, this.r++, values);
    if (total) dataRow(this.ws, this.r++, total, { total: true });
  }

  /** An empty row between sections. */
  skip(): void {
    this.r++;
  }
}

/** 'A（contact）、B（…）' for the units named in the overview, or 无. */
function unitsInWords(units: readonly ReportUnit[], contactOf: (unit: string) => string, extra?: (u: ReportUnit) => string): string {
  if (units.length === 0) return '无';
  return units
    .map((u) => {
      const inner = [extra?.(u), contactOf(u.name)].filter(Boolean).join('；');
      return inner ? `${u.name}（${inner}）` : u.name;
    })
    .join('、');
}

function buildOverview(wb: XlsxBook, input: SummaryInput): void {
  const { report, rows, createdAt } = input;
  const fig = overviewFigures(input);
  const tally = tallyUnits(report);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.overview, { views: [{ state: 'normal', showGridLines: false }] });
  ws.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }];
  writeOverviewTitle(ws, report.rules, createdAt);

  const out = new OverviewWriter(ws);
  writeSubmissionSection(out, fig, tally, contactsOf(report, rows));
  writeActivitiesSection(out, input, fig, tally);
  writeTotalsSection(out, fig);
  writeRulesSection(out, report.rules);
  const lastRow = writeReconciliationSection(out, fig.reconciliation);
  setupPrint(ws, { lastRow, lastColumn: 6 });
}

/** Rows 1 and 2: the title and when the summary was made (Shanghai time). */
function writeOverviewTitle(ws: XlsxSheet, rules: Config, createdAt: Date): void {
  const title = ws.getCell(1, 1);
  title.value = `${rules.year}年${rules.district}全国科普日活动汇总统计`;
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, 6);
  ws.getRow(1).height = 30;
  const when = ws.getCell(2, 1);
  when.value = `生成时间：${shanghaiWallClock(createdAt.toISOString())!.toISOString().slice(0, 16).replace('T', ' ')}`;
  when.font = { color: { argb: 'FF808080' } };
  ws.mergeCells(2, 1, 2, 6);
}

/** 一: who — the first thing the clerk looks for. */
function writeSubmissionSection(out: OverviewWriter, fig: OverviewFigures, tally: UnitTally, contactOf: (unit: string) => string): void {
  const who = (units: readonly ReportUnit[], extra?: (u: ReportUnit) => string) => unitsInWords(units, contactOf, extra);
  out.section('一、报送情况');
  const unlistedNote = tally.unlisted.length > 0 ? `（另有名单外 ${tally.unlisted.length} 个单位报送，不计入）` : '';
  out.pair('已报送', `${fig.unitsSubmitted}/${fig.unitsExpected} 个单位${unlistedNote}`, { bold: true });
  out.pair(`逾期（${tally.late.length}）`, who(tally.late), tally.late.length > 0 ? { fill: WARNING_FILL } : {});
  out.pair(`未报送（${tally.missing.length}）`, who(tally.missing), tally.missing.length > 0 ? { fill: ERROR_FILL } : {});
  out.pair(
    `待修改（${tally.toFix.length}）`,
    who(tally.toFix, (u) => `${u.errors} 处错误`),
    tally.toFix.length > 0 ? { fill: ERROR_FILL } : {},
  );
  if (tally.unlisted.length > 0) out.pair(`名单外（${tally.unlisted.length}）`, who(tally.unlisted), { fill: UNLISTED_FILL });
  out.skip();
}

/** 二: the year-report numbers — activities, people, modes, town coverage, unit kinds. */
function writeActivitiesSection(out: OverviewWriter, input: SummaryInput, fig: OverviewFigures, tally: UnitTally): void {
  const { report, rows } = input;
  const rules = report.rules;
  out.section('二、活动情况');
  out.pair('活动数', fig.activities);
  out.pair('预计参与人数', fig.expectedTotal);
  if (fig.expectedUnknown > 0) out.pair('人数未填或无法识别', `${fig.expectedUnknown} 项活动（未计入上面的人数）`, { fill: WARNING_FILL });
  const modes = modeCounts(rules, rows);
  const shownModes = modes.filter((m) => m.mode !== OTHER_OR_BLANK || m.count > 0);
  out.table(['开展方式', ...shownModes.map((m) => m.mode)], [['活动数', ...shownModes.map((m) => m.count)]]);
  const coverage = townMainCoverage(rules, rows);
  if (coverage && coverage.towns.length > 0) {
    const none = coverage.uncovered.length > 0 ? `；没有${coverage.category}的镇街：${coverage.uncovered.join('、')}` : '；每个镇街都有';
    out.pair(
      coverage.category,
      `${coverage.covered.length}/${coverage.towns.length} 个镇街已安排${none}`,
      coverage.uncovered.length > 0 ? { fill: WARNING_FILL } : {},
    );
  }
  const kinds = kindLines(report, rows);
  const kindTotal = (f: (l: KindLine) => number) => kinds.reduce((n, l) => n + f(l), 0);
  out.table(
    ['单位类别', '应报单位', '已报单位', '活动数', '预计参与人数'],
    kinds.map((l) => [l.kind, l.kind === UNLISTED_KIND ? '—' : l.expected, l.submitted, l.activities, l.expectedCount]),
    [
      '合计',
      kindTotal((l) => l.expected),
      // 已报送 counts roster units only (as 一、报送情况); a unit not on the roster is named apart
      tally.unlisted.length > 0 ? `${fig.unitsSubmitted}（另有名单外 ${tally.unlisted.length}）` : fig.unitsSubmitted,
      kindTotal((l) => l.activities),
      kindTotal((l) => l.expectedCount),
    ],
  );
  out.skip();
}

/** 三: every count in one column, tinted where something needs doing. */
function writeTotalsSection(out: OverviewWriter, fig: OverviewFigures): void {
  out.section('三、合计');
  out.pair('读取文件数', fig.files);
  out.pair('应报送单位', fig.unitsExpected);
  out.pair('已报送单位', fig.unitsSubmitted);
  out.pair('未报送单位', fig.unitsMissing, fig.unitsMissing > 0 ? { fill: ERROR_FILL } : {});
  out.pair('逾期报送单位', fig.unitsLate, fig.unitsLate > 0 ? { fill: WARNING_FILL } : {});
  out.pair('待修改单位', fig.unitsToFix, fig.unitsToFix > 0 ? { fill: ERROR_FILL } : {});
  out.pair('名单外单位', fig.unitsUnlisted);
  out.pair('活动数', fig.activities);
  out.pair('有错误的活动', fig.activitiesWithErrors, fig.activitiesWithErrors > 0 ? { fill: ERROR_FILL } : {});
  out.pair('错误', fig.errors, fig.errors > 0 ? { fill: ERROR_FILL } : {});
  out.pair('警告', fig.warnings, fig.warnings > 0 ? { fill: WARNING_FILL } : {});
  out.pair('提示', fig.infos);
  out.skip();
}

/** 四: the rules the summary was made under. */
function writeRulesSection(out: OverviewWriter, rules: Config): void {
  out.section('四、规则');
  const w = rules.windows;
  out.pair('活动年份', rules.year);
  out.pair('区县', rules.district);
  out.pair('发文单位', rules.issuer);
  if (rules.notice) out.pair('通知', rules.notice);
  out.pair('活动主题', rules.theme);
  out.pair('集中活动期', `${w.concentrated.start} 至 ${w.concentrated.end}`);
  out.pair('区主场活动期', `${w.mainEvent.start} 至 ${w.mainEvent.end}`);
  out.pair('网站发布期', `${w.website.start} 至 ${w.website.end}`);
  out.pair('报送截止', `${rules.deadlines.schedule}（当日24时前收到为按时）`);
  out.pair('规则来源', sourceText(rules.source, 'rules'));
  out.pair('名单来源', sourceText(rules.rosterSource, 'roster'));
  out.skip();
}

/** 五: read = merged + superseded + skipped, with a ✓ or ✗; returns the sheet's last row. */
function writeReconciliationSection(out: OverviewWriter, rc: OverviewFigures['reconciliation']): number {
  const ws = out.ws;
  out.section('五、行数核对');
  const note = ws.getCell(out.r, 1);
  note.value = '读取 = 汇总 + 替代 + 跳过';
  note.font = { italic: true };
  ws.mergeCells(out.r, 1, out.r, 6);
  out.skip();
  headerRow(ws, out.r, ['', '读取', '汇总', '替代', '跳过', '核对']);
  out.skip();
  const row = dataRow(ws, out.r, ['行数', rc.read, rc.merged, rc.superseded, rc.skipped, rc.ok ? '✓' : '✗']);
  row.getCell(1).font = { bold: true };
  const check = row.getCell(6);
  check.alignment = { horizontal: 'center', vertical: 'middle' };
  check.font = { bold: true, color: { argb: rc.ok ? 'FF008000' : 'FFC00000' } };
  if (!rc.ok) check.fill = ERROR_FILL;
  return out.r;
}

function buildUnits(wb: XlsxBook, input: SummaryInput): void {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.units, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2, topLeftCell: 'C2', activeCell: 'C2' }] });
  const labels = ['序号', '单位', '类别', '任务数', '活动数', '是否完成', '报送时间', '是否逾期', '错误', '警告', '状态'];
  ws.columns = [6, 26, 12, 8, 8, 10, 18, 10, 8, 8, 12].map((width) => ({ width }));
  headerRow(ws, 1, labels);
  const lines = unitLines(input.report);
  const tally = tallyUnits(input.report);
  lines.forEach((l, i) => {
    const u = l.unit;
    const received = l.receivedAt ? shanghaiWallClock(l.receivedAt) : undefined;
    const fill =
      l.status === UNIT_STATUS.missing || l.status === UNIT_STATUS.toFix
        ? ERROR_FILL
        : l.status === UNIT_STATUS.late
          ? WARNING_FILL
          : l.status === UNIT_STATUS.unlisted
            ? UNLISTED_FILL
            : undefined;
    const row = dataRow(
      ws,
      i + 2,
      [
        i + 1,
        u.name,
        u.kind ?? (l.listed ? '—' : UNLISTED_KIND),
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
  const withQuota = lines.filter((l) => l.unit.quota !== null);
  const totalRow = lines.length + 2;
  dataRow(
    ws,
    totalRow,
    [
      '合计',
      tally.unlisted.length > 0 ? `${tally.expected.length} 个单位 + 名单外 ${tally.unlisted.length} 个` : `${tally.expected.length} 个单位`,
      '',
      withQuota.length > 0 ? sum((u) => u.quota ?? 0) : '—',
      sum((u) => u.activities),
      withQuota.length > 0 ? `${withQuota.filter((l) => l.met === '是').length}/${withQuota.length}` : '—',
      '',
      `${tally.late.length} 个`,
      sum((u) => u.errors),
      sum((u) => u.warnings),
      `已报 ${tally.submitted.length}/${tally.expected.length}`,
    ],
    { total: true },
  );
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, lines.length + 1), column: labels.length } };
  setupPrint(ws, { titleRows: '1:1', lastRow: totalRow, lastColumn: labels.length });
}

function buildCategories(wb: XlsxBook, input: SummaryInput): void {
  const m = categoryMatrix(input.report.rules, input.rows);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.categories, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1, topLeftCell: 'B2', activeCell: 'B2' }] });
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
  setupPrint(ws, { titleRows: '1:1', lastRow: m.categories.length + 2, lastColumn: m.towns.length + 2 });
}

function buildDays(wb: XlsxBook, input: SummaryInput): void {
  const days = dayCounts(input.report.rules, input.rows);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.days, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 12 }, { width: 12 }, { width: 24 }, { width: 36 }];
  headerRow(ws, 1, ['日期', '星期', DAY_STARTS_LABEL, DAY_RUNNING_LABEL, `图示（${DAY_STARTS_LABEL}）`, '说明']);
  ws.getRow(1).height = 30;
  const max = Math.max(0, ...days.map((d) => d.starts));
  let inWindow = 0;
  days.forEach((d, i) => {
    const isDay = /^\d{4}-\d{2}-\d{2}$/.test(d.day);
    if (isDay) inWindow++;
    const date = isDay ? isoDay(d.day) : undefined;
    const row = dataRow(
      ws,
      i + 2,
      [date ?? d.label, date ? `周${WEEKDAYS[date.getUTCDay()]}` : '', d.starts, d.running ?? '', textBar(d.starts, max), isDay ? '' : (d.note ?? '')],
      isDay ? {} : { fill: TOTAL_FILL },
    );
    row.getCell(5).font = { color: { argb: 'FF5B9BD5' } };
    row.getCell(5).alignment = { vertical: 'middle', wrapText: false };
    if (date) row.getCell(1).numFmt = 'yyyy-mm-dd';
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.getCell(2).alignment = { horizontal: 'center', vertical: 'middle' };
    if (!isDay) row.getCell(1).font = { bold: true };
  });
  const totalRow = days.length + 2;
  dataRow(ws, totalRow, ['合计', '', days.reduce((n, d) => n + d.starts, 0), '', '', '每项活动按开始日期计一次；跨多日的活动在“当日进行中”的每一天都计入'], {
    total: true,
  });
  ws.getRow(totalRow).height = 30;
  if (inWindow > 0) {
    countScale(ws, `C2:C${inWindow + 1}`);
    countScale(ws, `D2:D${inWindow + 1}`);
  }
  setupPrint(ws, { titleRows: '1:1', lastRow: totalRow, lastColumn: 6 });
}

function buildFields(wb: XlsxBook, input: SummaryInput): void {
  const list = fieldCounts(input.report.rules, input.rows);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.fields, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
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
  setupPrint(ws, { titleRows: '1:1', lastRow: list.length + 3, lastColumn: 4 });
}

export const FINDING_LABELS = ['单位', '文件', '工作表', '单元格', '级别', '问题', '活动名称', '联系人', '联系电话', '代码'] as const;
const FINDING_WIDTHS = [16, 24, 10, 8, 6, 48, 18, 8, 14, 20];

async function buildFindings(wb: XlsxBook, input: SummaryInput): Promise<void> {
  const findings = input.report.findings;
  const displayPath = input.displayPath ?? ((f: string) => f);
  const displayText = input.displayText ?? ((t: string) => t);
  const ws = wb.addWorksheet(SUMMARY_SHEETS.findings, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  const labels = FINDING_LABELS;
  ws.columns = FINDING_WIDTHS.map((width) => ({ width }));
  headerRow(ws, 1, labels);
  // before the first appended row: the sheet's head (fit-to-page flag) is written with it
  setupPrint(ws, { titleRows: '1:1', lastRow: Math.max(1, findings.length + 1), lastColumn: labels.length });
  // the activity a finding is about (file and row), and each unit's contact for the others
  const byRow = new Map<string, Map<number, SummaryRow>>();
  for (const r of input.rows) {
    if (!r.file || r.row === undefined) continue;
    let m = byRow.get(r.file);
    if (!m) byRow.set(r.file, (m = new Map()));
    if (!m.has(r.row)) m.set(r.row, r);
  }
  const roster = new Map(input.report.rules.roster.map((u) => [u.name, u]));
  const firstRow = new Map<string, SummaryRow>();
  for (const r of input.rows) if (!firstRow.has(r.unit) && (r.contact || r.phone)) firstRow.set(r.unit, r);
  // a province merge lists tens of thousands of findings: each row is written at once, without
  // cell objects, with the look dataRow would give (text cells, 单元格 and 级别 centred, tinted
  // by severity) resolved once per severity
  const looks = new Map<string, number[]>();
  const stylesOf = (severity: string, fill: Fill | undefined): number[] => {
    let styles = looks.get(severity);
    if (!styles) {
      styles = labels.map((_l, c) =>
        wb.styleId({
          border: THIN_BORDER,
          alignment: c === 3 || c === 4 ? ALIGN_CENTER : ALIGN_TEXT,
          ...(c === 8 ? { numFmt: '@' } : {}),
          ...(fill ? { fill } : {}),
        }),
      );
      looks.set(severity, styles);
    }
    return styles;
  };
  const values: CellValue[] = new Array(labels.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const fill = f.severity === 'error' ? ERROR_FILL : f.severity === 'warning' ? WARNING_FILL : undefined;
    const activity = f.row !== null ? byRow.get(f.file)?.get(f.row) : undefined;
    const unit = f.unit ? roster.get(f.unit) : undefined;
    const fallback = f.unit ? firstRow.get(f.unit) : undefined;
    const contact = activity ? { contact: activity.contact, phone: activity.phone } : unit?.contact || unit?.phone ? unit : fallback;
    values[0] = f.unit || null;
    values[1] = f.file ? displayPath(f.file) : null;
    values[2] = f.sheet || null;
    values[3] = f.cell || (f.row !== null ? `第${f.row}行` : null);
    values[4] = SEVERITY_WORDS[f.severity];
    values[5] = f.message ? displayText(f.message) : null;
    values[6] = activity?.name ?? null;
    values[7] = contact?.contact ?? null;
    values[8] = contact?.phone ?? null;
    values[9] = f.code;
    ws.appendRow(i + 2, values, stylesOf(f.severity, fill), rowHeightFor(values, FINDING_WIDTHS));
    if (i % 1024 === 1023) await ws.drain();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.length + 1), column: labels.length } };
}

function buildMissing(wb: XlsxBook, input: SummaryInput): void {
  const { report } = input;
  const ws = wb.addWorksheet(SUMMARY_SHEETS.missing, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
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
  setupPrint(ws, { titleRows: '1:1', lastRow: missing.length + 2, lastColumn: labels.length });
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
