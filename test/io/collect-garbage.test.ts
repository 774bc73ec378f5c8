import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/io/collect-garbage.js';

describe('collectGarbage', () => {
  it('runs a full collection: garbage just dropped is gone from the heap afterwards', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let junk: string[][] | undefined = Array.from({ length: 200 }, (_, i) => Array.from({ length: 2000 }, (_, j) => `${i}-${j}-${'x'.repeat(40)}`));
    const withJunk = process.memoryUsage().heapUsed;
    expect(withJunk - before).toBeGreaterThan(30 * 2 ** 20);
    expect(junk.length).toBe(200);
    junk = undefined;
    collectGarbage();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10 * 2 ** 20);
  });

  it('can be called again (the gc function is taken once)', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
