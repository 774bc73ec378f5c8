/**
 * Stage 4: typed values from raw cells (SPEC §3). Parsing never decides what is wrong — it records
 * what it could read in `ParsedRow`; the rules (src/core/rules/) turn that into findings.
 */
import type { Activity, ActivityValues } from '../activity.js';
import type { FieldKey } from '../columns.js';
import type { Rules } from '../config/schema.js';
import { cellText, isBlankCell, type Cell } from '../table.js';
import { normalizeText } from '../values/fold-text.js';
import { parseCountCell, type CountParse } from '../values/parse-count.js';
import { parseDateCell, type DateParse } from '../values/parse-date.js';
import { parsePhoneCell, type PhoneParse } from '../values/parse-phone.js';
import { parseUrl, type UrlParse } from '../values/parse-url.js';
import { matchCategory, matchFromList, matchMode, matchYesNo, splitList } from '../values/match-enum.js';
import type { RawRow } from './extract-rows.js';

export interface ParsedRow {
  activity: Activity;
  start: DateParse;
  end: DateParse;
  /** the end date came from a range in the start cell (9月17日-23日) */
  endFromRange: boolean;
  count: CountParse;
  phone: PhoneParse;
  url: UrlParse;
  /** the text as written for enum fields, and whether it was recognised */
  categoryKnown: boolean;
  formKnown: boolean;
  modeKnown: boolean;
  unknownFields: string[];
  townKnown: boolean;
}

export interface NormalizeContext {
  file: string;
  sheet: string;
  rules: Rules;
  /** towns + places + 全区, precomputed once per run */
  townChoices: string[];
  categoryNames: string[];
}

export function createNormalizeContext(file: string, sheet: string, rules: Rules): NormalizeContext {
  return {
    file,
    sheet,
    rules,
    townChoices: [...rules.towns, ...rules.places, '全区'],
    categoryNames: rules.categories.map((c) => c.name),
  };
}

function textOf(cell: Cell | undefined): string {
  return isBlankCell(cell) ? '' : normalizeText(cellText(cell));
}

export function normalizeRow(raw: RawRow, ctx: NormalizeContext): ParsedRow {
  const values: ActivityValues = {};
  const rawText: Partial<Record<FieldKey, string>> = {};
  const cells: Partial<Record<FieldKey, string>> = {};
  for (const [key, f] of raw.fields) {
    cells[key] = f.address;
    const t = textOf(f.cell);
    if (t !== '') rawText[key] = f.cell?.t === 'd' ? f.cell.v : t;
  }
  const cellOf = (k: FieldKey) => raw.fields.get(k)?.cell;
  const year = ctx.rules.year;

  for (const key of ['seq', 'name', 'timeSlot', 'location', 'host', 'organizer', 'summary', 'audience', 'contact', 'remarks'] as const) {
    const t = rawText[key];
    if (t !== undefined) values[key] = t;
  }

  let categoryKnown = true;
  if (rawText.category !== undefined) {
    const m = matchCategory(rawText.category, ctx.categoryNames);
    categoryKnown = m !== undefined;
    values.category = m ?? rawText.category;
  }
  let formKnown = true;
  if (rawText.form !== undefined) {
    const parts = splitList(rawText.form);
    const matched = parts.map((p) => matchFromList(p, ctx.rules.forms));
    formKnown = matched.every((m) => m !== undefined);
    values.form = formKnown ? matched.join('、') : rawText.form;
  }
  const unknownFields: string[] = [];
  if (rawText.field !== undefined) {
    values.field = splitList(rawText.field).map((p) => {
      const m = matchFromList(p, ctx.rules.fields);
      if (m === undefined) unknownFields.push(p);
      return m ?? p;
    });
  }
  let modeKnown = true;
  if (rawText.mode !== undefined) {
    const m = matchMode(rawText.mode);
    modeKnown = m !== undefined && ctx.rules.modes.includes(m);
    values.mode = m ?? rawText.mode;
  }
  let townKnown = true;
  if (rawText.town !== undefined) {
    const m = matchFromList(rawText.town, ctx.townChoices);
    townKnown = m !== undefined;
    values.town = m ?? rawText.town;
  }
  if (rawText.published !== undefined) values.published = matchYesNo(rawText.published) ?? rawText.published;

  const start = parseDateCell(cellOf('startDate'), { year });
  let end = parseDateCell(cellOf('endDate'), { year });
  let endFromRange = false;
  if (start.kind === 'ok') {
    values.startDate = start.start;
    if (start.time && values.timeSlot === undefined) values.timeSlot = start.time;
    if (end.kind === 'empty' && start.end) {
      end = { kind: 'ok', start: start.end, yearGiven: start.yearGiven };
      endFromRange = true;
    }
  }
  if (end.kind === 'ok') {
    values.endDate = end.start;
    if (end.time && values.timeSlot === undefined) values.timeSlot = end.time;
  } else if (end.kind === 'empty' && start.kind === 'ok') {
    values.endDate = start.start; // SPEC §2: 结束日期 defaults to 开始日期
  }

  const count = parseCountCell(cellOf('expectedCount'));
  if (count.kind === 'ok') values.expectedCount = count.value;
  const phone = parsePhoneCell(cellOf('phone'));
  if (phone.kind === 'ok') values.phone = phone.value;
  const url = parseUrl(rawText.url ?? '');
  if (url.kind === 'ok') values.url = url.value;

  const activity: Activity = {
    file: ctx.file,
    sheet: ctx.sheet,
    row: raw.r + 1,
    values,
    raw: rawText,
    cells,
    extras: raw.extras.map((e) => ({ header: e.header, value: textOf(e.cell) })),
  };
  if (raw.unit) {
    const u = textOf(raw.unit.cell);
    if (u) activity.unitFromColumn = u;
  }
  return {
    activity,
    start,
    end,
    endFromRange,
    count,
    phone,
    url,
    categoryKnown,
    formKnown,
    modeKnown,
    unknownFields,
    townKnown,
  };
}
