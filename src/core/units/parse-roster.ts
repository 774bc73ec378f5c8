/**
 * 附件1 — the roster and quotas (SPEC §4), from a neutral Workbook (an .xlsx, .xls or a CSV read as
 * a one-sheet workbook). Pure: problems come back as data (`errors`, each naming its cell when
 * there is one), never thrown; the CLI shows them and exits 2.
 *
 * - The sheet: the first visible sheet with a header row (hidden sheets only when no visible one has).
 * - The header: the first row in the first 15 with at least two known columns (title rows above it
 *   are skipped). Headers match after `foldHeader` against the synonyms below, then by a short
 *   cell containing a key word (任务 → quota …). A header without 单位名称 is an error.
 * - 单位类别 is read through merged cells and carried down while blank (a grouped table writes it
 *   once per group); a group row such as `一、镇街(9个)` sets it too. Kind words map to
 *   `UnitKind`; with no kind at all, a name ending 街道/镇/乡 is a 镇街 and the district
 *   association (某区科协) is 区科协, anything else 其他.
 * - Skipped silently: blank rows, 合计/总计/小计/共计 rows, example rows (示例, 例:), notes and
 *   signature lines (注:, 备注:, 填表说明, 填表人, 审核人).
 * - Quota: a number cell or text like `5`, `5个`, `５项`; blank, `-`, `/`, `无` are no quota; anything
 *   else (negative, fraction, words) is an error naming the cell.
 * - Emails and aliases: several per cell, split on 、,，;； and spaces. An email without `@` is an error.
 * - The same unit twice (same folded name) is an error naming the second cell.
 */
import type { RosterUnit, UnitKind } from '../config/schema.js';
import { addressOf, cellText, type Cell, type Sheet, type Workbook } from '../table.js';
import { foldHeader, foldKey, normalizeText } from '../values/fold-text.js';
import { foldUnitName, isAssociationName } from './fold-unit-name.js';

export interface RosterError {
  /** A1 address in the roster file, when the problem is one cell */
  cell?: string;
  message: string;
}

export interface ParsedRoster {
  units: RosterUnit[];
  errors: RosterError[];
}

type Field = 'seq' | 'kind' | 'name' | 'quota' | 'contact' | 'phone' | 'email' | 'alias';

const FIELD_LABEL: Record<Field, string> = {
  seq: '序号',
  kind: '单位类别',
  name: '单位名称',
  quota: '网站填报任务数',
  contact: '联系人',
  phone: '联系电话',
  email: '邮箱',
  alias: '别名',
};

const SYNONYMS: [Field, string[]][] = [
  ['seq', ['序号', '编号', 'no', 'no.']],
  ['kind', ['单位类别', '类别', '单位类型', '类型', '分类', '单位分类']],
  ['name', ['单位名称', '单位', '名称', '单位全称', '填报单位']],
  ['quota', ['网站填报任务数', '任务数', '填报任务', '活动数', '填报任务数', '任务数量', '网站填报任务', '活动任务数', '填报数', '活动数量', '任务']],
  ['contact', ['联系人', '负责人']],
  ['phone', ['联系电话', '电话', '联系方式', '手机', '手机号码', '电话号码']],
  ['email', ['邮箱', '电子邮箱', 'email', 'e-mail', '邮件', '电子邮件', '邮箱地址']],
  ['alias', ['别名', '其他名称', '简称', '曾用名']],
];

const EXACT = new Map<string, Field>();
for (const [field, words] of SYNONYMS) for (const w of words) EXACT.set(foldHeader(w), field);

/** A short header containing a key word: `2024年网站填报任务数`, `联系人电话`, `单位邮箱`. */
const CONTAINS: [Field, RegExp][] = [
  ['quota', /任务/],
  ['email', /邮箱|邮件|e-?mail/],
  ['phone', /电话|手机/],
  ['alias', /别名|简称/],
  ['name', /名称$/],
  ['kind', /类别|类型/],
  ['contact', /联系人/],
];

function headerField(text: string): Field | undefined {
  const h = foldHeader(text);
  if (!h) return undefined;
  const exact = EXACT.get(h);
  if (exact) return exact;
  if (h.length > 12) return undefined; // a title row, not a header cell
  return CONTAINS.find(([, re]) => re.test(h))?.[0];
}

const HEADER_SCAN_ROWS = 15;

/** The value of every cell of a merge is its top-left cell's. */
function mergeLookup(sheet: Sheet): (r: number, c: number) => Cell | undefined {
  const owner = new Map<string, Cell | undefined>();
  const lastRow = sheet.rows.length - 1;
  for (const m of sheet.merges) {
    const top = sheet.rows[m.s.r]?.[m.s.c];
    const rEnd = Math.min(m.e.r, lastRow);
    // bound absurd ranges (a whole column merged) by the sheet's own extent
    const cEnd = Math.min(m.e.c, m.s.c + 256);
    for (let r = m.s.r; r <= rEnd; r++) {
      for (let c = m.s.c; c <= cEnd; c++) {
        if (r === m.s.r && c === m.s.c) continue;
        owner.set(`${r},${c}`, top);
      }
    }
  }
  return (r, c) => {
    const own = sheet.rows[r]?.[c];
    if (own !== undefined && !(own.t === 's' && own.v.trim() === '')) return own;
    const key = `${r},${c}`;
    return owner.has(key) ? owner.get(key) : own;
  };
}

interface Header {
  row: number;
  columns: Map<Field, number>;
}

function findHeader(sheet: Sheet, get: (r: number, c: number) => Cell | undefined): Header | undefined {
  const rows = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const width = sheet.rows[r]?.length ?? 0;
    const columns = new Map<Field, number>();
    for (let c = 0; c < width; c++) {
      const f = headerField(cellText(get(r, c)));
      if (f && !columns.has(f)) columns.set(f, c);
    }
    if (columns.size >= 2) return { row: r, columns };
  }
  return undefined;
}

const KIND_EXACT: [string[], UnitKind][] = [
  [['区科协', '科协', '区科学技术协会', '本级'], '区科协'],
  [['镇街', '镇', '街道', '乡镇', '镇(街道)', '镇街道', '乡镇街道', '镇街科协'], '镇街'],
  [['区直部门', '部门', '区直单位', '成员单位', '区直', '区直机关', '区科协成员单位'], '区直部门'],
  [['企业', '企业科协', '企业科协(企业)'], '企业'],
  [['科普教育基地', '基地', '场馆', '科普基地', '科普场馆', '科普教育基地(场馆)'], '科普教育基地'],
  [['其他', '其它'], '其他'],
];

/** '一、镇街(9个)' → 镇街; '' → undefined; unknown words → 其他. */
export function mapUnitKind(text: string): UnitKind | undefined {
  let k = foldHeader(text);
  k = k.replace(/^(?:[一二三四五六七八九十]+|\d+)[、.,]/, '').replace(/[(][^()]*$/, '');
  if (!k) return undefined;
  for (const [words, kind] of KIND_EXACT) if (words.some((w) => foldHeader(w) === k)) return kind;
  if (/企业/.test(k)) return '企业';
  if (/基地|场馆/.test(k)) return '科普教育基地';
  if (/部门|区直|成员单位|机关/.test(k)) return '区直部门';
  if (/镇|街道/.test(k)) return '镇街';
  return '其他';
}

const TOTAL_ROW = /^(?:合计|总计|小计|共计|总数)/;
const NOTE_ROW = /^(?:注[:：]|注\d|备注[:：]|说明[:：]|填表说明|填表人|审核人|制表人|负责人[:：]|示例|例[:：])/;
/** a group label written in the name column: 一、镇街(9个) */
const GROUP_ROW = /^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\))/;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Several values in one cell: 、,，;； and spaces. */
function splitList(text: string): string[] {
  return normalizeText(text)
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A quota cell: number | undefined (blank / none) | 'bad'. */
function readQuota(cell: Cell | undefined): number | undefined | 'bad' {
  if (!cell) return undefined;
  if (cell.t === 'n') return Number.isInteger(cell.v) && cell.v >= 0 ? cell.v : 'bad';
  if (cell.t !== 's') return 'bad';
  const t = foldKey(cell.v).replace(/[,，]/g, '');
  if (t === '' || /^(?:[-—–/\\]+|无|\/)$/.test(t)) return undefined;
  const m = /^(?:约)?(\d+)(?:\.0+)?(?:个|项|场|次|场次|条|场活动|个活动)?$/.exec(t);
  return m ? Number(m[1]) : 'bad';
}

function textOf(cell: Cell | undefined): string {
  return normalizeText(cellText(cell));
}

export function parseRoster(workbook: Workbook, file: string): ParsedRoster {
  const errors: RosterError[] = [];
  const units: RosterUnit[] = [];

  const table = findRosterTable(workbook);
  if (!table) {
    errors.push({
      message: `${file} 中找不到表头（前 ${HEADER_SCAN_ROWS} 行应有 单位名称、单位类别、网站填报任务数 等列）`,
    });
    return { units, errors };
  }

  const { header } = table;
  const nameCol = header.columns.get('name');
  if (nameCol === undefined) {
    errors.push({
      cell: addressOf(header.row, 0),
      message: `表头（第 ${header.row + 1} 行）缺少“${FIELD_LABEL.name}”列`,
    });
    return { units, errors };
  }

  readRosterRows(table, nameCol, units, errors);
  return { units, errors };
}

/** The sheet holding the roster, with its merge-aware cell getter and its header. */
interface RosterTable {
  sheet: Sheet;
  get: (r: number, c: number) => Cell | undefined;
  header: Header;
}

/** The first visible sheet with a header; hidden sheets only when no visible one has. */
function findRosterTable(workbook: Workbook): RosterTable | undefined {
  const ordered = [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)];
  for (const sheet of ordered) {
    const get = mergeLookup(sheet);
    const header = findHeader(sheet, get);
    if (header) return { sheet, get, header };
  }
  return undefined;
}

/** The cell of field `f` in row `r`, through merges; undefined when the header has no such column. */
function fieldCell(table: RosterTable, r: number, f: Field): Cell | undefined {
  const c = table.header.columns.get(f);
  return c === undefined ? undefined : table.get(r, c);
}

/** The rows under the header, in order: units into `units`, problems into `errors`. */
function readRosterRows(table: RosterTable, nameCol: number, units: RosterUnit[], errors: RosterError[]): void {
  const { sheet, get, header } = table;
  const seen = new Map<string, string>();
  let carriedKind: UnitKind | undefined;

  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    if (isSkippedRow(sheet.rows[r])) continue;

    const kindText = textOf(fieldCell(table, r, 'kind'));
    const name = textOf(get(r, nameCol));
    const quotaCell = fieldCell(table, r, 'quota');
    const quota = readQuota(quotaCell);

    if (kindText !== '') carriedKind = mapUnitKind(kindText) ?? carriedKind;

    if (name === '') {
      // the second row of a two-row header (联系人 over 姓名 | 电话) carries no unit
      if (r === header.row + 1) continue;
      if (hasUnitData(table, r)) errors.push({ cell: addressOf(r, nameCol), message: '缺少单位名称' });
      continue; // else a group label in the 类别/序号 column, already carried
    }
    if (GROUP_ROW.test(name) && quota === undefined && textOf(fieldCell(table, r, 'contact')) === '') {
      // 一、镇街(9个) written across the name column: a group, not a unit
      const kind = mapUnitKind(name);
      if (kind) carriedKind = kind;
      continue;
    }
    if (/^(?:示例|例[:：])/.test(name)) continue;

    const key = foldKey(name);
    const dup = seen.get(key);
    if (dup) {
      errors.push({ cell: addressOf(r, nameCol), message: `单位“${name}”重复（已见于 ${dup}）` });
      continue;
    }
    seen.set(key, addressOf(r, nameCol));

    const unit: RosterUnit = { name, kind: carriedKind ?? inferKind(name) };
    readUnitDetails(table, r, unit, quota, quotaCell, errors);
    units.push(unit);
  }
}

/** Blank rows (a merged 单位类别 alone is not a unit), totals, notes and signature lines. */
function isSkippedRow(row: (Cell | undefined)[] | undefined): boolean {
  const own = (row ?? []).map((c) => textOf(c));
  const firstText = own.find((t) => t !== '') ?? '';
  if (firstText === '') return true;
  if (own.some((t) => TOTAL_ROW.test(foldKey(t)))) return true;
  return NOTE_ROW.test(foldKey(firstText));
}

/** Something besides a name: a row missing only its name is an error, not a group label. */
function hasUnitData(table: RosterTable, r: number): boolean {
  return (['quota', 'contact', 'phone', 'email', 'alias'] as const).some((f) => textOf(fieldCell(table, r, f)) !== '');
}

/** The unit's quota, aliases, emails, contact and phone from row `r`; a bad quota or email is an error naming its cell. */
function readUnitDetails(
  table: RosterTable,
  r: number,
  unit: RosterUnit,
  quota: ReturnType<typeof readQuota>,
  quotaCell: Cell | undefined,
  errors: RosterError[],
): void {
  const col = table.header.columns;
  if (quota === 'bad') {
    const qc = col.get('quota')!;
    errors.push({
      cell: addressOf(r, qc),
      message: `任务数“${textOf(quotaCell)}”不是非负整数`,
    });
  } else if (quota !== undefined) {
    unit.quota = quota;
  }

  const key = foldKey(unit.name);
  const aliases = splitList(textOf(fieldCell(table, r, 'alias'))).filter((a) => foldKey(a) !== key);
  if (aliases.length > 0) unit.aliases = [...new Set(aliases)];

  const emailText = textOf(fieldCell(table, r, 'email'));
  const emails = splitList(emailText);
  const goodEmails = emails.filter((e) => EMAIL.test(e));
  if (goodEmails.length < emails.length) {
    // one error a cell, naming what was written
    errors.push({ cell: addressOf(r, col.get('email')!), message: `邮箱“${emailText}”不是有效的电子邮件地址` });
  }
  if (goodEmails.length > 0) unit.emails = [...new Set(goodEmails)];

  const contact = textOf(fieldCell(table, r, 'contact'));
  if (contact) unit.contact = contact;
  const phone = textOf(fieldCell(table, r, 'phone'));
  if (phone) unit.phone = phone;
}

/** No 单位类别 anywhere above: guess from the name. */
function inferKind(name: string): UnitKind {
  const f = foldKey(name).replace(/\([^()]*\)/g, '');
  if (/(?:街道|镇|乡)(?:科协|办事处|人民政府)?$/.test(f)) return '镇街';
  // 某区科协, 某市某区科学技术协会: nothing but place names before the association
  if (isAssociationName(name) && /^(?:[\u4e00-\u9fff]{1,6}?[省市区县])*$/.test(foldUnitName(name, []))) return '区科协';
  return '其他';
}
