/**
 * Every real-world file of ../shared/corpus/ through the real CLI: each ends on its own within
 * 10 s with exit 0, 1 or 2, a clear result, no stack trace, and bounded memory (the main process's
 * peak RSS measured from /proc; the parsing child runs under a heap cap, READ_WORKER_HEAP_MB).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/calamine');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => !f.startsWith('.')).sort() : [];
const TMP = mkdtempSync(path.join(os.tmpdir(), 'kepuri-corpus-'));

interface Run {
  file: string;
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
  rssMiB: number;
}

function run(file: string, i: number): Promise<Run> {
  const usage = path.join(TMP, `${i}.json`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', './scripts/bench-rusage.cjs', 'bin/kepuri.js', 'validate', '--json', path.join(CORPUS, file)], {
      cwd: ROOT,
      env: { ...process.env, KEPURI_BENCH_RUSAGE: usage, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      let rssMiB = NaN;
      try {
        rssMiB = JSON.parse(readFileSync(usage, 'utf8')).maxRssMiB;
      } catch {
        /* killed before exit: rss stays NaN and the test fails on time */
      }
      resolve({ file, code, ms: Date.now() - t0, stdout, stderr, rssMiB });
    });
  });
}

async function runAll(): Promise<Run[]> {
  const results: Run[] = [];
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await run(files[i], i);
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

describe('the shared corpus through kepuri validate', () => {
  it('ends every file quickly with a clear result and no crash', async () => {
    expect(files.length).toBeGreaterThan(100);
    const results = await runAll();
    const outcomes: Record<string, number> = {};
    for (const r of results) {
      expect([0, 1, 2], `${r.file}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
      expect(r.ms, `${r.file} took ${r.ms} ms`).toBeLessThan(10_000);
      expect(r.stderr, r.file).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误|FATAL|Error:/);
      expect(r.rssMiB, r.file).toBeLessThan(1024);
      const report = JSON.parse(r.stdout);
      expect(report.files).toHaveLength(1);
      // exit 2 exactly when the file could not be read; otherwise a table or a finding says why not
      const read = report.files[0].status === 'merged';
      expect(r.code === 2, r.file).toBe(!read);
      if (!read) expect(report.findings.length, r.file).toBeGreaterThan(0);
      outcomes[String(r.code)] = (outcomes[String(r.code)] ?? 0) + 1;
    }
    const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log('corpus exit codes:', JSON.stringify(outcomes), 'slowest:', slowest.file, slowest.ms, 'ms');
  }, 600_000);
});
