/** `kepuri init [--year N]`: write a complete config to edit. */
import { existsSync } from 'node:fs';
import { makeConfig } from '../core/config/make-config.js';
import { writeFileAtomic } from '../io/write/write-atomic.js';
import { UsageError } from '../core/errors.js';

export async function runInit(opts: { year?: string; out: string; force?: boolean }): Promise<number> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year 应为四位年份，如 2024`);
  }
  if (existsSync(opts.out) && !opts.force) throw new UsageError(`${opts.out} 已存在；如要覆盖请加 --force`);
  const config = makeConfig(year);
  await writeFileAtomic(opts.out, JSON.stringify(config, null, 2) + '\n');
  process.stdout.write(`已写出 ${opts.out}（${config.year}年 ${config.district}），请按当年通知修改日期和主题。\n`);
  return 0;
}
