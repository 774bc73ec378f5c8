/** assembleMerge is a pure stage: deep-frozen inputs (any write throws in strict mode) merge as usual. */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze-workbook.js';
import { createFinding } from '../../src/core/finding.js';
import { assembleMerge, type Submission } from '../../src/core/merge/assemble-merge.js';
import { RULES_2023 } from '../helpers/rules.js';
import { HEADER, sheetOf, validRow, workbookOf } from '../helpers/sheet.js';

function deepFreeze<T>(o: T, seen = new Set<unknown>()): T {
  if (o === null || typeof o !== 'object' || seen.has(o)) return o;
  seen.add(o);
  for (const k of Reflect.ownKeys(o as object)) deepFreeze((o as Record<string | symbol, unknown>)[k], seen);
  return Object.freeze(o);
}

describe('assembleMerge', () => {
  it('does not change its inputs', () => {
    const file = (path: string, unit: string, rows: ReturnType<typeof validRow>[]): Submission => ({
      path,
      name: path,
      receivedAt: '2023-09-13T09:00:00+08:00',
      receivedFrom: 'manifest',
      analyzed: analyzeWorkbook(workbookOf(sheetOf([[`填报单位:${unit}`], HEADER, ...rows])), path, RULES_2023),
      readFindings: [createFinding('received-unknown', { file: path }, { header: 'x' })],
    });
    const subs = deepFreeze([
      file('a.xlsx', '官陡街道', [validRow(1), validRow(2, { 联系电话: '123' })]),
      file('b.xlsx', '官陡街道', [validRow(1)]),
      file('c.xlsx', '不在名单的单位', [validRow(1)]),
    ]);
    const before = JSON.stringify(subs);
    const plan = assembleMerge(subs, RULES_2023);
    expect(JSON.stringify(subs)).toBe(before);
    // and the merge did its work on them
    expect(plan.files.map((f) => [f.path, f.status, f.unit])).toEqual([
      ['a.xlsx', 'superseded', '官陡街道'],
      ['b.xlsx', 'merged', '官陡街道'],
      ['c.xlsx', 'merged', '不在名单的单位'],
    ]);
    // b.xlsx replaced a.xlsx; its row duplicates c.xlsx's; the town has no 镇街主场活动
    expect(
      plan.findings
        .filter((f) => f.file === 'b.xlsx')
        .map((f) => `${f.code} ${f.unit}`)
        .sort(),
    ).toEqual(['duplicate-activity 官陡街道', 'received-unknown 官陡街道', 'submission-late 官陡街道', 'town-main-event-missing 官陡街道']);
  });
});
