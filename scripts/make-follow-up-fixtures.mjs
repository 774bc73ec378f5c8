#!/usr/bin/env node
/**
 * Writes the example follow-up materials (issue 15): what the clerk of 鸠江区科协 has received
 * for the second round by the end of September 2023, to run beside the example inbox's master.
 *
 *   fixtures/follow-up/材料/               mails (.eml, GBK-encoded names), a mailbox zip download
 *                                           with GBK member names, a stray photo
 *   fixtures/follow-up/材料接收时间.csv     the --received manifest for the zip
 *
 * Expected run (after the README merge into 输出/):
 *   kepuri follow-up 输出/活动汇总表.xlsx --roster fixtures/附件1-任务分解表.xlsx \
 *     --materials fixtures/follow-up/材料 --received fixtures/follow-up/材料接收时间.csv --as-of 2023-09-26
 *
 * What is planted: 官陡街道 sends its work summary by mail on 9月24日 and the PPT, photos, video
 * and 汇总表 in a zip on 9月25日 (all five parts on time); 沈巷镇 mails its summary on 9月27日
 * (late); 区卫健委 mails photos of 《中医药健康知识义诊》; 随手拍.jpg names no unit.
 * The documents are minimal packages (only what tells their type), not real documents.
 * Deterministic: fixed contents and times. Plain Node ESM.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { zipBytes } from './fixtures-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures', 'follow-up');
const MATERIALS = path.join(OUT, '材料');
const CRLF = '\r\n';

const DOCX = await zipBytes([
  ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
]);
const PPTX = await zipBytes([
  ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['ppt/presentation.xml', '<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'],
]);
const XLSX = await zipBytes([
  ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
]);
/** a JPEG's signature and a little filler */
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(128, 0x20)]);
/** an MP4's ftyp box */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), Buffer.alloc(64)]);

const gbkWord = (s) => `=?GBK?B?${iconv.encode(s, 'gbk').toString('base64')}?=`;
const b64Lines = (buf) => (buf.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);

function eml({ id, from, fromName, time, subject, attachments }) {
  const boundary = `----=_NextPart_${id}`;
  const lines = [
    `Received: from mail.163.com by mx.jiujiang.gov.cn with SMTP id ${id};${CRLF}\t${time}`,
    `Date: ${time}`,
    `From: ${gbkWord(fromName)} <${from}>`,
    `To: ${gbkWord('鸠江区科协')} <jjqkx2023@163.com>`,
    `Subject: ${gbkWord(subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed;${CRLF}\tboundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="GBK"',
    'Content-Transfer-Encoding: base64',
    '',
    b64Lines(iconv.encode('材料见附件，请查收。', 'gbk')),
  ];
  for (const a of attachments) {
    lines.push(
      `--${boundary}`,
      `Content-Type: ${a.type};${CRLF}\tname="${gbkWord(a.name)}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment;${CRLF}\tfilename="${gbkWord(a.name)}"`,
      '',
      b64Lines(a.bytes),
    );
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join(CRLF), 'latin1');
}

/** A zip as a Chinese webmail's "download all": GBK member names, UTF-8 flag clear, stored. */
function gbkZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const time = (17 << 11) | (40 << 5);
  const date = ((2023 - 1980) << 9) | (9 << 5) | 25;
  for (const e of entries) {
    const name = iconv.encode(e.name, 'gbk');
    const crc = zlib.crc32(e.bytes) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(10, 4);
    lh.writeUInt16LE(0, 6);
    lh.writeUInt16LE(0, 8);
    lh.writeUInt16LE(time, 10);
    lh.writeUInt16LE(date, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(e.bytes.length, 18);
    lh.writeUInt32LE(e.bytes.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, e.bytes);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(0x0014, 4);
    ch.writeUInt16LE(10, 6);
    ch.writeUInt16LE(time, 12);
    ch.writeUInt16LE(date, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(e.bytes.length, 20);
    ch.writeUInt32LE(e.bytes.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(0x20, 38);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + e.bytes.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(MATERIALS, { recursive: true });
const put = (name, bytes) => fs.writeFileSync(path.join(MATERIALS, name), bytes);

put(
  '官陡街道-科普日工作总结.eml',
  eml({
    id: 'GD0924',
    from: 'gdjd_kx@163.com',
    fromName: '官陡街道科协',
    time: 'Sun, 24 Sep 2023 16:20:11 +0800',
    subject: '官陡街道2023年全国科普日工作总结',
    attachments: [
      { name: '官陡街道2023年全国科普日工作总结.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: DOCX },
    ],
  }),
);
put(
  '沈巷镇-工作总结.eml',
  eml({
    id: 'SX0927',
    from: 'sxz_kx@163.com',
    fromName: '沈巷镇科协',
    time: 'Wed, 27 Sep 2023 09:12:40 +0800',
    subject: '沈巷镇全国科普日活动工作总结',
    attachments: [{ name: '工作总结.docx', type: 'application/octet-stream', bytes: DOCX }],
  }),
);
put(
  '卫健委-义诊照片.eml',
  eml({
    id: 'WJ0922',
    from: 'jjwjw_kp@163.com',
    fromName: '区卫健委',
    time: 'Fri, 22 Sep 2023 18:05:00 +0800',
    subject: '中医药健康知识义诊活动照片',
    attachments: [
      { name: '中医药健康知识义诊1.jpg', type: 'image/jpeg', bytes: JPG },
      { name: '中医药健康知识义诊2.jpg', type: 'image/jpeg', bytes: JPG },
    ],
  }),
);
put(
  '附件打包下载.zip',
  gbkZip([
    { name: '官陡街道科普日PPT.pptx', bytes: PPTX },
    { name: '官陡街道活动照片1.jpg', bytes: JPG },
    { name: '官陡街道活动照片2.jpg', bytes: JPG },
    { name: '官陡街道科普日视频.mp4', bytes: MP4 },
    { name: '官陡街道全国科普日汇总表.xlsx', bytes: XLSX },
  ]),
);
put('随手拍.jpg', JPG);
fs.writeFileSync(path.join(OUT, '材料接收时间.csv'), iconv.encode('文件名,接收时间\r\n附件打包下载.zip,2023-09-25 17:40\r\n', 'gbk'));
console.log(`wrote ${path.relative(ROOT, OUT)}`);
