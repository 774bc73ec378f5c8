#!/usr/bin/env node
/**
 * Writes fixtures/words/: activity tables as people write them (issue 13, items 1–6), with our own
 * content, and fixtures/words/expected.json — { file: [[cell, code], …] }, the exact findings
 * `kepuri validate <file>` must give, derived from what this script plants (each row is valid
 * unless it carries a `plant`), never from running the validator. Also `_totals` per file: the row
 * figures of the report (rows in files with no table included).
 *
 *   people-headers.xlsx      headers with extra words around a known name (活动开展时间, 具体地点,
 *                            咨询联系方式, 区县(市), 参与人数（人次）), counts, dates, contacts and
 *                            duplicates as people write them
 *   three-columns.xlsx       a table of only 活动名称 | 时间 | 地点
 *   contact-and-phone.xlsx   one 联系人/电话 column holding names and numbers, no 联系人 column
 *   no-table.xlsx            a list nobody can bind: header-not-found, its rows counted
 *
 * Deterministic (fixed contents and times); workbooks written with SheetJS (the project reads
 * .xlsx with its own reader and exceljs). Run: `node scripts/make-words-fixtures.mjs`.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { D, addr, buildSheet, workbookBytes, writeOut } from './fixtures-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * One table: `top` rows above the header, `columns` [key, header], `acts` objects by key (a
 * `plant: [[key, code]]` lists the findings of that row's cells), `headerPlants` [[key, code]]
 * findings at header cells, `filePlants` [code] findings without a cell, `after` rows below.
 */
function layout({ top = [], columns, acts, headerPlants = [], filePlants = [], after = [] }) {
  const aoa = top.map((r) => [...r]);
  const headerRow = aoa.length;
  aoa.push(columns.map(([, h]) => h));
  const colOf = (k) => {
    const c = columns.findIndex(([key]) => key === k);
    if (c < 0) throw new Error(`no column ${k}`);
    return c;
  };
  const findings = filePlants.map((code) => [null, code]);
  for (const [key, code] of headerPlants) findings.push([addr(headerRow, colOf(key)), code]);
  acts.forEach((a, i) => {
    const r = aoa.length;
    aoa.push(columns.map(([key]) => (key === 'seq' ? i + 1 : a[key])));
    const plants = [...(a.plant ?? [])].sort((x, y) => colOf(x[0]) - colOf(y[0]));
    for (const [key, code] of plants) findings.push([addr(r, colOf(key)), code]);
  });
  for (const row of after) aoa.push([...row]);
  return { aoa, findings, rows: acts.length };
}

const bytesOf = (aoa, name = '活动安排表') => workbookBytes([{ name, ws: buildSheet(aoa) }], { author: '暑期科普' });

// The unit: a science museum's summer programme (content made up for these fixtures).
const HOST = '鸠江区科技馆';
const base = (o) => ({
  category: '科普阵地联合行动',
  form: '开放参观',
  field: '科学教育',
  mode: '线下',
  town: '官陡街道',
  host: HOST,
  summary: '科普展厅讲解与互动体验',
  contact: '孙晴',
  phone: '0553-5873304',
  ...o,
});

function peopleHeaders() {
  const columns = [
    ['seq', '序号'],
    ['name', '活动名称'],
    ['category', '活动类型'],
    ['form', '活动形式'],
    ['field', '科普领域'],
    ['mode', '开展方式'],
    ['start', '活动开展时间'],
    ['location', '具体地点'],
    ['town', '区县(市)'],
    ['host', '主办单位'],
    ['summary', '活动简介'],
    ['count', '参与人数（人次）'],
    ['contact', '负责人'],
    ['phone', '咨询联系方式'],
  ];
  const acts = [
    // counts as people write them
    base({
      name: '科技馆主题展开放日',
      start: '9月17日（周日）上午9:00',
      location: '科技馆一楼展厅',
      count: '2000余群众',
      plant: [['count', 'count-approximate']],
    }),
    base({ name: '机器人编程体验营', start: '9月18日 9:00—11:30、14:30—16:30', location: '科技馆创客教室', count: '三百人' }),
    base({ name: '家庭科学实验秀', start: '9月17日-23日15:00—17:30', location: '科技馆报告厅', count: '50-80人', plant: [['count', 'count-range']] }),
    base({ name: '青少年科普研学季', start: D('2023-09-19'), location: '科技馆多功能厅', count: '9万多名青少年', plant: [['count', 'count-approximate']] }),
    base({ name: '星空观测之夜', start: '9月22日(星期五)19:30-21:00', location: '科技馆天文台', count: '不限', plant: [['count', 'count-invalid']] }),
    base({
      name: '科学家精神主题展',
      start: '9月20日',
      location: '科技馆二楼展厅',
      count: '约500居民',
      field: '科学家精神',
      plant: [['count', 'count-approximate']],
    }),
    // contact cells: names and several numbers; 负责人 left empty takes the names
    base({
      name: '应急安全体验课',
      start: '9月21日 周四 下午',
      location: '科技馆安全体验区',
      count: 120,
      form: '互动体验',
      field: '应急科普',
      contact: undefined,
      phone: '张老师 13451262276；李老师 13677194498',
    }),
    base({
      name: '科普剧场展演',
      start: '9月23日',
      location: '科技馆报告厅',
      count: '900多名学生',
      form: '科普表演',
      phone: '电话：0553-5864150（办）',
      plant: [['count', 'count-approximate']],
    }),
    base({
      name: '馆校合作科学课',
      start: '9月19日',
      location: '科技馆302教室',
      count: 60,
      phone: '科协办公室302室，咨询时间8:30-17:30',
      plant: [['phone', 'phone-invalid']],
    }),
    // a lecture tour (same name and day, three places): no duplicate; then a real duplicate
    base({ name: '流动科技馆进社区', start: '9月20日', location: '官陡街道龙山社区', count: 150, form: '展览展示' }),
    base({ name: '流动科技馆进社区', start: '9月20日', location: '官陡街道和平社区', count: 150, form: '展览展示' }),
    base({ name: '流动科技馆进社区', start: '9月20日', location: '官陡街道玉兰社区', count: 150, form: '展览展示', plant: [['name', 'duplicate-activity']] }),
    base({
      name: '流动科技馆进社区 ',
      start: '2023年9月20日',
      location: '官陡街道 玉兰社区',
      count: 150,
      form: '展览展示',
      plant: [['name', 'duplicate-activity']],
    }),
  ];
  const lt = layout({
    top: [['附件2'], ['2023年鸠江区科技馆全国科普日活动安排'], ['填报单位：鸠江区科技馆']],
    columns,
    acts,
    headerPlants: [
      ['start', 'column-bound'],
      ['location', 'column-bound'],
      ['phone', 'column-bound'],
    ],
  });
  return { file: 'people-headers.xlsx', ...lt, skipped: 0, noTable: 0, build: () => bytesOf(lt.aoa) };
}

function threeColumns() {
  const lt = layout({
    top: [['2023年暑期及科普日科普活动安排']],
    columns: [
      ['name', '活动名称'],
      ['start', '时间'],
      ['location', '地点'],
    ],
    acts: [
      { name: '航模制作体验', start: '9月17日-19日14:00—16:00', location: '区青少年宫' },
      { name: '科普电影周', start: '9月18日（周一）', location: '鸠江区图书馆' },
      { name: '小小讲解员培训', start: '9月21日上午', location: '鸠江区科技馆' },
    ],
    filePlants: ['活动类别', '活动形式', '科普领域', '开展方式', '主办单位', '活动简介', '预计参与人数', '联系人', '联系电话'].map(() => 'column-missing'),
  });
  return { file: 'three-columns.xlsx', ...lt, skipped: 0, noTable: 0, build: () => bytesOf(lt.aoa, 'Sheet1') };
}

function contactAndPhone() {
  const columns = [
    ['seq', '序号'],
    ['name', '活动名称'],
    ['category', '活动类别'],
    ['form', '活动形式'],
    ['field', '科普领域'],
    ['mode', '开展方式'],
    ['start', '开始日期'],
    ['location', '活动地点'],
    ['host', '主办单位'],
    ['summary', '活动简介'],
    ['count', '预计参与人数'],
    ['phone', '联系人/电话'],
  ];
  const acts = [
    base({
      name: '防灾减灾科普讲座',
      start: '9月18日',
      location: '清水街道社区会议室',
      count: '60多名同学',
      form: '科普讲座',
      field: '防灾避险',
      phone: '王主任 13905531234',
      plant: [['count', 'count-approximate']],
    }),
    base({
      name: '垃圾分类小课堂',
      start: '9月19日',
      location: '清水街道小学',
      count: '300余名辖区群众',
      form: '科普讲座',
      field: '生态文明',
      phone: '刘老师：0553-5812345、13866512345',
      plant: [['count', 'count-approximate']],
    }),
    base({
      name: '健康义诊',
      start: '9月20日',
      location: '清水街道卫生服务中心',
      count: '1.2万人次',
      form: '现场咨询',
      field: '卫生健康',
      phone: '13866512345',
    }),
  ];
  const lt = layout({ top: [['附件2'], ['清水街道科普日活动']], columns, acts, headerPlants: [['phone', 'column-bound']] });
  return { file: 'contact-and-phone.xlsx', ...lt, skipped: 0, noTable: 0, build: () => bytesOf(lt.aoa) };
}

function noTable() {
  // two known headers only (序号, 备注): no table; its 5 non-blank rows are counted, not lost
  const aoa = [
    ['湾里街道活动清单'],
    ['序号', '项目', '日子', '场所', '备注'],
    [1, '科普讲座', '9月18日', '社区', ''],
    [2, '航模体验', '9月19日', '学校', ''],
    [],
    ['填表人：周', '', '', '', ''],
  ];
  return { file: 'no-table.xlsx', aoa, findings: [[null, 'header-not-found']], rows: 0, skipped: 0, noTable: 5, build: () => bytesOf(aoa, 'Sheet1') };
}

export function wordsFixtures() {
  return [peopleHeaders(), threeColumns(), contactAndPhone(), noTable()];
}

export function makeWordsFixtures(outDir = path.join(ROOT, 'fixtures', 'words')) {
  const list = wordsFixtures();
  const expected = {};
  for (const f of list) {
    writeOut(outDir, f.file, f.build());
    expected[f.file] = f.findings;
  }
  expected._totals = Object.fromEntries(
    list.map((f) => [f.file, { rowsRead: f.rows + f.skipped + f.noTable, rowsMerged: f.rows, rowsSkipped: f.skipped, rowsInFilesWithoutTable: f.noTable }]),
  );
  writeOut(outDir, 'expected.json', JSON.stringify(expected, null, 2).replace(/\[\n\s+("[^"]*"|null),\n\s+("[^"]*")\n\s+\]/g, '[$1, $2]') + '\n');
  return list;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const list = makeWordsFixtures();
  console.log(`fixtures/words: ${list.length} files, expected.json`);
}
