/**
 * The letter a unit gets back (SPEC §8 `反馈/<单位>-回复.txt`), pure: findings in, text out.
 *
 * What the clerk would write by hand: address the unit as 贵单位, list only what the unit itself
 * must fix (the clerk's own business — roster, quotas, duplicates across units — stays with the
 * clerk), say where the marks are only for findings that have a cell, give a resubmission date
 * that is not already past, and sign with the association's name, contact, phone and the date.
 * A unit whose only finding is lateness gets a short note, not a request to fix cells.
 */
import type { Config } from './config/schema.js';
import type { Finding, FindingCode } from './finding.js';
import type { Lang } from './messages.js';
import type { ReportFinding } from './report.js';

/** replies list at most this many items; the rest are in the annotated copy */
export const REPLY_MAX_ITEMS = 100;

/** days after the run when `replyBy` is missing or names a date already past */
export const DEFAULT_REPLY_DAYS = 3;

/**
 * Findings that are the clerk's business, never a unit's fault to fix: whether a unit is on the
 * roster, quotas, whether a 镇街 holds a main event, who has not sent anything, unknown times.
 * `duplicate-activity` is the clerk's only when the other row is in another unit's file.
 */
export const CLERK_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'unit-unknown',
  'quota-short',
  'submission-missing',
  'received-unknown',
  'town-main-event-missing',
  'submission-superseded',
]);

/** A file that is not a submission at all (a poster, a cover letter): no reply, listed for the clerk. */
export const NOT_A_SUBMISSION: ReadonlySet<FindingCode> = new Set<FindingCode>(['file-unsupported']);

/** Findings about the file as a whole: the unit must send the file again. */
const FILE_LEVEL_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'file-unreadable',
  'file-encrypted',
  'file-too-large',
  'sheet-not-found',
  'header-not-found',
]);

/** True when the finding is for the clerk, not for the unit that sent the file. */
export function isClerksBusiness(f: Finding): boolean {
  if (CLERK_CODES.has(f.code)) return true;
  if (f.code === 'duplicate-activity') {
    const otherFile = f.params?.otherFile;
    return otherFile !== undefined && otherFile !== f.file;
  }
  return false;
}

/** The run's calendar date in Asia/Shanghai (UTC+8 all year, no summer time). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The resubmission date (YYYY-MM-DD): `replyBy` as a date if it is not before the run date, a
 * number of days after the run, and the default days when the configured date is already past.
 */
export function resolveReplyBy(replyBy: string | number | undefined, runAt: Date): string {
  const today = shanghaiDate(runAt);
  if (typeof replyBy === 'number' && replyBy > 0) return addDays(today, replyBy);
  if (typeof replyBy === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(replyBy) && replyBy >= today) return replyBy;
  return addDays(today, DEFAULT_REPLY_DAYS);
}

/** A time with a zone ('…T17:00:00Z', '…+08:00') → its calendar day in Asia/Shanghai; a bare date is kept. */
function shanghaiDay(iso: string): string {
  if (!/T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(iso)) return iso;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : shanghaiDate(new Date(t));
}

/** '2023-09-15' → '9月15日' (with the year when it is not the campaign year). */
export function monthDay(iso: string, year?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(shanghaiDay(iso));
  if (!m) return iso;
  const md = `${Number(m[2])}月${Number(m[3])}日`;
  return year !== undefined && Number(m[1]) !== year ? `${Number(m[1])}年${md}` : md;
}

/** '2023-09-15' → '2023年9月15日' */
export function fullDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function enDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${EN_MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** The signature block: association name, then contact and phone when the config gives them, then the date. */
export function signatureLines(rules: Config, runAt: Date, lang: Lang = 'zh'): string[] {
  const a = rules.association ?? { name: rules.issuer };
  const lines = [a.name || rules.issuer];
  const parts: string[] = [];
  if (lang === 'en') {
    if (a.contact) parts.push(`Contact: ${a.contact}`);
    if (a.phone) parts.push(`Phone: ${a.phone}`);
    if (parts.length) lines.push(parts.join(', '));
    lines.push(enDate(shanghaiDate(runAt)));
  } else {
    if (a.contact) parts.push(`联系人：${a.contact}`);
    if (a.phone) parts.push(`联系电话：${a.phone}`);
    if (parts.length) lines.push(parts.join('　'));
    lines.push(fullDate(shanghaiDate(runAt)));
  }
  return lines;
}

export interface ReplyOptions {
  /** when the run happened (the letter's date, and the base of the resubmission date); default now */
  runAt?: Date;
  /** the resubmission date, YYYY-MM-DD; default resolved from rules.replyBy and runAt */
  replyBy?: string;
  /** when the unit's file arrived (ISO), for the note on lateness */
  receivedAt?: string | null;
  /** an annotated copy goes with the letter */
  annotated?: boolean;
  /** the letters' language (zh unless English letters were asked for) */
  lang?: Lang;
}

type Actionable = ReportFinding & { severity: 'error' | 'warning' };

function itemText(f: ReportFinding, lang: Lang): string {
  const where: string[] = [];
  if (lang === 'en') {
    if (f.row !== null) where.push(`row ${f.row}`);
    if (f.cell) where.push(f.cell);
    let head = where.join(' ');
    if (f.column) head += ` (${f.column})`;
    return head ? `${head}: ${f.message}` : f.message;
  }
  if (f.row !== null) where.push(`第${f.row}行`);
  if (f.cell) where.push(f.cell);
  let head = where.join(' ');
  if (f.column) head += `（${f.column}）`;
  return head ? `${head}：${f.message}` : f.message;
}

/** The letter to one unit about one file. `findings` are that file's, already in the letter's language. */
export function composeReply(unit: string, findings: readonly ReportFinding[], rules: Config, opts: ReplyOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const runAt = opts.runAt ?? new Date();
  const plan = planReply(unit, findings, rules, opts, runAt, lang);
  const lines = lang === 'en' ? writeEnglishBody(plan, rules, opts) : writeChineseBody(plan, rules, opts);
  lines.push('');
  lines.push(...signatureLines(rules, runAt, lang));
  return lines.join('\n') + '\n';
}

/** What the letter says, in either language. */
interface ReplyPlan {
  /** the unit as addressed, '' when unknown */
  name: string;
  /** the table's title as the letter names it */
  title: string;
  /** the unit's lateness, told apart from what it must fix */
  late: Actionable | undefined;
  /** the unit's own findings to list, lateness aside, in report order */
  list: Actionable[];
  errors: Actionable[];
  warnings: Actionable[];
  /** the unit must send the whole file again */
  refile: boolean;
  /** some listed finding has a cell, marked in the annotated copy */
  withCell: boolean;
  /** the resubmission date, YYYY-MM-DD */
  replyBy: string;
}

function planReply(unit: string, findings: readonly ReportFinding[], rules: Config, opts: ReplyOptions, runAt: Date, lang: Lang): ReplyPlan {
  const own = findings.filter(
    (f): f is Actionable => (f.severity === 'error' || f.severity === 'warning') && !CLERK_CODES.has(f.code) && !NOT_A_SUBMISSION.has(f.code),
  );
  const list = own.filter((f) => f.code !== 'submission-late');
  return {
    name: unit.trim(),
    title:
      lang === 'en'
        ? `the ${rules.year} ${rules.district} National Science Popularization Day activity schedule`
        : `《${rules.year}年${rules.district}全国科普日活动安排表》`,
    late: own.find((f) => f.code === 'submission-late'),
    list,
    errors: list.filter((f) => f.severity === 'error'),
    warnings: list.filter((f) => f.severity === 'warning'),
    refile: list.some((f) => FILE_LEVEL_CODES.has(f.code)),
    withCell: list.some((f) => f.cell !== null),
    replyBy: opts.replyBy ?? resolveReplyBy(rules.replyBy, runAt),
  };
}

/** The English letter up to its signature: the findings in report order. */
function writeEnglishBody(plan: ReplyPlan, rules: Config, opts: ReplyOptions): string[] {
  const { name, title, late, list, errors } = plan;
  const lines = [name ? `To ${name},` : 'Dear colleagues,', ''];
  const lateNote = late
    ? ` It arrived${opts.receivedAt ? ` on ${enDate(opts.receivedAt)}` : ''}, after the deadline of ${enDate(rules.deadlines.schedule)}.`
    : '';
  if (list.length === 0) {
    lines.push(
      `We have received ${title} from your unit and included it in the district table.${lateNote}${late ? ' Please send on time next time.' : ' Nothing needs to be changed.'} Thank you.`,
    );
    return lines;
  }
  lines.push(`We have received ${title} from your unit.${lateNote} ${errors.length ? 'Please correct the following:' : 'Please check the following:'}`);
  lines.push('');
  list.slice(0, REPLY_MAX_ITEMS).forEach((f, i) => lines.push(`${i + 1}. ${itemText(f, 'en')}`));
  if (list.length > REPLY_MAX_ITEMS) lines.push(`… and ${list.length - REPLY_MAX_ITEMS} more, marked in the attached copy.`);
  lines.push('');
  if (plan.withCell && opts.annotated)
    lines.push('The cells concerned are marked in the attached copy of your table (red: must be fixed, yellow: please check).');
  lines.push(`Please send the corrected table again by ${enDate(plan.replyBy)}. Thank you.`);
  return lines;
}

/** The Chinese letter up to its signature: errors to fix first, then warnings to check. */
function writeChineseBody(plan: ReplyPlan, rules: Config, opts: ReplyOptions): string[] {
  const { name, title, late, list } = plan;
  const lines = [name ? `${name}：` : '您好：', ''];
  const receivedDay = opts.receivedAt ? monthDay(opts.receivedAt, rules.year) : undefined;
  const lateClause = late ? `已于${receivedDay ?? ''}收到，晚于报送截止日期（${monthDay(rules.deadlines.schedule, rules.year)}）` : '已收到';
  if (list.length === 0) {
    // lateness alone: nothing to fix, the table is in the district's; a short note is enough
    lines.push(
      late
        ? `　　贵单位报送的${title}${lateClause}，已纳入全区汇总，经核对无需修改。今后请按通知要求的时间报送。谢谢！`
        : `　　贵单位报送的${title}已收到，经核对未发现需要修改的问题。谢谢！`,
    );
    return lines;
  }
  writeChineseItems(lines, plan, lateClause);
  lines.push('');
  if (plan.withCell && opts.annotated) {
    lines.push('　　以上单元格已在附件表格中标出（红色为必须修改，黄色为请核实；各行最后一列“标记”注明问题，鼠标移到单元格上可查看批注）。');
  }
  const by = monthDay(plan.replyBy, rules.year);
  lines.push(
    plan.refile
      ? `　　请按上述要求重新导出或填写后，于${by}前重新报送。如有疑问，请与我们联系。谢谢！`
      : plan.errors.length > 0
        ? `　　请修改后于${by}前重新报送。如有疑问，请与我们联系。谢谢！`
        : `　　如需修改，请于${by}前重新报送；无需修改的，不必回复。谢谢！`,
  );
  return lines;
}

/** The opening sentence and the numbered items (errors, then warnings), at most REPLY_MAX_ITEMS. */
function writeChineseItems(lines: string[], plan: ReplyPlan, lateClause: string): void {
  const { title, errors, warnings } = plan;
  let n = 0;
  const push = (f: ReportFinding) => {
    n++;
    if (n <= REPLY_MAX_ITEMS) lines.push(`${n}. ${itemText(f, 'zh')}`);
  };
  if (errors.length > 0) {
    lines.push(`　　贵单位报送的${title}${lateClause}。经核对，有以下问题需要修改：`);
    lines.push('');
    errors.forEach(push);
    if (warnings.length > 0) {
      lines.push('');
      lines.push('另有以下内容请核实，如确需修改请一并修改：');
      lines.push('');
    }
  } else {
    lines.push(`　　贵单位报送的${title}${lateClause}。经核对，有以下内容请核实，如确需修改请修改：`);
    lines.push('');
  }
  warnings.forEach(push);
  if (n > REPLY_MAX_ITEMS) lines.push(`……另有 ${n - REPLY_MAX_ITEMS} 处，见附件标注。`);
}

/** Whether a file's findings call for a letter at all (something of the unit's own, or lateness). */
export function needsReply(findings: readonly ReportFinding[]): boolean {
  if (findings.some((f) => NOT_A_SUBMISSION.has(f.code))) return false;
  return findings.some((f) => (f.severity === 'error' || f.severity === 'warning') && !CLERK_CODES.has(f.code));
}
