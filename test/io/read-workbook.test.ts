import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REASON_ABNORMAL, closeReadChild, readWorkbook } from '../../src/io/read/read-workbook.js';
import { patchZip, rawXlsx, sheetjsBook, valuesOf, writeBook, zipOf } from './make-files.js';

const REPO = path.resolve(import.meta.dirname, '../..');
import { CALAMINE as CORPUS, itCorpus } from '../helpers/corpus.js';
/** The compiled worker; `npm test` builds dist/ before running vitest. */
const DIST_CHILD = path.join(REPO, 'dist/io/read/isolation/read-child.js');

afterAll(() => closeReadChild());

const schedule = () =>
  sheetjsBook([
    {
      name: '活动安排表',
      aoa: [
        ['活动名称', '开始日期', '时段', '人数', '已发布', '备注'],
        ['社区防灾减灾科普讲座', 0, 0, 200, true, null],
      ],
      merges: ['A1:A1', 'E1:F1'],
      cells: { B2: { t: 'n', v: 45187, z: 'yyyy-mm-dd' }, C2: { t: 'n', v: 0.375, z: 'h:mm' }, F2: { t: 'e', v: 0x07 } },
    },
    { name: '列表', aoa: [['区主场活动']], hidden: 2 },
  ]);

/** An .ods whose single row and cell repeat 999,999,999 times: SheetJS loops for minutes on it. */
async function hostileOds(): Promise<Buffer> {
  return zipOf({
    mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
    'content.xml':
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="999999999"><table:table-cell table:number-columns-repeated="999999999" office:value-type="string"><text:p>X</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
    'styles.xml':
      '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"></office:document-styles>',
    'META-INF/manifest.xml':
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
  });
}

describe('readWorkbook (in-process under vitest)', () => {
  it('reads every spreadsheet format, decided by content', async () => {
    for (const [bookType, format] of [
      ['xlsx', 'xlsx'],
      ['xlsm', 'xlsm'],
      ['xlsb', 'xlsb'],
      ['biff8', 'xls'],
      ['ods', 'ods'],
      ['csv', 'csv'],
    ] as const) {
      const r = await readWorkbook(writeBook(schedule(), bookType), `随便起的名字.${bookType === 'csv' ? 'xlsx' : 'csv'}`);
      expect([bookType, r.ok && r.workbook.format]).toEqual([bookType, format]);
      if (r.ok && format !== 'csv') expect(r.workbook.sheets[0].rows[1][1]).toEqual({ t: 'd', v: '2023-09-18' });
    }
  });

  it('labels an OLE/BIFF8 file named .et (WPS) as et', async () => {
    const bytes = writeBook(schedule(), 'biff8');
    expect(await readWorkbook(bytes, '收件箱/a.eml#活动安排表.et')).toMatchObject({ ok: true, workbook: { format: 'et' } });
    expect(await readWorkbook(bytes, '活动安排表.xls')).toMatchObject({ ok: true, workbook: { format: 'xls' } });
  });

  it('falls back to SheetJS when exceljs cannot read the file faithfully', async () => {
    const bytes = await rawXlsx({ sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sharedStrings: ['活动名称'] });
    // shared strings where exceljs does not look: it would return the index 0
    const renamed = await patchZip(
      bytes,
      {
        '[Content_Types].xml': (x) => x.replace('/xl/sharedStrings.xml', '/xl/SharedStrings.xml'),
        'xl/_rels/workbook.xml.rels': (x) => x.replace('Target="sharedStrings.xml"', 'Target="SharedStrings.xml"'),
      },
      { 'xl/sharedStrings.xml': 'xl/SharedStrings.xml' },
    );
    const r = await readWorkbook(renamed, 'x.xlsx');
    expect(r.ok && valuesOf(r.workbook.sheets[0].rows)).toEqual([['活动名称']]);
  });

  itCorpus('falls back to SheetJS on a corpus file exceljs throws on', async () => {
    const rich = await readWorkbook(readFileSync(path.join(CORPUS, 'richtext-after-plain.xlsx')), 'r.xlsx');
    expect(rich.ok).toBe(true);
  });

  it('reports what it does not read, with the right finding', async () => {
    const eml = Buffer.from('From: unit@example.cn\r\nSubject: 活动安排表\r\nMIME-Version: 1.0\r\n\r\nbody');
    expect(await readWorkbook(eml, 'a.eml')).toEqual({
      ok: false,
      findings: [expect.objectContaining({ code: 'file-unsupported', severity: 'warning', file: 'a.eml', params: { what: '电子邮件' } })],
    });
    const zip = await zipOf({ 'a.xlsx': writeBook(schedule(), 'xlsx') });
    expect(await readWorkbook(zip, 'all.zip')).toMatchObject({ ok: false, findings: [{ code: 'file-unsupported', params: { what: '压缩包' } }] });
    expect(await readWorkbook(Buffer.from('%PDF-1.5\n'), 'x.xlsx')).toMatchObject({
      ok: false,
      findings: [{ code: 'file-unsupported', params: { what: 'PDF 文件' } }],
    });
    expect(await readWorkbook(Buffer.alloc(0), 'empty.xlsx')).toMatchObject({ ok: false, findings: [{ code: 'file-unsupported' }] });
  });

  itCorpus('reports password-protected corpus workbooks as encrypted', async () => {
    for (const f of ['pass_protected.xlsx', 'pass_protected.xlsb', 'pass_protected.ods']) {
      expect([f, await readWorkbook(readFileSync(path.join(CORPUS, f)), f)]).toMatchObject([
        f,
        { ok: false, findings: [{ code: 'file-encrypted', severity: 'error' }] },
      ]);
    }
    // RC4-encrypted with Excel's default key (VelvetSweatshop), as Excel opens it: no password asked
    expect(await readWorkbook(readFileSync(path.join(CORPUS, 'issue_385.xls')), 'issue_385.xls')).toMatchObject({
      ok: true,
      workbook: { format: 'xls', sheets: [{ name: 'Sheet1' }] },
    });
  });

  it('applies the size caps before parsing', async () => {
    expect(await readWorkbook(Buffer.alloc(50 * 1024 * 1024 + 1), 'huge.xlsx')).toMatchObject({ ok: false, findings: [{ code: 'file-too-large' }] });
    const bomb = await patchZip(writeBook(schedule(), 'xlsx'), { 'xl/sharedStrings.xml': ' '.repeat(11 * 1024 * 1024) });
    expect(await readWorkbook(bomb, 'bomb.xlsx')).toMatchObject({
      ok: false,
      findings: [{ code: 'file-too-large', params: { reason: expect.stringContaining('压缩比') } }],
    });
  });

  it('never throws: corrupt and truncated inputs are unreadable, with a short Chinese reason', async () => {
    const xlsx = writeBook(schedule(), 'xlsx');
    const xls = writeBook(schedule(), 'biff8');
    const ole = Buffer.concat([xls.subarray(0, 512), Buffer.alloc(4096, 0xff)]);
    for (const [name, bytes] of [
      ['truncated.xlsx', xlsx.subarray(0, xlsx.length >> 1)],
      ['truncated.xls', xls.subarray(0, xls.length >> 1)],
      ['broken-ole.xls', ole],
      ['pk.xlsx', Buffer.from('PK\x03\x04')],
    ] as const) {
      const r = await readWorkbook(Buffer.from(bytes), name);
      expect([name, r.ok]).toEqual([name, false]);
      if (!r.ok) {
        expect(r.findings).toHaveLength(1);
        expect(['file-unreadable', 'file-unsupported']).toContain(r.findings[0].code);
        if (r.findings[0].code === 'file-unreadable') expect(String(r.findings[0].params?.reason)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // text to the byte sniffer, but neither UTF-8 nor sensible GBK (user-defined area, U+E000…)
    const junk = Buffer.concat([Buffer.from('a,b\n'), Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0xaa : 0xa1)))]);
    const r = await readWorkbook(junk, 'junk.csv');
    expect(r).toMatchObject({ ok: false, findings: [{ code: 'file-unreadable', params: { reason: expect.stringContaining('编码') } }] });
  });
});

describe('readWorkbook in the worker (dist/io/read/isolation/read-child.js)', () => {
  const childUrl = pathToFileURL(DIST_CHILD);

  it('gives exactly the in-process result', async () => {
    for (const bookType of ['xlsx', 'biff8', 'ods', 'csv'] as const) {
      const bytes = writeBook(schedule(), bookType);
      const inProcess = await readWorkbook(bytes, 'a', { isolate: false });
      const isolated = await readWorkbook(bytes, 'a', { isolate: true, childUrl });
      expect([bookType, isolated]).toEqual([bookType, inProcess]);
    }
  });

  it('stops a parse that does not end, and the next file reads on a fresh worker', async () => {
    const t0 = performance.now();
    const r = await readWorkbook(await hostileOds(), 'dos.ods', { isolate: true, childUrl, timeoutMs: 3000 });
    expect(performance.now() - t0).toBeLessThan(8000);
    expect(r).toEqual({
      ok: false,
      findings: [expect.objectContaining({ code: 'file-unreadable', file: 'dos.ods', params: { reason: REASON_ABNORMAL } })],
    });
    const next = await readWorkbook(writeBook(schedule(), 'xlsx'), 'ok.xlsx', { isolate: true, childUrl });
    expect(next.ok).toBe(true);
  }, 20_000);

  it('serves concurrent reads one at a time, each with its own result', async () => {
    const names = ['甲', '乙', '丙', '丁', '戊'];
    const results = await Promise.all(
      names.map((n) => readWorkbook(writeBook(sheetjsBook([{ name: n, aoa: [[n]] }]), 'xlsx'), `${n}.xlsx`, { isolate: true, childUrl })),
    );
    expect(results.map((r) => r.ok && r.workbook.sheets[0].name)).toEqual(names);
  });
});
