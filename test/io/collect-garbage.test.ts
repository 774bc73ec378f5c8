import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/io/collect-garbage.js';

/** Drops ~40 MiB of garbage, collects, and returns how much of it is still on the heap. */
function garbageLeftAfterCollecting(): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let junk: string[][] | undefined = Array.from({ length: 200 }, (_, i) => Array.from({ length: 2000 }, (_, j) => `${i}-${j}-${'x'.repeat(40)}`));
  expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(30 * 2 ** 20);
  expect(junk.length).toBe(200);
  junk = undefined;
  collectGarbage();
  return process.memoryUsage().heapUsed - before;
}

describe('collectGarbage', () => {
  it('runs a full collection: garbage just dropped is gone from the heap afterwards', () => {
    expect(garbageLeftAfterCollecting()).toBeLessThan(10 * 2 ** 20);
  });

  it('still collects when called again (the gc function is taken once and kept)', () => {
    expect(garbageLeftAfterCollecting()).toBeLessThan(10 * 2 ** 20);
    expect(garbageLeftAfterCollecting()).toBeLessThan(10 * 2 ** 20);
  });
});
