/** `kepuri validate FILE…`: read, check each file alone, render, exit 0/1/2. */
import { promises as fs } from 'node:fs';
import { validateWorkbook, buildValidateReport, type ReadOutcome } from '../core/validate-files.js';
import { ParseCache } from '../core/values/parse-cache.js';
import { exitCodeOf } from '../core/report.js';
import type { Lang } from '../core/messages.js';
import { loadRules } from '../io/config/load-config.js';
import { readInputFile } from '../io/read/read-input-file.js';
import { makeChalk, renderRulesLine, renderValidate } from './render-terminal.js';
import { UsageError } from '../core/errors.js';

export interface ValidateOptions {
  json?: boolean;
  annotate?: string;
  config?: string;
  lang: Lang;
  lettersLang?: Lang;
}

/** A saved message or a mailbox's zip, as merge takes them: every spreadsheet in it is checked. */
const CONTAINER = /\.(eml|zip)$/i;

type Sources = Map<string, { bytes: Buffer; workbook?: import('../core/table.js').Workbook }>;

/** `sources` receives the bytes of attachments and zip members, which have no path of their own on disk. */
async function readArgument(file: string, sources: Sources): Promise<ReadOutcome[]> {
  if (!CONTAINER.test(file)) return [await readInputFile(file)];
  const { collectInputs } = await import('../io/inputs/collect-inputs.js');
  const { readWorkbook } = await import('../io/read/read-workbook.js');
  const collected = await collectInputs([file], {});
  const outcomes: ReadOutcome[] = collected.findings.map((f) => ({ file: f.file, findings: [f] }));
  for (const item of collected.items) {
    const bytes = await item.readBytes();
    const read = await readWorkbook(bytes, item.path);
    sources.set(item.path, { bytes, ...(read.ok ? { workbook: read.workbook } : {}) });
    outcomes.push(read.ok ? { file: item.path, workbook: read.workbook, findings: [] } : { file: item.path, findings: read.findings });
  }
  return outcomes;
}

export async function runValidate(files: string[], opts: ValidateOptions): Promise<number> {
  const missing: string[] = [];
  for (const file of files) await fs.stat(file).catch(() => missing.push(file));
  if (missing.length > 0) throw new UsageError(`找不到文件：${missing.join('、')}（请检查路径），未写出任何文件`);
  const rules = await loadRules({ config: opts.config });
  // the rules in force first; on standard error when standard output carries JSON
  (opts.json ? process.stderr : process.stdout).write(renderRulesLine(rules, opts.lang) + '\n');
  const results = [];
  const sources: Sources = new Map();
  const cache = new ParseCache();
  for (const file of files) {
    for (const outcome of await readArgument(file, sources)) results.push(validateWorkbook(outcome, rules, cache));
  }
  const report = buildValidateReport(results, rules, opts.lang);
  let written: string[] = [];
  if (opts.annotate) {
    const { writeAnnotations } = await import('../io/write/write-annotated.js');
    const { writeErrorReason } = await import('../io/run-merge.js');
    // the letters and notes go to the unit: Chinese unless English letters were asked for
    const lettersLang = opts.lettersLang ?? 'zh';
    const letters = lettersLang === opts.lang ? report : buildValidateReport(results, rules, lettersLang);
    // one file's copy or reply that cannot be written is said for that file; the others are written
    written = await writeAnnotations(letters, opts.annotate, {
      rules,
      lang: lettersLang,
      sources,
      onError: (file, _unit, err) => process.stderr.write(`kepuri: 未能写出 ${file} 的批注副本或回复（${writeErrorReason(err)}）\n`),
    });
  }
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(renderValidate(report, makeChalk(process.stdout), opts.lang));
  if (opts.annotate) {
    const en = opts.lang === 'en';
    const line =
      written.length > 0
        ? (en ? 'written: ' : '已写出：') + written.join('  ')
        : en
          ? `nothing to annotate: no file needs a reply (${opts.annotate} left as it was)`
          : `没有需要回复的文件，未写出批注副本（${opts.annotate} 未改动）`;
    (opts.json ? process.stderr : process.stdout).write(line + '\n');
  }
  return exitCodeOf(report);
}
