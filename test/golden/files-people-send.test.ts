/**
 * Issue 13, "Files people send": files of fixtures/sent/ (scripts/make-sent-fixtures.mjs), each
 * the perfect submission of fixtures/validate/ as some tool or person saved it — encrypted with
 * Excel's default key, an .ods whose mimetype is missing or last, CSV in UTF-16/UTF-32 with and
 * without a BOM, an .xlsx whose parts are UTF-16. Golden: the flattened [file, cell, code] lists
 * of expected.json; and each must give the same activities as the file it was made from.
 */
import { CALAMINE, itCorpus } from '../helpers/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze-workbook.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { buildValidateReport, validateWorkbook } from '../../src/core/validate-files.js';
import { collectInputs } from '../../src/io/inputs/collect-inputs.js';
import { readInputFile } from '../../src/io/read/read-input-file.js';
import { closeReadChild, readWorkbook } from '../../src/io/read/read-workbook.js';
import { readXlsx } from '../../src/io/read/read-xlsx-exceljs.js';
import { readXlsxFast } from '../../src/io/read/read-xlsx-fast.js';
import { classifyInput, looksLikeText, unicodeTextEncoding } from '../../src/io/read/sniff-format.js';
import { zipOf } from '../io/make-files.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(REPO, 'fixtures/sent');
const VALIDATE = path.join(REPO, 'fixtures/validate');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, [string | null, string][]>;
const files = Object.keys(expected);
const rules = defaultRules();

afterAll(() => closeReadChild());

/** What each fixture was made from (make-sent-fixtures.mjs). */
function sourceOf(file: string): string {
  if (file.endsWith('.ods')) return 'valid-template.ods';
  if (file.endsWith('.csv')) return 'valid-template-utf8bom.csv';
  if (file.endsWith('.xls')) return 'valid-template.xls';
  return 'valid-template.xlsx';
}

async function activities(dir: string, file: string): Promise<unknown[]> {
  const outcome = await readInputFile(path.join(dir, file));
  expect(outcome.workbook, `${file} read`).toBeDefined();
  return analyzeWorkbook(outcome.workbook!, 'x', rules).rows.map((r) => r.activity.values);
}

describe('files people send: golden findings (validate)', () => {
  it('the set covers default-key and real-password encryption, odd .ods packages, UTF-16/32 text and UTF-16 parts', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'default-key-agile.xlsx',
        'default-key-standard.xlsx',
        'real-password.xlsx',
        'default-key-rc4.xls',
        'real-password-rc4.xls',
        'ods-no-mimetype.ods',
        'ods-mimetype-last.ods',
        'utf16le-no-bom.csv',
        'utf16be-no-bom.csv',
        'utf32le-bom.csv',
        'utf32be-bom.csv',
        'utf32le-no-bom.csv',
        'utf16-parts.xlsx',
      ]),
    );
  });

  it.each(files)(
    '%s',
    async (file) => {
      const shown = path.relative(process.cwd(), path.join(DIR, file));
      const result = validateWorkbook(await readInputFile(shown), rules);
      const report = buildValidateReport([result], rules, 'zh');
      const got = report.findings.map((f) => JSON.stringify([f.file, f.cell, f.code])).sort();
      expect(got).toEqual(expected[file].map(([cell, code]) => JSON.stringify([shown, cell, code])).sort());
    },
    20_000,
  );

  it.each(files.filter((f) => expected[f].length === 0))(
    '%s gives the same activities as the file it was made from',
    async (file) => {
      const want = await activities(VALIDATE, sourceOf(file));
      expect(want.length).toBe(5);
      expect(await activities(DIR, file)).toEqual(want);
    },
    20_000,
  );
});

describe('item 7: Excel default key', () => {
  it('only a real password is file-encrypted; the default key opens the workbook', async () => {
    const real = await readWorkbook(readFileSync(path.join(DIR, 'real-password.xlsx')), 'real-password.xlsx');
    expect(real.ok ? [] : real.findings.map((f) => f.code)).toEqual(['file-encrypted']);
    const agile = await readWorkbook(readFileSync(path.join(DIR, 'default-key-agile.xlsx')), 'a.xlsx');
    expect(agile.ok && agile.workbook.format).toBe('xlsx');
  }, 20_000);

  itCorpus('an .xls RC4-encrypted with the default key opens (calamine corpus issue_385.xls)', async () => {
    const file = path.join(CALAMINE, 'issue_385.xls');
    const r = await readWorkbook(readFileSync(file), 'issue_385.xls');
    expect(r).toMatchObject({ ok: true, workbook: { format: 'xls', sheets: [{ name: 'Sheet1', rows: [] }] } });
  });

  it('a file asking for more key-derivation rounds than Excel writes is not tried', async () => {
    const { decryptWithDefaultKey, MAX_SPIN_COUNT } = await import('../../src/io/read/decrypt-default-key.js');
    const agile = readFileSync(path.join(DIR, 'default-key-agile.xlsx'));
    // the spinCount attribute sits in the EncryptionInfo stream, stored as is in the compound file
    const text = agile.toString('latin1');
    const at = text.indexOf('spinCount="100000"');
    expect(at).toBeGreaterThan(0);
    const hostile = Buffer.from(agile);
    hostile.write('spinCount="999999"', at, 'latin1');
    expect(999_999).toBeGreaterThan(MAX_SPIN_COUNT);
    expect(await decryptWithDefaultKey(hostile)).toBeUndefined();
    expect(await decryptWithDefaultKey(agile)).toBeInstanceOf(Buffer);
  }, 20_000);
});

describe('item 8: .ods without a usable mimetype is an .ods, never a zip to unpack', () => {
  const manifest = (type: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:media-type="${type}" manifest:full-path="/"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  const content = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body>${body}</office:body></office:document-content>`;

  it('classifies by the manifest, or by content.xml when the manifest is silent', async () => {
    const ods = 'application/vnd.oasis.opendocument.spreadsheet';
    const cases: [Record<string, string>, string][] = [
      [{ 'content.xml': content('<office:spreadsheet/>'), 'META-INF/manifest.xml': manifest(ods) }, 'ods'],
      [{ 'META-INF/manifest.xml': manifest(ods), 'content.xml': content('<office:spreadsheet/>'), mimetype: ods }, 'ods'],
      [{ 'content.xml': content('<office:spreadsheet/>'), 'META-INF/manifest.xml': manifest('') }, 'ods'],
      [{ 'content.xml': content('<office:text/>'), 'META-INF/manifest.xml': manifest('application/vnd.oasis.opendocument.text') }, 'unsupported'],
      [{ 'content.xml': content('<office:text/>'), 'META-INF/manifest.xml': manifest('') }, 'unsupported'],
      [{ 'a.xlsx': 'x', 'b/content.xml': 'y' }, 'zip'],
    ];
    for (const [entries, want] of cases) {
      const cls = classifyInput(await zipOf(entries));
      expect([Object.keys(entries).join(','), cls.kind === 'spreadsheet' ? cls.format : cls.kind]).toEqual([Object.keys(entries).join(','), want]);
    }
  });

  it('a merge takes each such .ods as one input, never its members', async () => {
    const { items, findings } = await collectInputs([path.join(DIR, 'ods-no-mimetype.ods'), path.join(DIR, 'ods-mimetype-last.ods')], {});
    expect(findings).toEqual([]);
    expect(items.map((i) => i.name)).toEqual(['ods-no-mimetype.ods', 'ods-mimetype-last.ods']);
  });
});

describe('item 11: UTF-16/32 text and UTF-16 parts', () => {
  it('tells UTF-16/32 by BOM or NUL pattern, and never takes binary with NULs for text', () => {
    const text = '活动名称,开始日期\r\n社区科普讲座,2023/9/18\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(unicodeTextEncoding(le)).toEqual({ encoding: 'utf-16le', bom: 0 });
    expect(unicodeTextEncoding(be)).toEqual({ encoding: 'utf-16be', bom: 0 });
    expect(unicodeTextEncoding(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.alloc(4)]))?.encoding).toBe('utf-32le');
    expect(unicodeTextEncoding(Buffer.from('活动名称,开始日期\n', 'utf8'))).toBeUndefined();
    // a PNG-like binary and a run of NULs are not text
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 7 === 0 ? 0 : (i * 37) % 256)));
    expect(looksLikeText(binary)).toBe(false);
    expect(looksLikeText(Buffer.alloc(1024))).toBe(false);
    expect(classifyInput(le)).toEqual({ kind: 'spreadsheet', format: 'csv' });
  });

  it('the fast reader reads UTF-16 parts exactly as exceljs reads the same package in UTF-8', async () => {
    const fast = readXlsxFast(readFileSync(path.join(DIR, 'utf16-parts.xlsx')));
    const slow = await readXlsx(readFileSync(path.join(VALIDATE, 'valid-template.xlsx')));
    expect(JSON.parse(JSON.stringify(fast))).toEqual(JSON.parse(JSON.stringify(slow)));
  });
});
