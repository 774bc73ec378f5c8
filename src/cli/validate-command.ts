/** `kepuri validate FILE…`: read, check each file alone, render, exit 0/1/2. */
import { validateWorkbook, buildValidateReport } from '../core/validate-files.js';
import { exitCodeOf } from '../core/report.js';
import type { Lang } from '../core/messages.js';
import { loadRules } from '../io/load-config.js';
import { readInputFile } from '../io/read-input-file.js';
import { makeChalk, renderValidate } from './render-terminal.js';

export interface ValidateOptions {
  json?: boolean;
  annotate?: string;
  config?: string;
  lang: Lang;
}

export async function runValidate(files: string[], opts: ValidateOptions): Promise<number> {
  const rules = await loadRules({ config: opts.config });
  const results = [];
  for (const file of files) {
    const outcome = await readInputFile(file);
    results.push(validateWorkbook(outcome, rules));
  }
  const report = buildValidateReport(results, rules, opts.lang);
  if (opts.annotate) {
    const { writeAnnotations } = await import('../io/write-annotated.js');
    const { writeErrorReason } = await import('../io/run-merge.js');
    // one file's copy or reply that cannot be written is said for that file; the others are written
    await writeAnnotations(report, opts.annotate, {
      rules,
      onError: (file, _unit, err) => process.stderr.write(`kepuri: 未能写出 ${file} 的批注副本或回复（${writeErrorReason(err)}）\n`),
    });
  }
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(renderValidate(report, makeChalk(process.stdout), opts.lang));
  return exitCodeOf(report);
}
