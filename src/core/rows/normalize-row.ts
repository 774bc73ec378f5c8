/**
 * Stage 4: typed values from raw cells (SPEC §3). Parsing never decides what is wrong — it records
 * what it could read in `ParsedRow`; the rules (src/core/rules/) turn that into findings.
 *
 * A province merge keeps every row alive until its outputs are written, and the same few texts
 * (dates, categories, towns, counts…) come back on every row: parse results are shared between
 * equal cells (the parsers and matchers remember their answers in the run's ParseCache), so `start`, `end`, `count`, `phone`, `url`, `values.field`
 * and `unknownFields` may be the same frozen objects in many rows — never mutate them. The
 * per-row records (`values`, `raw`, `cells`) are filled with named stores so V8 keeps them in
 * fast mode (a record filled by computed keys turns into a large hash table past ~16 keys).
 */
import type { Activity, ActivityValues, ExtraValue } from '../activity.js';
import type { FieldKey } from '../columns.js';
import type { Config } from '../config/schema.js';
import { cellText, type Cell } from '../table.js';
import { detachText, MIN_VIEW_LENGTH, normalizeText } from '../values/fold-text.js';
import { ParseCache } from '../values/parse-cache.js';
import { parseCountCell, type CountParse } from '../values/parse-count.js';
import { parseDateCell, type DateParse } from '../values/parse-date.js';
import { parsePhoneCell, type PhoneParse } from '../values/parse-phone.js';
import { parseUrl, type UrlParse } from '../values/parse-url.js';
import { matchCategory, matchFromList, matchListText, matchMode, matchYesNo } from '../values/match-enum.js';
import type { RawRow } from './extract-rows.js';
import { rowCells } from './row-cells.js';

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
  /** fields whose text was cut at MAX_CELL_TEXT characters */
  truncated?: FieldKey[];
}

export interface NormalizeContext {
  file: string;
  sheet: string;
  rules: Config;
  /** the run's memos: one ParseCache for every file of a run */
  cache: ParseCache;
  /** towns + places + 全区, once per run */
  townChoices: readonly string[];
  categoryNames: readonly string[];
}

/** A file's context; pass the run's cache so every file shares its memos (a new one otherwise). */
export function createNormalizeContext(file: string, sheet: string, rules: Config, cache = new ParseCache()): NormalizeContext {
  return { file, sheet, rules, cache, ...cache.choicesOf(rules) };
}

/**
 * The cell's text as kept: '' for a blank cell, else normalized (normalizeText of a blank text is
 * '' too, so no separate blank test is needed). Texts are remembered with their normalized form:
 * equal texts (a host, a town, a summary used again) share one string across rows, are normalized
 * once, and no kept text is a view into a larger string (see `detachText`).
 */
function textOf(cell: Cell | undefined, cache: ParseCache): string {
  if (cell === undefined) return '';
  if (cell.t !== 's') return normalizeText(cellText(cell));
  const v = cell.v;
  if (v.length < MIN_VIEW_LENGTH) return normalizeText(v); // short: cheaper to normalize again than to look up
  return cache.keptTexts.get(v) ?? cache.keptTexts.add(v, normalizeText);
}

type FieldRecord = Partial<Record<FieldKey, string>>;

/** `record[key] = value` as a named store (see the note at the top). */
function put(record: FieldRecord, key: FieldKey, value: string): void {
  switch (key) {
    case 'seq':
      record.seq = value;
      break;
    case 'name':
      record.name = value;
      break;
    case 'category':
      record.category = value;
      break;
    case 'form':
      record.form = value;
      break;
    case 'field':
      record.field = value;
      break;
    case 'mode':
      record.mode = value;
      break;
    case 'startDate':
      record.startDate = value;
      break;
    case 'endDate':
      record.endDate = value;
      break;
    case 'timeSlot':
      record.timeSlot = value;
      break;
    case 'location':
      record.location = value;
      break;
    case 'town':
      record.town = value;
      break;
    case 'host':
      record.host = value;
      break;
    case 'organizer':
      record.organizer = value;
      break;
    case 'summary':
      record.summary = value;
      break;
    case 'audience':
      record.audience = value;
      break;
    case 'expectedCount':
      record.expectedCount = value;
      break;
    case 'contact':
      record.contact = value;
      break;
    case 'phone':
      record.phone = value;
      break;
    case 'url':
      record.url = value;
      break;
    case 'published':
      record.published = value;
      break;
    case 'remarks':
      record.remarks = value;
      break;
    default:
      record[key as FieldKey] = value;
  }
}

const NO_EXTRAS: ExtraValue[] = Object.freeze([]) as unknown as ExtraValue[];

/** The end date a range in the start cell gives (9月17日-23日), shared like the start it comes from. */
function rangeEnd(start: Extract<DateParse, { kind: 'ok' }>, cache: ParseCache): DateParse {
  let end = cache.rangeEnds.get(start);
  if (!end) {
    end = Object.freeze({ kind: 'ok', start: start.end!, yearGiven: start.yearGiven });
    cache.rangeEnds.set(start, end);
  }
  return end;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

// Long on purpose: the hot path of a province merge (100,000 rows). Each field is typed in a
// fixed order with named stores, so `values` keeps one hidden class; helpers per field cost a
// measurable share of the analysis (issue 6) and would not make the order easier to follow.
export function normalizeRow(raw: RawRow, ctx: NormalizeContext): ParsedRow {
  const cache = ctx.cache;
  const rawText: FieldRecord = {};
  // a row a merge reaches keeps its addresses (they may be a merge's top-left); any other row's
  // are made on demand from the file's column map (see row-cells.ts)
  const cells: FieldRecord | undefined = raw.columns ? undefined : {};
  let truncated: FieldKey[] | undefined;
  for (const [key, f] of raw.fields) {
    if (cells) put(cells, key, f.address);
    const cell = f.cell;
    let t = textOf(cell, cache);
    // Excel's limit on a cell's text: longer text is cut here (and reported by cell-text-truncated),
    // so no output holds a cell Excel would have to repair (issue 13, item 19)
    if (t.length > MAX_CELL_TEXT) {
      t = t.slice(0, MAX_CELL_TEXT);
      (truncated ??= []).push(key);
    }
    if (t !== '') put(rawText, key, cell!.t === 'd' ? detachText(cell!.v) : t);
  }
  const fields = raw.fields;
  const rules = ctx.rules;

  // text fields first, in this order, then the typed ones: the key order of `values` is kept as it always was
  const values: ActivityValues = {};
  let t: string | undefined;
  if ((t = rawText.seq) !== undefined) values.seq = t;
  if ((t = rawText.name) !== undefined) values.name = t;
  if ((t = rawText.timeSlot) !== undefined) values.timeSlot = t;
  if ((t = rawText.location) !== undefined) values.location = t;
  if ((t = rawText.host) !== undefined) values.host = t;
  if ((t = rawText.organizer) !== undefined) values.organizer = t;
  if ((t = rawText.summary) !== undefined) values.summary = t;
  if ((t = rawText.audience) !== undefined) values.audience = t;
  if ((t = rawText.contact) !== undefined) values.contact = t;
  if ((t = rawText.remarks) !== undefined) values.remarks = t;

  let categoryKnown = true;
  if ((t = rawText.category) !== undefined) {
    const m = matchCategory(t, ctx.categoryNames, cache);
    categoryKnown = m !== undefined;
    values.category = m ?? t;
  }
  let formKnown = true;
  if ((t = rawText.form) !== undefined) {
    const m = matchListText(t, rules.forms, cache);
    formKnown = m.unknown.length === 0;
    values.form = formKnown ? m.joined : t;
  }
  let unknownFields = NO_FIELDS;
  if ((t = rawText.field) !== undefined) {
    const m = matchListText(t, rules.fields, cache);
    values.field = m.values as string[];
    unknownFields = m.unknown as string[];
  }
  let modeKnown = true;
  if ((t = rawText.mode) !== undefined) {
    const m = matchMode(t, cache);
    modeKnown = m !== undefined && rules.modes.includes(m);
    values.mode = m ?? t;
  }
  let townKnown = true;
  if ((t = rawText.town) !== undefined) {
    // a 区县(市) column (issue 13) names the district itself: that is the whole district, 全区
    const m = isDistrictName(t, rules.district) ? '全区' : matchFromList(t, ctx.townChoices, cache);
    townKnown = m !== undefined;
    values.town = m ?? t;
  }
  if ((t = rawText.published) !== undefined) values.published = matchYesNo(t, cache) ?? t;

  const year = rules.year;
  const start = parseDateCell(fields.get('startDate')?.cell, { year, cache });
  let end = parseDateCell(fields.get('endDate')?.cell, { year, cache });
  let endFromRange = false;
  if (start.kind === 'ok') {
    values.startDate = start.start;
    if (start.time && values.timeSlot === undefined) values.timeSlot = start.time;
    if (end.kind === 'empty' && start.end) {
      end = rangeEnd(start, cache);
      endFromRange = true;
    }
  }
  if (end.kind === 'ok') {
    values.endDate = end.start;
    if (end.time && values.timeSlot === undefined) values.timeSlot = end.time;
  } else if (end.kind === 'empty' && start.kind === 'ok') {
    values.endDate = start.start; // SPEC §2: 结束日期 defaults to 开始日期
  }

  const count = parseCountCell(fields.get('expectedCount')?.cell, cache);
  if (count.kind === 'ok') values.expectedCount = count.value;
  const phone = parsePhoneCell(fields.get('phone')?.cell, cache);
  if (phone.kind === 'ok') {
    values.phone = phone.value;
    // 张老师 13451262276；李老师 13677194498 with 联系人 empty (or no such column): the names are the contact
    if (values.contact === undefined && phone.names) values.contact = phone.names.join('、');
  }
  const url = parseUrl(rawText.url ?? '');
  if (url.kind === 'ok') values.url = url.value;

  let extras = NO_EXTRAS;
  if (raw.extras.length > 0) {
    extras = [];
    for (const e of raw.extras) extras.push({ header: e.header, value: textOf(e.cell, cache).slice(0, MAX_CELL_TEXT) });
  }
  const activity: Activity = {
    file: ctx.file,
    sheet: ctx.sheet,
    row: raw.r + 1,
    values,
    raw: rawText,
    cells: cells ?? rowCells(raw.r, raw.columns!),
    extras,
  };
  if (raw.unit) {
    const u = textOf(raw.unit.cell, cache);
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
    ...(truncated ? { truncated } : {}),
  };
}

/** 鸠江区, 芜湖市鸠江区, 鸠江 for the district 鸠江区 */
function isDistrictName(text: string, district: string): boolean {
  const t = text.replace(/\s+/g, '').replace(/^.{2,3}市(?=.)/, '');
  return t === district || (district.length > 2 && t === district.replace(/[区县市]$/, ''));
}

const NO_FIELDS: string[] = Object.freeze([]) as unknown as string[];
