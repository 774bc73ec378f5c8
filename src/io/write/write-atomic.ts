/**
 * Every output is written whole to a temporary name in the same folder, then renamed (SPEC §8),
 * so a crash never leaves a half-written workbook where the clerk expects a good one.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** `data` may be given in pieces (an iterable of strings or bytes), so a large text is never one string. */
export async function writeFileAtomic(file: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  // a long name (a unit's name of 80 Chinese characters) must leave room for the suffixes: the
  // temporary name is then a short one (issue 13, item 16)
  const base = Buffer.byteLength(path.basename(file)) > 200 ? 'kepuri' : path.basename(file);
  const tmp = path.join(dir, `.${base}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
