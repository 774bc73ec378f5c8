#!/usr/bin/env node
/**
 * Writes the project's test fixtures.
 *
 *   fixtures/validate/                one file per real-world deviation (SPEC §2) and per finding
 *                                     code (SPEC §7) for `kepuri validate`, plus
 *   fixtures/validate/expected.json   { file: [[cell, code], …] } — the exact findings of each file
 *   fixtures/validate/README.md       what each file plants and what it must report
 *
 * The expectations are derived from what this script plants (each activity row is valid unless it
 * carries a `plant`), never from running the validator. Cell addresses are A1 addresses in the
 * file as written; file-level, sheet-level and column-missing findings have cell null.
 *
 * Deterministic: fixed contents and times, no clock, no randomness, fixed zip timestamps.
 * Plain Node ESM; run with `node scripts/make-fixtures.mjs` (or `npm run fixtures`) from anywhere.
 *
 * Workbooks are written with SheetJS (the project reads .xlsx with exceljs, so a reader bug cannot
 * hide on both sides). Exception: `rich-text.xlsx` is written with exceljs, because SheetJS cannot
 * write rich-text runs.
 *
 * Add other fixture sets (e.g. makeInboxFixtures) as further exported functions called from main().
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  D,
  F,
  FD,
  L,
  N,
  FIXED_DATE,
  addr,
  buildSheet,
  csvText,
  encryptedOoxmlBytes,
  odsBytes,
  pdfBytes,
  rezip,
  unzipEntries,
  workbookBytes,
  writeOut,
  zipBytes,
} from './fixtures-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// The 附件2 template (SPEC §2)
// ---------------------------------------------------------------------------------------------

/** The template's 21 columns, in order: [key, header]. */
export const TEMPLATE = [
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
const COL_WIDTHS = [6, 30, 20, 12, 18, 10, 12, 12, 12, 24, 12, 16, 16, 40, 12, 10, 8, 14, 36, 10, 16];

/** The units that return tables here (contact data as in the fixtures' roster). */
const UNITS = {
  gd: { name: '官陡街道科协', town: '官陡街道', host: '官陡街道科协', contact: '张敏', phone: '13956021876', date: '2023年9月11日' },
  sx: { name: '沈巷镇科协', town: '沈巷镇', host: '沈巷镇科协', contact: '吴海涛', phone: '13739075126', date: '2023年9月10日' },
  shs: { name: '四褐山街道科协', town: '四褐山街道', host: '四褐山街道科协', contact: '马俊', phone: '13965531208', date: '2023年9月8日' },
  yxk: { name: '裕溪口街道科协', town: '裕溪口街道', host: '裕溪口街道科协', contact: '何静', phone: '0553-5812046', date: '2023年9月11日' },
  wl: { name: '湾里街道科学技术协会', town: '湾里街道', host: '湾里街道科协', contact: '刘洋', phone: '0553-5842316', date: '2023年9月12日' },
  qs: { name: '清水街道科协', town: '清水街道', host: '清水街道科协', contact: '黄晓梅', phone: '0553-5850316', date: '2023年9月11日' },
  eb: { name: '二坝镇科协', town: '二坝镇', host: '二坝镇科协', contact: '孙建国', phone: '13855307264', date: '2023年9月9日' },
  tg: { name: '汤沟镇科协', town: '汤沟镇', host: '汤沟镇科协', contact: '陈芳', phone: '13805537712', date: '2023年9月11日' },
  bm: { name: '白茆镇科协', town: '白茆镇', host: '白茆镇科协', contact: '杨帆', phone: '0553-5876031', date: '2023年9月12日' },
  qkx: { name: '鸠江区科协', town: '全区', host: '鸠江区科协', contact: '周丽', phone: '0553-5861019', date: '2023年9月6日' },
  wjw: { name: '鸠江区卫生健康委员会', town: '全区', host: '鸠江区卫生健康委员会', contact: '郑红', phone: '0553-5869213', date: '2023年9月11日' },
  jtj: { name: '鸠江区教育体育局', town: '全区', host: '鸠江区教育体育局', contact: '钱磊', phone: '13905536218', date: '2023年9月11日' },
  qsn: { name: '鸠江区青少年科技活动中心', town: '全区', host: '鸠江区青少年科技活动中心', contact: '林晓', phone: '0553-5883127', date: '2023年9月11日' },
  jz: { name: '芜湖鸠兹智能科技有限公司', town: null, host: '芜湖鸠兹智能科技有限公司', contact: '赵鹏', phone: '18955317603', date: '2023年9月11日' },
  rmt: { name: '鸠江区融媒体中心', town: '全区', host: '鸠江区融媒体中心', contact: '陶然', phone: '13866571092', date: '2023年9月11日' },
  tsg: { name: '鸠江区图书馆', town: '全区', host: '鸠江区图书馆', contact: '方圆', phone: '0553-5871106', date: '2023年9月11日' },
};

/** An activity of a unit: the unit's defaults (town, host, contact, phone, 线下) under `o`. */
const act = (u, o) => ({
  town: u.town,
  host: u.host,
  contact: u.contact,
  phone: u.phone,
  mode: '线下',
  published: '否',
  ...o,
});

/** Row 3 split over cells, as most units fill it in. */
const unitLineSplit = (u) => ['填报单位(盖章)：', u.name, null, null, '联系人：', u.contact, null, '联系电话：', u.phone, null, null, '填报日期：', u.date];
/** Row 3 as one cell holding everything (merged across the table by the caller). */
const unitLineText = (u) => `填报单位(盖章)：${u.name}      联系人：${u.contact}      联系电话：${u.phone}      填报日期：${u.date}`;

/** Rows 1–3 of the template; the unit line either split over cells or one merged cell. */
function templateTop(u, { merged = false } = {}) {
  return {
    top: [['附件2'], [TITLE], merged ? [unitLineText(u)] : unitLineSplit(u)],
    merges: merged ? ['A2:U2', 'A3:U3'] : ['A2:U2'],
  };
}

/**
 * Lay one activity table out as rows.
 *   top          rows above the header
 *   columns      [key, header] pairs (default TEMPLATE)
 *   headerRows   custom header rows (two-row headers); default one row of the columns' headers
 *   before       rows between the header and the first activity (the template's example row)
 *   acts         activities; `plant: [[key, code], …]` are the findings their cells must raise
 *   blankAfter   { actIndex: n } blank rows after that activity
 *   after        rows under the activities (合计, notes, signature line)
 *   mergeDown    [[key, fromAct, toAct]] a column merged down over consecutive activities
 *   headerPlants [[key, code]] findings at the header cell of that column
 *   seq          (i, r) → the 序号 cell of activity i at 0-based row r (default i + 1)
 */
function layoutTable(t) {
  const columns = t.columns ?? TEMPLATE;
  const colOf = (k) => {
    const c = columns.findIndex(([key]) => key === k);
    if (c < 0) throw new Error(`no column ${k}`);
    return c;
  };
  const aoa = t.top.map((r) => [...r]);
  const headerRows = t.headerRows ?? [columns.map(([, h]) => h)];
  const headerRow = aoa.length + headerRows.length - 1; // 0-based, the row whose cells name the columns
  aoa.push(...headerRows.map((r) => [...r]));
  for (const row of t.before ?? []) aoa.push([...row]);
  const actRows = [];
  t.acts.forEach((a, i) => {
    const r = aoa.length;
    aoa.push(columns.map(([key]) => (key === 'seq' ? (a.seq !== undefined ? a.seq : t.seq ? t.seq(i, r) : i + 1) : a[key])));
    actRows.push(r);
    for (let b = 0; b < (t.blankAfter?.[i] ?? 0); b++) aoa.push([]);
  });
  for (const row of t.after ?? []) aoa.push([...row]);
  const merges = [...(t.merges ?? [])];
  for (const [key, from, to] of t.mergeDown ?? []) {
    const c = colOf(key);
    merges.push(`${addr(actRows[from], c)}:${addr(actRows[to], c)}`);
    for (let i = from + 1; i <= to; i++) aoa[actRows[i]][c] = null;
  }
  const findings = [];
  for (const [key, code] of t.headerPlants ?? []) findings.push([addr(headerRow, colOf(key)), code]);
  t.acts.forEach((a, i) => {
    const plants = [...(a.plant ?? [])].sort((x, y) => colOf(x[0]) - colOf(y[0]));
    for (const [key, code] of plants) findings.push([addr(actRows[i], colOf(key)), code]);
  });
  return { aoa, merges, findings, actRows, headerRow, colOf };
}

/** The single-sheet workbook of a laid-out table. */
const tableSheet = (lt, name = '活动安排表', extra = {}) => ({
  name,
  ws: buildSheet(lt.aoa, { merges: lt.merges, cols: COL_WIDTHS, ...extra }),
});

/** The template's 填表说明 sheet and its hidden dropdown-list sheet (as `kepuri template` writes them). */
function templateSideSheets() {
  const notes = [
    ['项目', '填写说明'],
    ['填报单位', '在第3行填写填报单位全称(加盖公章)、联系人、联系电话和填报日期。'],
    ['活动名称', '活动的正式名称，不超过60字。一项活动填一行。'],
    ['活动类别', '从下拉列表中选择一项。区主场活动须在2023年9月11日至9月20日期间举办，由区科协承办。'],
    ['开始日期', '集中活动期为2023年9月17日至9月23日。'],
    ['开展方式', '线上或线上线下结合的活动须填写活动网址。'],
    ['预计参与人数', '填写整数。'],
  ];
  const lists = [
    ['类别选项', '方式选项', '镇街选项', '发布选项'],
    ['区主场活动', '线下', '四褐山街道', '是'],
    ['镇街主场活动', '线上', '裕溪口街道', '否'],
    ['部门系统联合行动', '线上线下结合', '官陡街道'],
    ['企业科普联合行动', null, '湾里街道'],
    ['科普阵地联合行动', null, '清水街道'],
    ['农村科普联合行动', null, '沈巷镇'],
    ['青少年科技教育专项行动', null, '二坝镇'],
    ['专家讲科普专项行动', null, '汤沟镇'],
    ['云上科普日专项行动', null, '白茆镇'],
    [null, null, '全区'],
  ];
  return [
    { name: '填表说明', ws: buildSheet(notes, { cols: [16, 80] }) },
    { name: 'lists', ws: buildSheet(lists), hidden: 2 },
  ];
}

// ---------------------------------------------------------------------------------------------
// The valid submission (官陡街道) — reused by the format variants
// ---------------------------------------------------------------------------------------------

const GD = UNITS.gd;
const VALID_ACTS = [
  act(GD, {
    name: '官陡街道全国科普日主场活动',
    category: '镇街主场活动',
    form: '展览展示',
    field: '科技创新、应急科普',
    start: D('2023-09-17'),
    end: D('2023-09-17'),
    slot: '9:00-11:30',
    location: '官陡街道新时代文明实践所广场',
    organizer: '辖区各社区',
    summary: '科普展板展示、VR安全体验、应急救护演示和科普知识有奖问答',
    audience: '辖区居民',
    count: 600,
    published: '是',
  }),
  act(GD, {
    name: '防灾减灾科普讲座进社区',
    category: '专家讲科普专项行动',
    form: '科普讲座',
    field: '防灾避险、应急科普',
    start: D('2023-09-18'),
    end: D('2023-09-18'),
    slot: '14:30-16:00',
    location: '官陡街道龙山社区会议室',
    organizer: '鸠江区应急管理局',
    summary: '应急管理专家讲解地震、火灾和汛期避险知识，现场演示灭火器使用',
    audience: '社区居民',
    count: 120,
    published: '是',
  }),
  act(GD, {
    name: '青少年机器人编程体验营',
    category: '青少年科技教育专项行动',
    form: '研学体验',
    field: '科学教育、数字素养',
    start: D('2023-09-19'),
    end: D('2023-09-22'),
    slot: '15:30-17:00',
    location: '官陡中学科创教室',
    organizer: '官陡中学',
    summary: '组织学生体验图形化编程和机器人搭建，完成一次机器人闯关挑战',
    audience: '中小学生',
    count: 80,
    contact: '李国华',
    phone: '0553-5868235',
  }),
  act(GD, {
    name: '食品安全知识直播课',
    category: '云上科普日专项行动',
    form: '直播',
    field: '食品安全、卫生健康',
    mode: '线上',
    start: D('2023-09-20'),
    end: D('2023-09-20'),
    slot: '19:00-20:00',
    organizer: '鸠江区市场监管局官陡所',
    summary: '线上讲解家庭食品储存、过期食品识别和外卖食品安全',
    audience: '社会公众',
    count: 1000,
    url: 'https://live.kepuri.cn/gdjd/2023-spaq',
    published: '是',
  }),
  act(GD, {
    name: '老年人智能手机使用培训',
    category: '专家讲科普专项行动',
    form: '技能培训',
    field: '数字素养',
    mode: '线上线下结合',
    start: D('2023-09-21'),
    end: D('2023-09-21'),
    slot: '上午',
    location: '官陡街道党群服务中心',
    summary: '帮助老年人掌握智能手机常用功能、健康码和防范网络诈骗',
    audience: '老年人',
    count: 60,
    contact: '李国华',
    phone: '0553-5868235',
    url: 'https://www.kepuri.cn/activity/2023/gdjd-znsj',
    remarks: '同步线上直播',
  }),
];

function validTemplateLayout({ date1904 = false, dateCells = false } = {}) {
  const { top, merges } = templateTop(GD);
  const lt = layoutTable({ top, merges, acts: VALID_ACTS });
  return { lt, sheets: [tableSheet(lt, '活动安排表', { date1904, dateCells }), ...templateSideSheets()] };
}

// ---------------------------------------------------------------------------------------------
// The fixtures. Each: { file, planted, build: async () => Buffer, expected: [[cell, code], …] }.
// ---------------------------------------------------------------------------------------------

/** A one-sheet template-layout fixture from a unit and its activities. */
function simpleTable(u, acts, opts = {}) {
  const { top, merges } = templateTop(u, { merged: opts.mergedUnitLine });
  return layoutTable({ top, merges, acts, ...opts });
}

function xlsxFixture(file, planted, lt, { sheetName, sheets } = {}) {
  return {
    file,
    planted,
    build: async () => workbookBytes(sheets ?? [tableSheet(lt, sheetName)]),
    expected: lt.findings,
  };
}

function fixtures() {
  const out = [];
  const U = UNITS;

  // ----- the perfect submission and its format variants ----------------------------------------
  {
    const { lt, sheets } = validTemplateLayout();
    out.push({
      file: 'valid-template.xlsx',
      planted:
        'A perfect 官陡街道 submission in the exact template layout (附件2, merged title, unit line split over A3…M3, header on row 4, 5 activities incl. a 镇街主场活动, a 线上 and a 线上线下结合 one), with the 填表说明 sheet and the very hidden `lists` sheet.',
      build: async () => workbookBytes(sheets),
      expected: [],
    });
    out.push({
      file: 'valid-template.xls',
      planted: 'The same workbook as valid-template.xlsx, saved as legacy Excel 97–2003 (BIFF8).',
      build: async () => workbookBytes(sheets, { bookType: 'biff8' }),
      expected: [],
    });
    out.push({
      file: 'valid-template.et',
      planted: 'Byte for byte valid-template.xls under the WPS .et extension (WPS saves OLE BIFF8 files as .et).',
      build: async () => workbookBytes(sheets, { bookType: 'biff8' }),
      expected: [],
    });
    out.push({
      file: 'valid-template.ods',
      planted:
        'The same workbook as valid-template.xlsx, saved as OpenDocument (.ods) with dates as office:date-value="2023-09-17" cells, as LibreOffice writes them (the lists sheet is not hidden here: SheetJS\'s ODS writer does not write sheet visibility).',
      build: async () => odsBytes(validTemplateLayout({ dateCells: true }).sheets),
      expected: [],
    });
    const csvRows = [TEMPLATE.map(([, h]) => h), ...lt.actRows.map((r) => lt.aoa[r])];
    out.push({
      file: 'valid-template-utf8bom.csv',
      planted: "The five activities as CSV UTF-8 with BOM and CRLF, header on line 1, dates as 2023/9/17 text (Excel's CSV export); no unit line.",
      build: async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(csvRows), 'utf8')]),
      expected: [],
    });
    const pad = (r) => [...r, ...Array(21 - r.length).fill(null)];
    const gbkRows = [pad(['附件2']), pad([TITLE]), ...csvRows];
    out.push({
      file: 'valid-template-gbk.csv',
      planted:
        'The five activities as CSV in GBK (Excel\'s "CSV (逗号分隔)" on Chinese Windows): 附件2 and title lines padded with commas, header on line 3; no unit line.',
      build: async () => {
        const text = csvText(gbkRows);
        const bytes = iconv.encode(text, 'gbk');
        if (iconv.decode(bytes, 'gbk') !== text) throw new Error('GBK round trip lost characters');
        return bytes;
      },
      expected: [],
    });
    out.push({
      file: 'file-unreadable-truncated.xlsx',
      planted: 'valid-template.xlsx cut off after the first half of its bytes (an interrupted download): no central directory.',
      build: async () => {
        const full = workbookBytes(sheets);
        return full.subarray(0, Math.floor(full.length / 2));
      },
      expected: [[null, 'file-unreadable']],
    });
  }
  {
    const { sheets } = validTemplateLayout({ date1904: true });
    out.push({
      file: 'date1904.xlsx',
      planted:
        'valid-template.xlsx in the 1904 date system as SheetJS writes it (`<workbookPr date1904="true"/>`, date serials 1462 lower); must read the same dates as the 1900 file. Note: exceljs 4.4.0 only recognises date1904="1", so read through exceljs alone this file gives 2019 dates — the reader must check the attribute itself (openpyxl and SheetJS accept "true").',
      build: async () => workbookBytes(sheets, { date1904: true }),
      expected: [],
    });
    out.push({
      file: 'date1904-excel.xlsx',
      planted: 'The same 1904 workbook with the flag spelled as Excel for Mac writes it (`date1904="1"`); same dates as the 1900 file.',
      build: async () => {
        const entries = await unzipEntries(workbookBytes(sheets, { date1904: true }));
        const patched = entries.map(([n, b]) => {
          if (n !== 'xl/workbook.xml') return [n, b];
          const xml = b.toString('utf8');
          if (!xml.includes('date1904="true"')) throw new Error('date1904 attribute not found');
          return [n, Buffer.from(xml.replace('date1904="true"', 'date1904="1"'), 'utf8')];
        });
        return zipBytes(patched);
      },
      expected: [],
    });
  }

  // ----- the acceptance case -----------------------------------------------------------
  {
    const u = U.sx;
    const top = [['附件2'], [TITLE], [], ['附件2'], [TITLE], [unitLineText(u)]];
    const lt = layoutTable({
      top,
      merges: ['A2:U2', 'A5:U5', 'A6:U6'],
      mergeDown: [['category', 4, 6]],
      acts: [
        act(u, {
          name: '沈巷镇全国科普日主场活动',
          category: '镇街主场活动',
          form: '科普宣传',
          field: '乡村振兴、卫生健康',
          start: '2023年9月17日',
          end: '2023年9月17日',
          slot: '8:30-11:30',
          location: '沈巷镇政府广场',
          organizer: '沈巷镇卫生院',
          summary: '科普展板、义诊咨询、垃圾分类有奖问答和农技咨询服务台',
          audience: '镇村居民',
          count: 500,
          published: '是',
        }),
        act(u, {
          name: '农技专家田间课堂',
          category: '农村科普联合行动',
          form: '技术指导',
          field: '农业科技',
          start: '2022年9月19日',
          slot: '上午',
          location: '沈巷镇蟂矶村水稻示范田',
          organizer: '鸠江区农业农村水利局',
          summary: '农技专家到田间讲解秋季水稻病虫害绿色防控技术',
          audience: '种植大户',
          count: 50,
          plant: [['start', 'date-wrong-year']],
        }),
        act(u, {
          name: '反电信网络诈骗宣传进村',
          category: '专家讲科普专项行动',
          form: '科普宣传',
          field: '数字素养',
          start: '2023年9月20日',
          location: '沈巷镇各村（社区）',
          organizer: '沈巷派出所',
          summary: '民警讲解常见电信网络诈骗手法，指导群众安装国家反诈中心APP',
          audience: '村（居）民',
          count: 300,
          contact: '汪小军',
          phone: null,
          plant: [['phone', 'required-missing']],
        }),
        act(u, {
          name: '科学育儿知识直播课',
          category: '云上科普日专项行动',
          form: '直播',
          field: '卫生健康',
          mode: '线上',
          start: '2023年9月21日',
          slot: '19:30-20:30',
          organizer: '沈巷镇卫生院',
          summary: '儿科医生线上讲解婴幼儿喂养和常见病预防',
          audience: '婴幼儿家长',
          count: 800,
          plant: [['url', 'online-url-missing']],
        }),
        act(u, {
          name: '青少年科技模型制作比赛',
          category: '青少年科技教育专项行动',
          form: '科普竞赛',
          field: '科学教育、科技创新',
          start: '2023年9月22日',
          slot: '14:00-16:30',
          location: '沈巷中心学校',
          organizer: '沈巷中心学校',
          summary: '中小学生现场制作车模、船模并开展竞速比赛',
          audience: '中小学生',
          count: 150,
        }),
        act(u, {
          name: '“小小科学家”科学实验课堂',
          category: '青少年科技教育专项行动',
          form: '互动体验',
          field: '科学教育',
          start: '2023年9月23日',
          slot: '9:00-10:30',
          location: '沈巷镇新时代文明实践所',
          summary: '带领少年儿童动手做趣味科学小实验',
          audience: '少年儿童',
          count: 40,
        }),
        act(u, {
          name: '校园天文科普观测夜',
          category: '青少年科技教育专项行动',
          form: '研学体验',
          field: '前沿科技、科学教育',
          start: '2023年9月18日',
          slot: '19:00-21:00',
          location: '沈巷初级中学操场',
          organizer: '沈巷初级中学',
          summary: '天文爱好者协会带领学生用望远镜观测月球和土星',
          audience: '中学生',
          count: 100,
        }),
      ],
    });
    out.push(
      xlsxFixture(
        'issue-acceptance.xlsx',
        "The issue's acceptance case (沈巷镇): 附件2 and the title twice (rows 1–2 and 4–5), the unit line one merged cell on row 6, header on ROW 7; G9 2022年9月19日, R10 phone empty, S11 线上 without 网址; 活动类别 merged C12:C14 over three valid rows.",
        lt,
      ),
    );
  }

  // ----- SPEC §2 deviations ---------------------------------------------------------------------
  {
    const u = U.yxk;
    const columns = [
      ['seq', '编 号'],
      ['name', '活动主题\n（必填）'],
      ['category', '活 动\n类 别'],
      ['form', '开展形式'],
      ['field', '主题领域'],
      ['mode', '线上/线下'],
      ['start', '举办时间'],
      ['end', '截止日期'],
      ['slot', '具体时间'],
      ['location', '举办地点'],
      ['town', '所在镇街'],
      ['host', '组织单位'],
      ['organizer', '协办单位'],
      ['summary', '主要内容'],
      ['audience', '参与对象'],
      ['count', '预计参与人数（人）'],
      ['contact', '负 责 人'],
      ['phone', '联系方式'],
      ['url', '直播链接'],
      ['published', '是否已发布'],
      ['remarks', '说明'],
    ];
    const { top, merges } = templateTop(u);
    const lt = layoutTable({
      top,
      merges,
      columns,
      acts: [
        act(u, {
          name: '裕溪口街道全国科普日主场活动',
          category: '“镇街主场活动”',
          form: '科普宣传',
          field: '生态文明、卫生健康',
          start: D('2023-09-17'),
          slot: '9:00-11:00',
          location: '裕溪口街道文化广场',
          summary: '科普游园、健康义诊和长江生态保护展板',
          audience: '辖区居民',
          count: 400,
          published: '是',
        }),
        act(u, {
          name: '长江十年禁渔科普宣传',
          category: '农村科普联合行动',
          form: '展览展示',
          field: '生态文明、农业科技',
          start: D('2023-09-19'),
          location: '裕溪口渡口广场',
          organizer: '鸠江区农业农村水利局',
          summary: '展板展示长江禁渔政策和水生生物保护知识',
          audience: '沿江居民',
          count: 200,
        }),
        act(u, {
          name: '心理健康科普讲座',
          category: ' 专家讲科普专项行动 ',
          form: '科普讲座',
          field: '卫生健康',
          start: D('2023-09-22'),
          slot: '14:30-16:00',
          location: '裕溪口街道党群服务中心',
          summary: '心理咨询师讲解压力调适和情绪管理',
          audience: '社区居民',
          count: 80,
          contact: '程琳',
          phone: '13866528310',
        }),
        act(u, {
          name: '防范电信诈骗云课堂',
          category: '云上科普日专项行动',
          form: '云讲堂',
          field: '数字素养',
          mode: '线上',
          start: D('2023-09-23'),
          slot: '19:30-20:30',
          summary: '线上讲解电信网络诈骗新手法和防范要点',
          audience: '社会公众',
          count: 1500,
          url: 'https://live.kepuri.cn/yxkjd/2023-fzykt',
          published: '是',
        }),
      ],
    });
    out.push(
      xlsxFixture(
        'header-synonyms.xlsx',
        'Every header is a synonym or needs folding: 编 号, 活动主题\\n（必填）, 活 动\\n类 别, 开展形式, 主题领域, 线上/线下, 举办时间, 截止日期, 具体时间, 举办地点, 所在镇街, 组织单位, 协办单位, 主要内容, 参与对象, 预计参与人数（人）(full-width brackets), 负 责 人, 联系方式, 直播链接, 是否已发布, 说明; categories written “镇街主场活动” (quotes) and with spaces.',
        lt,
      ),
    );
  }
  {
    const u = U.shs;
    const lt = layoutTable({
      top: [],
      acts: [
        act(u, {
          name: '四褐山街道全国科普日主场活动',
          category: '镇街主场活动',
          form: '互动体验',
          field: '生态文明、卫生健康',
          start: D('2023-09-17'),
          end: D('2023-09-17'),
          slot: '上午',
          location: '四褐山街道文化广场',
          summary: '科普游园、健康咨询、垃圾分类互动游戏',
          audience: '辖区居民',
          count: 400,
        }),
        act(u, {
          name: '长江大保护生态科普研学',
          category: '青少年科技教育专项行动',
          form: '研学体验',
          field: '生态文明、水利科普',
          start: D('2023-09-23'),
          end: D('2023-09-23'),
          location: '四褐山街道滨江步道',
          organizer: '四褐山小学',
          summary: '组织学生沿江开展生态观察和简易水质检测',
          audience: '中小学生',
          count: 80,
        }),
        act(u, {
          name: '应急救护技能培训',
          category: '专家讲科普专项行动',
          form: '技能培训',
          field: '应急科普、安全生产',
          start: D('2023-09-20'),
          end: D('2023-09-20'),
          slot: '14:00-17:00',
          location: '四褐山街道党群服务中心',
          organizer: '鸠江区红十字会',
          summary: '心肺复苏和AED使用实操培训',
          audience: '社区网格员',
          count: 60,
        }),
      ],
    });
    out.push(
      xlsxFixture('no-title-rows.xlsx', 'No 附件2, title or unit line: the header is on row 1, three valid 四褐山街道 activities from row 2.', lt, {
        sheetName: 'Sheet1',
      }),
    );
  }
  {
    const u = U.tg;
    const lt = simpleTable(u, [
      act(u, {
        name: '汤沟镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '展览展示',
        field: '乡村振兴、农业科技',
        start: D('2023-09-18'),
        slot: '8:30-11:00',
        location: '汤沟镇文化广场',
        summary: '农业科技成果展示、农技咨询和科普文艺表演',
        audience: '镇村居民',
        count: 600,
        published: '是',
      }),
      act(u, {
        name: '科普大篷车进乡村',
        category: '农村科普联合行动',
        form: '展览展示',
        field: '农业科技、防灾避险',
        start: D('2023-09-19'),
        location: '汤沟镇龙山村',
        organizer: '鸠江区科协',
        summary: '科普大篷车巡展，展出防灾减灾和农业科技展品',
        audience: '农村居民',
        count: 300,
      }),
      act(u, {
        name: '中小学生科学实验秀',
        category: '青少年科技教育专项行动',
        form: '科普表演',
        field: '科学教育',
        start: D('2023-09-21'),
        slot: '14:30-16:00',
        location: '汤沟中心学校',
        organizer: '汤沟中心学校',
        summary: '科学老师现场表演趣味科学实验并讲解原理',
        audience: '中小学生',
        count: 300,
      }),
    ]);
    out.push({
      file: 'second-sheet.xlsx',
      planted: 'The first sheet (Sheet1) is empty; the 汤沟镇 table is on the second sheet 活动安排表 (template layout); a third empty Sheet3.',
      build: async () => workbookBytes([{ name: 'Sheet1', ws: buildSheet([]) }, tableSheet(lt), { name: 'Sheet3', ws: buildSheet([]) }]),
      expected: lt.findings,
    });
  }
  {
    const u = U.bm;
    const junk = [
      ['2022年鸠江区全国科普日活动安排表（白茆镇）'],
      TEMPLATE.map(([, h]) => h),
      [
        1,
        '白茆镇2022年全国科普日主场活动',
        '镇街主场活动',
        '科普宣传',
        '乡村振兴',
        '线下',
        '2022年9月17日',
        '2022年9月17日',
        '上午',
        '白茆镇文化广场',
        '白茆镇',
        '白茆镇科协',
        null,
        '2022年主场活动',
        '镇村居民',
        '若干',
        '杨帆',
        '0553-5876031',
      ],
      [2, '2022年农技培训', '农村', '培训', '农业', '现场', '2022年9月20日', null, null, null, '白茆', null, null, null, null, null, null, null],
    ];
    const lt = simpleTable(u, [
      act(u, {
        name: '白茆镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '乡村振兴、生态文明',
        start: D('2023-09-17'),
        slot: '8:30-11:30',
        location: '白茆镇文化广场',
        summary: '科普展览、农技咨询、健康义诊',
        audience: '镇村居民',
        count: 450,
        published: '是',
      }),
      act(u, {
        name: '江豚保护科普进校园',
        category: '青少年科技教育专项行动',
        form: '科普讲座',
        field: '生态文明',
        start: D('2023-09-20'),
        slot: '14:00-15:30',
        location: '白茆中心学校',
        organizer: '白茆中心学校',
        summary: '讲解长江江豚生活习性和保护知识',
        audience: '小学生',
        count: 200,
      }),
      act(u, {
        name: '水稻机械化收割技术指导',
        category: '农村科普联合行动',
        form: '技术指导',
        field: '农业科技',
        start: D('2023-09-22'),
        location: '白茆镇永定村',
        organizer: '鸠江区农业农村水利局',
        summary: '农机专家现场指导收割机操作和秸秆还田',
        audience: '种植户',
        count: 60,
      }),
    ]);
    out.push({
      file: 'hidden-first-sheet.xlsx',
      planted:
        "The first sheet (旧表, hidden) holds last year's junk table full of errors (2022 dates, 若干, bad categories); the visible second sheet 活动安排表 holds the valid 白茆镇 table — the hidden sheet must be ignored.",
      build: async () => workbookBytes([{ name: '旧表', ws: buildSheet(junk), hidden: 1 }, tableSheet(lt)]),
      expected: lt.findings,
    });
  }
  {
    const u = U.eb;
    const h1 = TEMPLATE.map(([k, h]) => (k === 'start' ? '活动时间' : k === 'end' ? null : h));
    const h2 = TEMPLATE.map(([k]) => (k === 'start' ? '开始' : k === 'end' ? '结束' : null));
    const { top, merges } = templateTop(u);
    const headerMerges = TEMPLATE.map(([k], c) => (k === 'start' ? 'G4:H4' : k === 'end' ? null : `${addr(3, c)}:${addr(4, c)}`)).filter(Boolean);
    const lt = layoutTable({
      top,
      merges: [...merges, ...headerMerges],
      headerRows: [h1, h2],
      acts: [
        act(u, {
          name: '二坝镇全国科普日主场活动',
          category: '镇街主场活动',
          form: '展览展示',
          field: '科技创新、乡村振兴',
          start: D('2023-09-17'),
          end: D('2023-09-17'),
          slot: '9:00-11:30',
          location: '二坝镇文化广场',
          summary: '科普展板、无人机植保演示、科普知识有奖竞答',
          audience: '镇村居民',
          count: 500,
          published: '是',
        }),
        act(u, {
          name: '农民手机应用技能培训',
          category: '农村科普联合行动',
          form: '技能培训',
          field: '数字素养、农业科技',
          start: D('2023-09-18'),
          end: D('2023-09-19'),
          slot: '14:00-16:00',
          location: '二坝镇党群服务中心',
          summary: '培训农民使用手机查询农技信息和网上销售农产品',
          audience: '农民',
          count: 80,
        }),
        act(u, {
          name: '防溺水安全科普进校园',
          category: '青少年科技教育专项行动',
          form: '科普讲座',
          field: '应急科普、防灾避险',
          start: D('2023-09-21'),
          end: D('2023-09-21'),
          slot: '上午',
          location: '二坝中心学校',
          organizer: '二坝中心学校',
          summary: '讲解防溺水常识和自救互救方法',
          audience: '中小学生',
          count: 400,
        }),
      ],
    });
    out.push(
      xlsxFixture(
        'two-row-header.xlsx',
        'Two-row header on rows 4–5 (二坝镇): 活动时间 merged G4:H4 over 开始 (G5) | 结束 (H5); every other header cell merged vertically over rows 4–5; activities from row 6.',
        lt,
      ),
    );
  }
  {
    const u = U.jtj;
    const lt = simpleTable(
      u,
      [
        act(u, {
          name: '青少年科技创新大赛作品展',
          category: '青少年科技教育专项行动',
          form: '展览展示',
          field: '科技创新、科学教育',
          start: D('2023-09-17'),
          end: D('2023-09-23'),
          location: '鸠江区青少年科技活动中心展厅',
          summary: '展出全区中小学生科技创新获奖作品',
          audience: '中小学生、家长',
          count: 2000,
        }),
        act(u, {
          name: '中小学校园科技节',
          category: '青少年科技教育专项行动',
          form: '互动体验',
          field: '科学教育',
          start: D('2023-09-19'),
          end: D('2023-09-21'),
          location: '鸠江区实验学校',
          organizer: '鸠江区实验学校',
          summary: '科技小制作、科学实验和科普知识竞赛',
          audience: '中小学生',
          count: 1200,
        }),
        act(u, {
          name: '科学教师科学素养专题报告',
          category: '专家讲科普专项行动',
          form: '科普报告',
          field: '科学教育、科学家精神',
          start: D('2023-09-18'),
          slot: '14:30-16:30',
          location: '鸠江区教师发展中心报告厅',
          summary: '专家讲解新课标下的科学教育和探究式教学',
          audience: '中小学科学教师',
          count: 150,
        }),
        act(u, {
          name: '防震减灾科普讲座',
          category: '专家讲科普专项行动',
          form: '科普讲座',
          field: '防灾避险',
          start: D('2023-09-20'),
          slot: '上午',
          location: '鸠江区第二中学',
          organizer: '鸠江区第二中学',
          summary: '地震部门专家讲解地震成因和避险要领',
          audience: '中学生',
          count: 600,
        }),
        act(u, {
          name: '心理健康护航成长讲座',
          category: '专家讲科普专项行动',
          form: '科普讲座',
          field: '卫生健康',
          start: D('2023-09-22'),
          slot: '15:00-16:30',
          location: '鸠江区官陡中学',
          organizer: '鸠江区官陡中学',
          summary: '心理健康教师讲解青春期心理调适',
          audience: '中学生',
          count: 500,
        }),
      ],
      {
        mergeDown: [
          ['category', 0, 1],
          ['category', 2, 4],
          ['host', 0, 4],
          ['contact', 0, 4],
          ['phone', 0, 4],
          ['town', 0, 4],
        ],
      },
    );
    out.push(
      xlsxFixture(
        'merged-cells.xlsx',
        'Vertically merged cells (区教体局): 活动类别 C5:C6 and C7:C9, 所属镇街 K5:K9, 主办单位 L5:L9, 联系人 Q5:Q9, 联系电话 R5:R9 — each value holds for every row of its merge.',
        lt,
      ),
    );
  }
  {
    const u = U.qs;
    const example = [
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
    ];
    const acts = [
      act(u, {
        name: '清水街道全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '卫生健康、生态文明',
        start: D('2023-09-17'),
        slot: '9:00-11:30',
        location: '清水街道新时代文明实践中心',
        summary: '科普展览、健康义诊、垃圾分类知识竞答',
        audience: '辖区居民',
        count: 350,
        published: '是',
      }),
      act(u, {
        name: '家庭急救知识科普大讲堂',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康、应急科普',
        start: D('2023-09-19'),
        slot: '14:30-16:00',
        location: '清水街道社区卫生服务中心',
        summary: '社区医生讲解海姆立克急救法和常见急症处置',
        audience: '社区居民',
        count: 100,
      }),
      act(u, {
        name: '垃圾分类科普宣传周',
        category: '农村科普联合行动',
        form: '科普宣传',
        field: '生态文明',
        start: D('2023-09-17'),
        end: D('2023-09-23'),
        location: '清水街道各社区、村',
        summary: '入户宣传垃圾分类知识，开展分类投放互动游戏',
        audience: '社区居民',
        count: 1000,
        contact: '汪洋',
        phone: '13966602715',
      }),
      act(u, {
        name: '青少年科技模型制作比赛',
        category: '青少年科技教育专项行动',
        form: '科普竞赛',
        field: '科学教育、科技创新',
        start: D('2023-09-22'),
        location: '清水中心学校',
        organizer: '清水中心学校',
        summary: '中小学生现场制作车模、船模并竞速比赛',
        audience: '中小学生',
        count: 200,
        contact: '汪洋',
        phone: '13966602715',
      }),
    ];
    const totalRow = ['合计', '共4项', null, null, null, null, null, null, null, null, null, null, null, null, null, 1650];
    const { top, merges } = templateTop(u);
    const lt = layoutTable({
      top,
      merges,
      before: [example],
      acts,
      blankAfter: { 1: 2 },
      seq: (i) => i + 1,
      after: [
        totalRow,
        [],
        ['填表说明：'],
        ['1. 活动类别请从下拉列表中选择，不要自行新增类别；'],
        ['2. 线上或线上线下结合的活动须填写活动网址；'],
        ['3. 请于9月12日前将电子版和盖章扫描件报送区科协邮箱。'],
        ['备注：活动时间如有调整，请及时报告区科协。'],
        [],
        ['填表人：朱婷', null, null, null, null, '审核人：汪建', null, null, null, null, null, '单位负责人：黄晓梅'],
      ],
    });
    out.push(
      xlsxFixture(
        'non-activity-rows.xlsx',
        'Rows that are not activities, all to be skipped silently (清水街道): the template example row 5 (序号 示例, 活动名称 例：…, town ××街道), two blank rows 8–9 between activities, a 合计 row, a 填表说明： block and a 备注： line under the table, and the 填表人/审核人 signature line.',
        lt,
      ),
    );
  }
  {
    const u = U.tg;
    const DZ = 'yyyy"年"m"月"d"日"';
    const acts = [
      act(u, {
        name: '汤沟镇科普文艺汇演暨主场活动',
        category: '镇街主场活动',
        form: '科普表演',
        field: '乡村振兴、卫生健康',
        start: 45186,
        end: 45186,
        slot: '19:00-21:00',
        location: '汤沟镇文化广场',
        summary: '以小品、快板等形式宣传科学生活方式',
        audience: '镇村居民',
        count: '800',
        phone: N(13805537712),
      }),
      act(u, {
        name: '秋播农技讲座',
        category: '农村科普联合行动',
        form: '科普讲座',
        field: '农业科技',
        start: '9月18日',
        slot: '上午',
        location: '汤沟镇农技服务中心',
        organizer: '鸠江区农业农村水利局',
        summary: '讲解油菜、小麦秋播技术和病虫害防治',
        audience: '种植户',
        count: '约120人',
        // issue 13: a rounded figure is read as written with count-approximate (info)
        plant: [['count', 'count-approximate']],
      }),
      act(u, {
        name: '食品安全快检体验',
        category: '专家讲科普专项行动',
        form: '互动体验',
        field: '食品安全',
        start: '2023.9.18',
        location: '汤沟镇农贸市场',
        organizer: '鸠江区市场监管局汤沟所',
        summary: '现场演示蔬菜农药残留快速检测',
        audience: '镇村居民',
        count: 150,
        contact: '何志强',
        phone: N(5535876031),
      }),
      act(u, {
        name: '汤沟镇科普直播间',
        category: '云上科普日专项行动',
        form: '直播',
        field: '农业科技、乡村振兴',
        mode: '线上',
        start: '9.18',
        slot: '20:00-21:00',
        summary: '农技专家直播讲解特色种植并在线答疑',
        audience: '社会公众',
        count: '2000',
        url: L('https://live.kepuri.cn/tgz/2023-kpzbj'),
        published: '是',
      }),
      act(u, {
        name: '青少年科学调查体验',
        category: '青少年科技教育专项行动',
        form: '研学体验',
        field: '科学教育、生态文明',
        mode: '线上线下结合',
        start: D('2023-09-19', DZ),
        end: FD('G9', '2023-09-19', DZ),
        slot: '14:00-16:30',
        location: '汤沟中心学校',
        organizer: '汤沟中心学校',
        summary: '学生开展家乡水环境科学调查并在线提交调查报告',
        audience: '中小学生',
        count: '200',
        url: L('https://www.kepuri.cn/activity/2023/tgz-kxdc'),
      }),
    ];
    const { top, merges } = templateTop(u);
    const lt = layoutTable({ top, merges, acts, seq: (_i, r) => F('ROW()-4', r + 1 - 4) });
    if (lt.actRows[4] !== 8) throw new Error('cell-kinds: the =G9 formula expects the fifth activity on row 9');
    out.push(
      xlsxFixture(
        'cell-kinds.xlsx',
        "Every cell kind (汤沟镇): 序号 =ROW()-4 formulas with cached values; dates as a General number 45186 (G5/H5), text 9月18日, 2023.9.18, 9.18, and a real date cell with a Chinese format whose 结束日期 is the formula =G9 (cached date); counts stored as text ('800', '2000', '200', 约120人); phones as number cells (13805537712 and 5535876031, the landline that lost its 0); 活动网址 as hyperlink cells.",
        lt,
      ),
    );
  }
  {
    const u = U.yxk;
    const columns = [...TEMPLATE.slice(0, 20), ['budget', '经费预算(元)'], TEMPLATE[20]];
    const { top } = templateTop(u);
    const lt = layoutTable({
      top,
      merges: ['A2:V2'],
      columns,
      headerPlants: [['budget', 'column-unknown']],
      acts: [
        act(u, {
          name: '“小小科学家”科学实验课堂',
          category: '青少年科技教育专项行动',
          form: '互动体验',
          field: '科学教育',
          start: D('2023-09-18'),
          slot: '15:30-17:00',
          location: '裕溪口街道社区学校',
          summary: '带领少年儿童动手做趣味科学小实验',
          audience: '少年儿童',
          count: 40,
          budget: 800,
        }),
        act(u, {
          name: '裕溪口街道全国科普日主场活动',
          category: '镇街主场活动',
          form: '展览展示',
          field: '生态文明、科技创新',
          start: D('2023-09-17'),
          slot: '9:00-11:00',
          location: '裕溪口街道文化广场',
          summary: '科普展板、科技产品体验和科普知识问答',
          audience: '辖区居民',
          count: 300,
          budget: 5000,
          published: '是',
        }),
        act(u, {
          name: '健康生活方式科普讲座',
          category: '专家讲科普专项行动',
          form: '科普讲座',
          field: '卫生健康',
          start: D('2023-09-21'),
          slot: '14:30-16:00',
          location: '裕溪口街道社区卫生服务中心',
          summary: '讲解合理膳食、适量运动和慢病预防',
          audience: '社区居民',
          count: 100,
          budget: 300,
          remarks: '经费由街道承担',
        }),
      ],
    });
    out.push(
      xlsxFixture(
        'extra-column.xlsx',
        'An extra column 经费预算(元) inserted at U4 between 已在科普日网站发布 and 备注 (裕溪口街道): column-unknown at its header cell; 备注 moves to V and still maps.',
        lt,
      ),
    );
  }
  {
    const u = U.eb;
    const columns = [...TEMPLATE, ['unit', '填报单位']];
    const lt = layoutTable({
      top: [['附件2'], [TITLE]],
      merges: ['A2:V2'],
      columns,
      acts: [
        act(u, {
          name: '科普大篷车进乡村',
          category: '农村科普联合行动',
          form: '展览展示',
          field: '农业科技、乡村振兴',
          start: D('2023-09-19'),
          slot: '上午',
          location: '二坝镇文化广场',
          organizer: '鸠江区科协',
          summary: '科普大篷车巡展，展出农业科技和防灾减灾展品，开展互动体验',
          audience: '农村居民、中小学生',
          count: 400,
          unit: '二坝镇科协',
        }),
        act(u, {
          name: '二坝镇全国科普日主场活动',
          category: '镇街主场活动',
          form: '科普宣传',
          field: '乡村振兴、卫生健康',
          start: D('2023-09-17'),
          slot: '8:30-11:00',
          location: '二坝镇政府广场',
          summary: '科普展板、健康义诊、农技咨询',
          audience: '镇村居民',
          count: 500,
          unit: '二坝镇科协',
          published: '是',
        }),
        act(u, {
          name: '江鲜养殖技术培训',
          category: '农村科普联合行动',
          form: '技能培训',
          field: '农业科技',
          start: D('2023-09-21'),
          slot: '9:00-11:30',
          location: '二坝镇农民田间学校',
          summary: '水产专家讲解河蟹和小龙虾生态养殖技术',
          audience: '养殖户',
          count: 70,
          unit: '二坝镇科协',
        }),
      ],
    });
    out.push(
      xlsxFixture(
        'unit-column.xlsx',
        "No unit line: rows 1–2 附件2 and title, header on row 3; the unit's name only in an added last column 填报单位 (V), 二坝镇科协 on every row — the documented unit column, so no column-unknown.",
        lt,
      ),
    );
  }
  {
    const u = U.qkx;
    const acts = [
      [
        '2023-09-18',
        '2023年鸠江区全国科普日主场活动',
        '区主场活动',
        '展览展示',
        '科技创新、科学教育',
        { slot: '9:00-11:30', location: '鸠江区市民广场', count: 1500 },
      ],
      ['2023/9/18', '院士专家科普报告会', '专家讲科普专项行动', '科普报告', '前沿科技、科学家精神', { location: '鸠江区行政中心报告厅', count: 300 }],
      ['2023.9.18', '科技工作者座谈会', '专家讲科普专项行动', '科普报告', '科技创新', { location: '鸠江区科协会议室', count: 40 }],
      ['2023年9月18日', '科普志愿者服务队授旗仪式', '专家讲科普专项行动', '科普宣传', '其他', { location: '鸠江区市民广场', count: 100 }],
      ['9月18日', '科普讲解员大赛', '专家讲科普专项行动', '科普竞赛', '科普创作', { location: '鸠江区文化馆', count: 200 }],
      ['9.18', '科普图书漂流活动', '青少年科技教育专项行动', '科普宣传', '科普创作', { location: '鸠江区图书馆', count: 150 }],
      ['9-18', '数字素养提升公益课', '专家讲科普专项行动', '技能培训', '数字素养', { location: '鸠江区老年大学', count: 80 }],
      ['9/18', '知识产权保护宣传', '专家讲科普专项行动', '现场咨询', '知识产权', { location: '鸠江区政务服务中心', count: 120 }],
      ['９月１８日', '核科普知识展', '专家讲科普专项行动', '展览展示', '核科普', { location: '鸠江区科技馆', count: 500 }],
      [D('2023-09-18'), '国防教育科普展', '青少年科技教育专项行动', '展览展示', '国防知识', { location: '鸠江区科技馆', count: 600 }],
      [45187, '节水护水科普行', '农村科普联合行动', '科普宣传', '水利科普', { location: '鸠江区各镇街', count: 300 }],
      ['2023年9月18日上午', '科学家精神宣讲会', '专家讲科普专项行动', '科普报告', '科学家精神', { location: '鸠江区行政中心报告厅', count: 200 }],
      ['9月18日 8:30-11:30', '安全生产科普宣传', '专家讲科普专项行动', '现场咨询', '安全生产', { location: '鸠江经济开发区企业服务中心', count: 150 }],
      ['9月17日-23日', '科普大篷车巡展', '农村科普联合行动', '展览展示', '农业科技、防灾避险', { location: '鸠江区各镇街', count: 3000 }],
      ['9月17日至9月23日', '科普示范社区开放周', '专家讲科普专项行动', '开放参观', '生态文明', { location: '鸠江区各科普示范社区', count: 2000 }],
      ['9.17-9.23', '前沿科技VR体验周', '青少年科技教育专项行动', 'VR体验', '前沿科技', { location: '鸠江区科技馆', count: 1500 }],
      [
        '2023.9.17—2023.9.23',
        '科普微视频展播',
        '云上科普日专项行动',
        '展映展播',
        '科普创作',
        { mode: '线上', url: 'https://www.kepuri.cn/activity/2023/jjq-wsp', count: 10000 },
      ],
      [
        '9月17-23日',
        '科普知识网络竞答',
        '云上科普日专项行动',
        '科普竞赛',
        '科学教育',
        { mode: '线上', url: 'https://www.kepuri.cn/activity/2023/jjq-jd', count: 5000 },
      ],
    ].map(([start, name, category, form, field, o]) =>
      act(u, {
        name,
        category,
        form,
        field,
        start,
        summary: `${name}，面向社会公众普及科学知识`,
        audience: '社会公众',
        ...o,
      }),
    );
    const lt = simpleTable(u, acts);
    out.push(
      xlsxFixture(
        'date-formats.xlsx',
        'Every date form of SPEC §3 in 开始日期, 结束日期 empty (鸠江区科协, 18 rows — more than usual, one row per form): 2023-09-18, 2023/9/18, 2023.9.18, 2023年9月18日, 9月18日, 9.18, 9-18, 9/18, ９月１８日, a date cell, the serial 45187, 2023年9月18日上午, 9月18日 8:30-11:30, and the ranges 9月17日-23日, 9月17日至9月23日, 9.17-9.23, 2023.9.17—2023.9.23, 9月17-23日; the 区主场活动 on 09-18 is inside both windows.',
        lt,
      ),
    );
  }
  {
    const u = U.wl;
    const rows = [
      ['200', '0553-5842316', '湾里街道全国科普日主场活动', '镇街主场活动', '展览展示', '科技创新、数字素养', '2023-09-17', '湾里街道文体中心'],
      ['200人', '0553 5842316', '青少年航模科普体验', '青少年科技教育专项行动', '互动体验', '科学教育、国防知识', '2023-09-23', '湾里中心学校操场'],
      ['约200人', '5842316', '社区健康义诊', '专家讲科普专项行动', '现场咨询', '卫生健康', '2023-09-18', '湾里街道社区卫生服务中心'],
      ['200余人', '(0553)5842316', '燃气安全科普宣传', '专家讲科普专项行动', '科普宣传', '安全生产、应急科普', '2023-09-19', '湾里街道各小区'],
      ['200人次', N(5535842316), '科普e站开放日', '专家讲科普专项行动', '开放参观', '数字素养', '2023-09-20', '湾里街道科普e站'],
      ['２００', '13956027415、0553-5842316', '垃圾分类小课堂', '青少年科技教育专项行动', '科普讲座', '生态文明', '2023-09-21', '湾里小学'],
      ['1,200', '13956027415/13905536218', '科普游园会', '专家讲科普专项行动', '互动体验', '科学教育、卫生健康', '2023-09-22', '湾里街道文化广场'],
    ];
    const lt = simpleTable(
      u,
      rows.map(([count, phone, name, category, form, field, iso, location]) =>
        act(u, {
          name,
          category,
          form,
          field,
          start: D(iso),
          location,
          summary: `${name}，普及科学知识`,
          audience: '辖区居民',
          count,
          phone,
          // issue 13: 约200人 and 200余人 are read as 200 with count-approximate (info)
          ...(/约|余/.test(count) ? { plant: [['count', 'count-approximate']] } : {}),
        }),
      ),
    );
    out.push(
      xlsxFixture(
        'value-formats.xlsx',
        'Every accepted count and phone form of SPEC §3, one pair a row (湾里街道): counts 200, 200人, 约200人, 200余人, 200人次, ２００, 1,200 (all text); phones 0553-5842316, 0553 5842316, 5842316, (0553)5842316, the number 5535842316, 13956027415、0553-5842316, 13956027415/13905536218.',
        lt,
      ),
    );
  }
  out.push(richTextFixture());

  // ----- one file per row-level finding code ------------------------------------------------------
  {
    const u = U.wjw;
    const lt = simpleTable(u, [
      act(u, {
        name: '家庭医生签约服务进社区',
        category: '部门系统联合行动',
        form: '现场咨询',
        field: '卫生健康',
        start: D('2023-09-17'),
        location: '官陡街道龙山社区',
        summary: '家庭医生团队现场签约、测血压血糖和健康咨询',
        audience: '社区居民',
        count: 200,
        host: null,
        plant: [['host', 'required-missing']],
      }),
      act(u, {
        name: '“三减三健”健康生活方式宣传',
        category: '部门系统联合行动',
        form: '科普宣传',
        field: '卫生健康',
        start: D('2023-09-18'),
        location: '鸠江区人民医院门诊大厅',
        audience: '就诊群众',
        count: 300,
        summary: null,
        plant: [['summary', 'required-missing']],
      }),
      act(u, {
        name: '中医药文化科普展',
        category: '部门系统联合行动',
        form: '展览展示',
        field: '卫生健康',
        start: D('2023-09-19'),
        location: '鸠江区中医院',
        summary: '展出中草药标本，讲解中医养生保健知识',
        audience: '社会公众',
        count: null,
        plant: [['count', 'required-missing']],
      }),
      act(u, {
        name: '心肺复苏急救技能普及',
        category: '专家讲科普专项行动',
        form: '技能培训',
        field: '应急科普、卫生健康',
        start: D('2023-09-20'),
        location: null,
        summary: '急救医生讲解并指导练习心肺复苏和AED使用',
        audience: '机关干部',
        count: 80,
        plant: [['location', 'required-missing']],
      }),
      act(u, {
        name: '合理用药科普讲座',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康',
        start: D('2023-09-21'),
        location: '鸠江区第三人民医院会议室',
        summary: '药师讲解抗生素合理使用和家庭药箱管理',
        audience: '社区居民',
        count: 100,
        contact: null,
        plant: [['contact', 'required-missing']],
      }),
      act(u, {
        name: '职业健康科普进企业',
        category: null,
        form: '科普讲座',
        field: '卫生健康、安全生产',
        start: D('2023-09-22'),
        location: '鸠江经济开发区企业服务中心',
        summary: '讲解职业病防治法和粉尘、噪声防护',
        audience: '企业职工',
        count: 150,
        plant: [['category', 'required-missing']],
      }),
      act(u, {
        name: '妇幼保健知识讲座',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康',
        start: null,
        location: '鸠江区妇幼保健所',
        summary: '讲解孕期保健和婴幼儿喂养',
        audience: '孕产妇及家属',
        count: 60,
        plant: [['start', 'required-missing']],
      }),
      act(u, {
        name: '健康科普云讲堂',
        category: '云上科普日专项行动',
        form: '云讲堂',
        field: '卫生健康',
        mode: '线上',
        start: D('2023-09-23'),
        slot: '19:30-20:30',
        summary: '线上讲解秋冬季呼吸道传染病防控',
        audience: '社会公众',
        count: 3000,
        url: 'https://live.kepuri.cn/jjwjw/2023-ykt',
      }),
    ]);
    out.push(
      xlsxFixture(
        'required-missing.xlsx',
        'One empty required cell per row (区卫健委): 主办单位 L5, 活动简介 N6, 预计参与人数 P7, 活动地点 J8 of a 线下 activity, 联系人 Q9, 活动类别 C10, 开始日期 G11 (结束日期 also empty); row 12 is 线上 with no 活动地点, which is allowed.',
        lt,
      ),
    );
  }
  {
    const u = U.shs;
    const lt = simpleTable(u, [
      act(u, {
        name: '四褐山街道全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '生态文明、卫生健康',
        start: D('2023-09-17'),
        location: '四褐山街道文化广场',
        summary: '科普游园、健康咨询、垃圾分类互动游戏',
        audience: '辖区居民',
        count: 400,
      }),
      act(u, {
        name: '应急救护技能培训',
        category: '专家讲科普专项行动',
        form: '技能培训',
        field: '应急科普、安全生产',
        start: '待定',
        location: '四褐山街道党群服务中心',
        organizer: '鸠江区红十字会',
        summary: '心肺复苏和AED使用实操培训',
        audience: '社区网格员',
        count: 60,
        plant: [['start', 'date-invalid']],
      }),
      act(u, {
        name: '反诈宣传进社区',
        category: '专家讲科普专项行动',
        form: '科普宣传',
        field: '数字素养',
        start: '9月31日',
        location: '四褐山街道各社区',
        organizer: '四褐山派出所',
        summary: '民警讲解常见电信网络诈骗手法',
        audience: '社区居民',
        count: 300,
        plant: [['start', 'date-invalid']],
      }),
      act(u, {
        name: '社区科普画廊更新展',
        category: '专家讲科普专项行动',
        form: '展览展示',
        field: '其他',
        start: '9月21日',
        end: '9月31日',
        location: '四褐山街道各社区科普画廊',
        summary: '更新社区科普画廊展板内容',
        audience: '社区居民',
        count: 500,
        plant: [['end', 'date-invalid']],
      }),
    ]);
    out.push(
      xlsxFixture(
        'date-invalid.xlsx',
        'Unreadable dates (四褐山街道): 开始日期 待定 (G6) and 9月31日 (G7), and 结束日期 9月31日 after a valid start 9月21日 (H8) — one date-invalid each, no window or range finding.',
        lt,
      ),
    );
  }
  {
    const u = U.yxk;
    const lt = simpleTable(u, [
      act(u, {
        name: '裕溪口街道全国科普日主场活动',
        category: '镇街主场活动',
        form: '展览展示',
        field: '生态文明',
        start: D('2023-09-17'),
        location: '裕溪口街道文化广场',
        summary: '科普展板、科技产品体验和科普知识问答',
        audience: '辖区居民',
        count: 300,
      }),
      act(u, {
        name: '长江十年禁渔科普宣传',
        category: '农村科普联合行动',
        form: '科普宣传',
        field: '生态文明',
        start: 9.2,
        location: '裕溪口渡口广场',
        summary: '展板展示长江禁渔政策和水生生物保护知识',
        audience: '沿江居民',
        count: 200,
        plant: [['start', 'date-ambiguous']],
      }),
      act(u, {
        name: '心理健康科普讲座',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康',
        start: D('2023-09-22'),
        location: '裕溪口街道党群服务中心',
        summary: '心理咨询师讲解压力调适和情绪管理',
        audience: '社区居民',
        count: 80,
      }),
    ]);
    out.push(xlsxFixture('date-ambiguous.xlsx', '开始日期 G6 is the NUMBER cell 9.2 (someone typed 9.20; 裕溪口街道) → date-ambiguous only.', lt));
  }
  {
    const u = U.wl;
    const lt = simpleTable(u, [
      act(u, {
        name: '湾里街道全国科普日主场活动',
        category: '镇街主场活动',
        form: '展览展示',
        field: '科技创新、数字素养',
        start: D('2023-09-17'),
        location: '湾里街道文体中心',
        summary: '机器人表演、无人机科普展示和科普知识有奖问答',
        audience: '辖区居民',
        count: 500,
      }),
      act(u, {
        name: '社区科普讲座系列',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康、应急科普',
        start: '9月中旬',
        location: '湾里街道各社区',
        summary: '各社区轮流开展健康和应急科普讲座',
        audience: '社区居民',
        count: 300,
        plant: [['start', 'date-approximate']],
      }),
      act(u, {
        name: '青少年航模科普体验',
        category: '青少年科技教育专项行动',
        form: '互动体验',
        field: '科学教育、国防知识',
        start: '9月下旬',
        location: '湾里中心学校操场',
        summary: '航模社团老师指导学生组装和试飞航模',
        audience: '中小学生',
        count: 120,
        plant: [['start', 'date-approximate']],
      }),
      act(u, {
        name: '科普e站开放',
        category: '专家讲科普专项行动',
        form: '开放参观',
        field: '数字素养',
        start: '全年',
        location: '湾里街道科普e站',
        summary: '科普e站常年免费开放，提供科普触摸屏和VR体验',
        audience: '辖区居民',
        count: 2000,
        plant: [['start', 'date-approximate']],
      }),
    ]);
    out.push(
      xlsxFixture(
        'date-approximate.xlsx',
        'Vague dates in 开始日期 (湾里街道): 9月中旬 (G6), 9月下旬 (G7), 全年 (G8) — date-approximate each; their ranges touch the window, so no date-outside-window.',
        lt,
      ),
    );
  }
  {
    const u = U.qs;
    const lt = simpleTable(u, [
      act(u, {
        name: '清水街道全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '卫生健康、生态文明',
        start: D('2023-09-17'),
        location: '清水街道新时代文明实践中心',
        summary: '科普展览、健康义诊、垃圾分类知识竞答',
        audience: '辖区居民',
        count: 350,
      }),
      act(u, {
        name: '家庭急救知识科普大讲堂',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康、应急科普',
        start: '2022年9月19日',
        location: '清水街道社区卫生服务中心',
        summary: '社区医生讲解海姆立克急救法和常见急症处置',
        audience: '社区居民',
        count: 100,
        plant: [['start', 'date-wrong-year']],
      }),
      act(u, {
        name: '垃圾分类科普宣传',
        category: '农村科普联合行动',
        form: '科普宣传',
        field: '生态文明',
        start: D('2022-09-20'),
        location: '清水街道各社区、村',
        summary: '入户宣传垃圾分类知识',
        audience: '社区居民',
        count: 1000,
        plant: [['start', 'date-wrong-year']],
      }),
    ]);
    out.push(
      xlsxFixture(
        'date-wrong-year.xlsx',
        "Rows copied from last year's table (清水街道): 开始日期 text 2022年9月19日 (G6) and a real date cell 2022-09-20 (G7), 结束日期 empty → date-wrong-year each, no window finding.",
        lt,
      ),
    );
  }
  {
    const u = U.eb;
    const lt = simpleTable(u, [
      act(u, {
        name: '二坝镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '展览展示',
        field: '科技创新、乡村振兴',
        start: D('2023-09-17'),
        end: D('2023-09-17'),
        location: '二坝镇文化广场',
        summary: '科普展板、无人机植保演示、科普知识有奖竞答',
        audience: '镇村居民',
        count: 500,
      }),
      act(u, {
        name: '科普宣传周',
        category: '农村科普联合行动',
        form: '科普宣传',
        field: '乡村振兴、卫生健康',
        start: '9月23日',
        end: '9月17日',
        location: '二坝镇各村',
        summary: '各村科普宣传栏更新和入户宣传',
        audience: '农村居民',
        count: 2000,
        plant: [['end', 'date-range-reversed']],
      }),
      act(u, {
        name: '防溺水安全科普进校园',
        category: '青少年科技教育专项行动',
        form: '科普讲座',
        field: '应急科普',
        start: D('2023-09-21'),
        end: D('2023-09-21'),
        location: '二坝中心学校',
        summary: '讲解防溺水常识和自救互救方法',
        audience: '中小学生',
        count: 400,
      }),
    ]);
    out.push(
      xlsxFixture(
        'date-range-reversed.xlsx',
        '开始日期 9月23日, 结束日期 9月17日 on row 6 (二坝镇) → date-range-reversed at the end date H6, nothing else.',
        lt,
      ),
    );
  }
  {
    const u = U.tg;
    const lt = simpleTable(u, [
      act(u, {
        name: '汤沟镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '展览展示',
        field: '乡村振兴、农业科技',
        start: D('2023-09-18'),
        location: '汤沟镇文化广场',
        summary: '农业科技成果展示、农技咨询和科普文艺表演',
        audience: '镇村居民',
        count: 600,
      }),
      act(u, {
        name: '秋季农机安全使用培训',
        category: '农村科普联合行动',
        form: '技能培训',
        field: '农业科技、安全生产',
        start: D('2023-10-05'),
        location: '汤沟镇农机服务站',
        summary: '讲解秋收农机安全操作和维护保养',
        audience: '农机手',
        count: 50,
        plant: [['start', 'date-outside-window']],
      }),
      act(u, {
        name: '开学第一课科普讲座',
        category: '青少年科技教育专项行动',
        form: '科普讲座',
        field: '科学教育',
        start: '2023/9/8',
        location: '汤沟中心学校',
        summary: '开学季科学教育第一课',
        audience: '中小学生',
        count: 500,
        plant: [['start', 'date-outside-window']],
      }),
    ]);
    out.push(
      xlsxFixture(
        'date-outside-window.xlsx',
        'Dates in 2023 but outside 09-17…09-23 (汤沟镇): a date cell 2023-10-05 (G6) and text 2023/9/8 (G7), 结束日期 empty → date-outside-window (warning) each.',
        lt,
      ),
    );
  }
  {
    const u = U.qkx;
    const lt = simpleTable(u, [
      act(u, {
        name: '2023年鸠江区全国科普日主场活动',
        category: '区主场活动',
        form: '展览展示',
        field: '科技创新、科学教育、应急科普',
        start: D('2023-09-22'),
        slot: '9:00-11:30',
        location: '鸠江区市民广场',
        organizer: '区教体局、区卫健委、各镇街科协',
        summary: '集中展示科技创新成果，设置科普展区、互动体验区和咨询服务台',
        audience: '社会公众',
        count: 1500,
        plant: [['start', 'main-event-outside-window']],
      }),
      act(u, {
        name: '院士专家科普报告会',
        category: '专家讲科普专项行动',
        form: '科普报告',
        field: '前沿科技、科学家精神',
        start: D('2023-09-20'),
        slot: '14:30-16:30',
        location: '鸠江区行政中心报告厅',
        summary: '邀请专家学者作前沿科技科普报告，弘扬科学家精神',
        audience: '机关干部、科技工作者',
        count: 300,
        contact: '王志刚',
        phone: '13956027415',
      }),
      act(u, {
        name: '鸠江科普云课堂',
        category: '云上科普日专项行动',
        form: '云讲堂',
        field: '数字素养、卫生健康',
        mode: '线上',
        start: D('2023-09-21'),
        end: D('2023-09-23'),
        slot: '每晚19:30',
        summary: '连续三晚线上直播科普课，内容涵盖数字素养和健康生活',
        audience: '社会公众',
        count: 5000,
        contact: '王志刚',
        phone: '13956027415',
        url: 'https://live.kepuri.cn/jjkx/2023-yunketang',
      }),
    ]);
    out.push(
      xlsxFixture(
        'main-event-outside-window.xlsx',
        'The 区主场活动 (鸠江区科协) on 2023-09-22 (G5): inside the concentrated window but after 09-20 → main-event-outside-window only.',
        lt,
      ),
    );
  }
  {
    const u = U.bm;
    const lt = simpleTable(u, [
      act(u, {
        name: '白茆镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '乡村振兴、生态文明',
        start: D('2023-09-17'),
        location: '白茆镇文化广场',
        summary: '科普展览、农技咨询、健康义诊',
        audience: '镇村居民',
        count: 450,
      }),
      act(u, {
        name: '科普知识进村入户',
        category: '科普宣传活动',
        form: '科普宣传',
        field: '乡村振兴',
        start: D('2023-09-19'),
        location: '白茆镇各村',
        summary: '发放科普资料，宣讲科学生活知识',
        audience: '农村居民',
        count: 800,
        plant: [['category', 'category-invalid']],
      }),
      act(u, {
        name: '高素质农民培训',
        category: '乡村振兴专项行动',
        form: '技能培训',
        field: '农业科技、乡村振兴',
        start: D('2023-09-21'),
        location: '白茆镇农民田间学校',
        summary: '培训新型职业农民种植和电商技能',
        audience: '农民',
        count: 60,
        plant: [['category', 'category-invalid']],
      }),
    ]);
    out.push(
      xlsxFixture('category-invalid.xlsx', 'Categories not among the 9 (白茆镇): 科普宣传活动 (C6) and 乡村振兴专项行动 (C7) → category-invalid each.', lt),
    );
  }
  {
    const u = U.jtj;
    const lt = simpleTable(u, [
      act(u, {
        name: '中小学人工智能科普课',
        category: '青少年科技教育专项行动',
        form: '科普讲座',
        field: '科技创新、人工智能',
        start: D('2023-09-18'),
        location: '鸠江区实验学校',
        summary: '讲解人工智能基本原理并体验智能语音应用',
        audience: '中小学生',
        count: 300,
        plant: [['field', 'field-unknown']],
      }),
      act(u, {
        name: '心理健康护航成长讲座',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '心理健康',
        start: D('2023-09-22'),
        location: '鸠江区官陡中学',
        summary: '心理健康教师讲解青春期心理调适',
        audience: '中学生',
        count: 500,
        plant: [['field', 'field-unknown']],
      }),
      act(u, {
        name: '防震减灾科普讲座',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '防灾避险；应急科普',
        start: D('2023-09-20'),
        location: '鸠江区第二中学',
        summary: '地震部门专家讲解地震成因和避险要领',
        audience: '中学生',
        count: 600,
      }),
    ]);
    out.push(
      xlsxFixture(
        'field-unknown.xlsx',
        '科普领域 not in the list (区教体局): 科技创新、人工智能 (E5, one unknown among two) and 心理健康 (E6) → field-unknown each; E7 防灾避险；应急科普 (full-width ; separator) is fine.',
        lt,
      ),
    );
  }
  {
    const u = U.qsn;
    const lt = simpleTable(u, [
      act(u, {
        name: '科技馆免费开放日',
        category: '科普阵地联合行动',
        form: '开放参观',
        field: '科学教育、前沿科技',
        start: D('2023-09-17'),
        end: D('2023-09-23'),
        location: '鸠江区青少年科技活动中心',
        summary: '集中活动期内展厅免费开放，提供讲解服务',
        audience: '社会公众',
        count: 3000,
      }),
      act(u, {
        name: '科普剧展演',
        category: '科普阵地联合行动',
        form: '文艺汇演',
        field: '科普创作',
        start: D('2023-09-19'),
        location: '鸠江区青少年科技活动中心小剧场',
        summary: '青少年科普剧社演出原创科普剧',
        audience: '中小学生、家长',
        count: 250,
        plant: [['form', 'form-unknown']],
      }),
      act(u, {
        name: '科技辅导员主题班会示范课',
        category: '青少年科技教育专项行动',
        form: '主题班会',
        field: '科学教育',
        start: D('2023-09-21'),
        location: '鸠江区实验学校',
        summary: '科技辅导员示范科学主题班会',
        audience: '科技辅导员',
        count: 60,
        plant: [['form', 'form-unknown']],
      }),
    ]);
    out.push(
      xlsxFixture('form-unknown.xlsx', '活动形式 not in the list (区青少年科技活动中心): 文艺汇演 (D6) and 主题班会 (D7) → form-unknown (warning) each.', lt),
    );
  }
  {
    const u = U.jz;
    const lt = simpleTable(u, [
      act(u, {
        name: '智能制造工厂开放日',
        category: '企业科普联合行动',
        form: '开放参观',
        field: '科技创新、前沿科技',
        start: D('2023-09-20'),
        location: '芜湖鸠兹智能科技有限公司生产基地',
        summary: '开放智能生产线，讲解工业机器人应用',
        audience: '中小学生、社会公众',
        count: 200,
      }),
      act(u, {
        name: '工业机器人科普讲解',
        category: '企业科普联合行动',
        form: '科普讲座',
        field: '科技创新',
        mode: '走访',
        start: D('2023-09-21'),
        location: '芜湖鸠兹智能科技有限公司展厅',
        summary: '工程师讲解工业机器人工作原理',
        audience: '企业职工',
        count: 80,
        plant: [['mode', 'mode-invalid']],
      }),
      act(u, {
        name: '安全生产知识竞赛',
        category: '企业科普联合行动',
        form: '科普竞赛',
        field: '安全生产',
        mode: '室内',
        start: D('2023-09-22'),
        location: '芜湖鸠兹智能科技有限公司培训室',
        summary: '职工安全生产知识竞赛',
        audience: '企业职工',
        count: 100,
        plant: [['mode', 'mode-invalid']],
      }),
    ]);
    out.push(
      xlsxFixture(
        'mode-invalid.xlsx',
        '开展方式 not 线下/线上/线上线下结合 (芜湖鸠兹智能科技有限公司, 所属镇街 left blank): 走访 (F6) and 室内 (F7) → mode-invalid each (现场 is read as 线下).',
        lt,
      ),
    );
  }
  {
    const u = U.rmt;
    const lt = simpleTable(u, [
      act(u, {
        name: '“科普鸠江”短视频征集展播',
        category: '云上科普日专项行动',
        form: '短视频',
        field: '科普创作',
        mode: '线上',
        start: D('2023-09-17'),
        end: D('2023-09-23'),
        summary: '征集并展播群众原创科普短视频',
        audience: '社会公众',
        count: 20000,
        url: null,
        plant: [['url', 'online-url-missing']],
      }),
      act(u, {
        name: '科普日主场活动全程直播',
        category: '部门系统联合行动',
        form: '直播',
        field: '科技创新',
        mode: '线上线下结合',
        start: D('2023-09-18'),
        location: '鸠江区市民广场',
        summary: '对区主场活动进行现场报道和网络直播',
        audience: '社会公众',
        count: 10000,
        plant: [['url', 'online-url-missing']],
      }),
      act(u, {
        name: '云上科普展',
        category: '云上科普日专项行动',
        form: '展览展示',
        field: '科学教育、数字素养',
        mode: '线下',
        start: D('2023-09-20'),
        location: '鸠江区融媒体中心一楼大厅',
        summary: '展出科普展板和电子屏科普内容',
        audience: '社会公众',
        count: 500,
        plant: [['mode', 'online-url-missing']],
      }),
      act(u, {
        name: '科普主播直播带你看科技',
        category: '云上科普日专项行动',
        form: '直播',
        field: '前沿科技',
        mode: '线上',
        start: D('2023-09-22'),
        slot: '20:00-21:00',
        summary: '主播带网友云参观本地科技企业',
        audience: '社会公众',
        count: 8000,
        url: 'https://live.kepuri.cn/jjrmt/2023-kjzb',
      }),
    ]);
    out.push(
      xlsxFixture(
        'online-url-missing.xlsx',
        '区融媒体中心: a 线上 activity (S5) and a 线上线下结合 one (S6) with 活动网址 empty → online-url-missing at the 网址 cell; a 云上科普日专项行动 held 线下 (F7) → online-url-missing at the 开展方式 cell.',
        lt,
      ),
    );
  }
  {
    const u = U.tsg;
    const lt = simpleTable(u, [
      act(u, {
        name: '科普图书漂流',
        category: '科普阵地联合行动',
        form: '科普宣传',
        field: '科普创作',
        start: D('2023-09-17'),
        end: D('2023-09-23'),
        location: '鸠江区图书馆',
        summary: '设立科普图书漂流点，免费借阅科普读物',
        audience: '社会公众',
        count: 800,
      }),
      act(u, {
        name: '科普绘本线上共读',
        category: '云上科普日专项行动',
        form: '直播',
        field: '科学教育',
        mode: '线上',
        start: D('2023-09-19'),
        slot: '19:30-20:00',
        summary: '馆员线上带领亲子共读科普绘本',
        audience: '少年儿童及家长',
        count: 600,
        url: '微信视频号“鸠江区图书馆”',
        plant: [['url', 'url-invalid']],
      }),
      act(u, {
        name: '数字阅读科普讲座',
        category: '科普阵地联合行动',
        form: '科普讲座',
        field: '数字素养',
        mode: '线上线下结合',
        start: D('2023-09-21'),
        location: '鸠江区图书馆报告厅',
        summary: '讲解数字图书馆资源使用和信息甄别',
        audience: '社会公众',
        count: 150,
        url: 'htps://live.kepuri.cn/jjlib/2023-szyd',
        plant: [['url', 'url-invalid']],
      }),
    ]);
    out.push(
      xlsxFixture(
        'url-invalid.xlsx',
        '活动网址 that is not an http(s) address (鸠江区图书馆): 微信视频号“鸠江区图书馆” (S6) and the typo htps://… (S7) → url-invalid each, no online-url-missing.',
        lt,
      ),
    );
  }
  {
    const u = U.sx;
    const lt = simpleTable(u, [
      act(u, {
        name: '沈巷镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '乡村振兴、卫生健康',
        start: D('2023-09-17'),
        location: '沈巷镇政府广场',
        summary: '科普展板、义诊咨询、垃圾分类有奖问答',
        audience: '镇村居民',
        count: 500,
      }),
      act(u, {
        name: '农技专家田间课堂',
        category: '农村科普联合行动',
        form: '技术指导',
        field: '农业科技',
        start: D('2023-09-19'),
        location: '沈巷镇蟂矶村水稻示范田',
        summary: '农技专家讲解秋季水稻病虫害绿色防控',
        audience: '种植大户',
        count: 50,
        phone: '139560218761395',
        plant: [['phone', 'phone-invalid']],
      }),
      act(u, {
        name: '青少年科技模型制作比赛',
        category: '青少年科技教育专项行动',
        form: '科普竞赛',
        field: '科学教育',
        start: D('2023-09-22'),
        location: '沈巷中心学校',
        summary: '中小学生现场制作车模、船模并开展竞速比赛',
        audience: '中小学生',
        count: 150,
        phone: 'sxzkx@163.com',
        plant: [['phone', 'phone-invalid']],
      }),
    ]);
    out.push(
      xlsxFixture(
        'phone-invalid.xlsx',
        '联系电话 unusable (沈巷镇): 15 digits run together 139560218761395 (R6) and an e-mail address (R7) → phone-invalid each.',
        lt,
      ),
    );
  }
  {
    const u = U.wl;
    const lt = simpleTable(u, [
      act(u, {
        name: '湾里街道全国科普日主场活动',
        category: '镇街主场活动',
        form: '展览展示',
        field: '科技创新、数字素养',
        start: D('2023-09-17'),
        location: '湾里街道文体中心',
        summary: '机器人表演、无人机科普展示和科普知识有奖问答',
        audience: '辖区居民',
        count: 500,
      }),
      act(u, {
        name: '燃气安全科普宣传',
        category: '专家讲科普专项行动',
        form: '科普宣传',
        field: '安全生产',
        start: D('2023-09-19'),
        location: '湾里街道各小区',
        summary: '入户讲解燃气安全使用常识',
        audience: '社区居民',
        count: '若干',
        plant: [['count', 'count-invalid']],
      }),
      act(u, {
        name: '科普e站开放日',
        category: '专家讲科普专项行动',
        form: '开放参观',
        field: '数字素养',
        start: D('2023-09-20'),
        location: '湾里街道科普e站',
        summary: '科普e站开放体验',
        audience: '辖区居民',
        count: '不限',
        plant: [['count', 'count-invalid']],
      }),
    ]);
    out.push(xlsxFixture('count-invalid.xlsx', '预计参与人数 not a number (湾里街道): 若干 (P6) and 不限 (P7) → count-invalid each.', lt));
  }
  {
    const u = U.bm;
    const lt = simpleTable(u, [
      act(u, {
        name: '白茆镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '乡村振兴',
        start: D('2023-09-17'),
        location: '白茆镇文化广场',
        summary: '科普展览、农技咨询、健康义诊',
        audience: '镇村居民',
        count: '100-200',
        plant: [['count', 'count-range']],
      }),
      act(u, {
        name: '江豚保护科普进校园',
        category: '青少年科技教育专项行动',
        form: '科普讲座',
        field: '生态文明',
        start: D('2023-09-20'),
        location: '白茆中心学校',
        summary: '讲解长江江豚生活习性和保护知识',
        audience: '小学生',
        count: 200,
      }),
    ]);
    out.push(xlsxFixture('count-approximate.xlsx', '预计参与人数 100-200 (P5, 白茆镇) → count-range (upper end 200, issue 13); the other row is valid.', lt));
  }
  {
    const u = U.qs;
    const longName = '“提升全民科学素质，助力科技自立自强”——2023年清水街道全国科普日暨科普进社区、进校园、进企业、进农村、进家庭系列宣传服务活动启动仪式';
    if ([...longName].length <= 60) throw new Error('name-too-long: the name must exceed 60 characters');
    const okName = '“提升全民科学素质，助力科技自立自强”——2023年清水街道全国科普日暨科普进社区、进校园、进企业、进农村系列活动';
    if ([...okName].length > 60) throw new Error(`name-too-long: the control name has ${[...okName].length} characters`);
    const lt = simpleTable(u, [
      act(u, {
        name: longName,
        category: '镇街主场活动',
        form: '科普宣传',
        field: '卫生健康、生态文明',
        start: D('2023-09-17'),
        location: '清水街道新时代文明实践中心',
        summary: '启动仪式、科普展览、健康义诊',
        audience: '辖区居民',
        count: 350,
        plant: [['name', 'name-too-long']],
      }),
      act(u, {
        name: okName,
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康',
        start: D('2023-09-19'),
        location: '清水街道社区卫生服务中心',
        summary: '系列科普讲座',
        audience: '社区居民',
        count: 100,
      }),
    ]);
    out.push(
      xlsxFixture(
        'name-too-long.xlsx',
        `活动名称 of ${[...longName].length} characters (B5, 清水街道) → name-too-long; B6 has ${[...okName].length} characters (≤ 60) and is fine.`,
        lt,
      ),
    );
  }
  {
    const u = U.gd;
    const lt = simpleTable(u, [
      act(u, {
        name: '企业科技工作者科普沙龙',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '科技创新',
        start: D('2023-09-19'),
        location: '鸠江经济开发区企业服务中心',
        town: '镜湖区',
        summary: '企业科技工作者分享创新成果',
        audience: '企业科技人员',
        count: 60,
        plant: [['town', 'town-unknown']],
      }),
      act(u, {
        name: '社区科普大讲堂',
        category: '专家讲科普专项行动',
        form: '科普讲座',
        field: '卫生健康',
        start: D('2023-09-20'),
        location: '官陡街道龙山社区会议室',
        town: '三山经开区',
        summary: '社区健康科普讲座',
        audience: '社区居民',
        count: 100,
        plant: [['town', 'town-unknown']],
      }),
      act(u, {
        name: '全区科普志愿服务',
        category: '专家讲科普专项行动',
        form: '现场咨询',
        field: '其他',
        start: D('2023-09-21'),
        location: '官陡街道各社区',
        town: '全区',
        summary: '科普志愿者开展咨询服务',
        audience: '社区居民',
        count: 200,
      }),
      act(u, {
        name: '官陡街道全国科普日主场活动',
        category: '镇街主场活动',
        form: '展览展示',
        field: '科技创新',
        start: D('2023-09-17'),
        location: '官陡街道新时代文明实践所广场',
        town: null,
        summary: '科普展板展示和科普知识有奖问答',
        audience: '辖区居民',
        count: 600,
      }),
    ]);
    out.push(
      xlsxFixture(
        'town-unknown.xlsx',
        '所属镇街 not a 镇街 of the district (官陡街道): 镜湖区 (K5, another district) and 三山经开区 (K6) → town-unknown each; 全区 (K7) and blank (K8) are fine (SPEC §1 places such as 鸠江经济开发区 and a folded 官陡镇 → 官陡街道 are accepted).',
        lt,
      ),
    );
  }
  {
    const u = U.eb;
    const lt = simpleTable(u, [
      act(u, {
        name: '科普大篷车进乡村',
        category: '农村科普联合行动',
        form: '展览展示',
        field: '农业科技、乡村振兴',
        start: D('2023-09-19'),
        location: '二坝镇文化广场',
        summary: '科普大篷车巡展，展出农业科技和防灾减灾展品',
        audience: '农村居民',
        count: 400,
        plant: [['name', 'duplicate-activity']],
      }),
      act(u, {
        name: '应急救护培训',
        category: '专家讲科普专项行动',
        form: '技能培训',
        field: '应急科普',
        start: D('2023-09-18'),
        location: '二坝镇党群服务中心',
        summary: '心肺复苏和AED使用培训（第一期）',
        audience: '村干部',
        count: 50,
      }),
      act(u, {
        name: '二坝镇全国科普日主场活动',
        category: '镇街主场活动',
        form: '科普宣传',
        field: '乡村振兴、卫生健康',
        start: D('2023-09-17'),
        location: '二坝镇政府广场',
        summary: '科普展板、健康义诊、农技咨询',
        audience: '镇村居民',
        count: 500,
      }),
      act(u, {
        name: '科普大篷车进乡村 ',
        category: '农村科普联合行动',
        form: '展览展示',
        field: '农业科技、乡村振兴',
        start: '2023年9月19日',
        location: '二坝镇 文化广场',
        summary: '科普大篷车巡展（下午场）',
        audience: '农村居民',
        count: 300,
        plant: [['name', 'duplicate-activity']],
      }),
      act(u, {
        name: '应急救护培训',
        category: '专家讲科普专项行动',
        form: '技能培训',
        field: '应急科普',
        start: D('2023-09-21'),
        location: '二坝镇党群服务中心',
        summary: '心肺复苏和AED使用培训（第二期）',
        audience: '网格员',
        count: 50,
      }),
      // issue 13: the same name on the same day at another place is a tour stop, not a duplicate
      act(u, {
        name: '科普大篷车进乡村',
        category: '农村科普联合行动',
        form: '展览展示',
        field: '农业科技、乡村振兴',
        start: D('2023-09-19'),
        location: '二坝镇八里村',
        summary: '科普大篷车巡展（八里村站）',
        audience: '农村居民',
        count: 200,
      }),
    ]);
    out.push(
      xlsxFixture(
        'duplicate-activity.xlsx',
        '二坝镇: 科普大篷车进乡村 on 2023-09-19 at 二坝镇文化广场 twice (B5 a date cell; B8 with a trailing space, the date as text 2023年9月19日 and the place written 二坝镇 文化广场) → duplicate-activity on both name cells; 应急救护培训 on 09-18 and 09-21 (different dates) is not a duplicate, nor is 科普大篷车进乡村 on 09-19 at 二坝镇八里村 (B10: a tour stop at another place, issue 13).',
        lt,
      ),
    );
  }

  // ----- header and sheet level ----------------------------------------------------------------------
  {
    const aoa = [
      ['官陡街道全国科普日活动物资采购清单'],
      ['序号', '品名', '规格型号', '数量', '单价(元)', '金额(元)', '备注'],
      [1, '科普展板', '1.2m×2.4m', 20, 150, 3000, '含设计'],
      [2, '宣传折页', 'A4三折', 2000, 0.5, 1000, null],
      [3, '帆布袋', '定制印字', 500, 6, 3000, '发放群众'],
      [4, '横幅', '0.7m×10m', 4, 120, 480, null],
      ['合计', null, null, null, null, 7480, null],
    ];
    out.push({
      file: 'header-not-found.xlsx',
      planted: 'A sheet of unrelated data (a 物资采购清单: 序号, 品名, 规格型号, 数量, 单价(元), 金额(元), 备注 — only 2 known headers) → header-not-found.',
      build: async () => workbookBytes([{ name: '物资清单', ws: buildSheet(aoa, { merges: ['A1:G1'] }) }]),
      expected: [[null, 'header-not-found']],
    });
  }
  {
    const lists = [
      ['区主场活动', '线下', '四褐山街道'],
      ['镇街主场活动', '线上', '裕溪口街道'],
      ['部门系统联合行动', '线上线下结合', '官陡街道'],
      ['企业科普联合行动', null, '湾里街道'],
    ];
    out.push({
      file: 'sheet-not-found.xlsx',
      planted: 'Sheets 活动安排表 and Sheet2 empty, the only content on a hidden sheet 下拉选项 (dropdown values, no header) → sheet-not-found.',
      build: async () =>
        workbookBytes([
          { name: '活动安排表', ws: buildSheet([]) },
          { name: 'Sheet2', ws: buildSheet([]) },
          { name: '下拉选项', ws: buildSheet(lists), hidden: 1 },
        ]),
      expected: [[null, 'sheet-not-found']],
    });
  }
  {
    const u = U.shs;
    const columns = TEMPLATE.filter(([k]) => k !== 'phone');
    const { top } = templateTop(u);
    const lt = layoutTable({
      top,
      merges: ['A2:T2'],
      columns,
      acts: [
        act(u, {
          name: '四褐山街道全国科普日主场活动',
          category: '镇街主场活动',
          form: '互动体验',
          field: '生态文明、卫生健康',
          start: D('2023-09-17'),
          location: '四褐山街道文化广场',
          summary: '科普游园、健康咨询、垃圾分类互动游戏',
          audience: '辖区居民',
          count: 400,
        }),
        act(u, {
          name: '长江大保护生态科普研学',
          category: '青少年科技教育专项行动',
          form: '研学体验',
          field: '生态文明、水利科普',
          start: D('2023-09-23'),
          location: '四褐山街道滨江步道',
          summary: '组织学生沿江开展生态观察和简易水质检测',
          audience: '中小学生',
          count: 80,
        }),
        act(u, {
          name: '食品安全知识直播课',
          category: '云上科普日专项行动',
          form: '直播',
          field: '食品安全',
          mode: '线上',
          start: D('2023-09-21'),
          summary: '线上讲解家庭食品储存和识别过期食品',
          audience: '社会公众',
          count: 1000,
          url: 'https://live.kepuri.cn/shsjd/2023-spaq',
        }),
      ],
    });
    out.push(
      xlsxFixture(
        'column-missing.xlsx',
        'The 联系电话 column deleted (四褐山街道, 20 columns; the phone only in the unit line) → one column-missing, no per-row required-missing.',
        { ...lt, findings: [[null, 'column-missing']] },
      ),
    );
  }
  {
    const u = U.wl;
    const columns = [TEMPLATE[0], TEMPLATE[1], ['theme', '活动主题'], ...TEMPLATE.slice(2)];
    const theme = '提升全民科学素质，助力科技自立自强';
    const lt = layoutTable({
      top: [['附件2'], [TITLE], unitLineSplit(u)],
      merges: ['A2:V2'],
      columns,
      headerPlants: [['theme', 'column-duplicate']],
      acts: [
        act(u, {
          name: '湾里街道全国科普日主场活动',
          theme,
          category: '镇街主场活动',
          form: '展览展示',
          field: '科技创新、数字素养',
          start: D('2023-09-17'),
          location: '湾里街道文体中心',
          summary: '机器人表演、无人机科普展示和科普知识有奖问答',
          audience: '辖区居民',
          count: 500,
        }),
        act(u, {
          name: '社区健康义诊',
          theme,
          category: '专家讲科普专项行动',
          form: '现场咨询',
          field: '卫生健康',
          start: D('2023-09-17'),
          location: '湾里街道社区卫生服务中心',
          summary: '社区医生义诊和健康咨询',
          audience: '辖区居民',
          count: 150,
        }),
        act(u, {
          name: '青少年航模科普体验',
          theme,
          category: '青少年科技教育专项行动',
          form: '互动体验',
          field: '科学教育、国防知识',
          start: D('2023-09-23'),
          location: '湾里中心学校操场',
          summary: '航模社团老师指导学生组装和试飞航模',
          audience: '中小学生',
          count: 120,
        }),
      ],
    });
    out.push(
      xlsxFixture(
        'column-duplicate.xlsx',
        'Two columns map to 活动名称 (湾里街道): 活动名称 (B4) and an added 活动主题 (C4) holding the same sub-theme on every row → column-duplicate at C4; the first column is used (using the second would make rows 5–6 duplicates).',
        lt,
      ),
    );
  }

  // ----- file level ------------------------------------------------------------------------------
  out.push({
    file: 'file-unsupported-pdf.xlsx',
    planted: 'A PDF (a scanned, stamped copy) saved with an .xlsx name → file-unsupported.',
    build: async () => pdfBytes('2023 Jiujiang Science Day schedule (scanned, stamped)'),
    expected: [[null, 'file-unsupported']],
  });
  out.push({
    file: 'file-unsupported-docx.xlsx',
    planted: 'A Word document (zip with [Content_Types].xml and word/document.xml) saved with an .xlsx name → file-unsupported.',
    build: async () =>
      zipBytes([
        [
          '[Content_Types].xml',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ],
        [
          '_rels/.rels',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ],
        [
          'word/document.xml',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>官陡街道2023年全国科普日活动安排</w:t></w:r></w:p><w:p><w:r><w:t>一、9月17日 官陡街道全国科普日主场活动</w:t></w:r></w:p></w:body></w:document>',
        ],
      ]),
    expected: [[null, 'file-unsupported']],
  });
  out.push({
    file: 'file-encrypted.xlsx',
    planted: 'A password-protected workbook: an OLE compound file holding EncryptionInfo (agile, 4.4), EncryptedPackage and \\x06DataSpaces → file-encrypted.',
    build: async () => encryptedOoxmlBytes(),
    expected: [[null, 'file-encrypted']],
  });

  return out;
}

/** The one fixture SheetJS cannot write: rich-text runs. Written with exceljs, then re-zipped with fixed times. */
function richTextFixture() {
  const u = UNITS.gd;
  const rich = (...runs) => ({ richText: runs.map(([text, font]) => (font ? { text, font } : { text })) });
  const B = { bold: true };
  const RED = { color: { argb: 'FFFF0000' } };
  const utc = (iso) => new Date(`${iso}T00:00:00Z`);
  const rows = [
    act(u, {
      name: rich(['官陡街道', B], ['全国科普日主场活动']),
      category: '镇街主场活动',
      form: '展览展示',
      field: '科技创新、应急科普',
      start: utc('2023-09-17'),
      location: '官陡街道新时代文明实践所广场',
      summary: rich(['科普展板展示、'], ['VR安全体验', RED], ['和应急救护演示']),
      audience: '辖区居民',
      count: 600,
    }),
    act(u, {
      name: rich(['防灾减灾', { bold: true, color: { argb: 'FFC00000' } }], ['科普讲座进社区']),
      category: rich(['专家讲科普专项行动']),
      form: '科普讲座',
      field: '防灾避险',
      start: utc('2023-09-18'),
      location: '官陡街道龙山社区会议室',
      summary: '应急管理专家讲解地震、火灾和汛期避险知识',
      audience: '社区居民',
      count: 120,
    }),
    act(u, {
      name: '青少年机器人编程体验营',
      category: '青少年科技教育专项行动',
      form: '研学体验',
      field: '科学教育、数字素养',
      start: utc('2023-09-19'),
      end: utc('2023-09-22'),
      location: '官陡中学科创教室',
      summary: rich(['组织学生体验', B], ['图形化编程', { italic: true }], ['和机器人搭建']),
      audience: '中小学生',
      count: 80,
      contact: rich(['李国华']),
      phone: '0553-5868235',
    }),
  ];
  const build = async () => {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Administrator';
    wb.lastModifiedBy = 'Administrator';
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    const ws = wb.addWorksheet('活动安排表');
    ws.getCell('A1').value = '附件2';
    ws.getCell('A2').value = rich([TITLE, { bold: true, size: 16 }]);
    ws.mergeCells('A2:U2');
    ws.getCell('A3').value = rich(['填报单位(盖章)：', B]);
    ws.getCell('B3').value = u.name;
    ws.getCell('E3').value = rich(['联系人：', B]);
    ws.getCell('F3').value = u.contact;
    ws.getCell('H3').value = rich(['联系电话：', B]);
    ws.getCell('I3').value = u.phone;
    TEMPLATE.forEach(([key, h], c) => {
      const cell = ws.getCell(4, c + 1);
      cell.value = key === 'name' ? rich(['活动', B], ['名称', B]) : h;
      ws.getColumn(c + 1).width = COL_WIDTHS[c];
    });
    rows.forEach((a, i) => {
      TEMPLATE.forEach(([key], c) => {
        const v = key === 'seq' ? i + 1 : a[key];
        if (v === null || v === undefined) return;
        const cell = ws.getCell(5 + i, c + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = 'yyyy/m/d';
      });
    });
    return rezip(Buffer.from(await wb.xlsx.writeBuffer()));
  };
  return {
    file: 'rich-text.xlsx',
    planted:
      'Written with exceljs (SheetJS cannot write rich text): rich-text runs in the title, the unit-line labels, the 活动名称 header, and in 活动名称/活动类别/活动简介/联系人 cells of three valid 官陡街道 activities — read as their plain text.',
    build,
    expected: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function readme(list) {
  const esc = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const fmt = (exp) => (exp.length ? exp.map(([c, code]) => `\`${c ?? '—'}\` ${code}`).join('; ') : 'none');
  return [
    '# `kepuri validate` fixtures',
    '',
    'Generated by `node scripts/make-fixtures.mjs` (deterministic; do not edit by hand). Rules are the',
    'embedded 2023 defaults (SPEC §1): concentrated window 2023-09-17…09-23, 区主场活动 window 09-11…09-20.',
    '',
    '`expected.json` maps each file name to the exact list of findings `[cell, code]` that',
    '`kepuri validate <file>` must report, in file order — no more, no fewer. `cell` is the A1 address in',
    'the file as written (the sheet holding the table); it is `null` for file-level and sheet-level',
    'findings and for column-missing. The expectations come from what the script planted: every activity',
    'row is valid unless the table below says otherwise, so a valid row must produce nothing.',
    '',
    'Conventions the expectations assume (one finding per problem cell):',
    '',
    '- a date that cannot be read, is approximate, is in the wrong year, or whose range is reversed gets',
    '  that one finding only — no window or main-event finding on top; a window is checked only on a',
    '  usable date, and an activity counts as inside a window when its span touches it;',
    '- an empty required cell gives required-missing only; a missing column gives one column-missing',
    '  and no per-row required-missing; an invalid URL is url-invalid, not online-url-missing;',
    '- date-range-reversed is reported at the 结束日期 cell; window findings at the 开始日期 cell;',
    '  online-url-missing at the 活动网址 cell, except a 云上科普日专项行动 held 线下: at the 开展方式 cell;',
    '- column-duplicate is reported at the header cell of the second (ignored) column; column-unknown at',
    "  the extra column's header cell; a `填报单位` column names the unit and is not unknown;",
    '- `validate` has no roster: no category-unit-mismatch, unit-unknown, unit-unidentified or',
    "  received-unknown (every unit's categories are consistent with its kind anyway).",
    '',
    'Not produced, on purpose: a plain-text file renamed .xlsx (types are decided by first bytes and',
    'text is a CSV candidate, so its outcome — file-unsupported or header-not-found — is not pinned by the',
    'SPEC; the PDF and .docx cases cover file-unsupported); a hyperlink whose shown text differs from its',
    "target (the SPEC does not say which one is the 网址); Excel's quotePrefix style on numbers stored as",
    'text (SheetJS cannot write cell styles; the cells are plain text cells, which is what the file holds).',
    '',
    'To add a fixture, add an entry to `fixtures()` in `scripts/make-fixtures.mjs` (activities carry',
    '`plant: [[column, code]]`, from which the expected cells are computed) and re-run the script.',
    '',
    '| file | what is planted | expected findings |',
    '| --- | --- | --- |',
    ...list.map((f) => `| \`${f.file}\` | ${esc(f.planted)} | ${esc(fmt(f.expected))} |`),
    '',
  ].join('\n');
}

/** Write every `kepuri validate` fixture, expected.json and README.md into outDir. */
export async function makeValidateFixtures(outDir = path.join(ROOT, 'fixtures', 'validate')) {
  fs.mkdirSync(outDir, { recursive: true });
  const list = fixtures();
  const names = new Set();
  const expected = {};
  for (const f of list) {
    if (names.has(f.file)) throw new Error(`duplicate fixture name ${f.file}`);
    names.add(f.file);
    writeOut(outDir, f.file, await f.build());
    expected[f.file] = f.expected;
  }
  writeOut(outDir, 'expected.json', JSON.stringify(expected, null, 2).replace(/\[\n\s+("[^"]*"|null),\n\s+("[^"]*")\n\s+\]/g, '[$1, $2]') + '\n');
  writeOut(outDir, 'README.md', readme(list));
  return list.map((f) => f.file);
}

async function main() {
  const files = await makeValidateFixtures();
  console.log(`fixtures/validate: ${files.length} files, expected.json, README.md`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
