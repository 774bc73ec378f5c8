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

/**
 * A workbook of `sheets` sheets, each about `sheetBytes` of XML made of one row repeated (issue 13,
 * item 15): every row is `cellsPerRow` cells pointing at one shared string of `textChars`
 * characters. Each sheet stays under SPEC §9's per-entry caps (below the 10 MiB from which the
 * ratio rule applies) and deflates about a thousandfold, so 100 sheets make a ~1 MB file that
 * expands to ~1 GB of XML — and, read naively, to several GiB of cells.
 */
export function manyLargeSheetsXlsx(sheets = 100, sheetBytes = 4_000_000, cellsPerRow = 1000, textChars = 200): Buffer {
  // as Excel writes rows: numbered, the first cell addressed (the others follow it)
  const rest = '<c t="s"><v>0</v></c>'.repeat(cellsPerRow - 1);
  const row = (n: number) => `<row r="${n}"><c r="A${n}" t="s"><v>0</v></c>${rest}</row>`;
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const rows = Math.max(1, Math.floor((sheetBytes - head.length - tail.length) / row(1).length));
  const sheet = Buffer.from(head + Array.from({ length: rows }, (_v, i) => row(i + 1)).join('') + tail);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const ids = Array.from({ length: sheets }, (_v, i) => i + 1);
  const text = '科普活动'.repeat(Math.ceil(textChars / 4)).slice(0, textChars);
  return writeZip([
    {
      name: '[Content_Types].xml',
      nameEncoding: 'utf8',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        ids
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      nameEncoding: 'utf8',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      nameEncoding: 'utf8',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${ids.map((i) => `<sheet name="表${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      nameEncoding: 'utf8',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        ids.map((i) => `<Relationship Id="rId${i}" Type="${rel}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets + 1}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      nameEncoding: 'utf8',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="1" uniqueCount="1"><si><t>${text}</t></si></sst>`,
    },
    ...ids.map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, nameEncoding: 'utf8' as const, data: sheet })),
  ]);
}
