/**
 * Terminal rendering of a report: grouped by file, coloured only on a TTY and never with NO_COLOR.
 * Pure formatting: takes the report, returns text.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../core/messages.js';
import type { Report, ReportFinding } from '../core/report.js';

export function makeChalk(stream: NodeJS.WriteStream): ChalkInstance {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return new Chalk({ level: stream.isTTY && !noColor ? 2 : 0 });
}

const SEVERITY_WORD = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warn', info: 'info' },
} as const;

function severityText(f: ReportFinding, c: ChalkInstance, lang: Lang): string {
  const w = SEVERITY_WORD[lang][f.severity];
  return f.severity === 'error' ? c.red(w) : f.severity === 'warning' ? c.yellow(w) : c.cyan(w);
}

function padCell(s: string): string {
  return s.length >= 6 ? s : s + ' '.repeat(6 - s.length);
}

export function renderFindingLine(f: ReportFinding, c: ChalkInstance, lang: Lang): string {
  const where = f.cell ?? (f.row ? (lang === 'en' ? `row ${f.row}` : `第${f.row}行`) : '');
  return `  ${c.dim(padCell(where))} ${severityText(f, c, lang)}  ${f.message}`;
}

/** `kepuri validate`: every finding, grouped by file, then a one-line total. */
export function renderValidate(report: Report, c: ChalkInstance, lang: Lang): string {
  const out: string[] = [];
  const byFile = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const file of report.files) {
    const list = byFile.get(file.path) ?? [];
    const unit = file.unit ? ` · ${file.unit}` : '';
    const rows = file.status === 'merged' ? (lang === 'en' ? ` · ${file.rows} activities` : ` · ${file.rows} 项活动`) : '';
    const sheet = list.find((f) => f.sheet)?.sheet;
    out.push(c.bold(file.path) + c.dim(`${unit}${sheet ? ' · ' + sheet : ''}${rows}`));
    if (list.length === 0) out.push('  ' + c.green(lang === 'en' ? 'no problems found' : '未发现问题'));
    for (const f of list) out.push(renderFindingLine(f, c, lang));
    out.push('');
  }
  const t = report.totals;
  out.push(
    lang === 'en'
      ? `${report.files.length} file(s): ${t.errors} error(s), ${t.warnings} warning(s), ${t.infos} note(s)`
      : `共 ${report.files.length} 个文件:错误 ${c.red(String(t.errors))},警告 ${c.yellow(String(t.warnings))},提示 ${t.infos}`,
  );
  return out.join('\n') + '\n';
}
