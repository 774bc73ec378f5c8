import { COLUMNS } from '../columns.js';
import { defineTableRule } from './rule.js';

/** A required column (SPEC §2: required yes, or yes unless 线上 …) the table has no column for; 联系人 is in a 联系人及电话 column. */
export const columnMissing = defineTableRule({
  name: 'column-missing',
  codes: ['column-missing'],
  check({ file, layout, emit }) {
    // 联系人及电话, 负责人/联系方式: the phone column names the people too (parse-phone keeps the names)
    const phoneHeader = layout.fields.get('phone')?.header ?? '';
    const contactInPhone = !layout.fields.has('contact') && /联系人|负责人|姓名/.test(phoneHeader);
    for (const col of COLUMNS) {
      if (col.required === 'never' || layout.fields.has(col.key)) continue;
      if (col.key === 'contact' && contactInPhone) continue;
      emit('column-missing', { file, sheet: layout.sheet.name, column: col.label }, { field: col.label });
    }
  },
});
