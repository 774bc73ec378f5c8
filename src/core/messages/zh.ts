/**
 * The Chinese message of every finding code: short, says how to fix, full-width punctuation; the
 * file and cell are shown beside it by each output. Add a code's sentence here and in en.ts.
 */
import type { FindingCode, FindingParamsByCode } from '../finding.js';
import { col, q, type Templates } from './templates.js';

/** Our own reason words (from the readers) with Chinese punctuation: '文档(.doc)' → '文档（.doc）'. */
export function zhPart(v: string | number): string {
  return String(v)
    .replace(/\s*\(([^()]*)\)/g, '（$1）')
    .replace(/,\s*/g, '，')
    .replace(/;\s*/g, '；')
    .replace(/(?<=[\u3400-\u9fff])\s*:\s*/g, '：');
}

/** The other row of a duplicate, in Chinese: 第8行, or 二坝镇（B6） in another unit's file. */
function zhDuplicateOf(p: FindingParamsByCode['duplicate-activity']): string {
  if (p.sameFile) return `第${p.otherRow}行`;
  return `${p.otherUnit ?? p.otherFile}（${p.otherCell ?? `第${p.otherRow}行`}）`;
}

export const ZH: Templates = {
  'file-unreadable': (_f, p) => `文件无法读取${p.reason ? `（${zhPart(p.reason)}）` : ''}，请重新导出为 .xlsx 后再发送`,
  'file-encrypted': () => '文件设置了打开密码，请取消密码后重新发送',
  'file-too-large': (_f, p) => `文件过大${p.reason ? `（${zhPart(p.reason)}）` : ''}，已跳过；请删除多余内容后重新发送`,
  'file-unsupported': (_f, p) => `不是表格文件${p.what ? `（${zhPart(p.what)}）` : ''}，已跳过；请发送 Excel 或 WPS 表格`,
  'sheet-not-found': () => '找不到活动安排表：所有工作表都是空的或被隐藏，请使用附件2模板填写',
  'header-not-found': () => '前15行中找不到表头（活动名称、活动类别、开始日期等），请使用附件2模板填写',
  'column-missing': (_f, p) => `缺少“${p.field}”列，请按附件2模板补上`,
  'column-duplicate': (f, p) => `“${col(f)}”与“${p.other}”都是${p.field}，只读取了“${p.other}”，请删去多余的一列`,
  'column-unknown': (f) => `“${col(f)}”不是模板中的列，已原样保留在汇总表中`,
  'column-bound': (f, p) => `“${col(f)}”按“${p.field}”列读取，如不对请改用附件2模板的表头`,
  'required-missing': (_f, p) => `${p.field}未填写，请补充`,
  'date-invalid': (f, p) =>
    p.reason === 'tbd'
      ? `${col(f)}${q(f.value)}尚未确定，请填写具体日期`
      : p.reason === 'impossible'
        ? `${col(f)}${q(f.value)}不存在，请核对月份和日期`
        : `${col(f)}${q(f.value)}无法识别，请写成“9月18日”或“年-月-日”的形式`,
  'date-ambiguous': (f, p) => `${col(f)}${q(f.value)}是数字，按 ${p.date} 读取；请设为文本格式并写成 9月20日 的形式确认`,
  'date-approximate': (f, p) => `${col(f)}${q(f.value)}不是具体日期，暂按 ${p.start} 至 ${p.end} 统计，请填写具体日期`,
  'date-wrong-year': (f, p) => `${col(f)}${q(f.value)}不在${p.year}年，请改为${p.year}年的日期`,
  'date-range-reversed': (_f, p) => `结束日期 ${p.end} 早于开始日期 ${p.start}，请核对`,
  'date-outside-window': (f, p) => `${col(f)}${q(f.value)}不在集中活动期（${p.start} 至 ${p.end}）内，请确认`,
  'main-event-outside-window': (f, p) => `区主场活动的日期${q(f.value)}不在 ${p.start} 至 ${p.end} 内，请确认`,
  'category-invalid': (f) => `活动类别${q(f.value)}不是通知规定的类别，请从下拉列表中选择`,
  'category-unit-mismatch': (f, p) => `${q(f.value)}应由${p.holders}承办，本单位（${p.kind}）请改选其他类别`,
  'field-unknown': (_f, p) => `科普领域${q(String(p.unknown))}不在通知列表中，请从下拉列表中选择`,
  'form-unknown': (f) => `活动形式${q(f.value)}不在常用列表中，请确认或改选“其他”`,
  'mode-invalid': (f) => `开展方式${q(f.value)}应为 线下、线上 或 线上线下结合`,
  'online-url-missing': (_f, p) =>
    'offline' in p ? `${p.category}须在线上开展，开展方式请改为 线上 或 线上线下结合 并填写活动网址` : `${p.mode}活动须填写活动网址`,
  'url-invalid': (f) => `活动网址${q(f.value)}不是有效网址，请填写以 http:// 或 https:// 开头的完整地址`,
  'phone-invalid': (f, p) =>
    p.reason === 'run-together' ? `联系电话${q(f.value)}像是两个号码连在一起，请用“、”分隔` : `联系电话${q(f.value)}不是有效号码，请填写手机号或带区号的座机号`,
  'count-invalid': (f, p) =>
    p.reason === 'vague' ? `预计参与人数${q(f.value)}不是人数，请估算一个人数填写，如 200 或 约200人` : `预计参与人数${q(f.value)}应为正整数，如 200`,
  'count-approximate': (f, p) => `预计参与人数${q(f.value)}是约数，按 ${p.count} 人统计`,
  'count-range': (f, p) => `预计参与人数${q(f.value)}是范围，按上限 ${p.count} 人统计，请填写一个数`,
  'name-too-long': (_f, p) => `活动名称有 ${p.length} 字，超过 ${p.max} 字上限，请精简`,
  'town-unknown': (f, p) => `所属镇街${q(f.value)}不是${p.district}的镇街，请从下拉列表中选择`,
  'duplicate-activity': (f, p) => `活动${q(f.value)}与${zhDuplicateOf(p)}重复（名称、开始日期和地点相同），请核对是否重复填报`,
  'unit-unidentified': () => '无法确定填报单位：请在第3行“填报单位”处填写单位名称',
  'unit-unknown': (f, p) => `单位${q(f.unit ?? f.value)}不在任务分解表中${p.nearest ? `，是否为“${p.nearest}”？` : '，请核对单位名称'}`,
  'received-unknown': (_f, p) =>
    p.header ? `邮件时间${q(String(p.header))}无法识别，报送时间未知，不按逾期处理` : '报送时间未知（不是邮件，清单中也没有），不按逾期处理',
  'submission-late': (_f, p) => `${p.receivedAt} 报送，晚于截止日期 ${p.deadline}`,
  'submission-superseded': (_f, p) => `已被同单位较晚报送的 ${p.by} 替代`,
  'submission-missing': (f) => `${f.unit ?? ''}未报送活动安排表`,
  'quota-short': (_f, p) => `填报活动 ${p.activities} 项，少于任务数 ${p.quota} 项`,
  'town-main-event-missing': () => '没有填报镇街主场活动，每个镇街至少一场',
  'cell-text-truncated': (f, p) => `${col(f) || '单元格'}内容超过 ${p.limit} 个字符，只读取了前 ${p.limit} 个字符，请精简后重新发送`,
  'feedback-not-written': (_f, p) => `未能写出给该单位的反馈文件${p.reason ? `（${zhPart(p.reason)}）` : ''}，请手工回复`,
  'website-not-registered': (f, p) => `活动${q(f.value)}尚未在全国科普日网站发布（应于 ${p.due} 前），请尽快发布并在汇总表“已在科普日网站发布”列填“是”`,
  'website-quota-short': (_f, p) => `网站已发布活动 ${p.registered} 项，少于任务数 ${p.quota} 项（应于 ${p.due} 前完成）`,
  'supplement-missing': (f, p) => `活动${q(f.value)}的补充信息未提交（缺${p.missing}，应于 ${p.due} 前），请尽快补充`,
  'summary-overdue': (f, p) => `拟推优活动${q(f.value)}的活动总结未提交（应于 ${p.due} 前，活动结束后 ${p.days} 日内），请尽快提交`,
  'town-summary-missing': (_f, p) => `镇街工作总结材料未收到（缺${p.missing}，应于 ${p.due} 前），请尽快报送`,
  'follow-up-due-soon': (f, p) => `${zhPart(p.what)}${f.value ? q(f.value) : ''}将于 ${p.due} 到期，尚缺${p.missing}`,
  'material-late': (_f, p) => `${zhPart(p.what)} ${p.receivedAt} 收到，晚于 ${p.due}`,
  'material-unit-unknown': () => '无法确定是哪个单位的材料，请在文件名中写明单位名称后放回材料文件夹',
};

/** Short Chinese words for the master table's 标记 column. */
export const MARK_WORDS: Record<FindingCode, string> = {
  'file-unreadable': '无法读取',
  'file-encrypted': '加密',
  'file-too-large': '过大',
  'file-unsupported': '非表格',
  'sheet-not-found': '无表',
  'header-not-found': '无表头',
  'column-missing': '缺列',
  'column-duplicate': '重复列',
  'column-unknown': '额外列',
  'column-bound': '表头',
  'required-missing': '缺项',
  'date-invalid': '日期错',
  'date-ambiguous': '日期存疑',
  'date-approximate': '日期不具体',
  'date-wrong-year': '年份错',
  'date-range-reversed': '日期颠倒',
  'date-outside-window': '不在活动期',
  'main-event-outside-window': '主场日期',
  'category-invalid': '类别错',
  'category-unit-mismatch': '类别不符',
  'field-unknown': '领域',
  'form-unknown': '形式',
  'mode-invalid': '方式错',
  'online-url-missing': '缺网址',
  'url-invalid': '网址错',
  'phone-invalid': '电话错',
  'count-invalid': '人数错',
  'count-approximate': '人数约数',
  'count-range': '人数范围',
  'name-too-long': '名称过长',
  'town-unknown': '镇街',
  'duplicate-activity': '重复',
  'unit-unidentified': '单位不明',
  'unit-unknown': '单位不在名单',
  'received-unknown': '时间不明',
  'submission-late': '逾期',
  'submission-superseded': '已替代',
  'submission-missing': '未报送',
  'quota-short': '未达任务数',
  'town-main-event-missing': '缺镇街主场',
  'cell-text-truncated': '内容过长',
  'feedback-not-written': '反馈未写出',
  'website-not-registered': '未网站发布',
  'website-quota-short': '网站发布未达任务数',
  'supplement-missing': '缺补充信息',
  'summary-overdue': '总结逾期',
  'town-summary-missing': '缺镇街总结',
  'follow-up-due-soon': '即将到期',
  'material-late': '材料逾期',
  'material-unit-unknown': '材料单位不明',
};
