/**
 * A full garbage collection between the merge's phases (issue 6: peak memory). Assembling a
 * province merge leaves ~70 MiB of short-lived data (sort keys, lookup maps, the parsed rows let
 * go) in the old generation, and V8 did not collect it before the master was written — the peak
 * was that garbage plus the writer's buffers. One collection there (160 ms, 203 → 131 MB) and
 * one after the master (250 ms) took the province peak from ~460 to ~360 MiB; run-merge.ts says
 * where each is used.
 *
 * `gc` is not exposed without `--expose-gc`; as Jest's leak detector does, the flag is set at run
 * time and the function taken from a fresh context. If that ever fails, this does nothing.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const fn: unknown = vm.runInNewContext('gc');
      gc = typeof fn === 'function' ? (fn as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
