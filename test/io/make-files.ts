/**
 * Test inputs for the readers, written with other libraries than the ones that read them:
 * SheetJS writes the workbooks exceljs reads, yazl writes zips, and raw XML parts (patched into a
 * SheetJS-written package) give the cases no writer produces on demand (rich text runs, inline
 * strings with escapes, `t="d"` cells, hostile ranges).
 */
import * as XLSX from '@e965/xlsx';
import yazl from 'yazl';
import { readZipDirectorySync, readZipMemberSync } from '../../src/io/read/zip-directory.js';

export interface SheetSpec {
  name: string;
  aoa: unknown[][];
  merges?: string[];
  hidden?: 0 | 1 | 2;
  /** per-cell extras, keyed by A1 address: number format, formula, hyperlink */
  cells?: Record<string, Partial<XLSX.CellObject>>;
}

export function sheetjsBook(sheets: SheetSpec[], opts: { date1904?: boolean } = {}): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.aoa);
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
    for (const [addr, extra] of Object.entries(s.cells ?? {})) {
      ws[addr] = { ...(ws[addr] ?? { t: 'z' }), ...extra };
      const a = XLSX.utils.decode_cell(addr);
      range.e.r = Math.max(range.e.r, a.r);
      range.e.c = Math.max(range.e.c, a.c);
    }
    ws['!ref'] = XLSX.utils.encode_range(range);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = {
    ...(opts.date1904 ? { WBProps: { date1904: true } } : {}),
    Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ?? 0 })),
  };
  return wb;
}

export function writeBook(wb: XLSX.WorkBook, bookType: XLSX.BookType, extra: Partial<XLSX.WritingOptions> = {}): Buffer {
  // SheetJS's ODS writer reports format conversions on console.error: not ours to print
  const saved = console.error;
  console.error = () => undefined;
  try {
    return XLSX.write(wb, { type: 'buffer', bookType, ...extra }) as Buffer;
  } finally {
    console.error = saved;
  }
}

export function zipOf(entries: Record<string, string | Buffer>, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) {
      zip.addEmptyDirectory(name, { mtime: new Date(2023, 8, 1) });
      continue;
    }
    zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), name, { compress: opts.compress ?? true, mtime: new Date(2023, 8, 1) });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Rebuild a zip with some members' text edited (or replaced, or added), and some renamed. */
export async function patchZip(
  bytes: Buffer,
  edits: Record<string, string | ((xml: string) => string)>,
  renames: Record<string, string> = {},
): Promise<Buffer> {
  const dir = readZipDirectorySync(bytes);
  if (!dir) throw new Error('not a zip');
  const out: Record<string, string | Buffer> = {};
  for (const e of dir) {
    const data = readZipMemberSync(bytes, e.name, 64 * 1024 * 1024, dir);
    if (!data) throw new Error(`cannot read ${e.name}`);
    const edit = edits[e.name];
    out[renames[e.name] ?? e.name] = edit === undefined ? data : typeof edit === 'string' ? edit : edit(data.toString('utf8'));
  }
  for (const [name, edit] of Object.entries(edits)) if (!(name in out) && typeof edit === 'string') out[name] = edit;
  return zipOf(out);
}

/** A minimal, valid .xlsx whose first sheet's <sheetData> (and extras) are given as XML. */
export async function rawXlsx(parts: {
  sheetData: string;
  /** XML after </sheetData> (mergeCells, dataValidations, hyperlinks …) */
  afterSheetData?: string;
  sharedStrings?: string[];
  /** raw <si> contents instead of plain strings */
  sharedStringsXml?: string;
  styles?: string;
  workbookPr?: string;
  definedNames?: string;
  sheetState?: string;
}): Promise<Buffer> {
  const ss = parts.sharedStringsXml ?? (parts.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
  const count = (ss.match(/<si>/g) ?? []).length;
  return zipOf({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (parts.workbookPr ?? '<workbookPr/>') +
      `<sheets><sheet name="活动安排表" sheetId="1" r:id="rId1"${parts.sheetState ? ` state="${parts.sheetState}"` : ''}/></sheets>` +
      (parts.definedNames ?? '') +
      '</workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheetData>${parts.sheetData}</sheetData>${parts.afterSheetData ?? ''}</worksheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">${ss}</sst>`,
    'xl/styles.xml': parts.styles ?? DEFAULT_STYLES,
  });
}

/**
 * Styles with these cellXfs: 0 General, 1 numFmtId 14 (date), 2 numFmtId 31 (zh-CN 年月日,
 * no format string in the file), 3 custom m"月"d"日" (164), 4 h:mm (20), 5 0.00 (2).
 */
export const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Deterministic pseudo-random bytes. */
export function randomBytes(n: number, seed = 42): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

/** Values of a sheet as a plain matrix (v of each cell, '' for empty) for compact assertions. */
export function valuesOf(rows: ({ v?: unknown } | undefined)[][]): unknown[][] {
  return rows.map((r) => r.map((c) => (c === undefined ? '' : c.v)));
}
