/**
 * Issue 13, item 15: one memory budget across the files read at once, so that what is read side
 * by side (and so what fails) does not depend on the machine's memory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { declaredContentBytes, MemoryBudget, READ_MEMORY_BUDGET_BYTES, readMemoryBudget } from '../../src/io/read/read-memory-budget.js';
import { readWorkbook } from '../../src/io/read/read-workbook.js';
import { manyLargeSheetsXlsx } from '../helpers/hostile-inputs.js';

/** Run jobs of the given sizes at once through `budget`; what was in flight together, in order of start. */
async function runAll(budget: MemoryBudget, sizes: number[]): Promise<{ order: number[]; most: number }> {
  let inFlight = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    sizes.map((size, i) =>
      budget.run(size, async () => {
        order.push(i);
        inFlight += size;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= size;
      }),
    ),
  );
  return { order, most };
}

describe('MemoryBudget', () => {
  it('admits reads while the sum in flight stays within the budget, in the order they ask', async () => {
    const budget = new MemoryBudget(100);
    const { order, most } = await runAll(budget, [40, 40, 40, 10, 60]);
    expect(most).toBeLessThanOrEqual(100);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(budget.peak).toBe(most);
  });

  it('reads a file larger than the whole budget alone, and the others before and after it', async () => {
    const budget = new MemoryBudget(100);
    const { order, most } = await runAll(budget, [30, 30, 500, 30, 30]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(500); // alone: nothing beside it
    expect(budget.peak).toBe(500);
  });

  it('gives back what was taken once only', async () => {
    const budget = new MemoryBudget(100);
    const release = await budget.acquire(80);
    release();
    release();
    const a = await budget.acquire(100);
    let second = false;
    const b = budget.acquire(1).then((r) => {
      second = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(second).toBe(false); // the double release did not make room that is not there
    a();
    (await b)();
    expect(second).toBe(true);
  });
});

describe('readWorkbook takes its share of the budget', () => {
  const total = readMemoryBudget.total;
  afterEach(() => {
    readMemoryBudget.total = total;
  });

  it('by the inflated content its zip directory declares: with a budget of 1 MB, files of 0.6 MB are read one at a time', async () => {
    expect(READ_MEMORY_BUDGET_BYTES).toBe(256 * 1024 * 1024);
    const files = [manyLargeSheetsXlsx(3, 200_000, 50), manyLargeSheetsXlsx(3, 200_000, 50), manyLargeSheetsXlsx(3, 200_000, 40)];
    const content = files.map(declaredContentBytes);
    expect(content[0]).toBeGreaterThan(600_000); // a few KB deflated
    expect(files[0].length).toBeLessThan(20_000);
    readMemoryBudget.total = 1_000_000;
    readMemoryBudget.peak = 0;
    const read = await Promise.all(files.map((b, i) => readWorkbook(b, `big-${i}.xlsx`, { isolate: false })));
    expect(read.map((r) => r.ok)).toEqual([true, true, true]);
    // never two of them at once (any two are 1.2 MB): the most in flight was the largest, alone
    expect(readMemoryBudget.peak).toBe(Math.max(...content));
  });
});
