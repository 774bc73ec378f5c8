#!/usr/bin/env node
/**
 * Synthetic inboxes for `npm run bench`: realistic 附件2 活动安排表 submissions (SPEC §2), written
 * fast by a purpose-built minimal xlsx writer (string-built XML, zipped with yazl/deflate).
 *
 * Each file looks like what Excel saves:
 *   - every text cell is t="s" into xl/sharedStrings.xml (Excel's shared-string layout, with
 *     count / uniqueCount), numbers are plain <v> cells, dates are real date cells: a serial
 *     (45186–45192 = 2023-09-17..23) with a date style (builtin numFmtId 14 in some files, a
 *     custom 'yyyy-mm-dd' numFmt 176 in others);
 *   - row 1 `附件2`, row 2 the title merged over A2:U2, row 3 `填报单位(盖章):… 联系人:… 联系电话:…`
 *     merged over A3:U3, row 4 the 21 template headers, rows 5… the activities;
 *   - <dimension>, <sheetViews>, <cols>, <mergeCells>, <pageMargins>, docProps/core.xml + app.xml.
 * Values are varied and deterministic (seeded PRNG); each file's unit is a distinct name (镇街,
 * 区直部门, 学校, 企业, 科普教育基地, …, then `XX单位N`).
 *
 *   import { generateInbox, ensureSet, BENCH_SETS } from './bench-generate.mjs';
 *   await generateInbox(dir, { files: 60, rows: 30, seed: 1 });
 *
 * CLI: node scripts/bench-generate.mjs <dir> <files> <rows> [seed]
 *      node scripts/bench-generate.mjs --set district|province|big   (cached under .bench/)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bump when the generated content changes, so cached sets under .bench/ are regenerated. */
export const GENERATOR_VERSION = 1;

export const BENCH_SETS = {
  district: { files: 60, rows: 30, seed: 20230917 },
  province: { files: 2000, rows: 50, seed: 20230918 },
  big: { files: 1, rows: 200_000, seed: 20230919 },
};

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32)
// ---------------------------------------------------------------------------------------------

function makeRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (SPEC §1)
// ---------------------------------------------------------------------------------------------

const TOWNS = ['四褐山街道', '裕溪口街道', '官陡街道', '湾里街道', '清水街道', '沈巷镇', '二坝镇', '汤沟镇', '白茆镇'];
const PLACES_EXTRA = ['鸠江经济开发区', '江北产业集中区'];

const CATEGORIES = [
  '区主场活动',
  '镇街主场活动',
  '部门系统联合行动',
  '企业科普联合行动',
  '科普阵地联合行动',
  '农村科普联合行动',
  '青少年科技教育专项行动',
  '专家讲科普专项行动',
  '云上科普日专项行动',
];
const FIELDS = [
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
];
const FORMS_OFFLINE = [
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
  'VR体验',
];
const FORMS_ONLINE = ['直播', '短视频', '云讲堂', '云看展', '云发布'];
const AUDIENCES = ['社区居民', '辖区群众', '青少年', '中小学生', '老年人', '农民群众', '企业职工', '全体市民', '机关干部', '学生及家长', '新市民'];
const SLOTS = ['上午', '下午', '全天', '8:30-11:30', '9:00-11:30', '14:30-16:30', '15:00-17:00', '19:00-20:30', '9:00-16:00'];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯琳晓婷雪梅海燕飞俊峰波宁欣怡晨阳思远子涵雨欣佳慧志';

const NAME_HOOKS = [
  '“科技点亮生活”',
  '“科学伴我成长”',
  '“走近科学家”',
  '“智慧生活·科技惠民”',
  '“绿色家园”',
  '“健康中国·你我同行”',
  '“安全第一·防患未然”',
  '“数字赋能”',
  '“科普进万家”',
  '“创新驱动·科技强国”',
  '“小手拉大手”',
  '“乡村振兴·科技先行”',
];
const NAME_TOPICS = [
  '防灾减灾',
  '食品安全',
  '垃圾分类',
  '心肺复苏急救',
  '防范电信诈骗',
  '节约用水',
  '低碳生活',
  '人工智能',
  '航空航天',
  '青少年近视防控',
  '合理用药',
  '安全用电',
  '消防安全',
  '农技下乡',
  '科学健身',
  '心理健康',
  '网络安全',
  '知识产权保护',
  '长江大保护',
  '防溺水',
  '老年人智能手机使用',
  '中医药养生',
  '反邪教',
  '气象科普',
  '地震应急避险',
  '机器人编程',
  '科学实验秀',
  '无人机',
  '新能源汽车',
  '智慧农业',
  '生物多样性',
  '国家安全',
  '核与辐射安全',
  '碳达峰碳中和',
];
const NAME_ENDS = [
  '科普讲座',
  '主题宣传活动',
  '科普展览',
  '知识竞赛',
  '进社区活动',
  '进校园活动',
  '现场咨询',
  '互动体验日',
  '开放日',
  '培训班',
  '科普大篷车巡展',
  '专题报告会',
  '云课堂',
  '科普直播',
  '研学活动',
  '义诊咨询',
];
const VENUES = [
  '新时代文明实践站',
  '社区党群服务中心',
  '文化广场',
  '中心小学',
  '初级中学',
  '卫生院',
  '农民文化乐园',
  '科普活动室',
  '社区综合文化服务中心',
  '便民服务中心广场',
  '村委会会议室',
  '职工之家',
  '图书馆报告厅',
];
const COMMUNITIES = [
  '永和',
  '龙山',
  '新塘',
  '城北',
  '官陡门',
  '柳湖',
  '万春',
  '瑞丰',
  '金色',
  '汤沟',
  '白茆',
  '二坝',
  '沈巷',
  '曹姑洲',
  '宝善',
  '清水',
  '裕溪口',
  '四褐山',
  '湾里',
  '大龙',
  '丰收',
  '新华',
];
const INTRO_OPEN = ['围绕', '聚焦', '结合', '紧扣', '立足'];
const INTRO_MID = [
  '通过专家讲解、现场演示、发放宣传资料等方式',
  '邀请专业技术人员以案说法、互动问答',
  '以展板展示、实物体验、有奖问答相结合的形式',
  '组织志愿者深入一线',
  '依托线上平台开展直播和互动',
  '开展实操演练和现场指导',
];
const INTRO_END = [
  '普及相关科学知识,提升群众科学素质。',
  '增强居民的安全意识和自救互救能力。',
  '引导青少年崇尚科学、热爱科学。',
  '营造讲科学、爱科学、学科学、用科学的良好氛围。',
  '推动科普服务进基层、惠民生。',
  '帮助群众掌握实用技能,助力乡村振兴。',
];
const REMARKS = ['', '', '', '', '', '', '', '', '如遇雨天顺延', '需提前报名', '具体时间以通知为准', '与区卫健委联合开展', '已报区科协备案'];

const DEPARTMENTS = [
  '区卫健委',
  '区教体局',
  '区农业农村水利局',
  '区应急管理局',
  '区市场监管局',
  '区生态环境分局',
  '区文旅局',
  '区科技局',
  '区总工会',
  '团区委',
  '区妇联',
  '区气象局',
  '区消防救援大队',
  '区公安分局',
  '区司法局',
  '区民政局',
  '区人社局',
  '区住建局',
  '区自然资源和规划分局',
  '区委宣传部',
  '区融媒体中心',
  '区红十字会',
  '区残联',
  '区地震局',
];
const SCHOOLS = [
  '鸠江区实验学校',
  '芜湖市第十二中学',
  '官陡中学',
  '沈巷中心学校',
  '二坝中学',
  '汤沟中心学校',
  '白茆中学',
  '清水小学',
  '湾里中学',
  '四褐山小学',
  '裕溪口小学',
  '鸠江区第一小学',
  '鸠江区第二小学',
  '江北新区实验小学',
  '安徽工程大学科协',
  '芜湖职业技术学院科协',
];
const COMPANIES = [
  '芜湖鸠兹智能科技有限公司',
  '奇瑞新能源汽车股份有限公司',
  '芜湖长信科技股份有限公司',
  '芜湖美的厨卫电器制造有限公司',
  '安徽埃夫特智能装备股份有限公司',
  '芜湖伯特利汽车安全系统股份有限公司',
  '芜湖三只松鼠电子商务有限公司',
  '芜湖造船厂有限公司',
  '芜湖海螺型材科技股份有限公司',
  '芜湖瑞昌电气系统有限公司',
  '芜湖江北产业集中区企业科协',
  '鸠江经济开发区企业科协',
];
const BASES = [
  '鸠江区青少年科技活动中心',
  '芜湖科技馆',
  '鸠江区气象科普馆',
  '鸠江区应急科普体验馆',
  '芜湖市规划馆',
  '二坝镇农业科普示范基地',
  '沈巷镇水产养殖科普基地',
  '白茆镇蔬菜科普示范园',
  '汤沟镇中药材科普基地',
  '鸠江区消防科普教育基地',
  '芜湖市地震科普馆',
];
const COMPANY_WORDS = [
  '鸠兹',
  '江北',
  '长江',
  '滨江',
  '神山',
  '赭山',
  '镜湖',
  '天门',
  '皖江',
  '裕丰',
  '华强',
  '恒信',
  '新材',
  '中科',
  '创达',
  '瑞祥',
  '海川',
  '星辰',
];
const COMPANY_TRADES = ['智能科技', '新材料', '电子科技', '汽车零部件', '生物医药', '环保科技', '机械制造', '农业发展', '信息技术', '精密制造'];

/** Unit kinds, cycled through file by file; after a kind's list is used up, names are made. */
const UNIT_KINDS = [
  {
    kind: '镇街',
    list: TOWNS.map((t) => t),
    make: (n) => `镇街单位${n}`,
    categories: ['镇街主场活动', '镇街主场活动', '农村科普联合行动', '青少年科技教育专项行动', '专家讲科普专项行动'],
  },
  {
    kind: '区直部门',
    list: DEPARTMENTS,
    make: (n) => `区直部门单位${n}`,
    categories: ['部门系统联合行动', '部门系统联合行动', '专家讲科普专项行动', '农村科普联合行动', '云上科普日专项行动'],
  },
  {
    kind: '学校',
    list: SCHOOLS,
    make: (n) => `鸠江区第${n}中学`,
    categories: ['青少年科技教育专项行动', '青少年科技教育专项行动', '专家讲科普专项行动', '云上科普日专项行动'],
  },
  { kind: '企业', list: COMPANIES, make: null, categories: ['企业科普联合行动', '企业科普联合行动', '专家讲科普专项行动', '云上科普日专项行动'] },
  {
    kind: '科普教育基地',
    list: BASES,
    make: (n) => `科普教育基地单位${n}`,
    categories: ['科普阵地联合行动', '科普阵地联合行动', '青少年科技教育专项行动', '云上科普日专项行动'],
  },
  { kind: '社区', list: [], make: (n) => `社区单位${n}`, categories: ['农村科普联合行动', '专家讲科普专项行动', '青少年科技教育专项行动'] },
];

/** The i-th distinct unit of a set (deterministic, independent of the row PRNG). */
function makeUnits(count, rnd) {
  const units = [];
  const used = new Set();
  const cursor = UNIT_KINDS.map(() => 0);
  const made = UNIT_KINDS.map(() => 0);
  for (let i = 0; units.length < count; i++) {
    const k = i % UNIT_KINDS.length;
    const spec = UNIT_KINDS[k];
    let name;
    if (cursor[k] < spec.list.length) name = spec.list[cursor[k]++];
    else if (spec.kind === '企业') {
      for (let tries = 0; tries < 20 && (!name || used.has(name)); tries++) {
        name = `芜湖${rnd.pick(COMPANY_WORDS)}${rnd.pick(COMPANY_TRADES)}有限公司`;
      }
      if (used.has(name)) name = `企业单位${++made[k]}`;
    } else name = spec.make(++made[k]);
    if (used.has(name)) continue;
    used.add(name);
    units.push({ name, kind: spec.kind, categories: spec.categories, index: units.length });
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

export const HEADERS = [
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
const NCOLS = HEADERS.length; // 21 → A..U
const COL = Array.from({ length: NCOLS }, (_, i) => String.fromCharCode(65 + i));
const LAST_COL = COL[NCOLS - 1];

/** Two distinct values joined with 、 (a cell naming several forms or fields). */
function pickTwo(rnd, list) {
  const a = rnd.int(0, list.length - 1);
  const b = (a + rnd.int(1, list.length - 1)) % list.length;
  return `${list[a]}、${list[b]}`;
}
const personName = (rnd) => rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.chance(0.6) ? rnd.pick(GIVEN) : '');
const mobile = (rnd) => `1${rnd.pick(['3', '5', '7', '8', '9'])}${rnd.int(0, 9)}${String(rnd.int(0, 99999999)).padStart(8, '0')}`;
const landline = (rnd) => `0553-58${String(rnd.int(0, 99999)).padStart(5, '0')}`;

/**
 * One activity row as an array of cells: a string (shared-string text), a number, or
 * { date: serial }; '' / undefined leaves the cell out.
 */
function makeRow(rnd, unit, seq) {
  const category = rnd.chance(0.8) ? rnd.pick(unit.categories) : rnd.pick(CATEGORIES.slice(2));
  let mode = rnd.chance(0.86) ? '线下' : rnd.chance(0.55) ? '线上' : '线上线下结合';
  if (category === '云上科普日专项行动' && mode === '线下') mode = '线上';
  const online = mode !== '线下';
  const form = mode === '线上' ? rnd.pick(FORMS_ONLINE) : rnd.chance(0.85) ? rnd.pick(FORMS_OFFLINE) : pickTwo(rnd, FORMS_OFFLINE);
  const field = rnd.chance(0.7) ? rnd.pick(FIELDS) : pickTwo(rnd, FIELDS);
  const topic = rnd.pick(NAME_TOPICS);
  const name = (rnd.chance(0.35) ? rnd.pick(NAME_HOOKS) : '') + topic + rnd.pick(NAME_ENDS) + (rnd.chance(0.3) ? `(第${rnd.int(1, 12)}场)` : '');
  const start = rnd.int(45186, 45192);
  const end = rnd.chance(0.75) ? start : Math.min(45192, start + rnd.int(1, 4));
  const town = unit.kind === '镇街' && TOWNS.includes(unit.name) ? unit.name : rnd.chance(0.08) ? '全区' : rnd.pick(TOWNS);
  const place =
    mode === '线上' ? (rnd.chance(0.5) ? '线上' : '') : `${town === '全区' ? rnd.pick(PLACES_EXTRA) : town}${rnd.pick(COMMUNITIES)}${rnd.pick(VENUES)}`;
  const intro = `${rnd.pick(INTRO_OPEN)}${topic}主题,${rnd.pick(INTRO_MID)},${rnd.pick(INTRO_END)}`;
  const count = rnd.chance(0.5) ? rnd.int(3, 60) * 10 : rnd.int(1, 20) * 50;
  const phone = rnd.chance(0.7) ? mobile(rnd) : landline(rnd);
  const url = online
    ? `https://${rnd.pick(['www.kepuri.cn/activity', 'live.ahkx.org.cn/room', 'mp.weixin.qq.com/s', 'v.douyin.com'])}/${(rnd.next() * 2 ** 40).toString(36).slice(0, 8)}`
    : '';
  const organiser = rnd.chance(0.9) ? unit.name : `鸠江区科协、${unit.name}`;
  const coOrganiser = rnd.chance(0.4) ? `${rnd.pick(COMMUNITIES)}社区居委会` : '';
  return [
    seq,
    name,
    category,
    form,
    field,
    mode,
    { date: start },
    { date: end },
    rnd.pick(SLOTS),
    place,
    town,
    organiser,
    coOrganiser,
    intro,
    rnd.pick(AUDIENCES),
    count,
    personName(rnd),
    phone,
    url,
    rnd.chance(0.6) ? '是' : '否',
    rnd.pick(REMARKS),
  ];
}

// ---------------------------------------------------------------------------------------------
// Minimal xlsx writer
// ---------------------------------------------------------------------------------------------

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escapeXml = (s) => (/[&<>"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s);

/** Cell styles (cellXfs index): what the sheet's s= attributes point to. */
const _S_DEFAULT = 0;
const S_TITLE = 1;
const S_HEADER = 2;
const S_TEXT = 3; // bordered, wrapped: data cells
const S_DATE14 = 4; // builtin numFmtId 14 (m/d/yyyy shown locale-dependent)
const S_DATE_ISO = 5; // custom numFmt 176 yyyy-mm-dd
const S_LEFT = 6; // row 3, left aligned

const STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  `<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/></numFmts>` +
  `<fonts count="3">` +
  `<font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>` +
  `<font><b/><sz val="18"/><name val="方正小标宋简体"/><family val="3"/><charset val="134"/></font>` +
  `<font><b/><sz val="11"/><name val="黑体"/><family val="3"/><charset val="134"/></font>` +
  `</fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
  `<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>` +
  `<cellXfs count="7">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
  `<xf numFmtId="14" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` +
  `<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;

const CONTENT_TYPES_XML =
  XML_DECL +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
  `</Types>`;

const ROOT_RELS_XML =
  XML_DECL +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `</Relationships>`;

const WORKBOOK_XML =
  XML_DECL +
  `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
  `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
  `<workbookPr defaultThemeVersion="166925"/>` +
  `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews>` +
  `<sheets><sheet name="活动安排表" sheetId="1" r:id="rId1"/></sheets>` +
  `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">活动安排表!$4:$4</definedName></definedNames>` +
  `<calcPr calcId="191029"/>` +
  `</workbook>`;

const WORKBOOK_RELS_XML =
  XML_DECL +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId3" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
  `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `</Relationships>`;

const APP_XML =
  XML_DECL +
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
  `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
  `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
  `<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>活动安排表</vt:lpstr></vt:vector></TitlesOfParts>` +
  `<AppVersion>16.0300</AppVersion></Properties>`;

const coreXml = (author, modified) =>
  XML_DECL +
  `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:creator>${escapeXml(author)}</dc:creator><cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">2023-08-30T01:12:00Z</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` +
  `</cp:coreProperties>`;

const COLS_XML =
  '<cols>' +
  [5, 28, 16, 12, 12, 10, 12, 12, 12, 26, 12, 20, 16, 40, 12, 10, 10, 14, 24, 10, 14]
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}.625" customWidth="1"/>`)
    .join('') +
  '</cols>';

/** Shared-string table: index of each distinct string, in first-use order; counts every use. */
class SharedStrings {
  constructor() {
    this.index = new Map();
    this.list = [];
    this.count = 0;
  }
  id(s) {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
  /** sharedStrings.xml as Buffer chunks (the big file's table is tens of MB). */
  toChunks() {
    const chunks = [Buffer.from(XML_DECL + `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`)];
    let part = '';
    for (let i = 0; i < this.list.length; i++) {
      const s = this.list[i];
      part += /^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${escapeXml(s)}</t></si>` : `<si><t>${escapeXml(s)}</t></si>`;
      if (part.length > 1 << 20) {
        chunks.push(Buffer.from(part));
        part = '';
      }
    }
    chunks.push(Buffer.from(part + '</sst>'));
    return chunks;
  }
}

/**
 * Writes one submission. Returns { bytes, rows }.
 * @param {string} file output path
 * @param {{ unit: {name: string}, rows: number, rnd: ReturnType<typeof makeRandom>, dateStyle: number }} o
 */
async function writeSubmission(file, { unit, rows, rnd, dateStyle }) {
  const sst = new SharedStrings();
  const lastRow = 4 + rows;
  const spans = `1:${NCOLS}`;
  const contact = personName(rnd);
  const contactPhone = rnd.chance(0.6) ? mobile(rnd) : landline(rnd);
  const filled = `2023年9月${rnd.int(1, 12)}日`;

  const sheetChunks = [];
  let x =
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<dimension ref="A1:${LAST_COL}${lastRow}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B5" sqref="B5"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>` +
    COLS_XML +
    '<sheetData>';
  // row 1: 附件2
  x += `<row r="1" spans="${spans}"><c r="A1" s="${S_LEFT}" t="s"><v>${sst.id('附件2')}</v></c></row>`;
  // row 2: title (merged A2:U2)
  x += `<row r="2" spans="${spans}" ht="36" customHeight="1"><c r="A2" s="${S_TITLE}" t="s"><v>${sst.id('2023年鸠江区全国科普日活动安排表')}</v></c>`;
  for (let c = 1; c < NCOLS; c++) x += `<c r="${COL[c]}2" s="${S_TITLE}"/>`;
  x += '</row>';
  // row 3: 填报单位 line (merged A3:U3)
  const line3 = `填报单位(盖章):${unit.name}    联系人:${contact}    联系电话:${contactPhone}    填报日期:${filled}`;
  x += `<row r="3" spans="${spans}"><c r="A3" s="${S_LEFT}" t="s"><v>${sst.id(line3)}</v></c></row>`;
  // row 4: header
  x += `<row r="4" spans="${spans}" ht="28.5" customHeight="1">`;
  for (let c = 0; c < NCOLS; c++) x += `<c r="${COL[c]}4" s="${S_HEADER}" t="s"><v>${sst.id(HEADERS[c])}</v></c>`;
  x += '</row>';

  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    const cells = makeRow(rnd, unit, i + 1);
    x += `<row r="${r}" spans="${spans}">`;
    for (let c = 0; c < NCOLS; c++) {
      const v = cells[c];
      const ref = COL[c] + r;
      if (v === '' || v === undefined) x += `<c r="${ref}" s="${S_TEXT}"/>`;
      else if (typeof v === 'number') x += `<c r="${ref}" s="${S_TEXT}"><v>${v}</v></c>`;
      else if (typeof v === 'object') x += `<c r="${ref}" s="${dateStyle}"><v>${v.date}</v></c>`;
      else x += `<c r="${ref}" s="${S_TEXT}" t="s"><v>${sst.id(v)}</v></c>`;
    }
    x += '</row>';
    if (x.length > 1 << 20) {
      sheetChunks.push(Buffer.from(x));
      x = '';
    }
  }
  x +=
    '</sheetData>' +
    `<mergeCells count="2"><mergeCell ref="A2:${LAST_COL}2"/><mergeCell ref="A3:${LAST_COL}3"/></mergeCells>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape"/>' +
    '</worksheet>';
  sheetChunks.push(Buffer.from(x));

  const mtime = new Date(Date.UTC(2023, 8, rnd.int(1, 12), rnd.int(0, 12), rnd.int(0, 59)));
  const zip = new yazl.ZipFile();
  const add = (name, data) => zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name, { mtime, compress: true });
  add('[Content_Types].xml', CONTENT_TYPES_XML);
  add('_rels/.rels', ROOT_RELS_XML);
  add('docProps/app.xml', APP_XML);
  add('docProps/core.xml', coreXml(contact, mtime.toISOString().replace(/\.\d+Z$/, 'Z')));
  add('xl/workbook.xml', WORKBOOK_XML);
  add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS_XML);
  add('xl/styles.xml', STYLES_XML);
  add('xl/worksheets/sheet1.xml', Buffer.concat(sheetChunks));
  add('xl/sharedStrings.xml', Buffer.concat(sst.toChunks()));
  zip.end();

  const tmp = `${file}.part`;
  await new Promise((resolve, reject) => {
    const out = fs.createWriteStream(tmp);
    out.on('error', reject);
    out.on('close', resolve);
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(out);
  });
  fs.renameSync(tmp, file);
  return { bytes: fs.statSync(file).size, rows };
}

const FILE_PATTERNS = [
  (u) => `附件2-${u}2023年全国科普日活动安排表.xlsx`,
  (u) => `${u}全国科普日活动安排表.xlsx`,
  (u) => `${u}-科普日活动安排.xlsx`,
  (u) => `2023全国科普日活动安排表(${u}).xlsx`,
];

/**
 * Writes `files` submissions of `rows` activities each into `dir` (created), deterministic for a
 * seed. Returns the units so a caller can write a roster outside the inbox (a CSV inside would
 * be merged as a submission).
 * @returns {Promise<{ files: number, rows: number, bytes: number, units: {name: string, kind: string}[], paths: string[] }>}
 */
export async function generateInbox(dir, { files, rows, seed = 1, concurrency = 8 }) {
  fs.mkdirSync(dir, { recursive: true });
  const master = makeRandom(seed);
  const units = makeUnits(files, master);
  const jobs = units.map((unit, i) => ({
    unit,
    file: path.join(dir, FILE_PATTERNS[i % FILE_PATTERNS.length](unit.name)),
    // per-file stream, so the content of file i does not depend on the write order
    rnd: makeRandom((seed * 1_000_003 + i * 7919) >>> 0),
    dateStyle: i % 3 === 2 ? S_DATE_ISO : S_DATE14,
  }));
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const r = await writeSubmission(job.file, { unit: job.unit, rows, rnd: job.rnd, dateStyle: job.dateStyle });
      bytes += r.bytes;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return { files: jobs.length, rows: jobs.length * rows, bytes, units: units.map(({ name, kind }) => ({ name, kind })), paths: jobs.map((j) => j.file) };
}

/** A 附件1 roster CSV for the units of a set (序号,单位类别,单位名称,网站填报任务数). */
export function rosterCsv(units) {
  const kindOf = (k) => (k === '学校' || k === '社区' ? '其他' : k);
  return '\ufeff序号,单位类别,单位名称,网站填报任务数\r\n' + units.map((u, i) => `${i + 1},${kindOf(u.kind)},${u.name},${(i % 5) + 1}`).join('\r\n') + '\r\n';
}

/**
 * A named set, cached under .bench/<name>-f<files>-r<rows>-s<seed>-g<version>/ with
 * inbox/ (the submissions), roster.csv and meta.json (written last: a set without it is
 * regenerated).
 * @returns {Promise<{ name, dir, inbox, roster, files, rows, bytes, paths, generatedMs, cached }>}
 */
export async function ensureSet(name, params = BENCH_SETS[name], { root = path.join(ROOT, '.bench'), log = () => {} } = {}) {
  if (!params) throw new Error(`unknown bench set: ${name}`);
  const key = `${name}-f${params.files}-r${params.rows}-s${params.seed}-g${GENERATOR_VERSION}`;
  const dir = path.join(root, key);
  const inbox = path.join(dir, 'inbox');
  const metaPath = path.join(dir, 'meta.json');
  if (fs.existsSync(metaPath)) {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8'));
    const paths = meta.files_list.map((f) => path.join(inbox, f));
    if (paths.every((p) => fs.existsSync(p))) {
      return {
        name,
        dir,
        inbox,
        roster: path.join(dir, 'roster.csv'),
        files: meta.files,
        rows: meta.rows,
        bytes: meta.bytes,
        paths,
        generatedMs: meta.generatedMs,
        cached: true,
      };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  log(`generating ${name} set (${params.files} files × ${params.rows} rows) in ${path.relative(process.cwd(), dir) || dir} …`);
  const t0 = performance.now();
  const res = await generateInbox(inbox, params);
  const generatedMs = performance.now() - t0;
  fs.writeFileSync(path.join(dir, 'roster.csv'), rosterCsv(res.units));
  fs.writeFileSync(
    metaPath,
    JSON.stringify(
      {
        name,
        ...params,
        generator: GENERATOR_VERSION,
        files: res.files,
        rows: res.rows,
        bytes: res.bytes,
        generatedMs,
        files_list: res.paths.map((p) => path.basename(p)),
      },
      null,
      1,
    ),
  );
  return {
    name,
    dir,
    inbox,
    roster: path.join(dir, 'roster.csv'),
    files: res.files,
    rows: res.rows,
    bytes: res.bytes,
    paths: res.paths,
    generatedMs,
    cached: false,
  };
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const t0 = performance.now();
  if (args[0] === '--set') {
    const set = await ensureSet(args[1], undefined, { log: (m) => console.error(m) });
    console.log(
      `${set.name}: ${set.files} files, ${set.rows} rows, ${(set.bytes / 2 ** 20).toFixed(1)} MiB in ${set.inbox}` +
        (set.cached ? ` (cached; generated in ${(set.generatedMs / 1000).toFixed(2)} s)` : ` (generated in ${(set.generatedMs / 1000).toFixed(2)} s)`),
    );
  } else if (args.length >= 3) {
    const res = await generateInbox(args[0], { files: Number(args[1]), rows: Number(args[2]), seed: Number(args[3] ?? 1) });
    console.log(`${res.files} files, ${res.rows} rows, ${(res.bytes / 2 ** 20).toFixed(1)} MiB in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  } else {
    console.error('usage: node scripts/bench-generate.mjs <dir> <files> <rows> [seed] | --set district|province|big');
    process.exit(2);
  }
}
