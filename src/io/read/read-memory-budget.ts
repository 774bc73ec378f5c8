/**
 * One memory budget across the files being read at once (issue 13, item 15). Four 1 MB
 * workbooks of a hundred large sheets each, read side by side, needed 2 GiB apiece, and which of
 * them (and of the valid files read beside them) failed depended on the machine's memory. Each
 * read now first takes its share of a fixed budget, in bytes of inflated content (what the zip
 * directory says its parts unpack to, or the file's own size): reads are admitted, in the order
 * they ask, only while the sum in flight stays within the budget; a file larger than the whole
 * budget is read alone. What is read at once is then the same on any machine.
 */
import { readZipDirectorySync } from './zip-directory.js';

const MiB = 1024 * 1024;

/**
 * The inflated content read at once: the largest file read in the main process (256 MiB, see
 * IN_PROCESS_FAST) fits alone; a province inbox of files of tens of KB is never held back.
 */
export const READ_MEMORY_BUDGET_BYTES = 256 * MiB;

export class MemoryBudget {
  private inFlight = 0;
  private readonly waiting: { bytes: number; admit: (release: () => void) => void }[] = [];
  /** the most ever in flight at once */
  peak = 0;

  constructor(public total: number) {}

  /** Wait for room for `bytes`; the function returned gives it back (once; later calls do nothing). */
  acquire(bytes: number): Promise<() => void> {
    return new Promise((admit) => {
      this.waiting.push({ bytes: Math.max(0, bytes), admit });
      this.admitWaiting();
    });
  }

  /** `fn` with `bytes` of the budget held while it runs. */
  async run<T>(bytes: number, fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire(bytes);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** In order of asking: the next one goes in when it fits, or when nothing else is in flight. */
  private admitWaiting(): void {
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      if (this.inFlight > 0 && this.inFlight + next.bytes > this.total) return;
      this.waiting.shift();
      this.inFlight += next.bytes;
      this.peak = Math.max(this.peak, this.inFlight);
      let released = false;
      next.admit(() => {
        if (released) return;
        released = true;
        this.inFlight -= next.bytes;
        this.admitWaiting();
      });
    }
  }
}

/** The budget every read of this process shares. */
export const readMemoryBudget = new MemoryBudget(READ_MEMORY_BUDGET_BYTES);

/**
 * A file's inflated content as its zip directory declares it (at least its own size), without
 * inflating anything: for reads whose caps are checked later, elsewhere (the read threads).
 */
export function declaredContentBytes(bytes: Uint8Array): number {
  const dir = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b ? readZipDirectorySync(bytes) : undefined;
  let total = 0;
  for (const e of dir ?? []) total += e.uncompressedSize;
  return Math.max(bytes.length, total);
}
