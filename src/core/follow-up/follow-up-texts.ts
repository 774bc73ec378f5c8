/**
 * The follow-up tracker's texts, pure: 催办通报 for the work group (who still owes what, by when)
 * and a reminder per unit with outstanding obligations, signed with the association (rules.association).
 * Lines are joined with '\n'; the writer turns them into CRLF with a BOM.
 */
import type { Config } from '../config/schema.js';
import type { FollowUpPlan, Obligation, UnitFollowUp } from './track-follow-up.js';

export function zhDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[2])}月${Number(m[3])}日` : iso;
}

function zhFullDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

function signature(rules: Config, asOf: string): string[] {
  const a = rules.association;
  const contact = [a.contact ? `联系人：${a.contact}` : '', a.phone ? `电话：${a.phone}` : '', a.email ? `邮箱：${a.email}` : ''].filter(Boolean).join('，');
  return [a.name, ...(contact ? [contact] : []), zhFullDay(asOf)];
}

const KIND_ORDER = { website: 0, supplement: 1, summary: 2, town: 3 } as const;

/** Obligations in the order a person reads them: by due day, then kind, then master row. */
function ordered(list: readonly Obligation[]): Obligation[] {
  return [...list].sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.row ?? 0) - (b.row ?? 0));
}

/** One unit's line in the 通报: counts per kind, the town parts by name ('补充信息 6 项，截止9月25日'). */
function countLines(list: readonly Obligation[], u: UnitFollowUp, rules: Config, withQuota: boolean): string[] {
  const out: string[] = [];
  const website = list.filter((o) => o.kind === 'website');
  const quota = withQuota ? quotaLine(u, rules) : undefined;
  if (website.length > 0 || quota) {
    const count = website.length > 0 ? `${website.length} 项活动未在网站发布` : '';
    out.push(`网站发布：${[count, quota ? quota.replace(/，截止.*$/, '') : ''].filter(Boolean).join('，')}，截止${zhDay(rules.windows.website.end)}`);
  }
  for (const kind of ['supplement', 'summary'] as const) {
    const g = list.filter((o) => o.kind === kind);
    if (g.length === 0) continue;
    const dues = [...new Set(g.map((o) => o.due).filter(Boolean))].sort();
    const deadline = dues.length === 0 ? '' : dues.length === 1 ? `，截止${zhDay(dues[0])}` : `，最早截止${zhDay(dues[0])}`;
    out.push(`${kind === 'supplement' ? '补充信息' : '拟推优活动总结'} ${g.length} 项未交${deadline}`);
  }
  const town = list.filter((o) => o.kind === 'town');
  if (town.length > 0) out.push(`镇街工作总结缺${town.map((o) => o.part).join('、')}，截止${zhDay(town[0].due)}`);
  return out;
}

function contactOf(u: UnitFollowUp): string {
  const parts = [u.contact, u.phone].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

function quotaLine(u: UnitFollowUp, rules: Config): string | undefined {
  if (u.quota === undefined || u.quota === 0 || u.quotaStatus === '已完成' || u.quotaStatus === '不适用') return undefined;
  return `网站发布任务数 ${u.quota} 项，已发布 ${u.registered} 项，截止${zhDay(rules.windows.website.end)}`;
}

export function composeFollowUpNotice(plan: FollowUpPlan, rules: Config): string {
  const t = plan.totals;
  const lines: string[] = [];
  lines.push(`关于${rules.year}年全国科普日活动后续工作进展的通报（截至${zhFullDay(plan.asOf)}）`);
  lines.push('');
  lines.push('各单位：');
  const acts = plan.activities.length;
  const registered = plan.activities.filter((a) => a.published === '是').length;
  const proposed = plan.activities.filter((a) => a.proposed).length;
  const towns = plan.units.filter((u) => u.kind === '镇街');
  const townsDone = towns.filter((u) => !plan.obligations.some((o) => o.kind === 'town' && o.unit === u.name && o.status !== '已完成')).length;
  lines.push(
    `  全区活动汇总表共 ${acts} 项活动：已在科普日网站发布 ${registered} 项；补充信息已完成 ${t.supplement.已完成} 项；` +
      `拟推优 ${proposed} 项，活动总结已提交 ${t.summary.已完成} 项；镇街工作总结已交齐 ${townsDone} 个，共 ${towns.length} 个镇街。` +
      `逾期未完成 ${t.overdue} 项，${plan.dueSoonDays} 日内到期 ${t.dueSoon} 项。`,
  );
  const section = (title: string, status: '逾期' | '即将到期') => {
    const rows = plan.units
      .map((u) => ({ u, list: u.outstanding.filter((o) => o.status === status), q: u.quotaStatus === status }))
      .filter((r) => r.list.length > 0 || r.q);
    if (rows.length === 0) return;
    lines.push('');
    lines.push(title);
    rows.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.u.name}${contactOf(r.u)}：${countLines(r.list, r.u, rules, r.q).join('；')}。`);
    });
  };
  section('一、已逾期，请立即补报：', '逾期');
  section(`二、${plan.dueSoonDays} 日内到期，请抓紧完成：`, '即将到期');
  if (t.overdue === 0 && t.dueSoon === 0) {
    lines.push('');
    lines.push('  目前没有逾期或即将到期的事项。');
  }
  lines.push('');
  lines.push('  请上述单位按期完成，完成后将材料发送至区科协邮箱，并在科普日网站补充活动信息。');
  lines.push('');
  lines.push(...signature(rules, plan.asOf));
  return lines.join('\n') + '\n';
}

/** A reminder for one unit, or undefined when nothing of it is overdue or due soon. */
export function composeFollowUpReminder(u: UnitFollowUp, plan: FollowUpPlan, rules: Config): string | undefined {
  const q = quotaLine(u, rules);
  const pressing = u.outstanding.some((o) => o.status === '逾期' || o.status === '即将到期') || u.quotaStatus === '逾期' || u.quotaStatus === '即将到期';
  if (!pressing) return undefined;
  const lines: string[] = [];
  lines.push(`${u.name}：`);
  lines.push('');
  lines.push(`您好！截至${zhFullDay(plan.asOf)}，贵单位${rules.year}年全国科普日活动还有以下事项未完成：`);
  lines.push('');
  let n = 0;
  if (q) lines.push(`${++n}. ${q}（${u.quotaStatus}）。`);
  const list = ordered(u.outstanding);
  const town = list.filter((o) => o.kind === 'town');
  for (const o of list) {
    if (o.kind === 'town') {
      if (o !== town[0]) continue;
      // the parts of the town summary on one line, each part's status only when they differ
      const same = town.every((t) => t.status === o.status);
      const parts = town.map((t) => (same ? t.part : `${t.part}（${t.status}）`)).join('、');
      lines.push(`${++n}. 镇街工作总结：缺${parts}，截止${zhDay(o.due)}${same ? `（${o.status}）` : ''}。`);
      continue;
    }
    const what =
      o.kind === 'website'
        ? `《${o.activity}》未在科普日网站发布`
        : o.kind === 'summary'
          ? `拟推优活动《${o.activity}》未提交活动总结`
          : `补充信息《${o.activity}》：缺${o.missing}`;
    lines.push(`${++n}. ${what}，${o.due ? `截止${zhDay(o.due)}` : '期限待定'}（${o.status}）。`);
  }
  lines.push('');
  lines.push(
    '请按期完成：活动请在全国科普日网站发布并补充新闻报道链接、照片视频；拟推优活动请在活动结束后按期提交活动总结；材料请发送至区科协邮箱。如已完成，请回复告知。谢谢！',
  );
  lines.push('');
  lines.push(...signature(rules, plan.asOf));
  return lines.join('\n') + '\n';
}
