/**
 * A worker thread of read-pool.ts: for each job, the size and zip caps and the fast .xlsx reader
 * under the in-process limits (`readXlsxInProcess`), the workbook sent back as compact JSON.
 * Replies without `json` for anything it does not take; the main thread then reads that file
 * the usual way (readWorkbook).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadJob, ReadReply } from './read-pool.js';
import { readXlsxInProcess } from '../read-workbook.js';
import { encodeOutcome } from './read-child.js';

/** larger files are read by the main thread itself: a thread would hold a second copy (its JSON) */
const THREAD_MAX_CONTENT_BYTES = 16 * 1024 * 1024;

/** read-pool.ts's count of this thread's finished jobs (how it sees how far behind the thread is) */
const finished = (workerData as { finished?: { buffer: SharedArrayBuffer; index: number } } | undefined)?.finished;
const finishedCounts = finished ? new Int32Array(finished.buffer) : undefined;

parentPort?.on('message', (job: ReadJob) => {
  void handle(job).then((reply) => {
    if (finishedCounts && finished) Atomics.add(finishedCounts, finished.index, 1);
    parentPort?.postMessage(reply);
  });
});

async function handle(job: ReadJob): Promise<ReadReply> {
  try {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    const workbook = await readXlsxInProcess(bytes, THREAD_MAX_CONTENT_BYTES);
    if (!workbook) return { id: job.id };
    const wire = encodeOutcome(job.id, { ok: true, workbook });
    return 'json' in wire ? { id: job.id, json: wire.json } : { id: job.id };
  } catch {
    return { id: job.id };
  }
}
