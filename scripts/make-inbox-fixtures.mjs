#!/usr/bin/env node
/**
 * Writes the bundled example inbox: what the clerk of 鸠江区科协 has in the mailbox on 2023-09-13,
 * and the 附件1 roster it is checked against.
 *
 *   fixtures/附件1-任务分解表.xlsx   the roster (附件1) with quotas, emails and aliases
 *   fixtures/inbox/                  the submissions: .eml messages, a mailbox zip download,
 *                                    saved attachments (.xlsx, .xls, .et, .csv), broken files, noise
 *   fixtures/inbox-received.csv      the --received manifest for files that did not come in an .eml
 *   fixtures/inbox.md                what is in the inbox and what a merge must report
 *   fixtures/inbox-expected.json     the same expectations, machine-readable
 *
 * Expected run:
 *   kepuri merge fixtures/inbox --roster fixtures/附件1-任务分解表.xlsx \
 *     --received fixtures/inbox-received.csv -o <out>
 *
 * Deterministic: fixed contents and times, no clock, no randomness. Plain Node ESM; run with
 * `node scripts/make-inbox-fixtures.mjs` from anywhere.
 *
 * The expectations are derived from what this script plants, not from running the merge: every
 * activity row here is valid unless it carries a `plant`, and the figures (rows read, skipped, …)
 * are counted from the sheets as written.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const INBOX = path.join(FIXTURES, 'inbox');
/** how the inbox is named on the command line, and so in the report's paths */
const INBOX_ARG = 'fixtures/inbox';

const CREATED = new Date('2023-09-08T01:30:00Z');

// ---------------------------------------------------------------------------------------------
// Roster (附件1)
// ---------------------------------------------------------------------------------------------

/** Roster order is the master table's unit order. */
const ROSTER = [
  { kind: '区科协', name: '鸠江区科协', quota: 3, contact: '周丽', phone: '0553-5861019', email: 'jjqkx2023@163.com', alias: '' },
  { kind: '镇街', name: '四褐山街道', quota: 4, contact: '马俊', phone: '13965531208', email: 'shsjd_kx@163.com', alias: '' },
  { kind: '镇街', name: '裕溪口街道', quota: 3, contact: '何静', phone: '0553-5812046', email: 'yxkjd_kx@163.com', alias: '' },
  { kind: '镇街', name: '官陡街道', quota: 4, contact: '张敏', phone: '13956021876', email: 'gdjd_kx@163.com', alias: '' },
  { kind: '镇街', name: '湾里街道', quota: 3, contact: '刘洋', phone: '0553-5842316', email: 'wljd_kx@126.com', alias: '' },
  { kind: '镇街', name: '清水街道', quota: 4, contact: '黄晓梅', phone: '0553-5850316', email: 'qsjd_kx@163.com', alias: '' },
  { kind: '镇街', name: '沈巷镇', quota: 5, contact: '吴海涛', phone: '13739075126', email: 'sxz_kx@163.com', alias: '' },
  { kind: '镇街', name: '二坝镇', quota: 3, contact: '孙建国', phone: '13855307264', email: 'ebz_kx@163.com', alias: '' },
  { kind: '镇街', name: '汤沟镇', quota: 3, contact: '陈芳', phone: '13805537712', email: 'tgz_kx@163.com', alias: '' },
  { kind: '镇街', name: '白茆镇', quota: 3, contact: '杨帆', phone: '0553-5876031', email: 'bmz_kx@163.com', alias: '' },
  { kind: '区直部门', name: '区卫健委', quota: 3, contact: '郑红', phone: '0553-5869213', email: 'jjwjw_kp@163.com', alias: '鸠江区卫生健康委员会' },
  { kind: '区直部门', name: '区教体局', quota: 3, contact: '钱磊', phone: '13905536218', email: 'jjjtj_kp@163.com', alias: '区教育体育局' },
  { kind: '企业', name: '芜湖鸠兹智能科技有限公司', quota: 2, contact: '赵鹏', phone: '18955317603', email: 'kx@jiuzi-tech.cn', alias: '鸠兹智能' },
  {
    kind: '科普教育基地',
    name: '鸠江区青少年科技活动中心',
    quota: 2,
    contact: '林晓',
    phone: '0553-5883127',
    email: 'jjqsnkjzx@outlook.com',
    alias: '区青少年科技活动中心',
  },
];

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function colLetter(c) {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const addr = (r, c) => colLetter(c) + String(r + 1);

/** Excel serial (1900 system) of an ISO date: 2023-09-18 → 45187. */
function serial(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A real date cell (a number with a date format), as Excel stores a typed date. */
const D = (iso) => ({ date: iso });

/**
 * Build a SheetJS worksheet by hand from an array of rows. Values: string → text, number →
 * number, {date} → date cell, null/undefined/'' → no cell.
 */
function buildSheet(aoa, { merges = [], cols } = {}) {
  const ws = {};
  let maxC = 0;
  aoa.forEach((row, r) => {
    (row ?? []).forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      maxC = Math.max(maxC, c);
      const a = addr(r, c);
      if (typeof v === 'string') ws[a] = { t: 's', v };
      else if (typeof v === 'number') ws[a] = { t: 'n', v };
      else if (v && typeof v === 'object' && 'date' in v) ws[a] = { t: 'n', v: serial(v.date), z: 'yyyy/m/d' };
      else throw new Error(`bad cell value at ${a}: ${JSON.stringify(v)}`);
    });
  });
  ws['!ref'] = `A1:${addr(Math.max(aoa.length - 1, 0), maxC)}`;
  if (merges.length) ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  if (cols) ws['!cols'] = cols.map((wch) => ({ wch }));
  return ws;
}

function workbookBytes(sheets, bookType, author = 'Administrator') {
  const wb = XLSX.utils.book_new();
  for (const { name, ws } of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  wb.Props = { Author: author, LastAuthor: author, CreatedDate: CREATED, ModifiedDate: CREATED };
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType, compression: bookType === 'xlsx' }));
}

function writeFile(rel, bytes) {
  const p = path.join(INBOX, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, bytes);
}

// ---------------------------------------------------------------------------------------------
// The 附件2 tables the units return
// ---------------------------------------------------------------------------------------------

/** The template's 21 columns, in order (SPEC §2). */
const TEMPLATE = [
  ['seq', '序号'],
  ['name', '活动名称'],
  ['category', '活动类别'],
  ['form', '活动形式'],
  ['field', '科普领域'],
  ['mode', '开展方式'],
  ['start', '开始日期'],
  ['end', '结束日期'],
  ['slot', '活动时段'],
  ['location', '活动地点'],
  ['town', '所属镇街'],
  ['host', '主办单位'],
  ['organizer', '承办单位'],
  ['summary', '活动简介'],
  ['audience', '面向对象'],
  ['count', '预计参与人数'],
  ['contact', '联系人'],
  ['phone', '联系电话'],
  ['url', '活动网址'],
  ['published', '已在科普日网站发布'],
  ['remarks', '备注'],
];
const TITLE = '2023年鸠江区全国科普日活动安排表';

/**
 * One submitted table. `columns` are [key, header] pairs; `top` the rows above the header;
 * `acts` the activities (each may carry `plant: [[key, code], …]` — the findings it must raise at
 * the cell of that column); `after` rows below the activities (合计, notes, signature); `blankAfter`
 * inserts blank rows after the given activity indexes; `preNumbered` empty rows holding only 序号.
 */
function layoutTable(t) {
  const aoa = [...t.top.map((r) => [...r])];
  const headerRow = aoa.length;
  if (t.twoRowHeader) {
    aoa.push(t.twoRowHeader[0]);
    aoa.push(t.twoRowHeader[1]);
  } else aoa.push(t.columns.map(([, h]) => h));
  const dataStart = aoa.length;
  const colOf = (k) => t.columns.findIndex(([key]) => key === k);
  const actRows = [];
  for (const row of t.before ?? []) aoa.push(row);
  t.acts.forEach((a, i) => {
    const r = aoa.length;
    const values = t.columns.map(([key]) => (key === 'seq' ? (a.seq ?? i + 1) : a[key]));
    aoa.push(values);
    actRows.push({ r, act: a });
    for (let b = 0; b < (t.blankAfter?.[i] ?? 0); b++) aoa.push([]);
  });
  for (let k = 0; k < (t.preNumbered ?? 0); k++) aoa.push([t.acts.length + k + 1]);
  for (const row of t.after ?? []) aoa.push(row);
  // merges of a column down consecutive activities: [[key, fromActIndex, toActIndex]]
  const merges = [...(t.merges ?? [])];
  const mergeBlanks = [];
  for (const [key, from, to] of t.mergeDown ?? []) {
    const c = colOf(key);
    merges.push(`${addr(actRows[from].r, c)}:${addr(actRows[to].r, c)}`);
    for (let i = from + 1; i <= to; i++) mergeBlanks.push([actRows[i].r, c]);
  }
  for (const [r, c] of mergeBlanks) aoa[r][c] = null;
  let last = aoa.length - 1;
  while (last >= 0 && !(aoa[last] ?? []).some((v) => v !== null && v !== undefined && v !== '')) last--;
  const read = last - dataStart + 1;
  const findings = [];
  for (const { r, act } of actRows) {
    for (const [key, code] of act.plant ?? []) findings.push({ cell: addr(r, colOf(key)), code, row: r + 1 });
  }
  return { aoa, headerRow, dataStart, read, activities: actRows.length, skipped: read - actRows.length, merges, findings, actRows, colOf };
}

const unitLine = (unit, contact, phone, date) => [
  '填报单位(盖章)：',
  unit,
  null,
  null,
  `联系人：${contact}`,
  null,
  null,
  `联系电话：${phone}`,
  null,
  null,
  null,
  `填报日期：${date}`,
];

// ----- 鸠江区科协: a GBK CSV exported from Excel; the district main event and the 大篷车 ---------
const QKX = {
  top: [['附件2'], [TITLE], ['填报单位(盖章)：鸠江区科协', null, null, null, '联系人：周丽', null, null, '联系电话：0553-5861019']],
  columns: TEMPLATE,
  acts: [
    {
      name: '2023年鸠江区全国科普日主场活动',
      category: '区主场活动',
      form: '展览展示、互动体验、现场咨询',
      field: '科技创新、科学教育、应急科普',
      mode: '线下',
      start: '2023/9/17',
      end: '2023/9/17',
      slot: '9:00-11:30',
      location: '鸠江区市民广场',
      town: '全区',
      host: '鸠江区科协',
      organizer: '区教体局、区卫健委、各镇街科协',
      summary: '集中展示科技创新成果，设置科普展区、互动体验区和咨询服务台，启动全区全国科普日系列活动',
      audience: '社会公众',
      count: '1500',
      contact: '周丽',
      phone: '0553-5861019',
      published: '是',
    },
    {
      name: '科普大篷车进乡村',
      category: '农村科普联合行动',
      form: '展览展示、互动体验',
      field: '农业科技、乡村振兴',
      mode: '线下',
      start: '2023/9/19',
      end: '2023/9/19',
      slot: '上午',
      location: '二坝镇文化广场',
      town: '二坝镇',
      host: '鸠江区科协',
      organizer: '二坝镇科协',
      summary: '科普大篷车巡展，展出农业科技和防灾减灾展品，开展互动体验',
      audience: '农村居民、中小学生',
      count: '400',
      contact: '周丽',
      phone: '0553-5861019',
      published: '是',
      plant: [['name', 'duplicate-activity']],
    },
    {
      name: '院士专家科普报告会',
      category: '专家讲科普专项行动',
      form: '科普报告',
      field: '前沿科技、科学家精神',
      mode: '线下',
      start: '2023/9/20',
      slot: '14:30-16:30',
      location: '鸠江区行政中心报告厅',
      town: '全区',
      host: '鸠江区科协',
      summary: '邀请专家学者作前沿科技科普报告，弘扬科学家精神',
      audience: '机关干部、科技工作者',
      count: '300',
      contact: '王志刚',
      phone: '13956027415',
      published: '否',
    },
    {
      name: '鸠江科普云课堂',
      category: '云上科普日专项行动',
      form: '云讲堂、直播',
      field: '数字素养、卫生健康',
      mode: '线上',
      start: '2023/9/21',
      end: '2023/9/23',
      slot: '每晚19:30',
      town: '全区',
      host: '鸠江区科协',
      summary: '连续三晚线上直播科普课，内容涵盖数字素养和健康生活',
      audience: '社会公众',
      count: '5000',
      contact: '王志刚',
      phone: '13956027415',
      url: 'https://live.kepuri.cn/jjkx/2023-yunketang',
      published: '是',
    },
  ],
};

// ----- 四褐山街道: a few row errors and a blank row (in the zip) ------------------------------------
const SHS = {
  top: [['附件2'], [TITLE], ['填报单位(盖章)：', null, '四褐山街道科协', null, '联系人：马俊', null, null, '联系电话：13965531208']],
  columns: TEMPLATE,
  blankAfter: { 2: 1 },
  acts: [
    {
      name: '四褐山街道全国科普日主场活动',
      category: '镇街主场活动',
      form: '科普宣传、互动体验、现场咨询',
      field: '生态文明、卫生健康',
      mode: '线下',
      start: D('2023-09-17'),
      end: D('2023-09-17'),
      slot: '上午',
      location: '四褐山街道文化广场',
      town: '四褐山街道',
      host: '四褐山街道科协',
      summary: '科普游园、健康咨询、垃圾分类互动游戏',
      audience: '辖区居民',
      count: 400,
      contact: '马俊',
      phone: '13965531208',
      published: '否',
    },
    {
      name: '长江大保护生态科普研学',
      category: '青少年科技教育专项行动',
      form: '研学体验',
      field: '生态文明、水利科普',
      mode: '线下',
      start: D('2023-09-23'),
      location: '四褐山街道滨江步道',
      town: '四褐山街道',
      host: '四褐山街道科协',
      organizer: '四褐山小学',
      summary: '组织学生沿江开展生态观察和简易水质检测',
      audience: '中小学生',
      count: 80,
      contact: '马俊',
      phone: '13965531208',
    },
    {
      // copied from last year's table: still 2022
      name: '农技专家田间课堂',
      category: '农村科普联合行动',
      form: '技术指导',
      field: '农业科技',
      mode: '线下',
      start: '2022年9月19日',
      location: '四褐山街道农业示范基地',
      town: '四褐山街道',
      host: '四褐山街道科协',
      summary: '农技专家到田间讲解秋季作物病虫害绿色防控',
      audience: '种植户',
      count: 50,
      contact: '马俊',
      phone: '13965531208',
      plant: [['start', 'date-wrong-year']],
    },
    {
      name: '反诈宣传进社区',
      category: '专家讲科普专项行动',
      form: '科普宣传',
      field: '数字素养',
      mode: '线下',
      start: D('2023-09-20'),
      location: '四褐山街道各社区',
      town: '四褐山街道',
      host: '四褐山街道科协',
      organizer: '四褐山派出所',
      summary: '民警讲解常见电信网络诈骗手法，推广国家反诈中心APP',
      audience: '社区居民',
      count: 300,
      contact: '周晓东',
      plant: [['phone', 'required-missing']],
    },
    {
      name: '食品安全知识直播课',
      category: '云上科普日专项行动',
      form: '直播',
      field: '食品安全',
      mode: '线上',
      start: D('2023-09-21'),
      slot: '19:00-20:00',
      town: '四褐山街道',
      host: '四褐山街道科协',
      organizer: '区市场监管局四褐山所',
      summary: '线上讲解家庭食品储存和识别过期食品',
      audience: '社会公众',
      count: 1000,
      contact: '马俊',
      phone: '13965531208',
      plant: [['url', 'online-url-missing']],
    },
    {
      name: '应急救护技能培训',
      category: '专家讲科普专项行动',
      form: '技能培训',
      field: '应急科普、安全生产',
      mode: '线下',
      start: '待定',
      location: '四褐山街道党群服务中心',
      town: '四褐山街道',
      host: '四褐山街道科协',
      organizer: '区红十字会',
      summary: '心肺复苏和AED使用实操培训',
      audience: '社区网格员',
      count: 60,
      contact: '马俊',
      phone: '13965531208',
      plant: [['start', 'date-invalid']],
    },
  ],
};

// ----- 裕溪口街道: no 镇街主场活动 (in the zip) --------------------------------------------------------
const YXK = {
  top: [['附件2'], [TITLE], ['填报单位：裕溪口街道', null, null, null, '联系人：何静', null, null, '联系电话：0553-5812046']],
  columns: TEMPLATE,
  acts: [
    {
      name: '“小小科学家”科学实验课堂',
      category: '青少年科技教育专项行动',
      form: '互动体验',
      field: '科学教育',
      mode: '线下',
      start: D('2023-09-18'),
      slot: '15:30-17:00',
      location: '裕溪口街道社区学校',
      town: '裕溪口街道',
      host: '裕溪口街道科协',
      summary: '带领少年儿童动手做趣味科学小实验',
      audience: '少年儿童',
      count: 40,
      contact: '何静',
      phone: '0553-5812046',
    },
    {
      name: '长江十年禁渔科普宣传',
      category: '农村科普联合行动',
      form: '科普宣传、展览展示',
      field: '生态文明',
      mode: '线下',
      start: D('2023-09-19'),
      location: '裕溪口渡口广场',
      town: '裕溪口街道',
      host: '裕溪口街道科协',
      organizer: '区农业农村水利局',
      summary: '展板展示长江禁渔政策和水生生物保护知识',
      audience: '沿江居民',
      count: 200,
      contact: '何静',
      phone: '0553-5812046',
    },
    {
      name: '心理健康科普讲座',
      category: '专家讲科普专项行动',
      form: '科普讲座',
      field: '卫生健康',
      mode: '线下',
      start: D('2023-09-22'),
      slot: '14:30-16:00',
      location: '裕溪口街道党群服务中心',
      town: '裕溪口街道',
      host: '裕溪口街道科协',
      summary: '心理咨询师讲解压力调适和情绪管理',
      audience: '社区居民',
      count: 80,
      contact: '程琳',
      phone: '13866528310',
    },
  ],
};

// ----- 官陡街道: the template's example row left in, a signature line under the table (.eml) -------
const GD = {
  top: [['附件2'], [TITLE], unitLine('鸠江区官陡街道科协', '张敏', '13956021876', '2023年9月11日')],
  columns: TEMPLATE,
  before: [
    [
      '示例',
      '例：科普知识进社区',
      '镇街主场活动',
      '科普宣传',
      '卫生健康',
      '线下',
      '2023-09-18',
      '2023-09-18',
      '9:00-11:00',
      '××社区',
      '××街道',
      '××街道科协',
      null,
      '简要说明活动内容',
      '社区居民',
      100,
      '张三',
      '13900000000',
    ],
  ],
  acts: [
    {
      name: '官陡街道全国科普日主场活动',
      category: '镇街主场活动',
      form: '展览展示、科普宣传、互动体验',
      field: '科技创新、应急科普',
      mode: '线下',
      start: '2023年9月17日',
      end: '2023年9月17日',
      slot: '9:00-11:30',
      location: '官陡街道新时代文明实践所广场',
      town: '官陡街道',
      host: '官陡街道科协',
      organizer: '辖区各社区',
      summary: '科普展板展示、VR安全体验、应急救护演示',
      audience: '辖区居民',
      count: '约600人',
      contact: '张敏',
      phone: '13956021876',
      published: '是',
      plant: [['count', 'count-approximate']],
    },
    {
      name: '防灾减灾科普讲座进社区',
      category: '专家讲科普专项行动',
      form: '科普讲座',
      field: '防灾避险、应急科普',
      mode: '线下',
      start: '2023年9月18日',
      slot: '14:30-16:00',
      location: '官陡街道龙山社区会议室',
      town: '官陡街道',
      host: '官陡街道科协',
      organizer: '区应急管理局',
      summary: '应急管理专家讲解地震、火灾和汛期避险知识',
      audience: '社区居民',
      count: '120',
      contact: '张敏',
      phone: '13956021876',
      published: '是',
    },
    {
      name: '青少年科技创新成果展',
      category: '青少年科技教育专项行动',
      form: '展览展示',
      field: '科技创新、科学教育',
      mode: '线下',
      start: '2023年9月19日',
      end: '2023年9月22日',
      location: '官陡中学',
      town: '官陡街道',
      host: '官陡街道科协',
      organizer: '官陡中学',
      summary: '展出学生科技小发明、小制作作品',
      audience: '中小学生',
      count: '800',
      contact: '李国华',
      phone: '0553-5868235',
      published: '否',
    },
    {
      name: '老年人智能手机使用培训',
      category: '专家讲科普专项行动',
      form: '技能培训',
      field: '数字素养',
      mode: '线下',
      start: '2023年9月21日',
      slot: '上午',
      location: '官陡街道党群服务中心',
      town: '官陡街道',
      host: '官陡街道科协',
      summary: '帮助老年人掌握智能手机常用功能和防范网络诈骗',
      audience: '老年人',
      count: '60人',
      contact: '李国华',
      phone: '0553-5868235',
      published: '否',
    },
  ],
  after: [[], ['填表人：张敏', null, null, null, null, '审核人：李国华']],
};

// ----- 湾里街道: below its quota; the unit line all in one merged cell (in the zip) -----------------
const WL = {
  top: [['附件2'], [TITLE], ['填报单位：湾里街道科学技术协会（盖章）    联系人：刘洋    联系电话：0553-5842316']],
  merges: ['A2:U2', 'A3:U3'],
  columns: TEMPLATE,
  acts: [
    {
      name: '湾里街道全国科普日主场活动',
      category: '镇街主场活动',
      form: '展览展示、互动体验',
      field: '科技创新、数字素养',
      mode: '线下',
      start: D('2023-09-17'),
      slot: '9:00-11:00',
      location: '湾里街道文体中心',
      town: '湾里街道',
      host: '湾里街道科协',
      summary: '机器人表演、无人机科普展示和科普知识有奖问答',
      audience: '辖区居民',
      count: 500,
      contact: '刘洋',
      phone: '0553-5842316',
    },
    {
      name: '青少年航模科普体验',
      category: '青少年科技教育专项行动',
      form: '互动体验',
      field: '科学教育、国防知识',
      mode: '线下',
      start: D('2023-09-23'),
      slot: '14:00-16:30',
      location: '湾里中心学校操场',
      town: '湾里街道',
      host: '湾里街道科协',
      organizer: '湾里中心学校',
      summary: '航模社团老师指导学生组装和试飞航模',
      audience: '中小学生',
      count: 120,
      contact: '刘洋',
      phone: '0553-5842316',
    },
  ],
};

// ----- 清水街道: old Excel (.xls), header on row 6, synonyms, a single 活动时间 column, an extra
//       column, a 合计 row and a 填表说明 block -------------------------------------------------------
const QS = {
  top: [
    ['附件2'],
    ['鸠江区2023年全国科普日活动安排表'],
    ['主题：提升全民科学素质，助力科技自立自强'],
    ['填报单位（盖章）：清水街道科协　　　联系人：黄晓梅　　　联系电话：0553-5850316'],
    ['填报日期：2023年9月11日'],
  ],
  merges: ['A2:O2'],
  columns: [
    ['seq', '序号'],
    ['name', '活动主题'],
    ['category', '活动类型'],
    ['form', '开展形式'],
    ['field', '领域'],
    ['mode', '线上/线下'],
    ['start', '活动时间'],
    ['location', '活动地点'],
    ['host', '举办单位'],
    ['summary', '活动内容'],
    ['count', '参与人数'],
    ['contact', '负责人'],
    ['phone', '联系方式'],
    ['budget', '经费预算(元)'],
    ['remarks', '备注'],
  ],
  headerFindings: [['budget', 'column-unknown']],
  acts: [
    {
      name: '清水街道全国科普日主场活动',
      category: '镇街主场活动',
      form: '科普宣传、展览展示',
      field: '卫生健康、生态文明',
      mode: '线下',
      start: '9月17日上午',
      location: '清水街道新时代文明实践中心',
      host: '清水街道科协',
      summary: '科普展览、健康义诊、垃圾分类知识竞答',
      count: '350',
      contact: '黄晓梅',
      phone: '0553-5850316',
      budget: 2000,
    },
    {
      name: '家庭急救知识科普大讲堂',
      category: '专家讲科普专项行动',
      form: '科普讲座',
      field: '卫生健康、应急科普',
      mode: '线下',
      start: '9月19日 14:30-16:00',
      location: '清水街道社区卫生服务中心',
      host: '清水街道科协',
      summary: '社区医生讲解海姆立克急救法和常见急症处置',
      count: '100',
      contact: '黄晓梅',
      phone: '0553-5850316',
      budget: 500,
    },
    {
      name: '垃圾分类科普宣传周',
      category: '农村科普联合行动',
      form: '科普宣传、互动体验',
      field: '生态文明',
      mode: '线下',
      start: '9月17日-23日',
      location: '清水街道各社区、村',
      host: '清水街道科协',
      summary: '入户宣传垃圾分类知识，开展分类投放互动游戏',
      count: '1000',
      contact: '汪洋',
      phone: '13966602715',
    },
    {
      name: '青少年科技模型制作比赛',
      category: '青少年科技教育专项行动',
      form: '科普竞赛',
      field: '科学教育、科技创新',
      mode: '线下',
      start: '9月22日',
      location: '清水中心学校',
      host: '清水街道科协',
      summary: '中小学生现场制作车模、船模并竞速比赛',
      count: '200',
      contact: '汪洋',
      phone: '13966602715',
      budget: 3000,
    },
  ],
  after: [
    ['合计', '4项', null, null, null, null, null, null, null, null, '1650', null, null, 5500],
    [],
    ['填表说明：'],
    ['1. 活动类型请按通知所列九类填写；'],
    ['2. 请于9月12日前将电子版报送至区科协邮箱。'],
  ],
};

// ----- 沈巷镇: a WPS .et file (really an .xls), 活动类别 merged down, two pre-numbered empty rows ------
const SX_COLUMNS = [
  ['seq', '序号'],
  ['name', '活动名称'],
  ['category', '活动类别'],
  ['form', '活动形式'],
  ['field', '科普领域'],
  ['mode', '开展方式'],
  ['start', '开始日期'],
  ['end', '结束日期'],
  ['location', '活动地点'],
  ['town', '所属镇街'],
  ['host', '主办单位'],
  ['organizer', '承办单位'],
  ['summary', '活动简介'],
  ['audience', '面向对象'],
  ['count', '预计参与人数'],
  ['contact', '联系人'],
  ['phone', '联系电话'],
  ['remarks', '备注'],
];
const SX = {
  top: [['附件2'], [TITLE], ['填报单位(盖章)：沈巷镇科协', null, null, null, null, '联系人：吴海涛', null, null, '联系电话：13739075126']],
  columns: SX_COLUMNS,
  preNumbered: 2,
  mergeDown: [
    ['category', 1, 2],
    ['category', 3, 4],
  ],
  acts: [
    {
      name: '沈巷镇“科创沈巷”科普日主场活动',
      category: '镇街主场活动',
      form: '展览展示、现场咨询',
      field: '科技创新、乡村振兴',
      mode: '线下',
      start: D('2023-09-17'),
      end: D('2023-09-17'),
      location: '沈巷镇文化广场',
      town: '沈巷镇',
      host: '沈巷镇科协',
      organizer: '沈巷镇农业综合服务中心',
      summary: '展示镇域企业科技创新成果和特色农业新技术',
      audience: '镇村居民',
      count: '约300人',
      contact: '吴海涛',
      phone: '13739075126',
      plant: [['count', 'count-approximate']],
    },
    {
      name: '稻田综合种养技术培训',
      category: '农村科普联合行动',
      form: '技能培训',
      field: '农业科技',
      mode: '线下',
      start: D('2023-09-18'),
      end: D('2023-09-18'),
      location: '沈巷镇农民田间学校',
      town: '沈巷镇',
      host: '沈巷镇科协',
      organizer: '区农业农村水利局',
      summary: '讲解稻虾共作、稻鸭共养技术要点',
      audience: '种养大户',
      count: '80人',
      contact: '吴海涛',
      phone: '13739075126',
    },
    {
      name: '农村安全用电科普宣传',
      category: '农村科普联合行动',
      form: '科普宣传',
      field: '安全生产',
      mode: '线下',
      start: D('2023-09-20'),
      end: D('2023-09-20'),
      location: '沈巷镇各村',
      town: '沈巷镇',
      host: '沈巷镇科协',
      organizer: '沈巷供电所',
      summary: '电力志愿者入户检查线路并宣传安全用电常识',
      audience: '村民',
      count: '500人次',
      contact: '吴海涛',
      phone: '13739075126',
    },
    {
      name: '校园科普剧展演',
      category: '青少年科技教育专项行动',
      form: '科普表演',
      field: '科学教育',
      mode: '线下',
      start: D('2023-09-21'),
      end: D('2023-09-21'),
      location: '沈巷镇中心学校',
      town: '沈巷镇',
      host: '沈巷镇科协',
      organizer: '沈巷镇中心学校',
      summary: '学生自编自演科普剧，普及科学知识',
      audience: '师生、家长',
      count: '400',
      contact: '陶文静',
      phone: '0553-5720418',
    },
    {
      name: '走进科普教育基地研学活动',
      category: '青少年科技教育专项行动',
      form: '研学体验',
      field: '科技创新',
      mode: '线下',
      start: D('2023-09-23'),
      end: D('2023-09-23'),
      location: '鸠江区青少年科技活动中心',
      town: '沈巷镇',
      host: '沈巷镇科协',
      summary: '组织学生参观科普教育基地并参加动手实践',
      audience: '中小学生',
      count: '60',
      contact: '陶文静',
      phone: '0553-5720418',
    },
  ],
};

// ----- 二坝镇: no unit line (the unit is only in the file name), a two-row header (活动时间: 开始|结束) ---
const EB_COLUMNS = [
  ['seq', '序号'],
  ['name', '活动名称'],
  ['category', '活动类别'],
  ['form', '活动形式'],
  ['field', '科普领域'],
  ['mode', '开展方式'],
  ['start', '开始'],
  ['end', '结束'],
  ['location', '活动地点'],
  ['town', '所属镇街'],
  ['host', '主办单位'],
  ['summary', '活动简介'],
  ['count', '预计参与人数'],
  ['contact', '联系人'],
  ['phone', '联系电话'],
  ['remarks', '备注'],
];
const EB = {
  top: [['附件2'], [TITLE]],
  columns: EB_COLUMNS,
  twoRowHeader: [
    EB_COLUMNS.map(([k, h]) => (k === 'start' ? '活动时间' : k === 'end' ? null : h)),
    EB_COLUMNS.map(([k, h]) => (k === 'start' || k === 'end' ? h : null)),
  ],
  // header cells merged down over both header rows, 活动时间 across 开始|结束
  merges: [...EB_COLUMNS.map(([k], c) => (k === 'start' ? 'G3:H3' : k === 'end' ? null : `${colLetter(c)}3:${colLetter(c)}4`)).filter(Boolean), 'A2:P2'],
  acts: [
    {
      name: '二坝镇“科技助农 智慧种养”科普日主场活动',
      category: '镇街主场活动',
      form: '技术指导、现场咨询',
      field: '农业科技、乡村振兴',
      mode: '线下',
      start: D('2023-09-17'),
      end: D('2023-09-17'),
      location: '二坝镇农业综合服务中心',
      town: '二坝镇',
      host: '二坝镇科协',
      summary: '农技专家现场讲解水稻病虫害绿色防控和稻虾共养技术，发放科普资料',
      count: '200人',
      contact: '孙建国',
      phone: '13855307264',
    },
    {
      name: '科普大篷车进乡村',
      category: '农村科普联合行动',
      form: '展览展示、互动体验',
      field: '农业科技',
      mode: '线下',
      start: D('2023-09-19'),
      end: D('2023-09-19'),
      location: '二坝镇文化广场',
      town: '二坝镇',
      host: '二坝镇科协',
      summary: '配合区科协科普大篷车巡展，组织村民和学生参观体验',
      count: '300',
      contact: '孙建国',
      phone: '13855307264',
      plant: [['name', 'duplicate-activity']],
    },
    {
      name: '青少年科学实验秀',
      category: '青少年科技教育专项行动',
      form: '科普表演、互动体验',
      field: '科学教育',
      mode: '线下',
      start: D('2023-09-22'),
      end: D('2023-09-22'),
      location: '二坝镇中心学校',
      town: '二坝镇',
      host: '二坝镇科协',
      summary: '科普志愿者走进校园表演趣味科学实验',
      count: '150',
      contact: '江晓燕',
      phone: '0553-5831207',
    },
  ],
};

// ----- 汤沟镇: the unit is only knowable from the sender's address; received 23:30 on the deadline ---
const TG = {
  top: [['附件2'], [TITLE], unitLine('', '陈芳', '13805537712', '2023年9月12日')],
  columns: TEMPLATE,
  acts: [
    {
      name: '汤沟镇全国科普日主场活动暨科普赶集',
      category: '镇街主场活动',
      form: '科普宣传、现场咨询',
      field: '卫生健康、食品安全、防灾避险',
      mode: '线下',
      start: D('2023-09-18'),
      end: D('2023-09-18'),
      slot: '7:30-10:30',
      location: '汤沟镇集镇广场',
      town: '汤沟镇',
      host: '汤沟镇科协',
      organizer: '汤沟镇卫生院、汤沟派出所',
      summary: '利用集市日设置健康义诊、反诈宣传、食品安全咨询摊位',
      audience: '赶集群众',
      count: 500,
      contact: '陈芳',
      phone: '13805537712',
    },
    {
      name: '反诈宣传进村组',
      category: '农村科普联合行动',
      form: '科普宣传',
      field: '数字素养',
      mode: '线下',
      start: D('2023-09-20'),
      end: D('2023-09-20'),
      location: '汤沟镇各村',
      town: '汤沟镇',
      host: '汤沟镇科协',
      organizer: '汤沟派出所',
      summary: '民警和志愿者进村入户讲解常见电信网络诈骗手法',
      audience: '村民',
      count: '300人',
      contact: '陈芳',
      phone: '13805537712',
    },
    {
      name: '防溺水安全知识科普课',
      category: '青少年科技教育专项行动',
      form: '科普讲座',
      field: '防灾避险、应急科普',
      mode: '线下',
      start: D('2023-09-21'),
      end: D('2023-09-21'),
      location: '汤沟镇中心小学',
      town: '汤沟镇',
      host: '汤沟镇科协',
      summary: '讲解防溺水常识和自救互救方法',
      audience: '小学生',
      count: 260,
      contact: '陈芳',
      phone: '13805537712',
    },
  ],
};

// ----- 区卫健委: names itself by its alias; one 镇街主场活动 it may not hold (.eml, RFC 2231) -----------
const WJW = {
  top: [['附件2'], [TITLE], ['填报单位（盖章）：鸠江区卫生健康委员会', null, null, null, '联系人：郑红', null, null, '联系电话：0553-5869213']],
  columns: TEMPLATE,
  acts: [
    {
      name: '中医药健康知识义诊',
      category: '部门系统联合行动',
      form: '现场咨询、科普宣传',
      field: '卫生健康',
      mode: '线下',
      start: D('2023-09-18'),
      slot: '8:30-11:30',
      location: '鸠江区中医院门诊广场',
      town: '全区',
      host: '区卫健委',
      organizer: '鸠江区中医院',
      summary: '中医专家免费义诊，普及中医药养生保健知识',
      audience: '社会公众',
      count: 300,
      contact: '郑红',
      phone: '0553-5869213',
      published: '是',
    },
    {
      name: '健康素养进万家',
      category: '镇街主场活动',
      form: '科普宣传、现场咨询',
      field: '卫生健康',
      mode: '线下',
      start: D('2023-09-20'),
      slot: '上午',
      location: '湾里街道社区卫生服务中心',
      town: '湾里街道',
      host: '区卫健委',
      organizer: '湾里街道社区卫生服务中心',
      summary: '发放健康素养66条宣传资料，开展血压血糖免费检测',
      audience: '社区居民',
      count: 200,
      contact: '郑红',
      phone: '0553-5869213',
      published: '否',
      plant: [['category', 'category-unit-mismatch']],
    },
    {
      name: '合理膳食 健康生活科普讲座',
      category: '专家讲科普专项行动',
      form: '科普讲座',
      field: '卫生健康、食品安全',
      mode: '线下',
      start: D('2023-09-21'),
      slot: '14:30-16:00',
      location: '鸠江区疾控中心会议室',
      town: '全区',
      host: '区卫健委',
      organizer: '鸠江区疾控中心',
      summary: '营养师讲解减盐减油减糖和慢性病预防',
      audience: '机关职工、社区居民',
      count: 150,
      contact: '郑红',
      phone: '0553-5869213',
      published: '否',
    },
  ],
};

// ----- 区教体局: a first version on 09-08, a corrected one on 09-11 (.eml ×2) --------------------------
const JTJ_ACTS = [
  {
    name: '青少年科学调查体验活动',
    category: '青少年科技教育专项行动',
    form: '研学体验',
    field: '科学教育、生态文明',
    mode: '线下',
    start: D('2023-09-19'),
    end: D('2023-09-22'),
    location: '全区各中小学',
    town: '全区',
    host: '区教体局',
    summary: '组织中小学生开展节约粮食、生物多样性等科学调查',
    audience: '中小学生',
    count: 3000,
    contact: '钱磊',
    phone: '13905536218',
    published: '是',
  },
  {
    name: '中小学科技辅导员能力提升培训',
    category: '部门系统联合行动',
    form: '技能培训',
    field: '科学教育',
    mode: '线下',
    start: D('2023-09-20'),
    slot: '全天',
    location: '区教师发展中心',
    town: '全区',
    host: '区教体局',
    summary: '邀请省市专家培训科技辅导员科学实验教学能力',
    audience: '科技辅导员',
    count: 100,
    contact: '钱磊',
    phone: '13905536218',
    published: '否',
  },
];
const JTJ1 = {
  top: [['附件2'], [TITLE], unitLine('区教育体育局', '钱磊', '13905536218', '2023年9月8日')],
  columns: TEMPLATE,
  acts: JTJ_ACTS,
};
const JTJ2 = {
  top: [['附件2'], [TITLE], unitLine('区教体局', '钱磊', '13905536218', '2023年9月11日')],
  columns: TEMPLATE,
  acts: [
    JTJ_ACTS[0],
    // the venue moved: the first version's 区教师发展中心 is corrected
    { ...JTJ_ACTS[1], location: '鸠江区实验学校报告厅' },
    {
      name: '鸠江区中小学校园科技节',
      category: '部门系统联合行动',
      form: '科普竞赛、展览展示',
      field: '科技创新、科学教育',
      mode: '线下',
      start: D('2023-09-22'),
      end: D('2023-09-23'),
      location: '鸠江区实验学校',
      town: '全区',
      host: '区教体局',
      organizer: '鸠江区实验学校',
      summary: '科技创新作品展评、科学知识竞赛和机器人比赛',
      audience: '中小学生',
      count: 1200,
      contact: '钱磊',
      phone: '13905536218',
      published: '否',
    },
  ],
};

// ----- 芜湖鸠兹智能科技有限公司: received 2023-09-13 09:47 — late (.eml) ------------------------------
const QY = {
  top: [['附件2'], [TITLE], unitLine('芜湖鸠兹智能科技有限公司', '赵鹏', '18955317603', '2023年9月13日')],
  columns: TEMPLATE,
  acts: [
    {
      name: '工业机器人科普开放日',
      category: '企业科普联合行动',
      form: '开放参观、互动体验',
      field: '科技创新、前沿科技',
      mode: '线下',
      start: D('2023-09-22'),
      slot: '9:00-16:00',
      location: '芜湖鸠兹智能科技有限公司智能制造车间',
      host: '芜湖鸠兹智能科技有限公司',
      summary: '开放智能制造生产线，工程师现场讲解工业机器人原理',
      audience: '中小学生、社会公众',
      count: 200,
      contact: '赵鹏',
      phone: '18955317603',
    },
    {
      name: '人工智能与智能制造科普报告',
      category: '专家讲科普专项行动',
      form: '科普报告',
      field: '前沿科技、数字素养',
      mode: '线下',
      start: D('2023-09-23'),
      slot: '14:00-15:30',
      location: '公司培训中心',
      host: '芜湖鸠兹智能科技有限公司',
      summary: '企业总工程师介绍人工智能在制造业中的应用',
      audience: '企业职工、高校学生',
      count: 120,
      contact: '赵鹏',
      phone: '18955317603',
    },
  ],
};

// ----- 鸠江区青少年科技活动中心: sent 23:58 on the 12th, received 00:10 on the 13th — late (.eml) -----
const ZX = {
  top: [['附件2'], [TITLE], unitLine('鸠江区青少年科技活动中心', '林晓', '0553-5883127', '2023年9月12日')],
  columns: TEMPLATE,
  acts: [
    {
      name: '科技活动中心科普日开放周',
      category: '科普阵地联合行动',
      form: '开放参观、VR体验',
      field: '科学教育、科技创新',
      mode: '线下',
      start: D('2023-09-17'),
      end: D('2023-09-23'),
      slot: '9:00-17:00',
      location: '鸠江区青少年科技活动中心',
      town: '全区',
      host: '鸠江区青少年科技活动中心',
      summary: '科普展厅免费开放，设置VR安全体验和科学互动展项',
      audience: '青少年、社会公众',
      count: 2000,
      contact: '林晓',
      phone: '0553-5883127',
      published: '是',
    },
    {
      name: '青少年机器人编程体验营',
      category: '青少年科技教育专项行动',
      form: '研学体验、互动体验',
      field: '科学教育、数字素养',
      mode: '线下',
      start: D('2023-09-23'),
      slot: '9:00-11:30',
      location: '鸠江区青少年科技活动中心创客教室',
      town: '全区',
      host: '鸠江区青少年科技活动中心',
      summary: '青少年分组学习图形化编程并完成机器人闯关任务',
      audience: '8-14岁青少年',
      count: 40,
      contact: '林晓',
      phone: '0553-5883127',
      published: '是',
    },
  ],
};

// ----- 鸠江区图书馆: not in the roster ------------------------------------------------------------------
const TSG = {
  top: [['附件2'], [TITLE], ['填报单位（盖章）：鸠江区图书馆']],
  columns: TEMPLATE,
  acts: [
    {
      name: '科学家精神主题阅读分享会',
      category: '专家讲科普专项行动',
      form: '科普讲座',
      field: '科学家精神',
      mode: '线下',
      start: D('2023-09-20'),
      slot: '15:00-16:30',
      location: '鸠江区图书馆报告厅',
      town: '全区',
      host: '鸠江区图书馆',
      summary: '共读科学家传记，分享科学家故事',
      audience: '读者',
      count: 60,
      contact: '姚雪',
      phone: '0553-5875026',
    },
    {
      name: '云上科普绘本共读',
      category: '云上科普日专项行动',
      form: '直播',
      field: '科学教育',
      mode: '线上',
      start: D('2023-09-21'),
      slot: '19:30-20:15',
      town: '全区',
      host: '鸠江区图书馆',
      summary: '馆员线上领读科普绘本并互动答题',
      audience: '亲子家庭',
      count: 800,
      contact: '姚雪',
      phone: '0553-5875026',
      url: 'https://www.jjlib.example.cn/live/20230921',
    },
  ],
};

function tableSheet(t) {
  const lay = layoutTable(t);
  const cols = t.columns.map(([k]) => ({ name: 24, summary: 36, location: 22, host: 16, organizer: 16 })[k] ?? 11);
  const ws = buildSheet(lay.aoa, { merges: lay.merges, cols });
  const findings = [...lay.findings];
  for (const [key, code] of t.headerFindings ?? []) findings.push({ cell: addr(lay.headerRow, lay.colOf(key)), code, row: lay.headerRow + 1 });
  return { ws, lay, findings };
}

/** A 填表说明 sheet as the template has it (the units keep it). */
function notesSheet() {
  return buildSheet([
    ['填表说明'],
    [
      '1. 活动类别：区主场活动、镇街主场活动、部门系统联合行动、企业科普联合行动、科普阵地联合行动、农村科普联合行动、青少年科技教育专项行动、专家讲科普专项行动、云上科普日专项行动。',
    ],
    ['2. 线上活动请填写活动网址。'],
    ['3. 请于2023年9月12日前报送区科协。'],
  ]);
}

function xlsxOf(t, { bookType = 'xlsx', notes = true, sheetName = '活动安排表', author } = {}) {
  const { ws, lay, findings } = tableSheet(t);
  const sheets = [{ name: sheetName, ws }];
  if (notes) sheets.push({ name: '填表说明', ws: notesSheet() });
  return { bytes: workbookBytes(sheets, bookType, author), lay, findings, sheet: sheetName };
}

function csvOf(t) {
  const lay = layoutTable(t);
  const width = t.columns.length;
  const q = (v) => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'object' ? v.date : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = lay.aoa.map((row) => {
    const cells = [];
    for (let c = 0; c < width; c++) cells.push(q(row?.[c]));
    return cells.join(',');
  });
  return { bytes: iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'), lay, findings: lay.findings, sheet: null };
}

// ---------------------------------------------------------------------------------------------
// .eml messages
// ---------------------------------------------------------------------------------------------

const CRLF = '\r\n';

function b64Lines(buf, width = 76) {
  const s = Buffer.from(buf).toString('base64');
  const out = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out.join(CRLF);
}

/** RFC 2047 B encoded-words, split on character boundaries, folded. */
function encodeWords(text, charset, perWord = 18) {
  const chars = [...text];
  const words = [];
  for (let i = 0; i < chars.length; i += perWord) {
    const part = chars.slice(i, i + perWord).join('');
    words.push(`=?${charset}?B?${iconv.encode(part, charset === 'GB18030' ? 'gb18030' : 'gbk').toString('base64')}?=`);
  }
  return words.join(CRLF + ' ');
}

/** RFC 2231 percent-encoding of the GBK bytes. */
function pct(text) {
  let s = '';
  for (const b of iconv.encode(text, 'gbk')) {
    const ch = String.fromCharCode(b);
    s += /[A-Za-z0-9._-]/.test(ch) ? ch : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return s;
}

/** RFC 2231 continuations split on character boundaries: name*0*=GBK''…; name*1*=… */
function pctContinued(param, text, splitAt) {
  const chars = [...text];
  const a = chars.slice(0, splitAt).join('');
  const b = chars.slice(splitAt).join('');
  return `${param}*0*=GBK''${pct(a)};${CRLF}\t${param}*1*=${pct(b)}`;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * nameStyle: 'rfc2047' | 'rfc2231' | 'rfc2231-continued' | 'gb18030'
 */
function attachmentPart(boundary, att) {
  const n = att.name;
  let ct;
  let cd;
  switch (att.nameStyle) {
    case 'rfc2047':
      ct = `Content-Type: ${att.mime ?? XLSX_MIME};${CRLF}\tname="${encodeWords(n, 'GBK', 40)}"`;
      cd = `Content-Disposition: attachment;${CRLF}\tfilename="${encodeWords(n, 'GBK', 40)}"`;
      break;
    case 'rfc2047-split':
      ct = `Content-Type: ${att.mime ?? XLSX_MIME};${CRLF}\tname="${encodeWords(n, 'GBK', 9)}"`;
      cd = `Content-Disposition: attachment;${CRLF}\tfilename="${encodeWords(n, 'GBK', 9)}"`;
      break;
    case 'rfc2231':
      ct = `Content-Type: ${att.mime ?? 'application/octet-stream'};${CRLF}\tname*=GBK''${pct(n)}`;
      cd = `Content-Disposition: attachment;${CRLF}\tfilename*=GBK''${pct(n)}`;
      break;
    case 'rfc2231-mixed':
      // Content-Type carries an RFC 2047 name, Content-Disposition an RFC 2231 filename
      ct = `Content-Type: ${att.mime ?? XLSX_MIME};${CRLF}\tname="${encodeWords(n, 'GBK', 40)}"`;
      cd = `Content-Disposition: attachment;${CRLF}\tfilename*=GBK''${pct(n)}`;
      break;
    case 'rfc2231-continued':
      ct = `Content-Type: ${att.mime ?? XLSX_MIME};${CRLF}\t${pctContinued('name', n, 10)}`;
      cd = `Content-Disposition: attachment;${CRLF}\t${pctContinued('filename', n, 10)}`;
      break;
    case 'gb18030':
      ct = `Content-Type: ${att.mime ?? XLSX_MIME};${CRLF}\tname="${encodeWords(n, 'GB18030', 40)}"`;
      cd = `Content-Disposition: attachment;${CRLF}\tfilename="${encodeWords(n, 'GB18030', 40)}"`;
      break;
    default:
      throw new Error(att.nameStyle);
  }
  return [`--${boundary}`, ct, 'Content-Transfer-Encoding: base64', cd, '', b64Lines(att.bytes), ''].join(CRLF);
}

function textPart(boundary, text, html) {
  const plain = ['Content-Type: text/plain;' + CRLF + '\tcharset="GBK"', 'Content-Transfer-Encoding: base64', '', b64Lines(iconv.encode(text, 'gbk')), ''].join(
    CRLF,
  );
  if (!html) return `--${boundary}${CRLF}${plain}`;
  const alt = `----=_Part_Alt_${boundary.slice(-12)}`;
  const htmlBody = `<div style="font-family:宋体">${text
    .split('\n')
    .map((l) => `<div>${l}</div>`)
    .join('')}</div>`;
  return [
    `--${boundary}`,
    `Content-Type: multipart/alternative;${CRLF}\tboundary="${alt}"`,
    '',
    `--${alt}`,
    plain,
    `--${alt}`,
    'Content-Type: text/html;' + CRLF + '\tcharset="GBK"',
    'Content-Transfer-Encoding: base64',
    '',
    b64Lines(iconv.encode(htmlBody, 'gbk')),
    '',
    `--${alt}--`,
    '',
  ].join(CRLF);
}

function makeEml(m) {
  const boundary = `----=_NextPart_${m.id}`;
  const headers = [
    ...m.received.map((r) => `Received: ${r}`),
    `Date: ${m.date}`,
    `From: ${m.fromName ? `${encodeWords(m.fromName, 'GBK')} ` : ''}<${m.from}>`,
    `To: =?GBK?B?${iconv.encode('鸠江区科协', 'gbk').toString('base64')}?= <jjqkx2023@163.com>`,
    `Subject: ${encodeWords(m.subject, 'GBK')}`,
    `Message-ID: <${m.id}@${m.from.split('@')[1]}>`,
    `X-Mailer: ${m.mailer ?? 'Foxmail 7.2.25.228[cn]'}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed;${CRLF}\tboundary="${boundary}"`,
  ];
  const parts = [textPart(boundary, m.body, m.html), ...m.attachments.map((a) => attachmentPart(boundary, a))];
  return Buffer.from([...headers, '', 'This is a multi-part message in MIME format.', '', ...parts, `--${boundary}--`, ''].join(CRLF), 'latin1');
}

/** Received header value with the time after the last ';'. */
const rcv = (from, by, id, time) => `from ${from}${CRLF}\tby ${by} with SMTP id ${id};${CRLF}\t${time}`;

// ---------------------------------------------------------------------------------------------
// A zip written by hand: GBK member names, general purpose bit 11 (UTF-8) clear
// ---------------------------------------------------------------------------------------------

const crc32 = typeof zlib.crc32 === 'function' ? (b) => zlib.crc32(b) >>> 0 : tableCrc32;
function tableCrc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function dosTime(iso) {
  const [d, t] = iso.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi, s] = t.split(':').map(Number);
  return { time: (h << 11) | (mi << 5) | (s >> 1), date: ((y - 1980) << 9) | (mo << 5) | da };
}

function gbkZip(entries, whenIso) {
  const { time, date } = dosTime(whenIso);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = iconv.encode(e.name, 'gbk');
    const data = Buffer.from(e.bytes);
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4); // version needed
    lh.writeUInt16LE(0, 6); // flags: bit 11 clear — names are not UTF-8
    lh.writeUInt16LE(8, 8); // deflate
    lh.writeUInt16LE(time, 10);
    lh.writeUInt16LE(date, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(deflated.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    locals.push(lh, name, deflated);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(0x0014, 4); // made by: MS-DOS, 2.0
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(time, 12);
    ch.writeUInt16LE(date, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(deflated.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(0, 30); // extra
    ch.writeUInt16LE(0, 32); // comment
    ch.writeUInt16LE(0, 34); // disk
    ch.writeUInt16LE(0, 36); // internal attrs
    ch.writeUInt32LE(0x20, 38); // external attrs: archive
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += lh.length + name.length + deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, cd, end]);
}

// ---------------------------------------------------------------------------------------------
// Self-check: an independent, simple model of the row rules, so an unplanted row that would raise
// a finding (or a planted one that would not) stops the script
// ---------------------------------------------------------------------------------------------

const CATEGORY_HOLDERS = {
  区主场活动: ['区科协'],
  镇街主场活动: ['镇街'],
  部门系统联合行动: ['区直部门'],
  企业科普联合行动: ['企业'],
  科普阵地联合行动: ['科普教育基地'],
  农村科普联合行动: null,
  青少年科技教育专项行动: null,
  专家讲科普专项行动: null,
  云上科普日专项行动: null,
};
const FORMS =
  '科普讲座 科普报告 展览展示 科普宣传 现场咨询 互动体验 开放参观 研学体验 技术指导 技能培训 科普竞赛 科普表演 展映展播 直播 短视频 云讲堂 云看展 云发布 VR体验 其他'.split(
    ' ',
  );
const SCI_FIELDS =
  '科技创新 科学教育 数字素养 生态文明 卫生健康 应急科普 农业科技 核科普 水利科普 科普创作 知识产权 食品安全 国防知识 防灾避险 安全生产 前沿科技 乡村振兴 科学家精神 其他'.split(
    ' ',
  );
const TOWNS = ['四褐山街道', '裕溪口街道', '官陡街道', '湾里街道', '清水街道', '沈巷镇', '二坝镇', '汤沟镇', '白茆镇', '全区'];

/** A date cell as this script writes it → [start, end] ISO, or 'invalid'. */
function readDate(v) {
  if (v && typeof v === 'object') return [v.date, v.date];
  const s = String(v);
  let m;
  if ((m = /^(\d{4})[/年](\d{1,2})[/月](\d{1,2})日?$/.exec(s))) return [iso(m[1], m[2], m[3]), iso(m[1], m[2], m[3])];
  if ((m = /^(\d{1,2})月(\d{1,2})日-(\d{1,2})日$/.exec(s))) return [iso(2023, m[1], m[2]), iso(2023, m[1], m[3])];
  if ((m = /^(\d{1,2})月(\d{1,2})日(上午|下午| \d{1,2}:\d{2}-\d{1,2}:\d{2})?$/.exec(s))) return [iso(2023, m[1], m[2]), iso(2023, m[1], m[2])];
  return 'invalid';
}
const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function modelFindings(a, kind) {
  const out = [];
  const req = ['name', 'category', 'form', 'field', 'mode', 'start', 'host', 'summary', 'count', 'contact', 'phone'];
  if (a.mode !== '线上') req.push('location');
  for (const k of req) if (a[k] === undefined || a[k] === '') out.push([k, 'required-missing']);
  if (!(a.category in CATEGORY_HOLDERS)) out.push(['category', 'category-invalid']);
  else if (kind && CATEGORY_HOLDERS[a.category] && !CATEGORY_HOLDERS[a.category].includes(kind)) out.push(['category', 'category-unit-mismatch']);
  if (a.form && !a.form.split('、').every((x) => FORMS.includes(x))) out.push(['form', 'form-unknown']);
  if (a.field && !a.field.split('、').every((x) => SCI_FIELDS.includes(x))) out.push(['field', 'field-unknown']);
  if (!['线下', '线上', '线上线下结合'].includes(a.mode)) out.push(['mode', 'mode-invalid']);
  if ((a.mode === '线上' || a.mode === '线上线下结合') && !a.url) out.push(['url', 'online-url-missing']);
  if (a.category === '云上科普日专项行动' && a.mode === '线下') out.push(['mode', 'online-url-missing']);
  if (a.url && !/^https?:\/\/[^\s]+$/.test(a.url)) out.push(['url', 'url-invalid']);
  if (a.phone && !/^(1[3-9]\d{9}|0553-\d{7})$/.test(String(a.phone))) out.push(['phone', 'phone-invalid']);
  if (a.count !== undefined && !/^约?\d+(人|人次)?$/.test(String(a.count))) out.push(['count', 'count-invalid']);
  // issue 13: a rounded figure (约600人) is read as written, with count-approximate (info)
  else if (a.count !== undefined && /^约/.test(String(a.count))) out.push(['count', 'count-approximate']);
  if (a.name && [...a.name].length > 60) out.push(['name', 'name-too-long']);
  if (a.town && !TOWNS.includes(a.town)) out.push(['town', 'town-unknown']);
  if (a.start !== undefined && a.start !== '') {
    const s = readDate(a.start);
    const e = a.end !== undefined ? readDate(a.end) : s;
    if (s === 'invalid') out.push(['start', 'date-invalid']);
    else if (!s[0].startsWith('2023')) out.push(['start', 'date-wrong-year']);
    else if (e !== 'invalid') {
      const end = a.end !== undefined ? e[0] : s[1];
      if (end < s[0]) out.push(['end', 'date-range-reversed']);
      else if (end < '2023-09-17' || s[0] > '2023-09-23') out.push(['start', 'date-outside-window']);
      if (a.category === '区主场活动' && (s[0] < '2023-09-11' || end > '2023-09-20')) out.push(['start', 'main-event-outside-window']);
    }
  }
  return out;
}

function selfCheck(t, unitName) {
  const kind = ROSTER.find((u) => u.name === unitName)?.kind;
  for (const a of t.acts) {
    const got = modelFindings(a, kind)
      .map((x) => x.join(':'))
      .sort();
    const want = (a.plant ?? [])
      .filter(([, c]) => c !== 'duplicate-activity')
      .map((x) => x.join(':'))
      .sort();
    if (got.join() !== want.join()) throw new Error(`${unitName} «${a.name}»: model says [${got}], planted [${want}]`);
  }
  if (kind === '镇街' && !t.acts.some((a) => a.category === '镇街主场活动') && unitName !== '裕溪口街道') throw new Error(`${unitName} has no 镇街主场活动`);
}
for (const [t, u] of [
  [QKX, '鸠江区科协'],
  [SHS, '四褐山街道'],
  [YXK, '裕溪口街道'],
  [GD, '官陡街道'],
  [WL, '湾里街道'],
  [QS, '清水街道'],
  [SX, '沈巷镇'],
  [EB, '二坝镇'],
  [TG, '汤沟镇'],
  [WJW, '区卫健委'],
  [JTJ1, '区教体局'],
  [JTJ2, '区教体局'],
  [QY, '芜湖鸠兹智能科技有限公司'],
  [ZX, '鸠江区青少年科技活动中心'],
  [TSG, '鸠江区图书馆'],
])
  selfCheck(t, u);

// duplicates across the merged tables are exactly the planted ones
{
  const seen = new Map();
  for (const [t, _u] of [[QKX, '鸠江区科协'], [SHS], [YXK], [GD], [WL], [QS], [SX], [EB, '二坝镇'], [TG], [WJW], [JTJ2], [QY], [ZX], [TSG]]) {
    for (const a of t.acts) {
      const s = readDate(a.start);
      if (s === 'invalid') continue;
      const key = a.name.replace(/[\s"'“”‘’]/g, '') + '|' + s[0];
      seen.set(key, [...(seen.get(key) ?? []), a]);
    }
  }
  for (const [key, list] of seen) {
    const planted = list.every((a) => (a.plant ?? []).some(([, c]) => c === 'duplicate-activity'));
    if (list.length > 1 !== planted) throw new Error(`duplicate ${key}: ${list.length} rows, planted ${planted}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Assemble the inbox
// ---------------------------------------------------------------------------------------------

/** Every input as the report will list it, with what was planted. */
const FILES = [];
/** Unit-level expectations: [file|null, cell|null, code, unit|null] */
const EXTRA_FINDINGS = [];
const MANIFEST = [];

function record(f) {
  FILES.push(f);
}

fs.rmSync(INBOX, { recursive: true, force: true });
fs.mkdirSync(INBOX, { recursive: true });

// 1. 官陡街道 — .eml, RFC 2047 GBK attachment name, unit line 鸠江区官陡街道科协
{
  const name = '官陡街道2023年全国科普日活动安排表.xlsx';
  const x = xlsxOf(GD);
  const eml = '官陡街道-科普日活动安排表.eml';
  writeFile(
    eml,
    makeEml({
      id: '20230912100529.GD0917',
      received: [
        rcv('m15.mail.163.com (unknown [220.181.12.15])', 'mx.163.com (Coremail)', 'GdCowAD3n5Qy_v9k', 'Tue, 12 Sep 2023 10:05:31 +0800 (CST)'),
        rcv('gdjd_kx$163.com ( [117.68.141.26] )', 'ajax-webmail-wmsvr15 (Coremail)', 'DwCowAB3Dk8p_v9k', 'Tue, 12 Sep 2023 10:05:29 +0800 (CST)'),
      ],
      date: 'Tue, 12 Sep 2023 10:05:29 +0800',
      from: 'gdjd_kx@163.com',
      fromName: '官陡街道科协',
      subject: '回复：关于报送2023年全国科普日活动安排表-官陡街道',
      body: '周老师您好：\n附件是官陡街道2023年全国科普日活动安排表，请查收。\n官陡街道科协 张敏',
      html: true,
      mailer: 'Coremail Webmail Server Version XT5.0.14',
      attachments: [{ name, bytes: x.bytes, nameStyle: 'rfc2047' }],
    }),
  );
  record({
    path: `${INBOX_ARG}/${eml}#${name}`,
    unit: '官陡街道',
    status: 'merged',
    receivedAt: '2023-09-12T10:05:31+08:00',
    receivedFrom: 'eml',
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: x.findings,
    how: '填报单位行 B3「鸠江区官陡街道科协」+ 发件人 gdjd_kx@163.com + 附件名',
    source: '.eml（Received 顶部时间），附件名 RFC 2047 =?GBK?B?…?=，正文 multipart/alternative',
    planted: '模板示例行（示例）未删；表下一空行和「填表人/审核人」签名行',
  });
}

// 2. 区卫健委 — .eml, RFC 2231 filename*=GBK''…, unit line names the alias
{
  const name = '鸠江区卫健委科普日活动安排表.xlsx';
  const x = xlsxOf(WJW);
  const eml = '卫健委-科普日活动安排表.eml';
  writeFile(
    eml,
    makeEml({
      id: '20230911152206.WJW2023',
      received: [
        rcv('m16.mail.163.com (unknown [220.181.12.16])', 'mx.163.com (Coremail)', 'GdCowAB1p7Vdv_5k', 'Mon, 11 Sep 2023 15:22:08 +0800 (CST)'),
        rcv('PC-20210315WJW ( [60.166.32.87] )', 'smtp.163.com (Coremail)', 'CsCowAC3m4Jbv_5k', 'Mon, 11 Sep 2023 15:22:06 +0800 (CST)'),
      ],
      date: 'Mon, 11 Sep 2023 15:22:01 +0800',
      from: 'jjwjw_kp@163.com',
      fromName: '郑红',
      subject: '区卫健委2023年全国科普日活动安排表',
      body: '您好！\n区卫健委科普日活动安排表已填好，详见附件。',
      attachments: [{ name, bytes: x.bytes, nameStyle: 'rfc2231' }],
    }),
  );
  record({
    path: `${INBOX_ARG}/${eml}#${name}`,
    unit: '区卫健委',
    status: 'merged',
    receivedAt: '2023-09-11T15:22:08+08:00',
    receivedFrom: 'eml',
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: x.findings,
    how: '填报单位行 A3「鸠江区卫生健康委员会」= 附件1 别名 + 发件人 jjwjw_kp@163.com',
    source: ".eml，附件名 RFC 2231 filename*=GBK''%…",
    planted: '区直部门报了一条「镇街主场活动」→ category-unit-mismatch',
  });
}

// 3, 4. 区教体局 — a first version (09-08) superseded by a corrected one (09-11)
{
  const name1 = '区教体局2023年全国科普日活动安排表（初稿）.xlsx';
  const x1 = xlsxOf(JTJ1);
  const eml1 = '区教体局-活动安排表-0908.eml';
  writeFile(
    eml1,
    makeEml({
      id: '20230908164125.JTJ0908',
      received: [
        rcv('m12.mail.163.com (unknown [220.181.12.12])', 'mx.163.com (Coremail)', 'GdCowAA3f1Bn3fpk', 'Fri, 8 Sep 2023 16:41:27 +0800 (CST)'),
        rcv('jjjtj_kp$163.com ( [112.28.202.14] )', 'ajax-webmail-wmsvr12 (Coremail)', 'DACowAAXb0hn3fpk', 'Fri, 8 Sep 2023 16:41:25 +0800 (CST)'),
      ],
      date: 'Fri, 8 Sep 2023 16:41:25 +0800',
      from: 'jjjtj_kp@163.com',
      fromName: '钱磊',
      subject: '报送：区教体局全国科普日活动安排表',
      body: '区科协：\n现报送我局科普日活动安排表（初稿），请审阅。',
      html: true,
      mailer: 'Coremail Webmail Server Version XT5.0.14',
      attachments: [{ name: name1, bytes: x1.bytes, nameStyle: 'rfc2231-continued' }],
    }),
  );
  const name2 = '区教体局2023年全国科普日活动安排表（更正）.xlsx';
  const x2 = xlsxOf(JTJ2);
  const eml2 = '区教体局-活动安排表-更正-0911.eml';
  writeFile(
    eml2,
    makeEml({
      id: '20230911090343.JTJ0911',
      received: [
        rcv('m12.mail.163.com (unknown [220.181.12.12])', 'mx.163.com (Coremail)', 'GdCowABHj2ff5_5k', 'Mon, 11 Sep 2023 09:03:45 +0800 (CST)'),
        rcv('PC-JTJ-KJK ( [112.28.202.14] )', 'smtp.163.com (Coremail)', 'CsCowADnXmXf5_5k', 'Mon, 11 Sep 2023 09:03:43 +0800 (CST)'),
      ],
      date: 'Mon, 11 Sep 2023 09:03:38 +0800',
      from: 'jjjtj_kp@163.com',
      fromName: '钱磊',
      subject: '更正：区教体局全国科普日活动安排表（以此为准）',
      body: '区科协：\n9月8日报送的活动安排表有调整，增加校园科技节一项，培训地点有变动，请以此版为准。',
      attachments: [{ name: name2, bytes: x2.bytes, nameStyle: 'gb18030' }],
    }),
  );
  const p1 = `${INBOX_ARG}/${eml1}#${name1}`;
  const p2 = `${INBOX_ARG}/${eml2}#${name2}`;
  record({
    path: p1,
    unit: '区教体局',
    status: 'superseded',
    receivedAt: '2023-09-08T16:41:27+08:00',
    receivedFrom: 'eml',
    late: false,
    rows: x1.lay.activities,
    read: x1.lay.read,
    skipped: x1.lay.skipped,
    findings: [...x1.findings, { cell: null, code: 'submission-superseded' }],
    how: '填报单位行 B3「区教育体育局」= 附件1 别名 + 发件人 jjjtj_kp@163.com',
    source: '.eml，附件名 RFC 2231 续行 filename*0*= / filename*1*=',
    planted: '第一版（2 条活动），被 09-11 更正版取代 → submission-superseded；本版无行错误',
  });
  record({
    path: p2,
    unit: '区教体局',
    status: 'merged',
    receivedAt: '2023-09-11T09:03:45+08:00',
    receivedFrom: 'eml',
    late: false,
    rows: x2.lay.activities,
    read: x2.lay.read,
    skipped: x2.lay.skipped,
    findings: x2.findings,
    how: '填报单位行 B3「区教体局」= 附件1 单位名称 + 发件人 jjjtj_kp@163.com',
    source: '.eml，附件名 =?GB18030?B?…?=',
    planted: '更正版：3 条活动（多一条校园科技节，培训地点改为鸠江区实验学校报告厅）',
  });
}

// 5. 汤沟镇 — unit only from the sender address; received 23:30 on the deadline day (on time)
{
  const name = '活动安排表.xlsx';
  const x = xlsxOf(TG, { author: 'User' });
  const eml = '回复-关于报送2023年全国科普日活动安排表.eml';
  writeFile(
    eml,
    makeEml({
      id: '20230912232951.TG1230',
      received: [
        rcv('m18.mail.163.com (unknown [220.181.12.18])', 'mx.163.com (Coremail)', 'GdCowACHcUJ_gQBl', 'Tue, 12 Sep 2023 23:30:00 +0800 (CST)'),
        rcv('tgz_kx$163.com ( [36.7.154.203] )', 'ajax-webmail-wmsvr18 (Coremail)', 'EgCowAD3tUB_gQBl', 'Tue, 12 Sep 2023 23:29:58 +0800 (CST)'),
      ],
      date: 'Tue, 12 Sep 2023 23:29:51 +0800',
      from: 'tgz_kx@163.com',
      fromName: '陈芳',
      subject: '回复：关于报送2023年全国科普日活动安排表',
      body: '您好，附件是我镇科普日活动安排表，请查收。',
      mailer: 'Coremail Webmail Server Version XT5.0.14',
      attachments: [{ name, bytes: x.bytes, nameStyle: 'rfc2047' }],
    }),
  );
  record({
    path: `${INBOX_ARG}/${eml}#${name}`,
    unit: '汤沟镇',
    status: 'merged',
    receivedAt: '2023-09-12T23:30:00+08:00',
    receivedFrom: 'eml',
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: x.findings,
    how: '只能从发件人 tgz_kx@163.com 认出（填报单位行留空，附件名、主题、正文都没有单位名）',
    source: '.eml，附件名 RFC 2047 GBK；Received 2023-09-12 23:30 +0800（截止当天，按时）',
    planted: '截止日边界：23:30 收到，按时',
  });
}

// 6. 芜湖鸠兹智能科技有限公司 — received 2023-09-13 09:47 (late)
{
  const name = '附件2：2023年全国科普日活动安排表（鸠兹智能）.xlsx';
  const x = xlsxOf(QY, { author: 'zhaopeng' });
  const eml = '鸠兹智能-科普日活动安排表.eml';
  writeFile(
    eml,
    makeEml({
      id: '20230913094709.QY0913',
      received: [
        rcv('mail.jiuzi-tech.cn (unknown [183.162.58.20])', 'mx.163.com (Coremail)', 'GdCowAC3p0JtFAFl', 'Wed, 13 Sep 2023 09:47:12 +0800 (CST)'),
        rcv('[192.168.10.37] (unknown [192.168.10.37])', 'mail.jiuzi-tech.cn (Postfix)', '4RlqQ93S8Nz', 'Wed, 13 Sep 2023 09:47:10 +0800 (CST)'),
      ],
      date: 'Wed, 13 Sep 2023 09:47:09 +0800',
      from: 'kx@jiuzi-tech.cn',
      fromName: '赵鹏',
      subject: '芜湖鸠兹智能科技有限公司全国科普日活动安排表（补报）',
      body: '区科协领导：\n因出差耽误，现补报我公司科普日活动安排表，敬请谅解。',
      attachments: [{ name, bytes: x.bytes, nameStyle: 'rfc2047-split' }],
    }),
  );
  const p = `${INBOX_ARG}/${eml}#${name}`;
  record({
    path: p,
    unit: '芜湖鸠兹智能科技有限公司',
    status: 'merged',
    receivedAt: '2023-09-13T09:47:12+08:00',
    receivedFrom: 'eml',
    late: true,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: [...x.findings, { cell: null, code: 'submission-late' }],
    how: '填报单位行 B3「芜湖鸠兹智能科技有限公司」+ 发件人 kx@jiuzi-tech.cn',
    source: '.eml，附件名 RFC 2047 GBK，拆成多个 encoded-word',
    planted: '逾期：2023-09-13 09:47 收到',
  });
}

// 7. 鸠江区青少年科技活动中心 — Date 23:58 on the 12th, topmost Received 16:10 +0000 = 00:10 on the 13th (late)
{
  const name = '青少年科技活动中心科普日活动安排.xlsx';
  const x = xlsxOf(ZX);
  const eml = '青少年科技活动中心-活动安排表.eml';
  writeFile(
    eml,
    makeEml({
      id: 'TYZPR06MB4862A1B0.APCP153',
      received: [
        rcv(
          'APC01-TYZ-obe.outbound.protection.outlook.com (unknown [40.92.107.54])',
          'mx.163.com (Coremail)',
          'GdCowAAXQE1AlwBl',
          'Tue, 12 Sep 2023 16:10:00 +0000',
        ),
        rcv(
          'TYZPR06MB4862.apcprd06.prod.outlook.com ([fe80::5c1e:2a41:9d3:71b6])',
          'TYZPR06MB4862.apcprd06.prod.outlook.com',
          '15.20.6768.029',
          'Tue, 12 Sep 2023 15:59:02 +0000',
        ),
      ],
      date: 'Tue, 12 Sep 2023 23:58:40 +0800',
      from: 'jjqsnkjzx@outlook.com',
      fromName: '林晓',
      subject: '鸠江区青少年科技活动中心科普日活动安排表',
      body: '您好，附件为我中心2023年全国科普日活动安排表。',
      mailer: 'Microsoft Outlook 16.0',
      attachments: [{ name, bytes: x.bytes, nameStyle: 'rfc2231-mixed' }],
    }),
  );
  const p = `${INBOX_ARG}/${eml}#${name}`;
  record({
    path: p,
    unit: '鸠江区青少年科技活动中心',
    status: 'merged',
    receivedAt: '2023-09-13T00:10:00+08:00',
    receivedFrom: 'eml',
    late: true,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: [...x.findings, { cell: null, code: 'submission-late' }],
    how: '填报单位行 B3「鸠江区青少年科技活动中心」+ 发件人 jjqsnkjzx@outlook.com',
    source: '.eml，Content-Type name= 用 RFC 2047、Content-Disposition filename*= 用 RFC 2231；顶部 Received 为 +0000',
    planted: '逾期：Date 是 09-12 23:58 +0800，但顶部 Received「Tue, 12 Sep 2023 16:10:00 +0000」= 09-13 00:10 上海时间',
  });
}

// 8. 附件打包下载.zip — GBK member names without the UTF-8 flag: 四褐山街道, 裕溪口街道, 湾里街道
{
  const members = [
    {
      name: '四褐山街道科普日活动安排表.xlsx',
      t: SHS,
      unit: '四褐山街道',
      at: '2023-09-10 11:26',
      iso: '2023-09-10T11:26:00+08:00',
      how: '填报单位行 C3「四褐山街道科协」+ 成员名',
      planted: '行错误：2022 年日期、联系电话为空、线上活动无网址、日期「待定」；活动之间一空行',
    },
    {
      name: '裕溪口街道2023年科普日活动安排.xlsx',
      t: YXK,
      unit: '裕溪口街道',
      at: '2023-09-11 10:48',
      iso: '2023-09-11T10:48:00+08:00',
      how: '填报单位行 A3「裕溪口街道」+ 成员名',
      planted: '镇街没有「镇街主场活动」→ town-main-event-missing',
    },
    {
      name: '湾里街道科普日活动安排表.xlsx',
      t: WL,
      unit: '湾里街道',
      at: '2023-09-12T08:57:00+08:00',
      iso: '2023-09-12T08:57:00+08:00',
      how: '填报单位行 A3「湾里街道科学技术协会（盖章）」（整行一个合并单元格）+ 成员名',
      planted: '只报 2 条，任务数 3 → quota-short',
    },
  ];
  const built = members.map((m) => ({ ...m, x: xlsxOf(m.t) }));
  const zipName = '附件打包下载.zip';
  writeFile(
    zipName,
    gbkZip(
      built.map((b) => ({ name: b.name, bytes: b.x.bytes })),
      '2023-09-13T08:30:00',
    ),
  );
  for (const b of built) {
    MANIFEST.push([b.name, b.at]);
    const p = `${INBOX_ARG}/${zipName}#${b.name}`;
    const findings = [...b.x.findings];
    if (b.unit === '裕溪口街道') findings.push({ cell: null, code: 'town-main-event-missing', unitLevel: true });
    if (b.unit === '湾里街道') findings.push({ cell: null, code: 'quota-short', unitLevel: true });
    record({
      path: p,
      unit: b.unit,
      status: 'merged',
      receivedAt: b.iso,
      receivedFrom: 'manifest',
      late: false,
      rows: b.x.lay.activities,
      read: b.x.lay.read,
      skipped: b.x.lay.skipped,
      findings,
      how: b.how,
      source: 'zip 成员（GBK 文件名，未置 UTF-8 标志），接收时间来自 --received 清单',
      planted: b.planted,
    });
  }
}

// 9. 二坝镇 — saved attachment, no unit line (only the file name), two-row header; a ~$ lock file beside it
{
  const name = '二坝镇科普日活动安排表.xlsx';
  const x = xlsxOf(EB, { author: 'Lenovo' });
  writeFile(name, x.bytes);
  MANIFEST.push([name, '2023-09-11 16:20']);
  record({
    path: `${INBOX_ARG}/${name}`,
    unit: '二坝镇',
    status: 'merged',
    receivedAt: '2023-09-11T16:20:00+08:00',
    receivedFrom: 'manifest',
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: x.findings,
    how: '只有文件名「二坝镇…」（无填报单位行）',
    source: '存盘的附件 .xlsx，接收时间来自清单',
    planted: '无填报单位行；两行表头（活动时间 跨 开始|结束）；「科普大篷车进乡村」09-19 与鸠江区科协重复 → duplicate-activity',
  });
  // an Excel owner file: 1 byte length, user name padded to 54 bytes, then the UTF-16 name, 165 bytes in all
  const lock = Buffer.alloc(165, 0x20);
  const user = 'Lenovo';
  lock[0] = user.length;
  lock.write(user, 1, 'latin1');
  lock.writeUInt16LE(user.length, 54);
  lock.write(user, 56, 'utf16le');
  writeFile('~$二坝镇科普日活动安排表.xlsx', lock);
}

// 10. 清水街道 — an old Excel .xls (BIFF8), header on row 6
{
  const name = '清水街道2023年科普日活动安排表.xls';
  const x = xlsxOf(QS, { bookType: 'biff8', notes: false, sheetName: 'Sheet1' });
  writeFile(name, x.bytes);
  MANIFEST.push([name, '2023-09-12T09:15:00+08:00']);
  record({
    path: `${INBOX_ARG}/${name}`,
    unit: '清水街道',
    status: 'merged',
    receivedAt: '2023-09-12T09:15:00+08:00',
    receivedFrom: 'manifest',
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: x.findings,
    how: '填报单位行 A4「清水街道科协」（整行一格）',
    source: '存盘的附件 .xls（BIFF8，旧版 Excel），接收时间来自清单（ISO 写法）',
    planted:
      '表头在第 6 行；同义表头（活动主题、活动类型、线上/线下、活动时间…）；单列「活动时间」含区间；多一列「经费预算(元)」→ column-unknown；表下合计行、空行、填表说明 3 行',
  });
}

// 11. 沈巷镇 — a WPS .et (really an .xls); no manifest row → received-unknown
{
  const name = '沈巷镇科普日活动安排表.et';
  const x = xlsxOf(SX, { bookType: 'biff8', author: 'WPS Office' });
  writeFile(name, x.bytes);
  record({
    path: `${INBOX_ARG}/${name}`,
    unit: '沈巷镇',
    status: 'merged',
    receivedAt: null,
    receivedFrom: null,
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: [...x.findings, { cell: null, code: 'received-unknown' }],
    how: '填报单位行 A3「沈巷镇科协」+ 文件名',
    source: '存盘的 WPS .et（实为 OLE .xls），清单里没有它',
    planted: '活动类别纵向合并（农村科普联合行动 ×2、青少年科技教育专项行动 ×2）；表下两行只有预填序号的空行；接收时间未知 → received-unknown',
  });
}

// 12. 鸠江区科协 — the association's own table, a GBK CSV
{
  const name = '鸠江区科协活动安排表.csv';
  const x = csvOf(QKX);
  writeFile(name, x.bytes);
  MANIFEST.push([name, '2023-09-12 17:40']);
  record({
    path: `${INBOX_ARG}/${name}`,
    unit: '鸠江区科协',
    status: 'merged',
    receivedAt: '2023-09-12T17:40:00+08:00',
    receivedFrom: 'manifest',
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: x.findings,
    how: '填报单位行 A3「鸠江区科协」（= 附件1 单位名称）+ 文件名',
    source: '.csv，GBK 编码、CRLF，接收时间来自清单',
    planted: '区主场活动 09-17；「科普大篷车进乡村」09-19 与二坝镇重复 → duplicate-activity；一条线上活动有网址',
  });
}

// 13. 鸠江区图书馆 — not in the roster
{
  const name = '鸠江区图书馆科普日活动.xlsx';
  const x = xlsxOf(TSG);
  writeFile(name, x.bytes);
  MANIFEST.push([name, '2023-09-12 15:02']);
  record({
    path: `${INBOX_ARG}/${name}`,
    unit: '鸠江区图书馆',
    status: 'merged',
    receivedAt: '2023-09-12T15:02:00+08:00',
    receivedFrom: 'manifest',
    late: false,
    rows: x.lay.activities,
    read: x.lay.read,
    skipped: x.lay.skipped,
    findings: [...x.findings, { cell: 'A3', code: 'unit-unknown' }],
    how: '填报单位行 A3「鸠江区图书馆」——附件1 里没有',
    source: '存盘的附件 .xlsx，接收时间来自清单',
    planted: '名单外单位 → unit-unknown（仍并入总表）；只用「各单位均可」的类别',
  });
}

// 14. A truncated xlsx: the download broke off
{
  const name = '新建 Microsoft Excel 工作表.xlsx';
  const whole = xlsxOf(GD).bytes;
  writeFile(name, whole.subarray(0, Math.floor(whole.length * 0.55)));
  MANIFEST.push([name, '2023-09-10 14:30']);
  record({
    path: `${INBOX_ARG}/${name}`,
    unit: null,
    status: 'unreadable',
    receivedAt: '2023-09-10T14:30:00+08:00',
    receivedFrom: 'manifest',
    late: false,
    rows: 0,
    read: 0,
    skipped: 0,
    findings: [{ cell: null, code: 'file-unreadable' }],
    how: '认不出（文件打不开，名字里没有单位）',
    source: '存盘的附件，截断的 .xlsx（只有前 55% 字节，没有中央目录）',
    planted: '截断 → file-unreadable',
  });
}

// 15. A PDF someone attached instead of the table
{
  const name = '活动方案.pdf';
  const pdf = [
    '%PDF-1.4',
    '%\xe2\xe3\xcf\xd3',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  writeFile(name, Buffer.from(pdf, 'latin1'));
  MANIFEST.push([name, '2023-09-10 14:31']);
  record({
    path: `${INBOX_ARG}/${name}`,
    unit: null,
    status: 'unsupported',
    receivedAt: '2023-09-10T14:31:00+08:00',
    receivedFrom: 'manifest',
    late: false,
    rows: 0,
    read: 0,
    skipped: 0,
    findings: [{ cell: null, code: 'file-unsupported' }],
    how: '不适用',
    source: '存盘的附件，PDF（%PDF-1.4）',
    planted: '不是表格 → file-unsupported',
  });
}

// 16. Noise a mailbox folder has: a macOS .DS_Store (the ~$ lock file is written with 二坝镇)
{
  const ds = Buffer.alloc(64, 0);
  Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]).copy(ds, 0);
  writeFile('.DS_Store', ds);
}

// ---------------------------------------------------------------------------------------------
// Cross-file and unit-level expectations
// ---------------------------------------------------------------------------------------------

EXTRA_FINDINGS.push([null, null, 'submission-missing', '白茆镇']);

const SUBMITTED = new Set(FILES.filter((f) => f.status !== 'unreadable' && f.status !== 'unsupported').map((f) => f.unit));
const missingUnits = ROSTER.filter((u) => !SUBMITTED.has(u.name)).map((u) => u.name);
const lateUnits = [...new Set(FILES.filter((f) => f.late).map((f) => f.unit))];

// sanity: quotas and town main events as planted
{
  const merged = FILES.filter((f) => f.status === 'merged');
  for (const u of ROSTER) {
    const fs_ = merged.filter((f) => f.unit === u.name);
    const acts = fs_.reduce((s, f) => s + f.rows, 0);
    const short = fs_.length > 0 && acts < u.quota;
    const plantedShort = fs_.some((f) => f.findings.some((x) => x.code === 'quota-short'));
    if (short !== plantedShort) throw new Error(`quota for ${u.name}: ${acts}/${u.quota}, planted ${plantedShort}`);
  }
}

const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
FILES.sort(byPath);

const findings = [];
for (const f of FILES) {
  for (const x of f.findings) findings.push([f.path, x.cell ?? null, x.code, f.unit]);
}
findings.push(...EXTRA_FINDINGS);

const totals = {
  files: FILES.length,
  rowsRead: FILES.reduce((s, f) => s + f.read, 0),
  rowsMerged: FILES.filter((f) => f.status === 'merged').reduce((s, f) => s + f.rows, 0),
  rowsSuperseded: FILES.filter((f) => f.status === 'superseded').reduce((s, f) => s + f.rows, 0),
  rowsSkipped: FILES.reduce((s, f) => s + f.skipped, 0),
};
if (totals.rowsRead !== totals.rowsMerged + totals.rowsSuperseded + totals.rowsSkipped) throw new Error('reconciliation');

const expected = {
  command: 'kepuri merge fixtures/inbox --roster fixtures/附件1-任务分解表.xlsx --received fixtures/inbox-received.csv -o <out>',
  note:
    'Derived from what scripts/make-inbox-fixtures.mjs planted. findings: [file|null, cell|null, code, unit|null]; ' +
    "unit-level findings (quota-short, town-main-event-missing) name the unit's merged file; submission-missing names no file. " +
    'files.rows counts activity rows (not skipped rows); files are listed in code-point order of path. ' +
    'Skipped silently, not listed: ~$二坝镇科普日活动安排表.xlsx, .DS_Store.',
  files: FILES.map((f) => ({
    path: f.path,
    unit: f.unit,
    status: f.status,
    receivedAt: f.receivedAt,
    receivedFrom: f.receivedFrom,
    late: f.late,
    rows: f.rows,
    rowsRead: f.read,
    rowsSkipped: f.skipped,
  })),
  unitsSubmitted: ROSTER.filter((u) => SUBMITTED.has(u.name)).map((u) => u.name),
  unknownUnits: [...SUBMITTED].filter((u) => !ROSTER.some((r) => r.name === u)),
  missingUnits,
  lateUnits,
  totals,
  findings,
};

// ---------------------------------------------------------------------------------------------
// The roster workbook (附件1)
// ---------------------------------------------------------------------------------------------
{
  const aoa = [['附件1'], ['"全国科普日"网站填报活动任务分解表'], ['序号', '单位类别', '单位名称', '网站填报任务数', '联系人', '联系电话', '邮箱', '别名']];
  const merges = ['A2:H2'];
  // 单位类别 written once per group and merged down it, as notices do
  let i = 0;
  while (i < ROSTER.length) {
    let j = i;
    while (j + 1 < ROSTER.length && ROSTER[j + 1].kind === ROSTER[i].kind) j++;
    const r0 = aoa.length;
    for (let k = i; k <= j; k++) {
      const u = ROSTER[k];
      aoa.push([k + 1, k === i ? u.kind : null, u.name, u.quota, u.contact, u.phone, u.email, u.alias]);
    }
    if (j > i) merges.push(`B${r0 + 1}:B${r0 + 1 + j - i}`);
    i = j + 1;
  }
  aoa.push(['合计', null, null, ROSTER.reduce((s, u) => s + u.quota, 0)]);
  merges.push(`A${aoa.length}:C${aoa.length}`);
  const ws = buildSheet(aoa, { merges, cols: [6, 12, 26, 14, 8, 14, 24, 22] });
  const bytes = workbookBytes([{ name: '任务分解表', ws }], 'xlsx', '鸠江区科协');
  fs.writeFileSync(path.join(FIXTURES, '附件1-任务分解表.xlsx'), bytes);
}

// ---------------------------------------------------------------------------------------------
// Manifest, expectations, description
// ---------------------------------------------------------------------------------------------

fs.writeFileSync(path.join(FIXTURES, 'inbox-received.csv'), ['文件名,接收时间', ...MANIFEST.map(([n, t]) => `${n},${t}`), ''].join('\n'));
fs.writeFileSync(path.join(FIXTURES, 'inbox-expected.json'), JSON.stringify(expected, null, 2) + '\n');
fs.writeFileSync(path.join(FIXTURES, 'inbox.md'), describe());

function describe() {
  const rel = (p) => p.slice(INBOX_ARG.length + 1);
  const esc = (t) => t.replace(/\|/g, '\\|');
  const fmtTime = (f) =>
    f.receivedAt
      ? f.receivedAt
          .replace('T', ' ')
          .replace(/:00\+08:00$/, '')
          .replace('+08:00', '')
      : '—';
  const out = [];
  out.push('# 示例收件箱 `fixtures/inbox/`');
  out.push('');
  out.push('鸠江区科协经办人 2023-09-13 上午的邮箱：各单位报回的 附件2 活动安排表，以邮件（`.eml`）、邮箱“附件打包下载”的 zip、');
  out.push('存盘附件（`.xlsx` / `.xls` / WPS `.et` / `.csv`）等各种形式出现。名单是 `fixtures/附件1-任务分解表.xlsx`，');
  out.push('不来自邮件的文件的接收时间在 `fixtures/inbox-received.csv`。');
  out.push('');
  out.push('全部由 `node scripts/make-inbox-fixtures.mjs` 生成（内容和时间固定，可重复）。预期结果的机器可读版本：');
  out.push('`fixtures/inbox-expected.json`。预期按下面的命令推出：');
  out.push('');
  out.push('```');
  out.push('kepuri merge fixtures/inbox --roster fixtures/附件1-任务分解表.xlsx --received fixtures/inbox-received.csv -o <out>');
  out.push('```');
  out.push('');
  out.push('规则：报送截止 2023-09-12 23:59:59（上海时间）；集中活动期 09-17—09-23；区主场活动 09-11—09-20。');
  out.push('除下表“埋设”一栏写明的问题外，每一行活动都是有效的，不应产生任何 finding。');
  out.push('');
  out.push('## 名单（附件1）');
  out.push('');
  out.push('| 序号 | 单位类别 | 单位名称 | 任务数 | 邮箱 | 别名 |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  ROSTER.forEach((u, i) => out.push(`| ${i + 1} | ${u.kind} | ${u.name} | ${u.quota} | ${u.email} | ${u.alias || ''} |`));
  out.push(`| 合计 | | | ${ROSTER.reduce((s, u) => s + u.quota, 0)} | | |`);
  out.push('');
  out.push(
    '工作簿形态：第 1 行「附件1」、第 2 行标题（合并 A2:H2）、第 3 行表头；「单位类别」按组纵向合并（镇街 B5:B13、区直部门 B14:B15）；最后一行「合计」。',
  );
  out.push('');
  out.push('## 收件箱里的每个输入');
  out.push('');
  out.push('| 输入（报告里的路径，省略 `fixtures/inbox/`） | 单位 | 怎么认出单位 | 接收时间 / 来源 | 状态 | 活动行 | 读/跳过 | 埋设 |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const f of FILES) {
    const time = `${fmtTime(f)}${f.receivedFrom ? `（${f.receivedFrom === 'eml' ? 'Received' : '清单'}）` : '（未知）'}${f.late ? ' **逾期**' : ''}`;
    out.push(
      `| \`${rel(f.path)}\` | ${f.unit ?? '—'} | ${esc(f.how)} | ${esc(`${time}；${f.source}`)} | ${f.status} | ${f.rows} | ${f.read}/${f.skipped} | ${esc(f.planted)} |`,
    );
  }
  out.push('| `~$二坝镇科普日活动安排表.xlsx` | — | — | — | 静默跳过（Office 锁文件） | — | — | 不出现在报告里 |');
  out.push('| `.DS_Store` | — | — | — | 静默跳过（隐藏文件） | — | — | 不出现在报告里 |');
  out.push('');
  out.push('zip 的成员名是 GBK 字节、通用标志位 bit 11 为 0：`unzip -l` 会显示乱码，要按 cp936 解码才是上面的中文名。');
  out.push('');
  out.push('`inbox-received.csv`（`--received` 清单，时间两种写法都有）：');
  out.push('');
  out.push('```');
  out.push(['文件名,接收时间', ...MANIFEST.map(([n, t]) => `${n},${t}`)].join('\n'));
  out.push('```');
  out.push('');
  out.push('`沈巷镇科普日活动安排表.et` 故意不在清单里 → `received-unknown`（info），不算逾期。');
  out.push('');
  out.push('## 预期数字');
  out.push('');
  out.push(
    `- 文件：${totals.files}（合并 ${FILES.filter((f) => f.status === 'merged').length}，被取代 ${FILES.filter((f) => f.status === 'superseded').length}，打不开 ${FILES.filter((f) => f.status === 'unreadable').length}，不支持 ${FILES.filter((f) => f.status === 'unsupported').length}）；锁文件和 .DS_Store 不计`,
  );
  out.push(`- 报送单位（名单内）：${expected.unitsSubmitted.length} / ${ROSTER.length}：${expected.unitsSubmitted.join('、')}`);
  out.push(`- 名单外单位：${expected.unknownUnits.join('、')}（unit-unknown，行仍并入总表）`);
  out.push(`- 未报送：${missingUnits.join('、')}`);
  out.push(`- 逾期：${lateUnits.join('、')}`);
  out.push('- 被取代：区教体局 09-08 初稿（由 09-11 更正版取代）');
  out.push(`- 行：读 ${totals.rowsRead} = 并入 ${totals.rowsMerged} + 被取代 ${totals.rowsSuperseded} + 跳过 ${totals.rowsSkipped}`);
  out.push('');
  out.push('跳过的行（非活动行）：');
  for (const f of FILES) if (f.skipped > 0) out.push(`- \`${rel(f.path)}\`：${f.skipped}（${skippedWhy(f)}）`);
  out.push('');
  out.push('## 预期 findings');
  out.push('');
  out.push('| 文件 | 单元格 | code | 单位 |');
  out.push('| --- | --- | --- | --- |');
  for (const [file, cell, code, unit] of findings) out.push(`| ${file ? `\`${rel(file)}\`` : '—'} | ${cell ?? '—'} | ${code} | ${unit ?? '—'} |`);
  out.push('');
  out.push('约定与假设（实现时请对照）：');
  out.push('- 单位级 finding（quota-short、town-main-event-missing）记在该单位被并入的那个文件上；submission-missing 没有文件。');
  out.push('- duplicate-activity 两行各一条，单元格是活动名称；只在并入的行之间比较（被取代的初稿与更正版同名不算重复）。');
  out.push('- 被取代的区教体局初稿本身没有行错误，所以“被取代文件的行错误要不要报”不影响本例。');
  out.push('- submission-late、received-unknown、submission-superseded 每个文件一条，不逐行报告（逾期文件的行在总表「标记」里写 逾期）。');
  out.push('- 打不开 / 不支持的文件不认单位、不计入“已报送”；清单里给了它们的时间，所以也没有 received-unknown。');
  out.push('- 鸠江区科协这一名称去掉前缀「鸠江区」和后缀「科协」后为空：匹配应先比原名（完全一致）再比折叠后的名字。');
  out.push('- `files[].rows` 是活动行数（不含跳过的行）；`rowsRead` 按 SPEC §6 从表头下一行数到最后一个有内容的行。');
  out.push('');
  return out.join('\n');
}

function skippedWhy(f) {
  const m = {
    官陡街道: '示例行 1、空行 1、签名行 1',
    四褐山街道: '活动之间的空行 1',
    清水街道: '合计 1、空行 1、填表说明 3',
    沈巷镇: '只有预填序号的空行 2',
  };
  return m[f.unit] ?? '';
}

console.log(
  `inbox: ${FILES.length} inputs, rows read ${totals.rowsRead} = merged ${totals.rowsMerged} + superseded ${totals.rowsSuperseded} + skipped ${totals.rowsSkipped}`,
);
