/**
 * The blank 附件2 活动安排表 (SPEC §2), built from the rules in force: sheet 活动安排表 (附件2,
 * title, the 填报单位 line, the header, 200 formatted rows with dropdowns and checks), sheet
 * 填表说明 (every column and every rule in plain Chinese), and a hidden sheet `lists` holding the
 * dropdown values the data validations point at (inline lists over 255 characters corrupt files).
 *
 * Nothing here names a year or a district: everything comes from `rules` and COLUMNS.
 */
import ExcelJS from 'exceljs';
import { COLUMNS, type ColumnDef, type FieldKey } from '../../core/columns.js';
import type { Config } from '../../core/config/schema.js';
import { writeFileAtomic } from './write-atomic.js';

export const TEMPLATE_SHEET = '活动安排表';
export const INSTRUCTIONS_SHEET = '填表说明';
export const LISTS_SHEET = 'lists';
export const TEMPLATE_UNIT_ROW = 3;
export const TEMPLATE_HEADER_ROW = 4;
export const TEMPLATE_FIRST_ROW = 5;
export const TEMPLATE_LAST_ROW = 204;
/** the label the reader looks for on the unit line (locate-table.ts readUnitLine) */
export const UNIT_LABEL_TEXT = '填报单位（盖章）：';

export interface TemplateOptions {
  /** prefilled 填报单位 */
  unit?: string;
  /** workbook creation time; default the campaign year's 1 January (UTC), so output is reproducible */
  createdAt?: Date;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FONT_COLOR = 'FFC00000';
const LINE = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: LINE, left: LINE, bottom: LINE, right: LINE };

/** 'YYYY-MM-DD' → '2024年9月12日' */
export function zhDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 'YYYY-MM-DD' → a Date whose UTC fields are that day (how exceljs writes date values). */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function colIndex(key: FieldKey): number {
  return COLUMNS.findIndex((c) => c.key === key) + 1;
}

function colLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

export interface DropdownList {
  key: FieldKey;
  /** the list's heading on the hidden sheet; never a column label, so the reader never takes it for a table */
  title: string;
  values: string[];
}

/** The dropdown lists, in the hidden sheet's column order. */
export function dropdownLists(rules: Config): DropdownList[] {
  return [
    { key: 'category', title: '类别选项', values: unique(rules.categories.map((c) => c.name)) },
    { key: 'form', title: '形式选项', values: unique(rules.forms) },
    { key: 'field', title: '领域选项', values: unique(rules.fields) },
    { key: 'mode', title: '方式选项', values: unique(rules.modes) },
    { key: 'town', title: '镇街选项', values: unique([...rules.towns, ...rules.places, '全区']) },
    { key: 'published', title: '发布选项', values: ['是', '否'] },
  ];
}

/** 'always' → 必填, … as shown in 填表说明 */
export function requiredText(col: ColumnDef): string {
  if (col.key === 'url') return '线上必填';
  if (col.required === 'always') return '必填';
  if (col.required === 'offline') return '线下必填';
  return '选填';
}

/** What to write in each column, in plain Chinese, from the rules. */
export function columnInstruction(col: ColumnDef, rules: Config): string {
  const w = rules.windows.concentrated;
  const [, wm, wd] = w.start.split('-').map(Number);
  switch (col.key) {
    case 'seq':
      return '可不填；汇总时自动重新编号。';
    case 'name':
      return `活动的正式名称，不超过${rules.nameMaxLength}字。一项活动填一行。`;
    case 'category':
      return `从下拉列表中选择一项：${rules.categories.map((c) => c.name).join('、')}。各类别由谁承办见下方“活动类别”。`;
    case 'form':
      return `从下拉列表中选择：${rules.forms.join('、')}。列表以外的形式可以直接填写，汇总时会提示核对。`;
    case 'field':
      return `可填一项或多项，多项用“、”分隔：${rules.fields.join('、')}。`;
    case 'mode':
      return `从下拉列表中选择：${rules.modes.join('、')}。线上或线上线下结合的活动须填写活动网址。`;
    case 'startDate':
      return `填写具体日期，如 ${w.start} 或 ${wm}月${wd}日；须在${rules.year}年内。不要写“待定”“9月中旬”等。`;
    case 'endDate':
      return '多日活动填写结束日期；当天结束的活动可不填，默认与开始日期相同。';
    case 'timeSlot':
      return '如 上午、下午、9:00-11:30。';
    case 'location':
      return '线下活动必填，写明具体地点；线上活动可不填。';
    case 'town': {
      const places = rules.places.length > 0 ? `；也可选 ${rules.places.join('、')}` : '';
      const towns = rules.towns.length > 0 ? `活动所在的镇街：${rules.towns.join('、')}${places}` : `活动所在的镇街${places}`;
      return `${towns}；全区性活动选“全区”。`;
    }
    case 'host':
      return '主办单位全称。';
    case 'organizer':
      return '承办或协办单位，没有可不填。';
    case 'summary':
      return '简要介绍活动内容、形式和亮点。';
    case 'audience':
      return '如 青少年、社区居民、农民、职工。';
    case 'expectedCount':
      return '填写一个正整数，如 200；不要写“约”“余”或范围。';
    case 'contact':
      return '活动负责人姓名。';
    case 'phone':
      return '手机号（11位）或带区号的座机号（区号-号码）；多个号码用“、”分隔。本列已设为文本格式，开头的0不会丢失。';
    case 'url':
      return '开展方式为 线上 或 线上线下结合 的活动必填：以 http:// 或 https:// 开头的完整网址（直播、报名或活动页面）。';
    case 'published':
      return `活动是否已在全国科普日网站发布，选“是”或“否”（网站发布时间 ${zhDate(rules.windows.website.start)}至${zhDate(rules.windows.website.end)}）。`;
    case 'remarks':
      return '其他需要说明的情况。';
  }
}

/** The general rules, one line each: [short label, text]. */
export function ruleLines(rules: Config): [string, string][] {
  const w = rules.windows;
  const lines: [string, string][] = [
    [
      '填写方式',
      `一项活动填一行，从第${TEMPLATE_FIRST_ROW}行起依次填写。请勿修改、删除或移动第${TEMPLATE_HEADER_ROW}行表头，请勿合并单元格，请勿在表中插入空行或合计行。`,
    ],
    ['填报单位', `在第${TEMPLATE_UNIT_ROW}行填写填报单位全称（加盖公章）、联系人、联系电话和填报日期。`],
    ['必填项', '表头为红色的列为必填项；“活动地点”线下活动必填，“活动网址”线上活动必填。'],
    ['活动主题', `${rules.theme}。各单位可自拟副主题。活动统一使用“${rules.year}年全国科普日活动”名称。`],
    [
      '集中活动期',
      `${zhDate(w.concentrated.start)}至${zhDate(w.concentrated.end)}。活动全年均可开展，集中活动期以外的日期汇总时会提示核对；不在${rules.year}年内的日期为错误。`,
    ],
  ];
  for (const c of rules.categories) {
    if (c.districtMainEvent) lines.push([c.name, `须在${zhDate(w.mainEvent.start)}至${zhDate(w.mainEvent.end)}期间举办${c.note ? `，由${c.note}承办` : ''}。`]);
  }
  for (const c of rules.categories) {
    if (c.townMainEvent) lines.push([c.name, `每个镇街至少举办一场${c.name}。`]);
  }
  for (const c of rules.categories) {
    if (c.online) lines.push([c.name, `须在线上开展：开展方式选“线上”或“线上线下结合”，并填写活动网址。`]);
  }
  lines.push(['线上活动', '开展方式为“线上”或“线上线下结合”的活动，必须填写活动网址（以 http:// 或 https:// 开头）。']);
  lines.push(['活动名称', `不超过${rules.nameMaxLength}字。`]);
  lines.push(['报送时间', `请于${zhDate(rules.deadlines.schedule)}前（含当日）将本表报送${rules.issuer}。逾期报送的将在汇总中标注。`]);
  lines.push(['网站发布', `请于${zhDate(w.website.start)}至${zhDate(w.website.end)}在全国科普日网站发布活动，发布后在“已在科普日网站发布”列选“是”。`]);
  if (rules.deadlines.supplementary) {
    lines.push(['补充信息', `新闻链接、照片、视频等补充信息请于${zhDate(rules.deadlines.supplementary)}前报送。`]);
  }
  if (rules.deadlines.activitySummaryDays) {
    lines.push(['活动总结', `每项活动结束后${rules.deadlines.activitySummaryDays}日内报送活动总结。`]);
  }
  if (rules.deadlines.townSummary) {
    lines.push(['镇街工作总结', `请于${zhDate(rules.deadlines.townSummary)}前报送。`]);
  }
  return lines;
}

/** Row height (points) for text wrapped in a column `width` characters wide (CJK ≈ 2 units). */
function wrappedHeight(text: string, width: number, lineHeight = 16): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  const lines = Math.max(1, Math.ceil(units / Math.max(1, width - 2)));
  return Math.max(20, lines * lineHeight + 4);
}

type ValidationSheet = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function addValidation(ws: ExcelJS.Worksheet, address: string, v: ExcelJS.DataValidation): void {
  (ws as unknown as ValidationSheet).dataValidations.add(address, v);
}

function buildListsSheet(wb: ExcelJS.Workbook, lists: DropdownList[]): Map<FieldKey, string> {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  const refs = new Map<FieldKey, string>();
  lists.forEach((list, i) => {
    const col = i + 1;
    ws.getCell(1, col).value = list.title;
    list.values.forEach((v, j) => {
      ws.getCell(j + 2, col).value = v;
    });
    ws.getColumn(col).width = 18;
    const letter = colLetter(col);
    // no leading '=': OOXML stores validation formulas without it
    refs.set(list.key, `${LISTS_SHEET}!$${letter}$2:$${letter}$${Math.max(2, list.values.length + 1)}`);
  });
  return refs;
}

function buildScheduleSheet(wb: ExcelJS.Workbook, rules: Config, unit: string | undefined): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: TEMPLATE_HEADER_ROW, topLeftCell: `A${TEMPLATE_FIRST_ROW}`, activeCell: `A${TEMPLATE_FIRST_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${TEMPLATE_HEADER_ROW}:${TEMPLATE_HEADER_ROW}`,
    },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  writeScheduleTitle(ws, rules);
  writeUnitLine(ws, unit);
  writeScheduleHeader(ws);
  formatBlankRows(ws);
  return ws;
}

/** Rows 1 and 2: 附件2, and the title across all columns. */
function writeScheduleTitle(ws: ExcelJS.Worksheet, rules: Config): void {
  const r1 = ws.getCell(1, 1);
  r1.value = '附件2';
  r1.font = { name: '黑体', size: 14, bold: true };

  const title = ws.getCell(2, 1);
  title.value = `${rules.year}年${rules.district}全国科普日活动安排表`;
  title.font = { name: '方正小标宋简体', size: 20, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getRow(2).height = 40;
}

/**
 * Row 3: each label and each blank in a cell of its own, none merged, so units can type in the
 * blanks and a reader that copies merged values into every cell still reads one unit name.
 */
function writeUnitLine(ws: ExcelJS.Worksheet, unit: string | undefined): void {
  const labelFont: Partial<ExcelJS.Font> = { size: 12, bold: true };
  const unitLine: { col: number; text: string; blankTo?: number }[] = [
    { col: 2, text: UNIT_LABEL_TEXT },
    { col: 3, text: unit ?? '', blankTo: 5 },
    { col: 6, text: '联系人：' },
    { col: 7, text: '', blankTo: 8 },
    { col: 9, text: '联系电话：' },
    { col: 10, text: '', blankTo: 11 },
    { col: 12, text: '填报日期：' },
    { col: 13, text: '', blankTo: 13 },
  ];
  for (const part of unitLine) {
    const cell = ws.getCell(TEMPLATE_UNIT_ROW, part.col);
    if (part.text) cell.value = part.text;
    if (part.blankTo === undefined) {
      cell.font = labelFont;
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
    } else {
      cell.font = { size: 12 };
      cell.alignment = { horizontal: 'left', vertical: 'middle' };
      for (let c = part.col; c <= part.blankTo; c++) ws.getCell(TEMPLATE_UNIT_ROW, c).border = { bottom: LINE };
    }
  }
  ws.getCell(TEMPLATE_UNIT_ROW, 10).numFmt = '@';
  ws.getCell(TEMPLATE_UNIT_ROW, 13).numFmt = 'yyyy-mm-dd';
  ws.getRow(TEMPLATE_UNIT_ROW).height = 26;
}

/** Row 4: the column labels, required ones in red. */
function writeScheduleHeader(ws: ExcelJS.Worksheet): void {
  const header = ws.getRow(TEMPLATE_HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    const required = c.required !== 'never';
    cell.font = { bold: true, size: 11, ...(required ? { color: { argb: REQUIRED_FONT_COLOR } } : {}) };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 36;
}

/** Rows 5…204: blank rows already bordered and formatted (dates, text phones, whole counts). */
function formatBlankRows(ws: ExcelJS.Worksheet): void {
  const textCols = new Set([colIndex('phone'), colIndex('timeSlot')]);
  const dateCols = new Set([colIndex('startDate'), colIndex('endDate')]);
  const centred = new Set([colIndex('seq'), colIndex('mode'), colIndex('expectedCount'), colIndex('published')]);
  for (let r = TEMPLATE_FIRST_ROW; r <= TEMPLATE_LAST_ROW; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= COLUMNS.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, ...(centred.has(c) || dateCols.has(c) ? { horizontal: 'center' } : {}) };
      if (dateCols.has(c)) cell.numFmt = 'yyyy-mm-dd';
      else if (textCols.has(c)) cell.numFmt = '@';
      else if (c === colIndex('expectedCount')) cell.numFmt = '0';
    }
  }
}

/** The fill-in rows of one column, e.g. 'C5:C204'. */
function columnRange(key: FieldKey): string {
  const l = colLetter(colIndex(key));
  return `${l}${TEMPLATE_FIRST_ROW}:${l}${TEMPLATE_LAST_ROW}`;
}

function addScheduleValidations(ws: ExcelJS.Worksheet, rules: Config, refs: Map<FieldKey, string>): void {
  addListValidations(ws, rules, refs);
  addValueChecks(ws, rules);
}

/** The dropdowns, each pointing at its list on the hidden sheet; strict or only a warning. */
function addListValidations(ws: ExcelJS.Worksheet, rules: Config, refs: Map<FieldKey, string>): void {
  const list = (key: FieldKey, opts: Partial<ExcelJS.DataValidation>) =>
    addValidation(ws, columnRange(key), { type: 'list', allowBlank: true, formulae: [refs.get(key)!], ...opts });

  list('category', {
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '活动类别',
    error: '请从下拉列表中选择通知规定的活动类别。',
  });
  list('form', {
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '活动形式',
    error: '该形式不在常用列表中，确定要使用吗？',
  });
  // several fields may share a cell (科技创新、科学教育): offer the list, accept anything
  list('field', {
    showErrorMessage: false,
    showInputMessage: true,
    promptTitle: '科普领域',
    prompt: '可从列表选择；多个领域请直接输入，用“、”分隔。',
  });
  list('mode', {
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '开展方式',
    error: `开展方式应为 ${rules.modes.join('、')} 之一。`,
  });
  list('town', {
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '所属镇街',
    error: `该名称不是${rules.district}的镇街，确定要使用吗？`,
  });
  list('published', {
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '已在科普日网站发布',
    error: '请选择“是”或“否”。',
  });
}

/** Dates within the year, a positive whole 预计参与人数, and a prompt on 活动网址. */
function addValueChecks(ws: ExcelJS.Worksheet, rules: Config): void {
  const jan1 = `${rules.year}-01-01`;
  const dec31 = `${rules.year}-12-31`;
  for (const key of ['startDate', 'endDate'] as const) {
    addValidation(ws, columnRange(key), {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [utcDate(jan1), utcDate(dec31)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '日期有误',
      error: `请填写${rules.year}年内的具体日期，如 ${rules.windows.concentrated.start}。`,
      showInputMessage: true,
      promptTitle: key === 'startDate' ? '开始日期' : '结束日期',
      prompt: `填写${rules.year}年的日期，如 ${rules.windows.concentrated.start}。`,
    });
  }
  addValidation(ws, columnRange('expectedCount'), {
    type: 'whole',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '预计参与人数',
    error: '请填写一个正整数，如 200。',
  });
  addValidation(ws, columnRange('url'), {
    type: 'any',
    formulae: [],
    showInputMessage: true,
    promptTitle: '活动网址',
    prompt: '线上或线上线下结合的活动必填，以 http:// 或 https:// 开头。',
  } as unknown as ExcelJS.DataValidation);
}

const INSTRUCTION_WIDTHS = [6, 16, 10, 90];

/** Writes the 填表说明 sheet row by row: section headings and four-column tables. */
class InstructionsWriter {
  r = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** A heading merged over the four columns. */
  section(text: string): void {
    const cell = this.ws.getCell(this.r, 1);
    cell.value = text;
    cell.font = { size: 13, bold: true };
    this.ws.mergeCells(this.r, 1, this.r, 4);
    this.ws.getRow(this.r).height = 24;
    this.r++;
  }

  tableHeader(labels: string[]): void {
    labels.forEach((label, i) => {
      const cell = this.ws.getCell(this.r, i + 1);
      cell.value = label;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    this.ws.getRow(this.r).height = 22;
    this.r++;
  }

  /** A table line; the fourth column's text sets the row height. */
  tableRow(values: (string | number)[], opts: { required?: boolean } = {}): void {
    values.forEach((v, i) => {
      const cell = this.ws.getCell(this.r, i + 1);
      cell.value = v === '' ? null : v;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: i < 3 ? 'center' : 'left' };
      if (i === 1 && opts.required) cell.font = { bold: true, color: { argb: REQUIRED_FONT_COLOR } };
    });
    this.ws.getRow(this.r).height = wrappedHeight(String(values[3] ?? ''), INSTRUCTION_WIDTHS[3]);
    this.r++;
  }

  /** An empty row between sections. */
  skip(rows = 1): void {
    this.r += rows;
  }
}

function buildInstructionsSheet(wb: ExcelJS.Workbook, rules: Config): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET, {
    views: [{ state: 'normal', showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = INSTRUCTION_WIDTHS.map((width) => ({ width }));

  const title = ws.getCell(1, 1);
  title.value = `${rules.year}年${rules.district}全国科普日活动安排表 填表说明`;
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, 4);
  ws.getRow(1).height = 32;

  const out = new InstructionsWriter(ws);
  out.skip(2);
  writeRuleTable(out, rules);
  writeColumnTable(out, rules);
  writeCategoryTable(out, rules);
  // the 类别 column is wide enough for the longest category name
  ws.getColumn(2).width = Math.max(INSTRUCTION_WIDTHS[1], ...rules.categories.map((c) => c.name.length * 2 + 2));
}

/** 一: the general rules, numbered. */
function writeRuleTable(out: InstructionsWriter, rules: Config): void {
  out.section('一、填写规则');
  out.tableHeader(['序号', '事项', '', '要求']);
  ruleLines(rules).forEach(([label, text], i) => out.tableRow([i + 1, label, '', text]));
  out.skip();
}

/** 二: each column by letter, whether required, and what to write. */
function writeColumnTable(out: InstructionsWriter, rules: Config): void {
  out.section('二、各列填写说明');
  out.tableHeader(['列', '列名', '是否必填', '填写要求']);
  COLUMNS.forEach((c, i) => out.tableRow([colLetter(i + 1), c.label, requiredText(c), columnInstruction(c, rules)], { required: c.required !== 'never' }));
  out.skip();
}

/** 三: each category, who holds it, and when or how it must be held. */
function writeCategoryTable(out: InstructionsWriter, rules: Config): void {
  out.section('三、活动类别');
  out.tableHeader(['序号', '类别', '', '由谁承办及要求']);
  rules.categories.forEach((c, i) => {
    const parts: string[] = [];
    parts.push(c.note ?? (c.holders && c.holders.length > 0 ? c.holders.join('、') : '各单位'));
    if (c.districtMainEvent) parts.push(`须在${zhDate(rules.windows.mainEvent.start)}至${zhDate(rules.windows.mainEvent.end)}举办`);
    if (c.online) parts.push('须线上或线上线下结合并填写活动网址');
    out.tableRow([i + 1, c.name, '', parts.join('；')]);
  });
}

export async function buildTemplateWorkbook(rules: Config, opts: TemplateOptions): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const created = opts.createdAt ?? new Date(Date.UTC(rules.year, 0, 1));
  wb.creator = 'kepuri';
  wb.lastModifiedBy = 'kepuri';
  wb.created = created;
  wb.modified = created;
  wb.title = `${rules.year}年${rules.district}全国科普日活动安排表`;

  const ws = buildScheduleSheet(wb, rules, opts.unit?.trim() || undefined);
  buildInstructionsSheet(wb, rules);
  const refs = buildListsSheet(wb, dropdownLists(rules));
  addScheduleValidations(ws, rules, refs);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

export async function writeTemplate(file: string, rules: Config, opts: TemplateOptions = {}): Promise<void> {
  const wb = await buildTemplateWorkbook(rules, opts);
  await writeFileAtomic(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** 'templates/附件2-活动安排表-2024.xlsx' names: the shipped blank template for the rules' year. */
export function templateFileName(rules: Pick<Config, 'year'>): string {
  return `附件2-活动安排表-${rules.year}.xlsx`;
}
