import { mkdtempSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs, decodeZipName, repairHeaderBytes, type InputItem } from '../../src/io/inputs/collect-inputs.js';
import { parseManifest } from '../../src/io/inputs/received-manifest.js';
import { writeZip } from './zip-writer.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const INBOX = path.join(FIXTURES, 'inbox');
const XLSX = readFileSync(path.join(INBOX, '二坝镇科普日活动安排表.xlsx'));
const XLS = readFileSync(path.join(INBOX, '清水街道2023年科普日活动安排表.xls'));
const PDF = readFileSync(path.join(INBOX, '活动方案.pdf'));

// ------------------------------------------------------------------------------------------------
// A hand-rolled .eml builder: headers are written byte for byte (so raw GBK can go in), bodies
// base64 with 76-character lines, CRLF everywhere.

type Bytes = string | Buffer;
interface Part {
  headers: Bytes[];
  body: Buffer | string;
  /** write the body as is (for text parts and nested messages) */
  raw?: boolean;
}

function crlf(b: Bytes): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.replace(/\r?\n/g, '\r\n'), 'utf8');
}

function base64Lines(buf: Buffer): string {
  return (buf.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

function buildEml(headers: Bytes[], parts: Part[], boundary = '----=_NextPart_TEST'): Buffer {
  const out: Buffer[] = [];
  for (const h of headers) out.push(crlf(h), Buffer.from('\r\n'));
  out.push(crlf(`MIME-Version: 1.0\nContent-Type: multipart/mixed;\n\tboundary="${boundary}"\n\nThis is a multi-part message in MIME format.\n\n`));
  for (const p of parts) {
    out.push(Buffer.from(`--${boundary}\r\n`));
    for (const h of p.headers) out.push(crlf(h), Buffer.from('\r\n'));
    if (p.raw) out.push(Buffer.from('\r\n'), Buffer.isBuffer(p.body) ? p.body : crlf(p.body), Buffer.from('\r\n'));
    else
      out.push(
        Buffer.from('Content-Transfer-Encoding: base64\r\n\r\n'),
        Buffer.from(base64Lines(Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body))),
        Buffer.from('\r\n'),
      );
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(out);
}

const gbkB = (s: string, charset = 'GBK') => `=?${charset}?B?${iconv.encode(s, charset === 'GB18030' ? 'gb18030' : 'gbk').toString('base64')}?=`;
const gbQ = (s: string) =>
  `=?GB2312?Q?${[...iconv.encode(s, 'gbk')].map((b) => (b >= 0x21 && b < 0x7f && b !== 0x3d && b !== 0x3f && b !== 0x5f ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}?=`;
const pct = (s: string) =>
  [...iconv.encode(s, 'gbk')]
    .map((b) => (b < 0x80 && /[A-Za-z0-9.\-_]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

const RECEIVED = [
  'Received: from m15.mail.163.com (unknown [220.181.12.15])\n\tby mx.163.com (Coremail) with SMTP id GdCowAD3n5Qy;\n\tTue, 12 Sep 2023 10:05:31 +0800 (CST)',
  'Received: from gdjd_kx$163.com ( [117.68.141.26] )\n\tby ajax-webmail-wmsvr15 (Coremail) with SMTP id DwCowAB3Dk8p;\n\tTue, 12 Sep 2023 10:05:29 +0800 (CST)',
];

const textPart: Part = { headers: ['Content-Type: text/plain;\n\tcharset="GBK"'], body: iconv.encode('附件是活动安排表,请查收。', 'gbk') };

function xlsxPart(disposition: Bytes, body: Buffer = XLSX): Part {
  return { headers: ['Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition], body };
}

// ------------------------------------------------------------------------------------------------

let tmp: string;
const tmpPath = (...p: string[]) => path.join(tmp, ...p);
function put(rel: string, bytes: Buffer | string): string {
  const p = tmpPath(rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, bytes);
  return p;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kepuri-inputs-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const byPath = (items: InputItem[]) => Object.fromEntries(items.map((i) => [i.path, i]));

describe('collectInputs on the fixture inbox', () => {
  it('finds every input with its provenance path and submission time', async () => {
    const manifest = parseManifest(readFileSync(path.join(FIXTURES, 'inbox-received.csv')), 'inbox-received.csv').entries;
    const { items, findings } = await collectInputs([INBOX], { manifest });
    const rel = (p: string) => path.relative(INBOX, p);
    const got = Object.fromEntries(items.map((i) => [rel(i.path), [i.receivedAt ?? null, i.receivedFrom ?? null]]));
    expect(got).toMatchObject({
      '二坝镇科普日活动安排表.xlsx': ['2023-09-11T16:20:00+08:00', 'manifest'],
      '区教体局-活动安排表-0908.eml#区教体局2023年全国科普日活动安排表（初稿）.xlsx': ['2023-09-08T16:41:27+08:00', 'eml'],
      '区教体局-活动安排表-更正-0911.eml#区教体局2023年全国科普日活动安排表（更正）.xlsx': ['2023-09-11T09:03:45+08:00', 'eml'],
      '卫健委-科普日活动安排表.eml#鸠江区卫健委科普日活动安排表.xlsx': ['2023-09-11T15:22:08+08:00', 'eml'],
      '回复-关于报送2023年全国科普日活动安排表.eml#活动安排表.xlsx': ['2023-09-12T23:30:00+08:00', 'eml'],
      '官陡街道-科普日活动安排表.eml#官陡街道2023年全国科普日活动安排表.xlsx': ['2023-09-12T10:05:31+08:00', 'eml'],
      '沈巷镇科普日活动安排表.et': [null, null],
      '清水街道2023年科普日活动安排表.xls': ['2023-09-12T09:15:00+08:00', 'manifest'],
      '附件打包下载.zip#四褐山街道科普日活动安排表.xlsx': ['2023-09-10T11:26:00+08:00', 'manifest'],
      '附件打包下载.zip#湾里街道科普日活动安排表.xlsx': ['2023-09-12T08:57:00+08:00', 'manifest'],
      '附件打包下载.zip#裕溪口街道2023年科普日活动安排.xlsx': ['2023-09-11T10:48:00+08:00', 'manifest'],
      '青少年科技活动中心-活动安排表.eml#青少年科技活动中心科普日活动安排.xlsx': ['2023-09-13T00:10:00+08:00', 'eml'],
      '鸠兹智能-科普日活动安排表.eml#附件2：2023年全国科普日活动安排表（鸠兹智能）.xlsx': ['2023-09-13T09:47:12+08:00', 'eml'],
      '鸠江区图书馆科普日活动.xlsx': ['2023-09-12T15:02:00+08:00', 'manifest'],
      '鸠江区科协活动安排表.csv': ['2023-09-12T17:40:00+08:00', 'manifest'],
    });
    // lock file and .DS_Store: silently skipped
    const all = [...items.map((i) => i.path), ...findings.map((f) => f.file)].map(rel);
    expect(all.some((p) => p.includes('~$') || p.includes('.DS_Store'))).toBe(false);
    // the pdf: a warning, and only that
    expect(findings.filter((f) => f.code === 'file-unsupported').map((f) => rel(f.file))).toEqual(['活动方案.pdf']);
    expect(findings.some((f) => f.code === 'received-unknown')).toBe(false);
    // the truncated xlsx is either an input (the reader reports it) or a finding, never lost
    expect(all).toContain('新建 Microsoft Excel 工作表.xlsx');

    const mail = byPath(items)[path.join(INBOX, '回复-关于报送2023年全国科普日活动安排表.eml#活动安排表.xlsx')];
    expect(mail.name).toBe('活动安排表.xlsx');
    expect(mail.email).toEqual({ from: 'tgz_kx@163.com', fromName: '陈芳', subject: '回复：关于报送2023年全国科普日活动安排表' });
    expect((await mail.readBytes()).subarray(0, 2).toString()).toBe('PK');
  });

  it('is deterministic and sorted by path', async () => {
    const a = await collectInputs([INBOX], {});
    const b = await collectInputs([INBOX], {});
    expect(a.items.map((i) => i.path)).toEqual(b.items.map((i) => i.path));
    const files = a.items.map((i) => i.path.split('#')[0]);
    expect(files).toEqual([...files].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });
});

describe('collectInputs on folders', () => {
  it('skips lock files, hidden files and folders, system files and the output folder', async () => {
    const root = tmpPath('walk');
    put('walk/b/2.xlsx', XLSX);
    put('walk/a.xlsx', XLSX);
    put('walk/a-c.xlsx', XLSX);
    put('walk/~$a.xlsx', Buffer.from([0x06, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
    put('walk/.hidden.xlsx', XLSX);
    put('walk/.git/x.xlsx', XLSX);
    put('walk/Thumbs.db', Buffer.alloc(64));
    put('walk/desktop.ini', '[.ShellClassInfo]\r\n');
    put('walk/kepuri-out/活动汇总表.xlsx', XLSX);
    put('walk/c.xls', XLS);
    const { items, findings } = await collectInputs([root], { excludeDir: path.join(root, 'kepuri-out') });
    expect(findings).toEqual([]);
    expect(items.map((i) => path.relative(root, i.path))).toEqual(['a-c.xlsx', 'a.xlsx', 'b/2.xlsx', 'c.xls']);
    expect(items.every((i) => i.receivedAt === undefined && i.receivedFrom === undefined)).toBe(true);
  });

  it('takes files and folders in command-line order, each once', async () => {
    const f = put('order/z.xlsx', XLSX);
    put('order/y/1.xlsx', XLSX);
    const { items } = await collectInputs([f, tmpPath('order'), f], {});
    expect(items.map((i) => path.relative(tmpPath('order'), i.path))).toEqual(['z.xlsx', 'y/1.xlsx']);
  });

  it('skips a lock file named on the command line', async () => {
    const f = put('lock/~$x.xlsx', Buffer.alloc(162, 0x20));
    expect(await collectInputs([f], {})).toEqual({ items: [], findings: [] });
  });

  it('reports a missing path and an unsupported file', async () => {
    const txt = put('misc/readme.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    const pdf = put('misc/方案.pdf', PDF);
    const { items, findings } = await collectInputs([tmpPath('misc/nope.xlsx'), pdf, txt], {});
    expect(items).toEqual([]);
    expect(findings[0]).toMatchObject({ code: 'file-unreadable', severity: 'error', file: tmpPath('misc/nope.xlsx'), params: { reason: '文件不存在' } });
    expect(findings[1]).toMatchObject({ code: 'file-unsupported', severity: 'warning', file: pdf });
    expect(findings.length).toBe(3);
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const big = tmpPath('big/huge.xlsx');
    mkdirSync(path.dirname(big), { recursive: true });
    writeFileSync(big, '');
    truncateSync(big, 51 * 1024 * 1024); // sparse
    const { items, findings } = await collectInputs([big], {});
    expect(items).toEqual([]);
    expect(findings).toEqual([expect.objectContaining({ code: 'file-too-large', severity: 'error', file: big })]);
  });
});

describe('collectInputs on .eml messages', () => {
  it('decodes every way Chinese mail clients name attachments', async () => {
    const names = [
      '官陡街道活动安排表.xlsx',
      '组织一览表.xls',
      '沈巷镇科普日.xlsx',
      '二坝镇科普日活动安排表（更正）.xlsx',
      '汤沟镇活动表.xlsx',
      '白茆镇活动表.xlsx',
    ];
    const [p0, p1] = [pct(names[3]).slice(0, 30), pct(names[3]).slice(30)];
    const raw = buildEml(
      [
        ...RECEIVED,
        'Date: Tue, 12 Sep 2023 10:05:29 +0800',
        `From: ${gbkB('官陡街道科协')} <GDJD_KX@163.com>`,
        `Subject: ${gbkB('回复：关于报送2023年全国科普日活动安排表-', 'GB18030')}\n ${gbkB('官陡街道', 'GB18030')}`,
      ],
      [
        textPart,
        xlsxPart(`Content-Disposition: attachment;\n\tfilename="${gbkB(names[0])}"`),
        { headers: ['Content-Type: application/vnd.ms-excel', `Content-Disposition: attachment; filename="${gbQ(names[1])}"`], body: XLS },
        xlsxPart(`Content-Disposition: attachment;\n\tfilename*=GBK''${pct(names[2])}`),
        xlsxPart(`Content-Disposition: attachment;\n\tfilename*0*=GBK''${p0};\n\tfilename*1*=${p1}`),
        xlsxPart(Buffer.concat([Buffer.from('Content-Disposition: attachment; filename="'), iconv.encode(names[4], 'gbk'), Buffer.from('"')])),
        // the name only on Content-Type, in GB18030
        { headers: [`Content-Type: application/octet-stream;\n\tname="${gbkB(names[5], 'GB18030')}"`], body: XLSX },
      ],
    );
    const file = put('mail/官陡.eml', raw);
    const { items, findings } = await collectInputs([file], {});
    expect(findings).toEqual([]);
    expect(items.map((i) => i.name)).toEqual(names);
    expect(items.map((i) => i.path)).toEqual(names.map((n) => `${file}#${n}`));
    for (const i of items) {
      expect(i.receivedAt).toBe('2023-09-12T10:05:31+08:00'); // the topmost Received, not Date
      expect(i.receivedFrom).toBe('eml');
      expect(i.email).toEqual({ from: 'gdjd_kx@163.com', fromName: '官陡街道科协', subject: '回复：关于报送2023年全国科普日活动安排表-官陡街道' });
    }
    expect((await items[1].readBytes()).equals(XLS)).toBe(true);
    expect((await items[0].readBytes()).equals(XLSX)).toBe(true);
  });

  it('decodes a raw 8-bit GBK subject', async () => {
    const raw = buildEml(
      ['Date: Tue, 12 Sep 2023 10:05:29 +0800', 'From: a@b.cn', Buffer.concat([Buffer.from('Subject: '), iconv.encode('沈巷镇科普日活动安排表', 'gbk')])],
      [xlsxPart('Content-Disposition: attachment; filename="a.xlsx"')],
    );
    const { items } = await collectInputs([put('mail/raw-subject.eml', raw)], {});
    expect(items[0].email?.subject).toBe('沈巷镇科普日活动安排表');
    expect(items[0].receivedAt).toBe('2023-09-12T10:05:29+08:00');
  });

  it('turns an unreadable Date into a received-unknown finding, never "now"', async () => {
    const raw = buildEml(
      ['Date: 2023年9月12日 星期二 上午10:05', 'From: a@b.cn', 'Subject: x'],
      [xlsxPart('Content-Disposition: attachment; filename="表.xlsx"')],
    );
    const file = put('mail/bad-date.eml', raw);
    const { items, findings } = await collectInputs([file], {});
    expect(items).toHaveLength(1);
    expect(items[0].receivedAt).toBeUndefined();
    expect(items[0].receivedFrom).toBeUndefined();
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'received-unknown',
        severity: 'info',
        file: `${file}#表.xlsx`,
        params: { reason: '邮件时间无法识别', header: '2023年9月12日 星期二 上午10:05' },
      }),
    ]);
    // the manifest, when it names the attachment, supplies the time and the finding goes away
    const manifest = parseManifest(Buffer.from('表.xlsx,2023-09-12 10:05\n'), 'm.csv').entries;
    const again = await collectInputs([file], { manifest });
    expect(again.findings).toEqual([]);
    expect(again.items[0]).toMatchObject({ receivedAt: '2023-09-12T10:05:00+08:00', receivedFrom: 'manifest' });
  });

  it('has no time and no finding for a message without Date or Received', async () => {
    const raw = buildEml(['From: a@b.cn', 'Subject: x'], [xlsxPart('Content-Disposition: attachment; filename="x.xlsx"')]);
    const { items, findings } = await collectInputs([put('mail/no-date.eml', raw)], {});
    expect(findings).toEqual([]);
    expect(items[0].receivedAt).toBeUndefined();
  });

  it('reports a pdf or docx attachment, ignores inline pictures, uniquifies repeated names', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const raw = buildEml(
      [...RECEIVED, 'From: a@b.cn', 'Subject: x'],
      [
        textPart,
        { headers: ['Content-Type: image/png', 'Content-ID: <sig001>', 'Content-Disposition: inline'], body: png },
        { headers: ['Content-Type: application/pdf', 'Content-Disposition: attachment; filename="方案.pdf"'], body: PDF },
        {
          headers: [
            'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'Content-Disposition: attachment; filename="说明.docx"',
          ],
          body: writeZip([
            { name: '[Content_Types].xml', nameEncoding: 'utf8', data: '<Types/>' },
            { name: 'word/document.xml', nameEncoding: 'utf8', data: '<w:document/>' },
          ]),
        },
        xlsxPart('Content-Disposition: attachment; filename="表.xlsx"'),
        xlsxPart('Content-Disposition: attachment; filename="表.xlsx"'),
        // a spreadsheet sent with no name at all is still an input
        { headers: ['Content-Type: application/octet-stream'], body: XLSX },
      ],
    );
    const file = put('mail/mixed.eml', raw);
    const { items, findings } = await collectInputs([file], {});
    expect(findings.map((f) => [f.code, f.file])).toEqual([
      ['file-unsupported', `${file}#方案.pdf`],
      ['file-unsupported', `${file}#说明.docx`],
    ]);
    expect(items.map((i) => [i.path.slice(file.length), i.name])).toEqual([
      ['#表.xlsx', '表.xlsx'],
      ['#表 (2).xlsx', '表.xlsx'],
      // named after the attachment's position, with the extension of the format found
      [expect.stringMatching(/^#附件\d+\.xls[xmb]$/), expect.stringMatching(/^附件\d+\.xls[xmb]$/)],
    ]);
  });

  it('warns about a message that has no attachment (forgotten)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const raw = buildEml(
      [...RECEIVED, 'From: a@b.cn', 'Subject: 活动安排表'],
      [textPart, { headers: ['Content-Type: image/png', 'Content-ID: <logo>', 'Content-Disposition: inline'], body: png }],
    );
    const file = put('mail/forgot.eml', raw);
    const { items, findings } = await collectInputs([file], {});
    expect(items).toEqual([]);
    expect(findings).toEqual([expect.objectContaining({ code: 'file-unsupported', file, params: { what: '邮件中没有表格附件' } })]);
  });

  it('opens a zip attached to a message, and zips and messages inside it', async () => {
    const inner = writeZip([{ name: '湾里街道活动安排表.xlsx', data: XLSX }]);
    const forwarded = buildEml(
      [
        'Received: from x by y; Mon, 11 Sep 2023 08:00:00 +0800',
        'From: =?GBK?B?' + iconv.encode('白茆镇', 'gbk').toString('base64') + '?= <bmz_kx@163.com>',
        'Subject: fwd',
      ],
      [xlsxPart('Content-Disposition: attachment; filename="白茆镇.xlsx"')],
      '==inner==',
    );
    const bundle = writeZip([
      { name: '四褐山街道活动安排表.xlsx', data: XLSX }, // GBK bytes, no UTF-8 flag
      { name: 'sub/', directory: true },
      { name: 'sub/内层.zip', data: inner },
      { name: '__MACOSX/._四褐山街道活动安排表.xlsx', data: 'junk' },
      { name: '转发.eml', data: forwarded },
    ]);
    const raw = buildEml(
      [...RECEIVED, 'From: clerk@163.com', 'Subject: bundle'],
      [{ headers: ['Content-Type: application/zip', `Content-Disposition: attachment; filename="${gbkB('附件打包下载.zip')}"`], body: bundle }],
    );
    const file = put('mail/bundle.eml', raw);
    const { items, findings } = await collectInputs([file], {});
    expect(findings).toEqual([]);
    const z = `${file}#附件打包下载.zip`;
    expect(items.map((i) => [i.path, i.name, i.receivedAt])).toEqual([
      [`${z}#sub/内层.zip#湾里街道活动安排表.xlsx`, '湾里街道活动安排表.xlsx', '2023-09-12T10:05:31+08:00'],
      [`${z}#四褐山街道活动安排表.xlsx`, '四褐山街道活动安排表.xlsx', '2023-09-12T10:05:31+08:00'],
      // a message inside: its own time and sender
      [`${z}#转发.eml#白茆镇.xlsx`, '白茆镇.xlsx', '2023-09-11T08:00:00+08:00'],
    ]);
    expect(items[0].email?.from).toBe('clerk@163.com');
    expect(items[2].email).toMatchObject({ from: 'bmz_kx@163.com', fromName: '白茆镇' });
  });

  it('opens a message attached to a message (message/rfc822)', async () => {
    const inner = buildEml(
      ['Date: Mon, 11 Sep 2023 09:00:00 +0800', 'From: sxz_kx@163.com', `Subject: ${gbkB('沈巷镇报送')}`],
      [xlsxPart(`Content-Disposition: attachment; filename="${gbkB('沈巷镇.xlsx')}"`)],
      '==in==',
    );
    const raw = buildEml(
      ['Date: Wed, 13 Sep 2023 09:00:00 +0800', 'From: clerk@163.com', 'Subject: Fw'],
      [textPart, { headers: ['Content-Type: message/rfc822', 'Content-Disposition: attachment; filename="沈巷镇报送.eml"'], body: inner, raw: true }],
    );
    const file = put('mail/fw.eml', raw);
    const { items, findings } = await collectInputs([file], {});
    expect(findings).toEqual([]);
    expect(items.map((i) => [i.path, i.receivedAt, i.email?.from, i.email?.subject])).toEqual([
      [`${file}#沈巷镇报送.eml#沈巷镇.xlsx`, '2023-09-11T09:00:00+08:00', 'sxz_kx@163.com', '沈巷镇报送'],
    ]);
  });

  it('reports an eml that does not parse as unreadable rather than throwing', async () => {
    // a multipart message nested past postal-mime's own depth limit
    let body = 'x';
    for (let i = 0; i < 300; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
    const file = put('mail/deep.eml', `From: a@b.cn\r\nDate: Tue, 12 Sep 2023 10:05:29 +0800\r\nSubject: x\r\nMIME-Version: 1.0\r\n${body}\r\n`);
    const { items, findings } = await collectInputs([file], {});
    expect(items).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['file-unreadable']);
  });
});

describe('collectInputs on .zip archives', () => {
  it('decodes member names: GBK without the flag, UTF-8 with or without it, Unicode Path extra field', async () => {
    const zip = writeZip([
      { name: '裕溪口街道.xlsx', data: XLSX }, // GBK, no flag
      { name: '湾里街道.xlsx', nameEncoding: 'utf8', data: XLSX }, // UTF-8 with flag
      { name: '二坝镇.xlsx', nameEncoding: 'utf8', utf8Flag: false, data: XLSX }, // UTF-8 without flag
      { name: Buffer.from('????.xlsx'), unicodePath: '汤沟镇.xlsx', data: XLSX },
      { name: '白茆镇.xlsx', unicodePath: 'WRONG.xlsx', badUnicodePathCrc: true, data: XLSX, method: 0 },
      { name: '.hidden.xlsx', data: XLSX },
      { name: '~$裕溪口街道.xlsx', data: 'lock' },
      { name: 'Thumbs.db', data: 'x' },
      { name: '__MACOSX/._湾里街道.xlsx', data: 'x' },
      { name: 'docs/', directory: true },
    ]);
    const file = put('zips/打包.zip', zip);
    const { items, findings } = await collectInputs([file], {});
    expect(findings).toEqual([]);
    expect(items.map((i) => i.name)).toEqual(['汤沟镇.xlsx', '二坝镇.xlsx', '湾里街道.xlsx', '白茆镇.xlsx', '裕溪口街道.xlsx'].sort());
    for (const i of items) expect((await i.readBytes()).equals(XLSX)).toBe(true);
    expect(items.map((i) => i.path)).toContain(`${file}#裕溪口街道.xlsx`);
  });

  it('reports unsupported members and keeps going', async () => {
    const zip = writeZip([
      { name: '方案.pdf', data: PDF },
      { name: '表.xlsx', data: XLSX },
    ]);
    const file = put('zips/mixed.zip', zip);
    const { items, findings } = await collectInputs([file], {});
    expect(items.map((i) => i.path)).toEqual([`${file}#表.xlsx`]);
    expect(findings).toEqual([expect.objectContaining({ code: 'file-unsupported', file: `${file}#方案.pdf` })]);
  });

  it('opens zips nested three deep, and no deeper', async () => {
    const z3 = writeZip([{ name: 'c.xlsx', data: XLSX }]);
    const z2 = writeZip([{ name: 'z3.zip', data: z3 }]);
    const z1 = writeZip([{ name: 'z2.zip', data: z2 }]);
    const ok = put('zips/nest3.zip', z1);
    const r1 = await collectInputs([ok], {});
    expect(r1.findings).toEqual([]);
    expect(r1.items.map((i) => i.path)).toEqual([`${ok}#z2.zip#z3.zip#c.xlsx`]);

    const deep = put('zips/nest4.zip', writeZip([{ name: 'z1.zip', data: z1 }]));
    const r2 = await collectInputs([deep], {});
    expect(r2.items).toEqual([]);
    expect(r2.findings).toEqual([expect.objectContaining({ code: 'file-unsupported', file: `${deep}#z1.zip#z2.zip#z3.zip` })]);
  });

  it('applies the manifest to members by their own name, else by the zip name', async () => {
    const file = put(
      'zips/附件打包下载.zip',
      writeZip([
        { name: '甲.xlsx', data: XLSX },
        { name: '乙.xlsx', data: XLSX },
      ]),
    );
    const manifest = parseManifest(Buffer.from('文件名,接收时间\n甲.xlsx,2023-09-10 11:26\n附件打包下载.zip,2023-09-12 08:00\n'), 'm.csv').entries;
    const { items } = await collectInputs([file], { manifest });
    expect(items.map((i) => [i.name, i.receivedAt, i.receivedFrom])).toEqual([
      ['乙.xlsx', '2023-09-12T08:00:00+08:00', 'manifest'],
      ['甲.xlsx', '2023-09-10T11:26:00+08:00', 'manifest'],
    ]);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const file = put('zips/bomb.zip', writeZip([{ name: 'zeros.xlsx', data: Buffer.alloc(20 * 1024 * 1024) }]));
    const { items, findings } = await collectInputs([file], {});
    expect(items).toEqual([]);
    expect(findings).toEqual([expect.objectContaining({ code: 'file-too-large', file })]);
  });

  it('reports a corrupt zip as unreadable', async () => {
    const good = writeZip([
      { name: 'a.xlsx', data: XLSX },
      { name: 'b.xlsx', data: XLSX },
    ]);
    const file = put('zips/cut.zip', good.subarray(0, good.length - 30));
    const { items, findings } = await collectInputs([file], {});
    expect(items).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(['file-unreadable', 'file-unsupported']).toContain(findings[0].code);
  });
});

describe('decodeZipName', () => {
  it('follows the flag, UTF-8 validity, then GB18030', () => {
    expect(decodeZipName(iconv.encode('活动安排表.xlsx', 'gbk'), 0, [])).toBe('活动安排表.xlsx');
    expect(decodeZipName(Buffer.from('活动安排表.xlsx'), 0x800, [])).toBe('活动安排表.xlsx');
    expect(decodeZipName(Buffer.from('活动安排表.xlsx'), 0, [])).toBe('活动安排表.xlsx');
    expect(decodeZipName(Buffer.from('plain.xlsx'), 0, [])).toBe('plain.xlsx');
    // a GB18030 four-byte character (𠀀 U+20000)
    expect(decodeZipName(iconv.encode('𠀀表.xlsx', 'gb18030'), 0, [])).toBe('𠀀表.xlsx');
  });
});

describe('repairHeaderBytes', () => {
  it('leaves a clean message untouched (same buffer)', () => {
    const raw = buildEml(['From: a@b.cn', 'Subject: x'], [xlsxPart('Content-Disposition: attachment; filename="a.xlsx"')]);
    expect(repairHeaderBytes(raw)).toBe(raw);
  });

  it('re-encodes raw GBK header lines as UTF-8 and leaves bodies alone', () => {
    const gbkBody = iconv.encode('正文', 'gbk');
    const raw = buildEml(
      ['From: a@b.cn', Buffer.concat([Buffer.from('Subject: '), iconv.encode('主题', 'gbk')])],
      [
        { headers: ['Content-Type: text/plain; charset=GBK', 'Content-Transfer-Encoding: 8bit'], body: gbkBody, raw: true },
        xlsxPart(Buffer.concat([Buffer.from('Content-Disposition: attachment; filename="'), iconv.encode('表', 'gbk'), Buffer.from('.xlsx"')])),
      ],
    );
    const fixed = repairHeaderBytes(raw).toString('utf8');
    expect(fixed).toContain('Subject: 主题\r\n');
    expect(fixed).toContain('filename="表.xlsx"');
    expect(repairHeaderBytes(raw).includes(gbkBody)).toBe(true);
  });

  it('renames GBK-family charset labels to GB18030 in encoded words and RFC 2231 parameters', () => {
    const raw = buildEml(
      ['From: a@b.cn', `Subject: =?EUC-CN?B?${iconv.encode('主题', 'gbk').toString('base64')}?= =?GB2312?Q?=D6=F7?=`],
      [xlsxPart(`Content-Disposition: attachment; filename*0*=GBK''%D6%F7; filename*1*=.xlsx`)],
    );
    const fixed = repairHeaderBytes(raw).toString('latin1');
    expect(fixed).toContain('Subject: =?gb18030?B?');
    expect(fixed).toContain(' =?gb18030?Q?=D6=F7?=');
    expect(fixed).toContain("filename*0*=gb18030''%D6%F7");
    // the body's base64 is untouched
    expect(fixed).toContain(base64Lines(XLSX).slice(0, 200));
  });

  it('decodes GB18030 four-byte characters in names labelled GBK or GB2312', async () => {
    const name = '𠀀㐀喆活动表.xlsx';
    const b64 = iconv.encode(name, 'gb18030').toString('base64');
    const raw = buildEml(
      [...RECEIVED, 'From: a@b.cn', `Subject: =?GB2312?B?${iconv.encode('㐀表', 'gb18030').toString('base64')}?=`],
      [
        xlsxPart(`Content-Disposition: attachment; filename="=?GBK?B?${b64}?="`),
        xlsxPart(
          `Content-Disposition: attachment; filename*=GBK''${[...iconv.encode('𡒄表.xlsx', 'gb18030')].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('')}`,
        ),
      ],
    );
    const { items, findings } = await collectInputs([put('mail/gb18030.eml', raw)], {});
    expect(findings).toEqual([]);
    expect(items.map((i) => i.name)).toEqual([name, '𡒄表.xlsx']);
    expect(items[0].email?.subject).toBe('㐀表');
  });
});
