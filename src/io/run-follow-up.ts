/**
 * The follow-up job's I/O around the pure `trackFollowUp` (issue 15): read the master table (as
 * the clerk edited it), collect the received materials (a folder of mail exports, .eml, zips,
 * documents, pictures, videos — every file, not only spreadsheets), then write 跟进清单.xlsx,
 * 催办通报.txt, 催办/<单位>.txt and report.json, each whole to a temporary name and renamed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { analyzeWorkbook } from '../core/analyze-workbook.js';
import type { Config } from '../core/config/schema.js';
import { countBySeverity, type Finding } from '../core/finding.js';
import { activitiesFromMaster } from '../core/follow-up/activities-from-master.js';
import { composeFollowUpNotice, composeFollowUpReminder } from '../core/follow-up/follow-up-texts.js';
import type { ReceivedMaterial, SniffedType } from '../core/follow-up/materials.js';
import { trackFollowUp, type FollowUpActivity, type FollowUpPlan } from '../core/follow-up/track-follow-up.js';
import type { Lang } from '../core/messages.js';
import { toReportFinding, type ReportFinding } from '../core/report.js';
import { collectInputs } from './inputs/collect-inputs.js';
import { loadManifestFile, lookupReceived } from './inputs/received-manifest.js';
import { readWorkbook } from './read/read-workbook.js';
import { sniffMaterial } from './inputs/sniff-material.js';
import { safeFileName } from './write/write-annotated.js';
import { writeFileAtomic } from './write/write-atomic.js';
import { FOLLOW_UP_FILE, writeFollowUpWorkbook } from './write/write-follow-up.js';

export const FOLLOW_UP_NOTICE_FILE = '催办通报.txt';
export const REMINDER_DIR = '催办';
export const FOLLOW_UP_REPORT_FILE = 'report.json';

export interface FollowUpJobOptions {
  out: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  asOf: string;
  materials?: string;
  received?: string;
  lang: Lang;
  createdAt?: Date;
}

export interface FollowUpReport {
  version: 1;
  kind: 'follow-up';
  asOf: string;
  master: string;
  rules: Config;
  totals: FollowUpPlan['totals'] & { activities: number; materials: number; errors: number; warnings: number; infos: number };
  units: FollowUpPlan['units'];
  obligations: FollowUpPlan['obligations'];
  materials: { path: string; unit: string | null; kind: string | null; receivedAt: string | null; receivedFrom: string | null }[];
  findings: ReportFinding[];
}

export interface FollowUpJobResult {
  plan: FollowUpPlan;
  report: FollowUpReport;
  written: string[];
}

/** Text for the work group and the units: UTF-8 with a BOM and CRLF, as Windows Notepad and WeChat expect. */
export function windowsText(text: string): string {
  return '\ufeff' + text.replace(/\r?\n/g, '\r\n');
}

export async function runFollowUpJob(master: string, rules: Config, opts: FollowUpJobOptions): Promise<FollowUpJobResult> {
  const outDir = path.resolve(opts.out);
  const bytes = await readMasterFile(master);
  checkOutputDir(outDir, master, opts.materials);
  const activities = await readMasterActivities(bytes, master, rules);
  const received = opts.materials ? await collectMaterials(opts.materials, opts.received, outDir) : { materials: [], findings: [] };
  const plan = trackFollowUp({ activities, materials: received.materials, rules, asOf: opts.asOf, master });
  plan.findings.push(...received.findings);
  const report = buildFollowUpReport(plan, master, rules, opts);
  const written = await writeFollowUpOutputs(outDir, plan, report, rules, opts.createdAt ?? new Date());
  return { plan, report, written };
}

async function readMasterFile(master: string): Promise<Buffer> {
  try {
    return await fs.readFile(master);
  } catch {
    throw new UsageError(`找不到活动汇总表 ${master}`);
  }
}

/** The outputs go neither beside the master (they would overwrite what the merge wrote) nor into the materials folder (they would be read as materials next time). */
function checkOutputDir(outDir: string, master: string, materialsDir: string | undefined): void {
  if (path.dirname(path.resolve(master)) === outDir) throw new UsageError(`输出文件夹 ${outDir} 与活动汇总表在同一位置；请用 -o 指定其他位置`);
  if (materialsDir) {
    const rel = path.relative(path.resolve(materialsDir), outDir);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
      throw new UsageError(`输出文件夹 ${outDir} 位于材料文件夹 ${materialsDir} 之内；请用 -o 指定其他位置`);
  }
}

async function readMasterActivities(bytes: Buffer, master: string, rules: Config): Promise<FollowUpActivity[]> {
  const read = await readWorkbook(bytes, master);
  if (!read.ok) throw new UsageError(`活动汇总表 ${master} 无法读取`);
  const analyzed = analyzeWorkbook(read.workbook, master, rules);
  if (!analyzed.layout) throw new UsageError(`${master} 中找不到活动汇总表的表头`);
  return activitiesFromMaster(analyzed, rules.year);
}

/** Every file of the materials folder (mails and zips opened), with its receive time; findings of reading them. */
async function collectMaterials(
  dir: string,
  receivedFile: string | undefined,
  outDir: string,
): Promise<{ materials: ReceivedMaterial[]; findings: Finding[] }> {
  try {
    await fs.stat(dir);
  } catch {
    throw new UsageError(`找不到材料文件夹 ${dir}`);
  }
  const manifest = receivedFile ? await loadManifestFile(receivedFile) : undefined;
  const collected = await collectInputs([dir], { ...(manifest ? { manifest } : {}), excludeDir: outDir, everyFile: true });
  // one at a time: each item's bytes are fetched at its turn and let go after sniffing (issue 13, item 14)
  const materials: ReceivedMaterial[] = [];
  for (const item of collected.items) {
    materials.push({
      path: item.path,
      name: item.name,
      type: sniffMaterial(await item.readBytes()),
      ...(item.receivedAt ? { receivedAt: item.receivedAt } : {}),
      ...(item.receivedFrom ? { receivedFrom: item.receivedFrom } : {}),
      ...(item.email ? { email: item.email } : {}),
    });
  }
  const findings: Finding[] = [];
  for (const f of collected.findings) {
    // a video over the size cap was still received: it counts by its name, unread
    if (f.code === 'file-too-large' && !f.file.includes('#')) {
      const name = path.basename(f.file);
      const at = manifest ? lookupReceived(manifest, name, f.file) : undefined;
      materials.push({ path: f.file, name, type: 'unknown' as SniffedType, ...(at ? { receivedAt: at, receivedFrom: 'manifest' as const } : {}) });
    } else if (f.code !== 'received-unknown' && f.code !== 'file-unsupported') findings.push(f);
  }
  return { materials, findings };
}

function buildFollowUpReport(plan: FollowUpPlan, master: string, rules: Config, opts: FollowUpJobOptions): FollowUpReport {
  const counts = countBySeverity(plan.findings);
  return {
    version: 1,
    kind: 'follow-up',
    asOf: opts.asOf,
    master,
    rules,
    totals: { ...plan.totals, activities: plan.activities.length, materials: plan.materials.length, ...counts },
    units: plan.units,
    obligations: plan.obligations,
    materials: plan.materials.map((m) => ({
      path: m.path,
      unit: m.unit ?? null,
      kind: m.kind ?? null,
      receivedAt: m.receivedAt ?? null,
      receivedFrom: m.receivedFrom ?? null,
    })),
    findings: plan.findings.map((f) => toReportFinding(f, opts.lang)),
  };
}

/** 跟进清单.xlsx, 催办通报.txt, a reminder per unit that owes something, report.json; the paths written, in that order. */
async function writeFollowUpOutputs(outDir: string, plan: FollowUpPlan, report: FollowUpReport, rules: Config, createdAt: Date): Promise<string[]> {
  const written: string[] = [];
  await fs.mkdir(outDir, { recursive: true });
  const book = path.join(outDir, FOLLOW_UP_FILE);
  await writeFollowUpWorkbook(book, plan, rules, createdAt);
  written.push(book);
  const notice = path.join(outDir, FOLLOW_UP_NOTICE_FILE);
  await writeFileAtomic(notice, windowsText(composeFollowUpNotice(plan, rules)));
  written.push(notice);
  for (const u of plan.units) {
    const text = composeFollowUpReminder(u, plan, rules);
    if (!text) continue;
    const file = path.join(outDir, REMINDER_DIR, `${safeFileName(u.name)}.txt`);
    await writeFileAtomic(file, windowsText(text));
    written.push(file);
  }
  const json = path.join(outDir, FOLLOW_UP_REPORT_FILE);
  await writeFileAtomic(json, JSON.stringify(report, null, 2) + '\n');
  written.push(json);
  return written;
}
