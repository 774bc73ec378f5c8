import os from 'node:os';
/**
 * One entry point for reading any input as a neutral Workbook (SPEC §5, §9):
 *
 *   size cap → classify by content (sniff-format) → zip caps for zip-based formats →
 *   parse (isolation/read-child's parseSpreadsheet) → { ok, workbook } or { ok: false, findings }.
 *
 * It never throws and never lets a parser take the process down or hang it. Parsing runs in a
 * child process (a heap limit, and a wall-clock timeout that kills it), so a file built to
 * exhaust memory or loop becomes `file-unreadable` (文件结构异常或过大):
 *  - one long-lived child serves ordinary files one after another: its start (~50 ms, plus
 *    loading exceljs, ~0.4 s, in parallel with the main process) is paid once per run; then a
 *    file costs one message each way. It is unref'd while idle, so it never keeps the process
 *    alive, and it exits when the parent goes away;
 *  - a file whose content (uncompressed zip size, or file size) is large gets a child of its
 *    own, with a heap limit and timeout scaled to it, killed right after so its memory goes back;
 *  - the timeout is 8 s plus 0.5 s per MiB of content; the heap 1 GiB, or more for large files.
 * Every parse, in this process or a child, first takes its share of one memory budget
 * (read-memory-budget.ts): the inflated content of the files read at once stays under a fixed
 * size, a larger file is read alone, so what fails does not depend on the machine's memory.
 * Why a process and not a worker thread: see ReadChild.
 *
 * Where the child's script is: `isolation/read-child.js` beside this module. From the compiled package
 * (dist/) it is there. When this module runs from its TypeScript source (vitest), there is no
 * .js sibling and Node 20 cannot run .ts, so parsing happens in-process: the same code, without
 * the isolation. Tests of the isolation itself pass `childUrl` pointing at
 * dist/io/read/isolation/read-child.js (built by `npm test`'s tsc step).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import { createFinding, type Finding } from '../../core/finding.js';
import type { Workbook, WorkbookFormat } from '../../core/table.js';
import type { ParseOutcome, ParseRequest, ChildJob, ChildReply } from './isolation/read-child.js';
import { READ_CHILD_ENV, decodeWorkbook } from './isolation/read-child.js';
import { classifyInput, type InputClass } from './sniff-format.js';
import { SheetTextTooLarge, sheetTextReason } from './sheet-text-cap.js';
import { checkFileSize, checkSmallZipCapsSync, checkZipCaps, sizeCheckFinding } from './zip-caps.js';
import { readMemoryBudget } from './read-memory-budget.js';

export type ReadWorkbookResult = { ok: true; workbook: Workbook } | { ok: false; findings: Finding[] };

export interface ReadWorkbookOptions {
  /**
   * 'auto' (default): in a child process when the compiled isolation/read-child.js exists, else
   * in-process; true: the same (in-process only if no child script can be found, or the child
   * cannot be started); false: in-process.
   */
  isolate?: 'auto' | boolean;
  /** the child's script, instead of isolation/read-child.js (tests) */
  childUrl?: URL;
  /** overrides the computed wall-clock limit for the parse, in ms */
  timeoutMs?: number;
}

const MiB = 1024 * 1024;

/** Wall-clock limit of one parse: base plus a share per MiB of content. */
export const READ_TIMEOUT = { baseMs: 8_000, perMiBMs: 500 } as const;
/** Heap of the shared child, and the content size above which a file gets a child of its own. */
export const READ_CHILD_HEAP_MB = 768;
export const DEDICATED_WORKER_CONTENT_BYTES = 32 * MiB;
const MAX_HEAP_MB = 4096;

/** The reason given when a parser had to be stopped. */
export const REASON_ABNORMAL = '文件结构异常或过大';

export async function readWorkbook(bytes: Buffer, file: string, options: ReadWorkbookOptions = {}): Promise<ReadWorkbookResult> {
  try {
    return await readWorkbookUnsafe(bytes, file, options);
  } catch {
    return fail(createFinding('file-unreadable', { file }, { reason: '读取时出错' }));
  }
}

/** readWorkbook, always in a child process when one can be started. */
export function readWorkbookIsolated(bytes: Buffer, file: string, options: Omit<ReadWorkbookOptions, 'isolate'> = {}): Promise<ReadWorkbookResult> {
  return readWorkbook(bytes, file, { ...options, isolate: true });
}

function fail(...findings: Finding[]): ReadWorkbookResult {
  return { ok: false, findings };
}

async function readWorkbookUnsafe(bytes: Buffer, file: string, options: ReadWorkbookOptions): Promise<ReadWorkbookResult> {
  const size = checkFileSize(bytes.length);
  if (!size.ok) return fail(sizeCheckFinding(size, file));

  const cls: InputClass = classifyInput(bytes);
  switch (cls.kind) {
    case 'eml':
      return fail(createFinding('file-unsupported', { file }, { what: '电子邮件' }));
    case 'zip':
      return fail(createFinding('file-unsupported', { file }, { what: '压缩包' }));
    case 'encrypted': {
      // Excel's default key (write protection, a protected structure) opens without a password:
      // tried in a read child (read-child's parseEncrypted), like any parser
      const outcome = await readMemoryBudget.run(bytes.length * 4, () => parse(bytes, { format: 'xlsx', file, encrypted: true }, bytes.length * 4, options));
      if (outcome.ok) return outcome;
      if (outcome.code === 'file-too-large') return fail(createFinding('file-too-large', { file }, { reason: outcome.reason }));
      return outcome.code === 'file-encrypted'
        ? fail(createFinding('file-encrypted', { file }))
        : fail(createFinding('file-unreadable', { file }, { reason: outcome.reason }));
    }
    case 'unsupported':
      return fail(createFinding('file-unsupported', { file }, { what: cls.what }));
    case 'spreadsheet':
      break;
  }

  let contentBytes = bytes.length;
  let capsOk = false;
  if (cls.format === 'xlsx' || cls.format === 'xlsm' || cls.format === 'xlsb' || (cls.format === 'ods' && !cls.flavor)) {
    const caps = checkSmallZipCapsSync(bytes) ?? (await checkZipCaps(bytes));
    if (!caps.ok) {
      // a zip yauzl cannot open may still be one SheetJS repairs (e.g. a lost directory): try
      if (caps.code !== 'file-unreadable') return fail(sizeCheckFinding(caps, file));
    } else {
      capsOk = true;
      contentBytes = Math.max(contentBytes, caps.uncompressedBytes);
    }
  } else if (cls.format === 'xls') {
    contentBytes = bytes.length * 4; // BIFF is compact: weigh it like inflated XML
  }

  if ((cls.format === 'xlsx' || cls.format === 'xlsm') && capsOk && contentBytes <= IN_PROCESS_FAST.contentBytes && options.isolate !== true) {
    // the common case, read right here: the fast reader is linear in the (capped) XML and bounded
    // in what it builds; whatever it declines goes to a read child as before
    let fast: Workbook | typeof TIMED_OUT | undefined;
    try {
      const format = cls.format;
      fast = await readMemoryBudget.run(contentBytes, () => readFastInProcess(bytes, format, contentBytes));
    } catch (err) {
      if (!(err instanceof SheetTextTooLarge)) throw err;
      return fail(createFinding('file-too-large', { file }, { reason: sheetTextReason(err.sheet) }));
    }
    if (fast === TIMED_OUT) return fail(createFinding('file-unreadable', { file }, { reason: REASON_ABNORMAL }));
    if (fast) return { ok: true, workbook: fast };
  }

  const format: WorkbookFormat = cls.format === 'xls' && !cls.flavor && /\.et$/i.test(memberName(file)) ? 'et' : cls.format;
  const req: ParseRequest = { format, file, ...(cls.flavor ? { flavor: cls.flavor } : {}) };
  const outcome = await readMemoryBudget.run(contentBytes, () => parse(bytes, req, contentBytes, options));
  if (outcome.ok) return outcome;
  if (outcome.code === 'file-too-large') return fail(createFinding('file-too-large', { file }, { reason: outcome.reason }));
  return outcome.code === 'file-encrypted'
    ? fail(createFinding('file-encrypted', { file }))
    : fail(createFinding('file-unreadable', { file }, { reason: outcome.reason }));
}

/**
 * The fast path alone: the workbook when `bytes` is an .xlsx/.xlsm within the size caps that the
 * fast reader takes under the in-process limits — exactly what readWorkbook would return for it —
 * else undefined (then readWorkbook decides). Used by the read threads of read-pool.ts.
 */
export async function readXlsxInProcess(bytes: Buffer, maxContentBytes: number = IN_PROCESS_FAST.contentBytes): Promise<Workbook | undefined> {
  if (!checkFileSize(bytes.length).ok) return undefined;
  const cls = classifyInput(bytes);
  if (cls.kind !== 'spreadsheet' || (cls.format !== 'xlsx' && cls.format !== 'xlsm')) return undefined;
  const caps = checkSmallZipCapsSync(bytes) ?? (await checkZipCaps(bytes));
  const contentBytes = Math.max(bytes.length, caps.ok ? caps.uncompressedBytes : 0);
  if (!caps.ok || contentBytes > Math.min(maxContentBytes, IN_PROCESS_FAST.contentBytes)) return undefined;
  const fast = await readFastInProcess(bytes, cls.format, contentBytes);
  return fast === TIMED_OUT ? undefined : fast;
}

/**
 * Limits for reading an .xlsx in this process with the fast reader: content (uncompressed) up to
 * 256 MiB — above the 200 MiB a zip entry may inflate to, so a 200,000-row sheet (178 MiB of XML)
 * is read here rather than in a child that would hold a second copy of the table — and at most
 * 16 M cell slots (rows × widths: 200,000 rows × 80 columns). The fast reader is linear in its
 * input and bounded in what it builds; files it declines, or beyond these limits, are read in a
 * child process (exceljs, SheetJS) as before.
 */
export const IN_PROCESS_FAST = { contentBytes: 256 * MiB, maxSlots: 16_000_000 } as const;

let fastModule: Promise<typeof import('./read-xlsx-fast.js')> | undefined;

const TIMED_OUT = 'timed-out';

/**
 * The fast reader in this process, under the same wall-clock budget a read child gets (issue 13):
 * nothing can kill a read on the main thread, so the reader checks its own clock and gives up
 * with TIMED_OUT — a finding, never a hang of the merge.
 */
async function readFastInProcess(bytes: Buffer, format: 'xlsx' | 'xlsm', contentBytes: number): Promise<Workbook | typeof TIMED_OUT | undefined> {
  const { readXlsxFast, FastReadTimeout } = await (fastModule ??= import('./read-xlsx-fast.js'));
  try {
    return readXlsxFast(bytes, format, { maxSlots: IN_PROCESS_FAST.maxSlots, timeBudgetMs: readTimeoutMs(contentBytes) });
  } catch (err) {
    if (err instanceof SheetTextTooLarge) throw err; // the answer, not a reason to try exceljs
    if (err instanceof FastReadTimeout) return TIMED_OUT;
    return undefined; // declined, or a bug: the isolated path reads it (exceljs behind the fast reader)
  }
}

/** The wall-clock budget of reading `contentBytes` of (inflated) content. */
export function readTimeoutMs(contentBytes: number): number {
  return READ_TIMEOUT.baseMs + Math.ceil((contentBytes / MiB) * READ_TIMEOUT.perMiBMs);
}

/** 'mail.eml#附件.et' → '附件.et' */
function memberName(file: string): string {
  return file.split('#').pop() ?? file;
}

// ---------------------------------------------------------------------------------------------
// in-process or in a child process
// ---------------------------------------------------------------------------------------------

async function parse(bytes: Buffer, req: ParseRequest, contentBytes: number, options: ReadWorkbookOptions): Promise<ParseOutcome> {
  const isolate = options.isolate ?? 'auto';
  const url = isolate === false ? undefined : (options.childUrl ?? defaultChildUrl());
  if (!url) return parseInProcess(bytes, req);
  const timeoutMs = options.timeoutMs ?? readTimeoutMs(contentBytes);
  try {
    if (contentBytes > DEDICATED_WORKER_CONTENT_BYTES) {
      const heapMb = Math.min(MAX_HEAP_MB, Math.max(READ_CHILD_HEAP_MB, 512 + Math.ceil((contentBytes / MiB) * 16)));
      const child = new ReadChild(url, heapMb);
      try {
        return await child.run(bytes, req, timeoutMs);
      } finally {
        void child.close();
      }
    }
    return await runShared(url, bytes, req, timeoutMs);
  } catch (err) {
    if (err instanceof ChildStartError) return parseInProcess(bytes, req);
    throw err;
  }
}

async function parseInProcess(bytes: Buffer, req: ParseRequest): Promise<ParseOutcome> {
  const { parseSpreadsheet } = await import('./isolation/read-child.js');
  return parseSpreadsheet(bytes, req);
}

let cachedDefaultUrl: URL | null | undefined;

/** isolation/read-child.js beside this module, when this module is compiled JavaScript; else undefined. */
function defaultChildUrl(): URL | undefined {
  if (cachedDefaultUrl !== undefined) return cachedDefaultUrl ?? undefined;
  cachedDefaultUrl = null;
  try {
    if (import.meta.url.endsWith('.js')) {
      const url = new URL('./isolation/read-child.js', import.meta.url);
      if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) cachedDefaultUrl = url;
    }
  } catch {
    cachedDefaultUrl = null;
  }
  return cachedDefaultUrl ?? undefined;
}

/** Whether readWorkbook would isolate parsing by default in this process. */
export function readIsolationAvailable(): boolean {
  return defaultChildUrl() !== undefined;
}

class ChildStartError extends Error {}

interface Pending {
  id: number;
  resolve: (o: ParseOutcome) => void;
  timer: NodeJS.Timeout;
}

/**
 * One child process running parse jobs, one at a time. A job that times out, or a child that
 * dies (out of memory, crash), fails with REASON_ABNORMAL and retires the child for good.
 *
 * A child process, not a worker thread: a worker's `resourceLimits` do not reliably contain a
 * memory bomb. Measured with SheetJS on a hostile .ods, V8 hit a single large allocation it
 * could not retry ("CALL_AND_RETRY_LAST … JavaScript heap out of memory") and aborted the whole
 * process, main thread included. A child that runs out of memory dies alone.
 */
class ReadChild {
  private child: ChildProcess | undefined;
  private dead = false;
  private nextId = 1;
  private current: Pending | undefined;
  /** settles once the child is running (or failed to start) */
  private readonly started: Promise<void>;

  constructor(
    private readonly url: URL,
    private readonly heapMb: number,
  ) {
    let child: ChildProcess;
    try {
      child = fork(fileURLToPath(this.url), [], {
        // our own flags only: not the parent's (a --require preload, an inspector port …)
        execArgv: [`--max-old-space-size=${this.heapMb}`],
        env: { ...process.env, [READ_CHILD_ENV]: '1' },
        serialization: 'advanced',
        // the parsers' console noise, and V8's report when a hostile file exhausts the child's
        // heap, are not for the user's terminal
        stdio: ['ignore', 'ignore', process.env.KEPURI_DEBUG_WORKER ? 'inherit' : 'ignore', 'ipc'],
      });
    } catch (err) {
      this.dead = true;
      throw new ChildStartError(err instanceof Error ? err.message : String(err));
    }
    this.child = child;
    this.started = new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (err) => reject(new ChildStartError(err.message)));
    });
    this.started.catch(() => undefined);
    child.on('message', (msg: ChildReply) => {
      const p = this.current;
      if (!p || typeof msg !== 'object' || msg === null || p.id !== msg.id) return;
      if ('json' in msg) {
        let outcome: ParseOutcome;
        try {
          outcome = { ok: true, workbook: decodeWorkbook(msg.json) };
        } catch {
          outcome = { ok: false, code: 'file-unreadable', reason: REASON_ABNORMAL };
        }
        this.settle(outcome);
      } else {
        this.settle(msg.outcome);
      }
    });
    child.on('error', () => this.die());
    child.on('exit', () => this.die());
    this.idle();
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** An idle child never keeps this process alive; a busy one does. */
  private idle(): void {
    this.child?.unref();
    (this.child?.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  private busy(): void {
    this.child?.ref();
    (this.child?.channel as { ref?: () => void } | undefined)?.ref?.();
  }

  /** The child is gone: fail the running job, never use this child again. */
  private die(): void {
    if (this.dead) return;
    this.dead = true;
    this.settle({ ok: false, code: 'file-unreadable', reason: REASON_ABNORMAL });
    const c = this.child;
    this.child = undefined;
    if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }

  private settle(outcome: ParseOutcome): void {
    const p = this.current;
    if (!p) return;
    this.current = undefined;
    clearTimeout(p.timer);
    this.idle();
    p.resolve(outcome);
  }

  /** Run one job; the caller makes sure jobs do not overlap (see runShared). */
  async run(bytes: Buffer, req: ParseRequest, timeoutMs: number): Promise<ParseOutcome> {
    await this.started; // a child that cannot start throws ChildStartError: parse in-process
    const c = this.child;
    if (this.dead || !c) return { ok: false, code: 'file-unreadable', reason: REASON_ABNORMAL };
    return new Promise<ParseOutcome>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.die(), timeoutMs);
      this.current = { id, resolve, timer };
      this.busy();
      const msg: ChildJob = { id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ...req };
      try {
        c.send(msg, (err) => {
          if (err) this.die();
        });
      } catch {
        this.die();
      }
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    const c = this.child;
    this.child = undefined;
    if (c && c.exitCode === null && c.signalCode === null) {
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.ref(); // so the event loop waits for the exit we await
      c.kill('SIGKILL');
      await exited;
    }
  }
}

/**
 * The shared children: one lane per core (at most two), each running its jobs one after another,
 * so a merge reads two files at once while every file still gets a bounded, killable parser.
 */
const LANES = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
interface Lane {
  url: string;
  child?: ReadChild;
  queue: Promise<unknown>;
  pending: number;
}
let lanes: Lane[] = [];

function laneChild(lane: Lane, url: URL): ReadChild {
  if (lane.child?.alive && lane.url === url.href) return lane.child;
  if (lane.child) void lane.child.close();
  lane.url = url.href;
  lane.child = new ReadChild(url, READ_CHILD_HEAP_MB);
  return lane.child;
}

function ensureLanes(url: URL): Lane[] {
  while (lanes.length < LANES) lanes.push({ url: url.href, queue: Promise.resolve(), pending: 0 });
  return lanes;
}

function runShared(url: URL, bytes: Buffer, req: ParseRequest, timeoutMs: number): Promise<ParseOutcome> {
  const lane = ensureLanes(url).reduce((a, b) => (b.pending < a.pending ? b : a));
  lane.pending++;
  const job = lane.queue.then(() => laneChild(lane, url).run(bytes, req, timeoutMs));
  lane.queue = job.catch(() => undefined).finally(() => lane.pending--);
  return job;
}

/**
 * Start the shared read child now (it loads exceljs while the caller does other work). A no-op
 * when parsing is in-process. Never throws.
 */
export function prewarmReadChild(childUrl?: URL): void {
  try {
    const url = childUrl ?? defaultChildUrl();
    if (url) for (const lane of ensureLanes(url)) laneChild(lane, url);
  } catch {
    // in-process then
  }
}

/** Stop the shared read child (tests; the CLI need not: an idle child never holds the process). */
export async function closeReadChild(): Promise<void> {
  const old = lanes;
  lanes = [];
  await Promise.all(old.map((l) => l.child?.close()));
}
