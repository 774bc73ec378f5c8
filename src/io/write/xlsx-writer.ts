/**
 * A small .xlsx writer for the two workbooks a merge produces (活动汇总表.xlsx, 汇总统计.xlsx),
 * replacing exceljs there (issue 6): exceljs took ~0.4 s to load and ~60 µs per cell to write
 * (its XML builder, then pako's JavaScript deflate), and held every cell as an object — a
 * 200,000-row master did not fit in 1 GiB. This one:
 *  - speaks the part of exceljs's API those writers use (getRow/getCell, value/font/fill/border/
 *    alignment/numFmt, columns widths, views, mergeCells, autoFilter, addConditionalFormatting
 *    with colour scales, pageSetup), so the writers read as before; plus print setup (footer,
 *    print titles, print area) for issue 12's printed copies;
 *  - lets a row be `commit()`ted (as exceljs's streaming writer does): it is serialised and
 *    dropped at once, and its XML is compressed in 1 MiB blocks with Node's native zlib (each
 *    block sync-flushed, so the blocks concatenate into one valid deflate stream);
 *  - writes shared strings, one style per distinct look, real date cells (a Date whose UTC fields
 *    are the wall clock, as exceljs), and a `_xlnm._FilterDatabase` name for every auto-filter
 *    (LibreOffice hides a filter without it).
 * The template and the annotated feedback copies keep exceljs (dropdowns on hidden sheets, notes,
 * a unit's own workbook round-tripped). Outputs are verified by reading them back with exceljs,
 * SheetJS and our reader (test/writers), and by hand in LibreOffice and openpyxl.
 */
import { looksLikeFormula } from './formula-text.js';
import zlib from 'node:zlib';
import { columnLetter } from '../../core/table.js';

export type CellValue = string | number | boolean | Date | null | undefined;
export interface Color {
  argb: string;
}
export interface Font {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: Color;
}
export interface Fill {
  type: 'pattern';
  pattern: 'solid';
  fgColor: Color;
}
export interface BorderSide {
  style: 'thin' | 'medium';
  color?: Color;
}
export interface Borders {
  top?: BorderSide;
  left?: BorderSide;
  bottom?: BorderSide;
  right?: BorderSide;
}
export interface Alignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrapText?: boolean;
}
export interface SheetView {
  state: 'frozen' | 'normal';
  xSplit?: number;
  ySplit?: number;
  topLeftCell?: string;
  activeCell?: string;
  showGridLines?: boolean;
}
export interface PageSetup {
  paperSize?: number;
  orientation?: 'portrait' | 'landscape';
  fitToPage?: boolean;
  fitToWidth?: number;
  fitToHeight?: number;
  /** centre the printed table between the side margins */
  horizontalCentered?: boolean;
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}
/** A data validation (dropdown list or date), as exceljs's dataValidations model, reduced. */
export interface DataValidation {
  /** cells, e.g. 'X3:X200' */
  sqref: string;
  type: 'list' | 'date';
  /** list: a quoted inline list '"是,否"' (at most 255 characters) or a range; date: a serial or formula */
  formula1: string;
  formula2?: string;
  operator?: 'between' | 'greaterThanOrEqual';
  /** message when a wrong value is typed */
  error?: string;
  prompt?: string;
}

export interface ColorScaleRule {
  type: 'colorScale';
  priority: number;
  cfvo: { type: 'min' | 'max' }[];
  color: Color[];
}
type AutoFilter = string | { from: { row: number; column: number }; to: { row: number; column: number } };

const BLOCK_BYTES = 1 << 20;
const LETTERS: string[] = [];
/** column letters, cached: every cell of a big sheet needs one */
function letterOf(c: number): string {
  return (LETTERS[c] ??= columnLetter(c));
}
/** `<c r="B` per column, and the attributes after the row number per style id, for appendRow */
const CELL_OPEN: string[] = [];
const STRING_ATTRS: string[] = [];
const NUMBER_ATTRS: string[] = [];
/** blocks compressed at once (each ~1 MiB of XML) before a writer is asked to wait */
const MAX_IN_FLIGHT = 4;
/**
 * zlib level 4, not 6: on a province master (107 MB of sheet XML) level 6 took 2.2 s of CPU for
 * 13.1 MB, level 4 0.8 s for 15.0 MB (levels 1–3 are zlib's fast matcher: 17.5–15.1 MB). With two
 * cores the compression competes with the XML building, so it was the master's bottleneck.
 */
const DEFLATE_LEVEL = 4;
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Text safe inside an element: the five escapes, control characters as _xHHHH_, lone surrogates replaced. */
export function escapeXmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[<>&"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  let out = s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
  // eslint-disable-next-line no-control-regex
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// ---------------------------------------------------------------------------------------------
// Cells, rows, sheets
// ---------------------------------------------------------------------------------------------

export class XlsxCell {
  value: CellValue = null;
  font?: Font;
  fill?: Fill;
  border?: Borders;
  alignment?: Alignment;
  numFmt?: string;
}

export class XlsxRow {
  height?: number;
  /** cells by 1-based column */
  readonly cells: (XlsxCell | undefined)[] = [];
  constructor(
    private readonly sheet: XlsxSheet,
    readonly number: number,
  ) {}
  getCell(column: number): XlsxCell {
    return (this.cells[column] ??= new XlsxCell());
  }
  /** Serialise this row now and forget it (rows are committed in order; later changes are lost). */
  commit(): void {
    this.sheet.commitThrough(this.number);
  }
}

export class XlsxSheet {
  columns: { width?: number }[] = [];
  pageSetup: PageSetup = {};
  /** printed header/footer codes (&P page, &N pages, &C centre), e.g. `&C第 &P 页 共 &N 页` */
  headerFooter: { oddHeader?: string; oddFooter?: string } = {};
  /** rows repeated at the top of every printed page, e.g. '1:2' (the _xlnm.Print_Titles name) */
  printTitlesRows?: string;
  /** the printed range, e.g. 'A1:Z48' (the _xlnm.Print_Area name) */
  printArea?: string;
  autoFilter?: AutoFilter;
  /** dropdowns and date checks, written after the conditional formats */
  readonly dataValidations: DataValidation[] = [];
  readonly views: SheetView[];
  private readonly rows = new Map<number, XlsxRow>();
  private readonly merges: string[] = [];
  private readonly conditional: { ref: string; rules: ColorScaleRule[] }[] = [];
  /** committed sheetData, compressed */
  private readonly data: DeflateSink;
  /** the shared-string id of each cell of the last appended row, -1 where none (for `copyOf`) */
  private rowStrings = new Int32Array(0);
  private committedThrough = 0;
  private started = false;
  /** fitToPage as written in the sheet's head (with the first row) */
  private headFitToPage = false;

  constructor(
    private readonly book: XlsxBook,
    readonly name: string,
    views: SheetView[],
  ) {
    this.views = views;
    this.data = new DeflateSink();
  }

  getRow(r: number): XlsxRow {
    if (r <= this.committedThrough) throw new Error(`row ${r} of ${this.name} is already committed`);
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = new XlsxRow(this, r)));
    return row;
  }

  getCell(r: number, c: number): XlsxCell {
    return this.getRow(r).getCell(c);
  }

  getColumn(c: number): { letter: string } {
    return { letter: columnLetter(c - 1) };
  }

  mergeCells(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push(`${columnLetter(c1 - 1)}${r1}:${columnLetter(c2 - 1)}${r2}`);
  }

  addConditionalFormatting(cf: { ref: string; rules: ColorScaleRule[] }): void {
    this.conditional.push(cf);
  }

  /**
   * Write row `r` straight to the sheet (no cell objects): `values[i]` in column i+1 with style id
   * `styles[i]` (from `XlsxBook.styleId`). Rows before it must be done; it is committed at once.
   * `copyOf`: a sheet of another book whose last appended row holds, column for column, the same
   * texts; their shared-string ids there stand for a lookup in this book's table (see
   * `XlsxBook.stringIndexVia`).
   */
  appendRow(r: number, values: readonly CellValue[], styles: readonly number[], height?: number, copyOf?: XlsxSheet): void {
    this.commitThrough(r - 1);
    if (r <= this.committedThrough) throw new Error(`row ${r} of ${this.name} is already committed`);
    let x = `<row r="${r}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>`;
    const suffix = String(r);
    const book = this.book;
    if (this.rowStrings.length < values.length) this.rowStrings = new Int32Array(values.length);
    const ids = this.rowStrings;
    // the two common cells (a shared string, a number) from cached pieces: no reference or
    // style-attribute string is made per cell (a province master has 2.7 million cells)
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      const s = styles[c] ?? 0;
      if (typeof v === 'string' && v !== '') {
        // text Excel would take for a formula on editing carries quotePrefix (SPEC §9)
        const sq = looksLikeFormula(v) ? book.quotedStyle(s) : s;
        const id = copyOf ? book.stringIndexVia(copyOf.book, copyOf.rowStrings[c] ?? -1, v) : book.stringIndex(v);
        ids[c] = id;
        x += (CELL_OPEN[c] ??= `<c r="${letterOf(c)}`) + suffix + (STRING_ATTRS[sq] ??= sq ? `" s="${sq}" t="s"><v>` : '" t="s"><v>') + id + '</v></c>';
        continue;
      }
      ids[c] = -1;
      if (typeof v === 'number' && Number.isFinite(v)) {
        x += (CELL_OPEN[c] ??= `<c r="${letterOf(c)}`) + suffix + (NUMBER_ATTRS[s] ??= s ? `" s="${s}"><v>` : '"><v>') + v + '</v></c>';
      } else x += book.valueXml(v, letterOf(c) + suffix, s);
    }
    this.data.write(x + '</row>');
    this.committedThrough = r;
  }

  /** Serialise and drop every pending row up to `r`. */
  commitThrough(r: number): void {
    if (!this.started) {
      this.started = true;
      this.data.write(this.head());
    }
    if (this.rows.size === 0) {
      this.committedThrough = Math.max(this.committedThrough, r);
      return;
    }
    const numbers = [...this.rows.keys()].filter((n) => n <= r).sort((a, b) => a - b);
    for (const n of numbers) {
      this.data.write(this.rowXml(this.rows.get(n)!));
      this.rows.delete(n);
    }
    this.committedThrough = Math.max(this.committedThrough, r);
  }

  /** Resolves when the sheet's compression has caught up enough to go on writing rows. */
  async drain(): Promise<void> {
    await this.data.drain();
  }

  /** The whole worksheet part, compressed; the sheet cannot be changed afterwards. */
  finish(): Promise<CompressedPart> {
    let last = this.committedThrough;
    for (const r of this.rows.keys()) if (r > last) last = r;
    this.commitThrough(last);
    this.data.write(this.tail());
    return this.data.end();
  }

  filterRef(): string | undefined {
    const af = this.autoFilter;
    if (!af) return undefined;
    if (typeof af === 'string') return af;
    return `${columnLetter(af.from.column - 1)}${af.from.row}:${columnLetter(af.to.column - 1)}${af.to.row}`;
  }

  private head(): string {
    const ps = this.pageSetup;
    let x = `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
    this.headFitToPage = ps.fitToPage === true;
    if (ps.fitToPage) x += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    x += `<sheetViews>${this.viewXml()}</sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
    if (this.columns.length > 0) {
      x += '<cols>';
      this.columns.forEach((col, i) => {
        if (col?.width !== undefined) x += `<col min="${i + 1}" max="${i + 1}" width="${col.width}" customWidth="1"/>`;
      });
      x += '</cols>';
    }
    return x + '<sheetData>';
  }

  private viewXml(): string {
    const v = this.views[0];
    const selected = this.book.sheetIndex(this) === 0 ? ' tabSelected="1"' : '';
    const grid = v?.showGridLines === false ? ' showGridLines="0"' : '';
    if (v?.state !== 'frozen' || (!v.xSplit && !v.ySplit)) return `<sheetView${selected}${grid} workbookViewId="0"/>`;
    const x = v.xSplit ?? 0;
    const y = v.ySplit ?? 0;
    const topLeft = v.topLeftCell ?? `${columnLetter(x)}${y + 1}`;
    const pane = x && y ? 'bottomRight' : y ? 'bottomLeft' : 'topRight';
    const active = v.activeCell ?? topLeft;
    return (
      `<sheetView${selected}${grid} workbookViewId="0">` +
      `<pane${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}" activeCell="${active}" sqref="${active}"/></sheetView>`
    );
  }

  private rowXml(row: XlsxRow): string {
    let x = `<row r="${row.number}"${row.height !== undefined ? ` ht="${row.height}" customHeight="1"` : ''}>`;
    const cells = row.cells;
    for (let c = 1; c < cells.length; c++) {
      const cell = cells[c];
      if (cell) x += this.book.cellXml(cell, letterOf(c - 1) + row.number);
    }
    return x + '</row>';
  }

  private tail(): string {
    // the fit-to-page flag sits in the head, written with the first row: set it before
    if (this.pageSetup.fitToPage && !this.headFitToPage) throw new Error(`pageSetup.fitToPage of ${this.name} set after its first row was written`);
    let x = '</sheetData>';
    const ref = this.filterRef();
    if (ref) x += `<autoFilter ref="${ref}"/>`;
    if (this.merges.length > 0) x += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    for (const cf of this.conditional) {
      x += `<conditionalFormatting sqref="${cf.ref}">`;
      for (const rule of cf.rules) {
        x +=
          `<cfRule type="colorScale" priority="${rule.priority}"><colorScale>` +
          rule.cfvo.map((v) => `<cfvo type="${v.type}"/>`).join('') +
          rule.color.map((c) => `<color rgb="${c.argb}"/>`).join('') +
          '</colorScale></cfRule>';
      }
      x += '</conditionalFormatting>';
    }
    // CT_Worksheet order: conditionalFormatting, dataValidations, hyperlinks, printOptions, pageMargins, pageSetup, headerFooter
    if (this.dataValidations.length > 0) x += dataValidationsXml(this.dataValidations);
    if (this.pageSetup.horizontalCentered) x += '<printOptions horizontalCentered="1"/>';
    const m = this.pageSetup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
    x += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    const ps = this.pageSetup;
    const attrs = [
      ps.paperSize !== undefined ? `paperSize="${ps.paperSize}"` : '',
      ps.orientation ? `orientation="${ps.orientation}"` : '',
      ps.fitToPage && ps.fitToWidth !== undefined ? `fitToWidth="${ps.fitToWidth}"` : '',
      ps.fitToPage && ps.fitToHeight !== undefined ? `fitToHeight="${ps.fitToHeight}"` : '',
    ].filter(Boolean);
    if (attrs.length > 0) x += `<pageSetup ${attrs.join(' ')}/>`;
    const hf = this.headerFooter;
    if (hf.oddHeader || hf.oddFooter) {
      x +=
        '<headerFooter>' +
        (hf.oddHeader ? `<oddHeader>${escapeXmlText(hf.oddHeader)}</oddHeader>` : '') +
        (hf.oddFooter ? `<oddFooter>${escapeXmlText(hf.oddFooter)}</oddFooter>` : '') +
        '</headerFooter>';
    }
    return x + '</worksheet>';
  }
}

function dataValidationsXml(list: readonly DataValidation[]): string {
  let x = `<dataValidations count="${list.length}">`;
  for (const dv of list) {
    const attrs = [
      `type="${dv.type}"`,
      dv.operator ? `operator="${dv.operator}"` : '',
      'allowBlank="1"',
      dv.error ? 'showErrorMessage="1"' : '',
      dv.prompt ? 'showInputMessage="1"' : '',
      dv.error ? `error="${escapeXmlAttr(dv.error)}"` : '',
      dv.prompt ? `prompt="${escapeXmlAttr(dv.prompt)}"` : '',
      `sqref="${dv.sqref}"`,
    ].filter(Boolean);
    x += `<dataValidation ${attrs.join(' ')}><formula1>${escapeXmlText(dv.formula1)}</formula1>`;
    if (dv.formula2 !== undefined) x += `<formula2>${escapeXmlText(dv.formula2)}</formula2>`;
    x += '</dataValidation>';
  }
  return x + '</dataValidations>';
}

function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------

/** Built-in number formats by code (ECMA-376 §18.8.30), so common ones need no <numFmt>. */
const BUILTIN_FMT: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, 'mm-dd-yy': 14, '@': 49 };

export class XlsxBook {
  creator = 'kepuri';
  lastModifiedBy?: string;
  created = new Date();
  modified = new Date();
  title?: string;
  private readonly sheets: XlsxSheet[] = [];
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  /** the other book whose shared-string ids `stringIndexVia` translates, and its id → ours (-1: not yet) */
  private via?: { source: XlsxBook; ids: Int32Array };
  private readonly styleIds = new Map<string, number>();
  private readonly styles: { font: number; fill: number; border: number; numFmt: number; alignment?: Alignment; quotePrefix?: boolean }[] = [
    { font: 0, fill: 0, border: 0, numFmt: 0 },
  ];
  /** style id → the same look with quotePrefix */
  private readonly quoted = new Map<number, number>();
  private readonly fonts = new Map<string, number>([['{}', 0]]);
  private readonly fills = new Map<string, number>([
    ['none', 0],
    ['gray125', 1],
  ]);
  private readonly borders = new Map<string, number>([['{}', 0]]);
  private readonly numFmts = new Map<string, number>();
  private readonly alignments = new Map<string, number>();
  /** font, fill, border or alignment object → its id in its table (WeakMap: by identity) */
  private readonly partIds = new WeakMap<object, number>();

  addWorksheet(name: string, opts: { views?: SheetView[] } = {}): XlsxSheet {
    const ws = new XlsxSheet(this, name, opts.views ?? [{ state: 'normal' }]);
    this.sheets.push(ws);
    return ws;
  }

  get worksheets(): readonly XlsxSheet[] {
    return this.sheets;
  }

  sheetIndex(ws: XlsxSheet): number {
    return this.sheets.indexOf(ws);
  }

  /** One <c> element. */
  cellXml(cell: XlsxCell, ref: string): string {
    const v = cell.value;
    const numFmt = v instanceof Date && cell.numFmt === undefined ? 'mm-dd-yy' : cell.numFmt;
    const s = this.styleOf(cell, numFmt);
    return this.valueXml(v, ref, s);
  }

  /** `<c>` for a value with style id `s`; '' for an empty, unstyled cell. */
  valueXml(v: CellValue, ref: string, s: number): string {
    const sa = s ? ` s="${s}"` : '';
    if (typeof v === 'string') {
      if (v === '') return s ? `<c r="${ref}"${sa}/>` : '';
      const sq = looksLikeFormula(v) ? this.quotedStyle(s) : s;
      return `<c r="${ref}"${sq ? ` s="${sq}"` : ''} t="s"><v>${this.stringIndex(v)}</v></c>`;
    }
    if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${sa}><v>${v}</v></c>` : s ? `<c r="${ref}"${sa}/>` : '';
    if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
    if (v instanceof Date) {
      const serial = v.getTime() / 86_400_000 + 25569;
      if (Number.isFinite(serial)) return `<c r="${ref}"${sa}><v>${serial}</v></c>`;
    }
    return s ? `<c r="${ref}"${sa}/>` : '';
  }

  /** The shared-strings index of `v`, added when new. */
  stringIndex(v: string): number {
    let i = this.strings.get(v);
    if (i === undefined) {
      i = this.stringList.length;
      this.strings.set(v, i);
      this.stringList.push(v);
    }
    return i;
  }

  /**
   * `stringIndex(v)` for a text whose id in `source`'s table is known: a copy of another book's
   * rows looks each distinct text up once, not once a cell (the upward copy repeats 1.5 million
   * of a province master's cells, and a lookup each was about half of what it cost to write).
   */
  stringIndexVia(source: XlsxBook, sourceId: number, v: string): number {
    if (sourceId < 0 || source.stringList[sourceId] !== v) return this.stringIndex(v);
    if (this.via?.source !== source) this.via = { source, ids: new Int32Array(0) };
    let ids = this.via.ids;
    if (sourceId >= ids.length) {
      const grown = new Int32Array(Math.max(1024, ids.length * 2, sourceId + 1)).fill(-1);
      grown.set(ids);
      this.via.ids = ids = grown;
    }
    let id = ids[sourceId];
    if (id < 0) ids[sourceId] = id = this.stringIndex(v);
    return id;
  }

  /** The xf id of style `s` with the quotePrefix flag (text shown as text even when edited). */
  quotedStyle(s: number): number {
    let id = this.quoted.get(s);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push({ ...this.styles[s], quotePrefix: true });
      this.quoted.set(s, id);
    }
    return id;
  }

  /** The xf id of a look, for `XlsxSheet.appendRow` (computed once per look, not per cell). */
  styleId(look: { font?: Font; fill?: Fill; border?: Borders; alignment?: Alignment; numFmt?: string }): number {
    return this.styleOf(look, look.numFmt);
  }

  private styleOf(cell: { font?: Font; fill?: Fill; border?: Borders; alignment?: Alignment }, numFmt: string | undefined): number {
    const { font, fill, border, alignment } = cell;
    if (!font && !fill && !border && !alignment && (numFmt === undefined || numFmt === 'General')) return 0;
    // each style object is resolved to its part id once (by identity), then the combination by a
    // short key: the writers reuse constant objects, so this is a few map lookups per cell
    const fontId = font ? this.partId(font, () => this.idOf(this.fonts, JSON.stringify(font))) : 0;
    const fillId = fill ? this.partId(fill, () => this.idOf(this.fills, fill.fgColor.argb)) : 0;
    const borderId = border ? this.partId(border, () => this.idOf(this.borders, JSON.stringify(border))) : 0;
    const alignId = alignment ? this.partId(alignment, () => this.idOf(this.alignments, JSON.stringify(alignment), 1)) : 0;
    const fmtId = numFmt === undefined ? 0 : (BUILTIN_FMT[numFmt] ?? this.idOf(this.numFmts, numFmt, 164));
    const key = `${fontId},${fillId},${borderId},${fmtId},${alignId}`;
    let id = this.styleIds.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styleIds.set(key, id);
      this.styles.push({ font: fontId, fill: fillId, border: borderId, numFmt: fmtId, ...(alignment ? { alignment } : {}) });
    }
    return id;
  }

  private partId(o: object, resolve: () => number): number {
    let id = this.partIds.get(o);
    if (id === undefined) this.partIds.set(o, (id = resolve()));
    return id;
  }

  private idOf(map: Map<string, number>, key: string, base = 0): number {
    let id = map.get(key);
    if (id === undefined) {
      id = base + map.size;
      map.set(key, id);
    }
    return id;
  }

  /** The whole package. */
  async writeBuffer(): Promise<Buffer> {
    return Buffer.concat(await this.writeChunks());
  }

  /** The package as its pieces in order (to write to a file without one more whole copy). */
  async writeChunks(): Promise<Buffer[]> {
    const sheetParts = this.sheets.map((ws) => ws.finish());
    const sst = new DeflateSink();
    sst.write(`${XML_DECL}<sst xmlns="${NS_MAIN}" count="${this.stringList.length}" uniqueCount="${this.stringList.length}">`);
    for (const s of this.stringList) {
      const t = escapeXmlText(s);
      sst.write(/^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`);
    }
    sst.write('</sst>');
    const sstPart = sst.end();
    const zip = new ZipBuilder();
    await zip.add('[Content_Types].xml', this.contentTypes());
    await zip.add(
      '_rels/.rels',
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    await zip.add(
      'docProps/app.xml',
      `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>kepuri</Application></Properties>`,
    );
    await zip.add('docProps/core.xml', this.coreXml());
    await zip.add('xl/workbook.xml', this.workbookXml());
    await zip.add('xl/_rels/workbook.xml.rels', this.workbookRels());
    await zip.add('xl/styles.xml', this.stylesXml());
    const parts = await Promise.all(sheetParts);
    parts.forEach((part, i) => zip.addCompressed(`xl/worksheets/sheet${i + 1}.xml`, part));
    zip.addCompressed('xl/sharedStrings.xml', await sstPart);
    return zip.toChunks();
  }

  private contentTypes(): string {
    return (
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      this.sheets
        .map(
          (_s, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>'
    );
  }

  private coreXml(): string {
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return (
      `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeXmlText(this.creator)}</dc:creator>` +
      (this.title ? `<dc:title>${escapeXmlText(this.title)}</dc:title>` : '') +
      (this.lastModifiedBy ? `<cp:lastModifiedBy>${escapeXmlText(this.lastModifiedBy)}</cp:lastModifiedBy>` : '') +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${iso(this.created)}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso(this.modified)}</dcterms:modified>` +
      '</cp:coreProperties>'
    );
  }

  private workbookXml(): string {
    const names: string[] = [];
    this.sheets.forEach((ws, i) => {
      const ref = ws.filterRef();
      if (!ref) return;
      const abs = ref
        .split(':')
        .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
        .join(':');
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXmlText(ws.name.replace(/'/g, "''"))}'!${abs}</definedName>`,
      );
    });
    // print area and print titles: built-in names local to their sheet, with absolute references
    this.sheets.forEach((ws, i) => {
      const quoted = `'${escapeXmlText(ws.name.replace(/'/g, "''"))}'`;
      if (ws.printArea) {
        const abs = ws.printArea
          .split(':')
          .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
          .join(':');
        names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${quoted}!${abs}</definedName>`);
      }
      if (ws.printTitlesRows) {
        const [a, b] = ws.printTitlesRows.split(':');
        names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${quoted}!$${a}:$${b ?? a}</definedName>`);
      }
    });
    return (
      `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      this.sheets.map((ws, i) => `<sheet name="${escapeXmlText(ws.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets>' +
      (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
      '<calcPr calcId="191029"/></workbook>'
    );
  }

  private workbookRels(): string {
    const n = this.sheets.length;
    return (
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      this.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>'
    );
  }

  private stylesXml(): string {
    const fmts = [...this.numFmts.entries()];
    const fonts = [...this.fonts.keys()].map((k) => JSON.parse(k) as Font);
    const fills = [...this.fills.keys()];
    const borders = [...this.borders.keys()].map((k) => JSON.parse(k) as Borders);
    const color = (c: Color | undefined) => (c ? `<color rgb="${c.argb}"/>` : '');
    const fontXml = (f: Font) =>
      `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size ?? 11}"/>${color(f.color)}<name val="宋体"/><family val="3"/><charset val="134"/></font>`;
    const fillXml = (argb: string) =>
      argb === 'none' || argb === 'gray125'
        ? `<fill><patternFill patternType="${argb}"/></fill>`
        : `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
    const side = (name: string, s: BorderSide | undefined) => (s ? `<${name} style="${s.style}">${color(s.color)}</${name}>` : `<${name}/>`);
    const borderXml = (b: Borders) =>
      `<border>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`;
    const xfXml = (x: (typeof this.styles)[number]) => {
      const a = x.alignment;
      const attrs =
        `numFmtId="${x.numFmt}" fontId="${x.font}" fillId="${x.fill}" borderId="${x.border}" xfId="0"` +
        (x.numFmt ? ' applyNumberFormat="1"' : '') +
        (x.font ? ' applyFont="1"' : '') +
        (x.fill ? ' applyFill="1"' : '') +
        (x.border ? ' applyBorder="1"' : '') +
        (a ? ' applyAlignment="1"' : '') +
        (x.quotePrefix ? ' quotePrefix="1"' : '');
      if (!a) return `<xf ${attrs}/>`;
      const al = [
        a.horizontal ? `horizontal="${a.horizontal}"` : '',
        a.vertical ? `vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : '',
        a.wrapText ? 'wrapText="1"' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `<xf ${attrs}><alignment ${al}/></xf>`;
    };
    return (
      `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">` +
      (fmts.length > 0
        ? `<numFmts count="${fmts.length}">${fmts.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXmlText(code)}"/>`).join('')}</numFmts>`
        : '') +
      `<fonts count="${fonts.length}">${fonts.map(fontXml).join('')}</fonts>` +
      `<fills count="${fills.length}">${fills.map(fillXml).join('')}</fills>` +
      `<borders count="${borders.length}">${borders.map(borderXml).join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.styles.length}">${this.styles.map(xfXml).join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Compression and the zip container
// ---------------------------------------------------------------------------------------------

interface CompressedPart {
  blocks: Buffer[];
  crc: number;
  size: number;
  compressedSize: number;
}

/**
 * Raw deflate of a part written in pieces: text is gathered to ~1 MiB and compressed with a sync
 * flush (so the next block continues the same stream; the last one finishes it). Blocks are
 * compressed on libuv's thread pool, i.e. on the other core while this thread goes on building
 * XML; only compressed bytes are kept. `drain()` lets a long writer wait when too many blocks are
 * in flight, which bounds the memory of raw blocks.
 */
/**
 * Raw blocks whose compression has finished, for the next block to fill. Without reuse each
 * 1 MiB block stayed allocated until V8 happened to collect its Buffer: writing a province master
 * (100 MB of XML) held 20–45 MiB of spent blocks at any time, the largest part of its peak.
 */
const FREE_BLOCKS: Buffer[] = [];
const MAX_FREE_BLOCKS = MAX_IN_FLIGHT + 2;

function takeBlock(): Buffer {
  return FREE_BLOCKS.pop() ?? Buffer.allocUnsafe(BLOCK_BYTES);
}

function giveBackBlock(block: Buffer): void {
  if (block.length === BLOCK_BYTES && FREE_BLOCKS.length < MAX_FREE_BLOCKS) FREE_BLOCKS.push(block);
}

class DeflateSink {
  /** the block being filled: UTF-8 written straight in, no joined strings */
  private buf = takeBlock();
  private used = 0;
  private readonly blocks: Promise<Buffer>[] = [];
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private crc = 0;
  private size = 0;

  write(text: string): void {
    // a UTF-16 unit is at most 3 bytes of UTF-8
    if (this.used + text.length * 3 > this.buf.length) {
      if (this.used > 0) this.flush(false);
      if (text.length * 3 > this.buf.length) {
        giveBackBlock(this.buf);
        this.buf = Buffer.allocUnsafe(text.length * 3);
      }
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  /** Resolves once no more than MAX_IN_FLIGHT blocks are being compressed. */
  async drain(): Promise<void> {
    while (this.inFlight > MAX_IN_FLIGHT) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private flush(final: boolean): void {
    const full = this.buf;
    const raw = full.subarray(0, this.used);
    this.buf = takeBlock(); // the full one belongs to zlib until it is compressed
    this.used = 0;
    this.crc = zlib.crc32(raw, this.crc);
    this.size += raw.length;
    this.inFlight++;
    const flush = final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
    this.blocks.push(
      new Promise<Buffer>((resolve, reject) =>
        zlib.deflateRaw(raw, { level: DEFLATE_LEVEL, finishFlush: flush }, (err, out) => {
          this.inFlight--;
          giveBackBlock(full);
          const waiters = this.waiters;
          this.waiters = [];
          for (const w of waiters) w();
          if (err) reject(err);
          else resolve(out);
        }),
      ),
    );
  }

  async end(): Promise<CompressedPart> {
    this.flush(true);
    giveBackBlock(this.buf); // nothing more is written
    const blocks = await Promise.all(this.blocks);
    return { blocks, crc: this.crc >>> 0, size: this.size, compressedSize: blocks.reduce((n, b) => n + b.length, 0) };
  }
}

/** A zip of deflated entries (no Zip64: the caps keep outputs far below 4 GiB). */
class ZipBuilder {
  private readonly chunks: Buffer[] = [];
  private readonly central: Buffer[] = [];
  private offset = 0;
  private count = 0;

  async add(name: string, text: string): Promise<void> {
    const sink = new DeflateSink();
    sink.write(text);
    this.addCompressed(name, await sink.end());
  }

  addCompressed(name: string, part: CompressedPart): void {
    if (part.size >= 0xffffffff || this.offset + part.compressedSize >= 0xffffffff) throw new RangeError('workbook too large for a zip without Zip64');
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // 1980-01-01: fixed, so equal inputs give equal files
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.compressedSize, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    local.copy(dir, 8, 6, 26); // flags, method, time, date, crc, sizes
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(this.offset, 42);
    this.central.push(dir, nameBytes);
    this.chunks.push(local, nameBytes, ...part.blocks);
    this.offset += 30 + nameBytes.length + part.compressedSize;
    this.count++;
  }

  toChunks(): Buffer[] {
    const dirSize = this.central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(dirSize, 12);
    end.writeUInt32LE(this.offset, 16);
    return [...this.chunks, ...this.central, end];
  }
}
