/**
 * A minimal .xlsx package from raw XML, for reader tests that need exact control over the
 * markup (entities, rich text, phonetic runs, 1904 flags, inline strings, odd attributes).
 */
import { writeZip } from '../inputs/zip-writer.js';

export interface XlsxParts {
  /** worksheet bodies (inside <worksheet>): e.g. '<sheetData>…</sheetData><mergeCells>…</mergeCells>' */
  sheets: { name: string; body: string; state?: string }[];
  /** the <si> items, already marked up ('<si><t>a</t></si>'); omitted: no sharedStrings.xml */
  sharedStrings?: string[];
  /** inside <styleSheet>; default: one plain xf */
  styles?: string;
  /** attributes of <workbookPr>, e.g. 'date1904="1"' */
  workbookPr?: string;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function writeXlsxParts(parts: XlsxParts): Buffer {
  const sheetRels = parts.sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const n = parts.sheets.length;
  const rels =
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}` +
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    (parts.sharedStrings
      ? `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
      : '') +
    '</Relationships>';
  const workbook =
    `${DECL}<workbook ${NS}><workbookPr ${parts.workbookPr ?? ''}/><sheets>` +
    parts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const styles =
    `${DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (parts.styles ??
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>') +
    '</styleSheet>';
  const types =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    parts.sheets
      .map(
        (_s, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (parts.sharedStrings
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '') +
    '</Types>';
  const rootRels = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const entries = [
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/styles.xml', data: styles },
    ...parts.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `${DECL}<worksheet ${NS}>${s.body}</worksheet>` })),
    ...(parts.sharedStrings
      ? [
          {
            name: 'xl/sharedStrings.xml',
            data: `${DECL}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${parts.sharedStrings.length}" uniqueCount="${parts.sharedStrings.length}">${parts.sharedStrings.join('')}</sst>`,
          },
        ]
      : []),
  ];
  return writeZip(entries.map((e) => ({ ...e, nameEncoding: 'utf8' as const, data: Buffer.from(e.data, 'utf8') })));
}
