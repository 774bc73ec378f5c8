/**
 * Phone numbers (联系电话, SPEC §3). A cell is read as a sequence of digit groups and the
 * separators between them; groups are then assembled into numbers:
 *   13912345678                       mobile
 *   0553-5864150, 0553 5864150, (0553)5864150, 05535864150   landline with area code
 *   5864150                           local landline (7–8 digits), kept as is
 *   5535864150                        a landline stored as a number lost its 0 → 0553-5864150
 *   139 1234 5678, 139-1234-5678      a mobile written in blocks
 *   0553-5864150-8001, …转8001        extension: a dash stays a dash; 转/分机/ext./x become 转
 * Names and labels around the numbers (张三 139…, 手机:139…) separate numbers like 、 does, and
 * the names are kept (`names`: 张老师 13451262276；李老师 13677194498 → 张老师、李老师) so the
 * row's 联系人 can take them when its own cell is empty (issue 13).
 * A run of 14+ digits is two numbers written together: `run-together`. A short group that cannot
 * be a number (a room 302室, an office hour 8:30, a floor 2楼) is passed over when the cell holds a
 * number; a group that looks like a number attempt (7+ digits, or starting 0 or 1x) but is not one
 * makes the whole cell `bad-number` — a mistyped number is never dropped silently. A cell with no
 * number at all is `bad-number`.
 */
import type { Cell } from '../table.js';
import { foldWidth } from './fold-text.js';
import type { ParseCache } from './parse-cache.js';

const EMPTY_PHONE = Object.freeze({ kind: 'empty' as const });
const BAD_NUMBER = Object.freeze({ kind: 'invalid' as const, reason: 'bad-number' as const });

export type PhoneParse = Readonly<
  | { kind: 'empty' }
  | {
      kind: 'ok';
      /** numbers joined with '、' */
      value: string;
      numbers: readonly string[];
      /** people named beside the numbers (张老师, 李明), only when there are any */
      names?: readonly string[];
    }
  | { kind: 'invalid'; reason: 'run-together' | 'bad-number' }
>;

/** A phone cell. With the run's cache, equal cells give one shared frozen result (see parse-cache.ts). */
export function parsePhoneCell(cell: Cell | undefined, cache?: ParseCache): PhoneParse {
  if (!cell) return EMPTY_PHONE;
  let text: string;
  if (cell.t === 's') text = cell.v;
  // a number cell: 13912345678, or 5535864150 whose leading 0 Excel dropped
  else if (cell.t === 'n' && Number.isInteger(cell.v) && cell.v > 0) text = cell.v.toFixed(0);
  else return BAD_NUMBER;
  return cache ? (cache.phones.get(text) ?? cache.phones.add(text, frozenPhone)) : parsePhoneText(text);
}

/** How two digit groups were separated; a stronger separator wins when several stand together. */
type Sep = 'start' | 'space' | 'dash' | 'ext' | 'list';
const SEP_RANK: Record<Sep, number> = { start: 0, space: 1, dash: 2, ext: 3, list: 4 };

interface Group {
  digits: string;
  sep: Sep;
}

const PLACEHOLDER = /^(?:[-—–/\\_.。、]+|无|暂无|空)$/;

export function parsePhoneText(text: string): PhoneParse {
  // the usual cell, a bare mobile number: nothing below would change or split it
  if (text.length === 11 && MOBILE.test(text)) return { kind: 'ok', value: text, numbers: [text] };
  let s = foldWidth(text).trim();
  if (s === '' || PLACEHOLDER.test(s)) return { kind: 'empty' };
  // country code before a mobile: +86 139…, 0086-139…, (+86)139…
  s = s.replace(/\(?(?:\+|00)?86\)?[\s-]*(?=1[3-9]\d{9}(?!\d))/g, ' ');
  // every way of writing an extension becomes 转: 分机8001, ext.8001, x8001
  s = s.replace(/(?:转|分机|ext\.?|x)\s*(?=\d)/gi, '转');

  const groups = tokenize(s);
  if (groups.length === 0) return { kind: 'invalid', reason: 'bad-number' };
  if (groups.some((g) => g.digits.length >= 14)) return { kind: 'invalid', reason: 'run-together' };

  const numbers: string[] = [];
  let i = 0;
  while (i < groups.length) {
    const got = readNumber(groups, i);
    if (!got) {
      if (!passable(groups[i].digits)) return { kind: 'invalid', reason: 'bad-number' };
      i++;
      continue;
    }
    let value = got.value;
    i = got.next;
    // extension after a landline: 0553-5864150-8001, 0553-5864150转8001
    const ext = groups[i];
    if (got.landline && ext && (ext.sep === 'ext' || ext.sep === 'dash') && ext.digits.length <= 5) {
      value += (ext.sep === 'ext' ? '转' : '-') + ext.digits;
      i++;
    }
    if (!numbers.includes(value)) numbers.push(value);
  }
  if (numbers.length === 0) return { kind: 'invalid', reason: 'bad-number' };
  const names = readNames(s);
  return names.length > 0 ? { kind: 'ok', value: numbers.join('、'), numbers, names } : { kind: 'ok', value: numbers.join('、'), numbers };
}

/**
 * A digit group that is no number attempt: a room, floor, office hour or extension-like label
 * (302, 2, 8, 30). A group of 7+ digits, or one starting 0 (an area code) or 1 with 3+ digits (a
 * mobile begun), is a number a person meant and must not be passed over.
 */
function passable(digits: string): boolean {
  if (digits.length >= 7 || digits.startsWith('0')) return false;
  return !(digits.startsWith('1') && digits.length >= 3);
}

/** labels around numbers, at the start or end of a run of text: 联系电话：, （办）, 手机 */
const LABEL_HEAD =
  /^(?:联系人|联系电话|联系方式|联系|咨询电话|咨询|办公室电话|办公电话|办公室|办公|值班电话|值班室|值班|热线|电话|手机号码|手机号|手机|座机|固话|号码|传真|微信|宅电|单位|及|或|和|与)+/;
const LABEL_TAIL = /(?:的电话|电话|手机号码|手机号|手机|座机|固话|号码|办公室|办公|宅电|宅|办|转|分机)+$/;
/** what is left after labels but is not a person: places, departments, hours, words */
const NOT_A_NAME =
  /(?:室|处|科室|部|中心|站|所|馆|局|委|会|院|校|协|队|组|楼|层|号|工作日|周[一二三四五六日]|上午|下午|晚上|全天|转|分机|区号|以上|均可|任选)$|^(?:工作|周一|每天|节假日|如无人接听|无人接听)/;

/** The people named in a phone cell: 2–4 characters of text between the numbers, labels removed. */
function readNames(s: string): string[] {
  const names: string[] = [];
  for (const run of s.split(/[^\u4e00-\u9fff·]+/)) {
    const name = run.replace(LABEL_HEAD, '').replace(LABEL_TAIL, '');
    const n = [...name].length;
    if (n < 2 || n > 4 || NOT_A_NAME.test(name)) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function tokenize(s: string): Group[] {
  const groups: Group[] = [];
  let digits = '';
  let sep: Sep = 'space';
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      continue;
    }
    if (digits !== '') {
      groups.push({ digits, sep: groups.length === 0 ? 'start' : sep });
      digits = '';
      sep = 'space';
    }
    const kind: Sep = /\s|[().·]/.test(ch) ? 'space' : /[-–—―~]/.test(ch) ? 'dash' : ch === '转' ? 'ext' : 'list';
    if (SEP_RANK[kind] > SEP_RANK[sep]) sep = kind;
  }
  if (digits !== '') groups.push({ digits, sep: groups.length === 0 ? 'start' : sep });
  return groups;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** area codes: 010 and 02x are three digits, every other one four */
function splitArea(withZero: string): string | undefined {
  const areaLen = /^0(?:10|2\d)/.test(withZero) ? 3 : 4;
  const local = withZero.slice(areaLen);
  if (!isArea(withZero.slice(0, areaLen)) || !isLocal(local)) return undefined;
  return `${withZero.slice(0, areaLen)}-${local}`;
}

/** 010, 02x, or four digits 03xx–09xx: no Chinese area code starts 01 other than Beijing's */
function isArea(d: string): boolean {
  return /^0(?:10|2\d)$/.test(d) || /^0[3-9]\d{2}$/.test(d);
}
function isLocal(d: string): boolean {
  return /^[1-9]\d{6,7}$/.test(d);
}

/** one number from groups[i…]; `landline` lets an extension follow */
function readNumber(groups: Group[], i: number): { value: string; next: number; landline: boolean } | undefined {
  const g = groups[i].digits;
  const next = groups[i + 1];
  const joinable = (x: Group | undefined) => x !== undefined && (x.sep === 'space' || x.sep === 'dash');

  if (MOBILE.test(g)) return { value: g, next: i + 1, landline: false };
  // 0553 5864150, 0553-5864150, (0553)5864150
  if (isArea(g) && joinable(next) && isLocal(next.digits)) return { value: `${g}-${next.digits}`, next: i + 2, landline: true };
  // 05535864150
  if (g.startsWith('0') && g.length >= 10 && g.length <= 12) {
    const v = splitArea(g);
    if (v) return { value: v, next: i + 1, landline: true };
  }
  // 400-xxx-xxxx service numbers, whole or in blocks
  const joined3 = [0, 1, 2].every((k) => k === 0 || joinable(groups[i + k]))
    ? groups
        .slice(i, i + 3)
        .map((x) => x.digits)
        .join('')
    : '';
  for (const cand of [g, joined3]) {
    if (/^[48]00\d{7}$/.test(cand)) {
      return { value: `${cand.slice(0, 3)}-${cand.slice(3, 6)}-${cand.slice(6)}`, next: i + (cand === g ? 1 : 3), landline: false };
    }
  }
  if (isLocal(g) && !g.startsWith('1')) return { value: g, next: i + 1, landline: true };
  // a landline that lost its leading 0 when stored as a number: 5535864150 → 0553-5864150
  if ((g.length === 10 || g.length === 11) && !g.startsWith('0')) {
    const v = splitArea('0' + g);
    if (v) return { value: v, next: i + 1, landline: true };
  }
  // a number written in blocks: 139 1234 5678, 139-1234-5678, 0553-586-4150
  let acc = g;
  for (let k = i + 1; k < groups.length && k <= i + 3 && joinable(groups[k]) && acc.length < 12; k++) {
    acc += groups[k].digits;
    if (MOBILE.test(acc)) return { value: acc, next: k + 1, landline: false };
    const withArea = acc.startsWith('0') && acc.length >= 10 ? splitArea(acc) : undefined;
    if (withArea) return { value: withArea, next: k + 1, landline: true };
  }
  return undefined;
}

function frozenPhone(text: string): PhoneParse {
  const p = parsePhoneText(text);
  if (p.kind === 'ok') Object.freeze(p.numbers);
  return Object.freeze(p);
}
