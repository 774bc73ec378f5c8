/** Issue 5: every date rule and list moves with the config; bad configs name the JSON path. */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, checkRows } from '../../src/core/analyze-workbook.js';
import { makeConfig } from '../../src/core/config/make-config.js';
import { resolveRules } from '../../src/core/config/resolve-rules.js';
import type { WrittenConfig } from '../../src/core/config/schema.js';
import { assembleMerge } from '../../src/core/merge/assemble-merge.js';
import { validateConfig } from '../../src/io/config/parse-config.js';
import { HEADER, sheetOf, validRow, workbookOf } from '../helpers/sheet.js';

function config2024(edit: (c: WrittenConfig) => void = () => {}): WrittenConfig {
  const c = makeConfig(2024);
  c.theme = '提升全民科学素质 协力建设科技强国';
  c.windows.concentrated = { start: '2024-09-15', end: '2024-09-25' };
  c.windows.mainEvent = { start: '2024-09-11', end: '2024-09-20' };
  c.deadlines.schedule = '2024-09-10';
  edit(c);
  return validateConfig(JSON.parse(JSON.stringify(c)), 'test.json');
}

function codesFor(rows: Record<string, string | number>[], written: WrittenConfig): string[][] {
  const rules = resolveRules(written, 'test.json', { units: [], source: 'none' });
  const sheet = sheetOf([HEADER, ...rows.map((o, i) => validRow(i + 1, o))]);
  const analyzed = analyzeWorkbook(workbookOf(sheet), 'a.xlsx', rules);
  return checkRows(analyzed, rules).map((f) => [f.cell!, f.code]);
}

describe('rules as configuration', () => {
  it('a 2024 config puts 9月24日 inside the window and 2023 dates in the wrong year', () => {
    const c = config2024();
    expect(codesFor([{ 开始日期: '9月24日', 结束日期: '' }], c)).toEqual([]);
    expect(codesFor([{ 开始日期: '2023-09-18', 结束日期: '' }], c)).toEqual([['G2', 'date-wrong-year']]);
    expect(codesFor([{ 开始日期: '9月14日', 结束日期: '' }], c)).toEqual([['G2', 'date-outside-window']]);
    // the embedded 2023 rules would call 9月24日 outside the window
    expect(codesFor([{ 开始日期: '9月24日', 结束日期: '' }], makeConfig())).toEqual([['G2', 'date-outside-window']]);
  });

  it('a receive time is late or not by the configured deadline', () => {
    const sheet = sheetOf([['填报单位(盖章):官陡街道'], HEADER, validRow(1, { 开始日期: '2024-09-18', 结束日期: '2024-09-18' })]);
    const run = (deadline: string) => {
      const written = config2024((c) => (c.deadlines.schedule = deadline));
      const rules = resolveRules(written, 'test.json', { units: [{ name: '官陡街道', kind: '镇街' }], source: 'x' });
      const analyzed = analyzeWorkbook(workbookOf(sheet), 'a.xlsx', rules);
      const plan = assembleMerge([{ path: 'a.xlsx', name: 'a.xlsx', receivedAt: '2024-09-12T10:00:00+08:00', analyzed, readFindings: [] }], rules);
      return plan.findings.filter((f) => f.code === 'submission-late').length;
    };
    expect(run('2024-09-10')).toBe(1);
    expect(run('2024-09-12')).toBe(0);
  });

  it('a config naming other towns changes town-unknown', () => {
    const other = config2024((c) => (c.towns = ['三山街道', '龙湖街道']));
    expect(codesFor([{ 所属镇街: '三山街道', 开始日期: '2024-09-18', 结束日期: '' }], other)).toEqual([]);
    expect(codesFor([{ 所属镇街: '官陡街道', 开始日期: '2024-09-18', 结束日期: '' }], other)).toEqual([['K2', 'town-unknown']]);
  });

  it('a category list without 区主场活动 rejects it', () => {
    const c = config2024((x) => (x.categories = x.categories!.filter((k) => k.name !== '区主场活动')));
    expect(codesFor([{ 活动类别: '区主场活动', 开始日期: '2024-09-18', 结束日期: '' }], c)).toEqual([['C2', 'category-invalid']]);
  });

  it('a broken config names the JSON path of the bad value', () => {
    const bad = JSON.parse(JSON.stringify(makeConfig(2024)));
    bad.windows.mainEvent.end = '2024-02-30';
    bad.categories[1].holders = ['街道'];
    expect(() => validateConfig(bad, 'kepuri.config.json')).toThrow(/\$\.windows\.mainEvent\.end/);
    expect(() => validateConfig(bad, 'kepuri.config.json')).toThrow(/\$\.categories\[1\]\.holders\[0\]/);
    expect(() => validateConfig({ ...makeConfig(), extra: 1 }, 'k.json')).toThrow(/k\.json/);
  });
});
