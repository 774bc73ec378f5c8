/**
 * The follow-up tracker (issue 15, SPEC §1 notice section 五), pure: the master table's activities
 * (as the clerk edited them) and the received materials → every obligation with its due date and
 * status on the as-of day, per unit and per activity, plus findings.
 *
 * Obligations:
 * - 网站发布 (each activity): 已在科普日网站发布 = 是 by the end of windows.website; and per unit
 *   the quota of 附件1 against the activities marked 是;
 * - 补充信息 (each activity): a 新闻报道链接 and 照片视频 (the column, or a photo/video file naming
 *   the activity), and for an online activity its 活动网址, by deadlines.supplementary — or by the
 *   activity's last day when it ends later (nothing can be reported before it happens);
 * - 活动总结 (each activity marked 拟推优 = 是): within deadlines.activitySummaryDays after it
 *   ends: 活动总结提交日期 filled, or a 总结 file naming the activity; others 不适用;
 * - 镇街工作总结 (each 镇街 of the roster): every part of deadlines.townSummaryParts received as a
 *   file by deadlines.townSummary.
 * Status on the as-of day (all days Asia/Shanghai): 已完成 (done by then — a file received after
 * the as-of day does not count yet), 逾期 (due day passed), 即将到期 (due within dueSoonDays),
 * 未到期, 不适用. Something done after its due day is 已完成 with a note (and `material-late`).
 * Overdue obligations are errors, so the run exits 1 while anything is overdue.
 */
import type { Config } from '../config/schema.js';
import { createFinding, type Finding } from '../finding.js';
import { createUnitMatcher } from '../units/match-unit.js';
import { isoAddDays } from '../values/parse-date.js';
import { materialNamesActivity, resolveMaterials, type Material, type MaterialKind, type ReceivedMaterial } from './materials.js';

export const FOLLOW_UP_STATUSES = ['逾期', '即将到期', '未到期', '已完成', '不适用'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export type ObligationKind = 'website' | 'supplement' | 'summary' | 'town';
export const OBLIGATION_LABELS: Record<ObligationKind, string> = {
  website: '网站发布',
  supplement: '补充信息',
  summary: '活动总结',
  town: '镇街工作总结',
};

/** One activity of the master table, as the tracker needs it. */
export interface FollowUpActivity {
  /** master row (1-based) and the activity name's cell */
  row: number;
  cell?: string;
  unit: string;
  name: string;
  category?: string;
  mode?: string;
  startDate?: string;
  endDate?: string;
  url?: string;
  /** '是' | '否' | undefined */
  published?: string;
  contact?: string;
  phone?: string;
  newsLinks?: string;
  media?: string;
  /** 'YYYY-MM-DD' when the clerk entered a readable date; the text otherwise */
  summaryDate?: string;
  proposed: boolean;
}

export interface Obligation {
  kind: ObligationKind;
  /** 网站发布 / 补充信息 / 活动总结 / 镇街工作总结（PPT）… */
  label: string;
  unit: string;
  activity?: string;
  row?: number;
  cell?: string;
  /** YYYY-MM-DD; '' when it cannot be known (an activity without dates) */
  due: string;
  status: FollowUpStatus;
  /** what is still missing, in words ('' when done or 不适用) */
  missing: string;
  /** when it was done, if known: YYYY-MM-DD or an ISO time */
  doneAt?: string;
  /** done after its due day */
  late?: boolean;
  note?: string;
  /** the town summary part (kind town) */
  part?: MaterialKind;
}

export interface UnitFollowUp {
  name: string;
  kind?: string;
  contact?: string;
  phone?: string;
  activities: number;
  quota?: number;
  registered: number;
  /** website registrations vs quota, on the as-of day */
  quotaStatus: FollowUpStatus;
  counts: Record<FollowUpStatus, number>;
  /** outstanding obligations (逾期, 即将到期, 未到期), earliest due first */
  outstanding: Obligation[];
}

export interface FollowUpPlan {
  asOf: string;
  dueSoonDays: number;
  activities: FollowUpActivity[];
  obligations: Obligation[];
  units: UnitFollowUp[];
  materials: Material[];
  findings: Finding[];
  totals: Record<ObligationKind, Record<FollowUpStatus, number>> & { overdue: number; dueSoon: number };
}

export const DEFAULT_TOWN_PARTS: MaterialKind[] = ['总结', 'PPT', '图片', '视频', '汇总表'];
export const DEFAULT_DUE_SOON_DAYS = 3;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/** The Shanghai calendar day of an ISO time with offset ('2023-09-27T10:00:00+08:00' → '2023-09-27'). */
export function shanghaiDay(iso: string): string | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : undefined;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

function statusOf(done: boolean, due: string, asOf: string, soonDays: number): FollowUpStatus {
  if (done) return '已完成';
  if (!due) return '未到期';
  if (asOf > due) return '逾期';
  return daysBetween(asOf, due) <= soonDays ? '即将到期' : '未到期';
}

const ONLINE = /线上/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What every stage of the tracker reads. */
interface TrackContext {
  rules: Config;
  asOf: string;
  master: string;
  soon: number;
  byUnit: ReadonlyMap<string, readonly FollowUpActivity[]>;
  /** the materials received by the as-of day */
  materials: readonly Material[];
}

/** What the stages add to, in turn: the findings keep the order they are added in (the report's order). */
interface TrackOutput {
  obligations: Obligation[];
  findings: Finding[];
}

export function trackFollowUp(input: {
  activities: readonly FollowUpActivity[];
  materials: readonly ReceivedMaterial[];
  rules: Config;
  /** YYYY-MM-DD, Asia/Shanghai */
  asOf: string;
  /** the master table's path, for findings */
  master: string;
}): FollowUpPlan {
  const { rules, asOf, master } = input;
  const matcher = createUnitMatcher(rules.roster, rules.namePrefixes);
  const allMaterials = resolveMaterials(input.materials, matcher, rules.namePrefixes);
  const ctx: TrackContext = {
    rules,
    asOf,
    master,
    soon: rules.deadlines.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    byUnit: groupActivitiesByUnit(input.activities),
    materials: filterReceivedBy(allMaterials, asOf),
  };
  const out: TrackOutput = { obligations: [], findings: [] };
  for (const a of input.activities) trackActivity(a, ctx, out);
  if (rules.deadlines.townSummary) trackTownSummaries(rules.deadlines.townSummary, ctx, out);
  for (const m of allMaterials) if (!m.unit) out.findings.push(createFinding('material-unit-unknown', { file: m.path }));
  const units = summarizeUnits(ctx, out);
  return {
    asOf,
    dueSoonDays: ctx.soon,
    activities: [...input.activities],
    obligations: out.obligations,
    units,
    materials: allMaterials,
    findings: out.findings,
    totals: countTotals(out.obligations, units),
  };
}

/** A file received after the as-of day has not arrived yet on that day; unknown times count. */
function filterReceivedBy(materials: readonly Material[], asOf: string): Material[] {
  return materials.filter((m) => {
    const day = m.receivedAt ? shanghaiDay(m.receivedAt) : undefined;
    return day === undefined || day <= asOf;
  });
}

function groupActivitiesByUnit(activities: readonly FollowUpActivity[]): Map<string, FollowUpActivity[]> {
  const byUnit = new Map<string, FollowUpActivity[]>();
  for (const a of activities) {
    const list = byUnit.get(a.unit);
    if (list) list.push(a);
    else byUnit.set(a.unit, [a]);
  }
  return byUnit;
}

/** Adds an obligation, and its finding when it is overdue or due soon; `value` is the finding's cell value. */
function recordObligation(o: Obligation, value: string | undefined, ctx: TrackContext, out: TrackOutput): void {
  out.obligations.push(o);
  const where = { file: ctx.master, unit: o.unit, ...(o.row ? { row: o.row } : {}), ...(o.cell ? { cell: o.cell } : {}), ...(value ? { value } : {}) };
  if (o.status === '逾期') {
    const code =
      o.kind === 'website' ? 'website-not-registered' : o.kind === 'supplement' ? 'supplement-missing' : o.kind === 'summary' ? 'summary-overdue' : undefined;
    if (code) out.findings.push(createFinding(code, where, { due: o.due, missing: o.missing, days: ctx.rules.deadlines.activitySummaryDays ?? 0 }));
  } else if (o.status === '即将到期') {
    out.findings.push(createFinding('follow-up-due-soon', where, { what: o.label, due: o.due, missing: o.missing }));
  }
}

/** The activity an obligation belongs to, as the obligation names it. */
function activityRef(a: FollowUpActivity): Pick<Obligation, 'unit' | 'activity' | 'row' | 'cell'> {
  return { unit: a.unit, activity: a.name, row: a.row, ...(a.cell ? { cell: a.cell } : {}) };
}

/** An activity's obligations: 网站发布, then 补充信息 and 活动总结 when the rules set their deadlines. */
function trackActivity(a: FollowUpActivity, ctx: TrackContext, out: TrackOutput): void {
  const d = ctx.rules.deadlines;
  const own = ctx.materials.filter((m) => m.unit === a.unit);
  trackWebsite(a, ctx, out);
  if (d.supplementary) trackSupplement(a, d.supplementary, own, ctx, out);
  if (d.activitySummaryDays) trackActivitySummary(a, d.activitySummaryDays, own, ctx, out);
}

function trackWebsite(a: FollowUpActivity, ctx: TrackContext, out: TrackOutput): void {
  const due = ctx.rules.windows.website.end;
  const registered = a.published === '是';
  recordObligation(
    {
      kind: 'website',
      label: OBLIGATION_LABELS.website,
      ...activityRef(a),
      due,
      status: statusOf(registered, due, ctx.asOf, ctx.soon),
      missing: registered ? '' : '未在科普日网站发布',
    },
    a.name,
    ctx,
    out,
  );
}

/**
 * 补充信息, due by the deadline or by the activity's last day when it ends later. A photo or video
 * file counts when it names the activity, or when it is the unit's only activity.
 */
function trackSupplement(a: FollowUpActivity, deadline: string, own: readonly Material[], ctx: TrackContext, out: TrackOutput): void {
  const last = a.endDate ?? a.startDate;
  const due = last && last > deadline ? last : deadline;
  const single = (ctx.byUnit.get(a.unit)?.length ?? 0) === 1;
  const mediaFile = own.find((m) => (m.kind === '图片' || m.kind === '视频') && (materialNamesActivity(m, a.name) || single));
  const missing = listMissingSupplements(a, mediaFile !== undefined);
  recordObligation(
    {
      kind: 'supplement',
      label: OBLIGATION_LABELS.supplement,
      ...activityRef(a),
      due,
      status: statusOf(missing.length === 0, due, ctx.asOf, ctx.soon),
      missing: missing.join('、'),
      ...(mediaFile && !a.media ? { note: `照片视频：${mediaFile.name}` } : {}),
    },
    a.name,
    ctx,
    out,
  );
}

/** What an activity's 补充信息 still lacks: a news link, photos or videos, and for an online activity its 活动网址. */
export function listMissingSupplements(a: FollowUpActivity, hasMediaFile: boolean): string[] {
  return [
    ...(a.newsLinks ? [] : ['新闻报道链接']),
    ...(a.media || hasMediaFile ? [] : ['照片视频']),
    ...(a.mode && ONLINE.test(a.mode) && !a.url ? ['活动网址'] : []),
  ];
}

/** 活动总结, for activities marked 拟推优 only: due activitySummaryDays after the activity ends. */
function trackActivitySummary(a: FollowUpActivity, days: number, own: readonly Material[], ctx: TrackContext, out: TrackOutput): void {
  const label = OBLIGATION_LABELS.summary;
  const last = a.endDate ?? a.startDate;
  if (!a.proposed) {
    const due = last ? isoAddDays(last, days) : '';
    recordObligation({ kind: 'summary', label, ...activityRef(a), due, status: '不适用', missing: '', note: '未拟推优' }, undefined, ctx, out);
    return;
  }
  if (!last) {
    const note = '活动日期不明，无法计算期限';
    recordObligation({ kind: 'summary', label, ...activityRef(a), due: '', status: '未到期', missing: '活动总结', note }, a.name, ctx, out);
    return;
  }
  const due = isoAddDays(last, days);
  const { byDate, file, doneAt } = findSummarySubmission(a, own, ctx.asOf);
  const done = byDate || file !== undefined;
  const late = done && doneAt !== undefined && ISO_DAY.test(doneAt) && doneAt > due;
  recordObligation(
    {
      kind: 'summary',
      label,
      ...activityRef(a),
      due,
      status: statusOf(done, due, ctx.asOf, ctx.soon),
      missing: done ? '' : '活动总结',
      ...(doneAt ? { doneAt } : {}),
      ...(late ? { late: true, note: '逾期提交' } : file && !byDate ? { note: `总结：${file.name}` } : {}),
    },
    a.name,
    ctx,
    out,
  );
  if (late) {
    const where = { file: file && !byDate ? file.path : ctx.master, unit: a.unit };
    out.findings.push(createFinding('material-late', where, { what: `活动总结（${a.name}）`, receivedAt: doneAt!, due }));
  }
}

/**
 * How an activity's summary was handed in by the as-of day: the 活动总结提交日期 the clerk entered
 * (a date after the as-of day has not come yet; a text that is no date counts as handed in, undated),
 * else a 总结 file naming the activity (dated by its receive day, when known).
 */
export function findSummarySubmission(
  a: FollowUpActivity,
  own: readonly Material[],
  asOf: string,
): { byDate: boolean; file: Material | undefined; doneAt: string | undefined } {
  const dated = a.summaryDate && ISO_DAY.test(a.summaryDate) ? a.summaryDate : undefined;
  const byDate = a.summaryDate !== undefined && (dated === undefined || dated <= asOf);
  const file = own.find((m) => m.kind === '总结' && materialNamesActivity(m, a.name));
  const doneAt = byDate ? (dated ?? a.summaryDate) : file ? (file.receivedAt ? shanghaiDay(file.receivedAt) : undefined) : undefined;
  return { byDate, file, doneAt };
}

/** 镇街工作总结: every 镇街 of the roster, part by part. */
function trackTownSummaries(due: string, ctx: TrackContext, out: TrackOutput): void {
  const parts = (ctx.rules.deadlines.townSummaryParts ?? DEFAULT_TOWN_PARTS) as MaterialKind[];
  for (const town of ctx.rules.roster.filter((u) => u.kind === '镇街')) trackTownSummary(town.name, parts, due, ctx, out);
}

/** One 镇街's parts; a 总结 file naming one of the town's own activities is that activity's summary, not the town's. */
function trackTownSummary(town: string, parts: readonly MaterialKind[], due: string, ctx: TrackContext, out: TrackOutput): void {
  const activityNames = ctx.byUnit.get(town)?.map((a) => a.name) ?? [];
  const own = ctx.materials.filter((m) => m.unit === town && !(m.kind === '总结' && activityNames.some((n) => materialNamesActivity(m, n))));
  const missingParts: MaterialKind[] = [];
  for (const part of parts) if (!trackTownPart(town, part, own, due, ctx, out)) missingParts.push(part);
  const status = statusOf(missingParts.length === 0, due, ctx.asOf, ctx.soon);
  const where = { file: ctx.master, unit: town };
  const missing = missingParts.join('、');
  if (status === '逾期') out.findings.push(createFinding('town-summary-missing', where, { due, missing }));
  else if (status === '即将到期') out.findings.push(createFinding('follow-up-due-soon', where, { what: OBLIGATION_LABELS.town, due, missing }));
}

/** One part of a town's summary: the earliest file of that kind counts. Returns whether it is done. */
function trackTownPart(town: string, part: MaterialKind, own: readonly Material[], due: string, ctx: TrackContext, out: TrackOutput): boolean {
  const first = own
    .filter((m) => m.kind === part)
    .map((m) => ({ m, day: m.receivedAt ? shanghaiDay(m.receivedAt) : undefined }))
    .sort((x, y) => (x.day ?? '').localeCompare(y.day ?? ''))[0];
  const done = first !== undefined;
  const late = done && first.day !== undefined && first.day > due;
  out.obligations.push({
    kind: 'town',
    label: `${OBLIGATION_LABELS.town}（${part}）`,
    unit: town,
    part,
    due,
    status: statusOf(done, due, ctx.asOf, ctx.soon),
    missing: done ? '' : part,
    ...(first?.day ? { doneAt: first.day } : {}),
    ...(late ? { late: true, note: `逾期提交：${first.m.name}` } : done ? { note: first.m.name } : {}),
  });
  if (late) {
    const where = { file: first.m.path, unit: town };
    out.findings.push(createFinding('material-late', where, { what: `镇街工作总结（${part}）`, receivedAt: first.day!, due }));
  }
  return done;
}

/** Per unit: roster order, then units only in the master; a unit with no activity, obligation or quota is left out. */
function summarizeUnits(ctx: TrackContext, out: TrackOutput): UnitFollowUp[] {
  const { roster } = ctx.rules;
  const names = [...roster.map((u) => u.name), ...[...ctx.byUnit.keys()].filter((n) => !roster.some((u) => u.name === n))];
  const units: UnitFollowUp[] = [];
  for (const name of names) {
    const unit = summarizeUnit(name, ctx, out);
    if (unit) units.push(unit);
  }
  return units;
}

function summarizeUnit(name: string, ctx: TrackContext, out: TrackOutput): UnitFollowUp | undefined {
  const rosterUnit = ctx.rules.roster.find((u) => u.name === name);
  const acts = ctx.byUnit.get(name) ?? [];
  const mine = out.obligations.filter((o) => o.unit === name);
  if (acts.length === 0 && mine.length === 0 && rosterUnit?.quota === undefined) return undefined;
  const registered = acts.filter((a) => a.published === '是').length;
  const quota = rosterUnit?.quota;
  const quotaStatus = trackWebsiteQuota(name, registered, quota, ctx, out);
  const counts = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, mine.filter((o) => o.status === s).length])) as Record<FollowUpStatus, number>;
  const contact = rosterUnit?.contact ?? acts.find((a) => a.contact)?.contact;
  const phone = rosterUnit?.phone ?? acts.find((a) => a.phone)?.phone;
  return {
    name,
    ...(rosterUnit ? { kind: rosterUnit.kind } : {}),
    ...(contact ? { contact } : {}),
    ...(phone ? { phone } : {}),
    activities: acts.length,
    ...(quota !== undefined ? { quota } : {}),
    registered,
    quotaStatus,
    counts,
    outstanding: mine
      .filter((o) => o.status === '逾期' || o.status === '即将到期' || o.status === '未到期')
      .sort((x, y) => (x.due || '9999').localeCompare(y.due || '9999')),
  };
}

/** A unit's website registrations against its quota of 附件1 (none or 0: 不适用), with its finding. */
function trackWebsiteQuota(unit: string, registered: number, quota: number | undefined, ctx: TrackContext, out: TrackOutput): FollowUpStatus {
  const due = ctx.rules.windows.website.end;
  const status: FollowUpStatus = quota === undefined || quota === 0 ? '不适用' : statusOf(registered >= quota, due, ctx.asOf, ctx.soon);
  const where = { file: ctx.master, unit };
  if (status === '逾期') out.findings.push(createFinding('website-quota-short', where, { registered, quota: quota!, due }));
  else if (status === '即将到期')
    out.findings.push(createFinding('follow-up-due-soon', where, { what: '网站发布任务数', due, missing: `${quota! - registered} 项` }));
  return status;
}

function countTotals(obligations: readonly Obligation[], units: readonly UnitFollowUp[]): FollowUpPlan['totals'] {
  const totals = Object.fromEntries(
    (Object.keys(OBLIGATION_LABELS) as ObligationKind[]).map((k) => [
      k,
      Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, obligations.filter((o) => o.kind === k && o.status === s).length])),
    ]),
  ) as unknown as FollowUpPlan['totals'];
  totals.overdue = obligations.filter((o) => o.status === '逾期').length + units.filter((u) => u.quotaStatus === '逾期').length;
  totals.dueSoon = obligations.filter((o) => o.status === '即将到期').length;
  return totals;
}
