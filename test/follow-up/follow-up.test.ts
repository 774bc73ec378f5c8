/**
 * The follow-up tracker (issue 15) end to end through its io layer: a master table with known
 * activities (written with exceljs, not our writer) and a materials folder (mails with GBK names,
 * a mailbox zip with GBK member names, pictures, a PDF), both made at test time, give exactly the
 * expected statuses at three as-of days; the config moves the dates; the CLI exits 0/0/1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/core/columns.js';
import { makeConfig } from '../../src/core/config/make-config.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import type { Config } from '../../src/core/config/schema.js';
import { FOLLOW_UP_COLUMNS } from '../../src/core/follow-up/follow-up-columns.js';
import { classifyMaterial } from '../../src/core/follow-up/materials.js';
import { runFollowUpJob } from '../../src/io/run-follow-up.js';
import { PROVENANCE_HEADERS } from '../../src/io/write/write-master.js';
import { writeZip } from '../inputs/zip-writer.js';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
let master: string;
let materials: string;
let manifest: string;

function rulesFor(): Config {
  const r = defaultRules();
  r.roster = [
    { name: '官陡街道', kind: '镇街', quota: 2, contact: '张敏', phone: '13956021876' },
    { name: '沈巷镇', kind: '镇街', quota: 1, contact: '吴海涛', phone: '13739075126' },
    { name: '区卫健委', kind: '区直部门', quota: 1, emails: ['wjw@example.cn'] },
    { name: '区教体局', kind: '区直部门' },
  ];
  r.rosterSource = 'test';
  return r;
}

interface Act {
  unit: string;
  name: string;
  mode: string;
  start: string;
  end?: string;
  url?: string;
  published?: string;
  news?: string;
  media?: string;
  summaryDate?: Date | string;
  proposed?: string;
}

const ACTS: Act[] = [
  {
    unit: '官陡街道',
    name: '官陡街道全国科普日主场活动',
    mode: '线下',
    start: '2023-09-17',
    published: '是',
    news: 'https://news.example.cn/a',
    media: '已上传',
    summaryDate: new Date(Date.UTC(2023, 8, 20)),
    proposed: '是',
  },
  { unit: '官陡街道', name: '防灾减灾科普讲座进社区', mode: '线上', start: '2023-09-18', published: '否', proposed: '否' },
  { unit: '沈巷镇', name: '稻田综合种养技术培训', mode: '线下', start: '2023-09-20', end: '2023-09-22', published: '是', media: '照片12张', proposed: '是' },
  {
    unit: '区卫健委',
    name: '中医药健康知识义诊',
    mode: '线下',
    start: '2023-09-23',
    published: '是',
    news: 'https://news.example.cn/d',
    media: '有',
    proposed: '是',
  },
  { unit: '区教体局', name: '鸠江区中小学校园科技节', mode: '线下', start: '2023-09-28', end: '2023-09-30' },
];

async function writeMasterFixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('活动汇总表');
  const headers = [...COLUMNS.map((c) => c.label), ...PROVENANCE_HEADERS, ...FOLLOW_UP_COLUMNS.map((c) => c.label)];
  ws.getCell(1, 1).value = '2023年鸠江区全国科普日活动汇总表';
  headers.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  const col = (label: string) => headers.indexOf(label) + 1;
  ACTS.forEach((a, i) => {
    const r = ws.getRow(3 + i);
    const set = (label: string, v: ExcelJS.CellValue | undefined) => {
      if (v !== undefined) r.getCell(col(label)).value = v;
    };
    set('序号', i + 1);
    set('活动名称', a.name);
    set('活动类别', a.unit.endsWith('街道') || a.unit.endsWith('镇') ? '镇街主场活动' : '部门系统联合行动');
    set('活动形式', '科普讲座');
    set('科普领域', '科学教育');
    set('开展方式', a.mode);
    set('开始日期', a.start);
    set('结束日期', a.end ?? a.start);
    set('活动地点', a.mode === '线上' ? undefined : '社区活动室');
    set('主办单位', a.unit);
    set('活动简介', '科普活动');
    set('预计参与人数', 100);
    set('联系人', '王明');
    set('联系电话', '13900000000');
    set('活动网址', a.url);
    set('已在科普日网站发布', a.published);
    set('填报单位', a.unit);
    set('来源文件', `inbox/${a.unit}.xlsx`);
    set('新闻报道链接', a.news);
    set('照片视频', a.media);
    set('活动总结提交日期', a.summaryDate);
    set('拟推优', a.proposed);
  });
  await wb.xlsx.writeFile(file);
}

const DOCX = writeZip([
  { name: '[Content_Types].xml', nameEncoding: 'utf8', data: '<?xml version="1.0"?><Types/>' },
  { name: 'word/document.xml', nameEncoding: 'utf8', data: '<w:document/>' },
]);
const PPTX = writeZip([
  { name: '[Content_Types].xml', nameEncoding: 'utf8', data: '<?xml version="1.0"?><Types/>' },
  { name: 'ppt/presentation.xml', nameEncoding: 'utf8', data: '<p:presentation/>' },
]);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

const gbkB = (s: string) => `=?GBK?B?${iconv.encode(s, 'gbk').toString('base64')}?=`;

function eml(opts: { from: string; received: string; subject: string; file: string; type: string; body: Buffer }): Buffer {
  const b64 = (opts.body.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
  return Buffer.from(
    [
      `Received: from mx.example.cn by mail.example.cn; ${opts.received}`,
      `From: ${opts.from}`,
      `Subject: ${gbkB(opts.subject)}`,
      `Date: ${opts.received}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '材料见附件。',
      '--B1',
      `Content-Type: ${opts.type}; name="${gbkB(opts.file)}"`,
      `Content-Disposition: attachment; filename="${gbkB(opts.file)}"`,
      'Content-Transfer-Encoding: base64',
      '',
      b64,
      '--B1--',
      '',
    ].join('\r\n'),
  );
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kepuri-follow-up-'));
  master = path.join(tmp, 'merge', '活动汇总表.xlsx');
  mkdirSync(path.dirname(master), { recursive: true });
  await writeMasterFixture(master);
  materials = path.join(tmp, '材料');
  mkdirSync(materials, { recursive: true });
  // 官陡街道: the work summary by mail before the deadline
  writeFileSync(
    path.join(materials, 'gd.eml'),
    eml({
      from: '官陡街道科协 <gdjd@example.cn>',
      received: 'Sun, 24 Sep 2023 16:20:00 +0800',
      subject: '官陡街道科普日工作总结',
      file: '官陡街道科普日工作总结.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: DOCX,
    }),
  );
  // 沈巷镇: the same, after the deadline
  writeFileSync(
    path.join(materials, 'sx.eml'),
    eml({
      from: 'sxz@example.cn',
      received: 'Wed, 27 Sep 2023 09:00:00 +0800',
      subject: '沈巷镇全国科普日工作总结',
      file: '沈巷镇全国科普日工作总结.docx',
      type: 'application/octet-stream',
      body: DOCX,
    }),
  );
  // 区卫健委 (known by its address): the summary of its 推优 activity, as a PDF
  writeFileSync(
    path.join(materials, 'wjw.eml'),
    eml({
      from: '"卫健委办公室" <WJW@example.cn>',
      received: 'Sat, 30 Sep 2023 11:00:00 +0800',
      subject: '活动总结',
      file: '中医药健康知识义诊活动总结.pdf',
      type: 'application/pdf',
      body: PDF,
    }),
  );
  // a mailbox download: GBK member names without the UTF-8 flag, a PPT and photos of 官陡街道
  writeFileSync(
    path.join(materials, '附件打包下载.zip'),
    writeZip([
      { name: '官陡街道/官陡街道科普日PPT.pptx', data: PPTX },
      { name: '官陡街道/官陡街道活动照片1.jpg', data: JPG },
      { name: '官陡街道/官陡街道活动照片2.jpg', data: JPG },
    ]),
  );
  writeFileSync(path.join(materials, '随手拍.jpg'), JPG);
  manifest = path.join(tmp, '材料接收时间.csv');
  writeFileSync(manifest, iconv.encode('文件名,接收时间\r\n附件打包下载.zip,2023-09-24 10:00\r\n', 'gbk'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function run(asOf: string, rules = rulesFor(), out = path.join(tmp, `out-${asOf}`)) {
  return runFollowUpJob(master, rules, { out, asOf, materials, received: manifest, lang: 'zh', createdAt: new Date(Date.UTC(2023, 9, 1)) });
}

/** kind|unit|activity-or-part → status */
function statuses(plan: Awaited<ReturnType<typeof run>>['plan']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of plan.obligations) out[`${o.kind}|${o.unit}|${o.activity ?? o.part}`] = o.status + (o.late ? '(逾期提交)' : '');
  for (const u of plan.units) out[`quota|${u.name}`] = u.quotaStatus;
  return out;
}

const [A, B, C, D, E] = ACTS.map((a) => a.name);

describe('kepuri follow-up: statuses at three as-of days', () => {
  it('classifies and matches every material', async () => {
    const { plan } = await run('2023-10-10');
    const got = plan.materials.map((m) => [m.path.slice(materials.length + 1), m.unit ?? null, m.kind ?? null, m.receivedAt ?? null]);
    expect(got).toEqual([
      ['gd.eml#官陡街道科普日工作总结.docx', '官陡街道', '总结', '2023-09-24T16:20:00+08:00'],
      ['sx.eml#沈巷镇全国科普日工作总结.docx', '沈巷镇', '总结', '2023-09-27T09:00:00+08:00'],
      ['wjw.eml#中医药健康知识义诊活动总结.pdf', '区卫健委', '总结', '2023-09-30T11:00:00+08:00'],
      ['附件打包下载.zip#官陡街道/官陡街道活动照片1.jpg', '官陡街道', '图片', '2023-09-24T10:00:00+08:00'],
      ['附件打包下载.zip#官陡街道/官陡街道活动照片2.jpg', '官陡街道', '图片', '2023-09-24T10:00:00+08:00'],
      ['附件打包下载.zip#官陡街道/官陡街道科普日PPT.pptx', '官陡街道', 'PPT', '2023-09-24T10:00:00+08:00'],
      ['随手拍.jpg', null, '图片', null],
    ]);
  });

  it('before every deadline (2023-09-10): nothing overdue, exit 0', async () => {
    const { plan, report } = await run('2023-09-10');
    expect(statuses(plan)).toEqual({
      [`website|官陡街道|${A}`]: '已完成',
      [`supplement|官陡街道|${A}`]: '已完成',
      // the summary date 9月20日 is after the as-of day: not done yet on 9月10日
      [`summary|官陡街道|${A}`]: '未到期',
      [`website|官陡街道|${B}`]: '未到期',
      [`supplement|官陡街道|${B}`]: '未到期',
      [`summary|官陡街道|${B}`]: '不适用',
      [`website|沈巷镇|${C}`]: '已完成',
      [`supplement|沈巷镇|${C}`]: '未到期',
      [`summary|沈巷镇|${C}`]: '未到期',
      [`website|区卫健委|${D}`]: '已完成',
      [`supplement|区卫健委|${D}`]: '已完成',
      [`summary|区卫健委|${D}`]: '未到期',
      [`website|区教体局|${E}`]: '未到期',
      [`supplement|区教体局|${E}`]: '未到期',
      [`summary|区教体局|${E}`]: '不适用',
      ...Object.fromEntries(
        ['总结', 'PPT', '图片', '视频', '汇总表'].flatMap((p) => [
          [`town|官陡街道|${p}`, '未到期'],
          [`town|沈巷镇|${p}`, '未到期'],
        ]),
      ),
      'quota|官陡街道': '未到期',
      'quota|沈巷镇': '已完成',
      'quota|区卫健委': '已完成',
      'quota|区教体局': '不适用',
    });
    expect(report.totals.errors).toBe(0);
    expect(report.totals.overdue).toBe(0);
    expect(report.findings.map((f) => f.code)).toEqual(['material-unit-unknown']);
  });

  it('on the deadline (2023-09-25): what is due that day is 即将到期, exit 0', async () => {
    const { plan, report } = await run('2023-09-25');
    const s = statuses(plan);
    expect(s).toMatchObject({
      [`summary|官陡街道|${A}`]: '已完成',
      [`website|官陡街道|${B}`]: '即将到期',
      [`supplement|官陡街道|${B}`]: '即将到期',
      [`supplement|沈巷镇|${C}`]: '即将到期',
      // due 10月2日: 7 days away
      [`summary|沈巷镇|${C}`]: '未到期',
      [`summary|区卫健委|${D}`]: '未到期',
      [`website|区教体局|${E}`]: '即将到期',
      // the activity ends 9月30日: its supplementary info is due then, 5 days away
      [`supplement|区教体局|${E}`]: '未到期',
      'town|官陡街道|总结': '已完成',
      'town|官陡街道|PPT': '已完成',
      'town|官陡街道|图片': '已完成',
      'town|官陡街道|视频': '即将到期',
      'town|官陡街道|汇总表': '即将到期',
      // 沈巷镇's summary arrives on 9月27日: not yet on the 25th
      'town|沈巷镇|总结': '即将到期',
      'quota|官陡街道': '即将到期',
    });
    expect(report.totals.errors).toBe(0);
    expect(plan.obligations.find((o) => o.kind === 'supplement' && o.activity === B)?.missing).toBe('新闻报道链接、照片视频、活动网址');
    expect(report.findings.filter((f) => f.code === 'follow-up-due-soon').length).toBeGreaterThan(0);
  });

  it('after (2023-10-10): overdue items are errors, late arrivals are done late', async () => {
    const { plan, report, written } = await run('2023-10-10');
    expect(statuses(plan)).toMatchObject({
      [`summary|官陡街道|${A}`]: '已完成',
      [`website|官陡街道|${B}`]: '逾期',
      [`supplement|官陡街道|${B}`]: '逾期',
      [`supplement|沈巷镇|${C}`]: '逾期',
      [`summary|沈巷镇|${C}`]: '逾期',
      // the PDF named after the activity, received 9月30日, within 10 days of 9月23日
      [`summary|区卫健委|${D}`]: '已完成',
      [`website|区教体局|${E}`]: '逾期',
      [`supplement|区教体局|${E}`]: '逾期',
      'town|官陡街道|总结': '已完成',
      'town|官陡街道|视频': '逾期',
      'town|沈巷镇|总结': '已完成(逾期提交)',
      'town|沈巷镇|PPT': '逾期',
      'quota|官陡街道': '逾期',
      'quota|沈巷镇': '已完成',
    });
    const codes = report.findings.map((f) => `${f.code}|${f.unit ?? ''}`).sort();
    expect(codes).toEqual(
      [
        'website-not-registered|官陡街道',
        'supplement-missing|官陡街道',
        'supplement-missing|沈巷镇',
        'summary-overdue|沈巷镇',
        'website-not-registered|区教体局',
        'supplement-missing|区教体局',
        'town-summary-missing|官陡街道',
        'town-summary-missing|沈巷镇',
        'material-late|沈巷镇',
        'website-quota-short|官陡街道',
        'material-unit-unknown|',
      ].sort(),
    );
    expect(report.totals.errors).toBe(9);
    // outputs: the list, the notice (BOM, CRLF), reminders for the units that owe something
    expect(written.map((w) => path.relative(path.join(tmp, 'out-2023-10-10'), w)).sort()).toEqual(
      ['report.json', '催办/区教体局.txt', '催办/官陡街道.txt', '催办/沈巷镇.txt', '催办通报.txt', '跟进清单.xlsx'].sort(),
    );
    const notice = readFileSync(path.join(tmp, 'out-2023-10-10', '催办通报.txt'));
    expect([...notice.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = notice.toString('utf8');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain('官陡街道（张敏，13956021876）');
    expect(text).toContain('镇街工作总结缺视频、汇总表，截止9月25日');
    const reminder = readFileSync(path.join(tmp, 'out-2023-10-10', '催办', '沈巷镇.txt'), 'utf8');
    expect(reminder).toContain('贵单位');
    expect(reminder).toContain('拟推优活动《稻田综合种养技术培训》未提交活动总结，截止10月2日（逾期）');
    expect(reminder.trimEnd().split(/\r\n/).slice(-2)[0]).toBe('芜湖市鸠江区科学技术协会');
  });

  it('writes 跟进清单.xlsx with a sheet per obligation kind and the quota sheet', async () => {
    await run('2023-10-10');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'out-2023-10-10', '跟进清单.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位跟进', '活动跟进', '网站发布', '网站任务数', '补充信息', '活动总结', '镇街工作总结', '材料清单']);
    const quota = wb.getWorksheet('网站任务数')!;
    const rows = quota
      .getSheetValues()
      .slice(2)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1, 8));
    expect(rows).toEqual([
      ['官陡街道', '镇街', 2, 1, 1, '2023-09-25', '逾期'],
      ['沈巷镇', '镇街', 1, 1, 0, '2023-09-25', '已完成'],
      ['区卫健委', '区直部门', 1, 1, 0, '2023-09-25', '已完成'],
    ]);
    const units = wb.getWorksheet('单位跟进')!;
    expect(units.getRow(2).getCell(1).value).toBe('官陡街道');
    expect(units.getRow(2).getCell(3).value).toBe('张敏');
    expect(units.getRow(2).getCell(4).value).toBe('13956021876');
  });

  it('moves with the config: a later town deadline makes the town parts not yet due', async () => {
    const rules = rulesFor();
    rules.deadlines = { ...rules.deadlines, townSummary: '2023-10-15', dueSoonDays: 5 };
    const { plan } = await run('2023-10-10', rules, path.join(tmp, 'out-moved'));
    const s = statuses(plan);
    expect(s['town|官陡街道|视频']).toBe('即将到期');
    expect(s['town|沈巷镇|总结']).toBe('已完成');
    rules.deadlines = { ...rules.deadlines, dueSoonDays: 3 };
    const again = statuses((await run('2023-10-10', rules, path.join(tmp, 'out-moved'))).plan);
    expect(again['town|官陡街道|视频']).toBe('未到期');
  });
});

describe('follow-up rules of the year', () => {
  it('kepuri init --year moves every follow-up date and keeps the parts', () => {
    const c = makeConfig(2024);
    expect(c.windows.website).toEqual({ start: '2024-09-01', end: '2024-09-25' });
    expect(c.deadlines).toMatchObject({ supplementary: '2024-09-25', townSummary: '2024-09-25', activitySummaryDays: 10, dueSoonDays: 3 });
    expect(c.deadlines.townSummaryParts).toEqual(['总结', 'PPT', '图片', '视频', '汇总表']);
  });

  it('tells a material kind from its type first, then its name', () => {
    expect(classifyMaterial('官陡街道汇报.pdf', 'pdf')).toBe('总结');
    expect(classifyMaterial('官陡街道科普日PPT.pdf', 'pdf')).toBe('PPT');
    expect(classifyMaterial('活动视频.mp4', 'video')).toBe('视频');
    expect(classifyMaterial('照片.dat', 'image')).toBe('图片');
    expect(classifyMaterial('全国科普日汇总表.xlsx', 'spreadsheet')).toBe('汇总表');
    expect(classifyMaterial('工作总结.docx', 'word')).toBe('总结');
    expect(classifyMaterial('新建文件', 'unknown')).toBeUndefined();
  });
});

// spawns the built CLI: left out of npm run test:fast (KEPURI_FAST=1), run by npm test
describe.skipIf(process.env.KEPURI_FAST === '1')('kepuri follow-up CLI', () => {
  const kepuri = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/kepuri.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('exits 0 before the deadlines and on them, 1 once something is overdue; --config moves the dates', () => {
    const common = [master, '--materials', materials, '--received', manifest];
    const roster = path.join(tmp, 'roster.csv');
    writeFileSync(
      roster,
      '序号,单位类别,单位名称,网站填报任务数,联系人,联系电话\n1,镇街,官陡街道,2,张敏,13956021876\n2,镇街,沈巷镇,1,吴海涛,13739075126\n3,区直部门,区卫健委,1,,\n4,区直部门,区教体局,,,\n',
    );
    const before = kepuri(['follow-up', ...common, '--roster', roster, '--as-of', '2023-09-10', '-o', path.join(tmp, 'cli-a')]);
    expect(before.stderr).toBe('');
    expect(before.code).toBe(0);
    expect(kepuri(['follow-up', ...common, '--roster', roster, '--as-of', '9月25日', '-o', path.join(tmp, 'cli-b')]).code).toBe(0);
    const after = kepuri(['follow-up', ...common, '--roster', roster, '--as-of', '2023-10-10', '-o', path.join(tmp, 'cli-c'), '--json']);
    expect(after.code).toBe(1);
    const report = JSON.parse(after.stdout);
    expect(report.kind).toBe('follow-up');
    expect(report.asOf).toBe('2023-10-10');
    // a config a year's notice gives later dates: nothing due by 10月10日 is overdue any more
    const config = makeConfig(2023);
    config.windows.website.end = '2023-10-31';
    config.deadlines = { ...config.deadlines, supplementary: '2023-10-31', townSummary: '2023-10-31', activitySummaryDays: 30 };
    const configFile = path.join(tmp, 'kepuri.config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const moved = kepuri(['follow-up', ...common, '--roster', roster, '--config', configFile, '--as-of', '2023-10-10', '-o', path.join(tmp, 'cli-d')]);
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(kepuri(['follow-up', master, '--as-of', '明天', '-o', path.join(tmp, 'cli-e')]).code).toBe(2);
    expect(kepuri(['follow-up', master, '-o', path.dirname(master)]).code).toBe(2);
  });
});
