/**
 * The directory of an OLE compound file (legacy .xls, WPS .et, .doc, .msg, an encrypted .xlsx):
 * the names of its streams and storages, read in place, bounded by the file's own size.
 */

/** The first bytes of every OLE compound file. */
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

/**
 * Names in an OLE compound file's directory (streams and storages), or `undefined` when the
 * structure is broken. Bounded: every chain walk stops at the number of sectors in the file.
 */
export function readOleDirectoryNames(bytes: Uint8Array): string[] | undefined {
  if (!startsWith(bytes, OLE_MAGIC) || bytes.length < 512) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((buf.length - 512) / sectorSize) + 1;
  const sectorAt = (n: number): Buffer | undefined => {
    const off = (n + 1) * sectorSize;
    // the last sector may be short in truncated files; tolerate that
    return off < buf.length ? buf.subarray(off, Math.min(buf.length, off + sectorSize)) : undefined;
  };
  const ENDOFCHAIN = 0xfffffffe;
  const FREESECT = 0xffffffff;

  // FAT sector list: 109 in the header, then the DIFAT chain
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + i * 4);
    if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
  }
  let difat = buf.readUInt32LE(0x44);
  let guard = 0;
  while (difat !== ENDOFCHAIN && difat !== FREESECT && guard++ < sectorCount) {
    const sec = sectorAt(difat);
    if (!sec) break;
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && (i + 1) * 4 <= sec.length; i++) {
      const s = sec.readUInt32LE(i * 4);
      if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
    }
    difat = sec.length >= sectorSize ? sec.readUInt32LE(sectorSize - 4) : ENDOFCHAIN;
  }
  const fatLen = Math.min(fatSectors.length * (sectorSize / 4), sectorCount + 1024);
  const fat = new Uint32Array(fatLen).fill(FREESECT);
  let k = 0;
  for (const s of fatSectors) {
    const sec = sectorAt(s);
    if (!sec) continue;
    for (let i = 0; i + 4 <= sec.length && k < fatLen; i += 4) fat[k++] = sec.readUInt32LE(i);
    if (k >= fatLen) break;
  }

  const names: string[] = [];
  let dirSector = buf.readUInt32LE(0x30);
  guard = 0;
  while (dirSector !== ENDOFCHAIN && dirSector < sectorCount && guard++ < sectorCount) {
    const sec = sectorAt(dirSector);
    if (!sec) break;
    for (let off = 0; off + 128 <= sec.length; off += 128) {
      const type = sec[off + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const len = Math.min(sec.readUInt16LE(off + 0x40), 64);
      if (len < 2) continue;
      names.push(sec.subarray(off, off + len - 2).toString('utf16le'));
    }
    dirSector = dirSector < fat.length ? fat[dirSector] : ENDOFCHAIN;
  }
  return names.length > 0 ? names : undefined;
}
