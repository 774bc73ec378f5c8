/** Issue 13 item 2: no row lost in silence — rows of a file whose table was not found are counted. */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze-workbook.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { assembleMerge, type Submission } from '../../src/core/merge/assemble-merge.js';
import { buildReport } from '../../src/core/report.js';
import { buildValidateReport, validateWorkbook } from '../../src/core/validate-files.js';
import { HEADER, sheetOf, validRow, workbookOf } from '../helpers/sheet.js';

const rules = defaultRules();

/** a table nobody could bind: two known headers only, three activity-like rows, a title, a blank row */
const lost = workbookOf(
  sheetOf([
    ['官陡街道活动一览'],
    ['项目', '日子', '场所', '对接人'],
    ['科普讲座', '9月18日', '社区', '张三'],
    [],
    ['航模体验', '9月19日', '学校', '李四'],
    ['科普展', '9月20日', '广场', '王五'],
  ]),
  sheetOf([['下拉列表'], ['线下'], ['线上']], { name: 'lists', hidden: true }),
);
const good = workbookOf(sheetOf([['附件2'], ['填报单位(盖章):官陡街道科协'], HEADER, validRow(1), validRow(2), [], ['合计']], { name: '活动安排表' }));

const sub = (path: string, wb: ReturnType<typeof workbookOf>): Submission => ({
  path,
  name: path,
  receivedAt: '2023-09-10T10:00:00+08:00',
  analyzed: analyzeWorkbook(wb, path, rules),
  readFindings: [],
});

describe('rows in files without a table', () => {
  it('are the non-blank rows of the visible sheets', () => {
    const a = analyzeWorkbook(lost, 'lost.xlsx', rules);
    expect(a.findings.map((f) => f.code)).toEqual(['header-not-found']);
    expect(a.rowsWithoutTable).toBe(5);
    expect(a.rowsRead).toBe(5);
    expect(a.rows).toEqual([]);
    expect(analyzeWorkbook(good, 'good.xlsx', rules).rowsWithoutTable).toBeUndefined();
  });

  it('merge: read = merged + superseded + skipped + in files with no table, in the plan and in report totals', () => {
    const plan = assembleMerge([sub('good.xlsx', good), sub('洪家村/lost.xlsx', lost)], rules);
    expect(plan.reconciliation).toEqual({ read: 9, merged: 2, superseded: 0, skipped: 2, noTable: 5 });
    const report = buildReport({ rules, files: plan.files, units: plan.units, rows: plan.reconciliation, findings: plan.findings, lang: 'zh' });
    expect(report.totals).toMatchObject({ rowsRead: 9, rowsMerged: 2, rowsSuperseded: 0, rowsSkipped: 2, rowsInFilesWithoutTable: 5 });
    const t = report.totals;
    expect(t.rowsRead).toBe(t.rowsMerged + t.rowsSuperseded + t.rowsSkipped + t.rowsInFilesWithoutTable);
  });

  it('validate counts them too', () => {
    const rep = buildValidateReport([validateWorkbook({ file: 'lost.xlsx', workbook: lost, findings: [] }, rules)], rules, 'zh');
    expect(rep.totals).toMatchObject({ rowsRead: 5, rowsMerged: 0, rowsSkipped: 0, rowsInFilesWithoutTable: 5 });
  });

  it('a merge without such files reports 0', () => {
    const plan = assembleMerge([sub('good.xlsx', good)], rules);
    expect(plan.reconciliation.noTable).toBe(0);
  });
});
