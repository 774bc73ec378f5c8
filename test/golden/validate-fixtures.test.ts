/**
 * Golden test: the whole validate pipeline on every fixture of fixtures/validate/, compared as
 * flattened [file, cell, code] lists with expected.json, which was written from how each defect
 * was planted (scripts/make-fixtures.mjs), not from running this code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { buildValidateReport, validateWorkbook } from '../../src/core/validate-files.js';
import { readInputFile } from '../../src/io/read/read-input-file.js';

const DIR = path.resolve(__dirname, '../../fixtures/validate');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, [string | null, string][]>;
const files = Object.keys(expected).filter((k) => !k.startsWith('_'));
const rules = defaultRules();

function flatten(list: [string | null, string][], file: string): string[] {
  return list.map(([cell, code]) => JSON.stringify([file, cell, code])).sort();
}

describe('validate golden findings', () => {
  it('covers every row-level, column-level and file-level code of the validate issue', () => {
    const codes = new Set(files.flatMap((f) => expected[f].map(([, code]) => code)));
    for (const code of [
      'file-unreadable',
      'file-encrypted',
      'file-unsupported',
      'sheet-not-found',
      'header-not-found',
      'column-missing',
      'column-duplicate',
      'column-unknown',
      'required-missing',
      'date-invalid',
      'date-ambiguous',
      'date-approximate',
      'date-wrong-year',
      'date-range-reversed',
      'date-outside-window',
      'main-event-outside-window',
      'category-invalid',
      'field-unknown',
      'form-unknown',
      'mode-invalid',
      'online-url-missing',
      'url-invalid',
      'phone-invalid',
      'count-invalid',
      'count-range',
      'name-too-long',
      'town-unknown',
      'duplicate-activity',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it.each(files)('%s', async (file) => {
    const shown = path.relative(process.cwd(), path.join(DIR, file));
    const result = validateWorkbook(await readInputFile(shown), rules);
    const report = buildValidateReport([result], rules, 'zh');
    const got = report.findings.map((f) => JSON.stringify([f.file, f.cell, f.code])).sort();
    expect(got).toEqual(flatten(expected[file], shown));
  });

  it('the issue acceptance file: header on row 7, exactly the three planted problems', async () => {
    const outcome = await readInputFile(path.join(DIR, 'issue-acceptance.xlsx'));
    const result = validateWorkbook({ ...outcome, file: 'issue-acceptance.xlsx' }, rules);
    expect(result.findings.map((f) => [f.cell, f.code, f.row])).toEqual([
      ['G9', 'date-wrong-year', 9],
      ['R10', 'required-missing', 10],
      ['S11', 'online-url-missing', 11],
    ]);
  });

  it('the 1904 workbooks give the same activities as the 1900 one', async () => {
    const dates = async (file: string) => {
      const outcome = await readInputFile(path.join(DIR, file));
      const { analyzeWorkbook } = await import('../../src/core/analyze-workbook.js');
      return analyzeWorkbook(outcome.workbook!, file, rules).rows.map((r) => [r.activity.values.startDate, r.activity.values.endDate]);
    };
    const base = await dates('valid-template.xlsx');
    expect(base.length).toBeGreaterThan(0);
    expect(await dates('date1904.xlsx')).toEqual(base);
    expect(await dates('date1904-excel.xlsx')).toEqual(base);
  });
});
