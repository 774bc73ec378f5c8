/**
 * Golden test for issue 13 (reading what people write): fixtures/words/, written by
 * scripts/make-words-fixtures.mjs, compared as flattened [file, cell, code] with expected.json,
 * which the script derives from what it planted. Plus the values read from people's words, and the
 * row figures (rows of a file with no table are counted, not lost).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze-workbook.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { assembleMerge } from '../../src/core/merge/assemble-merge.js';
import { buildReport } from '../../src/core/report.js';
import { buildValidateReport, validateWorkbook } from '../../src/core/validate-files.js';
import { readInputFile } from '../../src/io/read/read-input-file.js';

const DIR = path.resolve(__dirname, '../../fixtures/words');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, unknown>;
const totals = expected._totals as Record<string, Record<string, number>>;
const files = Object.keys(expected).filter((k) => !k.startsWith('_'));
const rules = defaultRules();

describe("people's words golden findings (issue 13)", () => {
  it('covers the codes of the issue', () => {
    const codes = new Set(files.flatMap((f) => (expected[f] as [string | null, string][]).map(([, c]) => c)));
    for (const c of [
      'column-bound',
      'column-missing',
      'count-approximate',
      'count-range',
      'count-invalid',
      'phone-invalid',
      'duplicate-activity',
      'header-not-found',
    ]) {
      expect(codes, c).toContain(c);
    }
  });

  it.each(files)('%s', async (file) => {
    const shown = path.relative(process.cwd(), path.join(DIR, file));
    const report = buildValidateReport([validateWorkbook(await readInputFile(shown), rules)], rules, 'zh');
    const got = report.findings.map((f) => JSON.stringify([f.file, f.cell, f.code])).sort();
    const want = (expected[file] as [string | null, string][]).map(([cell, code]) => JSON.stringify([shown, cell, code])).sort();
    expect(got).toEqual(want);
    const t = report.totals;
    expect({ rowsRead: t.rowsRead, rowsMerged: t.rowsMerged, rowsSkipped: t.rowsSkipped, rowsInFilesWithoutTable: t.rowsInFilesWithoutTable }).toEqual(
      totals[file],
    );
  });

  it('reads the values as a person means them', async () => {
    const outcome = await readInputFile(path.join(DIR, 'people-headers.xlsx'));
    const rows = analyzeWorkbook(outcome.workbook!, 'people-headers.xlsx', rules).rows.map((r) => r.activity.values);
    const pick = (i: number) => {
      const v = rows[i];
      return [v.startDate, v.endDate, v.timeSlot, v.expectedCount, v.contact, v.phone];
    };
    expect(pick(0)).toEqual(['2023-09-17', '2023-09-17', '上午9:00', 2000, '孙晴', '0553-5873304']);
    expect(pick(1)).toEqual(['2023-09-18', '2023-09-18', '9:00—11:30、14:30—16:30', 300, '孙晴', '0553-5873304']);
    expect(pick(2)).toEqual(['2023-09-17', '2023-09-23', '15:00—17:30', 80, '孙晴', '0553-5873304']);
    expect(pick(3).slice(3, 4)).toEqual([90000]);
    expect(pick(4)).toEqual(['2023-09-22', '2023-09-22', '19:30-21:00', undefined, '孙晴', '0553-5873304']);
    // 负责人 empty: the names beside the numbers are the contact
    expect(pick(6)).toEqual(['2023-09-21', '2023-09-21', '下午', 120, '张老师、李老师', '13451262276、13677194498']);
    expect(pick(7).slice(3)).toEqual([900, '孙晴', '0553-5864150']);
    expect(rows[0].town).toBe('官陡街道');

    const cp = await readInputFile(path.join(DIR, 'contact-and-phone.xlsx'));
    const cpRows = analyzeWorkbook(cp.workbook!, 'contact-and-phone.xlsx', rules).rows.map((r) => [
      r.activity.values.contact,
      r.activity.values.phone,
      r.activity.values.expectedCount,
    ]);
    expect(cpRows).toEqual([
      ['王主任', '13905531234', 60],
      ['刘老师', '0553-5812345、13866512345', 300],
      [undefined, '13866512345', 12000],
    ]);
  });

  it('a merge of the folder counts the rows of the file with no table: read = merged + superseded + skipped + no table', async () => {
    const subs = [];
    for (const file of files) {
      const p = path.join(DIR, file);
      const outcome = await readInputFile(p);
      subs.push({
        path: file,
        name: file,
        receivedAt: '2023-09-10T10:00:00+08:00',
        analyzed: analyzeWorkbook(outcome.workbook!, file, rules),
        readFindings: outcome.findings,
      });
    }
    const plan = assembleMerge(subs, rules, { keepAll: true });
    const report = buildReport({
      rules,
      files: plan.files,
      units: plan.units,
      rows: plan.reconciliation,
      findings: plan.findings,
      lang: 'zh',
      presorted: true,
    });
    const t = report.totals;
    const sum = (k: string) => files.reduce((s, f) => s + totals[f][k], 0);
    expect([t.rowsRead, t.rowsMerged, t.rowsSkipped, t.rowsInFilesWithoutTable]).toEqual([
      sum('rowsRead'),
      sum('rowsMerged'),
      sum('rowsSkipped'),
      sum('rowsInFilesWithoutTable'),
    ]);
    expect(t.rowsInFilesWithoutTable).toBeGreaterThan(0);
    expect(t.rowsRead).toBe(t.rowsMerged + t.rowsSuperseded + t.rowsSkipped + t.rowsInFilesWithoutTable);
    // the row problems of the merge carry no 标记 for info findings
    const row = plan.rows.find((r) => r.activity.values.name === '科技馆主题展开放日')!;
    expect(row.marks).toEqual([]);
  });
});
