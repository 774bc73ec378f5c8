/**
 * Issue 13 item 10: a sheet whose 12,000 cells all point to one 1 MB shared string (a 30 KB
 * file expanding to 12 G characters) is `file-too-large` within 2 s, on every reading path (the
 * fast reader, exceljs, SheetJS), and the other files of the same merge are merged. The bomb is
 * generated at test time, never committed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { readLegacy } from '../../src/io/read/read-legacy.js';
import { closeReadChild, readWorkbook } from '../../src/io/read/read-workbook.js';
import { readXlsx } from '../../src/io/read/read-xlsx-exceljs.js';
import { readXlsxFast } from '../../src/io/read/read-xlsx-fast.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import { MAX_SHEET_TEXT_CHARS, SheetTextTooLarge } from '../../src/io/read/sheet-text-cap.js';
import { writeXlsxParts } from '../helpers/xlsx-parts.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kepuri-sst-'));

afterAll(async () => {
  await closeReadChild();
  rmSync(tmp, { recursive: true, force: true });
});

const col = (c: number) => String.fromCharCode(65 + c);

/** `cells` cells (rows of 12) all referencing shared string 0, of `chars` characters. */
function sharedStringBomb(cells = 12_000, chars = 1 << 20): Buffer {
  const rows: string[] = [];
  for (let r = 0; r * 12 < cells; r++) {
    let row = `<row r="${r + 1}">`;
    for (let c = 0; c < 12 && r * 12 + c < cells; c++) row += `<c r="${col(c)}${r + 1}" t="s"><v>0</v></c>`;
    rows.push(row + '</row>');
  }
  return writeXlsxParts({
    sheets: [{ name: '活动安排表', body: `<sheetData>${rows.join('')}</sheetData>` }],
    sharedStrings: [`<si><t>${'科普'.repeat(chars / 2)}</t></si>`],
  });
}

describe('expanded text per sheet is capped (issue 13 item 10)', () => {
  const bomb = sharedStringBomb();

  it('readWorkbook: file-too-large in under 2 s, naming the sheet', async () => {
    expect(bomb.length).toBeLessThan(100_000);
    const t0 = performance.now();
    const r = await readWorkbook(bomb, '炸弹.xlsx');
    const ms = performance.now() - t0;
    expect(r).toMatchObject({ ok: false, findings: [{ code: 'file-too-large', file: '炸弹.xlsx' }] });
    expect(r.ok ? '' : String((r.findings[0].params as { reason?: string } | undefined)?.reason)).toContain('活动安排表');
    expect(ms).toBeLessThan(2_000);
  });

  it('every reader stops at the cap: the fast reader, exceljs and SheetJS', async () => {
    expect(() => readXlsxFast(bomb)).toThrow(SheetTextTooLarge);
    await expect(readXlsx(bomb)).rejects.toBeInstanceOf(SheetTextTooLarge);
    expect(() => readLegacy(bomb, 'xlsx')).toThrow(SheetTextTooLarge);
  }, 20_000);

  it('an encrypted bomb (Excel default key) is file-too-large too: what the package holds gets the same limits', async () => {
    const { default: officeCrypto } = await import('officecrypto-tool');
    const encrypted = officeCrypto.encrypt(bomb, { password: 'VelvetSweatshop', type: 'standard' });
    const r = await readWorkbook(encrypted, '加密炸弹.xlsx');
    expect(r).toMatchObject({ ok: false, findings: [{ code: 'file-too-large', file: '加密炸弹.xlsx' }] });
  }, 20_000);

  it('a sheet just under the cap still reads', () => {
    // 100 cells of 1 MiB characters: 100 Mi characters, under the 128 Mi cap
    expect(100 * (1 << 20)).toBeLessThan(MAX_SHEET_TEXT_CHARS);
    const wb = readXlsxFast(sharedStringBomb(100));
    expect(wb.sheets[0].rows.flat().filter(Boolean)).toHaveLength(100);
  });

  it('in a merge: the bomb is file-too-large, the other file is merged, in under 10 s', async () => {
    const dir = path.join(tmp, '收件箱');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '炸弹.xlsx'), bomb);
    writeFileSync(path.join(dir, '官陡街道.xlsx'), readFileSync(path.join(REPO, 'fixtures/validate/valid-template.xlsx')));
    const t0 = performance.now();
    const { report } = await runMergeJob([dir], defaultRules(), { out: path.join(tmp, 'out'), lang: 'zh', createdAt: new Date('2023-09-13T00:00:00Z') });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(report.files.map((f) => [path.basename(f.path), f.status, f.rows])).toEqual([
      ['官陡街道.xlsx', 'merged', 5],
      ['炸弹.xlsx', 'unreadable', 0],
    ]);
    expect(report.findings.filter((f) => f.file.endsWith('炸弹.xlsx')).map((f) => f.code)).toEqual(['file-too-large']);
  }, 20_000);
});
