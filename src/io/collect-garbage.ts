/**
 * A full garbage collection between the merge's phases (issue 6: peak memory). Assembling a
 * province merge leaves ~80 MiB of short-lived data (sort keys, lookup maps, the parsed rows let
 * go) in the old generation, and V8 did not collect it before the master was written — the peak
 * was that garbage plus the writer's buffers. One collection at that point costs ~0.1 s and
 * lowered the province peak by about as much as the garbage.
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
