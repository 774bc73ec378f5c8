import { describe, expect, it } from 'vitest';
import { createFinding } from '../../src/core/finding.js';
import type { ReportUnit } from '../../src/core/report.js';
import { countFindingsByUnit, tallyUnits, unitStatus, UNIT_STATUS } from '../../src/core/unit-counts.js';
import { sampleReport } from '../writers/sample-report.js';

const unit = (p: Partial<ReportUnit>): ReportUnit => ({
  name: 'u',
  kind: '镇街',
  quota: null,
  activities: 1,
  submitted: true,
  late: false,
  errors: 0,
  warnings: 0,
  ...p,
});

describe('unit counts (one set of numbers)', () => {
  it('status: 未报送, then 待修改 for any unit with errors, then 不在名单, then 逾期, else 已报送', () => {
    expect(unitStatus(unit({ submitted: false, errors: 1 }), true)).toBe(UNIT_STATUS.missing);
    expect(unitStatus(unit({ errors: 2, late: true }), true)).toBe(UNIT_STATUS.toFix);
    expect(unitStatus(unit({ errors: 1 }), false)).toBe(UNIT_STATUS.toFix);
    expect(unitStatus(unit({ late: true }), false)).toBe(UNIT_STATUS.unlisted);
    expect(unitStatus(unit({ late: true }), true)).toBe(UNIT_STATUS.late);
    expect(unitStatus(unit({ warnings: 3 }), true)).toBe(UNIT_STATUS.submitted);
  });

  it('tally: a unit not on the roster is counted apart, never as 已报送', () => {
    const t = tallyUnits(sampleReport());
    expect(t.expected.map((u) => u.name)).toEqual(['官陡街道', '湾里街道', '区教育局', '沈巷镇']);
    expect(t.submitted.map((u) => u.name)).toEqual(['官陡街道', '湾里街道']);
    expect(t.missing.map((u) => u.name)).toEqual(['区教育局', '沈巷镇']);
    expect(t.unlisted.map((u) => u.name)).toEqual(['=HYPERLINK("x")科协']);
    expect(t.late.map((u) => u.name)).toEqual(['湾里街道']);
    expect(t.toFix.map((u) => u.name)).toEqual(['官陡街道']);
  });

  it('a unit’s errors and warnings include its unit-level findings; findings of no unit count for none', () => {
    const units = [unit({ name: '湾里街道', errors: 9, warnings: 9 }), unit({ name: '白茆镇', submitted: false })];
    countFindingsByUnit(units, [
      createFinding('quota-short', { file: 'a.xlsx', unit: '湾里街道' }, { activities: 1, quota: 3 }),
      createFinding('town-main-event-missing', { file: 'a.xlsx', unit: '湾里街道' }),
      createFinding('duplicate-activity', { file: 'a.xlsx', row: 6, unit: '湾里街道' }, { otherFile: 'b.xlsx', otherRow: 5, sameFile: 0, count: 2 }),
      createFinding('phone-invalid', { file: 'a.xlsx', row: 7, unit: '湾里街道' }, { reason: 'bad-number' }),
      createFinding('received-unknown', { file: 'a.xlsx', unit: '湾里街道' }),
      createFinding('submission-missing', { file: '附件1.xlsx', unit: '白茆镇' }),
      createFinding('file-unreadable', { file: 'b.xlsx' }),
    ]);
    expect(units.map((u) => [u.name, u.errors, u.warnings])).toEqual([
      ['湾里街道', 1, 3],
      ['白茆镇', 1, 0],
    ]);
  });
});
