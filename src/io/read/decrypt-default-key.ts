/**
 * Workbooks "encrypted" with Excel's default key (issue 13 item 7). Excel encrypts a workbook
 * saved with write protection ("建议只读"/修改权限密码) or a protected structure with the fixed
 * password `VelvetSweatshop`, and opens it without asking; so must we. Only a workbook that the
 * default key does not open has a real password (`file-encrypted`).
 *
 * officecrypto-tool does the cryptography: ECMA-376 agile and standard encryption (an .xlsx in
 * an OLE container with EncryptionInfo/EncryptedPackage) and BIFF8 RC4, RC4 CryptoAPI and XOR
 * obfuscation (.xls with a FilePass record). It is loaded only when such a file turns up.
 *
 * The agile key derivation hashes `spinCount` times, a number the file itself gives: Excel writes
 * 100,000 (about half a second per derivation here). A file asking for more is not a
 * default-key file Excel wrote, and a hostile one could ask for billions: it is not tried.
 */
import { createRequire } from 'node:module';

export const DEFAULT_PASSWORD = 'VelvetSweatshop';

/** Largest agile spinCount tried (Excel writes 100,000). */
export const MAX_SPIN_COUNT = 200_000;

interface OfficeCrypto {
  decrypt(input: Buffer, options: { password: string }): Promise<Buffer>;
}
interface CfbEntry {
  content?: Uint8Array | number[];
}
interface Cfb {
  read(data: Buffer, opts: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): CfbEntry | null;
}

const require = createRequire(import.meta.url);
let loaded: { crypto: OfficeCrypto; cfb: Cfb } | undefined;

function load(): { crypto: OfficeCrypto; cfb: Cfb } {
  if (!loaded) {
    const crypto = require('officecrypto-tool') as OfficeCrypto;
    // the container reader officecrypto-tool itself uses (its own dependency)
    const cfb = createRequire(require.resolve('officecrypto-tool'))('cfb') as Cfb;
    loaded = { crypto, cfb };
  }
  return loaded;
}

/**
 * The plain workbook when Excel's default key opens `bytes` (an OLE compound file: an encrypted
 * .xlsx/.xlsm/.xlsb container or an encrypted .xls), else undefined: a real password, an
 * encryption this library does not know, or a broken file. Never throws.
 */
export async function decryptWithDefaultKey(bytes: Buffer): Promise<Buffer | undefined> {
  try {
    const { crypto, cfb } = load();
    const container = cfb.read(bytes, { type: 'buffer' });
    const info = cfb.find(container, '/EncryptionInfo');
    if (info?.content && !spinCountAcceptable(Buffer.from(info.content))) return undefined;
    const plain = await crypto.decrypt(bytes, { password: DEFAULT_PASSWORD });
    // officecrypto-tool hands back its input when it found nothing encrypted
    if (!Buffer.isBuffer(plain) || plain.length === 0 || plain === bytes) return undefined;
    return plain;
  } catch {
    return undefined;
  }
}

/** An agile EncryptionInfo whose every spinCount is within MAX_SPIN_COUNT; other versions pass. */
function spinCountAcceptable(info: Buffer): boolean {
  if (info.length < 8 || info.readUInt16LE(0) !== 4 || info.readUInt16LE(2) !== 4) return true; // not agile
  const xml = info.subarray(8).toString('latin1');
  for (const m of xml.matchAll(/spinCount\s*=\s*["']\s*(\d{1,12})\s*["']/g)) if (Number(m[1]) > MAX_SPIN_COUNT) return false;
  // an agile description without a readable count: the library would read it as NaN or worse
  return /spinCount\s*=\s*["']\s*\d{1,12}\s*["']/.test(xml);
}
