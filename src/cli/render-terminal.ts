/**
 * Terminal rendering of a report: grouped by file, coloured only on a TTY and never with NO_COLOR.
 * Pure formatting: takes the report, returns text.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../core/messages.js';
import type { Config } from '../core/config/schema.js';
import type { Report, ReportFinding } from '../core/report.js';
import { tallyUnits } from '../core/unit-counts.js';

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
      : `共 ${report.files.length} 个文件：错误 ${c.red(String(t.errors))}，警告 ${c.yellow(String(t.warnings))}，提示 ${t.infos}`,
  );
  return out.join('\n') + '\n';
}

/** The rules in force in one line: `规则：2023 鸠江区（内置）` or the config file's path, and the roster's source. */
export function renderRulesLine(rules: Config, lang: Lang): string {
  const en = lang === 'en';
  const source = rules.source === 'embedded' ? (en ? `${rules.year} ${rules.district} (built-in)` : `${rules.year} ${rules.district}（内置）`) : rules.source;
  const roster =
    rules.rosterSource === 'embedded' || rules.rosterSource === 'config' ? '' : en ? `, roster: ${rules.rosterSource}` : `，任务分解表：${rules.rosterSource}`;
  return (en ? 'rules: ' : '规则：') + source + roster;
}

/** `kepuri merge`: the short Chinese summary — files, units, activities, late, missing, incomplete, then findings by unit. */
export function renderMergeSummary(
  report: Report,
  written: string[],
  c: ChalkInstance,
  lang: Lang,
  maxFindings = 30,
  notSubmissions: { path: string; message: string }[] = [],
): string {
  const t = report.totals;
  const en = lang === 'en';
  const out: string[] = [];
  // the same unit figures as 总览 and 单位报送情况 (issue 12 §4): a unit not on the roster is
  // named apart, never counted as 已报送
  const tally = tallyUnits(report);
  const submitted = tally.submitted;
  const late = tally.late;
  const missing = tally.missing;
  const withErrors = tally.toFix;
  const unlisted = tally.unlisted.length > 0 ? tally.unlisted : undefined;
  const erroneousRows = new Set(report.findings.filter((f) => f.severity === 'error' && f.row !== null).map((f) => `${f.file}#${f.row}`)).size;
  // issue 13: rows of files whose table was not found are read too, and shown when there are any
  const noTable = t.rowsInFilesWithoutTable ?? 0;
  const balanced = t.rowsRead === t.rowsMerged + t.rowsSuperseded + t.rowsSkipped + noTable;
  if (en) {
    out.push(
      `${t.files} files read, ${submitted.length}/${tally.expected.length} units submitted${unlisted ? ` (+${unlisted.length} not on the roster)` : ''}, ${t.rowsMerged} activities merged`,
    );
    out.push(
      `rows: read ${t.rowsRead} = merged ${t.rowsMerged} + superseded ${t.rowsSuperseded} + skipped ${t.rowsSkipped}${noTable ? ` + in files with no table ${noTable}` : ''} ${balanced ? '✓' : '✗'}`,
    );
    out.push(`late: ${late.map((u) => u.name).join(', ') || 'none'}`);
    out.push(`missing: ${missing.map((u) => u.name).join(', ') || 'none'}`);
    out.push(`incomplete: ${erroneousRows} activities with errors (${withErrors.length} units)`);
  } else {
    out.push(
      c.bold(
        `读取 ${t.files} 个文件，已报送 ${submitted.length}/${tally.expected.length} 个单位${unlisted ? `（另有名单外 ${unlisted.length} 个）` : ''}，汇总活动 ${t.rowsMerged} 项`,
      ),
    );
    out.push(
      `行数核对：读取 ${t.rowsRead} = 汇总 ${t.rowsMerged} + 替代 ${t.rowsSuperseded} + 跳过 ${t.rowsSkipped}${noTable ? ` + 未找到表格 ${c.red(String(noTable))}` : ''} ${balanced ? c.green('✓') : c.red('✗')}`,
    );
    out.push(`逾期：${late.length ? c.yellow(late.map((u) => u.name).join('、')) : '无'}`);
    out.push(`未报送：${missing.length ? c.red(missing.map((u) => u.name).join('、')) : '无'}`);
    out.push(`不完整：${erroneousRows ? c.red(String(erroneousRows)) : '0'} 项活动有错误（${withErrors.length} 个单位）`);
  }
  out.push('');
  const shown = report.findings.filter((f) => f.severity !== 'info').slice(0, maxFindings);
  let lastUnit: string | null | undefined;
  let lastFile: string | undefined;
  for (const f of shown) {
    if (f.unit !== lastUnit) {
      out.push(c.bold(f.unit ?? (en ? '(unit unknown)' : '（单位不明）')));
      lastUnit = f.unit;
      lastFile = undefined;
    }
    if (f.file !== lastFile) {
      out.push('  ' + c.dim(f.file));
      lastFile = f.file;
    }
    out.push('  ' + renderFindingLine(f, c, lang));
  }
  const hidden = report.findings.filter((f) => f.severity !== 'info').length - shown.length;
  if (hidden > 0) out.push(c.dim(en ? `… ${hidden} more in the report` : `……另有 ${hidden} 条，见 汇总统计.xlsx 的“问题清单”`));
  out.push('');
  out.push(en ? `errors ${t.errors}, warnings ${t.warnings}, notes ${t.infos}` : `错误 ${t.errors}，警告 ${t.warnings}，提示 ${t.infos}`);
  if (notSubmissions.length > 0) {
    // a poster or a cover letter beside the table: the clerk looks at it; no letter goes back for it
    out.push((en ? 'not schedules (no reply written): ' : '不是活动安排表（未生成回复）：') + notSubmissions.map((n) => n.path).join(en ? ', ' : '、'));
  }
  out.push((en ? 'written: ' : '已写出：') + written.join('  '));
  return out.join('\n') + '\n';
}
