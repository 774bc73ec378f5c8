/**
 * `kepuri init`: a complete config to edit, from the embedded defaults. For another year the
 * dates move by whole years (same month and day) and the theme is marked for editing; the
 * person then edits the windows to the new notice.
 */
import { DEFAULTS_2023 } from './defaults-2023.js';
import type { WrittenConfig } from './schema.js';

const CONFIG_COMMENT = [
  '全国科普日规则配置，由 kepuri init 生成。请按当年通知修改后保存；日期一律写成 YYYY-MM-DD（北京时间）。',
  'windows.concentrated：集中活动期；windows.mainEvent：区主场活动日期范围；windows.website：网站填报期。',
  'deadlines.schedule：活动安排表报送截止日（当天 23:59:59 前收到为按时）。',
  'deadlines.supplementary：补充信息（新闻报道链接、照片视频）截止日；deadlines.activitySummaryDays：拟推优活动结束后几日内提交活动总结；deadlines.townSummary：镇街工作总结截止日，townSummaryParts 为其组成（总结/PPT/图片/视频/汇总表）；dueSoonDays：跟进清单中到期前几日算“即将到期”。',
  'categories：活动类别；holders 为可承办的单位类别（区科协/镇街/区直部门/企业/科普教育基地/其他），省略则不限。',
  'roster：任务分解表，可直接列出单位，或写附件1文件的路径（相对本文件）。',
  'association：落款单位及联系人、电话、邮箱（用于回复、通报和上报版的填报单位行）。',
  'replyBy：要求各单位修改后重新报送的期限，写日期（YYYY-MM-DD）或运行后的天数（默认 3）。',
];

function shiftYear(iso: string, delta: number): string {
  const y = Number(iso.slice(0, 4)) + delta;
  let rest = iso.slice(4);
  if (rest === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) rest = '-02-28';
  return String(y) + rest;
}

export function makeConfig(year?: number): WrittenConfig {
  const base = structuredClone(DEFAULTS_2023);
  const target = year ?? base.year;
  const delta = target - base.year;
  const w = base.windows;
  const moved: WrittenConfig = {
    $comment: CONFIG_COMMENT,
    ...base,
    association: { name: base.association?.name ?? base.issuer ?? `${base.district}科学技术协会`, contact: '（请填写联系人）', phone: '（请填写联系电话）' },
    year: target,
    theme: delta === 0 ? base.theme : `（请填写${target}年主题）`,
    notice: delta === 0 ? base.notice : `关于组织开展${target}年全国科普日活动的通知`,
    windows: {
      concentrated: { start: shiftYear(w.concentrated.start, delta), end: shiftYear(w.concentrated.end, delta) },
      mainEvent: { start: shiftYear(w.mainEvent.start, delta), end: shiftYear(w.mainEvent.end, delta) },
      website: { start: shiftYear(w.website.start, delta), end: shiftYear(w.website.end, delta) },
    },
    deadlines: {
      ...base.deadlines,
      schedule: shiftYear(base.deadlines.schedule, delta),
      ...(base.deadlines.supplementary ? { supplementary: shiftYear(base.deadlines.supplementary, delta) } : {}),
      ...(base.deadlines.townSummary ? { townSummary: shiftYear(base.deadlines.townSummary, delta) } : {}),
    },
  };
  return moved;
}
