/**
 * .csv / .txt: one sheet named after the file, every cell text ('s'; numbers stay text, the later
 * stages parse text). The encoding is found, never guessed silently:
 *  - a BOM decides (UTF-8, UTF-16 LE/BE: Excel's "Unicode 文本" export is UTF-16 with tabs;
 *    UTF-32 LE/BE); without one, UTF-16 and UTF-32 are told by where their NUL bytes fall;
 *  - else strict UTF-8 when the bytes are valid UTF-8;
 *  - else GB18030 (a superset of GBK and GB2312), accepted only when the result reads as text
 *    (almost no U+FFFD, control characters or code points outside common scripts);
 *  - else the file is unreadable, with the reason.
 * The delimiter is sniffed from the first lines: comma, tab or semicolon.
 */
import { iconv, parseCsv } from '../lazy-modules.js';
import type { Cell, Workbook } from '../../core/table.js';
import { unicodeTextEncoding } from './sniff-format.js';

export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gb18030' }
  | { ok: false; reason: string };

export class CsvUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CsvUnreadableError';
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return plausible(text) ? { ok: true, text, encoding: 'utf-8' } : { ok: false, reason: '文本编码无法识别(UTF-8 内容损坏)' };
  }
  // UTF-16 or UTF-32, with a BOM or told by the pattern of NUL bytes (before UTF-8: NUL is valid UTF-8)
  const wide = unicodeTextEncoding(bytes);
  if (wide) {
    const { encoding, bom } = wide;
    const body = bytes.subarray(bom);
    const text =
      encoding === 'utf-16le' || encoding === 'utf-16be'
        ? new TextDecoder(encoding, { ignoreBOM: true }).decode(body)
        : iconv().decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding, { stripBOM: false });
    const label = encoding.startsWith('utf-16') ? 'UTF-16' : 'UTF-32';
    return plausible(text) ? { ok: true, text, encoding } : { ok: false, reason: `文本编码无法识别(${label} 内容损坏)` };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (plausible(text)) return { ok: true, text, encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the Chinese national encoding
  }
  const text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (plausible(text)) return { ok: true, text, encoding: 'gb18030' };
  return { ok: false, reason: '文本编码无法识别,既不是 UTF-8 也不是 GBK' };
}

/**
 * Reads as text: at most 1 % of the characters are replacement characters, C0/C1 controls
 * (other than tab and line breaks), private-use or unassigned-looking code points, counting
 * characters of the common scripts (ASCII, Latin, CJK and its punctuation, full-width forms)
 * as good.
 */
export function plausible(text: string): boolean {
  let bad = 0;
  let total = 0;
  const limit = Math.min(text.length, 256 * 1024);
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    total++;
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) bad++;
    else if (code === 0xfffd) bad++;
    else if (code >= 0xe000 && code <= 0xf8ff)
      bad++; // private use: GB18030 maps unassigned bytes there
    else if (code >= 0xd800 && code <= 0xdfff) {
      // astral characters (CJK extension B… or emoji): fine, skip the low surrogate
      i++;
    }
  }
  return total === 0 || bad <= Math.max(0, total / 100);
}

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter used by the first lines: the candidate present on the most lines with a steady count. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: ',' | '\t' | ';' = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const present = counts.filter((n) => n > 0);
    if (present.length === 0) continue;
    // the most frequent non-zero count, and how many lines have it
    const freq = new Map<number, number>();
    for (const n of present) freq.set(n, (freq.get(n) ?? 0) + 1);
    const steady = Math.max(...freq.values());
    const score = steady * 1000 + present.length;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** The sheet name for a CSV: the file's base name without extension ('a.eml#表.csv' → '表'). */
export function csvSheetName(file: string): string {
  const member = file.split('#').pop() ?? file;
  const base = member.split(/[\\/]/).pop() ?? member;
  const name = base.replace(/\.[^.]*$/, '');
  return name === '' ? 'Sheet1' : name;
}

export function readCsv(bytes: Uint8Array, file: string): Workbook {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CsvUnreadableError(decoded.reason);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false }) as string[][];
  } catch {
    // an unbalanced quote: read it as plain delimited text rather than not at all
    try {
      records = parseCsv(text, { delimiter, relax_column_count: true, quote: false, skip_empty_lines: false, bom: false }) as string[][];
    } catch {
      throw new CsvUnreadableError('CSV 格式错误');
    }
  }
  const rows: (Cell | undefined)[][] = records.map((rec) => rec.map((v) => (v === '' ? undefined : ({ t: 's', v } as Cell))));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === undefined)) rows.pop();
  return {
    format: 'csv',
    date1904: false,
    sheets: [{ name: csvSheetName(file), hidden: false, rows, merges: [] }],
  };
}
