#!/usr/bin/env node
/**
 * Part of `npm run build` (issue 14): the offline page, dist/web/科普日活动安排表校验.html — one
 * file, everything inlined, built from the same src/ as the CLI.
 *
 * Two esbuild bundles: the engine (src/web/engine.ts: the CLI's own commands, run in a Web Worker)
 * and the page's main thread (src/web/page.ts: views, drops, downloads). The engine seam: the Node
 * modules src/io and its libraries use are mapped to the page's implementations in
 * src/io/platform-browser/ (zlib on fflate, fs in memory, iconv-lite on TextDecoder, no read
 * children or threads), `Buffer`/`process` are injected, and createRequire gets a table of the
 * modules src/io asks it for. No source file is changed or duplicated for the page.
 *
 * The page's rules block holds `{}` (the embedded defaults); `kepuri page` fills in a config.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const PAGE_FILE = '科普日活动安排表校验.html';
const PB = path.join(ROOT, 'src/io/platform-browser');

/** Node module → the page's implementation */
const MAP = {
  zlib: path.join(PB, 'zlib.ts'),
  fs: path.join(PB, 'fs.ts'),
  'fs/promises': path.join(PB, 'fs.ts'),
  os: path.join(PB, 'os.ts'),
  url: path.join(PB, 'url.ts'),
  util: path.join(PB, 'util.ts'),
  child_process: path.join(PB, 'stubs.ts'),
  worker_threads: path.join(PB, 'stubs.ts'),
  v8: path.join(PB, 'stubs.ts'),
  vm: path.join(PB, 'stubs.ts'),
  crypto: path.join(PB, 'stubs.ts'),
  path: require.resolve('path-browserify'),
  stream: require.resolve('readable-stream'),
  events: require.resolve('events/'),
  buffer: require.resolve('buffer/'),
  'iconv-lite': path.join(PB, 'iconv.ts'),
  // exceljs without its streaming reader and writer (never used: SPEC conventions)
  exceljs: require.resolve('exceljs/lib/exceljs.bare.js'),
};

/**
 * What src/ asks createRequire for: every `require('…')` in its sources (found at build time, so a
 * module a reader starts to require is in the page without anyone remembering to add it here).
 */
function requiredModules() {
  const found = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]);
    }
  };
  walk(path.join(ROOT, 'src/io'));
  walk(path.join(ROOT, 'src/core'));
  // Node's own modules are imported, not required, by src/ (and are mapped above). officecrypto-tool
  // (default-key decryption, issue 13) needs node:crypto's PBKDF and AES: the page leaves it out, so
  // a workbook saved with Excel's default key is reported there as encrypted (a difference noted in
  // the README)
  const NOT_IN_PAGE = new Set(['officecrypto-tool']);
  return [...found].filter((id) => !id.startsWith('node:') && !builtinModules.includes(id) && !NOT_IN_PAGE.has(id)).sort();
}
const REQUIRED = requiredModules();
if (process.env.KEPURI_PAGE_DEBUG) console.log('required:', REQUIRED);

const seam = {
  name: 'kepuri-page-seam',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z0-9_/-]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (name === 'module') return { path: 'module', namespace: 'kepuri-require' };
      const to = MAP[name];
      return to ? { path: to } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'kepuri-require' }, () => ({
      contents:
        'const table = {\n' +
        REQUIRED.map((id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(id)}),`).join('\n') +
        '\n};\nexport function createRequire() {\n  return (id) => {\n    const get = table[id];\n    if (!get) throw new Error("not in the page: " + id);\n    return get();\n  };\n}\nexport default { createRequire };\n',
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

async function bundle(entry, extra = {}) {
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'chrome109',
    // KEPURI_PAGE_MINIFY=0: readable names, for profiling the engine
    minify: process.env.KEPURI_PAGE_MINIFY !== '0',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    ...extra,
  });
  return out.outputFiles[0].text;
}

/** Script text safe inside <script>…</script>. */
function inlineScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export async function buildPage() {
  const engine = await bundle('src/web/engine.ts', {
    plugins: [seam],
    inject: [path.join(PB, 'globals.ts')],
    define: { global: 'globalThis', 'import.meta.url': '"file:///kepuri/engine.js"', 'process.env.NODE_ENV': '"production"' },
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser', 'import', 'default'],
  });
  const page = await bundle('src/web/page.ts');
  const shell = readFileSync(path.join(ROOT, 'src/web/page.html'), 'utf8');
  const css = readFileSync(path.join(ROOT, 'src/web/page.css'), 'utf8');
  const pieces = { STYLE: css, RULES: '{}', ENGINE: inlineScript(engine), PAGE: inlineScript(page) };
  const html = shell.replace(/\/\*(STYLE|RULES|ENGINE|PAGE)\*\//g, (_m, k) => pieces[k]);
  const dir = path.join(ROOT, 'dist/web');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, PAGE_FILE);
  writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html), engineBytes: Buffer.byteLength(engine) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, bytes, engineBytes } = await buildPage();
  process.stdout.write(`page: ${path.relative(ROOT, file)} ${(bytes / 1048576).toFixed(2)} MiB (engine ${(engineBytes / 1048576).toFixed(2)} MiB)\n`);
}
