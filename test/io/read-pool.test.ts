/**
 * The read thread (read-pool.ts + read-thread.ts, compiled to dist/ by `npm test`'s tsc step):
 * for every input it takes, it must give exactly the workbook readWorkbook gives in-process; what
 * it does not take (legacy formats, CSV, broken files, files over its size limit) comes back
 * undefined, so the caller reads them the usual way.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/io/inputs/collect-inputs.js';
import { createReadPool } from '../../src/io/read/isolation/read-pool.js';
import { readWorkbook } from '../../src/io/read/read-workbook.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const THREAD = path.join(REPO, 'dist/io/read/isolation/read-thread.js');

// npm test compiles dist/ first; without it the pool cannot start and every test below would fail
// on `pool` being undefined rather than on what it tests, so say so plainly.
if (!existsSync(THREAD)) throw new Error(`${THREAD} is missing: run npm run build (npm test does)`);

describe('read thread', () => {
  // no backlog limit here: every file goes to a thread, so each one is compared
  const pool = createReadPool(2, pathToFileURL(THREAD), Infinity);
  afterAll(() => pool?.close());

  it('is not started without its compiled script (vitest on the sources reads in-process)', () => {
    expect(createReadPool(1)).toBeUndefined();
  });

  it('reads every .xlsx fixture exactly as readWorkbook does, in input order', async () => {
    expect(pool).toBeDefined();
    const dir = path.join(REPO, 'fixtures/validate');
    const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx') && !f.includes('truncated'));
    expect(files.length).toBeGreaterThan(30);
    const bytes = files.map((f) => readFileSync(path.join(dir, f)));
    // all at once: replies come back out of order across two threads, results must not
    const pooled = await Promise.all(bytes.map((b) => pool!.read(b)));
    let taken = 0;
    for (let i = 0; i < files.length; i++) {
      const direct = await readWorkbook(bytes[i], files[i]);
      // an unreadable or encrypted file is never taken by the thread
      if (!direct.ok) expect(pooled[i], files[i]).toBeUndefined();
      else {
        expect(pooled[i], files[i]).toEqual(direct.workbook);
        taken++;
      }
    }
    expect(taken).toBeGreaterThan(30);
  });

  it('hands a file back to the caller while every thread has `backlog` files queued', async () => {
    const busy = createReadPool(1, pathToFileURL(THREAD), 2);
    try {
      const dir = path.join(REPO, 'fixtures/validate');
      const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx') && !f.includes('truncated') && !f.includes('encrypted'));
      const bytes = files.map((f) => readFileSync(path.join(dir, f)));
      // all asked at once: the first two are queued, the rest come back for the caller to read
      const pooled = await Promise.all(bytes.map((b) => busy!.read(b)));
      expect(pooled.slice(0, 2).every((w) => w !== undefined)).toBe(true);
      expect(pooled.slice(2).every((w) => w === undefined)).toBe(true);
      // once the thread has caught up it takes files again
      const again = await busy!.read(bytes[0]);
      expect(again).toEqual(pooled[0]);
    } finally {
      await busy?.close();
    }
  });

  it('hands back what it does not take: legacy, WPS, CSV, truncated, not a spreadsheet', async () => {
    const { items } = await collectInputs([path.join(REPO, 'fixtures/inbox')], {});
    const byName = new Map(await Promise.all(items.map(async (i) => [i.name, await i.readBytes()] as const)));
    for (const name of ['清水街道2023年科普日活动安排表.xls', '沈巷镇科普日活动安排表.et', '鸠江区科协活动安排表.csv', '新建 Microsoft Excel 工作表.xlsx']) {
      const b = byName.get(name);
      expect(b, name).toBeDefined();
      expect(await pool!.read(b!), name).toBeUndefined();
    }
    expect(await pool!.read(Buffer.from('%PDF-1.4 not a workbook'))).toBeUndefined();
  });
});
