/**
 * Size caps (SPEC §9), checked before any parser sees a file: the file itself, and for a zip
 * (xlsx, xlsm, xlsb, ods, or a mailbox download) its central directory and, optionally, the
 * real inflated size of every entry (a hostile zip can lie about sizes in its directory).
 *
 * SIZE_CAPS is the one place the numbers live: readers, tests and docs import it.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { createFinding, type Finding } from '../../core/finding.js';
import { readZipDirectorySync } from './zip-directory.js';

const MiB = 1024 * 1024;

export const SIZE_CAPS = {
  /** any input file (or attachment, or zip member) */
  fileBytes: 50 * MiB,
  /** entries in one zip */
  zipEntries: 10_000,
  /** one zip entry, uncompressed */
  entryUncompressedBytes: 200 * MiB,
  /** the compression-ratio check applies to entries at least this large uncompressed */
  ratioCheckMinBytes: 10 * MiB,
  /** uncompressed : compressed, above which an entry of ratioCheckMinBytes or more is refused */
  compressionRatio: 100,
  /** all entries of one zip together, uncompressed (not in SPEC §9: a backstop against many large entries) */
  totalUncompressedBytes: 1024 * MiB,
} as const;

/** A limit on the inflated bytes of all entries of a zip together, with the reason given when it is passed. */
export interface TotalCap {
  bytes: number;
  reason: string;
}

const ZIP_TOTAL_CAP: TotalCap = { bytes: SIZE_CAPS.totalUncompressedBytes, reason: `解压后超过 ${mb(SIZE_CAPS.totalUncompressedBytes)} MB 上限` };

/**
 * The inflated bytes one input given on the command line (or found in a folder) may unpack to,
 * across every level of containers inside it (a zip in a zip in a mail): ten times its own size,
 * at least the size from which SPEC §9's ratio rule applies (10 MiB), at most the 200 MiB one zip
 * entry may hold (issue 13, item 14). A mailbox download of office files or PDFs unpacks to about
 * its own size; a 1 MB zip of a zip of a hundred 9.9 MB CSVs (each under every per-entry cap)
 * stops here instead of unpacking a gigabyte.
 */
export function nestedInflateBudget(topLevelBytes: number): number {
  return Math.min(SIZE_CAPS.entryUncompressedBytes, Math.max(SIZE_CAPS.ratioCheckMinBytes, NESTED_RATIO * topLevelBytes));
}
export const NESTED_RATIO = 10;

/** The reason given when an input's containers unpack to more than its budget. */
export function nestedBudgetReason(budget: number): string {
  return `解压后（含其中的压缩包和邮件附件）超过 ${mb(budget)} MB 上限`;
}

export type SizeCheck =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; code: 'file-too-large' | 'file-unreadable' | 'file-encrypted'; reason: string };

function mb(n: number): string {
  const v = n / MiB;
  return v >= 10 ? String(Math.round(v)) : v.toFixed(1);
}

/** The file-size cap; a short Chinese reason when over it. */
export function checkFileSize(size: number): SizeCheck {
  if (size > SIZE_CAPS.fileBytes) {
    return { ok: false, code: 'file-too-large', reason: `${mb(size)} MB,超过 ${mb(SIZE_CAPS.fileBytes)} MB 上限` };
  }
  return { ok: true, entries: 0, uncompressedBytes: size };
}

/** A SizeCheck failure as the finding for `file`. */
export function sizeCheckFinding(check: Extract<SizeCheck, { ok: false }>, file: string): Finding {
  return createFinding(check.code, { file }, { reason: check.reason });
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      // no name decoding (and so no name validation: '../x' must not make the listing fail);
      // sizes are checked by us, against the real inflated bytes when asked
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('zip')) : resolve(zip)),
    );
  });
}

/** Walk the central directory, one entry at a time; `visit` returns false to stop early. */
async function eachEntry(bytes: Buffer, visit: (entry: Entry, zip: ZipFile) => boolean | Promise<boolean>, onOpen?: (zip: ZipFile) => boolean): Promise<void> {
  const zip = await openZip(bytes);
  if (onOpen && !onOpen(zip)) {
    zip.close();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      zip.removeAllListeners();
      zip.on('error', () => undefined);
      if (zip.isOpen) zip.close();
      if (err) reject(err);
      else resolve();
    };
    zip.on('error', finish);
    zip.on('end', () => finish());
    zip.on('entry', (entry: Entry) => {
      Promise.resolve()
        .then(() => visit(entry, zip))
        .then((more) => (more ? zip.readEntry() : finish()), finish);
    });
    zip.readEntry();
  });
}

function isDirectory(entry: Entry): boolean {
  const raw = entry.fileNameRaw;
  return raw.length > 0 && raw[raw.length - 1] === 0x2f; // '/'
}

function entryLabel(entry: Entry): string {
  return decodeEntryName(entry).slice(0, 60);
}

function decodeEntryName(entry: Entry): string {
  try {
    return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  } catch {
    return entry.fileNameRaw.toString('latin1');
  }
}

/**
 * Check a zip against SIZE_CAPS before parsing. With `inflate: true` (the default) every entry
 * is also inflated and discarded, counting the real bytes, so a directory that lies about sizes
 * cannot get a bomb past the caps: small entries in one synchronous inflate bounded by
 * `maxOutputLength` (≈0.4 ms for a 10 KB workbook), large ones streamed and cut as soon as a cap
 * is passed.
 * An archive yauzl cannot open, or an entry it cannot decompress, is `file-unreadable`.
 */
export async function checkZipCaps(bytes: Buffer, options: { inflate?: boolean; total?: TotalCap } = {}): Promise<SizeCheck> {
  const ratioCap: TotalCap = { bytes: wholeRatioLimit(bytes.length), reason: `各部分合计压缩比超过 ${SIZE_CAPS.compressionRatio}:1` };
  const cap = [options.total, ratioCap].reduce<TotalCap>((a, b) => (b && b.bytes < a.bytes ? b : a), ZIP_TOTAL_CAP);
  const fileCheck = checkFileSize(bytes.length);
  if (!fileCheck.ok) return fileCheck;
  const inflate = options.inflate ?? true;
  let result: SizeCheck | undefined;
  let entries = 0;
  let total = 0;
  try {
    await eachEntry(
      bytes,
      async (entry, zip) => {
        entries++;
        if (entries > SIZE_CAPS.zipEntries) {
          result = { ok: false, code: 'file-too-large', reason: `压缩包内的文件超过 ${SIZE_CAPS.zipEntries} 个上限` };
          return false;
        }
        if (isDirectory(entry)) return true;
        const declared = declaredProblem(entry, total, cap);
        if (declared) {
          result = declared;
          return false;
        }
        if (!inflate) {
          total += entry.uncompressedSize;
          return true;
        }
        if (entry.isEncrypted()) {
          result = { ok: false, code: 'file-encrypted', reason: '压缩包设置了密码' };
          return false;
        }
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
          result = { ok: false, code: 'file-unreadable', reason: `不支持的压缩方式(${entry.compressionMethod})` };
          return false;
        }
        const actual = await inflatedSize(zip, entry, bytes, total, cap);
        if (typeof actual !== 'number') {
          result = actual;
          return false;
        }
        total += actual;
        return true;
      },
      (zip) => {
        if (zip.entryCount <= SIZE_CAPS.zipEntries) return true;
        result = { ok: false, code: 'file-too-large', reason: `压缩包内有 ${zip.entryCount} 个文件,超过 ${SIZE_CAPS.zipEntries} 个上限` };
        return false;
      },
    );
  } catch {
    return { ok: false, code: 'file-unreadable', reason: '压缩结构损坏' };
  }
  return result ?? { ok: true, entries, uncompressedBytes: total };
}

/**
 * The same caps, checked synchronously on a small zip held in memory (the common .xlsx of a few
 * dozen KB): every entry inflated in one call, bounded as checkZipCaps bounds it. Answers only
 * when everything is plainly within the caps — `{ ok: true, … }`; for anything else (a cap
 * passed, a large entry, encryption, an odd method, a directory it cannot read) it returns
 * undefined and the caller runs checkZipCaps, which gives the finding. Saves yauzl's
 * asynchronous walk (~0.3–0.7 ms a file) on every workbook of a large inbox.
 */
export function checkSmallZipCapsSync(bytes: Buffer): Extract<SizeCheck, { ok: true }> | undefined {
  if (!checkFileSize(bytes.length).ok) return undefined;
  const dir = readZipDirectorySync(bytes);
  if (!dir || dir.length > SIZE_CAPS.zipEntries) return undefined;
  let total = 0;
  for (const e of dir) {
    if (e.name.endsWith('/')) continue;
    if (e.flags & 0x1 || (e.method !== 0 && e.method !== 8)) return undefined;
    if (e.uncompressedSize > SYNC_INFLATE_BYTES || e.compressedSize > SYNC_INFLATE_BYTES) return undefined;
    const lh = e.localHeaderOffset;
    if (lh + 30 > bytes.length || bytes.readUInt32LE(lh) !== 0x04034b50) return undefined;
    const start = lh + 30 + bytes.readUInt16LE(lh + 26) + bytes.readUInt16LE(lh + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) return undefined;
    const data = bytes.subarray(start, end);
    let n: number;
    if (e.method === 0) n = data.length;
    else {
      const ratioLimit = Math.max(SIZE_CAPS.ratioCheckMinBytes, Math.max(1, e.compressedSize) * SIZE_CAPS.compressionRatio);
      const allowed = Math.min(SIZE_CAPS.entryUncompressedBytes, SIZE_CAPS.totalUncompressedBytes - total, ratioLimit, SYNC_INFLATE_BYTES);
      try {
        n = zlib.inflateRawSync(data, { maxOutputLength: allowed + 1 }).length;
      } catch {
        return undefined; // over the bound, or corrupt: checkZipCaps decides
      }
      if (n > allowed) return undefined;
    }
    if (n > SIZE_CAPS.entryUncompressedBytes) return undefined;
    if (n > SIZE_CAPS.ratioCheckMinBytes && n / Math.max(1, e.compressedSize) > SIZE_CAPS.compressionRatio) return undefined;
    total += n;
    if (total > SIZE_CAPS.totalUncompressedBytes || total > wholeRatioLimit(bytes.length)) return undefined;
  }
  return { ok: true, entries: dir.length, uncompressedBytes: total };
}

/**
 * SPEC §9's ratio rule on the archive as a whole (issue 13, item 15): a workbook of a hundred
 * sheets just under the 10 MB from which the rule applies to one entry deflates to ~1 MB and
 * expands to ~400 MB — minutes of parsing and GiBs of cells. An archive may unpack to at most
 * 100 times its size, and to at least 10 MiB whatever its size (an office file is 5–20 times).
 */
function wholeRatioLimit(zipBytes: number): number {
  return Math.max(SIZE_CAPS.ratioCheckMinBytes, zipBytes * SIZE_CAPS.compressionRatio);
}

function declaredProblem(entry: Entry, totalSoFar: number, cap: TotalCap): SizeCheck | undefined {
  const size = entry.uncompressedSize;
  if (size > SIZE_CAPS.entryUncompressedBytes)
    return { ok: false, code: 'file-too-large', reason: `${entryLabel(entry)} 解压后 ${mb(size)} MB,超过 ${mb(SIZE_CAPS.entryUncompressedBytes)} MB 上限` };
  if (size > SIZE_CAPS.ratioCheckMinBytes && size / Math.max(1, entry.compressedSize) > SIZE_CAPS.compressionRatio)
    return { ok: false, code: 'file-too-large', reason: `${entryLabel(entry)} 压缩比超过 ${SIZE_CAPS.compressionRatio}:1` };
  if (totalSoFar + size > cap.bytes) return { ok: false, code: 'file-too-large', reason: cap.reason };
  return undefined;
}

/** Entries up to this size are verified with one synchronous inflate (fast); larger ones stream. */
const SYNC_INFLATE_BYTES = 16 * MiB;

/**
 * Inflate one entry to nowhere, counting its real bytes; a SizeCheck failure as soon as a cap is
 * passed. The data are located through the entry's local header.
 */
async function inflatedSize(zip: ZipFile, entry: Entry, bytes: Buffer, totalSoFar: number, cap: TotalCap): Promise<number | SizeCheck> {
  const header = await new Promise<{ fileDataStart: number }>((resolve, reject) =>
    zip.readLocalFileHeader(entry, { minimal: true }, (err, h) => (err || !h ? reject(err ?? new Error('header')) : resolve(h))),
  );
  const start = header.fileDataStart;
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { ok: false, code: 'file-unreadable', reason: '压缩数据不完整' };
  const data = bytes.subarray(start, end);
  if (entry.compressionMethod === 0) return capProblem(entry, data.length, totalSoFar, cap) ?? data.length;

  // the most bytes the caps allow for this entry
  const ratioLimit = Math.max(SIZE_CAPS.ratioCheckMinBytes, Math.max(1, entry.compressedSize) * SIZE_CAPS.compressionRatio);
  const allowed = Math.min(SIZE_CAPS.entryUncompressedBytes, cap.bytes - totalSoFar, ratioLimit);
  if (Math.max(entry.uncompressedSize, 1) <= SYNC_INFLATE_BYTES) {
    try {
      const n = zlib.inflateRawSync(data, { maxOutputLength: Math.min(allowed, SYNC_INFLATE_BYTES) + 1 }).length;
      return capProblem(entry, n, totalSoFar, cap) ?? n;
    } catch (err) {
      // more than it said: if the caps allow more than we inflated synchronously, stream it
      if (!(err instanceof RangeError) || allowed <= SYNC_INFLATE_BYTES) {
        return err instanceof RangeError ? tooBig(entry, allowed, totalSoFar, cap) : { ok: false, code: 'file-unreadable', reason: '压缩数据损坏' };
      }
    }
  }
  return new Promise((resolve) => {
    const inflater = zlib.createInflateRaw();
    let n = 0;
    let settled = false;
    const settle = (v: number | SizeCheck) => {
      if (settled) return;
      settled = true;
      inflater.removeAllListeners('data');
      inflater.on('error', () => undefined);
      inflater.destroy();
      resolve(v);
    };
    inflater.on('data', (chunk: Buffer) => {
      n += chunk.length;
      const problem = capProblem(entry, n, totalSoFar, cap);
      if (problem) settle(problem);
    });
    inflater.on('error', () => settle({ ok: false, code: 'file-unreadable', reason: '压缩数据损坏' }));
    inflater.on('end', () => settle(n));
    inflater.end(data);
  });
}

/** The cap `n` real bytes of this entry break, if any. */
function capProblem(entry: Entry, n: number, totalSoFar: number, cap: TotalCap): SizeCheck | undefined {
  if (n > SIZE_CAPS.entryUncompressedBytes)
    return { ok: false, code: 'file-too-large', reason: `${entryLabel(entry)} 解压后超过 ${mb(SIZE_CAPS.entryUncompressedBytes)} MB 上限` };
  if (n > SIZE_CAPS.ratioCheckMinBytes && n / Math.max(1, entry.compressedSize) > SIZE_CAPS.compressionRatio)
    return { ok: false, code: 'file-too-large', reason: `${entryLabel(entry)} 压缩比超过 ${SIZE_CAPS.compressionRatio}:1` };
  if (totalSoFar + n > cap.bytes) return { ok: false, code: 'file-too-large', reason: cap.reason };
  return undefined;
}

function tooBig(entry: Entry, allowed: number, totalSoFar: number, cap: TotalCap): SizeCheck {
  return capProblem(entry, allowed + 1, totalSoFar, cap) ?? { ok: false, code: 'file-too-large', reason: `${entryLabel(entry)} 解压后过大` };
}

export interface ZipEntryName {
  /** decoded as yauzl decodes it: UTF-8 when flagged or given in an Info-ZIP Unicode Path field, else CP437 */
  name: string;
  /** the name's bytes as stored (often GBK without the UTF-8 flag, from Chinese Windows zippers) */
  rawName: Buffer;
  /** the name is known to be UTF-8 (flag bit 11, or a valid Unicode Path extra field) */
  utf8: boolean;
  isDirectory: boolean;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

/**
 * Every entry's name, raw and decoded, from the central directory only (nothing inflated).
 * Throws when the archive cannot be opened; check the caps first.
 */
export async function listZipEntries(bytes: Buffer): Promise<ZipEntryName[]> {
  const out: ZipEntryName[] = [];
  await eachEntry(bytes, (entry) => {
    const name = decodeEntryName(entry);
    const flaggedUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
    out.push({
      name,
      rawName: Buffer.from(entry.fileNameRaw),
      utf8: flaggedUtf8 || name !== cp437Fallback(entry),
      isDirectory: isDirectory(entry),
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      encrypted: entry.isEncrypted(),
    });
    return out.length <= SIZE_CAPS.zipEntries;
  });
  return out;
}

/** The name as yauzl would decode it without any Unicode Path extra field. */
function cp437Fallback(entry: Entry): string {
  try {
    return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, [], false);
  } catch {
    return '';
  }
}
