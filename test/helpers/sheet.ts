/** Build neutral sheets from literal rows for stage tests. */
import type { Cell, CellRange, Sheet, Workbook } from '../../src/core/table.js';
import { parseAddress } from '../../src/core/table.js';

export type Literal = string | number | boolean | null | undefined | Cell;

function toCell(v: Literal): Cell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { t: 's', v };
  if (typeof v === 'number') return { t: 'n', v };
  if (typeof v === 'boolean') return { t: 'b', v };
  return v;
}

/** merges as 'A1:C1' strings */
export function sheetOf(rows: Literal[][], opts: { name?: string; hidden?: boolean; merges?: string[] } = {}): Sheet {
  return {
    name: opts.name ?? 'Sheet1',
    hidden: opts.hidden ?? false,
    rows: rows.map((r) => r.map(toCell)),
    merges: (opts.merges ?? []).map(rangeOf),
  };
}

export function rangeOf(a1: string): CellRange {
  const [s, e] = a1.split(':');
  return { s: parseAddress(s)!, e: parseAddress(e ?? s)! };
}

export function workbookOf(...sheets: Sheet[]): Workbook {
  return { format: 'xlsx', date1904: false, sheets };
}

export const HEADER = [
  '序号',
  '活动名称',
  '活动类别',
  '活动形式',
  '科普领域',
  '开展方式',
  '开始日期',
  '结束日期',
  '活动时段',
  '活动地点',
  '所属镇街',
  '主办单位',
  '承办单位',
  '活动简介',
  '面向对象',
  '预计参与人数',
  '联系人',
  '联系电话',
  '活动网址',
  '已在科普日网站发布',
  '备注',
];

/** A valid activity row for the 2023 rules, in HEADER order. */
export function validRow(seq: number, overrides: Partial<Record<string, Literal>> = {}): Literal[] {
  const base: Record<string, Literal> = {
    序号: seq,
    活动名称: `社区防灾减灾科普讲座${seq}`,
    活动类别: '专家讲科普专项行动',
    活动形式: '科普讲座',
    科普领域: '防灾避险',
    开展方式: '线下',
    开始日期: '2023-09-18',
    结束日期: '2023-09-18',
    活动时段: '上午',
    活动地点: '官陡街道新时代文明实践站',
    所属镇街: '官陡街道',
    主办单位: '官陡街道科协',
    承办单位: '',
    活动简介: '邀请应急管理专家讲解家庭防灾常识',
    面向对象: '社区居民',
    预计参与人数: 80,
    联系人: '王芳',
    联系电话: '13956781234',
    活动网址: '',
    已在科普日网站发布: '是',
    备注: '',
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[h]);
}
