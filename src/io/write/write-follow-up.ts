/**
 * 跟进清单.xlsx (issue 15): 单位跟进 (per unit: contact, quota vs registered, counts, what is
 * missing), 活动跟进 (per activity: each obligation's status), one sheet per obligation kind
 * (网站发布, 网站任务数, 补充信息, 活动总结, 镇街工作总结) and 材料清单 (every received file, its unit,
 * kind and time). Written with our xlsx writer; status cells tinted (逾期 red, 即将到期 yellow,
 * 已完成 green); every sheet printed landscape, one page wide.
 */
import type { Config } from '../../core/config/schema.js';
import {
  FOLLOW_UP_STATUSES,
  OBLIGATION_LABELS,
  type FollowUpPlan,
  type FollowUpStatus,
  type Obligation,
  type ObligationKind,
} from '../../core/follow-up/track-follow-up.js';
import { writeFileAtomic } from './write-atomic.js';
import { XlsxBook, type Borders, type CellValue, type Fill } from './xlsx-writer.js';

export const FOLLOW_UP_FILE = '跟进清单.xlsx';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = solid('FFDDEBF7');
const STATUS_FILL: Partial<Record<FollowUpStatus, Fill>> = {
  逾期: solid('FFFDE2E1'),
  即将到期: solid('FFFFF2CC'),
  已完成: solid('FFE2EFDA'),
};
const THIN: Borders = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export interface Table {
  name: string;
  headers: string[];
  widths: number[];
  rows: CellValue[][];
  /** columns whose value is a status, tinted by it */
  statusColumns: number[];
}

function addTable(wb: XlsxBook, t: Table): void {
  const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.widths.map((width) => ({ width }));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const head = wb.styleId({ font: { bold: true }, fill: HEADER_FILL, border: THIN, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } });
  ws.appendRow(
    1,
    t.headers,
    t.headers.map(() => head),
    28,
  );
  const plain = wb.styleId({ border: THIN, alignment: { vertical: 'top', wrapText: true } });
  const tinted = new Map<FollowUpStatus, number>();
  const tint = (s: FollowUpStatus) => {
    let id = tinted.get(s);
    if (id === undefined) tinted.set(s, (id = wb.styleId({ border: THIN, fill: STATUS_FILL[s], alignment: { vertical: 'top', horizontal: 'center' } })));
    return id;
  };
  t.rows.forEach((row, i) => {
    const styles = row.map((v, c) =>
      t.statusColumns.includes(c) && typeof v === 'string' && STATUS_FILL[v as FollowUpStatus] ? tint(v as FollowUpStatus) : plain,
    );
    ws.appendRow(i + 2, row, styles);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: t.headers.length } };
}

const dash = (v: string | undefined) => (v ? v : null);

export function buildFollowUpWorkbook(plan: FollowUpPlan, rules: Config, createdAt: Date): XlsxBook {
  const wb = new XlsxBook();
  wb.creator = 'kepuri';
  wb.created = createdAt;
  wb.modified = createdAt;
  const ofKind = (kind: ObligationKind) => plan.obligations.filter((o) => o.kind === kind);
  const tables = [
    buildUnitTable(plan),
    buildActivityTable(plan),
    buildObligationTable(OBLIGATION_LABELS.website, ofKind('website'), plan, true),
    buildQuotaTable(plan, rules),
    buildObligationTable(OBLIGATION_LABELS.supplement, ofKind('supplement'), plan, true),
    buildObligationTable(OBLIGATION_LABELS.summary, ofKind('summary'), plan, true),
    buildObligationTable(OBLIGATION_LABELS.town, ofKind('town'), plan, false),
    buildMaterialTable(plan),
  ];
  for (const t of tables) addTable(wb, t);
  return wb;
}

/** 单位跟进: one row per unit, its counts by status and what it still owes. */
export function buildUnitTable(plan: FollowUpPlan): Table {
  return {
    name: '单位跟进',
    headers: ['填报单位', '单位类别', '联系人', '联系电话', '活动数', '网站任务数', '已网站发布', '任务完成情况', ...FOLLOW_UP_STATUSES, '尚缺事项'],
    widths: [22, 10, 10, 16, 8, 10, 10, 12, 6, 8, 6, 6, 6, 60],
    statusColumns: [7],
    rows: plan.units.map((u) => [
      u.name,
      dash(u.kind),
      dash(u.contact),
      dash(u.phone),
      u.activities,
      u.quota ?? null,
      u.registered,
      u.quotaStatus,
      ...FOLLOW_UP_STATUSES.map((s) => u.counts[s]),
      u.outstanding.length ? u.outstanding.map(describeOutstanding).join('；') : null,
    ]),
  };
}

/** 网站发布《活动》（09-25，逾期）; a town part by its label alone; no due day: the status alone. */
export function describeOutstanding(o: Obligation): string {
  const what = o.kind === 'town' ? o.label : `${o.label}《${o.activity}》`;
  return `${what}${o.due ? `（${o.due.slice(5)}，${o.status}）` : `（${o.status}）`}`;
}

/** 活动跟进: one row per activity of the master, each obligation's status side by side. */
export function buildActivityTable(plan: FollowUpPlan): Table {
  const byActivity = (kind: ObligationKind, row: number) => plan.obligations.find((o) => o.kind === kind && o.row === row);
  return {
    name: '活动跟进',
    headers: [
      '序号',
      '填报单位',
      '活动名称',
      '开展方式',
      '开始日期',
      '结束日期',
      '拟推优',
      '网站发布',
      '补充信息',
      '补充信息尚缺',
      '活动总结',
      '总结期限',
      '联系人',
      '联系电话',
    ],
    widths: [6, 22, 32, 10, 12, 12, 8, 10, 10, 22, 10, 12, 10, 16],
    statusColumns: [7, 8, 10],
    rows: plan.activities.map((a, i) => {
      const sup = byActivity('supplement', a.row);
      const sum = byActivity('summary', a.row);
      return [
        i + 1,
        a.unit || null,
        a.name || null,
        dash(a.mode),
        dash(a.startDate),
        dash(a.endDate),
        a.proposed ? '是' : '否',
        byActivity('website', a.row)?.status ?? null,
        sup?.status ?? null,
        dash(sup?.missing),
        sum?.status ?? null,
        dash(sum?.due),
        dash(a.contact),
        dash(a.phone),
      ];
    }),
  };
}

/** One obligation kind's sheet: per activity (with its place in the master), or per town part. */
function buildObligationTable(name: string, list: readonly Obligation[], plan: FollowUpPlan, withActivity: boolean): Table {
  const unitOf = new Map(plan.units.map((u) => [u.name, u]));
  return {
    name,
    headers: [
      '填报单位',
      ...(withActivity ? ['活动名称'] : ['材料']),
      '截止日期',
      '状态',
      '尚缺',
      '完成日期',
      '说明',
      '联系人',
      '联系电话',
      ...(withActivity ? ['汇总表位置'] : []),
    ],
    widths: [22, withActivity ? 32 : 14, 12, 10, 24, 12, 28, 10, 16, ...(withActivity ? [12] : [])],
    statusColumns: [3],
    rows: list.map((o) => {
      const u = unitOf.get(o.unit);
      return [
        o.unit || null,
        withActivity ? (o.activity ?? null) : (o.part ?? null),
        dash(o.due),
        o.status,
        dash(o.missing),
        dash(o.doneAt?.slice(0, 10)),
        dash(o.note),
        dash(u?.contact),
        dash(u?.phone),
        ...(withActivity ? [o.cell ? `活动汇总表!${o.cell}` : o.row ? `第${o.row}行` : null] : []),
      ];
    }),
  };
}

/** 网站任务数: the units with a quota in 附件1, registered against it. */
function buildQuotaTable(plan: FollowUpPlan, rules: Config): Table {
  return {
    name: '网站任务数',
    headers: ['填报单位', '单位类别', '网站任务数', '已网站发布', '差额', '截止日期', '状态', '联系人', '联系电话'],
    widths: [22, 10, 10, 10, 8, 12, 10, 10, 16],
    statusColumns: [6],
    rows: plan.units
      .filter((u) => u.quota !== undefined)
      .map((u) => [
        u.name,
        dash(u.kind),
        u.quota!,
        u.registered,
        Math.max(0, u.quota! - u.registered),
        rules.windows.website.end,
        u.quotaStatus,
        dash(u.contact),
        dash(u.phone),
      ]),
  };
}

/** 材料清单: every received file, its unit, kind and receive time. */
function buildMaterialTable(plan: FollowUpPlan): Table {
  return {
    name: '材料清单',
    headers: ['文件', '单位', '材料类别', '接收时间', '时间来源'],
    widths: [50, 22, 10, 18, 10],
    statusColumns: [],
    rows: plan.materials.map((m) => [
      m.path,
      m.unit ?? '（单位不明）',
      m.kind ?? '（未识别）',
      m.receivedAt ? m.receivedAt.slice(0, 16).replace('T', ' ') : '（未知）',
      m.receivedFrom === 'eml' ? '邮件' : m.receivedFrom === 'manifest' ? '清单' : null,
    ]),
  };
}

export async function writeFollowUpWorkbook(file: string, plan: FollowUpPlan, rules: Config, createdAt: Date): Promise<void> {
  await writeFileAtomic(file, await buildFollowUpWorkbook(plan, rules, createdAt).writeChunks());
}
