import { defineSubmissionRule } from './rule.js';

/** A unit name that matches no roster unit (SPEC §4); a close miss names the nearest one. */
export const unitUnknown = defineSubmissionRule({
  name: 'unit-unknown',
  codes: ['unit-unknown'],
  check({ file, sheet, unit, rosterUnit, unitCell, nearestUnit, emit }) {
    if (unit === undefined || rosterUnit) return;
    const row = unitCell ? /\d+$/.exec(unitCell)?.[0] : undefined;
    emit(
      'unit-unknown',
      { file, ...(sheet ? { sheet } : {}), ...(unitCell ? { cell: unitCell, row: row ? Number(row) : undefined } : {}), value: unit, unit },
      nearestUnit ? { nearest: nearestUnit } : {},
    );
  },
});
