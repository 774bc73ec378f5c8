/** `kepuri rules [--json]`: the rules in force, in Chinese. */
import type { Config } from '../core/config/schema.js';
import { loadRules } from '../io/config/load-config.js';

export async function runRules(opts: { json?: boolean; config?: string; roster?: string }): Promise<number> {
  const rules = await loadRules({ config: opts.config, roster: opts.roster });
  process.stdout.write(opts.json ? JSON.stringify(rules, null, 2) + '\n' : renderRules(rules));
  return 0;
}

export function renderRules(r: Config): string {
  const w = r.windows;
  const lines = [
    `${r.year}年全国科普日 · ${r.district}(${r.issuer})`,
    `规则来源：${r.source === 'embedded' ? '内置默认规则' : r.source}`,
    `主题：${r.theme}`,
    `集中活动期：${w.concentrated.start} 至 ${w.concentrated.end}（期外为警告，非${r.year}年为错误）`,
    `区主场活动：${w.mainEvent.start} 至 ${w.mainEvent.end}`,
    `活动安排表报送截止：${r.deadlines.schedule} 24 时前（北京时间）`,
    `网站填报：${w.website.start} 至 ${w.website.end}`,
    ...(r.deadlines.supplementary ? [`补充信息截止：${r.deadlines.supplementary}`] : []),
    ...(r.deadlines.townSummary
      ? [`镇街工作总结截止：${r.deadlines.townSummary}（${(r.deadlines.townSummaryParts ?? ['总结', 'PPT', '图片', '视频', '汇总表']).join('、')}）`]
      : []),
    ...(r.deadlines.activitySummaryDays ? [`活动总结（拟推优活动）：活动结束后 ${r.deadlines.activitySummaryDays} 日内`] : []),
    `跟进提醒：到期前 ${r.deadlines.dueSoonDays ?? 3} 日内为“即将到期”`,
    `活动名称上限：${r.nameMaxLength} 字`,
    '',
    '活动类别：',
    ...r.categories.map((c) => `  ${c.name}${c.holders?.length ? `（限${c.holders.join('、')}）` : ''}${c.online ? '（须线上）' : ''}`),
    `科普领域：${r.fields.join('、')}`,
    `活动形式：${r.forms.join('、')}`,
    `开展方式：${r.modes.join('、')}`,
    `镇街：${r.towns.join('、') || '（未设置）'}${r.places.length ? `；其他地点：${r.places.join('、')}` : ''}`,
    '',
    `任务分解表（${r.rosterSource === 'embedded' ? '内置' : r.rosterSource}）：${r.roster.length} 个单位`,
    ...r.roster.map((u) => `  ${u.name}(${u.kind})${u.quota !== undefined ? ` 任务 ${u.quota} 项` : ''}`),
  ];
  return lines.join('\n') + '\n';
}
