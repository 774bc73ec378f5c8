/**
 * Reading on the other core (issue 6): worker threads run the fast .xlsx reader and send the
 * workbook back in read-worker.ts's compact JSON form, while the main thread analyses the files
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
import type { Workbook } from '../core/table.js';
import { decodeWorkbook } from './read-worker.js';

export interface ReadJob {
  id: number;
  bytes: Uint8Array;
}

/** `json`: the workbook as read-worker.ts's encodeOutcome writes it; absent: not taken */
export type ReadReply = { id: number; json?: string };

export interface ReadPool {
  /** The workbook, or undefined when the caller must read the file itself (readWorkbook). */
  read(bytes: Buffer): Promise<Workbook | undefined>;
  close(): Promise<void>;
}

/** Heap of each read thread; its inputs are capped far below this. */
const WORKER_HEAP_MB = 512;

export function createReadPool(size: number, workerUrl?: URL): ReadPool | undefined {
  const url = workerUrl ?? defaultWorkerUrl();
  if (!url || size < 1) return undefined;
  const workers: { worker: Worker; pending: Map<number, (json: string | undefined) => void>; dead: boolean }[] = [];
  for (let i = 0; i < size; i++) {
    let worker: Worker;
    try {
      worker = new Worker(fileURLToPath(url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    } catch {
      break;
    }
    const slot = { worker, pending: new Map<number, (json: string | undefined) => void>(), dead: false };
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
  return {
    async read(bytes) {
      const live = workers.filter((w) => !w.dead);
      if (live.length === 0) return undefined;
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      const json = await new Promise<string | undefined>((resolve) => {
        slot.pending.set(id, resolve);
        slot.worker.ref();
        const job: ReadJob = { id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
        slot.worker.postMessage(job);
      });
      if (slot.pending.size === 0) slot.worker.unref();
      if (json === undefined) return undefined;
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
