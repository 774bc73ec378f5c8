/** CLI tests: exit codes, --json equal to what the library returns, usage errors, config round trip. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { makeConfig } from '../../src/core/config/make-config.js';
import { buildValidateReport, validateWorkbook } from '../../src/core/validate-files.js';
import { loadRules } from '../../src/io/config/load-config.js';
import { readInputFile } from '../../src/io/read/read-input-file.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kepuri.js');
const V = 'fixtures/validate';

function kepuri(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepuri CLI', () => {
  it('answers --help and --version without loading a reader', () => {
    const help = kepuri(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
    expect(help.stdout).toContain('merge');
    const version = kepuri(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    // the help path must not load the readers: trace every module the process resolves
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', './test/helpers/trace-imports.mjs', BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
      return JSON.parse(/KEPURI_LOADED (.*)/.exec(r.stderr)![1]) as string[];
    };
    const heavy = (urls: string[]) => urls.filter((u) => /read-workbook|exceljs|@e965|postal-mime|write-/.test(u));
    expect(heavy(loaded(['--help']))).toEqual([]);
    expect(heavy(loaded(['--version']))).toEqual([]);
    // control: validate does load them, so the trace can see a heavy load
    expect(heavy(loaded(['validate', `${V}/valid-template.xlsx`])).length).toBeGreaterThan(0);
    // the start-up shell is one CommonJS bundle (scripts/bundle-cli.mjs), which the ESM trace does
    // not see into: it must hold main and commander only, and require nothing else of ours
    const bundle = path.join(ROOT, 'dist/cli/main.cjs');
    expect(statSync(bundle).size).toBeLessThan(300_000); // exceljs or SheetJS alone are megabytes
    const cached = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(bundle)}); console.log(JSON.stringify(Object.keys(require.cache)))`], {
      encoding: 'utf8',
    });
    expect(JSON.parse(cached.stdout)).toEqual([bundle]);
    // nor does --help load child_process (commander's, for subcommands kepuri never runs)
    const script = `const m = require(${JSON.stringify(bundle)}); m.main(['node', 'kepuri', '--help']).then(() => process.stderr.write(JSON.stringify(process.moduleLoadList)))`;
    const internals = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const list = JSON.parse(internals.stderr) as string[];
    expect(list.length).toBeGreaterThan(10);
    expect(list.filter((m) => /child_process|dgram/.test(m))).toEqual([]);
  });

  it('exits 0 on a valid file, 1 on errors, 2 when nothing could be read', () => {
    expect(kepuri(['validate', `${V}/valid-template.xlsx`]).code).toBe(0);
    const bad = kepuri(['validate', `${V}/issue-acceptance.xlsx`]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('G9');
    expect(bad.stdout).toContain('错误');
    expect(kepuri(['validate', `${V}/file-unreadable-truncated.xlsx`]).code).toBe(2);
    expect(kepuri(['validate', 'no-such-file.xlsx']).code).toBe(2);
  });

  it('exits 0 with warnings only', () => {
    const r = kepuri(['validate', `${V}/date-outside-window.xlsx`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('警告');
  });

  it('prints exactly the library report with --json (SPEC §8 shape)', async () => {
    const file = `${V}/issue-acceptance.xlsx`;
    const r = kepuri(['validate', '--json', file]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const cwd = process.cwd();
    process.chdir(ROOT);
    const lib = buildValidateReport([validateWorkbook(await readInputFile(file), defaultRules())], defaultRules(), 'zh');
    process.chdir(cwd);
    expect(json).toEqual(JSON.parse(JSON.stringify(lib)));
    expect(Object.keys(json)).toEqual(['version', 'rules', 'files', 'units', 'totals', 'findings']);
    expect(Object.keys(json.findings[0])).toEqual(['code', 'severity', 'message', 'file', 'sheet', 'row', 'column', 'cell', 'value', 'unit']);
    expect(Object.keys(json.totals)).toEqual([
      'files',
      'rowsRead',
      'rowsMerged',
      'rowsSuperseded',
      'rowsSkipped',
      'rowsInFilesWithoutTable',
      'errors',
      'warnings',
      'infos',
    ]);
    expect(json.files[0]).toMatchObject({ path: file, status: 'merged', receivedAt: null, receivedFrom: null });
  });

  it('speaks English with --lang en', () => {
    const r = kepuri(['validate', '--lang', 'en', `${V}/issue-acceptance.xlsx`]);
    expect(r.stdout).toContain('not in 2023');
  });

  it('exits 2 on bad usage', () => {
    expect(kepuri(['validate']).code).toBe(2);
    expect(kepuri(['frobnicate']).code).toBe(2);
    expect(kepuri(['validate', '--lang', 'fr', `${V}/valid-template.xlsx`]).code).toBe(2);
  });

  it('merge: exit 1 for the example inbox, refuses an output folder inside the input', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'kepuri-cli-'));
    const r = kepuri(['merge', 'fixtures/inbox', '--roster', 'fixtures/附件1-任务分解表.xlsx', '--received', 'fixtures/inbox-received.csv', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('未报送：白茆镇');
    expect(r.stdout).toContain('读取 59 = 汇总 46 + 替代 2 + 跳过 11');
    const json = kepuri(['merge', 'fixtures/inbox', '--roster', 'fixtures/附件1-任务分解表.xlsx', '-o', out, '--json']);
    expect(JSON.parse(json.stdout).totals.rowsMerged).toBe(46);
    const inside = kepuri(['merge', 'fixtures/inbox', '-o', 'fixtures/inbox/out']);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('输入文件夹');
  });

  it('merge of an inbox big enough for the read thread gives what the in-process merge gives', async () => {
    // ≥ 200 files: the compiled CLI reads on a worker thread (and on the main thread while the
    // thread is behind); vitest's in-process run reads every file itself. Same report, same master.
    const { generateInbox } = await import('../../scripts/bench-generate.mjs');
    const base = mkdtempSync(path.join(os.tmpdir(), 'kepuri-pool-'));
    const inbox = path.join(base, 'inbox');
    const FILES = 210;
    await generateInbox(inbox, { files: FILES, rows: 3, seed: 7 });
    const cliOut = path.join(base, 'cli');
    const r = kepuri(['merge', inbox, '-o', cliOut, '--json'], ROOT, { KEPURI_TRACE: '1' });
    expect(r.code, r.stderr).toBeLessThan(2);
    if (os.availableParallelism() > 1) {
      // both readers did take files (the trace line of run-merge.ts)
      const m = /read thread (\d+) files, main thread (\d+)/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(Number(m![1]) + Number(m![2])).toBe(FILES);
      expect(Number(m![1])).toBeGreaterThan(0);
    }
    const cliReport = JSON.parse(r.stdout);
    expect(cliReport.totals.files).toBe(FILES);
    expect(cliReport.totals.rowsMerged).toBeGreaterThan(500);
    const { runMergeJob } = await import('../../src/io/run-merge.js');
    const direct = await runMergeJob([inbox], defaultRules(), { out: path.join(base, 'direct'), lang: 'zh' });
    expect(cliReport).toEqual(JSON.parse(JSON.stringify(direct.report)));
    const { readInputFile: read } = await import('../../src/io/read/read-input-file.js');
    const sheetOfMaster = async (dir: string) => {
      const wb = await read(path.join(dir, '活动汇总表.xlsx'));
      if (!wb.workbook) throw new Error('master unreadable');
      return wb.workbook.sheets[0].rows;
    };
    expect(await sheetOfMaster(cliOut)).toEqual(await sheetOfMaster(path.join(base, 'direct')));
  }, 60_000);

  it('a broken config gives exit 2 naming the file and the JSON path, and writes nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-cfg-'));
    const cfg = makeConfig(2024);
    (cfg.windows.concentrated as { start: string }).start = '2024-13-45';
    writeFileSync(path.join(dir, 'kepuri.config.json'), JSON.stringify(cfg));
    const r = kepuri(['merge', path.join(ROOT, 'fixtures/inbox'), '-o', path.join(dir, 'out')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kepuri.config.json');
    expect(r.stderr).toContain('$.windows.concentrated.start');
    expect(() => readFileSync(path.join(dir, 'out', 'report.json'))).toThrow();
    writeFileSync(path.join(dir, 'kepuri.config.json'), '{ "district": ');
    expect(kepuri(['rules'], dir).code).toBe(2);
  });

  it('a roster that does not parse gives exit 2 naming it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-roster-'));
    writeFileSync(path.join(dir, 'r.csv'), '序号,单位名称,任务数\n1,官陡街道,很多\n');
    const r = kepuri(['rules', '--roster', path.join(dir, 'r.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('r.csv');
    expect(r.stderr).toContain('C2');
  });

  it('init writes a config that loads back unchanged; rules prints it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-init-'));
    expect(kepuri(['init', '--year', '2024'], dir).code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'kepuri.config.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(makeConfig(2024))));
    const rules = await loadRules({ cwd: dir });
    expect(rules.year).toBe(2024);
    expect(rules.windows.concentrated).toEqual({ start: '2024-09-17', end: '2024-09-23' });
    expect(kepuri(['init'], dir).code).toBe(2); // exists, no --force
    const text = kepuri(['rules'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('2024-09-17');
    expect(JSON.parse(kepuri(['rules', '--json'], dir).stdout).year).toBe(2024);
  });
});
