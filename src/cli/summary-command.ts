/**
 * `kepuri summary 活动汇总表.xlsx`: rebuild 汇总统计.xlsx from a master table the clerk edited
 * by hand. The master is read back through the normal pipeline and re-assembled, so hand fixes
 * show in the figures and the problem list (whose cells then point into the master table).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyzeWorkbook } from '../core/analyze-workbook.js';
import { assembleMerge } from '../core/merge/assemble-merge.js';
import { submissionsFromMaster } from '../core/merge/rebuild-from-master.js';
import { summaryRowsFromMerge, type SummaryRowFacts } from '../core/merge/summary-rows.js';
import type { Config } from '../core/config/schema.js';
import type { Lang } from '../core/messages.js';
import { buildReport, type Report } from '../core/report.js';
import { tallyUnits } from '../core/unit-counts.js';
import { loadRules } from '../io/config/load-config.js';
import { readWorkbook } from '../io/read/read-workbook.js';
import { writeSummary } from '../io/write/write-summary.js';
import { UsageError } from '../core/errors.js';

export async function runSummary(master: string, opts: { out: string; roster?: string; config?: string; lang: Lang }): Promise<number> {
  const rules = await loadRules({ config: opts.config, roster: opts.roster });
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(master);
  } catch {
    throw new UsageError(`找不到活动汇总表 ${master}`);
  }
  if (path.resolve(opts.out) === path.resolve(master)) throw new UsageError('输出文件不能覆盖活动汇总表本身');
  const { report, rows } = summaryFromMaster(await readWorkbook(bytes, master), master, rules, opts.lang);
  await writeSummary(opts.out, { report, rows, createdAt: new Date() });
  // the same unit count as 总览 (issue 12 §4): roster units that reported, of those expected
  const tally = tallyUnits(report);
  process.stdout.write(`已写出 ${opts.out}（${rows.length} 项活动，已报送 ${tally.submitted.length}/${tally.expected.length} 个单位）\n`);
  return 0;
}

/** The master table read back → the report and rows the summary workbook is built from. */
export function summaryFromMaster(
  read: Awaited<ReturnType<typeof readWorkbook>>,
  master: string,
  rules: Config,
  lang: Lang,
): { report: Report; rows: SummaryRowFacts[] } {
  if (!read.ok) throw new UsageError(`活动汇总表 ${master} 无法读取`);
  const analyzed = analyzeWorkbook(read.workbook, master, rules);
  if (!analyzed.layout) throw new UsageError(`${master} 中找不到活动汇总表的表头`);
  const plan = assembleMerge(submissionsFromMaster(analyzed), rules, { keepAll: true });
  const report = buildReport({
    rules,
    files: plan.files,
    units: plan.units,
    rows: plan.reconciliation,
    findings: plan.findings,
    lang,
    presorted: true,
  });
  return { report, rows: summaryRowsFromMerge(plan.rows) };
}
