/**
 * Hostile files (issue 13, items 13–19): each case is generated here, at test time, merged by the
 * built CLI beside an ordinary submission, and must end quickly with its finding while the other
 * file is merged. The time limit is the (< 10 s a merge); nothing else here is timed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/io/config/load-config.js';
import { readZipDirectorySync, readZipMemberSync } from '../../src/io/read/zip-directory.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import { bracketNumFmtXlsx, longAttributeXlsx, manyLargeSheetsXlsx, nestedCsvZip, unclosedTagsXlsx, type UnclosedTagPart } from '../helpers/hostile-inputs.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kepuri.js');
/** an ordinary submission of another unit, merged beside every hostile file */
const PARTNER = path.join(ROOT, 'fixtures/inbox/鸠江区图书馆科普日活动.xlsx');
const PARTNER_NAME = path.basename(PARTNER);
export const HOSTILE_LIMIT_MS = 10_000;

interface ReportFile {
  path: string;
  status: string;
  rows: number;
}
interface Report {
  files: ReportFile[];
  findings: { code: string; file: string; message: string; cell?: string }[];
}

/** every folder these tests made, removed at the end (some hold megabytes of generated input) */
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function hostileInbox(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-hostile-'));
  made.push(dir);
  const inbox = path.join(dir, 'inbox');
  spawnSync('mkdir', ['-p', inbox]);
  copyFileSync(PARTNER, path.join(inbox, PARTNER_NAME));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(inbox, name), bytes);
  return dir;
}

/** `kepuri merge inbox --json -o out` (plus `extra`), timed from outside. */
export function mergeTimed(dir: string, extra: string[] = []): { report: Report; ms: number; code: number | null; stderr: string } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, 'merge', path.join(dir, 'inbox'), '--json', '-o', path.join(dir, 'out'), ...extra], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  let report: Report = { files: [], findings: [] };
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    // asserted below through files[]
  }
  return { report, ms, code: r.status, stderr: r.stderr };
}

export function fileOf(report: Report, name: string): ReportFile | undefined {
  return report.files.find((f) => path.basename(f.path) === name);
}

export function expectPartnerMerged(report: Report): void {
  const partner = fileOf(report, PARTNER_NAME);
  expect(partner?.status).toBe('merged');
  expect(partner?.rows).toBeGreaterThan(0);
}

describe('hostile files: linear time (item 13)', () => {
  const parts: UnclosedTagPart[] = ['workbook', 'rels', 'cellXfs', 'numFmts', 'mergeCells', 'contentTypes'];
  for (const part of parts) {
    it(`150,000 unclosed start tags in ${part}: read in one pass, the rest of the merge merged`, async () => {
      const dir = hostileInbox({ 'hostile.xlsx': await unclosedTagsXlsx(part) });
      const { report, ms } = mergeTimed(dir);
      expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
      expectPartnerMerged(report);
      // the unclosed tags are not elements: the workbook's own table is still read
      expect(fileOf(report, 'hostile.xlsx')?.status).toBe('merged');
      expect(fileOf(report, 'hostile.xlsx')?.rows).toBeGreaterThan(0);
    });
  }

  it('a number format of 200,000 "[" is no format: the file is read, its dates still dates', async () => {
    const dir = hostileInbox({ 'hostile.xlsx': await bracketNumFmtXlsx() });
    const { report, ms } = mergeTimed(dir);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    expect(fileOf(report, 'hostile.xlsx')?.status).toBe('merged');
  });

  it('a start tag of 4 million characters without "=" or a closing quote ends in a finding, quickly', async () => {
    const dir = hostileInbox({ 'hostile.xlsx': await longAttributeXlsx() });
    const { report, ms } = mergeTimed(dir);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    const hostile = fileOf(report, 'hostile.xlsx');
    expect(hostile).toBeDefined();
    // read by the fallback readers, or reported: never a hang, never lost from files[]
    const own = report.findings.filter((f) => path.basename(f.file) === 'hostile.xlsx').map((f) => f.code);
    expect(own.length).toBeGreaterThan(0);
  });
});

describe('hostile files: one unpacking budget per input (item 14)', () => {
  it('a 5 KB zip holding a zip of a hundred 9.9 MB CSVs stops at its budget, before unpacking them', () => {
    const dir = hostileInbox({ 'nested.zip': nestedCsvZip(100, 9_900_000) });
    const { report, ms } = mergeTimed(dir);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    const inner = report.findings.find((f) => f.file.endsWith('nested.zip#各单位.zip'));
    expect(inner?.code).toBe('file-too-large');
    expect(inner?.message).toContain('含其中的压缩包');
    // not one of the CSVs was extracted and read
    expect(report.files.filter((f) => f.path.includes('.csv'))).toEqual([]);
  });

  it('the same CSVs, a few and small enough, are still read', () => {
    const dir = hostileInbox({ 'nested.zip': nestedCsvZip(3, 100_000) });
    const { report, ms } = mergeTimed(dir);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    expect(report.files.filter((f) => f.path.includes('各单位.zip#表')).map((f) => path.basename(f.path.split('#').pop()!))).toEqual([
      '表1.csv',
      '表2.csv',
      '表3.csv',
    ]);
  });

  it('past the run-wide reading budget the files not yet read are named, and a run that read nothing writes nothing', async () => {
    const rules = await loadRules({ cwd: ROOT });
    const out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-budget-'));
    made.push(out, `${out}-2`);
    // the budget is spent before the first file: nothing could be read, so the run writes nothing
    // and says why, naming the files (issue 12 §6: never replace a good earlier output)
    await expect(runMergeJob([path.join(ROOT, 'fixtures/inbox')], rules, { out, lang: 'zh', runBudgetMs: -1 })).rejects.toThrow(
      /17 个文件都无法读取为活动安排表/,
    );
  });
});

describe('hostile files: paths (item 17)', () => {
  it('a link in the inbox that leads outside it is not read (nor copied into 反馈/); a link inside it is', () => {
    const dir = hostileInbox({});
    const inbox = path.join(dir, 'inbox');
    const outside = path.join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.csv'), '活动名称,开始时间\n机密,2023-09-16\n');
    symlinkSync('/etc/passwd', path.join(inbox, 'passwd.csv'));
    symlinkSync(outside, path.join(inbox, 'outside-dir'));
    mkdirSync(path.join(inbox, 'sub'));
    symlinkSync(path.join(inbox, PARTNER_NAME), path.join(inbox, 'sub', 'inside-link.xlsx'));
    const { report, ms } = mergeTimed(dir, ['--feedback']);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    // the link inside the inbox is followed: the partner, reached twice, is read once (the link
    // sorts first)
    expect(report.files.filter((f) => f.status === 'merged').map((f) => path.basename(f.path))).toEqual(['inside-link.xlsx']);
    const refused = report.findings.filter((f) => f.code === 'file-unsupported' && f.message.includes('输入文件夹之外')).map((f) => path.basename(f.file));
    expect(refused.sort()).toEqual(['outside-dir', 'passwd.csv']);
    expect(report.files.some((f) => f.path.includes('secret.csv'))).toBe(false);
    // nothing from outside reached the outputs
    const copies = readdirSyncSafe(path.join(dir, 'out', '反馈'));
    expect(copies.filter((n) => !n.endsWith('.txt') && (n.includes('passwd') || n.includes('secret')))).toEqual([]);
    expect(copies.length).toBeGreaterThan(0);
    for (const n of copies) expect(readFileSync(path.join(dir, 'out', '反馈', n)).includes('root:')).toBe(false);
  });

  it('-o through a link into the inbox is refused before any work, and nothing is written there', () => {
    const dir = hostileInbox({});
    const sub = path.join(dir, 'inbox', 'sub');
    mkdirSync(sub);
    symlinkSync(sub, path.join(dir, 'out-link'));
    const r = spawnSync(process.execPath, [BIN, 'merge', path.join(dir, 'inbox'), '-o', path.join(dir, 'out-link', 'new')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('位于输入文件夹');
    expect(readdirSyncSafe(sub)).toEqual([]);
  });
});

function readdirSyncSafe(d: string): string[] {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}

/** A part of an .xlsx as text. */
function partOf(file: string, name: string): string {
  const bytes = readFileSync(file);
  return readZipMemberSync(bytes, name, 64 * 1024 * 1024)?.toString('utf8') ?? '';
}

/** The style ids (cellXfs indexes) that carry quotePrefix in a workbook. */
function quotedStyleIds(file: string): Set<number> {
  const styles = partOf(file, 'xl/styles.xml');
  const xfs = styles.slice(styles.indexOf('<cellXfs'), styles.indexOf('</cellXfs>'));
  const ids = new Set<number>();
  [...xfs.matchAll(/<xf\b[^>]*>/g)].forEach((m, i) => {
    if (m[0].includes('quotePrefix="1"')) ids.add(i);
  });
  return ids;
}

/** The style id of every shared-string cell holding `text`, in every worksheet. */
function stylesOfText(file: string, text: string): number[] {
  const sst = partOf(file, 'xl/sharedStrings.xml');
  const items = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  );
  const index = items.indexOf(text);
  if (index < 0) return [];
  const out: number[] = [];
  const bytes = readFileSync(file);
  for (const e of readZipDirectorySync(bytes) ?? []) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) continue;
    const xml = partOf(file, e.name);
    for (const m of xml.matchAll(/<c ([^>]*)t="s"[^>]*><v>(\d+)<\/v><\/c>/g)) {
      if (Number(m[2]) === index) out.push(Number(/s="(\d+)"/.exec(m[1])?.[1] ?? 0));
    }
  }
  return out;
}

describe('hostile files: formulas never reach the copies we write (item 18)', () => {
  async function formulaBook(): Promise<Buffer> {
    const { sheetjsBook, writeBook } = await import('../io/make-files.js');
    const { HEADER, validRow } = await import('../helpers/sheet.js');
    const aoa = [
      ['2023年全国科普日活动安排表'],
      ['填报单位：官陡街道'],
      HEADER,
      validRow(1, { 联系电话: '电话待定' }),
      validRow(2, { 备注: '@SUM(A1)' }),
    ] as unknown[][];
    return writeBook(
      sheetjsBook([
        {
          name: '活动安排表',
          aoa,
          cells: {
            N4: { t: 'n', v: 0, f: "cmd|' /C calc'!A0" },
            N5: { t: 's', v: '点此报名', f: 'HYPERLINK("http://evil.example/","点此报名")' },
            U4: { t: 's', v: '=1+1' },
            O5: { t: 's', v: '社区居民', l: { Target: 'http://evil.example/x' } },
          },
        },
      ]),
      'xlsx',
    );
  }

  it('the feedback copy has cached values only, and formula-like text is quotePrefixed there and in the master', async () => {
    const dir = hostileInbox({ '官陡街道.xlsx': await formulaBook() });
    const { report, ms } = mergeTimed(dir, ['--feedback']);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    expect(fileOf(report, '官陡街道.xlsx')?.status).toBe('merged');
    const copy = path.join(dir, 'out', '反馈', '官陡街道.xlsx');
    const sheet = partOf(copy, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<c r="N5"'); // the HYPERLINK's cached text is still there…
    expect(sheet).not.toContain('<f>'); // …but no formula anywhere
    expect(sheet).not.toContain('<f ');
    expect(sheet).not.toContain('calc');
    expect(sheet).not.toContain('<hyperlink');
    expect(partOf(copy, 'xl/worksheets/_rels/sheet1.xml.rels')).not.toContain('evil.example');
    expect(stylesOfText(copy, '点此报名')).toHaveLength(1);
    const quoted = quotedStyleIds(copy);
    for (const text of ['=1+1', '@SUM(A1)']) {
      const ids = stylesOfText(copy, text);
      expect(ids.length, text).toBeGreaterThan(0);
      for (const s of ids) expect(quoted.has(s), `${text} style ${s}`).toBe(true);
    }
    // the master table
    const master = path.join(dir, 'out', '活动汇总表.xlsx');
    const masterQuoted = quotedStyleIds(master);
    const inMaster = stylesOfText(master, '=1+1');
    expect(inMaster.length).toBeGreaterThan(0);
    for (const s of inMaster) expect(masterQuoted.has(s)).toBe(true);
    // plain text keeps its plain style
    for (const s of stylesOfText(master, '官陡街道')) expect(masterQuoted.has(s)).toBe(false);
  });
});

describe('hostile files: file names (item 16)', () => {
  async function bookOfUnit(unit: string): Promise<Buffer> {
    const { sheetjsBook, writeBook } = await import('../io/make-files.js');
    const { HEADER, validRow } = await import('../helpers/sheet.js');
    return writeBook(
      sheetjsBook([
        { name: '活动安排表', aoa: [['2023年全国科普日活动安排表'], [`填报单位：${unit}`], HEADER, validRow(1, { 联系电话: '电话待定' })] as unknown[][] },
      ]),
      'xlsx',
    );
  }

  it("a unit name of 80 Chinese characters: its feedback is written under a name that fits, and so is every other unit's", async () => {
    const longUnit = '鸠江区'.concat('科'.repeat(77));
    const dir = hostileInbox({ 'long.xlsx': await bookOfUnit(longUnit) });
    const { report, ms, code } = mergeTimed(dir, ['--feedback']);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expect(code).not.toBe(2);
    expectPartnerMerged(report);
    const names = readdirSyncSafe(path.join(dir, 'out', '反馈'));
    const mine = names.filter((n) => n.startsWith('科科科') || n.includes('科'.repeat(20)));
    expect(mine.length).toBe(2); // the copy and the reply
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(200);
    expect(report.findings.filter((f) => f.code === 'feedback-not-written')).toEqual([]);
  });

  it('a file whose name is GBK bytes is read and shown decoded; bidi overrides and control characters are shown escaped', async () => {
    const dir = hostileInbox({});
    const inbox = path.join(dir, 'inbox');
    const gbkName = Buffer.concat([Buffer.from(`${inbox}/`), iconv.encode('官陡街道活动安排表.xlsx', 'gbk')]);
    writeFileSync(gbkName, await bookOfUnit('官陡街道'));
    writeFileSync(path.join(inbox, 'x\u202Eslx.exe.xlsx'), await bookOfUnit('湾里街道'));
    const { report, ms } = mergeTimed(dir);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    expect(fileOf(report, '官陡街道活动安排表.xlsx')?.status).toBe('merged');
    const bidi = report.files.find((f) => f.path.includes('slx.exe'));
    expect(bidi?.status).toBe('merged');
    expect(path.basename(bidi!.path)).toBe('x\\u202Eslx.exe.xlsx');
    expect(report.files.some((f) => f.path.includes('\u202E') || f.path.includes('\uFFFD'))).toBe(false);
  });
});

describe('hostile files: messages, not internal errors (item 19)', () => {
  it('a file where the feedback folder goes: outputs are written to a staging folder and moved in as a set, so the run completes and 反馈 becomes the folder', () => {
    const dir = hostileInbox({ 'long.xlsx': readFileSync(PARTNER) });
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', '反馈'), 'a file where the folder should be');
    const { report, ms, code, stderr } = mergeTimed(dir, ['--feedback']);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expect(code).not.toBe(2);
    expect(stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expectPartnerMerged(report);
    expect(statSync(path.join(dir, 'out', '反馈')).isDirectory()).toBe(true);
  });

  it('a unit whose feedback cannot be written gets a finding; the others are written; its reply is not promised', async () => {
    const { writeAnnotations } = await import('../../src/io/write/write-annotated.js');
    const rules = await loadRules({ cwd: ROOT });
    const dir = hostileInbox({});
    const notAFolder = path.join(dir, 'not-a-folder');
    writeFileSync(notAFolder, 'x');
    const finding = {
      code: 'phone-invalid',
      severity: 'error',
      message: '联系电话不是有效号码',
      file: 'a.xlsx',
      sheet: 'S',
      row: 5,
      column: '联系电话',
      cell: 'R5',
      value: 'x',
      unit: '官陡街道',
    } as const;
    const report = {
      version: 1,
      rules,
      files: [{ path: 'a.xlsx', unit: '官陡街道', receivedAt: null, receivedFrom: null, status: 'merged', rows: 1 }],
      units: [],
      totals: { files: 1, rowsRead: 1, rowsMerged: 1, rowsSuperseded: 0, rowsSkipped: 0, rowsInFilesWithoutTable: 0, errors: 1, warnings: 0, infos: 0 },
      findings: [finding],
    } as never;
    const failed: string[] = [];
    const written = await writeAnnotations(report, path.join(notAFolder, '反馈'), { rules, onError: (file) => failed.push(file) });
    expect(written).toEqual([]);
    expect(failed).toContain('a.xlsx');
  });
});

describe('replies without an attachment (item 19)', () => {
  it('a reply whose copy could not be written does not point to an attachment', async () => {
    const { composeReply } = await import('../../src/io/write/write-annotated.js');
    const rules = await loadRules({ cwd: ROOT });
    const finding = {
      code: 'phone-invalid',
      severity: 'error',
      message: '联系电话格式不对',
      file: 'a.xlsx',
      sheet: 'S',
      row: 5,
      column: '联系电话',
      cell: 'R5',
      value: 'x',
      unit: null,
    } as const;
    const withCopy = composeReply('官陡街道', [finding], rules, { annotated: true });
    expect(withCopy).toContain('附件');
    const without = composeReply('官陡街道', [finding], rules, { annotated: false });
    expect(without).not.toContain('附件');
    expect(without).toContain('R5');
  });
});

describe('-o that cannot take the outputs (item 19)', () => {
  function mergeTo(out: string) {
    const started = Date.now();
    const r = spawnSync(process.execPath, [BIN, 'merge', path.join(ROOT, 'fixtures/inbox'), '-o', out], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 30_000,
    });
    return { ...r, ms: Date.now() - started };
  }

  it('-o naming a file: one Chinese sentence, exit 2, before any reading', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-ofile-'));
    made.push(dir);
    const file = path.join(dir, 'out.xlsx');
    writeFileSync(file, 'x');
    const r = mergeTo(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('是一个文件，不是文件夹');
    expect(r.stderr).not.toContain('内部错误');
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(r.ms).toBeLessThan(HOSTILE_LIMIT_MS);
  });

  it('-o where no folder can be made: one Chinese sentence, exit 2, never a hang', () => {
    // /proc refuses new entries (Node's recursive mkdir spins for ever there)
    const r = mergeTo('/proc/kepuri-out/sub');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法写入输出文件夹');
    expect(r.ms).toBeLessThan(HOSTILE_LIMIT_MS);
  });
});

describe('a full disk (item 19)', () => {
  const FULL_DISK = path.join(ROOT, 'test/helpers/full-disk.mjs');
  const outputs = (out: string) =>
    Object.fromEntries(
      readdirSync(out)
        .filter((n) => statSync(path.join(out, n)).isFile())
        .map((n) => [n, readFileSync(path.join(out, n)).toString('base64')]),
    );

  // the summary is written after the master and the upward copy: half the set exists by then;
  // report.json is written last of all
  for (const [what, failing] of [
    ['the summary, half-way through the set', '汇总统计\\.xlsx'],
    ['report.json, the last of the set', 'report\\.json'],
  ] as const) {
    it(`no space left writing ${what}: one Chinese sentence, exit 2, the previous outputs left as they were`, () => {
      const dir = hostileInbox({});
      const out = path.join(dir, 'out');
      const first = mergeTimed(dir);
      expect(first.code).not.toBe(2);
      const before = outputs(out);
      expect(Object.keys(before)).toContain('report.json');
      // the next run finds one more file, and the disk full
      copyFileSync(path.join(ROOT, 'fixtures/inbox/二坝镇科普日活动安排表.xlsx'), path.join(dir, 'inbox', '二坝镇.xlsx'));
      const started = Date.now();
      const r = spawnSync(process.execPath, ['--import', FULL_DISK, BIN, 'merge', path.join(dir, 'inbox'), '-o', out], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', KEPURI_FULL_DISK: `kepuri-new-.*[\\/]\\.${failing}\\.` },
        timeout: 60_000,
      });
      expect(Date.now() - started).toBeLessThan(HOSTILE_LIMIT_MS);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('写出结果时出错（磁盘空间不足）');
      expect(r.stderr).toContain('请腾出空间或换一个输出位置后重试');
      expect(r.stderr).not.toMatch(/at .*\.(js|ts|mjs):\d+/); // no stack trace
      expect(r.stderr).not.toContain('内部错误');
      expect(r.stderr).not.toContain('ENOSPC');
      // no half set: the outputs in place are the previous run's, byte for byte, and nothing staged is left
      expect(outputs(out)).toEqual(before);
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    });
  }
});

describe('odd cells lose that cell, never the file (item 19)', () => {
  it('an out-of-range shared string, NaN / INF / 1e308 in date and count cells, 40,000 characters of text', async () => {
    const { rawXlsx } = await import('../io/make-files.js');
    const { HEADER } = await import('../helpers/sheet.js');
    const col = (i: number) => String.fromCharCode(65 + i);
    const head = HEADER.map((h, i) => `<c r="${col(i)}3" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
    // shared strings: 0 name, 1 category, 2 form, 3 field, 4 mode, 5 place, 6 host, 7 contact, 8 long summary
    const strings = ['防灾讲座', '专家讲科普专项行动', '科普讲座', '防灾避险', '线下', '官陡街道文化站', '官陡街道科协', '王芳', '长'.repeat(40_000)];
    const row = (r: number, name: string, date: string, count: string) =>
      `<row r="${r}"><c r="A${r}"><v>${r - 3}</v></c><c r="B${r}" t="s"><v>${name}</v></c><c r="C${r}" t="s"><v>1</v></c><c r="D${r}" t="s"><v>2</v></c>` +
      `<c r="E${r}" t="s"><v>3</v></c><c r="F${r}" t="s"><v>4</v></c><c r="G${r}"><v>${date}</v></c><c r="J${r}" t="s"><v>5</v></c>` +
      `<c r="L${r}" t="s"><v>6</v></c><c r="N${r}" t="s"><v>8</v></c><c r="P${r}"><v>${count}</v></c><c r="Q${r}" t="s"><v>7</v></c><c r="R${r}"><v>13956781234</v></c></row>`;
    const bytes = await rawXlsx({
      sheetData:
        `<row r="1"><c r="A1" t="inlineStr"><is><t>2023年全国科普日活动安排表</t></is></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>填报单位：官陡街道</t></is></c></row><row r="3">${head}</row>` +
        row(4, '999', '45187', '80') +
        row(5, '0', '1e308', 'NaN') +
        row(6, '0', 'INF', '1e308'),
      sharedStrings: strings,
    });
    const dir = hostileInbox({ 'odd.xlsx': bytes });
    const { report, ms } = mergeTimed(dir);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    expect(fileOf(report, 'odd.xlsx')).toMatchObject({ status: 'merged', rows: 3 });
    const own = report.findings.filter((f) => f.file.endsWith('odd.xlsx')).map((f) => `${f.code}@${f.cell}`);
    // the name of row 4 pointed past the table: that cell is lost (so 活动名称 is missing), the row is not
    expect(own).toContain('required-missing@B4');
    expect(own).toEqual(expect.arrayContaining(['date-invalid@G5', 'date-invalid@G6', 'count-invalid@P5', 'count-invalid@P6']));
    expect(own.filter((c) => c.startsWith('required-missing@G') || c.startsWith('required-missing@P'))).toEqual([]);
    expect(own).toEqual(expect.arrayContaining(['cell-text-truncated@N4', 'cell-text-truncated@N5', 'cell-text-truncated@N6']));
    // the master holds the cut text
    const master = path.join(dir, 'out', '活动汇总表.xlsx');
    expect(partOf(master, 'xl/sharedStrings.xml')).toContain('长'.repeat(32_767) + '<');
    expect(partOf(master, 'xl/sharedStrings.xml')).not.toContain('长'.repeat(32_768));
  });
});

describe('memory across files (item 15)', () => {
  it('four 1 MB workbooks of 100 sheets that expand to 400 MB each, beside valid files: each a finding within the time limit, the valid files merged, memory bounded', () => {
    const bomb = manyLargeSheetsXlsx(); // 100 sheets of 4 MB of XML, each under SPEC §9's per-entry caps
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const dir = hostileInbox({
      'bomb-1.xlsx': bomb,
      'bomb-2.xlsx': bomb,
      '二坝镇.xlsx': readFileSync(path.join(ROOT, 'fixtures/inbox/二坝镇科普日活动安排表.xlsx')),
      'bomb-3.xlsx': bomb,
      'bomb-4.xlsx': bomb,
      '汤沟镇.csv': readFileSync(path.join(ROOT, 'fixtures/inbox/鸠江区科协活动安排表.csv')),
    });
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      ['--import', path.join(ROOT, 'test/helpers/peak-memory.mjs'), BIN, 'merge', path.join(dir, 'inbox'), '--json', '-o', path.join(dir, 'out')],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const ms = Date.now() - started;
    const report = JSON.parse(r.stdout) as Report;
    const maxRssMiB = Number(/KEPURI_MAX_RSS (\d+)/.exec(r.stderr)?.[1]) / 1024;
    console.log(`[item 15] four bombs and three valid files: ${ms} ms, peak RSS of the merge ${maxRssMiB.toFixed(0)} MiB`);
    // the four hostile files together within the time one is allowed
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS);
    expectPartnerMerged(report);
    expect(fileOf(report, '二坝镇.xlsx')).toMatchObject({ status: 'merged' });
    expect(fileOf(report, '汤沟镇.csv')?.rows).toBeGreaterThan(0);
    for (const n of [1, 2, 3, 4]) {
      const f = report.findings.find((x) => path.basename(x.file) === `bomb-${n}.xlsx`);
      expect(f?.code).toBe('file-too-large');
      expect(f?.message).toContain('压缩比超过 100:1');
    }
    expect(maxRssMiB).toBeGreaterThan(0);
    expect(maxRssMiB).toBeLessThan(400);
  });

  it('--feedback on a table too large for a copy: a reply without attachment and a finding, never a crash', async () => {
    const { HEADER, validRow } = await import('../helpers/sheet.js');
    const lines = ['填报单位：官陡街道', HEADER.join(',')];
    for (let i = 1; i <= 25_000; i++)
      lines.push(
        validRow(i, { 联系电话: i === 3 ? '电话待定' : '13956781234' })
          .map((v) => String(v ?? ''))
          .join(','),
      );
    const dir = hostileInbox({ 'big.csv': Buffer.from(lines.join('\n')) });
    const { report, ms, code } = mergeTimed(dir, ['--feedback']);
    expect(ms).toBeLessThan(HOSTILE_LIMIT_MS * 2); // 25,000 rows read, checked and merged
    expect(code).toBe(1);
    expectPartnerMerged(report);
    expect(fileOf(report, 'big.csv')).toMatchObject({ status: 'merged', rows: 25_000 });
    const skipped = report.findings.find((f) => f.code === 'feedback-not-written');
    expect(skipped?.message).toContain('表格过大');
    const names = readdirSyncSafe(path.join(dir, 'out', '反馈'));
    expect(names).toContain('官陡街道-回复.txt');
    expect(names).not.toContain('官陡街道.xlsx');
    expect(readFileSync(path.join(dir, 'out', '反馈', '官陡街道-回复.txt'), 'utf8')).not.toContain('附件');
    // the partner (not on the roster, its own table clean) gets no letter of its own (issue 12 §2)
    expect(names.some((n) => n.startsWith('鸠江区图书馆'))).toBe(false);
  });
});

describe('zip members are inflated when their turn comes (item 14)', () => {
  it("a workbook member is not held unpacked between collecting and reading; its bytes are the member's", async () => {
    const { collectInputs } = await import('../../src/io/inputs/collect-inputs.js');
    const { zipOf } = await import('../io/make-files.js');
    const partner = readFileSync(PARTNER);
    const dir = hostileInbox({ 'mailbox.zip': await zipOf({ 'a/甲.xlsx': partner, 'b/乙.xlsx': partner }) });
    const { items } = await collectInputs([path.join(dir, 'inbox', 'mailbox.zip')], {});
    expect(items.map((i) => path.basename(i.path.split('#').pop()!))).toEqual(['甲.xlsx', '乙.xlsx']);
    for (const item of items) {
      // where the member is, not its bytes: nothing inflated (nor the zip) is held on the item
      expect(Object.values(item).some((v) => v instanceof Uint8Array || v instanceof ArrayBuffer)).toBe(false);
      expect(item.size).toBe(partner.length);
      expect((await item.readBytes()).equals(partner)).toBe(true);
    }
  });
});
