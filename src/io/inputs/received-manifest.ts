/**
 * The `--received FILE` manifest (SPEC §5): a CSV of file name and receive time, for inputs that
 * did not come in a saved `.eml` (attachments saved to disk, members of a mailbox's zip download).
 *
 * - encoding: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else GBK /
 *   GB18030 — decided by the bytes;
 * - separator: comma, or tab, or a full-width comma when the first line has neither;
 * - an optional header row (`文件名,接收时间`, `file,received`, …); with a header the columns are
 *   found by name and may be in any order, without one the first column is the name and the
 *   second the time;
 * - times: `2024-09-12T10:05:00+08:00` (any offset, or `Z`), or local Asia/Shanghai time
 *   `2024-09-12 10:05`, `2024/9/12 10:05:00`, `2024.9.12 10:05`, `2024年9月12日 10:05`, or a bare
 *   date `2024-09-12` (read as 00:00, which gives the same on-time/late answer as any time that day).
 *
 * A bad line is an error naming its line number; the CLI exits 2 on any (SPEC §9).
 * A manifest name matches an input by base name, case-insensitively after NFC; a name written with
 * a folder or container (`inbox/a.xlsx`, `附件打包下载.zip#a.xlsx`) is preferred for an input whose
 * path ends with it.
 */
import { promises as fs } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { iconv, parseCsv } from '../lazy-modules.js';
import { shanghaiLocalToMs, toShanghaiIso } from './received-time.js';

export interface ManifestEntry {
  /** the name as written in the manifest, trimmed */
  name: string;
  /** ISO 8601 with +08:00 */
  receivedAt: string;
  /** 1-based line in the manifest file */
  line: number;
}

export interface ManifestError {
  line: number;
  message: string;
}

const NAME_HEADERS = /^(文件名称?|文件|附件名?称?|附件名|名称|file\s*name|filename|file|name)$/i;
const TIME_HEADERS = /^(接收时间|收到时间|收件时间|报送时间|提交时间|时间|日期|接收日期|received(\s*at)?|time|date)$/i;

/** Decode the manifest's bytes to text. */
export function decodeManifestText(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return iconv().decode(bytes.subarray(2), 'utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return iconv().decode(bytes.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv().decode(bytes, 'gb18030');
  }
}

function pickDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes('，')) return '，';
  return ',';
}

const TIME_RE =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s*T\s*|\s+|(?<=日))(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A manifest time → ISO 8601 in Asia/Shanghai (+08:00), or undefined. */
export function parseManifestTime(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  const m = TIME_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const h = m[4] !== undefined ? Number(m[4]) : 0;
  const mi = m[5] !== undefined ? Number(m[5]) : 0;
  const sec = m[6] !== undefined ? Number(m[6]) : 0;
  if (sec > 59) return undefined;
  const local = shanghaiLocalToMs(y, mo, d, h, mi, sec);
  if (local === undefined) return undefined;
  const zone = m[7];
  if (zone === undefined) return toShanghaiIso(local);
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!z) return undefined;
    const zh = Number(z[2]);
    const zm = z[3] ? Number(z[3]) : 0;
    if (zh > 14 || zm > 59) return undefined;
    offsetMin = (z[1] === '-' ? -1 : 1) * (zh * 60 + zm);
  }
  return toShanghaiIso(Date.UTC(y, mo - 1, d, h, mi, sec) - offsetMin * 60_000);
}

function cleanCell(v: string | undefined): string {
  return (v ?? '').replace(/^\uFEFF/, '').trim();
}

/** Parse a manifest file's bytes. `file` is only used in messages. */
export function parseManifest(bytes: Buffer, file: string): { entries: ManifestEntry[]; errors: ManifestError[] } {
  const entries: ManifestEntry[] = [];
  const errors: ManifestError[] = [];
  const records = readCsvRecords(decodeManifestText(bytes), file);
  if (!Array.isArray(records)) {
    errors.push(records);
    return { entries, errors };
  }

  let columns: ManifestColumns = { nameCol: 0, timeCol: 1 };
  let headerSeen = false;
  const seen = new Map<string, ManifestEntry>();
  for (const { record, info } of records) {
    const cells = record.map(cleanCell);
    const line = info.lines;
    if (cells.every((c) => c === '')) continue;
    if (!headerSeen && entries.length === 0 && errors.length === 0) {
      headerSeen = true;
      const header = findHeaderColumns(cells);
      if (header === 'incomplete') {
        errors.push({ line, message: '表头应有「文件名」和「接收时间」两列' });
        return { entries, errors };
      }
      if (header) {
        columns = header;
        continue;
      }
    }
    const { name, timeText, receivedAt } = readNameAndTime(record, cells, columns);
    const problem = lineProblem(name, timeText, receivedAt);
    if (problem !== undefined) {
      errors.push({ line, message: problem });
      continue;
    }
    const key = matchKey(name);
    const prev = seen.get(key);
    if (prev) {
      if (prev.receivedAt !== receivedAt) {
        errors.push({ line, message: `「${name}」重复出现,且与第 ${prev.line} 行的时间不同` });
      }
      continue;
    }
    const entry: ManifestEntry = { name, receivedAt: receivedAt!, line };
    seen.set(key, entry);
    entries.push(entry);
  }
  return { entries, errors };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** The CSV's records with their line numbers, or the error naming where the CSV breaks. */
function readCsvRecords(text: string, file: string): CsvRecord[] | ManifestError {
  try {
    return parseCsv(text, {
      delimiter: pickDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 1;
    return { line, message: `${file} 无法按 CSV 读取(${(err as Error).message})` };
  }
}

interface ManifestColumns {
  nameCol: number;
  timeCol: number;
}

/** The first line as a header: its name and time columns; undefined when it is not a header, 'incomplete' when one is missing. */
function findHeaderColumns(cells: string[]): ManifestColumns | 'incomplete' | undefined {
  const ni = cells.findIndex((c) => NAME_HEADERS.test(c.replace(/\s+/g, '')));
  const ti = cells.findIndex((c) => TIME_HEADERS.test(c.replace(/\s+/g, '')));
  if (ni < 0 && ti < 0) return undefined;
  if (ni < 0 || ti < 0 || ni === ti) return 'incomplete';
  return { nameCol: ni, timeCol: ti };
}

/** A line's file name, time as written and time read (undefined when blank or unreadable). */
function readNameAndTime(
  record: string[],
  cells: string[],
  { nameCol, timeCol }: ManifestColumns,
): { name: string; timeText: string; receivedAt: string | undefined } {
  let name = cells[nameCol] ?? '';
  let timeText = cells[timeCol] ?? '';
  let receivedAt = timeText === '' ? undefined : parseManifestTime(timeText);
  // No header, more than two cells, the second not a time: a file name holding a comma
  if (receivedAt === undefined && nameCol === 0 && timeCol === 1 && cells.length > 2) {
    const last = cells[cells.length - 1];
    const t = parseManifestTime(last);
    if (t !== undefined) {
      name = record
        .slice(0, record.length - 1)
        .join(',')
        .trim();
      timeText = last;
      receivedAt = t;
    }
  }
  return { name, timeText, receivedAt };
}

/** Why a line gives no entry, or undefined when it gives one. */
function lineProblem(name: string, timeText: string, receivedAt: string | undefined): string | undefined {
  if (name === '') return '缺少文件名';
  if (timeText === '') return `「${name}」缺少接收时间`;
  if (receivedAt === undefined) return `无法识别的接收时间「${timeText}」(应写作“年-月-日 时:分”,如 YYYY-MM-DD HH:mm)`;
  return undefined;
}

/** Folding for name comparison: NFC, trimmed, lower-case. */
export function matchKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** Split a path (file system or provenance `a.eml#b.zip#c.xlsx`) into its components. */
function components(p: string): string[] {
  return p.split(/[/\\#]/).filter((c) => c !== '' && c !== '.');
}

/** Base name of a path or provenance path. */
export function baseNameOf(p: string): string {
  const c = components(p);
  return c.length > 0 ? c[c.length - 1] : p;
}

/**
 * The receive time for an input from the manifest: by base name (case-insensitive, NFC). When
 * `fullPath` (the input's provenance path) is given and several entries share the base name, an
 * entry whose own folders/containers match the end of the path wins.
 */
export function lookupReceived(entries: readonly ManifestEntry[], baseName: string, fullPath?: string): string | undefined {
  const key = matchKey(baseNameOf(baseName));
  const candidates = entries.filter((e) => matchKey(baseNameOf(e.name)) === key);
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1 && components(candidates[0].name).length === 1) return candidates[0].receivedAt;
  const pathParts = fullPath ? components(fullPath).map(matchKey) : [key];
  let best: ManifestEntry | undefined;
  let bestLen = -1;
  for (const e of candidates) {
    const parts = components(e.name).map(matchKey);
    // the entry's components must be a suffix of the input's path
    if (parts.length > pathParts.length) continue;
    const tail = pathParts.slice(pathParts.length - parts.length);
    if (!parts.every((p, i) => p === tail[i])) continue;
    // a bare name is the weakest match
    const len = parts.length;
    if (len > bestLen) {
      best = e;
      bestLen = len;
    }
  }
  // no entry's folders fit this input: the base name alone decides (first such line)
  return (best ?? candidates[0]).receivedAt;
}

/** The --received manifest from disk; a missing or malformed one is bad usage (exit 2), naming its lines. */
export async function loadManifestFile(file: string): Promise<ManifestEntry[]> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new UsageError(`找不到报送时间清单 ${file}`);
  }
  const { entries, errors } = parseManifest(bytes, file);
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((e) => `  第 ${e.line} 行：${e.message}`);
    throw new UsageError(`报送时间清单 ${file} 有误：\n${lines.join('\n')}`);
  }
  return entries;
}
