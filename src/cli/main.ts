/**
 * The command-line shell: parse flags, call the core, render, return the exit code. Commands are
 * imported lazily so `kepuri --help` and `--version` never load exceljs or SheetJS.
 */
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';

// bin/kepuri.js runs this module bundled with commander into one CommonJS file
// (dist/cli/main.cjs, scripts/bundle-cli.mjs): loading commander's six files through Node's ESM
// loader was most of `kepuri --help`'s time over Node's own start (issue 6: under 0.15 s). The
// commands stay separate modules, imported when run.
const require = createRequire(import.meta.url);

/** `--lang en` anywhere on the command line switches the help too (commander has not parsed yet). */
function helpLang(argv: string[]): 'zh' | 'en' {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

const ZH_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** commander's own words in Chinese: section titles, [options], (default: …), (choices: …), its errors. */
function chineseHelp(program: Command): void {
  program.configureHelp({
    displayWidth: wideWidth,
    styleTitle: (title) => ZH_TITLES[title] ?? title,
    commandUsage(cmd) {
      let name = cmd.name();
      for (let p = cmd.parent; p; p = p.parent) name = `${p.name()} ${name}`;
      return `${name} ${chineseTerm(cmd, true)}`.trim();
    },
    subcommandTerm: (cmd) => `${cmd.name()} ${chineseTerm(cmd, false)}`.trim(),
    optionDescription(option) {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`可选：${option.argChoices.join('、')}`);
      if (option.defaultValue !== undefined && !option.negate && typeof option.defaultValue !== 'boolean') {
        extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
      }
      return extra.length ? `${option.description}（${extra.join('，')}）` : option.description;
    },
  });
  program.configureOutput({
    outputError: (text, write) => write(chineseError(text)),
  });
}

/** Columns a string takes on a terminal: Chinese characters and full-width marks take two (commander counts one). */
function wideWidth(str: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = str.replace(/\x1b\[[0-9;]*m/g, '');
  let w = 0;
  for (const ch of plain) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

/** `[选项] <输入…>`: a command's options and arguments as its usage line shows them. */
function chineseTerm(cmd: Command, withCommands: boolean): string {
  const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '…' : ''}>` : `[${a.name()}${a.variadic ? '…' : ''}]`));
  const parts = [withCommands && cmd.commands.length > 0 ? '[命令]' : '', cmd.options.length > 0 ? '[选项]' : '', ...args];
  return parts.filter((p) => p !== '').join(' ');
}

/** commander's error lines, in Chinese (the rest of its text is kept). */
function chineseError(text: string): string {
  return text
    .replace(/^error: unknown option '([^']*)'(\n?\(Did you mean ([^)]*)\?\))?/m, (_m, o, _d, s) => `错误：未知选项 ${o}${s ? `（是否为 ${s}？）` : ''}`)
    .replace(/^error: unknown command '([^']*)'(\n?\(Did you mean ([^)]*)\?\))?/m, (_m, c, _d, s) => `错误：未知命令 ${c}${s ? `（是否为 ${s}？）` : ''}`)
    .replace(/^error: missing required argument '([^']*)'/m, '错误：缺少参数 $1')
    .replace(/^error: option '([^']*)' argument missing/m, '错误：选项 $1 缺少取值')
    .replace(/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./m, '错误：选项 $1 的取值 $2 无效，可选：$3')
    .replace(
      /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./m,
      (_m, c, e, g) => `错误：${c ? `${c} ` : ''}参数过多，应为 ${e} 个，实际 ${g} 个`,
    )
    .replace(/^error: /m, '错误：');
}

/** What every command's declaration needs: the help language and the shared options. */
interface CommandContext {
  t: (zh: string, english: string) => string;
  langOption: () => Option;
  configOption: () => Option;
  examples: (lines: [string, string, string][]) => string;
  /** set by the command that ran */
  exitCode: number;
}

function createCommandContext(en: boolean): CommandContext {
  const t = (zh: string, english: string) => (en ? english : zh);
  return {
    t,
    langOption: () => new Option('--lang <lang>', t('信息语言（en 为英文）', 'message language')).choices(['zh', 'en']).default('zh'),
    configOption: () =>
      new Option(
        '--config <file>',
        t(
          '规则配置文件（默认：当前文件夹的 kepuri.config.json，否则内置默认规则）',
          'rules config file (default: ./kepuri.config.json, else the built-in rules)',
        ),
      ),
    examples: (lines) => '\n' + t('示例：', 'Examples:') + '\n' + lines.map(([cmd, zh, english]) => `  ${cmd}\n      ${t(zh, english)}`).join('\n') + '\n',
    exitCode: 0,
  };
}

/** The program itself: name, version, help switches and the examples under `kepuri --help`. */
function createProgram(en: boolean, ctx: CommandContext): Command {
  const { t, examples } = ctx;
  const pkg = require('../../package.json') as { version: string };
  const program = new Command();
  if (en) program.configureHelp({ displayWidth: wideWidth });
  else chineseHelp(program);
  program
    .name('kepuri')
    .description(t('全国科普日活动安排表：校验、汇总、统计', 'National Science Popularization Day schedules: validate, merge, report'))
    .version(pkg.version, '-V, --version', t('显示版本', 'print the version'))
    .helpOption('-h, --help', t('显示帮助', 'display help'))
    .addHelpCommand(false)
    .showHelpAfterError(t('（用 kepuri --help 查看用法）', '(see kepuri --help)'))
    .exitOverride()
    .addHelpText(
      'after',
      examples([
        [
          'kepuri merge 收件箱/ --roster 附件1.xlsx -o 输出/ --feedback',
          '汇总收件箱，写出汇总表、统计、通报和给各单位的回复',
          'merge an inbox; write the master, summary, notice and replies',
        ],
        ['kepuri validate 某单位活动安排表.xlsx', '校验一份表', 'check one file'],
        ['kepuri merge --help', '查看某个命令的用法', 'help for one command'],
      ]),
    );
  return program;
}

// One declaration per command (options, help in both languages, examples); each action is one
// lazy import, so --help loads none of them.
function addValidateCommand(program: Command, ctx: CommandContext): void {
  const { t, langOption, configOption, examples } = ctx;
  program
    .command('validate')
    .description(t('校验一个或多个活动安排表（每个文件单独校验）', 'validate schedules, each on its own'))
    .argument(
      t('<文件...>', '<files...>'),
      t(
        '活动安排表文件（.xlsx .xls .et .ods .csv，也可以是 .eml 邮件或 .zip 压缩包）',
        'schedule files (.xlsx .xls .et .ods .csv, or .eml messages and .zip archives)',
      ),
    )
    .option('--json', t('输出 JSON 报告到标准输出', 'print the JSON report to standard output'))
    .option('--annotate <dir>', t('为有问题的文件写出批注副本和回复文本到此文件夹', 'write annotated copies and replies to this folder'))
    .addOption(new Option('--letters-lang <lang>', t('回复和批注的语言，默认中文', 'language of replies and notes (default Chinese)')).choices(['zh', 'en']))
    .addOption(configOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        ['kepuri validate 官陡街道活动安排表.xlsx', '校验一份表，逐条列出问题所在的单元格和改法', 'check one file, listing each problem with its cell'],
        [
          'kepuri validate 来信.eml --annotate 反馈/',
          '校验邮件附件，并写出标注副本和回复',
          'check a message’s attachments and write the annotated copy and reply',
        ],
      ]),
    )
    .action(async (files: string[], opts) => {
      const { runValidate } = await import('./validate-command.js');
      ctx.exitCode = await runValidate(files, opts);
    });
}

function addMergeCommand(program: Command, ctx: CommandContext): void {
  const { t, langOption, configOption, examples } = ctx;
  program
    .command('merge')
    .description(t('汇总收件箱：附件、.eml 邮件、.zip 打包下载', 'merge an inbox (attachments, .eml messages, .zip downloads) into the master table'))
    .argument(t('<输入...>', '<inputs...>'), t('文件或文件夹', 'files or folders'))
    .option('-o, --out <dir>', t('输出文件夹', 'output folder'), 'kepuri-out')
    .option('--roster <file>', t('附件1 任务分解表（.xlsx 或 .csv）', 'the roster, 附件1 (.xlsx or .csv)'))
    .option('--received <file>', t('报送时间清单 CSV（文件名，接收时间）', 'CSV of file names and receive times'))
    .option('--keep-all', t('保留同一单位的全部报送（不以最新替代）', 'keep every submission of a unit, not just the latest'))
    .option('--feedback', t('为每个需要修改的单位写出批注副本和回复文本（反馈/）', 'write annotated copies and replies for units (反馈/)'))
    .option(
      '--notice',
      t('在标准输出打印报送情况通报（也写入 报送情况通报.txt）', 'print the submission notice to standard output (also written to 报送情况通报.txt)'),
    )
    .addOption(new Option('--letters-lang <lang>', t('回复和批注的语言，默认中文', 'language of replies and notes (default Chinese)')).choices(['zh', 'en']))
    .option('--json', t('输出 JSON 报告到标准输出', 'print the JSON report to standard output'))
    .addOption(configOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        [
          'kepuri merge 收件箱/ --roster 附件1.xlsx --received 接收时间.csv -o 输出/ --feedback',
          '汇总收件箱，写出汇总表、统计、通报和反馈/',
          'merge the inbox; write the master, summary, notice and 反馈/',
        ],
        [
          'kepuri merge 收件箱/ --roster 附件1.xlsx -o 输出/ --notice',
          '只在屏幕上打印报送情况通报，便于复制到工作群',
          'print the notice alone, ready to paste',
        ],
      ]),
    )
    .action(async (inputs: string[], opts) => {
      const { runMerge } = await import('./merge-command.js');
      ctx.exitCode = await runMerge(inputs, opts);
    });
}

function addTemplateCommand(program: Command, ctx: CommandContext): void {
  const { t, configOption, examples } = ctx;
  program
    .command('template')
    .description(t('生成空白附件2 活动安排表', 'write the blank template (附件2)'))
    .option('-o, --out <file>', t('输出文件', 'output file'))
    .option('--unit <name>', t('预填填报单位', 'fill in the unit’s name'))
    .addOption(configOption())
    .addHelpText(
      'after',
      examples([
        ['kepuri template', '按内置规则生成空白附件2', 'the blank template for the built-in rules'],
        ['kepuri template --unit 官陡街道 -o 官陡街道-附件2.xlsx', '预填单位名称', 'with the unit’s name filled in'],
      ]),
    )
    .action(async (opts) => {
      const { runTemplate } = await import('./template-command.js');
      ctx.exitCode = await runTemplate(opts);
    });
}

function addPageCommand(program: Command, ctx: CommandContext): void {
  const { t, configOption } = ctx;
  program
    .command('page')
    .description(t('写出离线校验网页（单位自查、科协汇总）', 'write the offline page (units check, the association merges)'))
    .option('-o, --out <file>', t('输出文件', 'output file'), '科普日活动安排表校验.html')
    .addOption(configOption())
    .action(async (opts) => {
      const { runPage } = await import('./page-command.js');
      ctx.exitCode = await runPage(opts);
    });
}

function addSummaryCommand(program: Command, ctx: CommandContext): void {
  const { t, langOption, configOption, examples } = ctx;
  program
    .command('summary')
    .description(t('由（手工修改过的）活动汇总表重建汇总统计', 'rebuild the summary workbook from a master table'))
    .argument(t('<汇总表>', '<master>'), t('活动汇总表.xlsx', 'the master table (活动汇总表.xlsx)'))
    .option('-o, --out <file>', t('输出文件', 'output file'), '汇总统计.xlsx')
    .option('--roster <file>', t('附件1 任务分解表', 'the roster, 附件1'))
    .addOption(configOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        [
          'kepuri summary 输出/活动汇总表.xlsx --roster 附件1.xlsx -o 输出/汇总统计.xlsx',
          '手工改过汇总表后重新统计',
          'recount after editing the master by hand',
        ],
      ]),
    )
    .action(async (master: string, opts) => {
      const { runSummary } = await import('./summary-command.js');
      ctx.exitCode = await runSummary(master, opts);
    });
}

function addFollowUpCommand(program: Command, ctx: CommandContext): void {
  const { t, langOption, configOption } = ctx;
  program
    .command('follow-up')
    .description(t('活动后续跟进：网站发布、补充信息、活动总结、镇街工作总结', 'track the follow-up: website, supplementary info, activity and town summaries'))
    .argument(
      t('<汇总表>', '<master>'),
      t('活动汇总表.xlsx（可手工填写“已在科普日网站发布”“新闻报道链接”等列）', 'the master table (its follow-up columns may be filled in by hand)'),
    )
    .option('--as-of <date>', t('按此日期判断是否逾期（默认今天，北京时间）', 'judge overdue items as of this date (default today, Beijing time)'))
    .option(
      '--materials <dir>',
      t('收到的材料文件夹（邮件、.eml、.zip、总结、PPT、照片、视频）', 'folder of materials received (mail, .eml, .zip, summaries, slides, photos)'),
    )
    .option('--received <file>', t('材料接收时间清单 CSV（文件名，接收时间）', 'CSV of file names and receive times'))
    .option('-o, --out <dir>', t('输出文件夹', 'output folder'), 'kepuri-out/跟进')
    .option('--roster <file>', t('附件1 任务分解表', 'the roster, 附件1'))
    .option('--json', t('输出 JSON 报告到标准输出', 'print the JSON report to standard output'))
    .addOption(configOption())
    .addOption(langOption())
    .action(async (master: string, opts) => {
      const { runFollowUp } = await import('./follow-up-command.js');
      ctx.exitCode = await runFollowUp(master, opts);
    });
}

function addInitCommand(program: Command, ctx: CommandContext): void {
  const { t, examples } = ctx;
  program
    .command('init')
    .description(t('写出一份可编辑的规则配置 kepuri.config.json', 'write a config file to edit (kepuri.config.json)'))
    .option('--year <year>', t('活动年份', 'campaign year'))
    .option('-o, --out <file>', t('输出文件', 'output file'), 'kepuri.config.json')
    .option('--force', t('覆盖已有文件', 'overwrite an existing file'))
    .addHelpText('after', examples([['kepuri init --year 2024', '生成 2024 年的配置，再按当年通知修改', 'a config for 2024, to edit from that year’s notice']]))
    .action(async (opts) => {
      const { runInit } = await import('./init-command.js');
      ctx.exitCode = await runInit(opts);
    });
}

function addRulesCommand(program: Command, ctx: CommandContext): void {
  const { t, configOption, examples } = ctx;
  program
    .command('rules')
    .description(t('显示当前生效的规则', 'print the rules in force'))
    .option('--json', t('输出 JSON', 'print JSON'))
    .addOption(configOption())
    .option('--roster <file>', t('附件1 任务分解表', 'the roster, 附件1'))
    .addHelpText(
      'after',
      examples([
        ['kepuri rules', '显示内置规则或当前文件夹的 kepuri.config.json', 'the built-in rules, or ./kepuri.config.json'],
        ['kepuri rules --config 2024.json --roster 附件1.xlsx', '检查新一年的配置和任务分解表', 'check a new year’s config and roster'],
      ]),
    )
    .action(async (opts) => {
      const { runRules } = await import('./rules-command.js');
      ctx.exitCode = await runRules(opts);
    });
}

export async function main(argv: string[]): Promise<number> {
  const en = helpLang(argv) === 'en';
  const ctx = createCommandContext(en);
  const program = createProgram(en, ctx);
  addValidateCommand(program, ctx);
  addMergeCommand(program, ctx);
  addTemplateCommand(program, ctx);
  addPageCommand(program, ctx);
  addSummaryCommand(program, ctx);
  addFollowUpCommand(program, ctx);
  addInitCommand(program, ctx);
  addRulesCommand(program, ctx);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : 2;
    }
    // imported here, not at the top: the start-up bundle (main.cjs) must share the commands' copy
    // of the class for instanceof, and must not load core modules for --help
    const { UsageError } = await import('../core/errors.js');
    if (err instanceof UsageError) {
      process.stderr.write(`kepuri: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return ctx.exitCode;
}
