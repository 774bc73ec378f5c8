import { describe, expect, it } from 'vitest';
import { mailTimeFromHeaders, parseMailDate, receivedDatePart, toShanghaiIso, unreadableMailTimeFinding } from '../../src/io/inputs/received-time.js';

const iso = (s: string) => {
  const d = parseMailDate(s);
  return d ? toShanghaiIso(d) : undefined;
};

describe('parseMailDate', () => {
  it.each([
    ['Tue, 12 Sep 2023 10:05:00 +0800', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00 +0800 (CST)', '2023-09-12T10:05:00+08:00'],
    ['12 Sep 2023 10:05:00 +0800', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 23 10:05:00 +0800', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05 +0800', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 02:05:00 GMT', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 02:05:00 UT', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 02:05:00 Z', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 02:05:00 +0000', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00 GMT+08:00', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00 GMT+0800', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00 UTC+8', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00 +08:00', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00 CST', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00 +0800 CST', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 16:10:00 +0000', '2023-09-13T00:10:00+08:00'],
    ['Mon, 11 Sep 2023 22:05:00 -0400', '2023-09-12T10:05:00+08:00'],
    ['Tue,  12  Sep  2023\r\n 10:05:00\t+0800', '2023-09-12T10:05:00+08:00'],
    ['Tuesday, 12 September 2023 10:05:00 +0800', '2023-09-12T10:05:00+08:00'],
    ['12-Sep-2023 10:05:00 +0800', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 10:05:00', '2023-09-12T10:05:00+08:00'],
    ['2023-09-12 10:05:00 +0800', '2023-09-12T10:05:00+08:00'],
    ['2023-09-12T02:05:00Z', '2023-09-12T10:05:00+08:00'],
    ['Tue, 12 Sep 2023 23:59:60 +0800', '2023-09-12T23:59:59+08:00'],
    ['Tue Sep 12 2023 10:05:00 GMT+0800 (中国标准时间)', '2023-09-12T10:05:00+08:00'],
    ['Tue Sep 12 10:05:00 2023', '2023-09-12T10:05:00+08:00'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    '',
    'garbage',
    '2023',
    'Tue, 31 Sep 2023 10:05:00 +0800',
    'Tue, 12 Sep 2023 25:05:00 +0800',
    'Tue, 12 Foo 2023 10:05:00 +0800',
    'Tue, 12 Sep 2023 10:05:00 +0800 extra words',
    'Tue, 12 Sep 2023 10:05:00 XYZ',
    'Tue, 12 Sep 2023 10:05:00 +2500',
    'Tue, 12 Sep 2023 10:05:00 +0800 (unclosed',
    '12 Sep 2023',
    '2023-09-12',
    'Tue Sep 12 2023 10:05:00 2023 GMT+0800',
    'Tue Sep 12 10:05:00 GMT+0800',
  ])('rejects %j', (text) => {
    expect(parseMailDate(text)).toBeUndefined();
  });

  it('does not depend on the machine time zone', () => {
    expect(parseMailDate('Tue, 12 Sep 2023 10:05:00 +0800')!.toISOString()).toBe('2023-09-12T02:05:00.000Z');
  });
});

describe('receivedDatePart', () => {
  it('takes the text after the last semicolon', () => {
    expect(receivedDatePart('from a (b [1.2.3.4]) by mx (Coremail) with SMTP id X; Tue, 12 Sep 2023 10:05:31 +0800 (CST)')).toBe(
      'Tue, 12 Sep 2023 10:05:31 +0800 (CST)',
    );
    expect(receivedDatePart('from a by b')).toBeUndefined();
    expect(receivedDatePart('from a by b;  ')).toBeUndefined();
  });
});

describe('mailTimeFromHeaders', () => {
  const rec = (date: string) => ({ key: 'received', value: `from x by mx.163.com (Coremail) with SMTP id A; ${date}` });

  it('prefers the topmost Received over Date', () => {
    const t = mailTimeFromHeaders([
      rec('Tue, 12 Sep 2023 16:10:00 +0000'),
      rec('Tue, 12 Sep 2023 15:59:02 +0000'),
      { key: 'date', value: 'Tue, 12 Sep 2023 23:58:40 +0800' },
    ]);
    expect(t).toEqual({ receivedAt: '2023-09-13T00:10:00+08:00', source: 'received' });
  });

  it('falls back to Date when there is no Received', () => {
    expect(mailTimeFromHeaders([{ key: 'date', value: 'Tue, 12 Sep 2023 10:05:00 +0800' }])).toEqual({
      receivedAt: '2023-09-12T10:05:00+08:00',
      source: 'date',
    });
  });

  it('skips an unreadable Received for the next one, then Date', () => {
    expect(mailTimeFromHeaders([rec('yesterday'), rec('Tue, 12 Sep 2023 10:00:00 +0800')]).receivedAt).toBe('2023-09-12T10:00:00+08:00');
    expect(mailTimeFromHeaders([rec('yesterday'), { key: 'date', value: 'Tue, 12 Sep 2023 09:00:00 +0800' }]).source).toBe('date');
  });

  it('never invents "now": an unreadable Date gives no time and the raw value', () => {
    expect(mailTimeFromHeaders([{ key: 'date', value: '2023年9月12日 星期二' }])).toEqual({ unreadable: '2023年9月12日 星期二' });
    expect(mailTimeFromHeaders([rec('soon')])).toEqual({ unreadable: 'soon' });
    expect(mailTimeFromHeaders([{ key: 'subject', value: 'x' }])).toEqual({});
  });

  it('makes the received-unknown finding', () => {
    const f = unreadableMailTimeFinding('inbox/a.eml#b.xlsx', 'bad');
    expect(f).toMatchObject({ code: 'received-unknown', severity: 'info', file: 'inbox/a.eml#b.xlsx', params: { reason: '邮件时间无法识别', header: 'bad' } });
  });
});
