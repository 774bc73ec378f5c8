import { describe, expect, it } from 'vitest';
import { deadlineEndMs, isLate } from '../../src/core/merge/deadline.js';

describe('isLate (deadline 2023-09-12, Asia/Shanghai)', () => {
  const cases: [string, boolean][] = [
    ['2023-09-12T10:05:00+08:00', false],
    ['2023-09-12T23:59:59+08:00', false],
    ['2023-09-12T23:59:59.999+08:00', false],
    ['2023-09-13T00:00:00+08:00', true],
    ['2023-09-12T15:59:59Z', false],
    ['2023-09-12T16:00:00Z', true],
    ['2023-09-12T16:30:00Z', true], // 00:30 next day in Shanghai
    ['2023-09-12T12:00:00-03:00', false], // 15:00Z = 23:00 Shanghai
    ['2023-09-11T08:00:00-04:00', false],
    ['2023-09-13T09:47:12+08:00', true],
  ];

  it.each(cases)('%s late=%s', (iso, late) => {
    expect(isLate(iso, '2023-09-12')).toBe(late);
  });

  it('reads a time without offset as Shanghai wall-clock time', () => {
    expect(isLate('2023-09-12T23:59:59', '2023-09-12')).toBe(false);
    expect(isLate('2023-09-13T00:00:00', '2023-09-12')).toBe(true);
  });

  it('never counts an unreadable time as late', () => {
    expect(isLate('', '2023-09-12')).toBe(false);
    expect(isLate('not a time', '2023-09-12')).toBe(false);
  });

  it('end of the deadline day is 15:59:59.999Z', () => {
    expect(new Date(deadlineEndMs('2023-09-12')).toISOString()).toBe('2023-09-12T15:59:59.999Z');
    expect(new Date(deadlineEndMs('2023-12-31')).toISOString()).toBe('2023-12-31T15:59:59.999Z');
  });

  it('rejects a malformed deadline day', () => {
    expect(() => isLate('2023-09-12T10:00:00+08:00', '2023/09/12')).toThrow(RangeError);
    expect(() => deadlineEndMs('2023-02-30')).toThrow(RangeError);
  });
});
