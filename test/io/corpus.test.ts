/**
 * Every file of the calamine corpus (real files from Excel, LibreOffice, WPS, Google Sheets and
 * libraries, some built to exhaust memory): readWorkbook answers within 10 s, never throws, and
 * gives the outcome pinned here. When the compiled worker exists (dist/, built by `npm test`),
 * the isolated path must give exactly the in-process result for every file.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeReadChild, readWorkbook, type ReadWorkbookResult } from '../../src/io/read/read-workbook.js';

const REPO = path.resolve(import.meta.dirname, '../..');
import { CALAMINE as CORPUS, describeCorpus, itCorpus } from '../helpers/corpus.js';
const DIST_CHILD = path.join(REPO, 'dist/io/read/isolation/read-child.js');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).sort() : [];

/** Files that do not read as a workbook, and why. Everything else must read. */
const NOT_OK: Record<string, { code: string; params?: Record<string, string> }> = {
  'OOM_alloc3.xls': { code: 'file-unreadable' },
  'issue_594_dos.ods': { code: 'file-unreadable' },
  // issue_385.xls is RC4-encrypted with Excel's default key (VelvetSweatshop): it opens (issue 13 item 7)
  'pass_protected.ods': { code: 'file-encrypted' },
  'pass_protected.xlsb': { code: 'file-encrypted' },
  'pass_protected.xlsx': { code: 'file-encrypted' },
  'picture.jpg': { code: 'file-unsupported', params: { what: '图片' } },
  'picture.png': { code: 'file-unsupported', params: { what: '图片' } },
};

afterAll(() => closeReadChild());

const results = new Map<string, ReadWorkbookResult>();

async function timedRead(file: string, options: Parameters<typeof readWorkbook>[2] = {}): Promise<[ReadWorkbookResult, number]> {
  const bytes = readFileSync(path.join(CORPUS, file));
  const t0 = performance.now();
  const r = await readWorkbook(bytes, file, options);
  return [r, performance.now() - t0];
}

describeCorpus('calamine corpus', () => {
  it.each(files)(
    '%s',
    async (file) => {
      const [r, ms] = await timedRead(file);
      results.set(file, r);
      expect(ms).toBeLessThan(10_000);
      const expected = NOT_OK[file];
      if (expected) {
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.findings).toHaveLength(1);
          expect(r.findings[0]).toMatchObject({ file, ...expected });
        }
      } else {
        expect(r.ok ? 'ok' : r.findings.map((f) => `${f.code} ${JSON.stringify(f.params)}`)).toBe('ok');
        if (r.ok) {
          for (const sheet of r.workbook.sheets) {
            expect(Array.isArray(sheet.rows)).toBe(true);
            for (const row of sheet.rows) expect(Array.isArray(row)).toBe(true);
          }
        }
      }
    },
    15_000,
  );

  it('reads the same dates from every date file, whatever its format and date system', async () => {
    for (const f of ['date.xlsx', 'date_1904.xlsx', 'date.xls', 'date_1904.xls', 'date.xlsb', 'date_1904.xlsb', 'date.ods']) {
      const [r] = await timedRead(f);
      expect([f, r.ok && r.workbook.sheets[0].rows[0][0]]).toEqual([f, { t: 'd', v: '2021-01-01' }]);
    }
  });

  it('reports hidden sheets and merges across formats', async () => {
    for (const f of ['any_sheets.xlsx', 'any_sheets.xls', 'any_sheets.xlsb', 'any_sheets.ods']) {
      const [r] = await timedRead(f);
      const hidden = r.ok ? r.workbook.sheets.filter((s) => s.hidden).map((s) => s.name) : [];
      expect([f, hidden]).toEqual([f, ['Hidden', 'VeryHidden']]);
    }
    for (const f of ['merged_range.xlsx', 'merged_range.xls']) {
      const [r] = await timedRead(f);
      expect([f, r.ok && r.workbook.sheets.reduce((n, s) => n + s.merges.length, 0)]).toEqual([f, 15]);
    }
  });

  describe('in the worker', () => {
    const childUrl = pathToFileURL(DIST_CHILD);
    it('gives the in-process result for every file', async () => {
      for (const file of files) {
        const [isolated, ms] = await timedRead(file, { isolate: true, childUrl });
        expect(ms).toBeLessThan(10_000);
        const inProcess = results.get(file) ?? (await timedRead(file, { isolate: false }))[0];
        expect([file, isolated]).toEqual([file, inProcess]);
      }
    }, 120_000);
  });
});

itCorpus('has the shared corpus to test against', () => {
  expect(files.length).toBeGreaterThan(100);
});
