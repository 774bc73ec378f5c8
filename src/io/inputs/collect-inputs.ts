/**
 * What arrived → a flat list of inputs (SPEC §5).
 *
 * The command line names files and folders; folders are searched recursively. Each file is
 * classified by its first bytes (`classifyInput`, never by its extension):
 * - a spreadsheet (or a password-protected one, which the workbook reader reports) is an input;
 * - a saved `.eml` is opened with postal-mime and every attachment is classified in turn;
 * - a `.zip` is opened with yauzl once the size caps pass (`checkZipCaps`: its directory and the
 *   real inflated sizes), and
 *   every member is classified in turn;
 * - anything else is a `file-unsupported` warning and is skipped.
 * Containers nest (a zip in a mail, a mail forwarded as an attachment) up to MAX_CONTAINER_DEPTH.
 *
 * Provenance paths: a file as given on the command line (folder + relative path), an attachment or
 * member as `container#name` (`inbox/a.eml#附件.xlsx`, `a.eml#b.zip#dir/c.xlsx`).
 *
 * Submission time, first that applies: the message's topmost Received, else its Date (for every
 * attachment of that message, including members of an attached zip); the `--received` manifest by
 * base name (the input's own, then its containers', innermost first); otherwise unknown. A mail
 * time header that is present but unreadable is a `received-unknown` finding on each input of that
 * message still without a time, carrying the raw header (never "now").
 *
 * Skipped silently: Office lock files (`~$…`), hidden files and folders (dot-names), Thumbs.db and
 * desktop.ini, anything under the output folder, directories and `__MACOSX/` in zips.
 */
import { iconv } from '../lazy-modules.js';
import fsSync, { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Attachment, Email } from 'postal-mime';
import yauzl from 'yauzl';
import { createFinding, type Finding } from '../../core/finding.js';
import { lookupReceived, type ManifestEntry } from './received-manifest.js';
import { mailTimeFromHeaders } from './received-time.js';
import { classifyInput, type InputClass } from '../read/sniff-format.js';
import { checkFileSize, checkZipCaps, nestedBudgetReason, nestedInflateBudget, sizeCheckFinding } from '../read/zip-caps.js';

export type { ManifestEntry } from './received-manifest.js';

export interface InputItem {
  /** provenance path as given on the command line; attachment/member: 'dir/message.eml#附件名.xlsx', nested 'a.eml#b.zip#c.xlsx' */
  path: string;
  /** base name used for manifest matching and unit-from-filename, e.g. '附件名.xlsx' */
  name: string;
  /** its size in bytes as collected (the file's, the attachment's or the zip member's) */
  size: number;
  /**
   * Its bytes, fetched again from where they are at each call: the file on disk, the member of
   * its zip (inflated again), the attachment of its mail (the mail parsed again). Nothing an
   * inbox holds stays in memory from collection to its turn (issue 13, items 12 and 14): the
   * caller keeps what this returns for as long as it needs it. What changed on disk in between
   * reads as what is there now; what is gone, or no longer where it was, reads as empty.
   */
  readBytes(): Promise<Buffer>;
  /** ISO 8601 with +08:00 offset, e.g. '2024-09-12T10:05:00+08:00' */
  receivedAt?: string;
  receivedFrom?: 'eml' | 'manifest';
  /** for eml: sender address and display name, subject (decoded) */
  email?: { from?: string; fromName?: string; subject?: string };
}

export interface CollectOptions {
  manifest?: ManifestEntry[];
  /** the output folder: nothing under it is an input */
  excludeDir?: string;
  /** every file is an item, not only spreadsheets (the follow-up tracker's materials: docx, pptx, jpg …) */
  everyFile?: boolean;
}

/** How many containers (mails, zips) may be opened one inside another. */
export const MAX_CONTAINER_DEPTH = 3;

/** What a container passes down to what it holds. */
interface Origin {
  receivedAt?: string;
  email?: InputItem['email'];
  /** a mail time header that was present but unreadable, when no time is known */
  unreadableHeader?: string;
  /** enclosing containers, outermost first, for manifest look-up */
  containers: { path: string; name: string }[];
}

interface Ctx {
  path: string;
  name: string;
  /** containers opened above this one (0 for a file on disk) */
  depth: number;
  origin: Origin;
  /** inflated bytes the top-level input this came from may still unpack to (shared by every level) */
  budget: { left: number; total: number };
  /** this file's bytes again (from disk, or from its container, itself fetched again) */
  reload: () => Promise<Buffer>;
  /** `length` bytes of this file from `start`, without reading it whole (a file on disk) */
  readRange?: (start: number, length: number) => Buffer;
}

const EMPTY = Buffer.alloc(0);

interface Collector {
  everyFile?: boolean;
  items: InputItem[];
  findings: Finding[];
  meta: Map<InputItem, Origin>;
}

export async function collectInputs(args: string[], opts: CollectOptions): Promise<{ items: InputItem[]; findings: Finding[] }> {
  const c: Collector = { everyFile: opts.everyFile, items: [], findings: [], meta: new Map() };
  const exclude = opts.excludeDir ? path.resolve(opts.excludeDir) : undefined;
  const seen = new Set<string>();

  for (const arg of args) {
    let st: Awaited<ReturnType<typeof fs.stat>>;
    try {
      st = await fs.stat(arg);
    } catch (err) {
      c.findings.push(createFinding('file-unreadable', { file: arg }, { reason: errnoReason(err) }));
      continue;
    }
    if (isExcluded(arg, exclude)) continue;
    if (st.isDirectory()) {
      const files = await walk(arg, exclude, c.findings);
      // files are opened a few at a time ahead of their turn (a province inbox is thousands of
      // small files: one at a time, the run waited on the disk); they are still taken in order
      const ahead = files.map(() => undefined as Promise<Loaded> | undefined);
      const start = (i: number) => {
        if (i < files.length && !ahead[i]) ahead[i] = loadFile(files[i].shown, files[i].open);
      };
      for (let i = 0; i < Math.min(READ_AHEAD, files.length); i++) start(i);
      for (let i = 0; i < files.length; i++) {
        start(i);
        const loaded = await ahead[i]!;
        ahead[i] = undefined;
        start(i + READ_AHEAD);
        await collectLoaded(files[i].shown, loaded, c, seen);
      }
    } else if (st.isFile()) {
      // a shell glob such as *.xlsx picks up lock files too
      if (isLockFile(path.basename(arg))) continue;
      await collectFile(arg, c, seen);
    } else {
      c.findings.push(createFinding('file-unsupported', { file: arg }, { what: '不是普通文件' }));
    }
  }

  for (const item of c.items) {
    const origin = c.meta.get(item);
    if (!item.receivedAt && opts.manifest && opts.manifest.length > 0) {
      const chain = [{ path: item.path, name: item.name }, ...(origin?.containers ?? []).slice().reverse()];
      for (const link of chain) {
        const t = lookupReceived(opts.manifest, link.name, link.path);
        if (t) {
          item.receivedAt = t;
          item.receivedFrom = 'manifest';
          break;
        }
      }
    }
    if (!item.receivedAt && origin?.unreadableHeader !== undefined) {
      c.findings.push(createFinding('received-unknown', { file: item.path }, { reason: '邮件时间无法识别', header: origin.unreadableHeader }));
    }
  }
  return { items: c.items, findings: c.findings };
}

// ---------------------------------------------------------------------------------------------
// Folders

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** Names skipped silently in folders and zips. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || isLockFile(name) || SYSTEM_FILES.has(name.toLowerCase());
}

function isExcluded(p: string, exclude: string | undefined): boolean {
  if (!exclude) return false;
  const rel = path.relative(exclude, path.resolve(p));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A file found in a folder: its path as shown (names decoded), and as the file system knows it. */
interface FoundFile {
  shown: string;
  open: string | Buffer;
}

/**
 * A name from the file system as people should read it (issue 13, item 16): names that are not
 * UTF-8 are GBK/GB18030 bytes (what `unzip` makes of a Chinese Windows zip on Linux) and are
 * decoded as such; control characters and bidirectional overrides (which can make a name read
 * backwards) are shown escaped, as \u202E.
 */
export function shownFileName(raw: Buffer): string {
  const decoded = isUtf8(raw) ? raw.toString('utf8') : iconv().decode(raw, 'gb18030');
  return escapeInvisible(decoded);
}

/** Control characters and bidi controls as \uXXXX. */
export function escapeInvisible(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Every file under `dir`, sorted by path (plain code-unit order), skipped names left out. */
async function walk(dir: string, exclude: string | undefined, findings: Finding[]): Promise<FoundFile[]> {
  const files: FoundFile[] = [];
  const visited = new Set<string>();
  // a link in the folder is followed only while it stays inside the folder (issue 13, item 17):
  // a link to /etc/passwd must not be read, nor copied into 反馈/
  let root: string;
  try {
    root = await fs.realpath(dir);
  } catch {
    root = path.resolve(dir);
  }
  const visit = async (d: string, dOpen: string | Buffer): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(dOpen);
    } catch {
      real = path.resolve(d);
    }
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    let entries: Dirent<Buffer>[];
    try {
      // names as bytes: a GBK name read as UTF-8 would come back as U+FFFD and could not be opened
      entries = (await fs.readdir(dOpen, { withFileTypes: true, encoding: 'buffer' })) as unknown as Dirent<Buffer>[];
    } catch (err) {
      findings.push(createFinding('file-unreadable', { file: d }, { reason: errnoReason(err) }));
      return;
    }
    for (const e of entries) {
      const raw = e.name;
      const plain = isUtf8(raw) ? raw.toString('utf8') : undefined;
      const name = plain !== undefined && escapeInvisible(plain) === plain ? plain : shownFileName(raw);
      if (isSkippedName(name)) continue;
      const p = path.join(d, name);
      // the path to open: the shown one when the name is shown as it is, else the bytes
      const open: string | Buffer =
        name === plain && typeof dOpen === 'string' ? p : Buffer.concat([typeof dOpen === 'string' ? Buffer.from(dOpen) : dOpen, Buffer.from(path.sep), raw]);
      if (isExcluded(p, exclude)) continue;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await fs.stat(open);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (!isInside(await fs.realpath(open), root)) {
            findings.push(createFinding('file-unsupported', { file: p }, { what: '指向输入文件夹之外的链接，未读取' }));
            continue;
          }
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) await visit(p, open);
      else if (isFile) files.push({ shown: p, open });
    }
  };
  await visit(dir, dir);
  return files.sort((a, b) => byCodeUnits(a.shown, b.shown));
}

/** files opened ahead of the one being collected */
const READ_AHEAD = 16;

/** `open`: the path to open again later (the bytes of a name that is not UTF-8, as the disk has it) */
type Loaded = { real: string; open: string | Buffer } & ({ ok: true; bytes: Buffer } | { ok: false; finding: Finding });

/**
 * realpath, size check, then the bytes: everything about one file that touches the disk.
 * Synchronous on purpose: nothing else runs while the inbox is collected, and each asynchronous
 * call is a round trip through libuv's thread pool — six per file (realpath, stat, open, fstat,
 * read, close) took a province inbox of 2,000 small files 0.85 s; the same calls made
 * synchronously take about a tenth of that.
 */
async function loadFile(file: string, open: string | Buffer = file): Promise<Loaded> {
  let real: string;
  try {
    real = fsSync.realpathSync.native(open);
  } catch {
    real = path.resolve(file);
  }
  let size: number;
  try {
    size = fsSync.statSync(open).size;
  } catch (err) {
    return { real, open, ok: false, finding: createFinding('file-unreadable', { file }, { reason: errnoReason(err) }) };
  }
  const sizeCheck = checkFileSize(size); // before reading: never read a 2 GB file whole
  if (!sizeCheck.ok) return { real, open, ok: false, finding: sizeCheckFinding(sizeCheck, file) };
  try {
    return { real, open, ok: true, bytes: fsSync.readFileSync(open) };
  } catch (err) {
    return { real, open, ok: false, finding: createFinding('file-unreadable', { file }, { reason: errnoReason(err) }) };
  }
}

async function collectFile(file: string, c: Collector, seen: Set<string>): Promise<void> {
  await collectLoaded(file, await loadFile(file), c, seen);
}

async function collectLoaded(file: string, loaded: Loaded, c: Collector, seen: Set<string>): Promise<void> {
  if (seen.has(loaded.real)) return; // named twice (a folder and a file in it)
  seen.add(loaded.real);
  if (!loaded.ok) {
    c.findings.push(loaded.finding);
    return;
  }
  const total = nestedInflateBudget(loaded.bytes.length);
  const open = loaded.open;
  await collectBytes(
    loaded.bytes,
    {
      path: file,
      name: path.basename(file),
      depth: 0,
      origin: { containers: [] },
      budget: { left: total, total },
      reload: async () => readDisk(open),
      readRange: (start, length) => readDiskRange(open, start, length),
    },
    c,
  );
}

/** A file on disk, read again at its turn; gone in between, it reads as empty (file-unsupported, 空文件). */
function readDisk(file: string | Buffer): Buffer {
  try {
    return fsSync.readFileSync(file);
  } catch {
    return EMPTY;
  }
}

/** A piece of a file on disk (a zip member's data); where the platform has no positioned reads, the whole file. */
function readDiskRange(file: string | Buffer, start: number, length: number): Buffer {
  if (typeof fsSync.openSync !== 'function' || typeof fsSync.readSync !== 'function') return readDisk(file).subarray(start, start + length);
  let fd: number | undefined;
  try {
    fd = fsSync.openSync(file, 'r');
    const out = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = fsSync.readSync(fd, out, got, length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return got === length ? out : out.subarray(0, got);
  } catch {
    return EMPTY;
  } finally {
    if (fd !== undefined) fsSync.closeSync(fd);
  }
}

function errnoReason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  return '无法读取';
}

// ---------------------------------------------------------------------------------------------
// Classification

async function collectBytes(bytes: Buffer, ctx: Ctx, c: Collector, known?: InputClass): Promise<void> {
  const kind = known ?? classifyInput(bytes);
  switch (kind.kind) {
    case 'spreadsheet':
    case 'encrypted':
      // an encrypted workbook is still an input: the workbook reader reports file-encrypted
      pushItem(bytes.length, ctx, c);
      return;
    case 'eml':
    case 'zip':
      if (ctx.depth >= MAX_CONTAINER_DEPTH) {
        c.findings.push(
          createFinding('file-unsupported', { file: ctx.path }, { what: `${kind.kind === 'eml' ? '邮件' : '压缩包'}嵌套超过 ${MAX_CONTAINER_DEPTH} 层` }),
        );
        return;
      }
      if (kind.kind === 'eml') await collectEml(bytes, ctx, c);
      else await collectZip(bytes, ctx, c);
      return;
    default:
      if (c.everyFile) pushItem(bytes.length, ctx, c);
      else c.findings.push(createFinding('file-unsupported', { file: ctx.path }, { what: kind.what }));
  }
}

/** An input, recorded by where its bytes are (not the bytes): see InputItem.readBytes. */
function pushItem(size: number, ctx: Ctx, c: Collector): void {
  const item: InputItem = { path: ctx.path, name: ctx.name, size, readBytes: ctx.reload };
  if (ctx.origin.receivedAt) {
    item.receivedAt = ctx.origin.receivedAt;
    item.receivedFrom = 'eml';
  }
  if (ctx.origin.email) item.email = { ...ctx.origin.email };
  c.items.push(item);
  c.meta.set(item, ctx.origin);
}

function childOrigin(ctx: Ctx, patch: Partial<Origin>): Origin {
  return { ...ctx.origin, ...patch, containers: [...ctx.origin.containers, { path: ctx.path, name: ctx.name }] };
}

/** A base name fit for a provenance path: no folders, no control characters. */
function cleanName(raw: string): string {
  const parts = raw.split(/[/\\]/);
  return parts[parts.length - 1].replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** Make `name` unique among `used` as `name (2).ext`, `name (3).ext`, … */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Mail

async function collectEml(bytes: Buffer, ctx: Ctx, c: Collector): Promise<void> {
  let email: Email;
  try {
    email = await parseEmail(bytes);
  } catch {
    c.findings.push(createFinding('file-unreadable', { file: ctx.path }, { reason: '邮件无法解析' }));
    return;
  }

  const time = mailTimeFromHeaders(email.headers);
  const info: NonNullable<InputItem['email']> = {};
  if (email.from?.address) {
    info.from = email.from.address.trim().toLowerCase();
    if (email.from.name?.trim()) info.fromName = email.from.name.trim();
  }
  if (email.subject?.trim()) info.subject = email.subject.trim();

  // A forwarded message's own time is the real submission; without one, the outer message's.
  const origin = childOrigin(ctx, {
    email: Object.keys(info).length > 0 ? info : undefined,
    ...(time.receivedAt
      ? { receivedAt: time.receivedAt, unreadableHeader: undefined }
      : ctx.origin.receivedAt
        ? {}
        : time.unreadable !== undefined
          ? { unreadableHeader: time.unreadable }
          : {}),
  });

  const used = new Set<string>();
  const before = c.items.length + c.findings.length;
  let n = 0;
  for (const att of email.attachments) {
    const index = n++;
    const content = attachmentBytes(att);
    if (!content) continue;
    const named = att.filename ? cleanName(att.filename) : '';
    const deliberate = !att.related && (named !== '' || att.disposition === 'attachment');
    const kind: InputClass = content.length > 0 ? classifyInput(content) : { kind: 'unsupported', what: '空附件' };
    const useful = kind.kind !== 'unsupported';
    if (!useful && !deliberate) continue; // inline pictures, signatures, calendar parts
    const name = uniqueName(named || `附件${n}${defaultExtension(kind)}`, used);
    const child: Ctx = {
      path: `${ctx.path}#${name}`,
      name: named || name,
      depth: ctx.depth + 1,
      origin,
      budget: ctx.budget,
      reload: () => reloadAttachment(ctx.reload, index),
    };
    const sizeCheck = checkFileSize(content.length);
    if (!sizeCheck.ok) {
      c.findings.push(sizeCheckFinding(sizeCheck, child.path));
      continue;
    }
    // a decoded attachment counts against its top-level input's unpacking budget (issue 13)
    if (content.length > ctx.budget.left) {
      c.findings.push(createFinding('file-too-large', { file: child.path }, { reason: nestedBudgetReason(ctx.budget.total) }));
      continue;
    }
    ctx.budget.left -= content.length;
    await collectBytes(content, child, c, kind);
  }
  // a message with no attachment at all: the unit believes it has submitted
  if (c.items.length + c.findings.length === before) {
    c.findings.push(createFinding('file-unsupported', { file: ctx.path }, { what: '邮件中没有表格附件' }));
  }
}

async function parseEmail(bytes: Buffer): Promise<Email> {
  const { default: PostalMime } = await import('postal-mime'); // only for inboxes with mail
  return PostalMime.parse(repairHeaderBytes(bytes), {
    forceRfc822Attachments: true, // a forwarded message comes out whole; we open it ourselves
    attachmentEncoding: 'arraybuffer',
  });
}

/**
 * Attachment `index` of the mail `reloadMail` gives, decoded again (issue 13, item 14): a
 * mailbox of 300 messages with a 5 MB attachment each held 1.5 GB from collection until the last
 * one was read; now each is decoded at its turn, and only the one being read is in memory.
 */
async function reloadAttachment(reloadMail: () => Promise<Buffer>, index: number): Promise<Buffer> {
  try {
    const att = (await parseEmail(await reloadMail())).attachments[index];
    return (att && attachmentBytes(att)) ?? EMPTY;
  } catch {
    return EMPTY;
  }
}

function attachmentBytes(att: Attachment): Buffer | undefined {
  const ct = att.content;
  if (typeof ct === 'string') return att.encoding === 'base64' ? Buffer.from(ct, 'base64') : Buffer.from(ct, 'utf8');
  if (ct instanceof ArrayBuffer) return Buffer.from(ct);
  if (ArrayBuffer.isView(ct)) return Buffer.from(ct.buffer, ct.byteOffset, ct.byteLength);
  return undefined;
}

function defaultExtension(kind: InputClass): string {
  if (kind.kind === 'eml') return '.eml';
  if (kind.kind === 'zip') return '.zip';
  if (kind.kind === 'spreadsheet') return `.${kind.format}`;
  return '';
}

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });

function isUtf8(b: Uint8Array): boolean {
  try {
    UTF8_FATAL.decode(b);
    return true;
  } catch {
    return false;
  }
}

function hasHighByte(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

/**
 * Simplified-Chinese charset labels in encoded words (`=?GBK?B?…?=`) and RFC 2231 parameters
 * (`filename*=GB2312''…`). All become GB18030: Node's TextDecoder (ICU) decodes `gbk`/`gb2312`
 * as CP936, turning GB18030 four-byte sequences (rare characters in names, which clients labelling
 * GBK do send) into U+FFFD, while its `gb18030` decoder reads every GBK byte sequence the same
 * and those too. EUC-CN and CN-GB, unknown to TextDecoder, would otherwise come out as Latin-1.
 */
const CHARSET_LABEL_FIXES =
  /(=\?|\*=\s*"?|\*0\*=\s*"?)(gbk|x-gbk|cp936|ms936|windows-936|gb2312|gb_2312|gb_2312-80|gb-2312|csgb2312|chinese|iso-ir-58|csiso58gb231280|x-euc-cn|euc-cn|euccn|cn-gb|x-gb18030|gb-18030)(?=[?'*])/gi;

/**
 * Make every header block of a message (the top one and each MIME part's) valid UTF-8 for
 * postal-mime, which reads headers as UTF-8: some Chinese mail clients write raw 8-bit GBK in
 * `filename="…"` or `Subject:`, which would otherwise come out as U+FFFD. A header line with
 * bytes ≥ 0x80 that is not valid UTF-8 is decoded as GB18030 and re-encoded as UTF-8. GBK-family
 * charset labels in encoded words and RFC 2231 parameters are renamed to GB18030 (see
 * CHARSET_LABEL_FIXES). Bodies are left as they are.
 * Returns the input itself when nothing needed changing.
 */
export function repairHeaderBytes(bytes: Buffer): Buffer {
  const out: Buffer[] = [];
  let changed = false;
  let inHeader = true;
  let headerText = '';
  const boundaries = new Set<string>();
  let pos = 0;
  while (pos < bytes.length) {
    const nl = bytes.indexOf(0x0a, pos);
    const end = nl < 0 ? bytes.length : nl + 1;
    let line = bytes.subarray(pos, end);
    pos = end;
    if (inHeader) {
      let contentEnd = line.length;
      if (contentEnd > 0 && line[contentEnd - 1] === 0x0a) contentEnd--;
      if (contentEnd > 0 && line[contentEnd - 1] === 0x0d) contentEnd--;
      if (contentEnd === 0) {
        inHeader = false;
        for (const m of headerText.matchAll(/\bboundary\s*=\s*(?:"([^"]*)"|([^\s;]+))/gi)) boundaries.add(m[1] ?? m[2]);
        headerText = '';
        out.push(line);
        continue;
      }
      if (hasHighByte(line) && !isUtf8(line)) {
        const eol = line.subarray(contentEnd).toString('latin1');
        line = Buffer.from(iconv().decode(line.subarray(0, contentEnd), 'gb18030') + eol, 'utf8');
        changed = true;
      }
      let text = line.toString('utf8');
      const relabelled = text.replace(CHARSET_LABEL_FIXES, '$1gb18030');
      if (relabelled !== text) {
        text = relabelled;
        line = Buffer.from(text, 'utf8');
        changed = true;
      }
      headerText += text;
    } else if (boundaries.size > 0 && line.length > 2 && line[0] === 0x2d && line[1] === 0x2d) {
      const b = line.subarray(2).toString('latin1').replace(/\s+$/, '');
      if (boundaries.has(b)) inHeader = true;
    }
    out.push(line);
  }
  return changed ? Buffer.concat(out) : bytes;
}

// ---------------------------------------------------------------------------------------------
// Zip

interface ZipMember {
  entry: yauzl.Entry;
  /** decoded path inside the archive, '/'-separated */
  name: string;
}

/**
 * Decode a member name (SPEC §5): the Info-ZIP Unicode Path extra field (0x7075) when present
 * and its CRC matches the stored name; else UTF-8 when general purpose bit 11 is set; else UTF-8
 * if the bytes are valid UTF-8 (ASCII included), else GB18030 (Chinese Windows zips).
 */
export function decodeZipName(raw: Buffer, generalPurposeBitFlag: number, extraFields: readonly { id: number; data: Buffer }[]): string {
  for (const f of extraFields) {
    if (f.id !== 0x7075 || f.data.length < 6 || f.data[0] !== 1) continue;
    if (crc32(raw) !== f.data.readUInt32LE(1)) continue;
    const u = f.data.subarray(5);
    if (isUtf8(u)) return u.toString('utf8');
  }
  if ((generalPurposeBitFlag & 0x800) !== 0 || isUtf8(raw)) return raw.toString('utf8');
  return iconv().decode(raw, 'gb18030');
}

let crcTable: Uint32Array | undefined;
function crc32(buf: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let k = n;
      for (let i = 0; i < 8; i++) k = k & 1 ? 0xedb88320 ^ (k >>> 1) : k >>> 1;
      crcTable[n] = k >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < buf.length; i++) crc = crcTable[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    );
  });
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.destroy(new Error('entry larger than declared'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

async function collectZip(bytes: Buffer, ctx: Ctx, c: Collector): Promise<void> {
  // SPEC §9 caps, on the directory and on the real inflated sizes, before anything is extracted
  // …and on everything the zip unpacks to, counted against its top-level input's budget across
  // every level of nesting (issue 13): a zip of zips stops here, before any member is extracted
  const caps = await checkZipCaps(bytes, { total: { bytes: ctx.budget.left, reason: nestedBudgetReason(ctx.budget.total) } });
  if (!caps.ok) {
    c.findings.push(sizeCheckFinding(caps, ctx.path));
    return;
  }
  ctx.budget.left -= caps.uncompressedBytes;
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(bytes);
    entries = await readAllEntries(zip);
  } catch {
    c.findings.push(createFinding('file-unreadable', { file: ctx.path }, { reason: '压缩包已损坏' }));
    return;
  }
  try {
    const members = listZipMembers(entries);
    const used = new Set<string>();
    const origin = childOrigin(ctx, {});
    const before = c.items.length + c.findings.length;
    for (const m of members) await collectMember(zip, m, uniqueName(m.name, used), origin, ctx, c);
    // an empty archive, or one holding only folders, hidden or lock files: never dropped in silence
    if (c.items.length + c.findings.length === before) {
      c.findings.push(createFinding('file-unsupported', { file: ctx.path }, { what: entries.length === 0 ? '空压缩包' : '压缩包中没有表格文件' }));
    }
  } finally {
    zip.close();
  }
}

/** The members worth collecting, in name order: no folders, no __MACOSX, hidden or lock files; names decoded (GBK too). */
function listZipMembers(entries: yauzl.Entry[]): ZipMember[] {
  const members: ZipMember[] = [];
  for (const entry of entries) {
    const name = decodeZipName(entry.fileNameRaw ?? (entry.fileName as unknown as Buffer), entry.generalPurposeBitFlag, entry.extraFields).replace(/\\/g, '/');
    if (name.endsWith('/')) continue; // a directory
    const parts = name.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
    if (parts.length === 0) continue;
    if (parts[0] === '__MACOSX' || parts.some(isSkippedName)) continue;
    members.push({ entry, name: parts.join('/') });
  }
  return members.sort((a, b) => byCodeUnits(a.name, b.name));
}

/** One member: a finding when it cannot be read, else collected as what its bytes are (a workbook, a mail, a zip). */
async function collectMember(zip: yauzl.ZipFile, m: ZipMember, inner: string, origin: Origin, ctx: Ctx, c: Collector): Promise<void> {
  const at: MemberAt = {
    offset: m.entry.relativeOffsetOfLocalHeader,
    compressedSize: m.entry.compressedSize,
    method: m.entry.compressionMethod,
    size: m.entry.uncompressedSize,
  };
  const child: Ctx = {
    path: `${ctx.path}#${inner}`,
    name: m.name.split('/').pop()!,
    depth: ctx.depth + 1,
    origin,
    budget: ctx.budget,
    reload: async () => reloadMember(ctx, at),
  };
  if ((m.entry.generalPurposeBitFlag & 0x1) !== 0) {
    c.findings.push(createFinding('file-unreadable', { file: child.path }, { reason: '压缩包设有密码' }));
    return;
  }
  if (!m.entry.canDecodeFileData()) {
    c.findings.push(createFinding('file-unreadable', { file: child.path }, { reason: '压缩方式不支持' }));
    return;
  }
  const sizeCheck = checkFileSize(m.entry.uncompressedSize);
  if (!sizeCheck.ok) {
    c.findings.push(sizeCheckFinding(sizeCheck, child.path));
    return;
  }
  let data: Buffer;
  try {
    data = await readEntry(zip, m.entry, m.entry.uncompressedSize);
  } catch {
    c.findings.push(createFinding('file-unreadable', { file: child.path }, { reason: '压缩包成员已损坏' }));
    return;
  }
  // a workbook member is inflated again when its turn comes, not held from now until then:
  // a mailbox zip no longer sits in memory unpacked whole (issue 13, item 14)
  await collectBytes(data, child, c);
}

/** Where a member's data is in its zip, to inflate it again at its turn. */
interface MemberAt {
  offset: number;
  compressedSize: number;
  method: number;
  size: number;
}

/**
 * One member's data, inflated again (it was read and checked once already: sizes and CRC). From
 * a zip on disk only the member's own bytes are read; from a zip inside a mail or a zip, the zip
 * is fetched again first. Anything no longer as it was reads as empty.
 */
async function reloadMember(zip: Ctx, at: MemberAt): Promise<Buffer> {
  try {
    let data: Buffer;
    if (zip.readRange) {
      const head = zip.readRange(at.offset, 30);
      if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return EMPTY;
      data = zip.readRange(at.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28), at.compressedSize);
    } else {
      const bytes = await zip.reload();
      if (at.offset + 30 > bytes.length || bytes.readUInt32LE(at.offset) !== 0x04034b50) return EMPTY;
      const start = at.offset + 30 + bytes.readUInt16LE(at.offset + 26) + bytes.readUInt16LE(at.offset + 28);
      data = bytes.subarray(start, start + at.compressedSize);
    }
    if (data.length !== at.compressedSize) return EMPTY;
    if (at.method === 0) return Buffer.from(data);
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, at.size) });
  } catch {
    return EMPTY;
  }
}
