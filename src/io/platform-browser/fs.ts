/**
 * The page's `node:fs` (issue 14, the engine seam): files are bytes in memory. The page puts what
 * the user dropped under /in, the commands' own code (collect-inputs, run-merge, write-annotated,
 * load-config) walks, reads and writes it through the calls below exactly as on disk, and the
 * page takes the outputs back from /out. Only what src/io and its libraries call is here.
 */
import path from 'node:path';

interface Node {
  dir: boolean;
  bytes?: Buffer;
  mtime: Date;
}

const nodes = new Map<string, Node>([['/', { dir: true, mtime: new Date(0) }]]);

function norm(p: string | Uint8Array): string {
  // a path may come as bytes (collect-inputs reads folder names as bytes, for GBK names on Linux)
  const text = typeof p === 'string' ? p : Buffer.from(p).toString('utf8');
  return path.resolve(text); // relative to process.cwd(): the page's working folder
}

function fsError(code: string, p: string | Uint8Array): NodeJS.ErrnoException {
  const err = new Error(`${code}: ${norm(p)}`) as NodeJS.ErrnoException;
  err.code = code;
  err.path = norm(p);
  return err;
}

function get(p: string | Uint8Array): Node {
  const n = nodes.get(norm(p));
  if (!n) throw fsError('ENOENT', p);
  return n;
}

function ensureDir(p: string): void {
  const abs = norm(p);
  if (nodes.has(abs)) return;
  ensureDir(path.dirname(abs));
  nodes.set(abs, { dir: true, mtime: new Date() });
}

/** The page's own entry points: put a dropped file, take an output, start afresh. */
export function putFile(p: string, bytes: Uint8Array, mtime = new Date()): void {
  const abs = norm(p);
  ensureDir(path.dirname(abs));
  nodes.set(abs, { dir: false, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), mtime });
}
export function takeFile(p: string): Buffer | undefined {
  return nodes.get(norm(p))?.bytes;
}
export function listFiles(dir: string): string[] {
  const abs = norm(dir);
  return [...nodes.entries()].filter(([k, n]) => !n.dir && k.startsWith(abs + '/')).map(([k]) => k);
}
export function removeTree(dir: string): void {
  const abs = norm(dir);
  for (const k of [...nodes.keys()]) if (k === abs || k.startsWith(abs + '/')) nodes.delete(k);
}

/** What a file's entry says of its kind: shared by Stats and Dirent, as in Node. */
class Kind {
  constructor(protected readonly n: Node) {}
  isFile(): boolean {
    return !this.n.dir;
  }
  isDirectory(): boolean {
    return this.n.dir;
  }
  isSymbolicLink(): boolean {
    return false;
  }
}

class Stats extends Kind {
  get size(): number {
    return this.n.bytes?.length ?? 0;
  }
  get mtime(): Date {
    return this.n.mtime;
  }
  get mtimeMs(): number {
    return this.n.mtime.getTime();
  }
}

class Dirent extends Kind {
  constructor(
    readonly name: string | Buffer,
    n: Node,
    readonly parentPath: string,
  ) {
    super(n);
  }
  get path(): string {
    return this.parentPath;
  }
}

function childrenOf(p: string): [string, Node][] {
  const abs = norm(p);
  const prefix = abs === '/' ? '/' : abs + '/';
  const out: [string, Node][] = [];
  for (const [k, n] of nodes) if (k !== abs && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) out.push([k.slice(prefix.length), n]);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function encodeOut(bytes: Buffer, enc?: unknown): Buffer | string {
  const e = typeof enc === 'string' ? enc : (enc as { encoding?: string } | undefined)?.encoding;
  return e ? bytes.toString(e as BufferEncoding) : bytes;
}

export function statSync(p: string | Uint8Array): Stats {
  return new Stats(get(p));
}
export const lstatSync = statSync;
export function existsSync(p: string | Uint8Array): boolean {
  return nodes.has(norm(p));
}
export function readFileSync(p: string | Uint8Array, enc?: unknown): Buffer | string {
  const n = get(p);
  if (n.dir) throw fsError('EISDIR', p);
  return encodeOut(n.bytes!, enc);
}
export function writeFileSync(p: string, data: string | Uint8Array | Iterable<string | Uint8Array>): void {
  if (!nodes.get(norm(path.dirname(norm(p))))?.dir) throw fsError('ENOENT', p);
  if (typeof data === 'string') putFile(p, Buffer.from(data, 'utf8'));
  else if (data instanceof Uint8Array) putFile(p, data);
  // written in pieces (report.json): as Node's writeFile takes an iterable
  else putFile(p, Buffer.concat([...data].map((d) => (typeof d === 'string' ? Buffer.from(d, 'utf8') : d))));
}
export function mkdirSync(p: string, opts?: { recursive?: boolean }): void {
  if (opts?.recursive) ensureDir(p);
  else if (nodes.has(norm(p))) throw fsError('EEXIST', p);
  else {
    get(path.dirname(norm(p)));
    ensureDir(p);
  }
}
export function readdirSync(p: string, opts?: { withFileTypes?: boolean; encoding?: string }): (string | Buffer | Dirent)[] {
  const n = get(p);
  if (!n.dir) throw fsError('ENOTDIR', p);
  const asBytes = opts?.encoding === 'buffer';
  return childrenOf(p).map(([name, c]) => {
    const shown = asBytes ? Buffer.from(name, 'utf8') : name;
    return opts?.withFileTypes ? new Dirent(shown, c, norm(p)) : shown;
  });
}
export function realpathSync(p: string | Uint8Array): string {
  get(p);
  return norm(p);
}
realpathSync.native = realpathSync;
export function renameSync(from: string, to: string): void {
  const n = get(from);
  const a = norm(from);
  const b = norm(to);
  ensureDir(path.dirname(b));
  if (n.dir) removeTree(b); // an empty target folder is replaced, as rename(2) does
  // a folder moves with everything under it
  for (const [k, v] of [...nodes.entries()]) {
    if (k !== a && !k.startsWith(a + '/')) continue;
    nodes.delete(k);
    nodes.set(b + k.slice(a.length), v);
  }
}
let tempCount = 0;
export function mkdtempSync(prefix: string): string {
  const p = `${prefix}${(++tempCount).toString(36).padStart(6, '0')}`;
  mkdirSync(p, { recursive: true });
  return norm(p);
}
export function rmSync(p: string | Uint8Array, opts?: { force?: boolean; recursive?: boolean }): void {
  if (!nodes.has(norm(p))) {
    if (opts?.force) return;
    throw fsError('ENOENT', p);
  }
  removeTree(norm(p));
}
export function unlinkSync(p: string | Uint8Array): void {
  get(p);
  nodes.delete(norm(p));
}

const wrap =
  <A extends unknown[], R>(fn: (...a: A) => R) =>
  async (...a: A): Promise<R> =>
    fn(...a);

export const promises = {
  stat: wrap(statSync),
  lstat: wrap(statSync),
  readFile: wrap(readFileSync),
  writeFile: wrap(writeFileSync),
  mkdir: wrap(mkdirSync),
  readdir: wrap(readdirSync),
  realpath: wrap(realpathSync),
  rename: wrap(renameSync),
  mkdtemp: wrap(mkdtempSync),
  rm: wrap(rmSync),
  unlink: wrap(unlinkSync),
  access: wrap((p: string) => void get(p)),
};

// callback forms some libraries reach for
function callbackOf<A extends unknown[], R>(fn: (...a: A) => R) {
  return (...args: unknown[]) => {
    const cb = args.pop() as (err: unknown, r?: R) => void;
    let r: R;
    try {
      r = fn(...(args as A));
    } catch (err) {
      setTimeout(() => cb(err), 0);
      return;
    }
    setTimeout(() => cb(null, r), 0);
  };
}
export const stat = callbackOf(statSync);
export const lstat = callbackOf(statSync);
export const readFile = callbackOf(readFileSync);
export const exists = (p: string, cb: (e: boolean) => void) => setTimeout(() => cb(existsSync(p)), 0);
export const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 };

export default {
  promises,
  statSync,
  lstatSync,
  existsSync,
  readFileSync,
  writeFileSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  mkdtempSync,
  rmSync,
  unlinkSync,
  stat,
  lstat,
  readFile,
  exists,
  constants,
};
