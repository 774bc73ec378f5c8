/** The English message of every finding code (`--lang en`): no Chinese fragments but values quoted as written. Add a code's sentence here and in zh.ts. */
import type { FindingParamsByCode } from '../finding.js';
import { col, q, type Templates } from './templates.js';

const CJK = /[\u3400-\u9fff]/;

/** The readers' reasons, in English; one not listed is left out rather than shown in Chinese. */
const EN_REASONS: Record<string, string> = {
  文件不存在: 'no such file',
  不是文件: 'not a file',
  不是普通文件: 'not a regular file',
  邮件时间无法识别: 'mail time unreadable',
  邮件无法解析: 'the message cannot be parsed',
  空附件: 'empty attachment',
  邮件中没有表格附件: 'no spreadsheet attached to the message',
  压缩包已损坏: 'the zip archive is damaged',
  压缩包设有密码: 'the zip archive is password-protected',
  压缩方式不支持: 'unsupported compression method',
  压缩包成员已损坏: 'the zip member is damaged',
  文件设置了密码: 'password-protected',
  文件结构异常或过大: 'malformed or too large',
  文件已损坏或不是有效的表格: 'damaged, or not a valid spreadsheet',
  'PDF 文件': 'a PDF file',
  'HTML 网页': 'an HTML page',
  'XML 文件': 'an XML file',
  'RTF 文档': 'an RTF document',
  'Word 文档': 'a Word document',
  'Word 文档(.doc)': 'a Word document (.doc)',
  'PowerPoint 演示文稿': 'a PowerPoint presentation',
  'PowerPoint 演示文稿(.ppt)': 'a PowerPoint presentation (.ppt)',
  'Outlook 邮件(.msg)': 'an Outlook message (.msg)',
  'OLE 复合文档': 'an OLE compound document',
  'OpenDocument 文字文档': 'an OpenDocument text',
  'OpenDocument 演示文稿': 'an OpenDocument presentation',
  电子书: 'an e-book',
};

function enPart(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const text = String(v);
  if (!CJK.test(text)) return ` (${text})`;
  const known = EN_REASONS[text];
  if (known) return ` (${known})`;
  // '12 MB,超过 50 MB 上限' and similar: keep the figures only
  const size = /^(\d+(?:\.\d+)?\s*MB)/.exec(text);
  return size ? ` (${size[1]})` : '';
}

/** English names of the template's fields (the Chinese headers are the template's own words). */
const EN_FIELDS: Record<string, string> = {
  序号: 'number',
  活动名称: 'activity name',
  活动类别: 'category',
  活动形式: 'activity form',
  科普领域: 'science field',
  开展方式: 'mode',
  开始日期: 'start date',
  结束日期: 'end date',
  活动时段: 'time of day',
  活动地点: 'place',
  所属镇街: 'town',
  主办单位: 'host',
  承办单位: 'organizer',
  活动简介: 'summary',
  面向对象: 'audience',
  预计参与人数: 'expected attendance',
  联系人: 'contact',
  联系电话: 'phone',
  活动网址: 'web address',
  已在科普日网站发布: 'published on the website',
  备注: 'remarks',
};

function enField(v: string | number | undefined): string {
  const text = String(v ?? '');
  return EN_FIELDS[text] ?? (CJK.test(text) ? 'a required field' : text);
}

const EN_KINDS: Record<string, string> = {
  区科协: 'the district association',
  镇街: 'towns and streets',
  区直部门: 'district departments',
  企业: 'enterprises',
  科普教育基地: 'science education bases',
  其他: 'other units',
};

function enKinds(v: string | number | undefined): string {
  return String(v ?? '')
    .split('、')
    .map((k) => EN_KINDS[k] ?? (CJK.test(k) ? 'other units' : k))
    .join(' or ');
}

/** The follow-up tracker names items and parts in Chinese (the notice's words): quoted, never bare. */
function enWhat(v: string): string {
  return CJK.test(v) ? `follow-up item 「${v}」` : v;
}
function enList(v: string): string {
  return CJK.test(v) ? `「${v}」` : v;
}

/** The other row of a duplicate, in English: row 8, or 二坝镇 (B6) in another unit's file. */
function enDuplicateOf(p: FindingParamsByCode['duplicate-activity']): string {
  if (p.sameFile) return `row ${p.otherRow}`;
  return `${p.otherUnit ?? p.otherFile} (${p.otherCell ?? `row ${p.otherRow}`})`;
}

export const EN: Templates = {
  'file-unreadable': (_f, p) => `cannot read the file${enPart(p.reason)}; export it again as .xlsx`,
  'file-encrypted': () => 'the workbook is password-protected; remove the password and resend',
  'file-too-large': (_f, p) => `file too large${enPart(p.reason)}; skipped`,
  'file-unsupported': (_f, p) => `not a spreadsheet${enPart(p.what)}; skipped`,
  'sheet-not-found': () => 'no activity table: every sheet is empty or hidden',
  'header-not-found': () => 'no header row (activity name, category, start date …) in the first 15 rows',
  'column-missing': (_f, p) => `the ${enField(p.field)} column is missing; add it as in the template`,
  'column-duplicate': (f, p) => `"${col(f)}" and "${p.other}" both mean ${enField(p.field)}; only "${p.other}" was read`,
  'column-unknown': (f) => `"${col(f)}" is not a template column; kept as an extra column`,
  'column-bound': (f, p) => `"${col(f)}" read as the ${enField(p.field)} column`,
  'required-missing': (_f, p) => `${enField(p.field)} is empty`,
  'date-invalid': (f, p) => (p.reason === 'tbd' ? `${col(f)} is undecided; give a date` : `${col(f)} ${q(f.value)} is not a valid date`),
  'date-ambiguous': (f, p) => `${col(f)} ${q(f.value)} is a number; read as ${p.date}, please confirm`,
  'date-approximate': (f, p) => `${col(f)} ${q(f.value)} is vague; counted as ${p.start} to ${p.end}`,
  'date-wrong-year': (f, p) => `${col(f)} ${q(f.value)} is not in ${p.year}`,
  'date-range-reversed': (_f, p) => `end date ${p.end} is before start date ${p.start}`,
  'date-outside-window': (f, p) => `${col(f)} ${q(f.value)} is outside the campaign window ${p.start} to ${p.end}`,
  'main-event-outside-window': (f, p) => `district main event ${q(f.value)} is outside ${p.start} to ${p.end}`,
  'category-invalid': (f) => `category ${q(f.value)} is not one of the notice's categories`,
  'category-unit-mismatch': (f, p) => `${q(f.value)} is for ${enKinds(p.holders)}, not for a unit of kind ${enKinds(p.kind)}`,
  'field-unknown': (_f, p) => `science field ${q(String(p.unknown))} is not in the list`,
  'form-unknown': (f) => `activity form ${q(f.value)} is not in the list`,
  'mode-invalid': (f) => `mode ${q(f.value)} must be one of 「线下」 (offline), 「线上」 (online), 「线上线下结合」 (both)`,
  'online-url-missing': (_f, p) => ('offline' in p ? `${p.category} must be held online` : `an online activity needs its web address`),
  'url-invalid': (f) => `${q(f.value)} is not an http(s) address`,
  'phone-invalid': (f, p) => (p.reason === 'run-together' ? `${q(f.value)} looks like two numbers run together` : `${q(f.value)} is not a phone number`),
  'count-invalid': (f, p) =>
    p.reason === 'vague'
      ? `expected attendance ${q(f.value)} is not a figure; give an estimate such as 200`
      : `expected attendance ${q(f.value)} must be a positive whole number`,
  'count-approximate': (f, p) => `expected attendance ${q(f.value)} is a rounded figure; counted as ${p.count}`,
  'count-range': (f, p) => `expected attendance ${q(f.value)} is a range; counted as its upper end ${p.count}`,
  'name-too-long': (_f, p) => `activity name has ${p.length} characters, over ${p.max}`,
  'town-unknown': (f, p) => `${q(f.value)} is not a town of ${p.district}`,
  'duplicate-activity': (f, p) => `${q(f.value)} duplicates ${enDuplicateOf(p)} (same name, start date and place)`,
  'unit-unidentified': () => 'cannot tell which unit sent this file',
  'unit-unknown': (f, p) => `unit ${q(f.unit ?? f.value)} is not on the roster${p.nearest ? `; did you mean ${p.nearest}?` : ''}`,
  'received-unknown': (_f, p) => (p.header ? `mail time ${q(String(p.header))} unreadable; not counted late` : 'submission time unknown; not counted late'),
  'submission-late': (_f, p) => `received ${p.receivedAt}, after the deadline ${p.deadline}`,
  'submission-superseded': (_f, p) => `replaced by the later file ${p.by}`,
  'submission-missing': (f) => `${f.unit ?? ''} sent no schedule`,
  'quota-short': (_f, p) => `${p.activities} activities, fewer than the quota of ${p.quota}`,
  'cell-text-truncated': (f, p) => `${col(f) || 'the cell'} holds more than ${p.limit} characters; only the first ${p.limit} were read`,
  'feedback-not-written': (_f, p) => `the feedback for this unit could not be written${enPart(p.reason)}; reply by hand`,
  'town-main-event-missing': () => 'no town main event (category 「镇街主场活动」) reported; every town should hold one',
  'website-not-registered': (f, p) => `activity ${q(f.value)} is not registered on the National Science Popularization Day website (due ${p.due})`,
  'website-quota-short': (_f, p) => `${p.registered} activities registered on the website, fewer than the quota of ${p.quota} (due ${p.due})`,
  'supplement-missing': (f, p) => `supplementary information for ${q(f.value)} not given (missing ${enList(p.missing)}, due ${p.due})`,
  'summary-overdue': (f, p) => `summary of the activity proposed for commendation ${q(f.value)} not received (due ${p.due}, ${p.days} days after it ended)`,
  'town-summary-missing': (_f, p) => `town work summary not received (missing ${enList(p.missing)}, due ${p.due})`,
  'follow-up-due-soon': (f, p) => `${enWhat(p.what)}${f.value ? ' ' + q(f.value) : ''} due ${p.due}; still missing ${enList(p.missing)}`,
  'material-late': (_f, p) => `${enWhat(p.what)} received ${p.receivedAt}, after ${p.due}`,
  'material-unit-unknown': () => 'cannot tell which unit sent this material; put the unit name in the file name',
};
