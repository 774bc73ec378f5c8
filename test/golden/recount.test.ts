/**
 * Issue 12 §4 — one set of numbers. Every figure of 汇总统计.xlsx is recounted here from the
 * master table 活动汇总表.xlsx (read back with SheetJS, not with the code that wrote it) and the
 * roster, and must agree with the summary sheets, report.json and the terminal summary.
 */
import * as XLSX from '@e965/xlsx';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config/schema.js';
import { FINDING_SEVERITY, type FindingCode } from '../../src/core/finding.js';
import { MARK_WORDS } from '../../src/core/messages.js';
import type { Report } from '../../src/core/report.js';
import { renderMergeSummary } from '../../src/cli/render-terminal.js';
import { loadRules } from '../../src/io/config/load-config.js';
import { MASTER_FILE, REPORT_FILE, runMergeJob, SUMMARY_FILE, type MergeJobResult } from '../../src/io/run-merge.js';
import { SUMMARY_SHEETS } from '../../src/io/write/write-summary.js';

const ROOT = path.resolve(__dirname, '../..');
const CREATED = new Date('2023-09-13T02:30:00Z');

type Row = Record<string, unknown>;
let rules: Config;
let result: MergeJobResult;
let report: Report;
let terminal: string;
let master: Row[];
let summary: XLSX.WorkBook;

function table(wb: XLSX.WorkBook, sheet: string): unknown[][] {
  return XLSX.utils.sheet_to_json(wb.Sheets[sheet], { header: 1, raw: true, defval: null, blankrows: true }) as unknown[][];
}

function iso(v: unknown): string | undefined {
  return v instanceof Date ? new Date(v.getTime() - v.getTimezoneOffset() * 60_000).toISOString().slice(0, 10) : undefined;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

beforeAll(async () => {
  rules = await loadRules({ cwd: ROOT, roster: 'fixtures/附件1-任务分解表.xlsx' });
  const out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-recount-'));
  result = await runMergeJob(['fixtures/inbox'], rules, { out, received: 'fixtures/inbox-received.csv', lang: 'zh', createdAt: CREATED });
  report = JSON.parse(readFileSync(path.join(out, REPORT_FILE), 'utf8'));
  terminal = renderMergeSummary(result.report, result.written, new Chalk({ level: 0 }), 'zh');
  const m = XLSX.read(readFileSync(path.join(out, MASTER_FILE)), { type: 'buffer', cellDates: true });
  // row 1 is the title, row 2 the header
  master = XLSX.utils.sheet_to_json<Row>(m.Sheets[m.SheetNames[0]], { range: 1, raw: true, defval: null });
  summary = XLSX.read(readFileSync(path.join(out, SUMMARY_FILE)), { type: 'buffer', cellDates: true });
}, 60_000);

/** Recounted from the master and the roster alone. */
function recount() {
  const errorWords = new Set((Object.keys(FINDING_SEVERITY) as FindingCode[]).filter((c) => FINDING_SEVERITY[c] === 'error').map((c) => MARK_WORDS[c]));
  const marks = (r: Row) =>
    String(r.标记 ?? '')
      .split('、')
      .filter(Boolean);
  const roster = rules.roster.map((u) => u.name);
  const unitOf = (r: Row) => String(r.填报单位 ?? '');
  const inMaster = new Set(master.map(unitOf));
  const townMain = rules.categories.find((c) => c.townMainEvent)!.name;
  const town = (r: Row) => String(r.所属镇街 ?? '').trim() || (rules.towns.includes(unitOf(r)) ? unitOf(r) : '');
  return {
    activities: master.length,
    byUnit: countBy(master, unitOf),
    submitted: roster.filter((u) => inMaster.has(u)),
    missing: roster.filter((u) => !inMaster.has(u)),
    unlisted: [...inMaster].filter((u) => !roster.includes(u)),
    late: [...new Set(master.filter((r) => marks(r).includes('逾期')).map(unitOf))],
    rowsWithErrors: master.filter((r) => marks(r).some((w) => errorWords.has(w))),
    cell: countBy(master, (r) => `${String(r.活动类别 ?? '').trim()}|${town(r)}`),
    starts: countBy(
      master.filter((r) => iso(r.开始日期)),
      (r) => iso(r.开始日期)!,
    ),
    running: (day: string) => master.filter((r) => iso(r.开始日期) && iso(r.开始日期)! <= day && (iso(r.结束日期) ?? iso(r.开始日期))! >= day).length,
    fields: countBy(
      master.flatMap((r) => [
        ...new Set(
          String(r.科普领域 ?? '')
            .split('、')
            .filter(Boolean),
        ),
      ]),
      (f) => f,
    ),
    modes: countBy(master, (r) => String(r.开展方式 ?? '')),
    people: master.reduce((n, r) => n + (typeof r.预计参与人数 === 'number' ? (r.预计参与人数 as number) : 0), 0),
    kind: (u: string) => rules.roster.find((x) => x.name === u)?.kind ?? '名单外',
    townsWithMain: rules.towns.filter((t) => master.some((r) => unitOf(r) === t && String(r.活动类别).trim() === townMain)),
  };
}

/** 总览: column A label → column B value (first occurrence). */
function overview(): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const r of table(summary, SUMMARY_SHEETS.overview)) if (typeof r[0] === 'string' && !m.has(r[0])) m.set(r[0], r[1]);
  return m;
}

describe('one set of numbers: the summary recounted from the master', () => {
  it('the master has every merged activity (report.json, reconciliation)', () => {
    const c = recount();
    expect(c.activities).toBe(report.totals.rowsMerged);
    expect(c.activities).toBe(46);
    expect(overview().get('活动数')).toBe(c.activities);
    expect(terminal).toMatch(new RegExp(`汇总活动 ${c.activities} 项`));
  });

  it('已报送 n/N counts roster units only, everywhere; a unit not on the roster is named apart', () => {
    const c = recount();
    const n = c.submitted.length;
    const N = rules.roster.length;
    expect([n, N, c.unlisted]).toEqual([13, 14, ['鸠江区图书馆']]);
    const o = overview();
    expect(o.get('已报送')).toBe(`${n}/${N} 个单位（另有名单外 1 个单位报送，不计入）`);
    expect(o.get('已报送单位')).toBe(n);
    expect(o.get('应报送单位')).toBe(N);
    expect(o.get('名单外单位')).toBe(1);
    expect(o.get('名单外（1）')).toMatch(/^鸠江区图书馆/);
    const rosterNames = new Set(rules.roster.map((u) => u.name));
    expect(report.units.filter((u) => u.submitted && rosterNames.has(u.name)).length).toBe(n);
    expect(terminal).toContain(`已报送 ${n}/${N} 个单位（另有名单外 1 个）`);
    const units = table(summary, SUMMARY_SHEETS.units);
    expect(units[units.length - 1][10]).toBe(`已报 ${n}/${N}`);
    expect(units.find((r) => r[1] === '鸠江区图书馆')?.[10]).toBe('不在名单');
  });

  it('late, missing and to-fix units agree between 总览, 单位报送情况, 未报送单位, report.json and the terminal', () => {
    const c = recount();
    const o = overview();
    const named = (v: unknown) =>
      String(v)
        .split('、')
        .map((s) => s.replace(/（.*$/, ''));
    expect(named(o.get(`逾期（${c.late.length}）`)).sort()).toEqual([...c.late].sort());
    expect(named(o.get(`未报送（${c.missing.length}）`))).toEqual(c.missing);
    const toFix = [...new Set(c.rowsWithErrors.map((r) => String(r.填报单位)))];
    expect(named(o.get(`待修改（${toFix.length}）`))).toEqual(toFix);
    // each named with the roster's contact phone
    expect(String(o.get(`未报送（${c.missing.length}）`))).toBe('白茆镇（杨帆 0553-5876031）');
    expect(String(o.get(`待修改（${toFix.length}）`))).toBe('四褐山街道（4 处错误；马俊 13965531208）');

    expect(
      report.units
        .filter((u) => u.late)
        .map((u) => u.name)
        .sort(),
    ).toEqual([...c.late].sort());
    expect(report.units.filter((u) => !u.submitted).map((u) => u.name)).toEqual(c.missing);
    expect(report.units.filter((u) => u.submitted && u.errors > 0).map((u) => u.name)).toEqual(toFix);

    const units = table(summary, SUMMARY_SHEETS.units).slice(1, -1);
    expect(
      units
        .filter((r) => r[7] === '是')
        .map((r) => r[1])
        .sort(),
    ).toEqual([...c.late].sort());
    expect(units.filter((r) => r[10] === '未报送').map((r) => r[1])).toEqual(c.missing);
    expect(units.filter((r) => r[10] === '待修改').map((r) => r[1])).toEqual(toFix);
    expect(
      table(summary, SUMMARY_SHEETS.missing)
        .slice(1, -1)
        .map((r) => r[1]),
    ).toEqual(c.missing);

    expect(terminal).toMatch(
      new RegExp(
        `逾期[:：]${report.units
          .filter((u) => u.late)
          .map((u) => u.name)
          .join('、')}\n`,
      ),
    );
    expect(terminal).toMatch(new RegExp(`未报送[:：]${c.missing.join('、')}\n`));
    expect(terminal).toMatch(new RegExp(`${c.rowsWithErrors.length} 项活动有错误[(（]${toFix.length} 个单位[)）]`));
    expect(o.get('有错误的活动')).toBe(c.rowsWithErrors.length);
  });

  it('activities per unit agree between the master, 单位报送情况 and report.json', () => {
    const c = recount();
    const units = table(summary, SUMMARY_SHEETS.units).slice(1, -1);
    for (const u of report.units) {
      expect(u.activities, u.name).toBe(c.byUnit.get(u.name) ?? 0);
      expect(units.find((r) => r[1] === u.name)?.[4], u.name).toBe(c.byUnit.get(u.name) ?? 0);
    }
  });

  it('errors and warnings per unit, unit-level findings included, agree between 问题清单, 单位报送情况 and report.json', () => {
    const findings = table(summary, SUMMARY_SHEETS.findings).slice(1);
    expect(findings.length).toBe(report.findings.length);
    const units = table(summary, SUMMARY_SHEETS.units).slice(1, -1);
    for (const u of report.units) {
      const own = findings.filter((r) => r[0] === u.name);
      const errors = own.filter((r) => r[4] === '错误').length;
      const warnings = own.filter((r) => r[4] === '警告').length;
      expect([u.errors, u.warnings], u.name).toEqual([errors, warnings]);
      const line = units.find((r) => r[1] === u.name)!;
      expect([line[8], line[9]], u.name).toEqual([errors, warnings]);
    }
    // the unit-level warnings are counted for their unit
    const of = (name: string) => report.units.find((u) => u.name === name)!;
    expect(of('湾里街道').warnings).toBeGreaterThanOrEqual(1); // quota-short
    expect(of('裕溪口街道').warnings).toBeGreaterThanOrEqual(1); // town-main-event-missing
    expect(of('二坝镇').warnings).toBeGreaterThanOrEqual(1); // duplicate-activity
    // totals: 问题清单 by 级别 = 总览 = report.json = the terminal
    const o = overview();
    const bySeverity = countBy(findings, (r) => String(r[4]));
    expect([o.get('错误'), o.get('警告'), o.get('提示')]).toEqual([bySeverity.get('错误') ?? 0, bySeverity.get('警告') ?? 0, bySeverity.get('提示') ?? 0]);
    expect([report.totals.errors, report.totals.warnings, report.totals.infos]).toEqual([o.get('错误'), o.get('警告'), o.get('提示')]);
    expect(terminal).toMatch(new RegExp(`错误 ${report.totals.errors}[,，]\\s*警告 ${report.totals.warnings}[,，]\\s*提示 ${report.totals.infos}`));
    // a unit's counts plus those of files without a unit are the totals
    const noUnit = findings.filter((r) => !report.units.some((u) => u.name === r[0]));
    expect(report.units.reduce((n, u) => n + u.errors, 0) + noUnit.filter((r) => r[4] === '错误').length).toBe(report.totals.errors);
  });

  it('分类统计: category × 镇街, a 镇街’s own rows without 所属镇街 counted for it', () => {
    const c = recount();
    const sheet = table(summary, SUMMARY_SHEETS.categories);
    const towns = sheet[0].slice(1, -1) as string[];
    let total = 0;
    for (const row of sheet.slice(1, -1)) {
      towns.forEach((t, j) => {
        const key = `${row[0] === '其他/未填' ? '' : row[0]}|${t === '其他/未填' ? '' : t}`;
        if (row[0] !== '其他/未填' && t !== '其他/未填') expect(row[j + 1], key).toBe(c.cell.get(key) ?? 0);
        total += row[j + 1] as number;
      });
    }
    expect(total).toBe(c.activities);
    // the inbox has 镇街 rows with 所属镇街 left blank: none of them lands in 其他/未填
    const blankTown = master.filter((r) => !String(r.所属镇街 ?? '').trim() && rules.towns.includes(String(r.填报单位)));
    expect(blankTown.length).toBeGreaterThan(0);
    const other = sheet.slice(1, -1).reduce((n, r) => n + (r[towns.length] as number), 0);
    expect(other).toBe(master.filter((r) => !String(r.所属镇街 ?? '').trim() && !rules.towns.includes(String(r.填报单位))).length);
  });

  it('日程分布: starts once per activity, running per day, both agree with the master', () => {
    const c = recount();
    const sheet = table(summary, SUMMARY_SHEETS.days);
    expect(sheet[0].slice(0, 4)).toEqual(['日期', '星期', '当日开始的活动', '当日进行中的活动']);
    const days = sheet.slice(1).filter((r) => r[0] instanceof Date);
    expect(days.length).toBe(7);
    for (const r of days) {
      const d = iso(r[0])!;
      expect(r[2], d).toBe(c.starts.get(d) ?? 0);
      expect(r[3], d).toBe(c.running(d));
    }
    expect(sheet[sheet.length - 1][0]).toBe('合计');
    expect(sheet[sheet.length - 1][2]).toBe(c.activities);
  });

  it('领域统计 and the year-report numbers of 总览 (人数, 开展方式, 镇街主场活动, by unit kind)', () => {
    const c = recount();
    for (const r of table(summary, SUMMARY_SHEETS.fields).slice(1)) {
      if (typeof r[1] === 'number' && r[0] !== '(未填)') expect(r[1], String(r[0])).toBe(c.fields.get(String(r[0])) ?? 0);
    }
    const o = overview();
    expect(o.get('预计参与人数')).toBe(c.people);
    const sheet = table(summary, SUMMARY_SHEETS.overview);
    const modeHeader = sheet.findIndex((r) => r[0] === '开展方式');
    const modes = sheet[modeHeader].slice(1).filter((v) => v !== null) as string[];
    modes.forEach((m, j) => expect(sheet[modeHeader + 1][j + 1], m).toBe(c.modes.get(m) ?? 0));
    expect(modes.slice(0, 3)).toEqual(['线下', '线上', '线上线下结合']);
    const uncovered = rules.towns.filter((t) => !c.townsWithMain.includes(t));
    expect(o.get('镇街主场活动')).toBe(`${c.townsWithMain.length}/${rules.towns.length} 个镇街已安排；没有镇街主场活动的镇街：${uncovered.join('、')}`);
    const kindHeader = sheet.findIndex((r) => r[0] === '单位类别');
    const kinds = sheet.slice(
      kindHeader + 1,
      sheet.findIndex((r, i) => i > kindHeader && r[0] === '合计'),
    );
    for (const r of kinds) {
      const rows = master.filter((x) => c.kind(String(x.填报单位)) === r[0]);
      expect(r[3], String(r[0])).toBe(rows.length);
      expect(r[4], String(r[0])).toBe(rows.reduce((n, x) => n + (typeof x.预计参与人数 === 'number' ? (x.预计参与人数 as number) : 0), 0));
    }
    expect(kinds.reduce((n, r) => n + (r[3] as number), 0)).toBe(c.activities);
  });
});
