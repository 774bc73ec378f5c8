import { COLUMNS } from '../columns.js';
import { addressRow } from '../table.js';
import { defineTableRule } from './rule.js';

/**
 * A header with extra words around a known name (暑期开放时间, 咨询联系方式) was bound to that
 * column: said as info, so the clerk can see which header became which column (issue 13).
 */
export const columnBound = defineTableRule({
  name: 'column-bound',
  codes: ['column-bound'],
  check({ file, layout, emit }) {
    const at = (b: { header: string; cell: string }) => ({
      file,
      sheet: layout.sheet.name,
      row: addressRow(b.cell),
      column: b.header,
      cell: b.cell,
      value: b.header,
    });
    for (const col of COLUMNS) {
      const b = layout.fields.get(col.key);
      if (b && layout.boundByName.includes(col.key)) emit('column-bound', at(b), { field: col.label });
    }
    if (layout.unitColumn && layout.unitBoundByName) emit('column-bound', at(layout.unitColumn), { field: '填报单位' });
  },
});
