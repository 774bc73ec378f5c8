/**
 * The page's engine (issue 14): runs in a Web Worker, and is nothing but the CLI's own commands
 * over the memory file system (src/io/platform-browser/fs.ts). `validate` is `kepuri validate
 * FILE [--annotate DIR]`, `merge` is `kepuri merge INPUT… [--roster R] [--received M] -o DIR`,
 * `template` is `kepuri template`: the same src/core, readers and writers, called the same way.
 * The page puts the dropped files under the working folder and takes the outputs from /out.
 */
import { Chalk } from 'chalk';
import { buildValidateReport, validateWorkbook, type ValidatedFile } from '../core/validate-files.js';
import { createFinding } from '../core/finding.js';
import type { Lang } from '../core/messages.js';
import type { Report } from '../core/report.js';
import type { Config } from '../core/config/schema.js';
import { UsageError } from '../core/errors.js';
import { renderMergeSummary, renderValidate } from '../cli/render-terminal.js';
import { loadRules } from '../io/config/load-config.js';
import { readInputFile } from '../io/read/read-input-file.js';
import { writeAnnotations, type AnnotationSource } from '../io/write/write-annotated.js';
import { collectInputs } from '../io/inputs/collect-inputs.js';
import { readWorkbook } from '../io/read/read-workbook.js';
import { classifyInput } from '../io/read/sniff-format.js';
import { runMergeJob } from '../io/run-merge.js';
import { templateFileName, writeTemplate } from '../io/write/write-template.js';
import { listFiles, putFile, removeTree, takeFile } from '../io/platform-browser/fs.js';
import { prefetchInflate } from '../io/platform-browser/prefetch.js';
import type { EngineReply, EngineRequest, EmbeddedRules, PageFile } from './protocol.js';

/** The working folder: paths in reports are relative to it, as when the CLI runs in a folder. */
export const WORK_DIR = '/kepuri';
const CONFIG_DIR = '/config';
const OUT_DIR = '/out';
const EXTRA_DIR = '/extra';

const plain = new Chalk({ level: 0 });
let embedded: EmbeddedRules = {};

function post(reply: EngineReply, transfer: Transferable[] = []): void {
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(reply, transfer);
}

function safeRelative(p: string): string {
  // a dropped folder's relative path, never outside the working folder
  return p
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .join('/');
}

async function rulesInForce(roster?: PageFile): Promise<Config> {
  // as the CLI run in the config's folder: `--config NAME [--roster NAME]`, names as the user knows them
  removeTree(CONFIG_DIR);
  let config: string | undefined;
  if (embedded.config) {
    config = safeRelative(embedded.config.name);
    putFile(`${CONFIG_DIR}/${config}`, new TextEncoder().encode(embedded.config.text));
    for (const f of embedded.config.files ?? []) putFile(`${CONFIG_DIR}/${safeRelative(f.name)}`, f.bytes);
  }
  let rosterName: string | undefined;
  if (roster) {
    rosterName = safeRelative(roster.name).split('/').pop() || 'roster';
    putFile(`${CONFIG_DIR}/${rosterName}`, roster.bytes);
  }
  return loadRules({ cwd: CONFIG_DIR, ...(config ? { config } : {}), ...(rosterName ? { roster: rosterName } : {}) });
}

function outputs(): { name: string; bytes: Uint8Array }[] {
  return listFiles(OUT_DIR).map((p) => ({ name: p.slice(OUT_DIR.length + 1), bytes: new Uint8Array(takeFile(p)!) }));
}

function fail(id: number, err: unknown): void {
  const message = err instanceof UsageError ? (err as Error).message : `出错了：${err instanceof Error ? err.message : String(err)}`;
  post({ id, type: 'error', message, usage: err instanceof UsageError });
}

async function validate(id: number, file: PageFile, lang: Lang): Promise<void> {
  removeTree(WORK_DIR);
  removeTree(OUT_DIR);
  const rules = await rulesInForce();
  const name = safeRelative(file.name).split('/').pop() || 'file';
  putFile(`${WORK_DIR}/${name}`, file.bytes, new Date(file.lastModified ?? Date.now()));
  const results: ValidatedFile[] = [];
  const sources = new Map<string, AnnotationSource>();
  const cls = classifyInput(file.bytes);
  if (cls.kind === 'eml' || cls.kind === 'zip') {
    // a unit may drop the mail it is about to send: each attachment is checked as its own file
    // (the CLI's validate takes spreadsheets only; merge opens mails and zips the same way)
    const collected = await collectInputs([name], {});
    for (const item of collected.items) {
      const bytes = await item.readBytes();
      const read = await readWorkbook(bytes, item.path);
      if (read.ok) sources.set(item.path, { bytes, workbook: read.workbook });
      results.push(
        validateWorkbook(read.ok ? { file: item.path, workbook: read.workbook, findings: [] } : { file: item.path, findings: read.findings }, rules),
      );
    }
    for (const f of collected.findings) results.push(validateWorkbook({ file: f.file, findings: [f] }, rules));
    if (results.length === 0)
      results.push(
        validateWorkbook({ file: name, findings: [createFinding('file-unsupported', { file: name }, { what: '没有表格附件的邮件或压缩包' })] }, rules),
      );
  } else {
    // as `kepuri validate NAME --annotate /out` in the file's folder
    results.push(validateWorkbook(await readInputFile(name), rules));
  }
  const report: Report = buildValidateReport(results, rules, lang);
  await writeAnnotations(report, OUT_DIR, { rules, ...(sources.size > 0 ? { sources } : {}) });
  const files = outputs();
  post(
    { id, type: 'validated', report, text: renderValidate(report, plain, lang), outputs: files },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
}

async function merge(id: number, req: Extract<EngineRequest, { type: 'merge' }>): Promise<void> {
  removeTree(WORK_DIR);
  removeTree(OUT_DIR);
  removeTree(EXTRA_DIR);
  const rules = await rulesInForce(req.roster);
  const tops = new Set<string>();
  const modified: string[] = [];
  for (const f of req.files) {
    const rel = safeRelative(f.name);
    if (!rel) continue;
    putFile(`${WORK_DIR}/${rel}`, f.bytes, new Date(f.lastModified ?? Date.now()));
    tops.add(rel.split('/')[0]);
    if (req.useLastModified && f.lastModified) modified.push(`${csvCell(rel.split('/').pop()!)},${shanghaiTime(f.lastModified)}`);
  }
  let received: string | undefined;
  if (req.received) {
    received = `${EXTRA_DIR}/${safeRelative(req.received.name).split('/').pop()}`;
    putFile(received, req.received.bytes);
  } else if (modified.length > 0) {
    // the files' modification times, as a --received manifest (the page says so)
    received = `${EXTRA_DIR}/修改时间.csv`;
    putFile(received, new TextEncoder().encode('文件名,接收时间\n' + modified.join('\n') + '\n'));
  }
  // the workbooks' entries inflated ahead on the browser's native decompressor
  await prefetchInflate(req.files.map((f) => f.bytes));
  const inputs = [...tops].sort();
  const lang = req.lang;
  let last = 0;
  const result = await runMergeJob(inputs, rules, {
    out: OUT_DIR,
    ...(received ? { received } : {}),
    lang,
    feedback: req.feedback,
    onProgress: (done, total) => {
      const now = Date.now();
      if (done === total || now - last > 50) {
        last = now;
        post({ id, type: 'progress', done, total });
      }
    },
  });
  const files = outputs();
  const written = files.map((f) => f.name);
  post(
    { id, type: 'merged', report: result.report, text: renderMergeSummary(result.report, written, plain, lang, 30, result.notSubmissions), outputs: files },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

async function template(id: number): Promise<void> {
  removeTree(OUT_DIR);
  const rules = await rulesInForce();
  const name = templateFileName(rules);
  await writeTemplate(`${OUT_DIR}/${name}`, rules);
  const files = outputs();
  post(
    { id, type: 'template', outputs: files },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
}

/**
 * Right after the page opens, while the user is still picking files: the blank template written,
 * checked and merged once in a corner of the memory file system, so the first real run does not
 * also pay for compiling the engine (a cold district merge took ~0.35 s more CPU than a warm one).
 */
async function warmUp(): Promise<void> {
  const rules = await rulesInForce();
  const dir = '/warm-up';
  removeTree(dir);
  const file = `${dir}/in/${templateFileName(rules)}`;
  await writeTemplate(file, rules);
  const report = buildValidateReport([validateWorkbook(await readInputFile(file), rules)], rules, 'zh');
  renderValidate(report, plain, 'zh');
  await runMergeJob([`${dir}/in`], rules, { out: `${dir}/out`, lang: 'zh' });
  removeTree(dir);
}

async function handle(req: EngineRequest): Promise<void> {
  try {
    if (req.type === 'init') {
      embedded = req.rules;
      const rules = await rulesInForce();
      await warmUp().catch(() => undefined);
      post({ id: req.id, type: 'ready', year: rules.year, district: rules.district, source: rules.source ?? '' });
    } else if (req.type === 'validate') await validate(req.id, req.file, req.lang);
    else if (req.type === 'merge') await merge(req.id, req);
    else if (req.type === 'template') await template(req.id);
  } catch (err) {
    fail(req.id, err);
  }
}

// one request at a time: they share the memory file system's folders
let queue: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<EngineRequest>) => {
  queue = queue.then(() => handle(ev.data));
};
