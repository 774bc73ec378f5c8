import { MAX_CELL_TEXT } from '../rows/normalize-row.js';
import { defineRowRule } from './rule.js';

/** A cell's text over Excel's 32,767 characters was cut (issue 13, item 19): say so at that cell. */
export const cellTextTruncated = defineRowRule({
  name: 'cell-text-truncated',
  codes: ['cell-text-truncated'],
  check({ row, emit }) {
    for (const key of row.truncated ?? []) emit('cell-text-truncated', key, { limit: MAX_CELL_TEXT });
  },
});
