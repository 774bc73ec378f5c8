/**
 * 报送情况通报 (SPEC §8 `报送情况通报.txt`, `kepuri merge --notice`), pure: the merge report in,
 * a short Chinese note out, ready to paste into the work group: as of the run, N of M roster units
 * reported; who was late; who is missing, with the contact and phone from 附件1; who is asked to
 * fix and resubmit, and by when.
 */
import { CLERK_CODES, fullDate, monthDay, resolveReplyBy, shanghaiDate, signatureLines } from './compose-reply.js';
import type { Config } from './config/schema.js';
import type { Report } from './report.js';

export const NOTICE_FILE = '报送情况通报.txt';

export interface NoticeOptions {
  /** the run's time ("截至…") and the letter's date */
  runAt: Date;
  /** the resubmission date, YYYY-MM-DD; default resolved from rules.replyBy */
  replyBy?: string;
}

/** '2023-09-14T10:30:00Z' → '2023年9月14日18:30' (Asia/Shanghai) */
function asOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${fullDate(shanghaiDate(at))}${local.slice(11, 16)}`;
}

export interface NoticeFacts {
  expected: number;
  reported: string[];
  late: { name: string; receivedAt: string | null }[];
  missing: { name: string; contact?: string; phone?: string }[];
  toFix: string[];
  /** units not on the roster that sent a table: counted apart, never as 已报送 */
  offRoster: string[];
  activities: number;
}

/** The facts of the note, counted once (the terminal and tests read the same numbers). */
export function noticeFacts(report: Report, rules: Config): NoticeFacts {
  const onRoster = new Set(rules.roster.map((u) => u.name));
  const rosterUnit = new Map(rules.roster.map((u) => [u.name, u]));
  const roster = report.units.filter((u) => onRoster.has(u.name));
  const latestReceived = new Map<string, string | null>();
  for (const f of report.files) {
    if (f.unit && f.status === 'merged') {
      const prev = latestReceived.get(f.unit);
      if (prev === undefined || (f.receivedAt && (!prev || f.receivedAt > prev))) latestReceived.set(f.unit, f.receivedAt);
    }
  }
  // a unit is asked to resubmit when a file it sent (and that still counts) has an error of its own
  const current = new Set(report.files.filter((f) => f.status !== 'superseded').map((f) => f.path));
  const withErrors = new Set<string>();
  for (const f of report.findings) {
    if (f.severity === 'error' && f.unit && current.has(f.file) && !CLERK_CODES.has(f.code)) withErrors.add(f.unit);
  }
  return {
    expected: roster.length,
    reported: roster.filter((u) => u.submitted).map((u) => u.name),
    late: roster.filter((u) => u.late).map((u) => ({ name: u.name, receivedAt: latestReceived.get(u.name) ?? null })),
    missing: roster
      .filter((u) => !u.submitted)
      .map((u) => {
        const r = rosterUnit.get(u.name);
        return { name: u.name, ...(r?.contact ? { contact: r.contact } : {}), ...(r?.phone ? { phone: r.phone } : {}) };
      }),
    toFix: report.units.filter((u) => withErrors.has(u.name)).map((u) => u.name),
    offRoster: report.units.filter((u) => !onRoster.has(u.name) && u.submitted).map((u) => u.name),
    activities: report.totals.rowsMerged,
  };
}

/** The note's text (LF line ends; the writer adds the BOM and CRLF). */
export function composeNotice(report: Report, rules: Config, opts: NoticeOptions): string {
  const facts = noticeFacts(report, rules);
  const replyBy = opts.replyBy ?? resolveReplyBy(rules.replyBy, opts.runAt);
  const lines: string[] = [];
  lines.push(`关于${rules.year}年全国科普日活动安排表报送情况的通报`);
  lines.push('');
  lines.push('各单位：');
  const missingCount = facts.expected - facts.reported.length;
  lines.push(
    `　　截至${asOf(opts.runAt)}，应报送活动安排表的${facts.expected}个单位中，已报送${facts.reported.length}个，` +
      `未报送${missingCount}个，共汇总活动${facts.activities}项。` +
      (facts.offRoster.length ? `另有任务分解表以外的${facts.offRoster.join('、')}报送，已一并汇总。` : ''),
  );
  if (facts.late.length > 0) {
    const names = facts.late.map((u) => (u.receivedAt ? `${u.name}（${monthDay(u.receivedAt, rules.year)}报送）` : u.name));
    lines.push(
      `　　逾期报送（${facts.late.length}个）：${names.join('、')}。报送截止日期为${monthDay(rules.deadlines.schedule, rules.year)}，今后请按时报送。`,
    );
  }
  if (facts.missing.length > 0) {
    const names = facts.missing.map((u) => {
      const parts = [u.contact ? `联系人：${u.contact}` : '', u.phone ? `联系电话：${u.phone}` : ''].filter((p) => p !== '');
      return parts.length ? `${u.name}（${parts.join('，')}）` : u.name;
    });
    lines.push(`　　未报送（${facts.missing.length}个）：${names.join('、')}。请尽快报送。`);
  } else {
    lines.push('　　应报送单位已全部报送。');
  }
  if (facts.toFix.length > 0) {
    lines.push(`　　需修改后重新报送（${facts.toFix.length}个）：${facts.toFix.join('、')}。请于${monthDay(replyBy, rules.year)}前按反馈意见修改后重新报送。`);
  }
  lines.push('');
  lines.push(...signatureLines(rules, opts.runAt, 'zh'));
  return lines.join('\n') + '\n';
}

/** The note as written to disk: UTF-8 with BOM, CRLF, so Notepad and WeChat paste it cleanly. */
export function noticeFileText(text: string): string {
  return '\ufeff' + text.replace(/\r?\n/g, '\r\n');
}
