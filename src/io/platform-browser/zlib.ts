/**
 * The page's `node:zlib` (issue 14, the engine seam): the part of Node's zlib that src/io uses,
 * on fflate, so the fast reader, the zip caps, the sniffer and the xlsx writer run unchanged in
 * the browser. The page's bundle maps `node:zlib` here (scripts/bundle-page.mjs); Node never loads it.
 *
 * Used by src/io: inflateRawSync(data, { maxOutputLength }) (throws RangeError past the limit,
 * like Node), createInflateRaw() (a stream: zip-caps counts big entries, yauzl's openReadStream),
 * deflateRaw(data, { level, finishFlush }, cb) with Z_SYNC_FLUSH blocks that concatenate into one
 * stream (xlsx-writer; final blocks on the browser's CompressionStream when it has one), crc32(data, prev).
 */
import { Deflate, Inflate } from 'fflate';
import { Transform } from 'node:stream';

export const constants = { Z_NO_FLUSH: 0, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4 } as const;

type Bytes = Uint8Array;

/**
 * A plain Uint8Array over the same memory: the page's Buffer is a Uint8Array with another
 * prototype, and V8's fast element access does not apply to it (crc32 and fflate over plain
 * views ran several times faster)
 */
function plain(b: Bytes): Uint8Array {
  return b.constructor === Uint8Array ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function toBuffer(chunks: Bytes[], total: number): Buffer {
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The same entry is inflated more than once per file (the zip caps count every entry, then the
 * reader reads the parts it needs): in the page, without Node's native zlib, the second time is
 * served from here. Only the latest results are kept (a few files' worth): the inputs of a whole
 * inbox stay in the page's memory during a merge, and their inflated XML must not.
 */
const bufferIds = new WeakMap<ArrayBufferLike, number>();
let nextBufferId = 1;
const recent = new Map<string, Buffer>();
let recentBytes = 0;
const RECENT_MAX_BYTES = 48 * 1024 * 1024;
const RECENT_MAX_ENTRIES = 256;

function recentKey(data: Bytes): string {
  let id = bufferIds.get(data.buffer);
  if (id === undefined) bufferIds.set(data.buffer, (id = nextBufferId++));
  return `${id}:${data.byteOffset}:${data.byteLength}`;
}

function remember(key: string, out: Buffer): void {
  if (out.length > RECENT_MAX_BYTES / 4) return;
  recent.set(key, out);
  recentBytes += out.length;
  for (const [k, v] of recent) {
    if (recentBytes <= RECENT_MAX_BYTES && recent.size <= RECENT_MAX_ENTRIES) break;
    recent.delete(k);
    recentBytes -= v.length;
  }
}

/**
 * What the page inflated ahead of time with the browser's own DecompressionStream (prefetch.ts),
 * served when the reader asks for the same entry. Only a whole, verified result is given.
 */
export function rememberInflated(data: Bytes, out: Uint8Array): void {
  remember(recentKey(data), Buffer.from(out.buffer, out.byteOffset, out.byteLength));
}

export function inflateRawSync(data: Bytes, opts: { maxOutputLength?: number } = {}): Buffer {
  const max = opts.maxOutputLength ?? Infinity;
  const key = recentKey(data);
  const seen = recent.get(key);
  if (seen) {
    if (seen.length > max) throw new RangeError('Cannot create a Buffer larger than maxOutputLength');
    return seen;
  }
  const chunks: Bytes[] = [];
  let total = 0;
  let ended = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > max) throw new RangeError('Cannot create a Buffer larger than maxOutputLength');
    chunks.push(chunk);
    if (final) ended = true;
  });
  // in slices, so a bomb is stopped at the limit instead of inflated whole first
  const input = plain(data);
  const SLICE = 64 * 1024;
  for (let at = 0; at < input.length || at === 0; at += SLICE) {
    const end = Math.min(input.length, at + SLICE);
    inf.push(input.subarray(at, end), end >= input.length);
    if (end >= input.length) break;
  }
  if (!ended) throw new Error('unexpected end of file');
  const out = toBuffer(chunks, total);
  remember(key, out);
  return out;
}

export function deflateRawSync(data: Bytes, opts: { level?: number } = {}): Buffer {
  return deflateBlock(data, opts.level ?? 6, true);
}

/** One raw deflate block run: final ends the stream; otherwise a sync flush to a byte boundary. */
function deflateBlock(data: Bytes, level: number, final: boolean): Buffer {
  const chunks: Bytes[] = [];
  let total = 0;
  const def = new Deflate({ level: Math.max(0, Math.min(9, level)) as 0 }, (chunk) => {
    // a copy: fflate may hand out a view of memory it reuses for the next output
    chunks.push(chunk.slice());
    total += chunk.length;
  });
  if (final) def.push(plain(data), true);
  else {
    def.push(plain(data), false);
    // fflate 0.8.3's flush(true) writes its empty stored block at a wrong bit offset when the
    // last byte is partial (it passes its packed state as the position): flush without it, then
    // end the partial byte and add the empty non-final stored block (00 00 FF FF) here. The
    // state is `s.r`: bit position in the pending byte (low 3 bits) and the byte (above them).
    def.flush(false);
    const r = (def as unknown as { s: { r?: number } }).s.r ?? 0;
    const bits = r & 7;
    const pending = r >> 3;
    // the stored block's 3 header bits are 0: they fit in the pending byte up to bit 5
    const tail = bits === 0 ? [0, 0, 0, 0xff, 0xff] : bits <= 5 ? [pending, 0, 0, 0xff, 0xff] : [pending, 0, 0, 0, 0xff, 0xff];
    chunks.push(Uint8Array.from(tail));
    total += tail.length;
  }
  return toBuffer(chunks, total);
}

export function deflateRaw(data: Bytes, opts: { level?: number; finishFlush?: number }, cb: (err: Error | null, out: Buffer) => void): void {
  const final = (opts.finishFlush ?? constants.Z_FINISH) === constants.Z_FINISH;
  const viaFflate = () => {
    let out: Buffer;
    try {
      out = deflateBlock(data, opts.level ?? 6, final);
    } catch (err) {
      cb(err as Error, Buffer.alloc(0));
      return;
    }
    cb(null, out);
  };
  // a block that ends a part is a whole raw deflate stream: the browser's own compressor does it
  // several times faster than fflate (a block flushed mid-part must not be final: fflate)
  const Native = (globalThis as { CompressionStream?: new (f: string) => TransformStream<Uint8Array, Uint8Array> }).CompressionStream;
  if (final && Native) {
    void nativeDeflate(new Native('deflate-raw'), plain(data)).then(
      (out) => cb(null, out),
      () => viaFflate(),
    );
    return;
  }
  // a macrotask, as Node's thread pool answers: the writer's back-pressure waits on these
  setTimeout(viaFflate, 0);
}

/** All of one native compression stream, written straight in (no Blob: that goes through the browser's blob store). */
async function nativeDeflate(cs: TransformStream<Uint8Array, Uint8Array>, data: Uint8Array): Promise<Buffer> {
  const writer = cs.writable.getWriter();
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = cs.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  return toBuffer(chunks, total);
}

export function createInflateRaw(): Transform {
  let ended = false;
  let self: Transform;
  const inf = new Inflate((chunk, final) => {
    if (chunk.length > 0) self.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    if (final) ended = true;
  });
  self = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        inf.push(plain(chunk), false);
      } catch (err) {
        done(err as Error);
        return;
      }
      done();
    },
    flush(done) {
      try {
        if (!ended) inf.push(new Uint8Array(0), true);
      } catch (err) {
        done(err as Error);
        return;
      }
      done(ended ? null : new Error('unexpected end of file'));
    },
  });
  return self;
}

/** CRC-32 tables for slicing by 8 (eight bytes a step: the writer checksums every part's XML) */
let tables: Int32Array[] | undefined;
function crcTables(): Int32Array[] {
  const t = Array.from({ length: 8 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k][n] = t[0][t[k - 1][n] & 0xff] ^ (t[k - 1][n] >>> 8);
  return t;
}

export function crc32(data: Bytes | string, prev = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = (tables ??= crcTables());
  const b = typeof data === 'string' ? new TextEncoder().encode(data) : plain(data);
  let crc = ~prev;
  let i = 0;
  const n8 = b.length - (b.length % 8);
  for (; i < n8; i += 8) {
    const lo = crc ^ (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
    crc = t7[lo & 0xff] ^ t6[(lo >>> 8) & 0xff] ^ t5[(lo >>> 16) & 0xff] ^ t4[lo >>> 24] ^ t3[b[i + 4]] ^ t2[b[i + 5]] ^ t1[b[i + 6]] ^ t0[b[i + 7]];
  }
  for (; i < b.length; i++) crc = t0[(crc ^ b[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

export default { constants, inflateRawSync, deflateRawSync, deflateRaw, createInflateRaw, crc32 };
