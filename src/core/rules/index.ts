/**
 * The ordered registry of every rule, by level (see rule.ts). Order within a level is the order
 * findings are reported in; a newcomer finds any rule here by its code (the file is named after
 * it). Read and locate outcomes — file-unreadable, file-encrypted, file-too-large,
 * file-unsupported, sheet-not-found, header-not-found — are not rules: they say why there is no
 * table to check, and come from src/io/read/ and src/core/locate/.
 */
import { categoryInvalid } from './category-invalid.js';
import { categoryUnitMismatch } from './category-unit-mismatch.js';
import { columnBound } from './column-bound.js';
import { columnDuplicate } from './column-duplicate.js';
import { columnMissing } from './column-missing.js';
import { columnUnknown } from './column-unknown.js';
import { countApproximate } from './count-approximate.js';
import { countInvalid } from './count-invalid.js';
import { countRange } from './count-range.js';
import { dateAmbiguous } from './date-ambiguous.js';
import { dateApproximate } from './date-approximate.js';
import { dateInvalid } from './date-invalid.js';
import { dateOutsideWindow } from './date-outside-window.js';
import { dateRangeReversed } from './date-range-reversed.js';
import { dateWrongYear } from './date-wrong-year.js';
import { duplicateActivity } from './duplicate-activity.js';
import { fieldUnknown } from './field-unknown.js';
import { formUnknown } from './form-unknown.js';
import { mainEventOutsideWindow } from './main-event-outside-window.js';
import { modeInvalid } from './mode-invalid.js';
import { nameTooLong } from './name-too-long.js';
import { onlineUrlMissing } from './online-url-missing.js';
import { phoneInvalid } from './phone-invalid.js';
import { quotaShort } from './quota-short.js';
import { receivedUnknown } from './received-unknown.js';
import { requiredMissing } from './required-missing.js';
import type { ActivitiesRule, AnyRule, RowRule, SubmissionRule, TableRule, UnitRule } from './rule.js';
import { submissionLate } from './submission-late.js';
import { submissionMissing } from './submission-missing.js';
import { submissionSuperseded } from './submission-superseded.js';
import { townMainEventMissing } from './town-main-event-missing.js';
import { townUnknown } from './town-unknown.js';
import { cellTextTruncated } from './cell-text-truncated.js';
import { unitUnidentified } from './unit-unidentified.js';
import { unitUnknown } from './unit-unknown.js';
import { urlInvalid } from './url-invalid.js';

/** Cell and row checks, on every parsed row of a table. */
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
  countRange,
  phoneInvalid,
  onlineUrlMissing,
  urlInvalid,
];

/** Checks of a located table's columns. */
export const TABLE_RULES: readonly TableRule[] = [columnUnknown, columnDuplicate, columnBound, columnMissing];

/** Checks of activities together: one file's in validate, every merged file's in merge. */
export const ACTIVITIES_RULES: readonly ActivitiesRule[] = [duplicateActivity];

/** Merge: each submitted file, once its unit is decided and later files have replaced earlier ones. */
export const SUBMISSION_RULES: readonly SubmissionRule[] = [unitUnidentified, unitUnknown, receivedUnknown, submissionLate, submissionSuperseded];

/** Merge: each roster unit, with what it submitted. */
export const UNIT_RULES: readonly UnitRule[] = [submissionMissing, quotaShort, townMainEventMissing];

/** Every rule, level by level. */
export const ALL_RULES: readonly AnyRule[] = [...ROW_RULES, ...TABLE_RULES, ...ACTIVITIES_RULES, ...SUBMISSION_RULES, ...UNIT_RULES];

export type { ActivitiesRule, AnyRule, RowCheck, RowRule, SubmissionRule, TableRule, UnitRule } from './rule.js';
