/**
 * Differential test of the fast .xlsx reader (issue 6, item 3): on every .xlsx/.xlsm we have —
 * the validate fixtures, the example inbox (attachments inside .eml and .zip included), the
 * template, the corpus, and workbooks built here to hit each branch — `readXlsxFast` must give
 * exactly what exceljs (`readXlsx`) gives: the same sheets, names, states, cells (type, value,
 * number format, dates) and merged ranges. Where it declines, exceljs reads the file; where
 * exceljs cannot read a file, the fast reader must decline too, so the SheetJS fallback sees the
 * same files as before.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/table.js';
import { collectInputs } from '../../src/io/inputs/collect-inputs.js';
import { FastReadDeclined, readXlsxFast } from '../../src/io/read/read-xlsx-fast.js';
import { readXlsx } from '../../src/io/read/read-xlsx-exceljs.js';
import { classifyInput } from '../../src/io/read/sniff-format.js';
import { writeXlsxParts, type XlsxParts } from '../helpers/xlsx-parts.js';

const REPO = path.resolve(import.meta.dirname, '../..');
import { CALAMINE as CORPUS, itCorpus } from '../helpers/corpus.js';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

type Outcome = { ok: true; workbook: Workbook } | { ok: false; error: string };

async function viaExcelJs(bytes: Buffer, format: 'xlsx' | 'xlsm'): Promise<Outcome> {
  try {
    return { ok: true, workbook: await readXlsx(bytes, format) };
  } catch (err) {
    return { ok: false, error: String(err) };
  }
}

function viaFast(bytes: Buffer, format: 'xlsx' | 'xlsm'): Outcome | 'declined' {
  try {
    return { ok: true, workbook: readXlsxFast(bytes, format) };
  } catch (err) {
    if (err instanceof FastReadDeclined) return 'declined';
    return { ok: false, error: String(err) };
  }
}

interface Tally {
  same: string[];
  declined: string[];
}

/** Compare one file; returns 'same' or 'declined' (or fails the test). */
async function compare(label: string, bytes: Buffer, tally: Tally): Promise<void> {
  const cls = classifyInput(bytes);
  if (cls.kind !== 'spreadsheet' || (cls.format !== 'xlsx' && cls.format !== 'xlsm')) return;
  const format = cls.format;
  const slow = await viaExcelJs(bytes, format);
  const fast = viaFast(bytes, format);
  if (fast === 'declined') {
    tally.declined.push(label);
    return;
  }
  // the fast reader never fails other than by declining
  expect(fast.ok ? 'ok' : fast.error, label).toBe('ok');
  // it never reads a file exceljs refuses (those go to SheetJS, as before)
  expect(slow.ok ? 'ok' : slow.error, label).toBe('ok');
  if (fast.ok && slow.ok) {
    expect(JSON.parse(JSON.stringify(fast.workbook)), label).toEqual(JSON.parse(JSON.stringify(slow.workbook)));
    // undefined vs missing holes survive JSON equally; check the sparse shape directly too
    fast.workbook.sheets.forEach((s, i) => {
      expect(s.rows.length, `${label} ${s.name} rows`).toBe(slow.workbook.sheets[i].rows.length);
      s.rows.forEach((r, j) => expect(r.length, `${label} ${s.name} row ${j + 1}`).toBe(slow.workbook.sheets[i].rows[j].length));
    });
  }
  tally.same.push(label);
}

describe('fast xlsx reader = exceljs', () => {
  it('on every fixture workbook (validate fixtures, template, roster, bench-style files)', async () => {
    const tally: Tally = { same: [], declined: [] };
    // fixtures/sent/utf16-parts.xlsx has UTF-16 parts, which exceljs refuses: its own test compares it with the UTF-8 original
    const files = [...walk(path.join(REPO, 'fixtures')), ...walk(path.join(REPO, 'templates'))].filter(
      (f) => /\.(xlsx|xlsm)$/i.test(f) && !f.endsWith('utf16-parts.xlsx'),
    );
    for (const f of files) await compare(path.relative(REPO, f), readFileSync(f), tally);
    // every fixture of ours is in the fast reader's subset, except the deliberately truncated ones
    expect(tally.declined).toEqual(['fixtures/inbox/新建 Microsoft Excel 工作表.xlsx', 'fixtures/validate/file-unreadable-truncated.xlsx']);
    expect(tally.same.length).toBeGreaterThan(40);
  });

  it('on every workbook of the example inbox, attachments and zip members included', async () => {
    const tally: Tally = { same: [], declined: [] };
    const { items } = await collectInputs([path.join(REPO, 'fixtures/inbox')], {});
    for (const item of items) await compare(path.relative(REPO, item.path), await item.readBytes(), tally);
    expect(tally.declined).toEqual(['fixtures/inbox/新建 Microsoft Excel 工作表.xlsx']);
    expect(tally.same.length).toBeGreaterThanOrEqual(8);
  });

  itCorpus(
    'on every .xlsx/.xlsm of the corpus (declining only where listed)',
    async () => {
      const tally: Tally = { same: [], declined: [] };
      const files = walk(CORPUS);
      expect(files.length, 'the corpus must be present beside the repository').toBeGreaterThan(100);
      for (const f of files) await compare(path.basename(f), readFileSync(f), tally);
      expect(tally.same.length).toBeGreaterThan(50);
      // pinned so a change in what is declined is seen (each is read by exceljs instead)
      expect(tally.declined.sort()).toEqual(DECLINED_IN_CORPUS);
    },
    120_000,
  );
});

/** Corpus files the fast reader hands to exceljs, and why (see the decline reasons in read-xlsx-fast.ts). */
const DECLINED_IN_CORPUS: string[] = [
  'inlineStr_cdata.xlsx', // CDATA: exceljs reads it (as empty text); the fast reader does not try
  // exceljs cannot read these either (the fallback then goes on to SheetJS, as before)
  'inlineStr_with_value.xlsx',
  'issue221.xlsm',
  'issue252.xlsx',
  'issue_261.xlsx',
  'issue_419.xlsx',
  'issue_530.xlsx',
  'minimal_package.xlsx',
  'non_monotonic_si.xlsx',
  'nonstandard-xml-ns-prefix.xlsx',
  'richtext-after-plain.xlsx',
  'richtext-namespaced.xlsx',
];

const XF = (ids: number[], numFmts = '') =>
  `${numFmts}<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>` +
  `<cellXfs count="${ids.length}">${ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>` +
  '<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.000"/></dxf></dxfs>';
const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
const data = (...rows: string[]) => `<sheetData>${rows.join('')}</sheetData>`;

/** Each case hits branches of the fast reader; the comparison with exceljs is the assertion. */
const CASES: Record<string, XlsxParts> = {
  'shared strings: plain, preserved spaces, rich runs, phonetic runs, empty items, escapes, entities': {
    sharedStrings: [
      '<si><t>活动名称</t></si>',
      '<si><t xml:space="preserve">  前后空格  </t></si>',
      '<si><r><rPr><b/><sz val="11"/></rPr><t>加粗</t></r><r><t xml:space="preserve"> 普通</t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si/>',
      '<si><t/></si>',
      '<si><t>a_x000D_b_x000d_c</t></si>',
      '<si><t>&lt;&amp;&gt;&quot;&apos;&#x4E2D;&#25991;</t></si>',
      '<si><t>line1\r\nline2\rline3</t></si>',
      '<si><r><t></t></r></si>',
      '<si>\n  <t>pretty</t>\n</si>',
    ],
    sheets: [
      { name: 'S', body: data(row(1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join(''))) },
    ],
  },
  'inline strings, t="str" double decoding, booleans, errors, numbers with spaces': {
    sheets: [
      {
        name: 'S',
        body: data(
          row(
            1,
            '<c r="A1" t="inlineStr"><is><t>内联 _x000a_ 文本</t></is></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c><c r="C1" t="inlineStr"><is><t/></is></c>',
          ),
          row(
            2,
            '<c r="A2" t="str"><v>a &amp;amp; b</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2"><v> 42 </v></c><c r="F2"><v>abc</v></c>',
          ),
          row(3, '<c r="A3" t="n"><v>1.5E3</v></c><c r="B3" t="b"><v>true</v></c><c r="C3"><v></v></c><c r="D3" t="inlineStr"></c>'),
        ),
      },
    ],
  },
  'formulas: cached 0/false/empty, strings, shared-string results, errors, shared formulas, no result': {
    sharedStrings: ['<si><t>共享结果</t></si>'],
    sheets: [
      {
        name: 'S',
        body: data(
          row(
            1,
            '<c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>',
          ),
          row(
            2,
            '<c r="A2" t="s"><f>A9</f><v>0</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">A1+1</f><v>1</v></c>',
          ),
          row(3, '<c r="C3"><f t="shared" si="0"/><v>2</v></c><c r="D3"><f>NOW()</f></c><c r="E3" t="str"><f>A1</f><v>1_x000D_2</v></c>'),
        ),
      },
    ],
  },
  'dates: built-in, zh-CN built-in, custom, time-only, t="d", errors and text under date formats': {
    styles: XF(
      [0, 14, 31, 176, 177, 20, 46, 58, 22, 178],
      '<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/><numFmt numFmtId="178" formatCode="0.00_ "/></numFmts>',
    ),
    sheets: [
      {
        name: 'S',
        body: data(
          row(
            1,
            '<c r="A1" s="1"><v>45181</v></c><c r="B1" s="2"><v>45181</v></c><c r="C1" s="3"><v>45181.5</v></c><c r="D1" s="4"><v>45182</v></c><c r="E1" s="5"><v>0.5625</v></c><c r="F1" s="6"><v>1.25</v></c><c r="G1" s="7"><v>45181</v></c><c r="H1" s="8"><v>45181.75</v></c><c r="I1" s="9"><v>12.5</v></c>',
          ),
          row(
            2,
            '<c r="A2" t="d"><v>2023-09-16</v></c><c r="B2" t="d" s="1"><v>2023-09-17T09:30:00</v></c><c r="C2" t="d"><v>not a date</v></c><c r="D2" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" s="1" t="str"><f>"文本"</f><v>文本</v></c><c r="F2" s="1"><v>-5</v></c><c r="G2" s="1"><v>3000000</v></c>',
          ),
          row(
            3,
            '<c r="A3" s="0"><v>45181</v></c><c r="B3" s="99"><v>45181</v></c><c r="C3" s="1" t="b"><f>TRUE</f><v>1</v></c><c r="D3" s="1"><f>A1</f><v>45181</v></c><c r="E3" s="1"/>',
          ),
        ),
      },
    ],
  },
  '1904 date system written as "1"': {
    workbookPr: 'date1904="1"',
    styles: XF([0, 14]),
    sheets: [{ name: 'S', body: data(row(1, '<c r="A1" s="1"><v>43719</v></c><c r="B1" s="1" t="d"><v>2023-09-16</v></c>')) }],
  },
  '1904 date system written as "true" (exceljs misses it; both must shift)': {
    workbookPr: 'date1904="true"',
    styles: XF([0, 14, 20]),
    sheets: [{ name: 'S', body: data(row(1, '<c r="A1" s="1"><v>43719</v></c><c r="B1" s="2"><v>0.25</v></c><c r="C1" s="1"><f>A1</f><v>43720</v></c>')) }],
  },
  'sheets: hidden, very hidden, merges (clipped), empty sheet, self-closing rows, cells without r, styled blanks': {
    sharedStrings: ['<si><t>x</t></si>'],
    styles: XF([0, 0]),
    sheets: [
      {
        name: '附件2 活动安排表',
        body:
          data(
            row(1, '<c r="A1" t="s"><v>0</v></c><c t="s"><v>0</v></c><c s="1"/><c><v>7</v></c>'),
            '<row r="2" spans="1:3"/>',
            row(4, '<c r="B4"/><c r="C4" s="1"/><c><v>8</v></c>'),
            row(6, '\n    <c r="A6">\n      <v>9</v>\n    </c>\n  '),
          ) + '<mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="A4:A40"/><mergeCell ref="Z1:ZZ9"/></mergeCells>',
      },
      { name: 'hidden', state: 'hidden', body: data(row(1, '<c r="A1"><v>1</v></c>')) },
      { name: 'very', state: 'veryHidden', body: '<sheetData/>' },
      { name: 'none', body: '<dimension ref="A1"/>' },
    ],
  },
};

describe('fast xlsx reader: constructed cases', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const bytes = writeXlsxParts(CASES[name]);
    const tally: Tally = { same: [], declined: [] };
    await compare(name, bytes, tally);
    expect(tally.same).toEqual([name]);
  });

  it.each([
    ['a DTD', { sheets: [{ name: 'S', body: data(row(1, '<c r="A1"><v>1</v></c>')) }], sharedStrings: ['<si><t>&custom;</t></si>'] }],
    ['an unknown entity', { sheets: [{ name: 'S', body: data(row(1, '<c r="A1" t="str"><v>&nbsp;</v></c>')) }] }],
    ['a comment in sheetData', { sheets: [{ name: 'S', body: data('<!-- x -->', row(1, '<c r="A1"><v>1</v></c>')) }] }],
    ['rows out of order', { sheets: [{ name: 'S', body: data(row(2, '<c r="A2"><v>1</v></c>'), row(1, '<c r="A1"><v>1</v></c>')) }] }],
    ['a cell address in another row', { sheets: [{ name: 'S', body: data(row(1, '<c r="A2"><v>1</v></c>')) }] }],
    [
      'a phonetic run inside a cell',
      { sheets: [{ name: 'S', body: data(row(1, '<c r="A1" t="inlineStr"><is><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></is></c>')) }] },
    ],
  ] as [string, XlsxParts][])('declines %s (exceljs reads it instead)', (_name, parts) => {
    expect(() => readXlsxFast(writeXlsxParts(parts))).toThrow(FastReadDeclined);
  });
});
