/**
 * A zip held in memory, read in place: its central directory (Zip64 understood) and one small
 * member inflated with an output cap. Used to classify inputs and by the fast .xlsx reader; the
 * size caps themselves are checked in zip-caps.ts.
 */
import zlib from 'node:zlib';

export interface ZipDirEntry {
  /** decoded as UTF-8 when flagged, else as Latin-1 (good enough for ASCII part names) */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Entries the in-place directory reader lists at most (the caps check counts them properly). */
const ZIP_DIR_LIMIT = 100_000;

/**
 * The central directory of a zip held in memory (Zip64 understood). `undefined` when no valid
 * end-of-central-directory record is found (truncated or not a zip).
 */
export function readZipDirectorySync(bytes: Uint8Array): ZipDirEntry[] | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(buf);
  if (eocd < 0) return undefined;
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && buf.readUInt32LE(loc) === 0x07064b50) {
      const z64 = Number(buf.readBigUInt64LE(loc + 8));
      if (z64 >= 0 && z64 + 56 <= buf.length && buf.readUInt32LE(z64) === 0x06064b50) {
        count = Number(buf.readBigUInt64LE(z64 + 32));
        cdSize = Number(buf.readBigUInt64LE(z64 + 40));
        cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
      }
    }
  }
  if (cdOffset + cdSize > buf.length) return undefined;
  const out: ZipDirEntry[] = [];
  let p = cdOffset;
  const end = cdOffset + cdSize;
  while (p + 46 <= end && out.length < Math.min(count, ZIP_DIR_LIMIT)) {
    if (buf.readUInt32LE(p) !== 0x02014b50) break;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > end) break;
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1');
    // Zip64 extended information extra field
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const eEnd = Math.min(e + extraLen, end);
      while (e + 4 <= eEnd) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const qEnd = Math.min(q + size, eEnd);
          if (uncompressedSize === 0xffffffff && q + 8 <= qEnd) {
            uncompressedSize = Number(buf.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= qEnd) {
            compressedSize = Number(buf.readBigUInt64LE(q));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff && q + 8 <= qEnd) localHeaderOffset = Number(buf.readBigUInt64LE(q));
          break;
        }
        e += 4 + size;
      }
    }
    out.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - (0xffff + 22));
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
      const commentLen = buf.readUInt16LE(i + 20);
      if (i + 22 + commentLen <= buf.length) return i;
    }
  }
  return -1;
}

/**
 * One small member's bytes, inflated with an output cap; `undefined` when absent, too large,
 * encrypted, or corrupt. Name lookup is exact, then case-insensitive, leading '/' ignored.
 */
export function readZipMemberSync(bytes: Uint8Array, name: string, maxBytes: number, dir?: ZipDirEntry[]): Buffer | undefined {
  const entries = dir ?? readZipDirectorySync(bytes);
  if (!entries) return undefined;
  const norm = (s: string) => s.replace(/^\/+/, '');
  const want = norm(name);
  const entry = entries.find((e) => norm(e.name) === want) ?? entries.find((e) => norm(e.name).toLowerCase() === want.toLowerCase());
  if (!entry || entry.flags & 0x1) return undefined;
  if (entry.uncompressedSize > maxBytes) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localHeaderOffset;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return undefined;
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + entry.compressedSize));
  try {
    if (entry.method === 0) return Buffer.from(data.subarray(0, maxBytes));
    if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
  return undefined;
}
