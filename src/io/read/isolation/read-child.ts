/**
 * The parse step of every spreadsheet reader, and the child process that runs it.
 *
 * `parseSpreadsheet` turns bytes already classified and size-checked into the neutral Workbook
 * (read-xlsx-fast for .xlsx/.xlsm, then exceljs, then SheetJS as the fallbacks, SheetJS for the legacy formats, our
 * CSV reader for text). It never throws.
 *
 * Run as a child process (forked by read-workbook.ts with READ_CHILD_ENV set), this module
 * answers parse jobs one at a time, so a hostile file that makes a parser loop or exhaust memory
 * only takes this process down: the parent kills it on a timeout, or sees it die at its heap
 * limit, and reports the file unreadable. Imported normally (in-process parsing, as under
 * vitest, which runs the TypeScript sources), it does nothing but export.
 */
import type { Cell, Sheet, Workbook, WorkbookFormat } from '../../../core/table.js';
import { CsvUnreadableError, readCsv } from '../read-csv.js';
import type { LegacyFlavor } from '../read-legacy.js';
import { SheetTextTooLarge, sheetTextReason } from '../sheet-text-cap.js';

// The parsers load on first use: exceljs takes ~0.4 s to import, SheetJS ~0.1 s and its code
// pages ~0.2 s (needed for BIFF .xls only); a run over .xlsx files never loads SheetJS.
let xlsxModule: Promise<typeof import('../read-xlsx-exceljs.js')> | undefined;
let xlsxFastModule: Promise<typeof import('../read-xlsx-fast.js')> | undefined;
let legacyModule: Promise<typeof import('../read-legacy.js')> | undefined;
const loadXlsx = () => (xlsxModule ??= import('../read-xlsx-exceljs.js'));
const loadXlsxFast = () => (xlsxFastModule ??= import('../read-xlsx-fast.js'));
const loadLegacy = () => (legacyModule ??= import('../read-legacy.js'));

/** Set in the environment of the child process read-workbook.ts forks to run this module. */
export const READ_CHILD_ENV = 'KEPURI_READ_CHILD';

export interface ParseRequest {
  format: WorkbookFormat;
  flavor?: LegacyFlavor;
  /**
   * An encrypted OOXML container (EncryptionInfo/EncryptedPackage): tried with Excel's default
   * key, then read as what it holds (`format` is ignored). Done here, in the read child, so the
   * container parser and the key derivation run under the child's time and heap limits.
   */
  encrypted?: boolean;
  /** the path as shown (used for a CSV's sheet name) */
  file: string;
}

export type ParseOutcome = { ok: true; workbook: Workbook } | { ok: false; code: 'file-unreadable' | 'file-encrypted' | 'file-too-large'; reason: string };

/** Reason shown for files no reader can open. */
export const REASON_CORRUPT = '文件已损坏或不是有效的表格';

export async function parseSpreadsheet(bytes: Buffer, req: ParseRequest): Promise<ParseOutcome> {
  if (req.encrypted) return parseEncrypted(bytes, req);
  try {
    switch (req.format) {
      case 'csv':
        return { ok: true, workbook: readCsv(bytes, req.file) };
      case 'xlsx':
      case 'xlsm': {
        // the fast reader first (no exceljs to load, ~40× quicker); it declines anything outside
        // the subset it reads exactly as exceljs does, and exceljs reads those
        try {
          const { readXlsxFast } = await loadXlsxFast();
          return { ok: true, workbook: readXlsxFast(bytes, req.format) };
        } catch (err) {
          if (err instanceof SheetTextTooLarge) throw err; // exceljs would only take longer to say so
          // declined (or failed): exceljs, as before
        }
        try {
          const { readXlsx } = await loadXlsx();
          return { ok: true, workbook: await readXlsx(bytes, req.format) };
        } catch (err) {
          if (err instanceof SheetTextTooLarge) throw err;
          // exceljs could not (or not faithfully) read it: SheetJS is more forgiving
          const { readLegacy } = await loadLegacy();
          return { ok: true, workbook: readLegacy(bytes, req.format) };
        }
      }
      default: {
        const legacy = await loadLegacy();
        const biff = (req.format === 'xls' || req.format === 'et') && !req.flavor;
        if (biff) await legacy.loadCodepages();
        try {
          return { ok: true, workbook: legacy.readLegacy(bytes, req.format, req.flavor) };
        } catch (err) {
          // an .xls saved with write protection is RC4-encrypted with Excel's default key
          if (!biff || !(err instanceof Error) || err.name !== 'EncryptedWorkbookError') throw err;
          const { decryptWithDefaultKey } = await import('../decrypt-default-key.js');
          const plain = await decryptWithDefaultKey(bytes);
          if (!plain) throw err;
          return { ok: true, workbook: legacy.readLegacy(plain, req.format, req.flavor) };
        }
      }
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'EncryptedWorkbookError') return { ok: false, code: 'file-encrypted', reason: '文件设置了密码' };
    if (err instanceof CsvUnreadableError) return { ok: false, code: 'file-unreadable', reason: err.reason };
    if (err instanceof SheetTextTooLarge) return { ok: false, code: 'file-too-large', reason: sheetTextReason(err.sheet) };
    if (err instanceof RangeError) return { ok: false, code: 'file-unreadable', reason: '文件结构异常或过大' };
    return { ok: false, code: 'file-unreadable', reason: REASON_CORRUPT };
  }
}

/** An encrypted .xlsx/.xlsm/.xlsb: Excel's default key, the size caps on what it holds, then its reader. */
async function parseEncrypted(bytes: Buffer, req: ParseRequest): Promise<ParseOutcome> {
  try {
    const { decryptWithDefaultKey } = await import('../decrypt-default-key.js');
    const plain = await decryptWithDefaultKey(bytes);
    if (!plain) return { ok: false, code: 'file-encrypted', reason: '文件设置了密码' };
    const { classifyInput } = await import('../sniff-format.js');
    const cls = classifyInput(plain);
    if (cls.kind !== 'spreadsheet' || (cls.format !== 'xlsx' && cls.format !== 'xlsm' && cls.format !== 'xlsb')) {
      return { ok: false, code: 'file-unreadable', reason: REASON_CORRUPT };
    }
    // what the package holds gets the caps any zip gets (an encrypted zip bomb is still one)
    const { checkSmallZipCapsSync, checkZipCaps } = await import('../zip-caps.js');
    const caps = checkSmallZipCapsSync(plain) ?? (await checkZipCaps(plain));
    if (!caps.ok) return { ok: false, code: caps.code === 'file-too-large' ? 'file-too-large' : 'file-unreadable', reason: caps.reason };
    return parseSpreadsheet(plain, { format: cls.format, file: req.file });
  } catch {
    return { ok: false, code: 'file-unreadable', reason: REASON_CORRUPT };
  }
}

/** Parent → child (IPC with `serialization: 'advanced'`, so bytes travel as bytes). */
export interface ChildJob extends ParseRequest {
  id: number;
  bytes: Uint8Array;
}

/**
 * Child → parent. A workbook travels as compact JSON text: a text cell is its string, a plain
 * number its number, an empty cell null, any other cell a small array. For a large workbook
 * (millions of cells) this is about twice as fast as V8-serialising the object graph (measured:
 * 3.8 M cells, ~3 s against ~9 s), and a string crosses the pipe as one block.
 */
export type ChildReply = { id: number; json: string } | { id: number; outcome: Extract<ParseOutcome, { ok: false }> };

type WireCell = string | number | null | [Cell['t'], unknown, string?];

function encodeCell(c: Cell | undefined): WireCell {
  if (c === undefined) return null;
  if (c.t === 's') return c.v;
  if (c.t === 'n') return c.fmt === undefined ? c.v : ['n', c.v, c.fmt];
  return [c.t, c.v];
}

function decodeCell(x: WireCell): Cell | undefined {
  if (x === null) return undefined;
  if (typeof x === 'string') return { t: 's', v: x };
  if (typeof x === 'number') return { t: 'n', v: x };
  const [t, v, fmt] = x;
  if (t === 'n') return fmt === undefined ? { t, v: v as number } : { t, v: v as number, fmt };
  if (t === 'b') return { t, v: v as boolean };
  return { t, v: v as string };
}

/** A ParseOutcome for the main thread. */
export function encodeOutcome(id: number, outcome: ParseOutcome): ChildReply {
  if (!outcome.ok) return { id, outcome };
  const wb = outcome.workbook;
  const wire = { ...wb, sheets: wb.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => (row ?? []).map(encodeCell)) })) };
  return { id, json: JSON.stringify(wire) };
}

/** The workbook sent by encodeOutcome. */
export function decodeWorkbook(json: string): Workbook {
  const wire = JSON.parse(json) as Omit<Workbook, 'sheets'> & { sheets: (Omit<Sheet, 'rows'> & { rows: (WireCell[] | null)[] })[] };
  return {
    ...wire,
    sheets: wire.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => (row ?? []).map(decodeCell)) })),
  };
}

if (process.env[READ_CHILD_ENV] === '1' && typeof process.send === 'function') {
  const send = (reply: ChildReply) => process.send?.(reply);
  // most inputs are .xlsx: start loading exceljs while the first file is on its way
  void loadXlsx().catch(() => undefined);
  process.on('message', (job: ChildJob) => {
    void parseSpreadsheet(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job)
      .then((outcome) => encodeOutcome(job.id, outcome))
      .then(send, () => send({ id: job.id, outcome: { ok: false, code: 'file-unreadable', reason: REASON_CORRUPT } }));
  });
  // the parent went away (exited, or killed us): nothing left to do
  process.on('disconnect', () => process.exit(0));
}
