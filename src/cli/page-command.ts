/**
 * `kepuri page [-o FILE] [--config FILE]` (issue 14): the offline page with the rules in force
 * embedded. The page itself is built by `npm run build` (scripts/bundle-page.mjs) into
 * dist/web/; this command copies it with the config file (and the roster it names) filled in,
 * so no bundler is needed at run time.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRules, CONFIG_FILE_NAME } from '../io/config/load-config.js';
import { writeFileAtomic } from '../io/write/write-atomic.js';
import { UsageError } from '../core/errors.js';

export const PAGE_FILE = '科普日活动安排表校验.html';
/** the budget of issue 14: the page is emailed out with the template */
export const PAGE_BUDGET_BYTES = 3 * 1024 * 1024;

export interface PageOptions {
  out?: string;
  config?: string;
}

/** The built page: dist/web/ beside dist/cli/. */
export function builtPagePath(): string {
  return fileURLToPath(new URL(`../web/${PAGE_FILE}`, import.meta.url));
}

/** The rules block of the page: the config's text and the roster file it names, if any. */
export async function embeddedRulesJson(configFile: string | undefined): Promise<string> {
  if (!configFile) return '{}';
  const json = JSON.parse((await fs.readFile(configFile, 'utf8')).replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const files: { name: string; base64: string }[] = [];
  if (typeof json.roster === 'string') {
    // the roster travels inside the page under its base name
    const rosterPath = path.resolve(path.dirname(configFile), json.roster);
    const name = path.basename(rosterPath);
    files.push({ name, base64: (await fs.readFile(rosterPath)).toString('base64') });
    json.roster = name;
  }
  const block = { config: { name: path.basename(configFile), text: JSON.stringify(json, null, 2), files } };
  // `<` escaped: the block sits inside a <script> element
  return JSON.stringify(block).replace(/</g, '\\u003c');
}

export function fillRules(html: string, rulesJson: string): string {
  const open = '<script type="application/json" id="kepuri-rules">';
  const start = html.indexOf(open);
  const end = html.indexOf('</script>', start);
  if (start < 0 || end < 0) throw new UsageError('网页模板已损坏，请重新运行 npm run build');
  return html.slice(0, start + open.length) + rulesJson + html.slice(end);
}

export async function runPage(opts: PageOptions): Promise<number> {
  // the same look-up and checks as every command: a config that does not parse stops here (exit 2)
  const rules = await loadRules({ config: opts.config });
  const configFile = opts.config ? path.resolve(opts.config) : existsSync(CONFIG_FILE_NAME) ? path.resolve(CONFIG_FILE_NAME) : undefined;
  const built = builtPagePath();
  let html: string;
  try {
    html = await fs.readFile(built, 'utf8');
  } catch {
    throw new UsageError(`找不到网页 ${built}，请先运行 npm run build`);
  }
  const out = opts.out ?? PAGE_FILE;
  if (!/\.html?$/i.test(out)) throw new UsageError(`输出文件应以 .html 结尾：${out}`);
  const page = fillRules(html, await embeddedRulesJson(configFile));
  await writeFileAtomic(out, page);
  const bytes = Buffer.byteLength(page);
  const mib = (bytes / 1048576).toFixed(2);
  process.stdout.write(
    `已写出 ${out}（${mib} MiB，${rules.year}年${rules.district}规则${configFile ? '，来自 ' + (opts.config ?? CONFIG_FILE_NAME) : '，内置'}）\n` +
      (bytes > PAGE_BUDGET_BYTES ? `注意：超过 3 MiB，邮件附件可能过大\n` : ''),
  );
  return 0;
}
