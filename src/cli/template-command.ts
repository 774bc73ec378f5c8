/** `kepuri template [-o FILE] [--unit NAME]`: the blank 附件2 for the rules in force. */
import { loadRules } from '../io/config/load-config.js';
import { UsageError } from '../core/errors.js';

export async function runTemplate(opts: { out?: string; unit?: string; config?: string }): Promise<number> {
  const rules = await loadRules({ config: opts.config });
  const out = opts.out ?? `附件2-活动安排表-${rules.year}${opts.unit ? '-' + safeName(opts.unit) : ''}.xlsx`;
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`输出文件应以 .xlsx 结尾：${out}`);
  const { writeTemplate } = await import('../io/write/write-template.js');
  await writeTemplate(out, rules, opts.unit ? { unit: opts.unit } : {});
  process.stdout.write(`已写出 ${out}\n`);
  return 0;
}

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '');
}
