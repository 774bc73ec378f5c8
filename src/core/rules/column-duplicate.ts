import { columnLabel } from '../columns.js';
import { defineTableRule } from './rule.js';

/** Two columns for one field: the one whose header is the template's own label is read. */
export const columnDuplicate = defineTableRule({
  name: 'column-duplicate',
  codes: ['column-duplicate'],
  check({ file, layout, emit }) {
    const row = layout.headerRow + 1;
    for (const { field, dropped, kept } of layout.duplicateColumns) {
      emit(
        'column-duplicate',
        { file, sheet: layout.sheet.name, row, column: dropped.header, cell: dropped.cell, value: dropped.header },
        { field: columnLabel(field), other: kept.header },
      );
    }
  },
});
