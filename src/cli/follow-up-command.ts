/** `kepuri follow-up 活动汇总表.xlsx [--as-of DATE] [--materials DIR] [-o DIR]`: the second round (issue 15). */
import { TZDate } from '@date-fns/tz';
import type { Lang } from '../core/messages.js';
import { parseDateText } from '../core/values/parse-date.js';
import { loadRules } from '../io/config/load-config.js';
import { runFollowUpJob } from '../io/run-follow-up.js';
import { UsageError } from '../core/errors.js';

export interface FollowUpCliOptions {
  out: string;
  asOf?: string;
  materials?: string;
  received?: string;
  roster?: string;
  config?: string;
  json?: boolean;
  lang: Lang;
}

/** Today in Asia/Shanghai, whatever the machine's own zone. */
export function todayInShanghai(now = Date.now()): string {
  const d = new TZDate(now, 'Asia/Shanghai');
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function parseAsOf(text: string, year: number): string {
  const parsed = parseDateText(text, { year });
  if (parsed.kind !== 'ok' || parsed.end !== undefined) throw new UsageError(`--as-of ${text} 不是一个日期；请写成 ${year}-09-26 的形式`);
  return parsed.start;
}

export async function runFollowUp(master: string, opts: FollowUpCliOptions): Promise<number> {
  const rules = await loadRules({ config: opts.config, roster: opts.roster });
  const asOf = opts.asOf ? parseAsOf(opts.asOf, rules.year) : todayInShanghai();
  const { report, plan, written } = await runFollowUpJob(master, rules, {
    out: opts.out,
    asOf,
    ...(opts.materials ? { materials: opts.materials } : {}),
    ...(opts.received ? { received: opts.received } : {}),
    lang: opts.lang,
  });
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    const t = plan.totals;
    const en = opts.lang === 'en';
    const lines = [
      en
        ? `Follow-up as of ${asOf}: ${plan.activities.length} activities, ${report.totals.materials} materials; overdue ${t.overdue}, due within ${plan.dueSoonDays} days ${t.dueSoon}`
        : `截至 ${asOf} 的跟进情况：${plan.activities.length} 项活动，收到材料 ${report.totals.materials} 份；逾期 ${t.overdue} 项，${plan.dueSoonDays} 日内到期 ${t.dueSoon} 项`,
      ...(['website', 'supplement', 'summary', 'town'] as const).map((k) => {
        const s = t[k];
        if (en) {
          const label = { website: 'website registration', supplement: 'supplementary info', summary: 'activity summaries', town: 'town summaries' }[k];
          return `  ${label}: done ${s.已完成}, overdue ${s.逾期}, due soon ${s.即将到期}, not yet due ${s.未到期}, n/a ${s.不适用}`;
        }
        const label = { website: '网站发布', supplement: '补充信息', summary: '活动总结', town: '镇街工作总结' }[k];
        return `  ${label}：已完成 ${s.已完成}，逾期 ${s.逾期}，即将到期 ${s.即将到期}，未到期 ${s.未到期}，不适用 ${s.不适用}`;
      }),
      en ? 'Written:' : '已写出：',
      ...written.map((w) => `  ${w}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return report.totals.errors > 0 ? 1 : 0;
}
