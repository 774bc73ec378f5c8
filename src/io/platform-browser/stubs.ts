/**
 * The page's stand-ins for the Node modules src/io only uses where the page never goes (issue
 * 14): read children and read threads (the page reads in its one Web Worker: read-workbook finds
 * no worker script and reads in-process), and the forced garbage collection (the browser's own
 * collector runs). Each throws or does nothing, so the callers' existing fallbacks apply.
 */
function unavailable(what: string): never {
  throw new Error(`${what} is not available in the page`);
}
export function fork(): never {
  return unavailable('child_process.fork');
}
export class Worker {
  constructor() {
    unavailable('worker_threads.Worker');
  }
}
export const parentPort = null;
export const workerData = null;
export const isMainThread = true;
export function setFlagsFromString(): void {
  unavailable('v8 flags');
}
export function runInNewContext(): never {
  return unavailable('vm');
}
export default { fork, Worker, parentPort, workerData, isMainThread, setFlagsFromString, runInNewContext };
