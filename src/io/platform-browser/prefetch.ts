/**
 * The page's head start on inflating (issue 14): before a run, the workbooks' zip entries are
 * inflated with the browser's own DecompressionStream (native, several times faster than fflate,
 * but asynchronous, so the readers' synchronous inflateRawSync cannot call it). The results wait
 * in the zlib stand-in's small memory and are handed out when the reader asks for the very same
 * bytes; anything not prefetched, too large or failing here is inflated by the reader as before.
 * The zip directory is read by sniff-format's own readZipDirectorySync; nothing is decided here.
 */
import { readZipDirectorySync } from '../read/zip-directory.js';
import { rememberInflated } from './zlib.js';

/** inputs whose entries together would inflate to more than this are left to the reader */
const PREFETCH_MAX_BYTES = 32 * 1024 * 1024;
const ENTRY_MAX_BYTES = 8 * 1024 * 1024;

async function inflateNative(data: Uint8Array, declared: number): Promise<Uint8Array | undefined> {
  const Native = (globalThis as { DecompressionStream?: new (f: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (!Native) return undefined;
  // written straight into the stream (a Blob would go through the browser's blob store)
  const ds = new Native('deflate-raw');
  const writer = ds.writable.getWriter();
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  const out = new Uint8Array(declared);
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // more than the directory said: not ours to judge (the caps check will)
      if (at + value.length > declared) {
        await reader.cancel();
        return undefined;
      }
      out.set(value, at);
      at += value.length;
    }
  } catch {
    return undefined;
  }
  return at === declared ? out : undefined;
}

/** Inflate ahead the entries of every zip-based input (xlsx, ods), within a budget. */
export async function prefetchInflate(inputs: Uint8Array[]): Promise<void> {
  let budget = PREFETCH_MAX_BYTES;
  const jobs: Promise<void>[] = [];
  for (const bytes of inputs) {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) continue;
    const dir = readZipDirectorySync(bytes);
    if (!dir) continue;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const e of dir) {
      if (e.method !== 8 || e.flags & 0x1 || e.uncompressedSize === 0 || e.uncompressedSize > ENTRY_MAX_BYTES) continue;
      if (e.uncompressedSize > budget) return void (await Promise.all(jobs));
      const lh = e.localHeaderOffset;
      if (lh + 30 > bytes.length || view.getUint32(lh, true) !== 0x04034b50) continue;
      const start = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
      if (start + e.compressedSize > bytes.length) continue;
      // the same view the readers take: (memory, offset, length) is the key
      const data = bytes.subarray(start, start + e.compressedSize);
      budget -= e.uncompressedSize;
      jobs.push(inflateNative(data, e.uncompressedSize).then((out) => (out ? rememberInflated(data, out) : undefined)));
    }
  }
  await Promise.all(jobs);
}
