/**
 * The upward copy is written alongside the master in a merge, from the master's own cells and
 * shared-string ids (writeMasterAndUpward): it must be the very workbook the upward copy's own
 * writer makes from the activities alone.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MergedRow } from '../../src/core/merge/assemble-merge.js';
import { loadRules } from '../../src/io/config/load-config.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import { UPWARD_FILE, writeUpward } from '../../src/io/write/write-upward.js';
import { XlsxBook } from '../../src/io/write/xlsx-writer.js';
import { zipTextEntries } from '../helpers/zip-entries.js';

const ROOT = path.resolve(__dirname, '../..');
const CREATED = new Date('2023-09-13T02:30:00Z');

let out: string;
let rows: MergedRow[];

beforeAll(async () => {
  const rules = await loadRules({ cwd: ROOT, roster: 'fixtures/附件1-任务分解表.xlsx' });
  out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-alongside-'));
  const result = await runMergeJob([path.join(ROOT, 'fixtures/inbox')], rules, {
    out,
    received: path.join(ROOT, 'fixtures/inbox-received.csv'),
    lang: 'zh',
    createdAt: CREATED,
  });
  rows = result.plan.rows;
  await writeUpward(path.join(out, 'alone.xlsx'), rows, rules, CREATED);
}, 60_000);

describe('the upward copy written alongside the master', () => {
  it('has every part equal to the one written from the activities alone', () => {
    const alongside = zipTextEntries(readFileSync(path.join(out, UPWARD_FILE)));
    const alone = zipTextEntries(readFileSync(path.join(out, 'alone.xlsx')));
    expect(rows.length).toBeGreaterThan(20);
    expect([...alongside.keys()]).toEqual([...alone.keys()]);
    for (const [name, xml] of alone) expect(alongside.get(name), name).toBe(xml);
  });
});

describe('XlsxBook.stringIndexVia', () => {
  it('translates another book’s ids once, and falls back to a lookup when the id does not hold the text', async () => {
    const source = new XlsxBook();
    const src = source.addWorksheet('a');
    src.appendRow(1, ['甲', '乙', 3, '丙'], []);
    const copy = new XlsxBook();
    const ws = copy.addWorksheet('b');
    ws.getCell(1, 1).value = '乙'; // already in the copy's table before any row is copied
    ws.appendRow(2, ['甲', '乙', 3, '丙'], [], undefined, src);
    // a row whose texts differ from the source's last row: each is looked up, not translated
    ws.appendRow(3, ['丙', '丁', '甲', '乙'], [], undefined, src);
    const entries = zipTextEntries(await copy.writeBuffer());
    const strings = [...entries.get('xl/sharedStrings.xml')!.matchAll(/<t>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(strings).toEqual(['乙', '甲', '丙', '丁']);
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    const cells = [...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*><v>(\d+)<\/v><\/c>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(cells).toEqual(['A1=0', 'A2=1', 'B2=0', 'C2=3', 'D2=2', 'A3=2', 'B3=3', 'C3=1', 'D3=0']);
  });
});
