/**
 * Hostile inputs (issue 13, items 13–19), generated at test time and never committed: each is a
 * small file built to make a reader do super-linear work, hold too much memory, or smuggle a
 * formula or a path. Every generator starts from a valid fixture so that only the hostile part
 * differs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { writeZip } from '../inputs/zip-writer.js';
import { patchZip } from '../io/make-files.js';

const ROOT = path.resolve(__dirname, '../..');
export const VALID_XLSX = path.join(ROOT, 'fixtures/validate/valid-template.xlsx');

export function validXlsx(): Buffer {
  return readFileSync(VALID_XLSX);
}

/** `n` copies of `unit` (a hostile run of unclosed tags or brackets). */
function runOf(unit: string, n: number): string {
  return unit.repeat(n);
}

/** The part of a valid .xlsx that each "unclosed start tag" case poisons, and where. */
export type UnclosedTagPart = 'workbook' | 'rels' | 'cellXfs' | 'mergeCells' | 'numFmts' | 'contentTypes' | 'workbookPr';

/**
 * A valid workbook with `n` unclosed start tags (`<sheet `, `<Relationship `, `<xf `, `<mergeCell `,
 * `<numFmt `, `<Override `) appended inside one of its parts: with a backtracking `<name([^>]*)>`
 * scan each one costs a pass to the end of the part.
 */
export async function unclosedTagsXlsx(part: UnclosedTagPart, n = 150_000): Promise<Buffer> {
  const valid = validXlsx();
  switch (part) {
    case 'workbook':
      return patchZip(valid, { 'xl/workbook.xml': (x) => x + runOf('<sheet ', n) });
    case 'workbookPr':
      return patchZip(valid, { 'xl/workbook.xml': (x) => x.replace('<workbookPr', `${runOf('<workbookPr ', n)}<workbookPr`) });
    case 'rels':
      return patchZip(valid, { 'xl/_rels/workbook.xml.rels': (x) => x + runOf('<Relationship ', n) });
    case 'cellXfs':
      return patchZip(valid, { 'xl/styles.xml': (x) => x.replace('</cellXfs>', `${runOf('<xf ', n)}</cellXfs>`) });
    case 'numFmts':
      return patchZip(valid, { 'xl/styles.xml': (x) => x.replace('</numFmts>', `${runOf('<numFmt a="1" ', n)}</numFmts>`) });
    case 'mergeCells':
      return patchZip(valid, {
        'xl/worksheets/sheet1.xml': (x) => x.replace('</mergeCells>', `${runOf('<mergeCell ', n)}</mergeCells>`),
      });
    case 'contentTypes':
      return patchZip(valid, { '[Content_Types].xml': (x) => x + runOf('<Override ', Math.min(n, 90_000)) });
  }
}

/** A valid workbook whose date column's number format is `n` opening brackets (a 3 KB deflated part). */
export async function bracketNumFmtXlsx(n = 200_000): Promise<Buffer> {
  return patchZip(validXlsx(), { 'xl/styles.xml': (x) => x.replace('formatCode="yyyy/m/d"', `formatCode="${runOf('[', n)}yyyy/m/d"`) });
}

/** One start tag whose attribute text is `n` characters without '=' or a closing quote. */
export async function longAttributeXlsx(n = 2_000_000): Promise<Buffer> {
  return patchZip(validXlsx(), { 'xl/workbook.xml': (x) => x.replace('<sheet ', `<sheet ${runOf('a', n)} x="${runOf('b', n)} `) });
}

/** A zip holding a zip holding `count` CSVs of `bytesEach` bytes each (a nested inflation bomb). */
export function nestedCsvZip(count: number, bytesEach: number): Buffer {
  const line = '活动名称,开始时间,活动地点\n';
  const body = Buffer.from(line.repeat(Math.ceil(bytesEach / Buffer.byteLength(line)))).subarray(0, bytesEach);
  const inner = sameDataZip(
    Array.from({ length: count }, (_v, i) => `表${i + 1}.csv`),
    body,
  );
  return writeZip([{ name: '各单位.zip', nameEncoding: 'utf8', data: inner }]);
}

/** A zip of many members with the same content, deflated once (a hundred deflates of 10 MB take seconds). */
function sameDataZip(names: string[], data: Buffer): Buffer {
  const body = deflateRawSync(data);
  const crc = crc32(data) >>> 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const n of names) {
    const name = Buffer.from(n, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
