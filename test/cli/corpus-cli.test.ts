/**
 * Every real-world file of the shared corpus through the real CLI, end to end: `kepuri validate
 * --json` over the whole corpus in two processes (one per core, half the files each). Each run
 * must end on its own with exit 1 or 2, a report that accounts for every file it was given, a
 * finding for every file it could not read, no stack trace, and bounded memory (the process's peak
 * RSS measured from /proc; the parsing child runs under a heap cap). The per-file time limit is
 * asserted in-process by test/io/corpus.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { CALAMINE as CORPUS, HAS_CORPUS, describeCorpus, itCorpus } from '../helpers/corpus.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const files = HAS_CORPUS
  ? readdirSync(CORPUS)
      .filter((f) => !f.startsWith('.'))
      .sort()
  : [];
const TMP = mkdtempSync(path.join(os.tmpdir(), 'kepuri-corpus-'));

interface Run {
  files: string[];
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
  rssMiB: number;
}

function run(lane: string[], i: number): Promise<Run> {
  const usage = path.join(TMP, `${i}.json`);
  const t0 = Date.now();
  const args = ['--require', './scripts/bench-rusage.cjs', 'bin/kepuri.js', 'validate', '--json', ...lane.map((f) => path.join(CORPUS, f))];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, KEPURI_BENCH_RUSAGE: usage, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      let rssMiB = Number.NaN;
      try {
        rssMiB = JSON.parse(readFileSync(usage, 'utf8')).maxRssMiB;
      } catch {
        /* killed before exit: rss stays NaN and the test fails on it */
      }
      resolve({ files: lane, code, ms: Date.now() - t0, stdout, stderr, rssMiB });
    });
  });
}

describeCorpus('the shared corpus through kepuri validate', () => {
  itCorpus(
    'ends with a clear result for every file, no crash, bounded memory',
    async () => {
      expect(files.length).toBeGreaterThan(100);
      const lanes = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
      const runs = await Promise.all(lanes.map(run));
      const statuses: Record<string, number> = {};
      for (const r of runs) {
        expect(r.code, `exit ${r.code}\n${r.stderr}`).toBe(1);
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误|FATAL|Error:/);
        expect(r.rssMiB).toBeLessThan(1024);
        const report = JSON.parse(r.stdout);
        expect(report.files.map((f: { path: string }) => path.basename(f.path)).sort()).toEqual([...r.files].sort());
        for (const f of report.files) {
          statuses[f.status] = (statuses[f.status] ?? 0) + 1;
          const own = report.findings.filter((x: { file: string }) => x.file === f.path);
          // a file that could not be read, or had no table, says why
          if (f.status !== 'merged' || f.rows === 0) expect(own.length, f.path).toBeGreaterThan(0);
        }
      }
      console.log('corpus through the CLI:', JSON.stringify(statuses), runs.map((r) => `${r.files.length} files ${r.ms} ms`).join(', '));
    },
    300_000,
  );
});
