/**
 * Reading on the other core (issue 6): worker threads run the fast .xlsx reader and send the
 * workbook back in read-child.ts's compact JSON form, while the main thread analyses the files
 * already read — a two-stage pipeline. Measured on the province set (2 cores): sending whole
 * AnalyzedFiles back instead (analysis in the workers too) cost more in structured cloning than
 * it saved (~5 s of extra CPU for 2,000 files); a workbook's JSON is small and parses fast.
 * The main thread keeps the order (results land at their input index), so output is deterministic.
 *
 * A worker handles only what the fast reader takes, under the same in-process limits as
 * read-workbook.ts (content ≤ IN_PROCESS_FAST.contentBytes, cell slots capped): its memory stays
 * small and bounded. Anything else — legacy formats, CSV, files the fast reader declines — comes
 * back as `undefined` and the caller reads it the usual way (a read child with exceljs/SheetJS).
 *
 * Like read-workbook.ts, the pool needs the compiled `read-thread.js` beside this module;
 * under vitest (TypeScript sources) `createReadPool` returns undefined and the caller reads
 * in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Workbook } from '../../../core/table.js';
import { declaredContentBytes, readMemoryBudget } from '../read-memory-budget.js';
import { decodeWorkbook } from './read-child.js';

export interface ReadJob {
  id: number;
  bytes: Uint8Array;
}

/** `json`: the workbook as read-child.ts's encodeOutcome writes it; absent: not taken */
export type ReadReply = { id: number; json?: string };

export interface ReadPool {
  /**
   * The workbook, or undefined when the caller must read the file itself (readWorkbook): a file
   * the thread does not take, or any file while every thread already has `backlog` files queued.
   */
  read(bytes: Buffer): Promise<Workbook | undefined>;
  close(): Promise<void>;
  /** files the threads read (for KEPURI_TRACE) */
  readonly counts: { threads: number };
}

/** Heap of each read thread; its inputs are capped far below this. */
const WORKER_HEAP_MB = 512;

/**
 * Files queued per thread before the caller reads the next one itself. The main thread's share of
 * the work (analysis) is about half a read thread's, so when the threads are behind it reads files
 * in-process too: on the province set (2 cores) this took the read-and-analyse phase from ~6 s to
 * ~4.7 s, with the main thread no longer idle waiting for the thread. A few files queued keep the
 * thread busy while the main thread is inside a file of its own.
 */
export const POOL_BACKLOG = 4;

export function createReadPool(size: number, workerUrl?: URL, backlog: number = POOL_BACKLOG): ReadPool | undefined {
  const url = workerUrl ?? defaultWorkerUrl();
  if (!url || size < 1) return undefined;
  const workers: { worker: Worker; pending: Map<number, (json: string | undefined) => void>; posted: number; dead: boolean; index: number }[] = [];
  // jobs each thread has finished, counted by the thread itself: `pending` also holds replies this
  // (busy) thread has not taken yet, which would make a finished thread look behind
  const finishedBuffer = new SharedArrayBuffer(4 * size);
  const finishedCounts = new Int32Array(finishedBuffer);
  for (let i = 0; i < size; i++) {
    const finished = { buffer: finishedBuffer, index: i };
    let worker: Worker;
    try {
      worker = new Worker(fileURLToPath(url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, workerData: { finished } });
    } catch {
      break;
    }
    const slot = { worker, pending: new Map<number, (json: string | undefined) => void>(), posted: 0, dead: false, index: i };
    const fail = () => {
      slot.dead = true;
      for (const resolve of slot.pending.values()) resolve(undefined);
      slot.pending.clear();
    };
    worker.on('message', (msg: ReadReply) => {
      const resolve = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      resolve?.(msg.json);
    });
    worker.on('error', fail);
    worker.on('exit', fail);
    worker.unref();
    workers.push(slot);
  }
  if (workers.length === 0) return undefined;
  let nextId = 1;
  const counts = { threads: 0 };
  return {
    counts,
    async read(bytes) {
      const live = workers.filter((w) => !w.dead);
      if (live.length === 0) return undefined;
      const queued = (w: (typeof workers)[number]) => w.posted - Atomics.load(finishedCounts, w.index);
      const slot = live.reduce((a, b) => (queued(b) < queued(a) ? b : a));
      if (queued(slot) >= backlog) return undefined;
      slot.posted++;
      const id = nextId++;
      // the thread's read shares the memory budget of every read in flight (issue 13, item 15)
      const json = await readMemoryBudget.run(
        declaredContentBytes(bytes),
        () =>
          new Promise<string | undefined>((resolve) => {
            slot.pending.set(id, resolve);
            slot.worker.ref();
            const job: ReadJob = { id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
            slot.worker.postMessage(job);
          }),
      );
      if (slot.pending.size === 0) slot.worker.unref();
      if (json === undefined) return undefined;
      counts.threads++;
      try {
        return decodeWorkbook(json);
      } catch {
        return undefined;
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

let cachedUrl: URL | null | undefined;

function defaultWorkerUrl(): URL | undefined {
  if (cachedUrl !== undefined) return cachedUrl ?? undefined;
  cachedUrl = null;
  if (import.meta.url.endsWith('.js')) {
    const url = new URL('./read-thread.js', import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) cachedUrl = url;
  }
  return cachedUrl ?? undefined;
}
