import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { lookupReceived, parseManifest, parseManifestTime } from '../../src/io/inputs/received-manifest.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('parseManifestTime', () => {
  it.each([
    ['2023-09-12T10:05:00+08:00', '2023-09-12T10:05:00+08:00'],
    ['2023-09-12T02:05:00Z', '2023-09-12T10:05:00+08:00'],
    ['2023-09-12T10:05:00+0800', '2023-09-12T10:05:00+08:00'],
    ['2023-09-11T22:05:00-04:00', '2023-09-12T10:05:00+08:00'],
    ['2023-09-12 10:05', '2023-09-12T10:05:00+08:00'],
    ['2023-09-12 10:05:30', '2023-09-12T10:05:30+08:00'],
    ['2023-09-12T10:05', '2023-09-12T10:05:00+08:00'],
    ['2023/9/12 10:05', '2023-09-12T10:05:00+08:00'],
    ['2023/9/12 9:05:00', '2023-09-12T09:05:00+08:00'],
    ['2023.9.12 10:05', '2023-09-12T10:05:00+08:00'],
    ['2023年9月12日 10:05', '2023-09-12T10:05:00+08:00'],
    ['2023年9月12日10时05分', '2023-09-12T10:05:00+08:00'],
    ['２０２３-０９-１２ １０：０５', '2023-09-12T10:05:00+08:00'],
    ['2023-09-12', '2023-09-12T00:00:00+08:00'],
  ])('%s → %s', (text, expected) => {
    expect(parseManifestTime(text)).toBe(expected);
  });

  it.each(['', '9月12日', '2023-09-31 10:00', '2023-09-12 24:00', '2023-09-12 10:05 下午', 'yesterday', '2023-09-12T10:05:00+15:00'])('rejects %j', (text) => {
    expect(parseManifestTime(text)).toBeUndefined();
  });
});

describe('parseManifest', () => {
  it('reads a manifest with a header row (UTF-8 with BOM, CRLF)', () => {
    const text = '\uFEFF文件名,接收时间\r\n四褐山街道科普日活动安排表.xlsx,2023-09-10 11:26\r\n湾里街道科普日活动安排表.xlsx,2023-09-12T08:57:00+08:00\r\n';
    const { entries, errors } = parseManifest(utf8(text), 'm.csv');
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { name: '四褐山街道科普日活动安排表.xlsx', receivedAt: '2023-09-10T11:26:00+08:00', line: 2 },
      { name: '湾里街道科普日活动安排表.xlsx', receivedAt: '2023-09-12T08:57:00+08:00', line: 3 },
    ]);
  });

  it('reads a manifest without a header row', () => {
    const { entries, errors } = parseManifest(utf8('a.xlsx,2023/9/12 10:05\nb.xls,2023-09-11 09:00\n'), 'm.csv');
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.name, e.receivedAt, e.line])).toEqual([
      ['a.xlsx', '2023-09-12T10:05:00+08:00', 1],
      ['b.xls', '2023-09-11T09:00:00+08:00', 2],
    ]);
  });

  it('reads a GBK manifest (Excel "CSV" on Chinese Windows)', () => {
    const bytes = iconv.encode('文件名,接收时间\r\n鸠江区科协活动安排表.csv,2023-09-12 17:40\r\n', 'gbk');
    const { entries, errors } = parseManifest(bytes, 'm.csv');
    expect(errors).toEqual([]);
    expect(entries).toEqual([{ name: '鸠江区科协活动安排表.csv', receivedAt: '2023-09-12T17:40:00+08:00', line: 2 }]);
  });

  it('reads a UTF-16 tab-separated manifest (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('文件名\t接收时间\r\n甲.xlsx\t2023-09-12 10:05\r\n', 'utf16le')]);
    const { entries, errors } = parseManifest(bytes, 'm.txt');
    expect(errors).toEqual([]);
    expect(entries[0]).toMatchObject({ name: '甲.xlsx', receivedAt: '2023-09-12T10:05:00+08:00' });
  });

  it('finds the columns by header name, in any order, with extra columns', () => {
    const { entries, errors } = parseManifest(utf8('发件人,接收时间,文件名\n张三,2023-09-12 10:05,"a,b.xlsx"\n'), 'm.csv');
    expect(errors).toEqual([]);
    expect(entries).toEqual([{ name: 'a,b.xlsx', receivedAt: '2023-09-12T10:05:00+08:00', line: 2 }]);
  });

  it('takes an unquoted comma in a file name when there is no header', () => {
    const { entries, errors } = parseManifest(utf8('附件2,活动安排表.xlsx,2023-09-12 10:05\n'), 'm.csv');
    expect(errors).toEqual([]);
    expect(entries[0].name).toBe('附件2,活动安排表.xlsx');
  });

  it('skips blank lines and keeps real line numbers', () => {
    const { entries } = parseManifest(utf8('文件名,接收时间\n\na.xlsx,2023-09-12 10:05\n,\nb.xlsx,2023-09-12 11:05\n'), 'm.csv');
    expect(entries.map((e) => e.line)).toEqual([3, 5]);
  });

  it('reports every bad line with its number', () => {
    const text = [
      '文件名,接收时间',
      'a.xlsx,2023-09-12 10:05',
      'b.xlsx,9月12日',
      ',2023-09-12 10:05',
      'c.xlsx',
      'd.xlsx,2023-02-30 10:00',
      'a.xlsx,2023-09-13 10:05',
    ].join('\n');
    const { entries, errors } = parseManifest(utf8(text), 'm.csv');
    expect(entries.map((e) => e.name)).toEqual(['a.xlsx']);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[0].message).toContain('9月12日');
    expect(errors[2].message).toContain('缺少接收时间');
    expect(errors[4].message).toContain('第 2 行');
  });

  it('accepts an exact duplicate line', () => {
    const { entries, errors } = parseManifest(utf8('a.xlsx,2023-09-12 10:05\nA.XLSX,2023-09-12T10:05:00+08:00\n'), 'm.csv');
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
  });

  it('rejects a header without a time column', () => {
    const { errors } = parseManifest(utf8('文件名,发件人\na.xlsx,张三\n'), 'm.csv');
    expect(errors).toEqual([{ line: 1, message: expect.stringContaining('接收时间') }]);
  });

  it('reads the fixture manifest', () => {
    const { entries, errors } = parseManifest(readFileSync(new URL('../../fixtures/inbox-received.csv', import.meta.url)), 'inbox-received.csv');
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(9);
    expect(lookupReceived(entries, '湾里街道科普日活动安排表.xlsx')).toBe('2023-09-12T08:57:00+08:00');
  });
});

describe('lookupReceived', () => {
  const { entries } = parseManifest(
    utf8(
      [
        '文件名,接收时间',
        'Report.XLSX,2023-09-10 10:00',
        '活动安排表.xlsx,2023-09-11 10:00',
        'inbox/甲/活动安排表.xlsx,2023-09-12 10:00',
        '附件打包下载.zip#活动安排表.xlsx,2023-09-13 10:00',
        // NFD spelling of 'é' must match NFC
        'cafe\u0301.xlsx,2023-09-14 10:00',
      ].join('\n'),
    ),
    'm.csv',
  );

  it('matches by base name, case-insensitive, NFC', () => {
    expect(lookupReceived(entries, 'report.xlsx')).toBe('2023-09-10T10:00:00+08:00');
    expect(lookupReceived(entries, 'dir/REPORT.xlsx')).toBe('2023-09-10T10:00:00+08:00');
    expect(lookupReceived(entries, 'caf\u00e9.xlsx')).toBe('2023-09-14T10:00:00+08:00');
    expect(lookupReceived(entries, 'missing.xlsx')).toBeUndefined();
  });

  it('prefers the entry whose folders or containers end the input path', () => {
    expect(lookupReceived(entries, '活动安排表.xlsx', 'inbox/甲/活动安排表.xlsx')).toBe('2023-09-12T10:00:00+08:00');
    expect(lookupReceived(entries, '活动安排表.xlsx', 'mail/附件打包下载.zip#活动安排表.xlsx')).toBe('2023-09-13T10:00:00+08:00');
    expect(lookupReceived(entries, '活动安排表.xlsx', 'inbox/乙/活动安排表.xlsx')).toBe('2023-09-11T10:00:00+08:00');
    expect(lookupReceived(entries, '活动安排表.xlsx')).toBe('2023-09-11T10:00:00+08:00');
  });
});
