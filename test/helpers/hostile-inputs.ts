/**
 * Hostile inputs (issue 13, items 13–19), generated at test time and never committed: each is a
 * small file built to make a reader do super-linear work, hold too much memory, or smuggle a
 * formula or a path. Every generator starts from a valid fixture so that only the hostile part
 * differs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { patchZip, zipOf } from '../io/make-files.js';

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
export async function nestedCsvZip(count: number, bytesEach: number): Promise<Buffer> {
  const line = '活动名称,开始时间,活动地点\n';
  const body = Buffer.from(line.repeat(Math.ceil(bytesEach / Buffer.byteLength(line))).slice(0, bytesEach));
  const inner: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) inner[`表${i + 1}.csv`] = body;
  const innerZip = await zipOf(inner);
  return zipOf({ 'inner.zip': innerZip });
}
