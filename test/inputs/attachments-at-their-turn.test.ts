/**
 * Issue 13, item 14: members are read as they are needed, not all held in memory first. A mailbox
 * of saved messages with a large attachment each is collected as a list of places (the .eml and
 * the attachment's index); each attachment is decoded again when its turn to be read comes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { collectGarbage } from '../../src/io/collect-garbage.js';
import { collectInputs } from '../../src/io/inputs/collect-inputs.js';
import { readZipDirectorySync, readZipMemberSync } from '../../src/io/read/zip-directory.js';
import { runMergeJob } from '../../src/io/run-merge.js';
import { randomBytes, zipOf } from '../io/make-files.js';

const REPO = path.resolve(__dirname, '../..');
const PARTNER = readFileSync(path.join(REPO, 'fixtures/inbox/鸠江区图书馆科普日活动.xlsx'));
const MAILS = 8;
const MiB = 1024 * 1024;

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kepuri-lazy-mail-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The partner's workbook with an incompressible picture added, `bytes` long in all. */
async function paddedWorkbook(bytes: number): Promise<Buffer> {
  const dir = readZipDirectorySync(PARTNER)!;
  const members: Record<string, Buffer> = {};
  for (const e of dir) members[e.name] = readZipMemberSync(PARTNER, e.name, 16 * MiB, dir)!;
  members['xl/media/image1.png'] = randomBytes(bytes - PARTNER.length);
  return zipOf(members, { compress: false });
}

/** A saved message sent at 10:`minute` with `attachment` as 活动安排表.xlsx. */
function mail(minute: number, attachment: Buffer): Buffer {
  const b64 = attachment.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      `From: unit${minute}@example.cn`,
      'To: kx@example.cn',
      `Subject: activities ${minute}`,
      `Date: Tue, 12 Sep 2023 10:${String(minute).padStart(2, '0')}:00 +0800`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="part"',
      '',
      '--part',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'see the attachment',
      '--part',
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="a.xlsx"',
      'Content-Disposition: attachment; filename="活动安排表.xlsx"',
      'Content-Transfer-Encoding: base64',
      '',
      b64,
      '--part--',
      '',
    ].join('\r\n'),
  );
}

/** Every Buffer, typed array or ArrayBuffer reachable through the own properties of `value`. */
function heldBytes(value: unknown, seen = new Set<unknown>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  let n = 0;
  for (const v of Object.values(value)) n += heldBytes(v, seen);
  return n;
}

/** What the heap and buffers hold once garbage is collected (buffers' memory goes back a tick after). */
async function bytesInMemory(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  return m.arrayBuffers + m.heapUsed;
}

describe('mail attachments are decoded at their turn (issue 13, item 14)', () => {
  it(`${MAILS} messages with a 5 MB attachment each: collected as places, not bytes; the merge reads them all, each with its own time`, async () => {
    const inbox = path.join(tmp, 'inbox');
    mkdirSync(inbox);
    const attachment = await paddedWorkbook(5 * MiB);
    for (let i = 0; i < MAILS; i++) writeFileSync(path.join(inbox, `mail-${String(i).padStart(2, '0')}.eml`), mail(10 + i, attachment));
    const total = MAILS * attachment.length;

    const before = await bytesInMemory();
    const { items, findings } = await collectInputs([inbox], {});
    const held = (await bytesInMemory()) - before;
    expect(findings).toEqual([]);
    expect(items).toHaveLength(MAILS);
    // the collected list holds no attachment: neither on the items nor anywhere they lead to
    expect(heldBytes(items)).toBe(0);
    expect(held).toBeLessThan(total / 10);
    console.log(`[item 14] collected ${MAILS} attachments of ${attachment.length} B (${(total / MiB).toFixed(0)} MiB): ${(held / MiB).toFixed(1)} MiB held`);
    for (const item of items) expect(item.size).toBe(attachment.length);
    // each attachment, when asked for, is the one sent
    expect((await items[MAILS - 1].readBytes()).equals(attachment)).toBe(true);

    const base = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const merged = await runMergeJob([inbox], defaultRules(), {
      out: path.join(tmp, 'out'),
      lang: 'zh',
      createdAt: new Date('2023-09-20T10:00:00+08:00'),
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      },
    });
    const inFlight = peak - base;
    console.log(`[item 14] merge: at most ${(inFlight / MiB).toFixed(1)} MiB of buffers more than before, between files`);
    // a mail being read and its attachment, a few at most: never the whole mailbox
    expect(inFlight).toBeLessThan(3 * attachment.length);
    const files = merged.report.files;
    expect(files).toHaveLength(MAILS);
    for (let i = 0; i < MAILS; i++) {
      const f = files.find((x) => x.path === `${path.join(inbox, `mail-${String(i).padStart(2, '0')}.eml`)}#活动安排表.xlsx`);
      expect(f?.receivedAt).toBe(`2023-09-12T10:${10 + i}:00+08:00`);
      expect(f?.receivedFrom).toBe('eml');
      // one unit sent the same table eight times: the latest counts, every earlier one was read
      expect(f?.status).toBe(i === MAILS - 1 ? 'merged' : 'superseded');
      expect(f?.rows).toBeGreaterThan(0);
    }
  }, 120_000);
});
