/**
 * `kepuri page` (issue 14) without a browser: the built page copied with the rules in force
 * filled in, its size printed; a bad config stops it like every command (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedRulesJson, fillRules } from '../../src/cli/page-command.js';

const ROOT = path.resolve(__dirname, '../..');
const KEPURI = path.join(ROOT, 'bin/kepuri.js');
const BUILT = path.join(ROOT, 'dist/web/科普日活动安排表校验.html');

function kepuri(args: string[], cwd: string) {
  return spawnSync(process.execPath, [KEPURI, ...args], { cwd, encoding: 'utf8' });
}

function rulesBlock(html: string): { config?: { name: string; text: string; files: { name: string; base64: string }[] } } {
  const m = /<script type="application\/json" id="kepuri-rules">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m![1]);
}

describe('kepuri page', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) spawnSync(process.execPath, [path.join(ROOT, 'scripts/bundle-page.mjs')], { cwd: ROOT });
  }, 120_000);

  it('writes one self-contained file with the embedded defaults and prints its size (under 3 MiB)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-page-'));
    const r = kepuri(['page'], dir);
    expect(r.status).toBe(0);
    const file = path.join(dir, '科普日活动安排表校验.html');
    const size = statSync(file).size;
    expect(size).toBeLessThan(3 * 1024 * 1024);
    expect(r.stdout).toContain(`（${(size / 1048576).toFixed(2)} MiB，2023年鸠江区规则，内置）`);
    const html = readFileSync(file, 'utf8');
    expect(rulesBlock(html)).toEqual({});
    // nothing loaded from anywhere: no src= or href= to another file or host, and no network API allowed
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toContain('unsafe-eval');
    expect(html.match(/<\/script>/g)!.length).toBe(3);
  });

  it('embeds the config file and the roster it names, so the page applies them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-page-'));
    expect(kepuri(['init', '--year', '2024'], dir).status).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, 'kepuri.config.json'), 'utf8'));
    copyFileSync(path.join(ROOT, 'fixtures/附件1-任务分解表.xlsx'), path.join(dir, '附件1.xlsx'));
    config.roster = './附件1.xlsx';
    writeFileSync(path.join(dir, 'kepuri.config.json'), JSON.stringify(config));
    const r = kepuri(['page', '-o', 'p.html'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2024年鸠江区规则，来自 kepuri.config.json');
    const block = rulesBlock(readFileSync(path.join(dir, 'p.html'), 'utf8'));
    expect(block.config!.name).toBe('kepuri.config.json');
    expect(JSON.parse(block.config!.text).roster).toBe('附件1.xlsx');
    expect(JSON.parse(block.config!.text).year).toBe(2024);
    expect(Buffer.from(block.config!.files[0].base64, 'base64').equals(readFileSync(path.join(dir, '附件1.xlsx')))).toBe(true);
  });

  it('stops with exit 2 and the usual message on a config that does not parse, writing nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-page-'));
    writeFileSync(path.join(dir, 'bad.json'), '{ "year": 20 }');
    const r = kepuri(['page', '--config', 'bad.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('配置文件 bad.json');
    expect(existsSync(path.join(dir, '科普日活动安排表校验.html'))).toBe(false);
    expect(kepuri(['page', '-o', 'x.txt'], dir).status).toBe(2);
  });

  it('keeps the rules block inside its script element whatever the config holds', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepuri-page-'));
    const file = path.join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ theme: '</script><script>alert(1)</script>' }));
    const json = await embeddedRulesJson(file);
    expect(json).not.toContain('</');
    const html = fillRules('<script type="application/json" id="kepuri-rules">{}</script><p>', json);
    expect(JSON.parse(rulesBlock(html).config!.text).theme).toBe('</script><script>alert(1)</script>');
  });
});
