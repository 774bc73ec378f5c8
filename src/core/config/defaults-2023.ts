/**
 * The embedded default rules: 关于组织开展2023年全国科普日活动的通知, 芜湖市鸠江区科学技术协会,
 * 2023-08-30 (SPEC §1). This is the only source file that may name 2023 dates or 鸠江区 places;
 * everything else reads them from the resolved `Config`.
 */
import type { Category, RosterUnit, WrittenConfig } from './schema.js';

export const DEFAULT_CATEGORIES: Category[] = [
  { name: '区主场活动', holders: ['区科协'], note: '区科协', districtMainEvent: true },
  { name: '镇街主场活动', holders: ['镇街'], note: '镇街科协，每个镇街至少一场', townMainEvent: true },
  { name: '部门系统联合行动', holders: ['区直部门'], note: '区科协成员单位（区直部门）' },
  { name: '企业科普联合行动', holders: ['企业'], note: '企业和企业科协' },
  { name: '科普阵地联合行动', holders: ['科普教育基地'], note: '科普教育基地、场馆' },
  { name: '农村科普联合行动', note: '各单位，会同农业农村部门' },
  { name: '青少年科技教育专项行动', note: '各单位' },
  { name: '专家讲科普专项行动', note: '各单位' },
  { name: '云上科普日专项行动', note: '各单位，须线上或线上线下结合', online: true },
];

export const DEFAULT_FIELDS = [
  '科技创新',
  '科学教育',
  '数字素养',
  '生态文明',
  '卫生健康',
  '应急科普',
  '农业科技',
  '核科普',
  '水利科普',
  '科普创作',
  '知识产权',
  '食品安全',
  '国防知识',
  '防灾避险',
  '安全生产',
  '前沿科技',
  '乡村振兴',
  '科学家精神',
  '其他',
];

export const DEFAULT_FORMS = [
  '科普讲座',
  '科普报告',
  '展览展示',
  '科普宣传',
  '现场咨询',
  '互动体验',
  '开放参观',
  '研学体验',
  '技术指导',
  '技能培训',
  '科普竞赛',
  '科普表演',
  '展映展播',
  '直播',
  '短视频',
  '云讲堂',
  '云看展',
  '云发布',
  'VR体验',
  '其他',
];

export const DEFAULT_MODES = ['线下', '线上', '线上线下结合'];

export const DEFAULT_TOWNS_2023 = ['四褐山街道', '裕溪口街道', '官陡街道', '湾里街道', '清水街道', '沈巷镇', '二坝镇', '汤沟镇', '白茆镇'];

/** The embedded roster: the nine 镇街, no quotas (the notice's 附件1 figures are not public). */
export const DEFAULT_ROSTER_2023: RosterUnit[] = DEFAULT_TOWNS_2023.map((name) => ({ name, kind: '镇街' as const }));

export const DEFAULTS_2023: WrittenConfig = {
  district: '鸠江区',
  issuer: '芜湖市鸠江区科学技术协会',
  year: 2023,
  theme: '提升全民科学素质，助力科技自立自强',
  notice: '关于组织开展2023年全国科普日活动的通知',
  windows: {
    concentrated: { start: '2023-09-17', end: '2023-09-23' },
    mainEvent: { start: '2023-09-11', end: '2023-09-20' },
    website: { start: '2023-09-01', end: '2023-09-25' },
  },
  deadlines: {
    schedule: '2023-09-12',
    supplementary: '2023-09-25',
    townSummary: '2023-09-25',
    activitySummaryDays: 10,
    townSummaryParts: ['总结', 'PPT', '图片', '视频', '汇总表'],
    dueSoonDays: 3,
  },
  categories: DEFAULT_CATEGORIES,
  fields: DEFAULT_FIELDS,
  forms: DEFAULT_FORMS,
  modes: DEFAULT_MODES,
  towns: DEFAULT_TOWNS_2023,
  places: ['鸠江经济开发区', '江北产业集中区'],
  namePrefixes: ['芜湖市', '鸠江区'],
  roster: DEFAULT_ROSTER_2023,
  nameMaxLength: 60,
  association: { name: '芜湖市鸠江区科学技术协会' },
  replyBy: 3,
};
