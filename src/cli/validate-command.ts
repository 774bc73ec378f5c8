/** `kepuri validate FILE…`: read, check each file alone, render, exit 0/1/2. */
import { validateWorkbook, buildValidateReport } from '../core/validate-files.js';
import { ParseCache } from '../core/values/parse-cache.js';
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
  const cache = new ParseCache();
  for (const file of files) {
    const outcome = await readInputFile(file);
    results.push(validateWorkbook(outcome, rules, cache));
  }
  const report = buildValidateReport(results, rules, opts.lang);
  if (opts.annotate) {
    const { writeAnnotations } = await import('../io/write-annotated.js');
    await writeAnnotations(report, opts.annotate, { rules });
  }
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(renderValidate(report, makeChalk(process.stdout), opts.lang));
  return exitCodeOf(report);
}
