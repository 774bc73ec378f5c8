/** `kepuri merge INPUT… [-o DIR]`: the clerk's main job. */
import type { Lang } from '../core/messages.js';
import { exitCodeOf, reportJsonChunks } from '../core/report.js';
import { loadRules } from '../io/config/load-config.js';
import { runMergeJob } from '../io/run-merge.js';
import { makeChalk, renderMergeSummary, renderRulesLine } from './render-terminal.js';

export interface MergeCliOptions {
  out: string;
  roster?: string;
  received?: string;
  keepAll?: boolean;
  feedback?: boolean;
  json?: boolean;
  notice?: boolean;
  config?: string;
  lang: Lang;
  lettersLang?: Lang;
}

export async function runMerge(inputs: string[], opts: MergeCliOptions): Promise<number> {
  const rules = await loadRules({ config: opts.config, roster: opts.roster });
  // the rules in force first, so a stray kepuri.config.json is never a surprise; on standard
  // error when standard output carries JSON or the notice
  const machine = opts.json || opts.notice;
  (machine ? process.stderr : process.stdout).write(renderRulesLine(rules, opts.lang) + '\n');
  const progress = await createProgress();
  let result: Awaited<ReturnType<typeof runMergeJob>>;
  try {
    result = await runMergeJob(inputs, rules, {
      out: opts.out,
      ...(opts.received ? { received: opts.received } : {}),
      keepAll: opts.keepAll,
      feedback: opts.feedback,
      lang: opts.lang,
      ...(opts.lettersLang ? { lettersLang: opts.lettersLang } : {}),
      onProgress: progress?.update,
    });
  } finally {
    progress?.stop();
  }
  if (opts.json) {
    // in pieces: a province report is tens of MB (same text as JSON.stringify(report, null, 2))
    for (const piece of reportJsonChunks(result.report)) process.stdout.write(piece);
    process.stdout.write('\n');
  } else if (opts.notice) {
    // the note alone on standard output, ready to paste; the usual summary goes to standard error
    process.stdout.write(result.notice);
    process.stderr.write(renderMergeSummary(result.report, result.written, makeChalk(process.stderr), opts.lang, 30, result.notSubmissions));
  } else process.stdout.write(renderMergeSummary(result.report, result.written, makeChalk(process.stdout), opts.lang, 30, result.notSubmissions));
  return exitCodeOf(result.report);
}

/** A progress bar on standard error, only on a terminal (cli-progress, loaded only then). */
async function createProgress(): Promise<{ update: (done: number, total: number) => void; stop: () => void } | undefined> {
  if (!process.stderr.isTTY) return undefined;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    { format: '读取 [{bar}] {value}/{total} 个文件', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (total < 10) return; // a district inbox reads in a blink; a bar would only flicker
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
