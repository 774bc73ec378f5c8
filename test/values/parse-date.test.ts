import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/table.js';
import { daysInMonth, excelSerialToIso, isoAddDays, parseDateCell, parseDateText, type DateParse } from '../../src/core/values/parse-date.js';

const Y = { year: 2023 };
const text = (s: string) => parseDateText(s, Y);
const cell = (c: Cell | undefined) => parseDateCell(c, Y);

describe('parseDateText — every single-day form of SPEC §3 is 2023-09-18', () => {
  it.each([
    ['2023-09-18', true],
    ['2023/9/18', true],
    ['2023.9.18', true],
    ['2023年9月18日', true],
    ['9月18日', false],
    ['9.18', false],
    ['9-18', false],
    ['9/18', false],
    ['９月１８日', false],
    ['２０２３－０９－１８', true],
    ['2023年09月18号', true],
    ['20230918', true],
    ['23年9月18日', true],
    ['  9月18日  ', false],
    ['9 月 18 日', false],
    ['九月十八日', false],
    ['二〇二三年九月十八日', true],
    ['9月18日（周一）', false],
    ['9月18日(星期一)', false],
    ['9月18日 周一', false],
    ['时间:9月18日', false],
    ['拟于9月18日举行', false],
    ['9月18日起', false],
    ['45187', true],
  ])('%s', (input, yearGiven) => {
    expect(text(input)).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven });
  });
});

describe('parseDateText — the time goes to `time`', () => {
  it.each([
    ['2023年9月18日上午', '上午'],
    ['9月18日 8:30-11:30', '8:30-11:30'],
    ['9月18日8:30-11:30', '8:30-11:30'],
    ['9月18日 ８：３０－１１：３０', '8:30-11:30'],
    ['9月18日（周一）下午', '下午'],
    ['9月18日上午9:00', '上午9:00'],
    ['9月18日 9点半', '9点半'],
    ['9.18 14:00', '14:00'],
    ['2023-09-18 08:30', '08:30'],
    ['2023-09-18T08:30', '08:30'],
    ['9月18日 9.00-11.00', '9.00-11.00'],
  ])('%s → %s', (input, time) => {
    const r = text(input);
    expect(r).toMatchObject({ kind: 'ok', start: '2023-09-18', time });
    expect(r).not.toHaveProperty('end');
  });

  it('a midnight time from an exported timestamp is not a time slot', () => {
    expect(text('2023-09-18 00:00:00')).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven: true });
  });
});

describe('parseDateText — ranges in one cell', () => {
  it.each([
    ['9月17日-23日', false],
    ['9月17日至9月23日', false],
    ['9月17日至23日', false],
    ['9.17-9.23', false],
    ['9.17-23', false],
    ['2023.9.17—2023.9.23', true],
    ['9月17-23日', false],
    ['9月17日~9月23日', false],
    ['9月17日～9月23日', false],
    ['9月17日 – 9月23日', false],
    ['9月17日——9月23日', false],
    ['9月17日到23日', false],
    ['2023年9月17日—2023年9月23日', true],
    ['9/17-9/23', false],
    ['2023-09-17至2023-09-23', true],
    ['九月十七日至二十三日', false],
    ['9月17日（周日）-9月23日（周六）', false],
  ])('%s', (input, yearGiven) => {
    expect(text(input)).toEqual({ kind: 'ok', start: '2023-09-17', end: '2023-09-23', yearGiven });
  });

  it('a range across months', () => {
    expect(text('9月28日-10月3日')).toEqual({ kind: 'ok', start: '2023-09-28', end: '2023-10-03', yearGiven: false });
  });

  it('a range across the new year', () => {
    expect(text('12月30日-1月2日')).toEqual({ kind: 'ok', start: '2023-12-30', end: '2024-01-02', yearGiven: false });
  });

  it('a time followed by 开始 is still a time', () => {
    expect(text('9月18日 9:00开始')).toMatchObject({ kind: 'ok', start: '2023-09-18', time: '9:00' });
  });

  it('a reversed range is kept as written (date-range-reversed reports it)', () => {
    expect(text('9月23日-9月17日')).toMatchObject({ kind: 'ok', start: '2023-09-23', end: '2023-09-17' });
  });

  it('a range with a time', () => {
    expect(text('9月17日-23日 9:00-17:00')).toEqual({
      kind: 'ok',
      start: '2023-09-17',
      end: '2023-09-23',
      time: '9:00-17:00',
      yearGiven: false,
    });
  });

  it('several days listed span first to last', () => {
    expect(text('9月18日、20日')).toMatchObject({ kind: 'ok', start: '2023-09-18', end: '2023-09-20' });
    expect(text('9月18日，9月22日')).toMatchObject({ kind: 'ok', start: '2023-09-18', end: '2023-09-22' });
  });
});

describe('parseDateText — vague dates are approximate ranges', () => {
  it.each<[string, string, string]>([
    ['9月中旬', '2023-09-11', '2023-09-20'],
    ['9月上旬', '2023-09-01', '2023-09-10'],
    ['9月下旬', '2023-09-21', '2023-09-30'],
    ['2月下旬', '2023-02-21', '2023-02-28'],
    ['10月下旬', '2023-10-21', '2023-10-31'],
    ['9月初', '2023-09-01', '2023-09-10'],
    ['9月底', '2023-09-21', '2023-09-30'],
    ['9月中下旬', '2023-09-11', '2023-09-30'],
    ['9月', '2023-09-01', '2023-09-30'],
    ['9月份', '2023-09-01', '2023-09-30'],
    ['9月整月', '2023-09-01', '2023-09-30'],
    ['全年', '2023-01-01', '2023-12-31'],
    ['常年开展', '2023-01-01', '2023-12-31'],
    ['九月中旬', '2023-09-11', '2023-09-20'],
    ['9月中旬-10月上旬', '2023-09-11', '2023-10-10'],
  ])('%s → %s…%s', (input, start, end) => {
    expect(text(input)).toEqual({ kind: 'ok', start, end, approximate: true, yearGiven: false });
  });

  it('a given year stays given', () => {
    expect(text('2023年9月中旬')).toEqual({ kind: 'ok', start: '2023-09-11', end: '2023-09-20', approximate: true, yearGiven: true });
    expect(text('2023年全年')).toEqual({ kind: 'ok', start: '2023-01-01', end: '2023-12-31', approximate: true, yearGiven: true });
  });

  it('左右 / 约 make one day approximate', () => {
    expect(text('9月18日左右')).toEqual({ kind: 'ok', start: '2023-09-18', approximate: true, yearGiven: false });
    expect(text('约9月18日')).toEqual({ kind: 'ok', start: '2023-09-18', approximate: true, yearGiven: false });
  });

  it('a tentative date is read but approximate', () => {
    expect(text('9月18日（暂定）')).toEqual({ kind: 'ok', start: '2023-09-18', approximate: true, yearGiven: false });
    expect(text('暂定9月18日')).toEqual({ kind: 'ok', start: '2023-09-18', approximate: true, yearGiven: false });
    expect(text('(待定)9月')).toEqual({ kind: 'ok', start: '2023-09-01', end: '2023-09-30', approximate: true, yearGiven: false });
  });

  it('a remark without digits after the date is not part of it', () => {
    expect(text('9月18日 在社区广场举行')).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven: false });
    expect(text('9月18日（如遇雨天顺延）')).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven: false });
    expect(text('9月18日(如遇雨天另行通知)')).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven: false });
  });

  it('下旬 of February in a leap year ends on the 29th', () => {
    expect(parseDateText('2月下旬', { year: 2024 })).toMatchObject({ end: '2024-02-29' });
  });
});

describe('parseDateText — years', () => {
  it('a missing year is the campaign year, not given', () => {
    expect(parseDateText('9月18日', { year: 2024 })).toEqual({ kind: 'ok', start: '2024-09-18', yearGiven: false });
  });
  it('a wrong year is kept as written (date-wrong-year reports it)', () => {
    expect(text('2022年9月18日')).toEqual({ kind: 'ok', start: '2022-09-18', yearGiven: true });
    expect(text('2022.9.17-9.23')).toEqual({ kind: 'ok', start: '2022-09-17', end: '2022-09-23', yearGiven: true });
  });
});

describe('parseDateText — not a date', () => {
  it.each(['', '   ', '/', '—', '无'])('%j is empty', (input) => {
    expect(text(input)).toEqual({ kind: 'empty' });
  });
  it.each(['待定', '另行通知', '时间待定', '具体时间另行通知', '择期举办', '（待定）', '(另行通知)'])('%s is tbd', (input) => {
    expect(text(input)).toEqual({ kind: 'invalid', reason: 'tbd' });
  });
  it.each(['9月31日', '2月30日', '2023年2月29日', '13月1日', '0.5', '9月0日', '9月17日-31日', '2023-13-01'])('%s is impossible', (input) => {
    const r = text(input);
    // 0.5 has no month at all: unreadable is acceptable there, but it must never be a date
    expect(r.kind).toBe('invalid');
    if (input !== '0.5') expect(r).toEqual({ kind: 'invalid', reason: 'impossible' });
  });
  it.each(['近期', 'abc', '9', '下周一', '9月18日和10月2日之间另有3场', '12345', '18日'])('%s is unreadable', (input) => {
    expect(text(input)).toEqual({ kind: 'invalid', reason: 'unreadable' });
  });
  it('2月29日 exists in a leap campaign year', () => {
    expect(parseDateText('2月29日', { year: 2024 })).toEqual({ kind: 'ok', start: '2024-02-29', yearGiven: false });
  });
  it('text "9.2" is 9月2日 and not ambiguous — it is what was typed', () => {
    expect(text('9.2')).toEqual({ kind: 'ok', start: '2023-09-02', yearGiven: false });
    expect(text('9.20')).toEqual({ kind: 'ok', start: '2023-09-20', yearGiven: false });
  });
});

describe('parseDateCell', () => {
  it.each<[string, Cell | undefined, DateParse]>([
    ['missing cell', undefined, { kind: 'empty' }],
    ['blank text', { t: 's', v: '  ' }, { kind: 'empty' }],
    ['text', { t: 's', v: '9月18日' }, { kind: 'ok', start: '2023-09-18', yearGiven: false }],
    ['date cell', { t: 'd', v: '2023-09-18' }, { kind: 'ok', start: '2023-09-18', yearGiven: true }],
    ['date cell with time', { t: 'd', v: '2023-09-18T08:30' }, { kind: 'ok', start: '2023-09-18', time: '08:30', yearGiven: true }],
    ['date cell at midnight', { t: 'd', v: '2023-09-18T00:00' }, { kind: 'ok', start: '2023-09-18', yearGiven: true }],
    ['date cell in another year', { t: 'd', v: '2022-09-18' }, { kind: 'ok', start: '2022-09-18', yearGiven: true }],
    ['serial 45187', { t: 'n', v: 45187 }, { kind: 'ok', start: '2023-09-18', yearGiven: true }],
    ['serial with a date format', { t: 'n', v: 45187, fmt: 'yyyy/m/d' }, { kind: 'ok', start: '2023-09-18', yearGiven: true }],
    ['serial with a time', { t: 'n', v: 45187.375 }, { kind: 'ok', start: '2023-09-18', time: '09:00', yearGiven: true }],
    ['number 9.18', { t: 'n', v: 9.18 }, { kind: 'ok', start: '2023-09-18', yearGiven: false }],
    ['number 9.2 typed as 9.20', { t: 'n', v: 9.2 }, { kind: 'ok', start: '2023-09-20', ambiguous: true, yearGiven: false }],
    ['number 9.1 typed as 9.10', { t: 'n', v: 9.1 }, { kind: 'ok', start: '2023-09-10', ambiguous: true, yearGiven: false }],
    ['number 9.3 typed as 9.30', { t: 'n', v: 9.3 }, { kind: 'ok', start: '2023-09-30', ambiguous: true, yearGiven: false }],
    ['number 9.4 can only be 9月4日', { t: 'n', v: 9.4 }, { kind: 'ok', start: '2023-09-04', yearGiven: false }],
    ['number 2.3: 2月30日 impossible, so 2月3日', { t: 'n', v: 2.3 }, { kind: 'ok', start: '2023-02-03', yearGiven: false }],
    ['number 9.05', { t: 'n', v: 9.05 }, { kind: 'ok', start: '2023-09-05', yearGiven: false }],
    ['float noise 9.180000000000001', { t: 'n', v: 9.180000000000001 }, { kind: 'ok', start: '2023-09-18', yearGiven: false }],
    ['number 9.31', { t: 'n', v: 9.31 }, { kind: 'invalid', reason: 'impossible' }],
    ['number 20230918', { t: 'n', v: 20230918 }, { kind: 'ok', start: '2023-09-18', yearGiven: true }],
    ['number 9', { t: 'n', v: 9 }, { kind: 'invalid', reason: 'unreadable' }],
    ['number 200', { t: 'n', v: 200 }, { kind: 'invalid', reason: 'unreadable' }],
    ['number 9.123', { t: 'n', v: 9.123 }, { kind: 'invalid', reason: 'unreadable' }],
    ['boolean', { t: 'b', v: true }, { kind: 'invalid', reason: 'unreadable' }],
    ['error cell', { t: 'e', v: '#REF!' }, { kind: 'invalid', reason: 'unreadable' }],
    ['broken date cell', { t: 'd', v: 'garbage' }, { kind: 'invalid', reason: 'unreadable' }],
  ])('%s', (_name, c, expected) => {
    expect(cell(c)).toEqual(expected);
  });
});

describe('calendar helpers', () => {
  it('isoAddDays crosses months, years and leap days', () => {
    expect(isoAddDays('2023-09-30', 1)).toBe('2023-10-01');
    expect(isoAddDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(isoAddDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isoAddDays('2023-09-18', 0)).toBe('2023-09-18');
  });
  it('daysInMonth', () => {
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2023, 9)).toBe(30);
    expect(daysInMonth(2023, 13)).toBe(0);
  });
  it('excelSerialToIso (1900 system)', () => {
    expect(excelSerialToIso(45187)).toEqual({ date: '2023-09-18' });
    expect(excelSerialToIso(61)).toEqual({ date: '1900-03-01' });
    expect(excelSerialToIso(45187.7083333333)).toEqual({ date: '2023-09-18', time: '17:00' });
    expect(excelSerialToIso(45187.9999999)).toEqual({ date: '2023-09-19' });
  });
});

describe('parseDateText — times after a day or a day range, weekday markers (issue 13)', () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    // input, start, end, time
    ['7月8日-12日15:00—17:30', '2023-07-08', '2023-07-12', '15:00—17:30'],
    ['9月17日-23日9:00-16:00', '2023-09-17', '2023-09-23', '9:00-16:00'],
    ['9月17日至20日 下午2:30', '2023-09-17', '2023-09-20', '下午2:30'],
    ['9月17日（周日）上午9:00', '2023-09-17', undefined, '上午9:00'],
    ['9月17日(星期日)9:30-11:00', '2023-09-17', undefined, '9:30-11:00'],
    ['9月16日周六 下午', '2023-09-16', undefined, '下午'],
    ['周六9月16日', '2023-09-16', undefined, undefined],
    ['9月16日（礼拜六）', '2023-09-16', undefined, undefined],
    ['9月17日 9:00—11:30、14:30—16:30', '2023-09-17', undefined, '9:00—11:30、14:30—16:30'],
    ['9月18日；14:00-16:00', '2023-09-18', undefined, '14:00-16:00'],
    ['9月17日-23日 每天9:00-17:00', '2023-09-17', '2023-09-23', '每天9:00-17:00'],
    ['9月18日（上午）', '2023-09-18', undefined, '上午'],
    ['9月18日(9:00-11:30)', '2023-09-18', undefined, '9:00-11:30'],
    ['9月20日(周三)14:30', '2023-09-20', undefined, '14:30'],
    ['9月16日（周六）、17日（周日）', '2023-09-16', '2023-09-17', undefined],
    ['2023年9月17日（星期日）9:00-11:30', '2023-09-17', undefined, '9:00-11:30'],
    ['9月18日15时30分', '2023-09-18', undefined, '15时30分'],
  ])('%s', (input, start, end, time) => {
    const p = text(input);
    expect(p.kind).toBe('ok');
    if (p.kind !== 'ok') return;
    expect([p.start, p.end, p.time, p.approximate]).toEqual([start, end, time, undefined]);
  });

  it('a bracketed remark that is not a time is still only a remark', () => {
    expect(text('9月18日（雨天顺延）')).toEqual({ kind: 'ok', start: '2023-09-18', yearGiven: false });
    expect(text('9月18日（暂定）')).toMatchObject({ kind: 'ok', start: '2023-09-18', approximate: true });
  });

  it('digits after the day that are not a time are still unreadable, never guessed', () => {
    expect(text('9月17日-23日15')).toEqual({ kind: 'invalid', reason: 'unreadable' });
  });
});
