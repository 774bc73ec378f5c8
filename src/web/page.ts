/**
 * The page's main thread (issue 14): the two views, dropping and picking files, the progress bar,
 * downloads. All work is done by the engine in a Web Worker (engine.ts); this file only shows.
 * The engine's script is inlined in the page as text and started from a blob: URL, so the page
 * is one file and opens from file:// with no request to any host.
 */
import type { EngineReply, EngineRequest, EmbeddedRules, OutputFile, PageFile } from './protocol.js';
import type { Report, ReportFinding } from '../core/report.js';

type Sev = ReportFinding['severity'];
const SEV_TITLE: Record<Sev, string> = { error: '错误（必须修改）', warning: '警告（请核对）', info: '提示' };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function embeddedRules(): EmbeddedRules {
  const raw = JSON.parse($('kepuri-rules').textContent || '{}') as {
    config?: { name: string; text: string; files?: { name: string; base64: string }[] };
  };
  if (!raw.config) return {};
  return {
    config: {
      name: raw.config.name,
      text: raw.config.text,
      files: (raw.config.files ?? []).map((f) => ({ name: f.name, bytes: base64ToBytes(f.base64) })),
    },
  };
}

// ---- the engine ----
const engineUrl = URL.createObjectURL(new Blob([$('kepuri-engine').textContent ?? ''], { type: 'text/javascript' }));
const worker = new Worker(engineUrl);
let nextId = 1;
const waiting = new Map<number, { resolve: (r: EngineReply) => void; progress?: (d: number, t: number) => void }>();
worker.onmessage = (ev: MessageEvent<EngineReply>) => {
  const r = ev.data;
  const w = waiting.get(r.id);
  if (!w) return;
  if (r.type === 'progress') {
    w.progress?.(r.done, r.total);
    return;
  }
  waiting.delete(r.id);
  w.resolve(r);
};
worker.onerror = (ev) => {
  ev.preventDefault();
  for (const [id, w] of waiting) w.resolve({ id, type: 'error', message: `页面内部出错：${ev.message}`, usage: false });
  waiting.clear();
};

type Req = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
function ask(req: Req, progress?: (d: number, t: number) => void, transfer: Transferable[] = []): Promise<EngineReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { resolve, progress });
    worker.postMessage({ ...req, id }, transfer);
  });
}

// ---- helpers ----
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}

function downloadLink(file: OutputFile, label = file.name, saveAs = file.name.split('/').pop()!): HTMLAnchorElement {
  const type = saveAs.endsWith('.json')
    ? 'application/json'
    : saveAs.endsWith('.txt')
      ? 'text/plain;charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const a = el('a', { href: URL.createObjectURL(new Blob([file.bytes as BlobPart], { type })), download: saveAs, class: 'download' }, '⬇ ' + label);
  return a;
}

async function readPicked(file: File, name = file.name): Promise<PageFile> {
  return { name, bytes: new Uint8Array(await file.arrayBuffer()), lastModified: file.lastModified };
}

/** Every file of a drop, folders walked (webkitGetAsEntry), with its path inside the drop. */
async function droppedFiles(dt: DataTransfer): Promise<{ file: File; path: string }[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...dt.files].map((f) => ({ file: f, path: f.name }));
  const out: { file: File; path: string }[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ file, path: prefix + entry.name });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e, prefix + entry.name + '/');
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

function wireDrop(zone: HTMLElement, onFiles: (files: { file: File; path: string }[]) => void): void {
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer) onFiles(await droppedFiles(e.dataTransfer));
  });
}

function findingList(findings: ReportFinding[], withFile: boolean): HTMLElement {
  const box = el('div', { class: 'findings' });
  for (const sev of ['error', 'warning', 'info'] as Sev[]) {
    const list = findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    const ul = el('ul');
    for (const f of list) {
      const where = f.cell ?? (f.row ? `第${f.row}行` : '');
      ul.append(
        el(
          'li',
          { class: sev, 'data-code': f.code },
          el('span', { class: 'cell' }, where || '—'),
          el('span', { class: 'msg' }, (withFile ? `${f.file}:` : '') + f.message),
        ),
      );
    }
    box.append(el('section', { class: 'group ' + sev }, el('h3', {}, `${SEV_TITLE[sev]} ${list.length} 条`), ul));
  }
  return box;
}

function showError(target: HTMLElement, message: string): void {
  target.replaceChildren(el('div', { class: 'banner bad', role: 'alert' }, message));
}

// ---- the unit's view ----
const unitResult = $('unit-result');

async function validatePicked(file: File): Promise<void> {
  unitResult.replaceChildren(el('p', { class: 'busy' }, `正在检查 ${file.name} …`));
  const r = await ask({ type: 'validate', file: await readPicked(file), lang: 'zh' });
  if (r.type === 'error') return showError(unitResult, r.message);
  if (r.type !== 'validated') return;
  renderUnit(r.report, r.text, r.outputs);
}

function renderUnit(report: Report, text: string, outputs: OutputFile[]): void {
  const t = report.totals;
  const file = report.files[0];
  const readable = report.files.every((f) => f.status === 'merged');
  const banner = !readable
    ? el('div', { class: 'banner bad', id: 'verdict', 'data-verdict': 'unreadable' }, '这个文件不能报送：读不出活动安排表，请看下面的说明。')
    : t.errors > 0
      ? el('div', { class: 'banner bad', id: 'verdict', 'data-verdict': 'errors' }, `有 ${t.errors} 处错误，请修改后再报送。`)
      : el(
          'div',
          { class: 'banner good', id: 'verdict', 'data-verdict': 'ok' },
          t.warnings > 0 ? `可以报送。另有 ${t.warnings} 条警告，请核对一下。` : '可以报送：未发现问题。',
        );
  const activities = report.files.reduce((s, f) => s + f.rows, 0);
  const facts = el(
    'p',
    { class: 'facts' },
    report.files.length > 1
      ? `共 ${report.files.length} 个表格 · ${activities} 项活动`
      : `${file?.path ?? ''}${file?.unit ? ' · 填报单位：' + file.unit : ''}${readable ? ` · ${activities} 项活动` : ''}`,
  );
  const downloads = el('div', { class: 'downloads' });
  for (const o of outputs) {
    if (o.name.endsWith('.xlsx'))
      downloads.append(downloadLink(o, `下载标注副本 ${o.name.replace(/\.xlsx$/, '')}-标注.xlsx`, o.name.replace(/\.xlsx$/, '') + '-标注.xlsx'));
    else if (o.name.endsWith('.txt')) downloads.append(downloadLink(o, `下载修改说明 ${o.name}`));
  }
  const raw = el('details', {}, el('summary', {}, '与命令行 kepuri validate 相同的文字结果'), el('pre', { id: 'unit-text' }, text));
  unitResult.replaceChildren(banner, facts, findingList(report.findings, report.files.length > 1), downloads, raw);
}

// ---- the clerk's view ----
const clerkFiles: { file: File; path: string }[] = [];
let rosterFile: File | undefined;
let receivedFile: File | undefined;
const clerkList = $('clerk-list');
const clerkResult = $('clerk-result');

function refreshClerkList(): void {
  const n = clerkFiles.length;
  clerkList.textContent =
    n === 0
      ? '尚未选择文件'
      : `已选择 ${n} 个文件${rosterFile ? `；任务分解表：${rosterFile.name}` : ''}${receivedFile ? `；报送时间清单：${receivedFile.name}` : ''}`;
  ($('merge-run') as HTMLButtonElement).disabled = n === 0;
}

function addClerkFiles(files: { file: File; path: string }[]): void {
  const seen = new Set(clerkFiles.map((f) => f.path));
  for (const f of files) if (!seen.has(f.path)) clerkFiles.push(f);
  refreshClerkList();
}

async function runMerge(): Promise<void> {
  const bar = $('merge-progress') as HTMLProgressElement;
  bar.hidden = false;
  bar.value = 0;
  clerkResult.replaceChildren(el('p', { class: 'busy' }, `正在读取 ${clerkFiles.length} 个文件 …`));
  const started = performance.now();
  const files = await Promise.all(clerkFiles.map((f) => readPicked(f.file, f.path)));
  const req: Req = {
    type: 'merge',
    files,
    ...(rosterFile ? { roster: await readPicked(rosterFile) } : {}),
    ...(receivedFile ? { received: await readPicked(receivedFile) } : {}),
    useLastModified: ($('use-mtime') as HTMLInputElement).checked,
    feedback: ($('want-feedback') as HTMLInputElement).checked,
    lang: 'zh',
  };
  const r = await ask(
    req,
    (done, total) => {
      bar.max = total;
      bar.value = done;
    },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
  bar.hidden = true;
  if (r.type === 'error') return showError(clerkResult, r.message);
  if (r.type !== 'merged') return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const t = r.report.totals;
  const note = req.received
    ? '报送时间取自邮件（.eml）和所给的报送时间清单。'
    : req.useLastModified
      ? '报送时间：邮件（.eml）取邮件头；其他文件取文件的修改时间（按要求）。'
      : '报送时间只取自邮件（.eml）的邮件头；直接拖入的表格文件报送时间未知，不计逾期。';
  const downloads = el('div', { class: 'downloads' });
  for (const o of r.outputs) downloads.append(downloadLink(o, o.name));
  clerkResult.replaceChildren(
    el(
      'div',
      { class: t.errors > 0 ? 'banner warn' : 'banner good', id: 'merge-done' },
      `汇总完成（${seconds} 秒）：${r.report.files.length} 个文件，${t.rowsMerged} 项活动，错误 ${t.errors}，警告 ${t.warnings}。`,
    ),
    el('p', { class: 'facts' }, note),
    downloads,
    el('pre', { id: 'clerk-text' }, r.text),
  );
}

// ---- wiring ----
async function init(): Promise<void> {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-tab]')) {
    b.addEventListener('click', () => {
      for (const o of document.querySelectorAll<HTMLElement>('[data-tab]')) o.classList.toggle('on', o === b);
      for (const v of document.querySelectorAll<HTMLElement>('.view')) v.hidden = v.id !== b.dataset.tab;
    });
  }
  const unitInput = $('unit-input') as HTMLInputElement;
  unitInput.addEventListener('change', () => {
    if (unitInput.files?.[0]) void validatePicked(unitInput.files[0]);
    unitInput.value = '';
  });
  wireDrop($('unit-drop'), (files) => {
    if (files[0]) void validatePicked(files[0].file);
  });
  $('template-get').addEventListener('click', async () => {
    const r = await ask({ type: 'template' });
    if (r.type === 'error') return showError(unitResult, r.message);
    if (r.type !== 'template') return;
    const a = downloadLink(r.outputs[0]);
    $('template-link').replaceChildren(a);
    a.click();
  });
  for (const id of ['clerk-input', 'clerk-folder']) {
    const input = $(id) as HTMLInputElement;
    input.addEventListener('change', () => {
      addClerkFiles([...(input.files ?? [])].map((f) => ({ file: f, path: f.webkitRelativePath || f.name })));
      input.value = '';
    });
  }
  wireDrop($('clerk-drop'), addClerkFiles);
  const roster = $('roster-input') as HTMLInputElement;
  roster.addEventListener('change', () => {
    rosterFile = roster.files?.[0];
    refreshClerkList();
  });
  const received = $('received-input') as HTMLInputElement;
  received.addEventListener('change', () => {
    receivedFile = received.files?.[0];
    refreshClerkList();
  });
  $('clerk-clear').addEventListener('click', () => {
    clerkFiles.length = 0;
    rosterFile = receivedFile = undefined;
    roster.value = received.value = '';
    clerkResult.replaceChildren();
    refreshClerkList();
  });
  $('merge-run').addEventListener('click', () => void runMerge());
  refreshClerkList();

  const r = await ask({ type: 'init', rules: embeddedRules() });
  const rulesLine = $('rules-line');
  if (r.type === 'ready') {
    rulesLine.textContent = `校验规则：${r.year}年 ${r.district}（${r.source === 'embedded' ? '内置规则' : '配置文件 ' + r.source}）`;
    document.body.dataset.ready = '1';
  } else if (r.type === 'error') {
    rulesLine.textContent = r.message;
    document.body.dataset.ready = 'error';
  }
}

void init();
