/**
 * The merge job's I/O around the pure `assembleMerge`: collect the inputs, read and analyse each
 * file, assemble, then write every output (each whole, to a temporary name, then renamed).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyzeWorkbook } from '../core/analyze-workbook.js';
import { ParseCache } from '../core/values/parse-cache.js';
import type { Config } from '../core/config/schema.js';
import { createFinding, type Finding } from '../core/finding.js';
import { assembleMerge, type MergePlan, type Submission } from '../core/merge/assemble-merge.js';
import type { Lang } from '../core/messages.js';
import { buildReport, reportJsonChunks, toReportFinding, type Report } from '../core/report.js';
import { UsageError } from '../core/errors.js';
import { collectInputs, type InputItem } from './inputs/collect-inputs.js';
import { loadManifestFile, lookupReceived, type ManifestEntry } from './inputs/received-manifest.js';
import { readWorkbook } from './read/read-workbook.js';
import { createReadPool, type ReadPool } from './read/isolation/read-pool.js';
import os from 'node:os';
import { collectGarbage } from './collect-garbage.js';
import { writeFileAtomic } from './write/write-atomic.js';
import { relativeTextToInputs, relativeToInputs } from './write/print-setup.js';
import { UPWARD_FILE, writeMasterAndUpward } from './write/write-upward.js';
import { writeSummary } from './write/write-summary.js';
import { FEEDBACK_MAX_CELLS, workbookCells } from './write/feedback-limits.js';
import type { AnnotationSource } from './write/write-annotated.js';
import { summaryRowsFromMerge } from '../core/merge/summary-rows.js';
import { isClerksBusiness, NOT_A_SUBMISSION } from '../core/compose-reply.js';
import { composeNotice, NOTICE_FILE, noticeFileText } from '../core/compose-notice.js';

export const MASTER_FILE = '活动汇总表.xlsx';
export const SUMMARY_FILE = '汇总统计.xlsx';
export const REPORT_FILE = 'report.json';
export const FEEDBACK_DIR = '反馈';
/** the hidden folder a run writes its outputs into before moving them into place as a set */
const STAGING_PREFIX = '.kepuri-new-';
/** files in flight at once: enough to keep both read children busy while the main thread analyses */
const READ_CONCURRENCY = 4;
/**
 * read threads (at most one per spare core), and the inbox size from which they are worth
 * starting: a thread costs ~0.15 s of CPU to start, and since the main thread also reads while the
 * thread is behind, a district inbox (60 small files) merged in 0.85 s without it and 1.0 s with
 * it; at 200 files the two were equal, at 2,000 the thread saves a third of the reading phase
 */
const POOL_MAX_WORKERS = 2;
const POOL_MIN_FILES = 200;
/** files in flight with the pool: enough that the read thread always has the next file */
const POOL_IN_FLIGHT = 8;
/**
 * from this many rows a full collection after the merge and after the master is worth its time
 * (see collect-garbage.ts). Province set, --trace-gc: after the merge 203 → 131 MB in 160 ms,
 * after the master 181 → 149 MB in 250 ms; peak RSS 358–361 MiB with both, 381–390 MiB with
 * the first only. One after the summary freed 22 MB for 200 ms and was dropped.
 */
const GC_MIN_ROWS = 20_000;
const EMPTY = Buffer.alloc(0);
/** files from this size are read one at a time (a submission is tens of KB; see oneLargeAtATime) */
export const LARGE_FILE_BYTES = 1024 * 1024;

export interface MergeJobOptions {
  out: string;
  received?: string;
  keepAll?: boolean;
  feedback?: boolean;
  lang: Lang;
  /** the language of the letters to units (replies, notes in the annotated copies); default zh */
  lettersLang?: Lang;
  /** fixed creation time for reproducible outputs (tests); default now */
  createdAt?: Date;
  onProgress?: (done: number, total: number) => void;
  /** wall-clock budget of reading the inputs, in ms (default RUN_READ_BUDGET_MS) */
  runBudgetMs?: number;
}

/**
 * The whole run's reading budget (issue 13, item 14): each file has its own limit, but a folder of
 * many slow hostile files would still add them up. Past it, the files not yet read are reported
 * (file-unreadable, with the reason) and the merge goes on with what was read. A province inbox
 * of 2,000 files reads in about 10 s.
 */
export const RUN_READ_BUDGET_MS = 20 * 60_000;
export const REASON_RUN_BUDGET = '本次汇总用时已超过上限，此文件未读取；请单独校验或分批汇总';

export interface MergeJobResult {
  report: Report;
  plan: MergePlan;
  written: string[];
  /** the 报送情况通报 text (also written to 报送情况通报.txt) */
  notice: string;
  /** files that are not submissions (a poster, a cover letter): no reply, listed for the clerk */
  notSubmissions: { path: string; message: string }[];
}

/**
 * KEPURI_TRACE=1 prints each phase's time and heap to stderr (how issue 6's profile was taken;
 * free when unset).
 */
const TRACE = process.env.KEPURI_TRACE ? { t0: performance.now(), last: performance.now() } : undefined;
function trace(phase: string): void {
  if (!TRACE) return;
  const now = performance.now();
  const m = process.memoryUsage();
  process.stderr.write(
    `[kepuri] (+${(performance.now() / 1000).toFixed(2)} s since process start) ${phase}: ${((now - TRACE.last) / 1000).toFixed(2)} s (at ${((now - TRACE.t0) / 1000).toFixed(2)} s), heap ${Math.round(m.heapUsed / 2 ** 20)}/${Math.round(m.heapTotal / 2 ** 20)} MiB, external ${Math.round(m.external / 2 ** 20)} MiB, rss ${Math.round(m.rss / 2 ** 20)} MiB\n`,
  );
  TRACE.last = now;
}

export async function runMergeJob(inputs: string[], rules: Config, opts: MergeJobOptions): Promise<MergeJobResult> {
  trace('start');
  const outDir = path.resolve(opts.out);
  await assertInputsExist(inputs);
  await assertOutsideInputs(outDir, inputs);
  await assertWritableOut(outDir, opts.out);
  const manifest = opts.received ? await loadManifestFile(opts.received) : undefined;

  const collected = await collectInputs(inputs, { ...(manifest ? { manifest } : {}), excludeDir: outDir });
  trace(`collected ${collected.items.length} files`);
  const sources = new Map<string, AnnotationSource>();
  // a finding about a file that was still read (an unreadable mail time) belongs to that file's submission
  const itemPaths = new Set(collected.items.map((i) => i.path));
  const attached = new Map<string, Finding[]>();
  const submissions: Submission[] = [];
  for (const f of collected.findings) {
    if (itemPaths.has(f.file)) attached.set(f.file, [...(attached.get(f.file) ?? []), f]);
    else submissions.push(submissionFromFinding(f, manifest));
  }
  // each file's bytes are let go once it is analysed (unless feedback copies need them): a
  // province inbox would otherwise stay in memory until the outputs are written
  const items = collected.items;
  collected.items = [];
  submissions.push(...(await readSubmissions(items, attached, rules, opts, opts.feedback ? sources : undefined)));
  // input order is the collector's stable order; findings-only entries are placed by path
  submissions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const { plan, report } = mergeSubmissions(submissions, rules, opts);
  trace('merged');
  // nothing readable at all: say so and write nothing, so a good earlier output is never replaced
  if (!report.files.some((f) => f.status === 'merged' || f.status === 'superseded')) {
    throw new UsageError(nothingReadableMessage(inputs, report));
  }
  return writeOutputs(outDir, inputs, plan, report, rules, opts, sources);
}

/**
 * Read and analyse every file, results in input order. With enough files, reading runs on a
 * worker thread (the other core) while this thread analyses what is read; anything the thread
 * hands back is read the usual way. `items` is emptied as it goes (each file's bytes let go).
 */
async function readSubmissions(
  items: (InputItem | undefined)[],
  attached: ReadonlyMap<string, Finding[]>,
  rules: Config,
  opts: MergeJobOptions,
  sources: Map<string, AnnotationSource> | undefined,
): Promise<Submission[]> {
  const cores = os.availableParallelism();
  const pool = items.length >= POOL_MIN_FILES && cores > 1 ? createReadPool(Math.min(POOL_MAX_WORKERS, cores - 1)) : undefined;
  const analyzed: Submission[] = new Array(items.length);
  // one set of parse memos for the whole run: the same texts come back in every file
  const cache = new ParseCache();
  const total = items.length;
  let next = 0;
  let done = 0;
  const readDeadline = Date.now() + (opts.runBudgetMs ?? RUN_READ_BUDGET_MS);
  const oneLargeAtATime = createLargeFileQueue();
  const readOne = async (item: InputItem): Promise<Submission> => {
    const analyze = () => analyzeItem(item, rules, cache, sources, pool);
    if (Date.now() > readDeadline) return budgetSpent(item);
    if (item.size < LARGE_FILE_BYTES) return analyze();
    return oneLargeAtATime(async () => {
      if (Date.now() > readDeadline) return budgetSpent(item);
      const s = await analyze();
      collectGarbage(); // the large file's parse is garbage now: hand it back before the next
      return s;
    });
  };
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const item = items[i]!;
      items[i] = undefined;
      const sub = await readOne(item);
      sub.readFindings.push(...(attached.get(item.path) ?? []));
      analyzed[i] = sub;
      opts.onProgress?.(++done, total);
    }
  };
  try {
    await Promise.all(Array.from({ length: pool ? POOL_IN_FLIGHT : READ_CONCURRENCY }, lane));
  } finally {
    await pool?.close();
  }
  // a large file's workbook is garbage now (several hundred MiB for 200,000 rows) and the merge
  // would pile its own work on top of it; many small workbooks were collected as they went
  // (measured with --trace-gc: on the province set this collection freed 8 MB for 160 ms)
  const largestFile = analyzed.reduce((n, s) => Math.max(n, s.analyzed?.rows.length ?? 0), 0);
  if (largestFile >= GC_MIN_ROWS) collectGarbage();
  trace(`read and analysed${pool ? ` (read thread ${pool.counts.threads} files, main thread ${total - pool.counts.threads})` : ''}`);
  return analyzed;
}

/**
 * Large files are read and analysed one at a time (issue 13, item 15): four 1 MB workbooks of 100
 * large sheets each read at once needed 2 GiB apiece, and which of them failed depended on the
 * machine's memory; small files keep flowing through the other lanes meanwhile. The read memory
 * budget (read-memory-budget.ts) bounds the parse alone; a large file's decoded workbook and its
 * analysed rows outlive the parse, so the whole of its turn is kept to one at a time here.
 */
function createLargeFileQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let largeQueue: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = largeQueue.then(fn);
    largeQueue = run.catch(() => undefined);
    return run;
  };
}

/** The pure merge and its report; the parsed rows are let go on the way (`submissions` is emptied). */
function mergeSubmissions(submissions: Submission[], rules: Config, opts: MergeJobOptions): { plan: MergePlan; report: Report } {
  const plan = assembleMerge(submissions, rules, { keepAll: opts.keepAll });
  // the parsed rows (parse details, per-row check data) are done with; the plan keeps each
  // activity itself. Letting them go before the outputs are written lowers the peak.
  for (const sub of submissions) sub.analyzed = undefined;
  submissions.length = 0;
  if (plan.rows.length >= GC_MIN_ROWS) collectGarbage();
  const report = buildReport({
    rules,
    files: plan.files,
    units: plan.units,
    rows: plan.reconciliation,
    findings: plan.findings,
    lang: opts.lang,
    presorted: true,
  });
  return { plan, report };
}

/**
 * The output stage: every file of the run written to a staging folder, then moved into place as
 * a set, report.json last (issue 12 §6), so a run that fails half-way leaves the previous run's
 * outputs as they were; a full disk is one sentence, not a stack.
 */
async function writeOutputs(
  outDir: string,
  inputs: string[],
  plan: MergePlan,
  report: Report,
  rules: Config,
  opts: MergeJobOptions,
  sources: Map<string, AnnotationSource>,
): Promise<MergeJobResult> {
  const createdAt = opts.createdAt ?? new Date();
  const notice = composeNotice(report, rules, { runAt: createdAt });
  const notSubmissions = report.findings.filter((f) => NOT_A_SUBMISSION.has(f.code)).map((f) => ({ path: f.file, message: f.message }));
  const staging = await openStaging(outDir);
  try {
    const staged = await writeWorkbooks(staging, inputs, plan, report, rules, createdAt);
    await writeFileAtomic(path.join(staging, NOTICE_FILE), noticeFileText(notice));
    staged.push(NOTICE_FILE);
    const feedback = opts.feedback ? await writeFeedback(staging, plan, report, rules, opts, sources, createdAt) : undefined;
    await writeFileAtomic(path.join(staging, REPORT_FILE), reportJsonChunksWithNewline(report));
    trace('report written');
    const written = await moveIntoPlace(staging, outDir, staged, feedback);
    return { report, plan, written, notice, notSubmissions };
  } catch (err) {
    // a full disk or a folder that turned read-only while we worked: one sentence, not a stack
    const code = (err as { code?: string } | undefined)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new UsageError(`写出结果时出错（${writeErrorReason(err)}）：${outDir}；请腾出空间或换一个输出位置后重试`);
    }
    throw err;
  } finally {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** A fresh staging folder in `outDir`; one left by a run that was killed half-way is garbage. */
async function openStaging(outDir: string): Promise<string> {
  await fs.mkdir(outDir, { recursive: true });
  for (const name of await fs.readdir(outDir)) {
    if (name.startsWith(STAGING_PREFIX)) await fs.rm(path.join(outDir, name), { recursive: true, force: true });
  }
  return fs.mkdtemp(path.join(outDir, STAGING_PREFIX));
}

/** The master, its upward copy and the summary, into `staging`; returns their names. */
async function writeWorkbooks(staging: string, inputs: string[], plan: MergePlan, report: Report, rules: Config, createdAt: Date): Promise<string[]> {
  const displayPath = relativeToInputs(inputs);
  const files = { master: path.join(staging, MASTER_FILE), upward: path.join(staging, UPWARD_FILE) };
  await writeMasterAndUpward(files, plan.rows, plan.extraHeaders, rules, createdAt, { displayPath });
  // the master's spent strings and compressed pieces, before the summary builds its own
  if (plan.rows.length >= GC_MIN_ROWS) collectGarbage();
  trace('master written');
  await writeSummary(path.join(staging, SUMMARY_FILE), {
    report,
    rows: summaryRowsFromMerge(plan.rows),
    createdAt,
    displayPath,
    displayText: relativeTextToInputs(inputs),
  });
  trace('summary written');
  return [MASTER_FILE, UPWARD_FILE, SUMMARY_FILE];
}

/**
 * The annotated copies and replies (反馈/) into `staging`. A unit whose feedback cannot be written
 * (a full disk, a name the file system refuses) gets a finding in `report`; the other units'
 * feedback is still written (issue 13, items 16 and 19).
 */
async function writeFeedback(
  staging: string,
  plan: MergePlan,
  report: Report,
  rules: Config,
  opts: MergeJobOptions,
  sources: Map<string, AnnotationSource>,
  createdAt: Date,
): Promise<string[]> {
  const { writeAnnotations } = await import('./write/write-annotated.js');
  // letters go in Chinese whatever the terminal's language, and carry only the unit's own faults
  const lettersLang = opts.lettersLang ?? 'zh';
  const letters = buildReport({
    rules,
    files: plan.files,
    units: plan.units,
    rows: plan.reconciliation,
    findings: plan.findings.filter((f) => !isClerksBusiness(f)),
    lang: lettersLang,
    presorted: true,
  });
  const failed: Finding[] = [];
  const onError = (file: string, unit: string | null, err: unknown) => {
    failed.push(createFinding('feedback-not-written', { file, ...(unit ? { unit } : {}) }, { reason: writeErrorReason(err) }));
  };
  const feedback = await writeAnnotations(letters, path.join(staging, FEEDBACK_DIR), { rules, sources, runAt: createdAt, lang: lettersLang, onError });
  if (failed.length > 0) {
    report.findings.push(...failed.map((f) => toReportFinding(f, opts.lang)));
    report.totals.warnings += failed.length;
  }
  return feedback;
}

/**
 * Staged files renamed into `outDir`, then 反馈/ replaced as a whole (when written), report.json
 * last; returns the written paths (report.json after the workbooks and notice, then feedback).
 */
async function moveIntoPlace(staging: string, outDir: string, staged: string[], feedback: string[] | undefined): Promise<string[]> {
  const written: string[] = [];
  for (const name of staged) {
    await fs.rename(path.join(staging, name), path.join(outDir, name));
    written.push(path.join(outDir, name));
  }
  if (feedback) {
    const target = path.join(outDir, FEEDBACK_DIR);
    const old = path.join(staging, FEEDBACK_DIR + '.old');
    await fs.rename(target, old).catch(() => undefined);
    await fs.mkdir(path.join(staging, FEEDBACK_DIR), { recursive: true });
    await fs.rename(path.join(staging, FEEDBACK_DIR), target);
    written.push(...feedback.map((p) => path.join(target, path.relative(path.join(staging, FEEDBACK_DIR), p))));
  }
  await fs.rename(path.join(staging, REPORT_FILE), path.join(outDir, REPORT_FILE));
  written.splice(staged.length, 0, path.join(outDir, REPORT_FILE));
  return written;
}

/** An input path that does not exist is bad usage (exit 2), found before anything is read or written. */
async function assertInputsExist(inputs: string[]): Promise<void> {
  const missing: string[] = [];
  for (const input of inputs) {
    try {
      await fs.stat(input);
    } catch {
      missing.push(input);
    }
  }
  if (missing.length > 0) throw new UsageError(`找不到输入：${missing.join('、')}（请检查路径），未写出任何文件`);
}

function nothingReadableMessage(inputs: string[], report: Report): string {
  const why = report.findings.slice(0, 5).map((f) => `  ${f.file}：${f.message}`);
  const more = report.findings.length > 5 ? [`  ……另有 ${report.findings.length - 5} 条`] : [];
  const head =
    report.files.length === 0
      ? `${inputs.join('、')} 中没有找到任何活动安排表（.xlsx、.xls、.et、.csv、.eml、.zip），未写出任何文件`
      : `${inputs.join('、')} 中的 ${report.files.length} 个文件都无法读取为活动安排表，未写出任何文件：`;
  return [head, ...why, ...more].join('\n');
}

/** `sources` (kept only when feedback copies are written) receives each file's bytes and workbook. */
async function analyzeItem(
  item: InputItem,
  rules: Config,
  cache: ParseCache,
  sources: Map<string, AnnotationSource> | undefined,
  pool: ReadPool | undefined,
): Promise<Submission> {
  const base: Omit<Submission, 'readFindings'> = {
    path: item.path,
    name: item.name,
    ...(item.receivedAt ? { receivedAt: item.receivedAt } : {}),
    ...(item.receivedFrom ? { receivedFrom: item.receivedFrom } : {}),
    ...(item.email ? { email: item.email } : {}),
  };
  const bytes = await item.readBytes();
  const pooled = pool ? await pool.read(bytes) : undefined;
  const read = pooled ? ({ ok: true, workbook: pooled } as const) : await readWorkbook(bytes, item.path);
  if (!read.ok) return { ...base, readFindings: read.findings };
  if (sources) {
    // a table too large for a copy is not kept for one (issue 13, item 15: --feedback held every
    // workbook of the run until the end)
    const cells = workbookCells(read.workbook);
    sources.set(item.path, cells > FEEDBACK_MAX_CELLS ? { bytes: EMPTY, tooLargeCells: cells } : { bytes, workbook: read.workbook });
  }
  return { ...base, analyzed: analyzeWorkbook(read.workbook, item.path, rules, cache), readFindings: [] };
}

/**
 * -o must be a folder this process can write (issue 13, item 19), checked before any work: a
 * file given as -o, or a folder without write permission, is one Chinese sentence and exit 2,
 * not an internal error after minutes of reading. The folder is created, and a probe file
 * written and removed (permissions alone say nothing when running as root or on a read-only
 * mount).
 */
async function assertWritableOut(outDir: string, shown: string): Promise<void> {
  try {
    const st = await fs.stat(outDir);
    if (!st.isDirectory()) throw new UsageError(`输出位置 ${shown} 是一个文件，不是文件夹；请用 -o 指定一个文件夹`);
  } catch (err) {
    if (isUsageErrorLike(err)) throw err;
  }
  const probe = path.join(outDir, `.kepuri-probe-${process.pid}`);
  try {
    await makeDirs(outDir);
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
  } catch (err) {
    throw new UsageError(`无法写入输出文件夹 ${shown}（${writeErrorReason(err)}）；请用 -o 指定其他位置`);
  }
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdir loops for ever where a parent exists
 * but refuses new entries with ENOENT (measured: -o /proc/x spun for minutes).
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let cur = path.resolve(dir);
  for (;;) {
    try {
      const st = await fs.stat(cur);
      if (!st.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw err;
      const parent = path.dirname(cur);
      if (parent === cur) throw err;
      missing.unshift(cur);
      cur = parent;
    }
  }
  for (const d of missing) {
    try {
      await fs.mkdir(d);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    }
  }
}

function isUsageErrorLike(err: unknown): boolean {
  return err instanceof UsageError;
}

/** A short Chinese reason for a failed write (issue 13, item 19: a sentence, never a stack). */
export function writeErrorReason(err: unknown): string {
  const code = (err as { code?: string } | undefined)?.code;
  if (code === 'EKEPURI_TOO_LARGE' && err instanceof Error) return err.message;
  if (code === 'ENOSPC' || code === 'EDQUOT') return '磁盘空间不足';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限';
  if (code === 'ENAMETOOLONG') return '文件名过长';
  if (code === 'ENOTDIR' || code === 'EEXIST') return '输出位置不是文件夹';
  return '写入失败';
}

function budgetSpent(item: InputItem): Submission {
  return {
    path: item.path,
    name: item.name,
    ...(item.receivedAt ? { receivedAt: item.receivedAt } : {}),
    ...(item.receivedFrom ? { receivedFrom: item.receivedFrom } : {}),
    ...(item.email ? { email: item.email } : {}),
    readFindings: [createFinding('file-unreadable', { file: item.path }, { reason: REASON_RUN_BUDGET })],
  };
}

function submissionFromFinding(f: Finding, manifest: ManifestEntry[] | undefined): Submission {
  const name = path.basename(f.file.split('#').pop() ?? f.file);
  const receivedAt = manifest ? lookupReceived(manifest, name, f.file) : undefined;
  return { path: f.file, name, ...(receivedAt ? { receivedAt, receivedFrom: 'manifest' as const } : {}), readFindings: [f] };
}

/** SPEC §8: outputs never go inside an input folder, nor over an input file. */
async function assertOutsideInputs(outDir: string, inputs: string[]): Promise<void> {
  // real paths on both sides (issue 13, item 17): a symlinked -o, or an input reached through a
  // link, must not let the outputs land in the inbox (the next run would merge them)
  const realOut = await realPathOfMaybeMissing(outDir);
  for (const input of inputs) {
    let abs = path.resolve(input);
    let isDir = false;
    try {
      isDir = (await fs.stat(abs)).isDirectory();
      abs = await fs.realpath(abs);
    } catch {
      continue;
    }
    const rel = path.relative(abs, realOut);
    if (isDir && (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))) {
      throw new UsageError(`输出文件夹 ${outDir} 位于输入文件夹 ${input} 之内；请用 -o 指定其他位置`);
    }
    const inside = path.relative(outDir, abs);
    // an input anywhere under the output folder (反馈/ is replaced as a whole) would be written over
    if (!isDir && inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) && path.dirname(abs) !== outDir) {
      throw new UsageError(`输入文件 ${input} 位于输出文件夹 ${outDir} 之内；请用 -o 指定其他位置`);
    }
    if (!isDir && path.dirname(abs) === realOut) {
      throw new UsageError(`输出文件夹 ${outDir} 与输入文件 ${input} 在同一位置；请用 -o 指定其他位置`);
    }
  }
}

/** The real path of `p`, resolving the deepest part that exists (the output folder may not exist yet). */
async function realPathOfMaybeMissing(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(await fs.realpath(cur), ...rest);
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.unshift(path.basename(cur));
      cur = parent;
    }
  }
}

function* reportJsonChunksWithNewline(report: Report): Generator<string> {
  yield* reportJsonChunks(report);
  yield '\n';
}
