/**
 * exceljs writes no `_xlnm._FilterDatabase` name, and LibreOffice then hides the auto-filter.
 * The feedback copies (exceljs) call this; our own writer (write/xlsx-writer.ts) writes the name itself.
 */
import type ExcelJS from 'exceljs';
import { addressOf } from '../../core/table.js';

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

function absoluteRange(ref: string): string {
  return ref
    .split(':')
    .map((a) => a.replace(/^\$?([A-Z]{1,3})\$?(\d+)$/, '$$$1$$$2'))
    .join(':');
}

function autoFilterRef(model: unknown): string | undefined {
  if (typeof model === 'string') return model;
  if (!model || typeof model !== 'object') return undefined;
  const { from, to } = model as { from?: unknown; to?: unknown };
  const addr = (a: unknown): string | undefined => {
    if (typeof a === 'string') return a;
    if (a && typeof a === 'object') {
      const { row, column } = a as { row?: number; column?: number };
      if (row && column) return addressOf(row - 1, column - 1);
    }
    return undefined;
  };
  const a = addr(from);
  const b = addr(to);
  return a && b ? `${a}:${b}` : undefined;
}

/**
 * LibreOffice shows an .xlsx auto-filter only when the sheet also has its `_xlnm._FilterDatabase`
 * name (Excel always writes one); exceljs writes none, and on loading turns existing ones into
 * one global name. This rewrites them, one per filtered sheet, when `wb` is written — this
 * workbook's writer only, nothing global.
 */
export function addFilterDatabaseNames(wb: ExcelJS.Workbook): void {
  const xlsx = wb.xlsx as unknown as {
    prepareModel(model: { definedNames?: DefinedNameModel[]; worksheets: { name: string; autoFilter?: unknown }[] }, options: unknown): void;
  };
  const original = xlsx.prepareModel;
  xlsx.prepareModel = function (model, options) {
    const names = (model.definedNames ?? []).filter((n) => n.name !== '_xlnm._FilterDatabase');
    let index = 0; // the sheets array may be sparse: count as exceljs does for its print titles
    model.worksheets.forEach((sheet) => {
      const ref = autoFilterRef(sheet.autoFilter);
      if (ref) names.push({ name: '_xlnm._FilterDatabase', ranges: [`'${sheet.name.replace(/'/g, "''")}'!${absoluteRange(ref)}`], localSheetId: index });
      index++;
    });
    model.definedNames = names;
    original.call(this, model, options);
  };
}
