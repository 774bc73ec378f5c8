import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/core/activity.js';
import type { Finding } from '../../src/core/finding.js';
import { duplicateActivity } from '../../src/core/rules/duplicate-activity.js';
import { emitInto } from '../../src/core/rules/rule.js';

const act = (row: number, name: string, startDate: string, location?: string, file = 'a.xlsx'): Activity => ({
  file,
  sheet: 'S',
  row,
  values: { name, startDate, ...(location !== undefined ? { location } : {}) },
  raw: {},
  cells: { name: `B${row}` },
  extras: [],
});

function findDuplicates(activities: Activity[]): Finding[] {
  const out: Finding[] = [];
  duplicateActivity.check({ activities, nameHeaderOf: () => undefined, unitOf: () => undefined, emit: emitInto(out) });
  return out;
}
const cells = (list: Activity[]) =>
  findDuplicates(list)
    .map((f) => `${f.file}!${f.cell}`)
    .sort();

describe('duplicate-activity: name + start date + place (issue 13)', () => {
  it('the same name on the same day at different places is a lecture tour, not a duplicate', () => {
    expect(
      cells([
        act(5, '防灾减灾科普讲座进社区', '2023-09-18', '龙山社区'),
        act(6, '防灾减灾科普讲座进社区', '2023-09-18', '和平社区'),
        act(7, '防灾减灾科普讲座进社区', '2023-09-18', '玉兰社区'),
      ]),
    ).toEqual([]);
  });

  it('the same name, day and place is a duplicate on both rows, place compared folded', () => {
    expect(
      cells([
        act(5, '防灾减灾科普讲座进社区', '2023-09-18', '龙山社区 会议室'),
        act(6, '防灾减灾科普讲座进社区', '2023-09-18', '和平社区'),
        act(9, '防灾减灾科普讲座进社区 ', '2023-09-18', '龙山社区会议室。'),
      ]),
    ).toEqual(['a.xlsx!B5', 'a.xlsx!B9']);
  });

  it('across files too, and rows without a place (线上) compare by name and date', () => {
    expect(
      cells([
        act(5, '科普直播间', '2023-09-20', undefined, 'a.xlsx'),
        act(7, '科普直播间', '2023-09-20', undefined, 'b.xlsx'),
        act(8, '科普直播间', '2023-09-21', undefined, 'b.xlsx'),
      ]),
    ).toEqual(['a.xlsx!B5', 'b.xlsx!B7']);
  });

  it('a row with a place and one without are not the same activity', () => {
    expect(cells([act(5, '科普展', '2023-09-20', '文化广场'), act(6, '科普展', '2023-09-20')])).toEqual([]);
  });
});
