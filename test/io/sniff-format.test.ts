import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { classifyInput, sniffFormat } from '../../src/io/read/sniff-format.js';
import { isDateFormat, isTimeOnlyFormat, serialToWallClock, utcDateToWallClock } from '../../src/io/read/excel-formats.js';
import { readOleDirectoryNames } from '../../src/io/read/ole-directory.js';
import { patchZip, randomBytes, sheetjsBook, writeBook, zipOf } from './make-files.js';

const book = () =>
  sheetjsBook([
    {
      name: '活动安排表',
      aoa: [
        ['活动名称', '开始日期'],
        ['科普讲座', '2023-09-18'],
      ],
    },
  ]);

const EML = [
  'Received: from mail.example.cn (mail.example.cn [10.0.0.1])',
  '\tby mx.example.cn with ESMTP; Tue, 12 Sep 2023 10:05:00 +0800',
  'From: =?GBK?B?0e7Ftw==?= <unit@example.cn>',
  'Subject: =?GBK?B?u+62r7Dy?=',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'body',
].join('\r\n');

describe('sniffFormat', () => {
  it('tells containers by their first bytes', () => {
    expect(sniffFormat(writeBook(book(), 'xlsx'))).toBe('zip');
    expect(sniffFormat(writeBook(book(), 'biff8'))).toBe('ole');
    expect(sniffFormat(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(sniffFormat(Buffer.from('活动名称,开始日期\n科普讲座,9月18日\n'))).toBe('text');
    expect(sniffFormat(Buffer.from(EML))).toBe('eml');
    expect(sniffFormat(randomBytes(4096))).toBe('unknown');
    expect(sniffFormat(Buffer.alloc(0))).toBe('unknown');
  });

  it('reads GBK and UTF-16 text as text', () => {
    expect(sniffFormat(iconv.encode('活动名称,开始日期\r\n科普讲座,9月18日\r\n', 'gbk'))).toBe('text');
    expect(sniffFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('活动名称\t开始日期\r\n', 'utf16le')]))).toBe('text');
  });

  it('knows an email only by real header lines', () => {
    expect(sniffFormat(Buffer.from('X-Mailer: Foxmail\r\nFrom: a@b.cn\r\nSubject: hi\r\n\r\nbody'))).toBe('eml');
    expect(sniffFormat(Buffer.from('From a@b.cn Tue Sep 12 10:05:00 2023\nFrom: a@b.cn\nDate: Tue, 12 Sep 2023\n\nx'))).toBe('eml');
    // a CSV whose first cell happens to end in a colon is not a message
    expect(sniffFormat(Buffer.from('Date:,活动名称\n2023-09-18,讲座\n'))).toBe('text');
    expect(sniffFormat(Buffer.from('活动名称: 讲座\n开始日期: 9月18日\n'))).toBe('text');
  });
});

describe('classifyInput', () => {
  it('tells the spreadsheet formats from the zip or OLE directory, not the name', async () => {
    expect(classifyInput(writeBook(book(), 'xlsx'))).toEqual({ kind: 'spreadsheet', format: 'xlsx' });
    expect(classifyInput(writeBook(book(), 'xlsm'))).toEqual({ kind: 'spreadsheet', format: 'xlsm' });
    expect(classifyInput(writeBook(book(), 'xlsb'))).toEqual({ kind: 'spreadsheet', format: 'xlsb' });
    expect(classifyInput(writeBook(book(), 'ods'))).toEqual({ kind: 'spreadsheet', format: 'ods' });
    expect(classifyInput(writeBook(book(), 'biff8'))).toEqual({ kind: 'spreadsheet', format: 'xls' });
    expect(classifyInput(writeBook(book(), 'biff5'))).toEqual({ kind: 'spreadsheet', format: 'xls' });
  });

  it('marks an .xlsx with a VBA project as xlsm even without macro content types', async () => {
    const xlsx = await patchZip(writeBook(book(), 'xlsx'), { 'xl/vbaProject.bin': 'x' });
    expect(classifyInput(xlsx)).toEqual({ kind: 'spreadsheet', format: 'xlsm' });
  });

  it('classifies text: CSV in any encoding, and the HTML / SpreadsheetML 2003 "xls" exports', () => {
    for (const b of [
      Buffer.from('活动名称,开始日期\n讲座,9月18日\n'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('活动名称,开始日期\n')]),
      iconv.encode('活动名称,开始日期\n讲座,9月18日\n', 'gbk'),
    ]) {
      expect(classifyInput(b)).toEqual({ kind: 'spreadsheet', format: 'csv' });
    }
    const html = '<html><head><meta charset="utf-8"></head><body><table><tr><td>活动名称</td></tr></table></body></html>';
    expect(classifyInput(Buffer.from(html))).toEqual({ kind: 'spreadsheet', format: 'xls', flavor: 'html' });
    const xml2003 =
      '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>';
    expect(classifyInput(Buffer.from(xml2003))).toEqual({ kind: 'spreadsheet', format: 'xls', flavor: 'xml2003' });
    expect(classifyInput(Buffer.from('<!DOCTYPE html><html><body><p>通知</p></body></html>'))).toEqual({ kind: 'unsupported', what: 'HTML 网页' });
  });

  it('returns email, zip, encrypted and unsupported kinds', async () => {
    expect(classifyInput(Buffer.from(EML))).toEqual({ kind: 'eml' });
    expect(classifyInput(await zipOf({ '附件2-官陡街道.xlsx': writeBook(book(), 'xlsx'), 'readme.txt': 'x' }))).toEqual({ kind: 'zip' });
    expect(classifyInput(await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toEqual({
      kind: 'unsupported',
      what: 'Word 文档',
    });
    expect(classifyInput(Buffer.from('%PDF-1.4\n'))).toEqual({ kind: 'unsupported', what: 'PDF 文件' });
    expect(classifyInput(randomBytes(1000))).toEqual({ kind: 'unsupported', what: '未知格式' });
    expect(classifyInput(Buffer.alloc(0))).toEqual({ kind: 'unsupported', what: '空文件' });
    expect(classifyInput(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ kind: 'unsupported', what: '图片' });
  });

  it('reads the OLE directory: a Word document, an encrypted OOXML package', () => {
    const CFB = XLSX.CFB as {
      utils: { cfb_new(): unknown; cfb_add(c: unknown, name: string, data: Buffer): void };
      write(c: unknown, o: { type: 'buffer' }): Buffer;
    };
    const doc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(doc, '/WordDocument', Buffer.alloc(600, 1));
    const docBytes = CFB.write(doc, { type: 'buffer' });
    expect(readOleDirectoryNames(docBytes)).toContain('WordDocument');
    expect(classifyInput(docBytes)).toEqual({ kind: 'unsupported', what: 'Word 文档(.doc)' });

    const enc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(enc, '/EncryptionInfo', Buffer.alloc(200, 2));
    CFB.utils.cfb_add(enc, '/EncryptedPackage', Buffer.alloc(5000, 3));
    expect(classifyInput(CFB.write(enc, { type: 'buffer' }))).toEqual({ kind: 'encrypted' });
  });

  it('treats a truncated OOXML zip as a spreadsheet (so the reader reports it unreadable)', () => {
    const xlsx = writeBook(book(), 'xlsx');
    expect(classifyInput(xlsx.subarray(0, Math.floor(xlsx.length / 2)))).toEqual({ kind: 'spreadsheet', format: 'xlsx' });
  });
});

describe('number formats and serial dates', () => {
  it('tells date, time-only and number formats apart', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', 'm"月"d"日"', '[DBNum1][$-804]m"月"d"日"', 'd-mmm', 'mmm-yy', 'yyyy/m/d h:mm']) {
      expect([f, isDateFormat(f), isTimeOnlyFormat(f)]).toEqual([f, true, false]);
    }
    for (const f of ['h:mm', 'h:mm:ss', '[h]:mm:ss', 'mm:ss', '上午/下午h"时"mm"分"', 'h"时"mm"分"']) {
      expect([f, isDateFormat(f), isTimeOnlyFormat(f)]).toEqual([f, true, true]);
    }
    for (const f of ['General', '0', '0.00', '#,##0"人"', '0.00E+00', '@', '[Red]0.00;(0.00)', '"第"0"期"']) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });

  it('converts serials exactly in both date systems, whatever the time zone', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(serialToWallClock(45187, false)).toBe('2023-09-18');
      expect(serialToWallClock(45187 - 1462, true)).toBe('2023-09-18');
      expect(serialToWallClock(45187.354166666664, false)).toBe('2023-09-18T08:30');
      expect(serialToWallClock(45187.999999, false)).toBe('2023-09-19');
      expect(serialToWallClock(1, false)).toBe('1900-01-01');
      expect(serialToWallClock(61, false)).toBe('1900-03-01');
      expect(serialToWallClock(-1, false)).toBeUndefined();
      expect(serialToWallClock(1e9, false)).toBeUndefined();
      expect(utcDateToWallClock(new Date(Date.UTC(2016, 11, 31)), 1462)).toBe('2021-01-01');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
