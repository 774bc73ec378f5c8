/**
 * Issue 12 §2, §5, §6 on the example inbox and through the CLI: the 报送情况通报, the replies the
 * merge writes, the rules line, and the safety of earlier outputs (a missing input or an inbox with
 * nothing readable is exit 2 and writes nothing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, promises as fs, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/io/config/load-config.js';
import { parseManifest } from '../../src/io/inputs/received-manifest.js';
import { runMergeJob } from '../../src/io/run-merge.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kepuri.js');
const ROSTER = 'fixtures/附件1-任务分解表.xlsx';
const RECEIVED = 'fixtures/inbox-received.csv';

function kepuri(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 2023-09-14 10:30 in 芜湖, two days after the deadline */
const RUN_AT = new Date(Date.UTC(2023, 8, 14, 2, 30));

const EXPECTED_NOTICE = [
  '关于2023年全国科普日活动安排表报送情况的通报',
  '',
  '各单位：',
  '　　截至2023年9月14日10:30，应报送活动安排表的14个单位中，已报送13个，未报送1个，共汇总活动46项。另有任务分解表以外的鸠江区图书馆报送，已一并汇总。',
  '　　逾期报送（2个）：芜湖鸠兹智能科技有限公司（9月13日报送）、鸠江区青少年科技活动中心（9月13日报送）。报送截止日期为9月12日，今后请按时报送。',
  '　　未报送（1个）：白茆镇（联系人：杨帆，联系电话：0553-5876031）。请尽快报送。',
  '　　需修改后重新报送（1个）：四褐山街道。请于9月17日前按反馈意见修改后重新报送。',
  '',
  '芜湖市鸠江区科学技术协会',
  '2023年9月14日',
  '',
].join('\n');

describe('the example inbox: 通报 and replies', () => {
  it('writes 报送情况通报.txt (BOM, CRLF) and replies only where the unit has something of its own to do, in Chinese even with --lang en', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const rules = await loadRules({ roster: ROSTER, cwd: ROOT });
      const out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-notice-'));
      // the manifest is read by the job from the path
      expect(parseManifest(readFileSync(RECEIVED), RECEIVED).errors).toEqual([]);
      const result = await runMergeJob(['fixtures/inbox'], rules, { out, received: RECEIVED, feedback: true, lang: 'en', createdAt: RUN_AT });
      expect(result.notice).toBe(EXPECTED_NOTICE);
      expect(readFileSync(path.join(out, '报送情况通报.txt'), 'utf8')).toBe('\ufeff' + EXPECTED_NOTICE.replace(/\n/g, '\r\n'));

      const feedback = readdirSync(path.join(out, '反馈')).sort();
      expect(feedback).toEqual(
        [
          '四褐山街道-回复.txt',
          '四褐山街道.xlsx',
          '区卫健委-回复.txt',
          '区卫健委.xlsx',
          '新建 Microsoft Excel 工作表-回复.txt',
          '芜湖鸠兹智能科技有限公司-回复.txt',
          '说明.txt',
          '鸠江区青少年科技活动中心-回复.txt',
        ].sort(),
      );
      // clerk's business only (duplicate across units, quota, no town main event, not on the roster): no letter
      for (const unit of ['二坝镇', '鸠江区科协', '湾里街道', '裕溪口街道', '鸠江区图书馆']) expect(feedback.join()).not.toContain(unit);
      const reply = readFileSync(path.join(out, '反馈', '四褐山街道-回复.txt'), 'utf8');
      expect(reply.startsWith('\ufeff四褐山街道：\r\n')).toBe(true);
      expect(reply).toContain('1. 第7行 G7（开始日期）：开始日期「2022年9月19日」不在2023年，请改为2023年的日期');
      expect(reply).toContain('请修改后于9月17日前重新报送');
      expect(reply).not.toMatch(/[a-z]{4,}/i); // no English sentence although the terminal is English
      expect(readFileSync(path.join(out, '反馈', '说明.txt'), 'utf8')).toContain('fixtures/inbox/活动方案.pdf');
      // report.json keeps the terminal's language
      expect(
        JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).findings.some((f: { message: string }) => /after the deadline/.test(f.message)),
      ).toBe(true);
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('CLI: rules line, --notice, and earlier outputs kept safe', () => {
  it('merge --notice prints the note alone on standard output; the rules line and summary go to standard error', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-notice-cli-'));
    // what a run killed half-way leaves behind is cleared by the next one
    mkdirSync(path.join(out, '.kepuri-new-stale'));
    writeFileSync(path.join(out, '.kepuri-new-stale', '活动汇总表.xlsx'), 'half');
    const r = kepuri(['merge', 'fixtures/inbox', '--roster', ROSTER, '--received', RECEIVED, '-o', out, '--notice']);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('关于2023年全国科普日活动安排表报送情况的通报\n')).toBe(true);
    // (the exact counts are the in-process test's; here the CLI's plumbing)
    expect(r.stdout).toContain('白茆镇（联系人：杨帆，联系电话：0553-5876031）');
    expect(r.stderr.split('\n')[0]).toBe('规则：2023 鸠江区（内置），任务分解表：fixtures/附件1-任务分解表.xlsx');
    expect(readFileSync(path.join(out, '报送情况通报.txt'), 'utf8')).toContain('白茆镇');
    const plain = kepuri(['merge', 'fixtures/inbox', '-o', out]);
    expect(plain.stdout.split('\n')[0]).toBe('规则：2023 鸠江区（内置）');
    const en = kepuri(['merge', 'fixtures/inbox', '-o', out, '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe('rules: 2023 鸠江区 (built-in)');
  });

  it('--help of every command is in Chinese with examples, and English with --lang en', () => {
    for (const cmd of [[], ['validate'], ['merge'], ['template'], ['summary'], ['init'], ['rules']]) {
      const zh = kepuri([...cmd, '--help']);
      expect(zh.code, cmd.join()).toBe(0);
      expect(zh.stdout, cmd.join()).toMatch(/^用法： kepuri/);
      expect(zh.stdout, cmd.join()).toContain('选项：');
      expect(zh.stdout, cmd.join()).toContain('示例：');
      expect(zh.stdout, cmd.join()).not.toMatch(/Usage:|Options:|Arguments:|\[options\]|display help|default:/);
      const en = kepuri([...cmd, '--help', '--lang', 'en']);
      expect(en.stdout, cmd.join()).toMatch(/^Usage: kepuri/);
      expect(en.stdout, cmd.join()).toContain('Examples:');
    }
    expect(kepuri(['merge', '--help']).stdout).toContain('-o, --out <dir>        输出文件夹（默认：kepuri-out）');
    const bad = kepuri(['merge', '--bogus', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('错误：未知选项 --bogus');
  });

  it('a missing input path is exit 2 with a clear message and writes nothing', () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'kepuri-missing-'));
    const out = path.join(base, 'out');
    const r = kepuri(['merge', path.join(base, 'no-such-inbox'), 'fixtures/inbox', '-o', out, '--feedback']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到输入');
    expect(r.stderr).toContain('no-such-inbox');
    expect(existsSync(out)).toBe(false);
    const v = kepuri(['validate', path.join(base, 'nope.xlsx'), '--annotate', out]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('找不到文件');
    expect(existsSync(out)).toBe(false);
  });

  it('an inbox with nothing readable is exit 2 and leaves the earlier outputs as they were', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'kepuri-keep-'));
    const out = path.join(base, 'out');
    expect(kepuri(['merge', 'fixtures/inbox', '--roster', ROSTER, '-o', out, '--feedback']).code).toBe(1);
    const before = new Map(readdirSync(out, { recursive: true, encoding: 'utf8' }).map((n) => [n, statSize(path.join(out, n))]));
    const masterBefore = readFileSync(path.join(out, '活动汇总表.xlsx'));
    const junk = path.join(base, 'junk');
    await fs.mkdir(junk);
    writeFileSync(path.join(junk, '海报.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    writeFileSync(path.join(junk, '说明.pdf'), '%PDF-1.4\n');
    const r = kepuri(['merge', junk, '-o', out, '--feedback']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未写出任何文件');
    expect(readFileSync(path.join(out, '活动汇总表.xlsx'))).toEqual(masterBefore);
    const after = new Map(readdirSync(out, { recursive: true, encoding: 'utf8' }).map((n) => [n, statSize(path.join(out, n))]));
    expect(after).toEqual(before);
    const empty = path.join(base, 'empty');
    await fs.mkdir(empty);
    const e = kepuri(['merge', empty, '-o', out]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('没有找到任何活动安排表');
  });

  it('validate takes a saved message and a zip like merge, and --annotate says where it wrote', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-val-'));
    const r = kepuri(['validate', 'fixtures/inbox/附件打包下载.zip', 'fixtures/inbox/卫健委-科普日活动安排表.eml', '--annotate', out]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('规则：2023 鸠江区（内置）');
    expect(r.stdout).toContain('fixtures/inbox/附件打包下载.zip#四褐山街道科普日活动安排表.xlsx');
    expect(r.stdout).toContain('fixtures/inbox/卫健委-科普日活动安排表.eml#鸠江区卫健委科普日活动安排表.xlsx');
    const written = r.stdout.split('\n').find((l) => l.startsWith('已写出：'))!;
    expect(written).toContain(path.join(out, '四褐山街道科协.xlsx'));
    expect(written).toContain(path.join(out, '四褐山街道科协-回复.txt'));
    expect(existsSync(path.join(out, '四褐山街道科协.xlsx'))).toBe(true);
  });
});

function statSize(p: string): string {
  try {
    const st = statSync(p);
    return st.isDirectory() ? 'dir' : `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'gone';
  }
}
