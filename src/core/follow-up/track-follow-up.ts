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
  const d = rules.deadlines;
  const soon = d.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const matcher = createUnitMatcher(rules.roster, rules.namePrefixes);
  const allMaterials = resolveMaterials(input.materials, matcher, rules.namePrefixes);
  // a file received after the as-of day has not arrived yet on that day; unknown times count
  const receivedBy = (m: Material) => {
    const day = m.receivedAt ? shanghaiDay(m.receivedAt) : undefined;
    return day === undefined || day <= asOf;
  };
  const materials = allMaterials.filter(receivedBy);
  const findings: Finding[] = [];
  const obligations: Obligation[] = [];

  const byUnit = new Map<string, FollowUpActivity[]>();
  for (const a of input.activities) {
    const list = byUnit.get(a.unit);
    if (list) list.push(a);
    else byUnit.set(a.unit, [a]);
  }
  const materialsOf = (unit: string) => materials.filter((m) => m.unit === unit);

  const push = (o: Obligation, value?: string) => {
    obligations.push(o);
    const where = { file: master, unit: o.unit, ...(o.row ? { row: o.row } : {}), ...(o.cell ? { cell: o.cell } : {}), ...(value ? { value } : {}) };
    if (o.status === '逾期') {
      const code =
        o.kind === 'website' ? 'website-not-registered' : o.kind === 'supplement' ? 'supplement-missing' : o.kind === 'summary' ? 'summary-overdue' : undefined;
      if (code) findings.push(createFinding(code, where, { due: o.due, missing: o.missing, days: d.activitySummaryDays ?? 0 }));
    } else if (o.status === '即将到期') {
      findings.push(createFinding('follow-up-due-soon', where, { what: o.label, due: o.due, missing: o.missing }));
    }
  };

  for (const a of input.activities) {
    const base = { unit: a.unit, activity: a.name, row: a.row, ...(a.cell ? { cell: a.cell } : {}) };
    const own = materialsOf(a.unit);
    const single = (byUnit.get(a.unit)?.length ?? 0) === 1;
    const names = (m: Material) => materialNamesActivity(m, a.name) || single;

    // 网站发布
    const registered = a.published === '是';
    push(
      {
        kind: 'website',
        label: OBLIGATION_LABELS.website,
        ...base,
        due: rules.windows.website.end,
        status: statusOf(registered, rules.windows.website.end, asOf, soon),
        missing: registered ? '' : '未在科普日网站发布',
      },
      a.name,
    );

    // 补充信息
    if (d.supplementary) {
      const last = a.endDate ?? a.startDate;
      const due = last && last > d.supplementary ? last : d.supplementary;
      const mediaFile = own.find((m) => (m.kind === '图片' || m.kind === '视频') && names(m));
      const missing = [
        ...(a.newsLinks ? [] : ['新闻报道链接']),
        ...(a.media || mediaFile ? [] : ['照片视频']),
        ...(a.mode && ONLINE.test(a.mode) && !a.url ? ['活动网址'] : []),
      ];
      push(
        {
          kind: 'supplement',
          label: OBLIGATION_LABELS.supplement,
          ...base,
          due,
          status: statusOf(missing.length === 0, due, asOf, soon),
          missing: missing.join('、'),
          ...(mediaFile && !a.media ? { note: `照片视频：${mediaFile.name}` } : {}),
        },
        a.name,
      );
    }

    // 活动总结 (拟推优 only)
    if (d.activitySummaryDays) {
      const last = a.endDate ?? a.startDate;
      if (!a.proposed) {
        push({
          kind: 'summary',
          label: OBLIGATION_LABELS.summary,
          ...base,
          due: last ? isoAddDays(last, d.activitySummaryDays) : '',
          status: '不适用',
          missing: '',
          note: '未拟推优',
        });
      } else if (!last) {
        push(
          { kind: 'summary', label: OBLIGATION_LABELS.summary, ...base, due: '', status: '未到期', missing: '活动总结', note: '活动日期不明，无法计算期限' },
          a.name,
        );
      } else {
        const due = isoAddDays(last, d.activitySummaryDays);
        const dated = a.summaryDate && /^\d{4}-\d{2}-\d{2}$/.test(a.summaryDate) ? a.summaryDate : undefined;
        const byDate = a.summaryDate !== undefined && (dated === undefined || dated <= asOf);
        const file = own.find((m) => m.kind === '总结' && materialNamesActivity(m, a.name));
        const doneAt = byDate ? (dated ?? a.summaryDate) : file ? (file.receivedAt ? shanghaiDay(file.receivedAt) : undefined) : undefined;
        const done = byDate || file !== undefined;
        const late = done && doneAt !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(doneAt) && doneAt > due;
        push(
          {
            kind: 'summary',
            label: OBLIGATION_LABELS.summary,
            ...base,
            due,
            status: statusOf(done, due, asOf, soon),
            missing: done ? '' : '活动总结',
            ...(doneAt ? { doneAt } : {}),
            ...(late ? { late: true, note: '逾期提交' } : file && !byDate ? { note: `总结：${file.name}` } : {}),
          },
          a.name,
        );
        if (late)
          findings.push(
            createFinding(
              'material-late',
              { file: file && !byDate ? file.path : master, unit: a.unit },
              { what: `活动总结（${a.name}）`, receivedAt: doneAt!, due },
            ),
          );
      }
    }
  }

  // 镇街工作总结: every 镇街 of the roster, part by part
  if (d.townSummary) {
    const parts = (d.townSummaryParts ?? DEFAULT_TOWN_PARTS) as MaterialKind[];
    for (const town of rules.roster.filter((u) => u.kind === '镇街')) {
      const activityNames = byUnit.get(town.name)?.map((a) => a.name) ?? [];
      const own = materialsOf(town.name).filter((m) => !(m.kind === '总结' && activityNames.some((n) => materialNamesActivity(m, n))));
      const missingParts: string[] = [];
      for (const part of parts) {
        const files = own.filter((m) => m.kind === part);
        const first = files
          .map((m) => ({ m, day: m.receivedAt ? shanghaiDay(m.receivedAt) : undefined }))
          .sort((x, y) => (x.day ?? '').localeCompare(y.day ?? ''))[0];
        const done = first !== undefined;
        const late = done && first.day !== undefined && first.day > d.townSummary;
        if (!done) missingParts.push(part);
        obligations.push({
          kind: 'town',
          label: `${OBLIGATION_LABELS.town}（${part}）`,
          unit: town.name,
          part,
          due: d.townSummary,
          status: statusOf(done, d.townSummary, asOf, soon),
          missing: done ? '' : part,
          ...(first?.day ? { doneAt: first.day } : {}),
          ...(late ? { late: true, note: `逾期提交：${first.m.name}` } : done ? { note: first.m.name } : {}),
        });
        if (late)
          findings.push(
            createFinding(
              'material-late',
              { file: first.m.path, unit: town.name },
              { what: `镇街工作总结（${part}）`, receivedAt: first.day!, due: d.townSummary },
            ),
          );
      }
      const status = statusOf(missingParts.length === 0, d.townSummary, asOf, soon);
      if (status === '逾期')
        findings.push(createFinding('town-summary-missing', { file: master, unit: town.name }, { due: d.townSummary, missing: missingParts.join('、') }));
      else if (status === '即将到期')
        findings.push(
          createFinding(
            'follow-up-due-soon',
            { file: master, unit: town.name },
            { what: OBLIGATION_LABELS.town, due: d.townSummary, missing: missingParts.join('、') },
          ),
        );
    }
  }

  for (const m of allMaterials) if (!m.unit) findings.push(createFinding('material-unit-unknown', { file: m.path }));

  // per unit: roster order, then units only in the master
  const units: UnitFollowUp[] = [];
  const unitNames = [...rules.roster.map((u) => u.name), ...[...byUnit.keys()].filter((n) => !rules.roster.some((u) => u.name === n))];
  for (const name of unitNames) {
    const rosterUnit = rules.roster.find((u) => u.name === name);
    const acts = byUnit.get(name) ?? [];
    const mine = obligations.filter((o) => o.unit === name);
    if (acts.length === 0 && mine.length === 0 && rosterUnit?.quota === undefined) continue;
    const registered = acts.filter((a) => a.published === '是').length;
    const quota = rosterUnit?.quota;
    const quotaStatus: FollowUpStatus = quota === undefined || quota === 0 ? '不适用' : statusOf(registered >= quota, rules.windows.website.end, asOf, soon);
    if (quotaStatus === '逾期')
      findings.push(createFinding('website-quota-short', { file: master, unit: name }, { registered, quota: quota!, due: rules.windows.website.end }));
    else if (quotaStatus === '即将到期') {
      findings.push(
        createFinding(
          'follow-up-due-soon',
          { file: master, unit: name },
          { what: '网站发布任务数', due: rules.windows.website.end, missing: `${quota! - registered} 项` },
        ),
      );
    }
    const counts = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, mine.filter((o) => o.status === s).length])) as Record<FollowUpStatus, number>;
    const contact = rosterUnit?.contact ?? acts.find((a) => a.contact)?.contact;
    const phone = rosterUnit?.phone ?? acts.find((a) => a.phone)?.phone;
    units.push({
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
    });
  }

  const totals = Object.fromEntries(
    (Object.keys(OBLIGATION_LABELS) as ObligationKind[]).map((k) => [
      k,
      Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, obligations.filter((o) => o.kind === k && o.status === s).length])),
    ]),
  ) as unknown as FollowUpPlan['totals'];
  totals.overdue = obligations.filter((o) => o.status === '逾期').length + units.filter((u) => u.quotaStatus === '逾期').length;
  totals.dueSoon = obligations.filter((o) => o.status === '即将到期').length;

  return { asOf, dueSoonDays: soon, activities: [...input.activities], obligations, units, materials: allMaterials, findings, totals };
}
