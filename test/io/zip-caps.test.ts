import iconv from 'iconv-lite';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIZE_CAPS, checkFileSize, checkSmallZipCapsSync, checkZipCaps, listZipEntries } from '../../src/io/read/zip-caps.js';
import { zipOf } from './make-files.js';

const MiB = 1024 * 1024;

/**
 * Rewrite the sizes an entry declares (local header and central directory) without touching its
 * data: what a zip bomb that lies about its sizes looks like.
 */
function lieAboutSizes(zip: Buffer, name: string, sizes: { uncompressed?: number; compressed?: number }): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = out.readUInt32LE(p);
    if (sig === 0x04034b50 && out.subarray(p + 30, p + 30 + nameBytes.length).equals(nameBytes)) {
      if (sizes.compressed !== undefined) out.writeUInt32LE(sizes.compressed, p + 18);
      if (sizes.uncompressed !== undefined) out.writeUInt32LE(sizes.uncompressed, p + 22);
    } else if (sig === 0x02014b50 && out.subarray(p + 46, p + 46 + nameBytes.length).equals(nameBytes)) {
      if (sizes.compressed !== undefined) out.writeUInt32LE(sizes.compressed, p + 20);
      if (sizes.uncompressed !== undefined) out.writeUInt32LE(sizes.uncompressed, p + 24);
    }
  }
  return out;
}

/** Replace an entry's name bytes (same length) in both headers, clearing the UTF-8 flag. */
function renameRaw(zip: Buffer, from: string, to: Buffer): Buffer {
  const out = Buffer.from(zip);
  const fromBytes = Buffer.from(from);
  if (fromBytes.length !== to.length) throw new Error('same length only');
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = out.readUInt32LE(p);
    const at = sig === 0x04034b50 ? p + 30 : sig === 0x02014b50 ? p + 46 : -1;
    if (at < 0 || !out.subarray(at, at + fromBytes.length).equals(fromBytes)) continue;
    to.copy(out, at);
    const flagAt = sig === 0x04034b50 ? p + 6 : p + 8;
    out.writeUInt16LE(out.readUInt16LE(flagAt) & ~0x800, flagAt);
  }
  return out;
}

describe('SIZE_CAPS', () => {
  it('holds the numbers of SPEC §9', () => {
    expect(SIZE_CAPS.fileBytes).toBe(50 * MiB);
    expect(SIZE_CAPS.zipEntries).toBe(10_000);
    expect(SIZE_CAPS.entryUncompressedBytes).toBe(200 * MiB);
    expect(SIZE_CAPS.ratioCheckMinBytes).toBe(10 * MiB);
    expect(SIZE_CAPS.compressionRatio).toBe(100);
  });

  it('refuses a file over 50 MB', async () => {
    expect(checkFileSize(50 * MiB).ok).toBe(true);
    const over = checkFileSize(50 * MiB + 1);
    expect(over).toMatchObject({ ok: false, code: 'file-too-large' });
    const big = Buffer.alloc(50 * MiB + 1);
    expect(await checkZipCaps(big)).toMatchObject({ ok: false, code: 'file-too-large' });
  });
});

describe('checkZipCaps', () => {
  it('accepts an ordinary zip and reports its real uncompressed size', async () => {
    const zip = await zipOf({ 'a.xml': 'x'.repeat(5000), 'b/c.txt': '活动' });
    expect(await checkZipCaps(zip)).toEqual({ ok: true, entries: 2, uncompressedBytes: 5000 + 6 });
  });

  it('refuses more than 10,000 entries', async () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i <= SIZE_CAPS.zipEntries; i++) entries[`f${i}.txt`] = 'x';
    const zip = await zipOf(entries, { compress: false });
    const r = await checkZipCaps(zip);
    expect(r).toMatchObject({ ok: false, code: 'file-too-large' });
    expect(!r.ok && r.reason).toContain('10000');
  }, 30_000);

  it('refuses a highly compressible entry over 10 MB (ratio > 100)', async () => {
    const zip = await zipOf({ 'xl/sharedStrings.xml': Buffer.alloc(11 * MiB, 0x20) });
    const r = await checkZipCaps(zip);
    expect(r).toMatchObject({ ok: false, code: 'file-too-large' });
    expect(!r.ok && r.reason).toContain('压缩比');
  });

  it('accepts a compressible entry under 10 MB', async () => {
    const zip = await zipOf({ 'xl/sharedStrings.xml': Buffer.alloc(9 * MiB, 0x20) });
    expect(await checkZipCaps(zip)).toMatchObject({ ok: true, uncompressedBytes: 9 * MiB });
  });

  it('refuses entries each under 10 MB that together unpack to more than 100 times the archive (issue 13, item 15)', async () => {
    const sheet = Buffer.alloc(9 * MiB, 0x20);
    const zip = await zipOf({ 'xl/worksheets/sheet1.xml': sheet, 'xl/worksheets/sheet2.xml': sheet, 'xl/worksheets/sheet3.xml': sheet });
    const r = await checkZipCaps(zip);
    expect(r).toMatchObject({ ok: false, code: 'file-too-large' });
    expect(!r.ok && r.reason).toBe('各部分合计压缩比超过 100:1');
    expect(checkSmallZipCapsSync(zip)).toBeUndefined();
    // under 10 MB in all, any ratio is fine (as for one entry)
    const small = await zipOf({ 'a.xml': Buffer.alloc(4 * MiB, 0x20), 'b.xml': Buffer.alloc(4 * MiB, 0x20) });
    expect(await checkZipCaps(small)).toMatchObject({ ok: true, uncompressedBytes: 8 * MiB });
  });

  it('refuses an entry declaring more than 200 MB uncompressed, before inflating anything', async () => {
    const zip = lieAboutSizes(await zipOf({ 'big.xml': 'x'.repeat(100_000) }), 'big.xml', { uncompressed: 201 * MiB });
    const r = await checkZipCaps(zip, { inflate: false });
    expect(r).toMatchObject({ ok: false, code: 'file-too-large' });
    expect(!r.ok && r.reason).toContain('200 MB');
  });

  it('catches a bomb whose directory lies about its sizes by counting the inflated bytes', async () => {
    const honest = await zipOf({ 'xl/worksheets/sheet1.xml': Buffer.alloc(30 * MiB, 0x41) });
    const zip = lieAboutSizes(honest, 'xl/worksheets/sheet1.xml', { uncompressed: 1000 });
    // the directory alone looks fine
    expect(await checkZipCaps(zip, { inflate: false })).toMatchObject({ ok: true });
    const r = await checkZipCaps(zip);
    expect(r).toMatchObject({ ok: false, code: 'file-too-large' });
  });

  it('calls a zip it cannot open unreadable', async () => {
    expect(await checkZipCaps(Buffer.from('PK\x03\x04 not really a zip'))).toMatchObject({ ok: false, code: 'file-unreadable' });
    const zip = await zipOf({ 'a.xml': 'x'.repeat(5000) });
    expect(await checkZipCaps(zip.subarray(0, zip.length - 30))).toMatchObject({ ok: false, code: 'file-unreadable' });
  });
});

describe('checkSmallZipCapsSync', () => {
  it('answers exactly as checkZipCaps for an ordinary small zip', async () => {
    const zip = await zipOf({ 'a.xml': 'x'.repeat(5000), 'b/c.txt': '活动' });
    expect(checkSmallZipCapsSync(zip)).toEqual(await checkZipCaps(zip));
    const stored = await zipOf({ 'a.xml': 'y'.repeat(300) }, { compress: false });
    expect(checkSmallZipCapsSync(stored)).toEqual(await checkZipCaps(stored));
  });

  it('never says yes where checkZipCaps says no: it leaves those to checkZipCaps', async () => {
    const bombs = [
      await zipOf({ 'xl/sharedStrings.xml': Buffer.alloc(11 * MiB, 0x20) }),
      lieAboutSizes(await zipOf({ 'big.xml': 'x'.repeat(100_000) }), 'big.xml', { uncompressed: 201 * MiB }),
      lieAboutSizes(await zipOf({ 'xl/worksheets/sheet1.xml': Buffer.alloc(30 * MiB, 0x41) }), 'xl/worksheets/sheet1.xml', { uncompressed: 1000 }),
      Buffer.from('PK\x03\x04 not really a zip'),
      await zipOf({ 'a.xml': 'x'.repeat(5000) }).then((z) => z.subarray(0, z.length - 30)),
    ];
    for (const [i, zip] of bombs.entries()) {
      expect((await checkZipCaps(zip)).ok, `case ${i}`).toBe(false);
      expect(checkSmallZipCapsSync(zip), `case ${i}`).toBeUndefined();
    }
  });

  it('leaves an entry over 16 MB to the streaming check', async () => {
    // random text: compresses about 4:3, far from the ratio cap
    const zip = await zipOf({ 'xl/worksheets/sheet1.xml': Buffer.from(randomBytes(13 * MiB).toString('base64')) });
    expect(checkSmallZipCapsSync(zip)).toBeUndefined();
    expect(await checkZipCaps(zip)).toMatchObject({ ok: true });
  });
});

describe('listZipEntries', () => {
  it('gives names decoded as yauzl does, with the raw bytes for GBK decoding', async () => {
    const gbk = iconv.encode('附件2-官陡街道.xlsx', 'gbk'); // 18 bytes
    const placeholder = 'X'.repeat(gbk.length - 5) + '.xlsx';
    const zip = renameRaw(await zipOf({ [placeholder]: 'data', '活动汇总/说明.txt': 'y', 'dir/': '' }), placeholder, gbk);
    const entries = await listZipEntries(zip);
    expect(entries.map((e) => e.isDirectory)).toEqual([false, false, true]);
    const [first, second] = entries;
    expect(first.utf8).toBe(false);
    expect(first.rawName.equals(gbk)).toBe(true);
    expect(iconv.decode(first.rawName, 'gbk')).toBe('附件2-官陡街道.xlsx');
    expect(first.name).not.toBe('附件2-官陡街道.xlsx'); // CP437 as yauzl decodes it
    expect(second).toMatchObject({ name: '活动汇总/说明.txt', utf8: true, uncompressedSize: 1 });
  });

  it('lists a name yauzl would refuse to decode ("../x") instead of failing', async () => {
    const zip = renameRaw(await zipOf({ 'aa/x.txt': 'z' }), 'aa/x.txt', Buffer.from('../x.txt'));
    const entries = await listZipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['../x.txt']);
  });
});
