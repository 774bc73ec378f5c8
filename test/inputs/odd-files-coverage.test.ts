/**
 * Issue 13 item 9: every input file appears in report.json `files[]` with a status, whatever it
 * is; a merge never drops a file in silence. The folder of odd files is written at test time.
 * A file is covered by an entry of its own path, or (a container) by entries of its members
 * (`a.zip#x.pdf`). Office lock files and hidden files are the one exception, skipped silently as
 * SPEC §5 says.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { closeReadChild } from '../../src/io/read/read-workbook.js';
import { collectInputs } from '../../src/io/inputs/collect-inputs.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import { zipOf } from '../io/make-files.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kepuri-odd-'));

afterAll(async () => {
  await closeReadChild();
  rmSync(tmp, { recursive: true, force: true });
});

/** The end record of a zip with no entries: the whole 22-byte file. */
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Array(18).fill(0)]);

function eml(parts: { type: string; name?: string; body: Buffer; inline?: boolean }[]): Buffer {
  const b = 'b0undary';
  const head = `From: unit@example.cn\r\nTo: clerk@example.cn\r\nSubject: =?UTF-8?B?${Buffer.from('活动安排表').toString('base64')}?=\r\nDate: Mon, 11 Sep 2023 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${b}"\r\n\r\n`;
  const body = parts
    .map(
      (p) =>
        `--${b}\r\nContent-Type: ${p.type}${p.name ? `; name="${p.name}"` : ''}\r\nContent-Transfer-Encoding: base64\r\n` +
        (p.inline ? 'Content-Disposition: inline\r\nContent-ID: <img1>\r\n' : p.name ? `Content-Disposition: attachment; filename="${p.name}"\r\n` : '') +
        `\r\n${p.body.toString('base64')}\r\n`,
    )
    .join('');
  return Buffer.from(head + body + `--${b}--\r\n`, 'latin1');
}

async function oddFolder(): Promise<{ dir: string; covered: string[]; silent: string[] }> {
  const dir = path.join(tmp, '收件箱');
  mkdirSync(path.join(dir, '子文件夹'), { recursive: true });
  const valid = readFileSync(path.join(REPO, 'fixtures/validate/valid-template.xlsx'));
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const files: Record<string, Buffer> = {
    'empty.xlsx': Buffer.alloc(0),
    'one-byte.csv': Buffer.from([0x00]),
    'empty.zip': EMPTY_ZIP,
    'only-folders.zip': await zipOf({ 'a/': '', 'a/b/': '' }),
    'only-junk.zip': await zipOf({ '__MACOSX/._x.xlsx': 'x', '.DS_Store': 'x', '~$lock.xlsx': 'x' }),
    'only-pdf.zip': await zipOf({ '扫描件.pdf': '%PDF-1.4\n%%EOF\n' }),
    'zip-of-empty-zip.zip': await zipOf({ 'inner.zip': EMPTY_ZIP }),
    'truncated.xlsx': valid.subarray(0, valid.length >> 1),
    'not-ole.xls': Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 0x41)]),
    'picture.png': png,
    'words.txt': Buffer.from('这不是活动安排表，只是一段话。\n', 'utf8'),
    'no-attachment.eml': eml([{ type: 'text/plain; charset=utf-8', body: Buffer.from('附件忘了。') }]),
    'inline-only.eml': eml([
      { type: 'text/plain; charset=utf-8', body: Buffer.from('见图。') },
      { type: 'image/png', body: png, inline: true },
    ]),
    'real-password.xlsx': readFileSync(path.join(REPO, 'fixtures/sent/real-password.xlsx')),
    '子文件夹/valid.xlsx': valid,
    '子文件夹/empty.csv': Buffer.alloc(0),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  // skipped silently by SPEC §5
  const silent = ['~$valid.xlsx', '.hidden.xlsx'];
  for (const name of silent) writeFileSync(path.join(dir, name), valid);
  return { dir, covered: Object.keys(files).map((n) => path.join(dir, n)), silent: silent.map((n) => path.join(dir, n)) };
}

describe('files[] covers every input file (issue 13 item 9)', () => {
  it('an empty file, an empty or junk-only zip, a zip of a PDF, mails without attachments …: each has a status', async () => {
    const { dir, covered, silent } = await oddFolder();
    const { report } = await runMergeJob([dir], defaultRules(), { out: path.join(tmp, 'out'), lang: 'zh', createdAt: new Date('2023-09-13T00:00:00Z') });
    const entries = report.files;
    for (const f of entries) expect(['merged', 'superseded', 'unreadable', 'unsupported'], f.path).toContain(f.status);
    const missing = covered.filter((f) => !entries.some((e) => e.path === f || e.path.startsWith(f + '#')));
    expect(missing).toEqual([]);
    for (const f of silent) expect(entries.some((e) => e.path === f)).toBe(false);
    // and nothing else: one entry per file, containers by their members
    expect(entries.every((e) => covered.some((f) => e.path === f || e.path.startsWith(f + '#')))).toBe(true);

    const status = (name: string) => entries.filter((e) => e.path.startsWith(path.join(dir, name))).map((e) => [path.relative(dir, e.path), e.status]);
    expect(status('子文件夹/valid.xlsx')).toEqual([['子文件夹/valid.xlsx', 'merged']]);
    expect(status('empty.zip')).toEqual([['empty.zip', 'unsupported']]);
    expect(status('only-junk.zip')).toEqual([['only-junk.zip', 'unsupported']]);
    expect(status('only-folders.zip')).toEqual([['only-folders.zip', 'unsupported']]);
    expect(status('only-pdf.zip')).toEqual([['only-pdf.zip#扫描件.pdf', 'unsupported']]);
    expect(status('zip-of-empty-zip.zip')).toEqual([['zip-of-empty-zip.zip#inner.zip', 'unsupported']]);
    expect(status('real-password.xlsx')).toEqual([['real-password.xlsx', 'unreadable']]);
    expect(status('empty.xlsx')).toEqual([['empty.xlsx', 'unsupported']]);
    // every file-level finding names a file of the folder
    const codes = report.findings.filter((f) => f.file === path.join(dir, 'empty.zip')).map((f) => f.code);
    expect(codes).toEqual(['file-unsupported']);
  }, 60_000);
});

describe('files on disk are not held from collection to their turn (issue 13 item 12)', () => {
  it('an item holds where its bytes are, not the bytes: they are read at its turn, each time asked', async () => {
    const dir = path.join(tmp, 'lazy');
    mkdirSync(dir, { recursive: true });
    const valid = readFileSync(path.join(REPO, 'fixtures/validate/valid-template.xlsx'));
    writeFileSync(path.join(dir, 'a.xlsx'), valid);
    writeFileSync(path.join(dir, 'b.zip'), await zipOf({ 'c.xlsx': valid }));
    const { items } = await collectInputs([dir], {});
    expect(items.map((i) => path.relative(dir, i.path))).toEqual(['a.xlsx', 'b.zip#c.xlsx']);
    // the file changes on disk after collection: the item reads what is there at its turn
    const changed = Buffer.concat([valid, Buffer.from('trailing')]);
    writeFileSync(path.join(dir, 'a.xlsx'), changed);
    expect((await items[0].readBytes()).equals(changed)).toBe(true);
    // nothing is kept on the item: the caller keeps what it was given
    writeFileSync(path.join(dir, 'a.xlsx'), valid);
    expect((await items[0].readBytes()).equals(valid)).toBe(true);
    // a zip member has no file of its own: its bytes are inflated again from the zip on disk
    expect(items[1].size).toBe(valid.length);
    expect((await items[1].readBytes()).equals(valid)).toBe(true);
    // a file gone in between reads as empty (then file-unsupported, 空文件)
    rmSync(path.join(dir, 'a.xlsx'));
    expect((await items[0].readBytes()).length).toBe(0);
  });
});
