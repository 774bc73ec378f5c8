import { COLUMNS } from '../columns.js';
import { defineTableRule } from './rule.js';

/** A required column (SPEC §2: required yes, or yes unless 线上 …) the table has no column for. */
export const columnMissing = defineTableRule({
  name: 'column-missing',
  codes: ['column-missing'],
  check({ file, layout, emit }) {
    for (const col of COLUMNS) {
      if (col.required === 'never' || layout.fields.has(col.key)) continue;
      emit('column-missing', { file, sheet: layout.sheet.name, column: col.label }, { field: col.label });
    }
  },
});
