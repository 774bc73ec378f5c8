/**
 * The ordered registry of row rules. Order is the order findings of one row are reported in;
 * a newcomer finds any rule here by its code.
 */
import type { RowRule } from './rule.js';
import { requiredMissing } from './required-missing.js';
import { dateInvalid } from './date-invalid.js';
import { dateAmbiguous } from './date-ambiguous.js';
import { dateApproximate } from './date-approximate.js';
import { dateWrongYear } from './date-wrong-year.js';
import { dateRangeReversed } from './date-range-reversed.js';
import { dateOutsideWindow } from './date-outside-window.js';
import { mainEventOutsideWindow } from './main-event-outside-window.js';
import { categoryInvalid } from './category-invalid.js';
import { categoryUnitMismatch } from './category-unit-mismatch.js';
import { fieldUnknown } from './field-unknown.js';
import { formUnknown } from './form-unknown.js';
import { modeInvalid } from './mode-invalid.js';
import { onlineUrlMissing } from './online-url-missing.js';
import { urlInvalid } from './url-invalid.js';
import { phoneInvalid } from './phone-invalid.js';
import { countInvalid } from './count-invalid.js';
import { countApproximate } from './count-approximate.js';
import { nameTooLong } from './name-too-long.js';
import { townUnknown } from './town-unknown.js';
import { cellTextTruncated } from './cell-text-truncated.js';

export const ROW_RULES: readonly RowRule[] = [
  requiredMissing,
  cellTextTruncated,
  nameTooLong,
  categoryInvalid,
  categoryUnitMismatch,
  formUnknown,
  fieldUnknown,
  modeInvalid,
  dateInvalid,
  dateAmbiguous,
  dateApproximate,
  dateWrongYear,
  dateRangeReversed,
  dateOutsideWindow,
  mainEventOutsideWindow,
  townUnknown,
  countInvalid,
  countApproximate,
  phoneInvalid,
  onlineUrlMissing,
  urlInvalid,
];

export type { RowRule, RowCheck } from './rule.js';
