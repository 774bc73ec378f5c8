import { defineTableRule } from './rule.js';

/** A header that matches no field: the column is kept in the merge as an extra column (SPEC §2). */
export const columnUnknown = defineTableRule({
  name: 'column-unknown',
  codes: ['column-unknown'],
  check({ file, layout, emit }) {
    const row = layout.headerRow + 1;
    for (const b of layout.unknownColumns) {
      emit('column-unknown', { file, sheet: layout.sheet.name, row, column: b.header, cell: b.cell, value: b.header });
    }
  },
});
