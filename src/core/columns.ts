/**
 * The 附件2 columns (SPEC §2): one place to find a field's header, its synonyms and whether it is
 * required. Headers are matched after `foldHeader` (see locate/fold-header.ts).
 */

export const FIELD_KEYS = [
  'seq',
  'name',
  'category',
  'form',
  'field',
  'mode',
  'startDate',
  'endDate',
  'timeSlot',
  'location',
  'town',
  'host',
  'organizer',
  'summary',
  'audience',
  'expectedCount',
  'contact',
  'phone',
  'url',
  'published',
  'remarks',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export interface ColumnDef {
  key: FieldKey;
  /** the template header */
  label: string;
  /** other headers seen in the wild (SPEC §2), matched after folding */
  synonyms: readonly string[];
  /** 'always', 'offline' (required unless 线上), or 'never' */
  required: 'always' | 'offline' | 'never';
  /** column width in the template and master table, in Excel character units */
  width: number;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', label: '序号', synonyms: ['编号'], required: 'never', width: 6 },
  { key: 'name', label: '活动名称', synonyms: ['活动主题', '项目名称', '名称'], required: 'always', width: 30 },
  { key: 'category', label: '活动类别', synonyms: ['活动类型', '所属行动', '活动板块', '类别'], required: 'always', width: 20 },
  { key: 'form', label: '活动形式', synonyms: ['开展形式', '活动方式', '形式'], required: 'always', width: 12 },
  { key: 'field', label: '科普领域', synonyms: ['主题领域', '领域', '活动领域'], required: 'always', width: 14 },
  { key: 'mode', label: '开展方式', synonyms: ['线上/线下', '是否线上', '线上线下'], required: 'always', width: 12 },
  {
    key: 'startDate',
    label: '开始日期',
    synonyms: ['活动时间', '举办时间', '开展时间', '时间', '活动日期', '日期'],
    required: 'always',
    width: 12,
  },
  { key: 'endDate', label: '结束日期', synonyms: ['截止日期'], required: 'never', width: 12 },
  { key: 'timeSlot', label: '活动时段', synonyms: ['时段', '具体时间'], required: 'never', width: 12 },
  { key: 'location', label: '活动地点', synonyms: ['举办地点', '活动地址', '地点'], required: 'offline', width: 24 },
  { key: 'town', label: '所属镇街', synonyms: ['镇街', '所在镇街', '所属街道'], required: 'never', width: 12 },
  { key: 'host', label: '主办单位', synonyms: ['举办单位', '组织单位'], required: 'always', width: 20 },
  { key: 'organizer', label: '承办单位', synonyms: ['协办单位'], required: 'never', width: 20 },
  { key: 'summary', label: '活动简介', synonyms: ['活动内容', '主要内容', '内容简介'], required: 'always', width: 40 },
  { key: 'audience', label: '面向对象', synonyms: ['受众', '参与对象', '服务对象'], required: 'never', width: 14 },
  {
    key: 'expectedCount',
    label: '预计参与人数',
    synonyms: ['参与人数', '受众人数', '预计受众', '人数'],
    required: 'always',
    width: 10,
  },
  { key: 'contact', label: '联系人', synonyms: ['负责人'], required: 'always', width: 10 },
  { key: 'phone', label: '联系电话', synonyms: ['联系方式', '手机', '电话'], required: 'always', width: 16 },
  { key: 'url', label: '活动网址', synonyms: ['线上链接', '直播链接', '网址', '链接'], required: 'never', width: 28 },
  { key: 'published', label: '已在科普日网站发布', synonyms: ['网站填报', '是否已发布'], required: 'never', width: 10 },
  { key: 'remarks', label: '备注', synonyms: ['说明'], required: 'never', width: 16 },
];

export const COLUMN_BY_KEY: ReadonlyMap<FieldKey, ColumnDef> = new Map(COLUMNS.map((c) => [c.key, c]));

export function columnLabel(key: FieldKey): string {
  return COLUMN_BY_KEY.get(key)!.label;
}

/** Extra headers recognised beside the 21 fields: a unit column (SPEC §2, last bullet). */
export const UNIT_COLUMN_SYNONYMS = ['填报单位', '单位名称', '报送单位', '单位'] as const;
