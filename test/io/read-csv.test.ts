import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvUnreadableError, csvSheetName, decodeText, readCsv, sniffDelimiter } from '../../src/io/read/read-csv.js';
import { valuesOf } from './make-files.js';

const TEXT =
  '活动名称,开始日期,预计参与人数,联系电话\r\n"社区防灾减灾科普讲座,第一场",9月18日,200,0553-5864150\r\n青少年科技营,2023/9/19,"1,200",13956781234\r\n';
const EXPECTED = [
  ['活动名称', '开始日期', '预计参与人数', '联系电话'],
  ['社区防灾减灾科普讲座,第一场', '9月18日', '200', '0553-5864150'],
  ['青少年科技营', '2023/9/19', '1,200', '13956781234'],
];

describe('readCsv', () => {
  it('reads UTF-8, with or without BOM, every cell as text', () => {
    for (const bytes of [Buffer.from(TEXT), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])]) {
      const wb = readCsv(bytes, 'in/附件2-官陡街道.csv');
      expect(wb.format).toBe('csv');
      expect(wb.sheets).toHaveLength(1);
      expect(wb.sheets[0].name).toBe('附件2-官陡街道');
      expect(valuesOf(wb.sheets[0].rows)).toEqual(EXPECTED);
      expect(wb.sheets[0].rows[1][2]).toEqual({ t: 's', v: '200' });
    }
  });

  it('reads GBK and GB18030 (a four-byte character included)', () => {
    const wb = readCsv(iconv.encode(TEXT, 'gbk'), 'gbk.csv');
    expect(valuesOf(wb.sheets[0].rows)).toEqual(EXPECTED);
    const rare = '活动名称,主办单位\n讲座,𠮷野家科普站\n';
    expect(decodeText(iconv.encode(rare, 'gb18030'))).toMatchObject({ ok: true, encoding: 'gb18030', text: rare });
  });

  it('reads Excel\'s "Unicode text" export: UTF-16 LE with tabs', () => {
    const tsv = '活动名称\t开始日期\r\n科普讲座\t9月18日\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    expect(valuesOf(readCsv(bytes, 'u.txt').sheets[0].rows)).toEqual([
      ['活动名称', '开始日期'],
      ['科普讲座', '9月18日'],
    ]);
  });

  it('sniffs comma, tab and semicolon delimiters', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('名称\t日期\t地点\n讲座,第一场\t9月18日\t官陡\n')).toBe('\t');
    expect(sniffDelimiter('名称;日期\n讲座;9,18\n')).toBe(';');
    expect(sniffDelimiter('只有一列\n第二行\n')).toBe(',');
  });

  it('keeps the row positions (blank lines stay rows), drops trailing blank rows', () => {
    const wb = readCsv(Buffer.from('标题\n\n活动名称,日期\n讲座,9月18日\n\n\n'), 'x.csv');
    expect(valuesOf(wb.sheets[0].rows)).toEqual([['标题'], [''], ['活动名称', '日期'], ['讲座', '9月18日']]);
  });

  it('tolerates an unbalanced quote rather than failing', () => {
    const wb = readCsv(Buffer.from('名称,备注\n讲座,"未闭合\n展览,好\n'), 'x.csv');
    expect(wb.sheets[0].rows[0]).toEqual([
      { t: 's', v: '名称' },
      { t: 's', v: '备注' },
    ]);
  });

  it('never decodes garbage silently: unreadable with a reason', () => {
    // bytes that are neither UTF-8 nor sensible GB18030: private-use and control characters
    const junk = Buffer.alloc(400);
    for (let i = 0; i < junk.length; i++) junk[i] = i % 2 === 0 ? 0xfe : 0x30 + (i % 10);
    for (let i = 5; i < junk.length; i += 17) junk[i] = 0x01;
    expect(() => readCsv(junk, 'junk.csv')).toThrow(CsvUnreadableError);
    expect(decodeText(junk)).toMatchObject({ ok: false });
  });

  it('names the sheet after the file or the attachment', () => {
    expect(csvSheetName('收件箱/a.eml#附件2(教体局).csv')).toBe('附件2(教体局)');
    expect(csvSheetName('C:\\报送\\活动.txt')).toBe('活动');
    expect(csvSheetName('.csv')).toBe('Sheet1');
  });
});
