/**
 * Pull a unit name out of a file name or an email subject (SPEC §2: "the unit's name only in the
 * file name, only in the email"):
 *   2024科普日活动安排表-官陡街道科协.xlsx             → 官陡街道科协 (roster: 官陡街道)
 *   附件2：某区卫健委活动安排表（盖章版）.xls         → 某区卫健委
 *   【湾里街道】科普日活动安排表.xlsx                  → 湾里街道
 *   回复：关于报送2024年全国科普日活动安排表的通知-二坝镇 → 二坝镇
 *
 * The text is cleaned of the words every such name carries (extension, 附件N, years, 科普日,
 * 活动安排表, 回复/转发/Re:/Fw:, 关于…的通知, 盖章版/定稿/修改/终版/v2 …) and split into segments at
 * separators and brackets. Then, first that applies:
 * (a) a segment the matcher matches to a roster unit;
 * (b) a segment containing a roster unit's name or alias (longest, unambiguous);
 * (c) the first segment that looks like a unit name (ends with 街道/镇/局/委/办/协/院/校/馆/公司/
 *     中心/站/所/会/队 …), without a roster unit;
 * else undefined. `name` is the segment as written (after width folding), not the roster name.
 */
import { foldKey, foldWidth } from '../values/fold-text.js';
import { looksLikeUnitName, prefixKeys } from './fold-unit-name.js';
import type { RosterUnit } from '../config/schema.js';
import type { UnitMatcher } from './match-unit.js';

const EXTENSION = /\.(?:xlsx|xlsm|xls|xlsb|xltx|xlt|et|ett|ods|csv|txt|eml|msg|zip|rar|7z|docx?|wps|pdf)(?=$|[#\s])/gi;

/** Phrases removed whole, before the word list. */
const PHRASES: RegExp[] = [
  /关于.*?的通知/g,
  /(?:^|(?<=[\s#|]))(?:re|fw|fwd|aw|答复|回复|转发)\s*[:：]/gi,
  /附件\s*\d*\s*[:：]?/g,
  /(?:19|20)\d{2}\s*(?:年度|年)?/g,
  /第?\s*\d+\s*(?:版|稿)/g,
  /(?<![a-z])v\s*\d+(?:\.\d+)*(?![a-z])/gi,
  /\(\s*\d+\s*\)/g,
  /(?<![a-z])(?:copy|final)(?![a-z])/gi,
];

/** Words every file name carries; longest first so 活动安排表 goes before 安排表. */
const WORDS = [
  '全国科普日',
  '科普日',
  '科普活动',
  '系列活动',
  '活动安排表',
  '活动安排',
  '活动计划表',
  '活动计划',
  '活动汇总表',
  '活动一览表',
  '活动报名表',
  '活动统计表',
  '活动信息表',
  '安排表',
  '计划表',
  '汇总表',
  '一览表',
  '报名表',
  '统计表',
  '登记表',
  '信息表',
  '任务分解表',
  '盖章版',
  '盖章件',
  '盖章',
  '公章版',
  '公章',
  '签章',
  '最终版',
  '终版',
  '终稿',
  '定稿版',
  '定稿',
  '修改版',
  '修订版',
  '修改稿',
  '修改后',
  '修改',
  '修订',
  '更正',
  '更新版',
  '更新',
  '最新版',
  '最新',
  '新版',
  '副本',
  '复件',
  '扫描件',
  '扫描版',
  '电子版',
  '补报',
  '补充',
  '填报单位',
  '报送单位',
  '单位名称',
  '的通知',
  '通知',
  '请查收',
  '请审阅',
  '请审核',
  '报送',
  '上报',
  '填报',
  '报表',
  '附件',
  '回复',
  '转发',
  '答复',
].sort((a, b) => b.length - a.length);

const WORD_RE = new RegExp(WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

const SPLIT = /[\s\-_—–~·•、,，;；:：()[\]【】〔〕<>《》"'“”‘’+&|#/\\=!！?？。.]+/;

/** Leading / trailing leftovers on a segment: 活动, 的, 表, 关于 … */
const EDGE_HEAD = /^(?:关于|有关|及|和|的)+/;
const EDGE_TAIL = /(?:活动|科普|的|表|版|及|和)+$/;

/** A file name is at most 255 bytes; a mail subject rarely a tenth of this. */
const MAX_NAME_TEXT = 1000;

/** Split a file name / subject into cleaned candidate segments, in order. */
export function textSegments(text: string, prefixes: string[]): string[] {
  let s = foldWidth(text).replace(/[\r\n\t]+/g, ' ');
  // a path: keep the base name; an eml attachment path a.eml#b.xlsx keeps both parts
  s = s.split(/[\\/]/).pop() ?? s;
  // no file name or subject is longer; the phrase patterns (关于.*?的通知) are quadratic on a hostile
  // run of 关于, so the text they see is bounded (issue 13)
  if (s.length > MAX_NAME_TEXT) s = s.slice(0, MAX_NAME_TEXT);
  s = s.replace(EXTENSION, ' ');
  for (const re of PHRASES) s = s.replace(re, '|');
  s = s.replace(WORD_RE, '|');

  const skip = new Set(prefixKeys(prefixes));
  const out: string[] = [];
  for (const raw of s.split(SPLIT)) {
    let seg = raw.trim();
    for (let i = 0; i < 3; i++) seg = seg.replace(EDGE_HEAD, '').replace(EDGE_TAIL, '');
    if (seg.length < 2) continue;
    if (!/[\u3400-\u9fff]/.test(seg)) continue; // digits, dates, ascii noise
    if (skip.has(foldKey(seg))) continue; // a district name alone names no unit
    if (/^(?:区|市|县|全区|全市|全国|科普|活动|单位|表格|材料)$/.test(seg)) continue;
    out.push(seg);
  }
  return out;
}

export function findUnitInText(text: string, matcher: UnitMatcher, prefixes: string[]): { name: string; unit?: RosterUnit } | undefined {
  const segments = textSegments(text, prefixes);
  if (segments.length === 0) return undefined;

  for (const seg of segments) {
    const m = matcher.match(seg);
    if (m) return { name: seg, unit: m.unit };
  }
  for (const seg of segments) {
    const unit = matcher.searchIn(seg);
    if (unit) return { name: seg, unit };
  }
  const looksLikeUnit = segments.find(looksLikeUnitName);
  return looksLikeUnit ? { name: looksLikeUnit } : undefined;
}
