/**
 * A tiny zip writer for tests, because yazl always sets the UTF-8 flag and writes UTF-8 names:
 * mailbox "download all attachments" zips from Chinese webmail carry GBK name bytes with general
 * purpose bit 11 clear, and some add an Info-ZIP Unicode Path extra field (0x7075).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface ZipEntrySpec {
  /** the name bytes as stored; a string is encoded as `nameEncoding` (default gbk) */
  name: string | Buffer;
  nameEncoding?: 'gbk' | 'utf8';
  /** set general purpose bit 11 (names are UTF-8); default: true only for utf8 names */
  utf8Flag?: boolean;
  /** add an Info-ZIP Unicode Path extra field (0x7075) holding this UTF-8 name */
  unicodePath?: string;
  /** corrupt the 0x7075 field's CRC, so readers must ignore it */
  badUnicodePathCrc?: boolean;
  data?: Buffer | string;
  /** stored (0) or deflated (8); default 8 */
  method?: 0 | 8;
  /** a directory entry (name should end with '/') */
  directory?: boolean;
}

function nameBytes(e: ZipEntrySpec): Buffer {
  if (Buffer.isBuffer(e.name)) return e.name;
  return e.nameEncoding === 'utf8' ? Buffer.from(e.name, 'utf8') : iconv.encode(e.name, 'gbk');
}

function unicodePathExtra(nameRaw: Buffer, unicode: string, bad: boolean): Buffer {
  const utf8 = Buffer.from(unicode, 'utf8');
  const data = Buffer.alloc(5 + utf8.length);
  data.writeUInt8(1, 0);
  data.writeUInt32LE((crc32(nameRaw) ^ (bad ? 0xffffffff : 0)) >>> 0, 1);
  utf8.copy(data, 5);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0x7075, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/** Build a zip archive in memory. Entries sharing one data Buffer are deflated once. */
export function writeZip(entries: ZipEntrySpec[]): Buffer {
  const deflated = new Map<Buffer, { body: Buffer; crc: number }>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = nameBytes(e);
    const raw = e.directory ? Buffer.alloc(0) : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
    const method = e.directory ? 0 : (e.method ?? 8);
    let packed = method === 8 ? deflated.get(raw) : undefined;
    if (!packed) {
      packed = { body: method === 8 ? deflateRawSync(raw) : raw, crc: crc32(raw) >>> 0 };
      if (method === 8 && Buffer.isBuffer(e.data)) deflated.set(raw, packed);
    }
    const { body, crc } = packed;
    const utf8Flag = e.utf8Flag ?? (!Buffer.isBuffer(e.name) && e.nameEncoding === 'utf8');
    const flags = utf8Flag ? 0x0800 : 0;
    const extra = e.unicodePath !== undefined ? unicodePathExtra(name, e.unicodePath, !!e.badUnicodePathCrc) : Buffer.alloc(0);
    const dosTime = (10 << 11) | (5 << 5); // 10:05:00
    const dosDate = ((2023 - 1980) << 9) | (9 << 5) | 12; // 2023-09-12

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(e.directory ? 0x10 : 0x20, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);

    offset += local.length + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0, 4);
  eocd.writeUInt16LE(0, 6);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, cd, eocd]);
}
