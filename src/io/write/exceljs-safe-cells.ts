/**
 * Cells in a copy we hand back to a unit must never run anything (issue 13, item 18; SPEC §9):
 *  - a formula is replaced by its cached result: a DDE call (`cmd|' /C calc'!A0`), a HYPERLINK
 *    or WEBSERVICE formula from the unit's file must not reach the copy;
 *  - a hyperlink cell keeps its text, not its target;
 *  - text that Excel would take for a formula when the cell is edited (starting with = + - @, tab
 *    or carriage return) gets the style flag `quotePrefix`, which Excel shows as a leading '.
 * exceljs has no quotePrefix: `installQuotePrefix` teaches its style writer the attribute
 * (a style model with `quotePrefix: true` is written as `<xf … quotePrefix="1">`).
 */
import type ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { looksLikeFormula } from './formula-text.js';

export { looksLikeFormula };

let installed = false;

/** Make exceljs write `quotePrefix="1"` for style models carrying `quotePrefix: true`. Idempotent. */
export function installQuotePrefix(): void {
  if (installed) return;
  installed = true;
  try {
    const require = createRequire(import.meta.url);
    type XmlStream = { openNode(name: string, attrs?: unknown): unknown; addAttribute(name: string, value: string): void };
    const StyleXform = require('exceljs/lib/xlsx/xform/style/style-xform.js') as {
      prototype: { render(xmlStream: XmlStream, model: { quotePrefix?: boolean } | undefined): void };
    };
    const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as {
      prototype: { addStyleModel(model: { quotePrefix?: boolean } | undefined, cellType?: unknown): number; _addStyle(style: object): number };
    };
    const render = StyleXform.prototype.render;
    StyleXform.prototype.render = function (xmlStream, model) {
      if (!model?.quotePrefix) return render.call(this, xmlStream, model);
      // the attribute must follow the opening of <xf> and come before its children
      const stream = xmlStream as XmlStream & { openNode: XmlStream['openNode'] };
      const open = stream.openNode;
      stream.openNode = function (this: XmlStream, name: string, attrs?: unknown) {
        const r = open.call(this, name, attrs);
        if (name === 'xf') {
          delete (stream as Partial<XmlStream>).openNode;
          this.addAttribute('quotePrefix', '1');
        }
        return r;
      };
      try {
        render.call(this, xmlStream, model);
      } finally {
        if (Object.hasOwn(stream, 'openNode')) delete (stream as Partial<XmlStream>).openNode;
      }
    };
    const addStyleModel = StylesXform.prototype.addStyleModel;
    StylesXform.prototype.addStyleModel = function (model, cellType) {
      if (!model?.quotePrefix) return addStyleModel.call(this, model, cellType);
      const self = this as { _addStyle(style: object): number };
      const addStyle = self._addStyle;
      self._addStyle = (style: object) => addStyle.call(this, { ...style, quotePrefix: true });
      try {
        return addStyleModel.call(this, model, cellType);
      } finally {
        delete (self as Partial<typeof self>)._addStyle;
      }
    };
  } catch {
    // exceljs laid out differently: text still cannot become a formula (a string cell is never
    // evaluated), it only loses the leading ' shown on editing
  }
}

/** Give a text cell that looks like a formula the quotePrefix flag (replacing, never mutating, its shared style). */
export function markQuotePrefix(cell: ExcelJS.Cell, text: string): void {
  if (!looksLikeFormula(text)) return;
  cell.style = { ...cell.style, quotePrefix: true } as ExcelJS.Style;
}

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray((v as { richText: unknown[] }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('');
  }
  return undefined;
}

/**
 * Every formula in the workbook replaced by its cached result, hyperlinks by their text, and
 * formula-like text flagged; defined names that call out of the workbook (DDE `|`, external
 * `[1]` references) are dropped. Returns how many formulas were replaced.
 */
export function neutralizeWorkbook(wb: ExcelJS.Workbook): number {
  installQuotePrefix();
  let replaced = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === 1 /* ValueType.Merge: the range's first cell holds the value */) return;
        let v = cell.value as unknown;
        if (v && typeof v === 'object' && !(v instanceof Date)) {
          const o = v as { formula?: unknown; sharedFormula?: unknown; result?: unknown; hyperlink?: unknown; text?: unknown };
          if (o.formula !== undefined || o.sharedFormula !== undefined) {
            replaced++;
            const r = o.result;
            v = r === undefined || r === null ? null : r instanceof Date || typeof r !== 'object' ? r : 'error' in (r as object) ? r : null;
            cell.value = v as ExcelJS.CellValue;
          } else if (o.hyperlink !== undefined) {
            v = (o.text as unknown) ?? null;
            cell.value = v as ExcelJS.CellValue;
          }
        }
        const text = textOf(v);
        if (text !== undefined) markQuotePrefix(cell, text);
      });
    });
  }
  const names = (wb as unknown as { definedNames?: { model?: { name: string; ranges: string[] }[] } }).definedNames;
  try {
    const model = names?.model;
    if (names && Array.isArray(model)) {
      const kept = model.filter((n) => !n.ranges.some((r) => /[|[]/.test(r)));
      if (kept.length !== model.length) names.model = kept;
    }
  } catch {
    // names laid out differently: cells are what matter
  }
  return replaced;
}
