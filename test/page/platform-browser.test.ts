/**
 * The page's stand-ins for Node modules (issue 14, src/io/platform-browser/), checked in Node
 * against the real thing: what the readers and writers rely on must behave the same.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import iconvLite from 'iconv-lite';
import * as pz from '../../src/io/platform-browser/zlib.js';
import * as pfs from '../../src/io/platform-browser/fs.js';
import * as piconv from '../../src/io/platform-browser/iconv.js';

const xml = Buffer.from('<row r="1"><c r="A1" t="s"><v>12</v></c><c r="B1"><v>45187</v></c></row>'.repeat(5000) + '科普日活动');

describe('zlib on fflate', () => {
  it('inflates what Node deflates, and stops with a RangeError past maxOutputLength', () => {
    const raw = zlib.deflateRawSync(xml);
    expect(Buffer.compare(pz.inflateRawSync(raw), xml)).toBe(0);
    expect(Buffer.compare(pz.inflateRawSync(raw, { maxOutputLength: xml.length }), xml)).toBe(0);
    // a fresh copy: not the remembered result of the same bytes
    expect(() => pz.inflateRawSync(Buffer.from(raw), { maxOutputLength: 1000 })).toThrow(RangeError);
    expect(() => pz.inflateRawSync(raw, { maxOutputLength: 1000 })).toThrow(RangeError);
    expect(() => pz.inflateRawSync(raw.subarray(0, raw.length >> 1))).toThrow();
    expect(() => pz.inflateRawSync(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow();
    expect(() => pz.inflateRawSync(Buffer.from(raw), { maxOutputLength: 1000 })).not.toThrow(TypeError);
  });

  it('writes sync-flushed blocks and a final block that Node inflates as one stream', async () => {
    const parts = [xml.subarray(0, 100_000), xml.subarray(100_000, 250_000), xml.subarray(250_000)];
    const blocks = await Promise.all(
      parts.map(
        (p, i) =>
          new Promise<Buffer>((resolve, reject) =>
            pz.deflateRaw(p, { level: 4, finishFlush: i === parts.length - 1 ? pz.constants.Z_FINISH : pz.constants.Z_SYNC_FLUSH }, (err, out) =>
              err ? reject(err) : resolve(out),
            ),
          ),
      ),
    );
    const joined = Buffer.concat(blocks);
    expect(joined.length).toBeLessThan(xml.length / 10);
    expect(Buffer.compare(zlib.inflateRawSync(joined), xml)).toBe(0);
    expect(Buffer.compare(zlib.inflateRawSync(pz.deflateRawSync(xml)), xml)).toBe(0);
  });

  it('computes the same CRC-32 as Node, also chained', () => {
    expect(pz.crc32(xml)).toBe(zlib.crc32(xml));
    expect(pz.crc32(xml.subarray(100), pz.crc32(xml.subarray(0, 100)))).toBe(zlib.crc32(xml));
    expect(pz.crc32('科普')).toBe(zlib.crc32('科普'));
    for (let n = 0; n < 40; n++) {
      const b = xml.subarray(3, 3 + n * 13);
      expect(pz.crc32(b, 12345), String(n)).toBe(zlib.crc32(b, 12345));
    }
  });

  it('inflates as a stream, and reports a corrupt stream as an error', async () => {
    const raw = zlib.deflateRawSync(xml);
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const s = pz.createInflateRaw();
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('end', resolve);
      s.on('error', reject);
      s.write(raw.subarray(0, 1000));
      s.end(raw.subarray(1000));
    });
    expect(Buffer.compare(Buffer.concat(chunks), xml)).toBe(0);
    const failed = await new Promise<boolean>((resolve) => {
      const s = pz.createInflateRaw();
      s.on('data', () => undefined);
      s.on('error', () => resolve(true));
      s.on('end', () => resolve(false));
      s.end(raw.subarray(0, 50));
    });
    expect(failed).toBe(true);
  });
});

describe('fs in memory', () => {
  it('walks, reads, writes atomically and renames like the disk', async () => {
    pfs.putFile('/kepuri/收件箱/a.xlsx', Buffer.from('A'));
    pfs.putFile('/kepuri/收件箱/子/b.csv', Buffer.from('B'));
    const entries = (await pfs.promises.readdir('/kepuri/收件箱', { withFileTypes: true })) as { name: string; isDirectory(): boolean }[];
    expect(entries.map((e) => [e.name, e.isDirectory()])).toEqual([
      ['a.xlsx', false],
      ['子', true],
    ]);
    expect((await pfs.promises.stat('/kepuri/收件箱/a.xlsx')).size).toBe(1);
    expect(pfs.readFileSync('/kepuri/收件箱/子/b.csv', 'utf8')).toBe('B');
    await expect(pfs.promises.stat('/kepuri/none')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => pfs.writeFileSync('/nowhere/x', 'x')).toThrow();
    await pfs.promises.mkdir('/out/反馈', { recursive: true });
    await pfs.promises.writeFile('/out/反馈/.t.tmp', ['a', Buffer.from('b')] as unknown as string);
    await pfs.promises.rename('/out/反馈/.t.tmp', '/out/反馈/t.txt');
    expect(pfs.listFiles('/out')).toEqual(['/out/反馈/t.txt']);
    expect(pfs.takeFile('/out/反馈/t.txt')!.toString()).toBe('ab');
    pfs.removeTree('/out');
    pfs.removeTree('/kepuri');
    expect(pfs.existsSync('/kepuri/收件箱/a.xlsx')).toBe(false);
  });
});

describe('iconv on TextDecoder', () => {
  it('decodes GBK, GB18030 and UTF-16 as iconv-lite does', () => {
    const text = '鸠江区科协，活动安排表（附件2）😀';
    for (const enc of ['gb18030', 'utf16le', 'utf16be']) {
      const bytes = iconvLite.encode(text, enc);
      expect(piconv.decode(bytes, enc), enc).toBe(iconvLite.decode(bytes, enc));
    }
    const gbk = iconvLite.encode('四褐山街道', 'gbk');
    expect(piconv.decode(gbk, 'gb18030')).toBe('四褐山街道');
    expect(piconv.decode(Buffer.from([0x41, 0, 0, 0, 0x00, 0xf6, 0x01, 0]), 'utf-32le')).toBe('A😀');
    expect(piconv.encodingExists('gbk')).toBe(true);
  });
});

describe('zlib on fflate: blocks of every size end where the next may start', () => {
  it('concatenates sync-flushed blocks of many sizes and contents', async () => {
    const pieces = [1, 2, 3, 7, 100, 1000, 65_535, 65_536, 70_000, 200_000];
    for (const n of pieces) {
      const a = Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919) % 251));
      const b = xml.subarray(0, n);
      const blocks = await Promise.all(
        [a, b, a].map(
          (p, i) =>
            new Promise<Buffer>((resolve, reject) =>
              pz.deflateRaw(p, { level: 4, finishFlush: i === 2 ? pz.constants.Z_FINISH : pz.constants.Z_SYNC_FLUSH }, (err, out) =>
                err ? reject(err) : resolve(out),
              ),
            ),
        ),
      );
      expect(Buffer.compare(zlib.inflateRawSync(Buffer.concat(blocks)), Buffer.concat([a, b, a])), String(n)).toBe(0);
    }
  });
});
