/**
 * Preload for `npm run bench`: records what the whole process cost.
 *
 *   KEPURI_BENCH_RUSAGE=/tmp/r.json node --require ./scripts/bench-rusage.cjs bin/kepuri.js merge …
 *
 * On exit (normal end, process.exit, or an uncaught error that still reaches 'exit') it writes
 *   { wallMs, userMs, systemMs, cpuMs, maxRssMiB, exitCode, pid }
 * to the file named by KEPURI_BENCH_RUSAGE (nothing when the variable is unset).
 *
 * - wallMs: performance.now() at exit, i.e. milliseconds since performance.timeOrigin, which Node
 *   sets at process start (before bootstrap and module loading). It does not include the exec()
 *   and the dynamic linking before Node's own start; bench.mjs therefore also times the child from
 *   spawn to close, which is the figure it reports as wall.
 * - userMs / systemMs: process.resourceUsage() (getrusage RUSAGE_SELF), in µs → ms. RUSAGE_SELF
 *   covers every thread of the process, so CPU spent in worker threads and in libuv's thread pool
 *   (zlib inflate/deflate, fs) is included — a parallel reader shows CPU > wall.
 * - maxRssMiB: peak resident set of the whole process (worker threads' heaps included, one address
 *   space). On Linux this is VmHWM from /proc/self/status, NOT resourceUsage().maxRSS: the kernel
 *   keeps ru_maxrss across execve, so a child spawned by a big parent (fork copies the parent's
 *   mappings, exec records their high-water mark) reports at least the parent's RSS at fork time —
 *   we saw an empty script "peak" at 192 MiB after the bench had grown. VmHWM belongs to the
 *   post-exec address space only. ruMaxRssMiB (ru_maxrss, KiB → MiB) is kept in the record for
 *   comparison, and is the fallback where /proc is absent (macOS: bytes there, handled).
 * A process killed by a signal (SIGKILL / OOM killer) writes nothing; the bench reports that.
 * Child processes (KEPURI_BENCH_RUSAGE_CHILDREN set, KEPURI_BENCH_RUSAGE not) append
 * { pid, cpuMs, maxRssMiB } lines to that file instead.
 */
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const { isMainThread } = require('node:worker_threads');

const target = process.env.KEPURI_BENCH_RUSAGE;
const childrenFile = process.env.KEPURI_BENCH_RUSAGE_CHILDREN;
// Child processes kepuri forks (read children for legacy formats and very large files) load this
// file too, through NODE_OPTIONS set by the bench; each appends one line to the children file,
// so the bench can add their CPU and memory to the process under test.
if (!target && childrenFile && isMainThread) {
  process.on('exit', () => {
    const ru = process.resourceUsage();
    const hwm = vmHwmMiB();
    try {
      fs.appendFileSync(
        childrenFile,
        JSON.stringify({ pid: process.pid, cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000, maxRssMiB: hwm ?? ru.maxRSS / 1024 }) + '\n',
      );
    } catch {
      // never change the child's exit
    }
  });
}
// Workers inherit --require; only the main thread writes (its rusage already covers the workers).
if (target && isMainThread) {
  // Only the process under test writes; child processes it might spawn must not overwrite it.
  delete process.env.KEPURI_BENCH_RUSAGE;
  process.on('exit', (code) => {
    const wallMs = performance.now();
    const ru = process.resourceUsage();
    const ruMaxRssMiB = (process.platform === 'darwin' ? ru.maxRSS / 1024 : ru.maxRSS) / 1024;
    const hwmMiB = vmHwmMiB();
    const record = {
      wallMs: Math.round(wallMs * 1000) / 1000,
      userMs: ru.userCPUTime / 1000,
      systemMs: ru.systemCPUTime / 1000,
      cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000,
      maxRssMiB: Math.round((hwmMiB ?? ruMaxRssMiB) * 100) / 100,
      rssSource: hwmMiB != null ? 'VmHWM' : 'ru_maxrss',
      ruMaxRssMiB: Math.round(ruMaxRssMiB * 100) / 100,
      exitCode: code,
      pid: process.pid,
    };
    try {
      fs.writeFileSync(target, JSON.stringify(record) + '\n');
    } catch {
      // a bench artefact must never change the exit code of the process under test
    }
  });
}

/** Peak RSS of this address space in MiB from /proc/self/status (Linux), else null. */
function vmHwmMiB() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
