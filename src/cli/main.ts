/**
 * The command-line shell: parse flags, call the core, render, return the exit code. Commands are
 * imported lazily so `kepuri --help` and `--version` never load exceljs or SheetJS.
 */
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { isUsageError } from './usage-error.js';

// bin/kepuri.js runs this module bundled with commander into one CommonJS file
// (dist/cli/main.cjs, scripts/bundle-cli.mjs): loading commander's six files through Node's ESM
// loader was most of `kepuri --help`'s time over Node's own start (issue 6: under 0.15 s). The
// commands stay separate modules, imported when run.
const require = createRequire(import.meta.url);

const langOption = () => new Option('--lang <lang>', '信息语言 message language').choices(['zh', 'en']).default('zh');

export async function main(argv: string[]): Promise<number> {
  const pkg = require('../../package.json') as { version: string };
  let exitCode = 0;
  const program = new Command();
  program
    .name('kepuri')
    .description('全国科普日活动安排表:校验、汇总、统计 (National Science Popularization Day schedules: validate, merge, report)')
    .version(pkg.version, '-V, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand(false)
    .showHelpAfterError('（用 kepuri --help 查看用法）')
    .exitOverride();

  program
    .command('validate')
    .description('校验一个或多个活动安排表 (validate schedules, each on its own)')
    .argument('<files...>', '活动安排表文件 (.xlsx .xls .et .ods .csv)')
    .option('--json', '输出 JSON 报告到标准输出')
    .option('--annotate <dir>', '为有问题的文件写出批注副本和回复文本到此文件夹')
    .option('--config <file>', '规则配置文件 (默认:当前文件夹的 kepuri.config.json,否则内置默认规则)')
    .addOption(langOption())
    .action(async (files: string[], opts) => {
      const { runValidate } = await import('./validate-command.js');
      exitCode = await runValidate(files, opts);
    });

  program
    .command('merge')
    .description('汇总收件箱:附件、.eml 邮件、.zip 打包下载 (merge an inbox into the master table)')
    .argument('<inputs...>', '文件或文件夹')
    .option('-o, --out <dir>', '输出文件夹', 'kepuri-out')
    .option('--roster <file>', '附件1 任务分解表 (.xlsx 或 .csv)')
    .option('--received <file>', '报送时间清单 CSV (文件名,接收时间)')
    .option('--keep-all', '保留同一单位的全部报送 (不以最新替代)')
    .option('--feedback', '为每个有问题的单位写出批注副本和回复文本 (反馈/)')
    .option('--json', '输出 JSON 报告到标准输出')
    .option('--config <file>', '规则配置文件')
    .addOption(langOption())
    .action(async (inputs: string[], opts) => {
      const { runMerge } = await import('./merge-command.js');
      exitCode = await runMerge(inputs, opts);
    });

  program
    .command('template')
    .description('生成空白附件2 活动安排表 (write the blank template)')
    .option('-o, --out <file>', '输出文件')
    .option('--unit <name>', '预填填报单位')
    .option('--config <file>', '规则配置文件')
    .action(async (opts) => {
      const { runTemplate } = await import('./template-command.js');
      exitCode = await runTemplate(opts);
    });

  program
    .command('page')
    .description('写出离线校验网页(单位自查、科协汇总) (write the offline page)')
    .option('-o, --out <file>', '输出文件', '科普日活动安排表校验.html')
    .option('--config <file>', '规则配置文件')
    .action(async (opts) => {
      const { runPage } = await import('./page-command.js');
      exitCode = await runPage(opts);
    });

  program
    .command('summary')
    .description('由(手工修改过的)活动汇总表重建汇总统计 (rebuild the summary workbook)')
    .argument('<master>', '活动汇总表.xlsx')
    .option('-o, --out <file>', '输出文件', '汇总统计.xlsx')
    .option('--roster <file>', '附件1 任务分解表')
    .option('--config <file>', '规则配置文件')
    .addOption(langOption())
    .action(async (master: string, opts) => {
      const { runSummary } = await import('./summary-command.js');
      exitCode = await runSummary(master, opts);
    });

  program
    .command('init')
    .description('写出一份可编辑的规则配置 kepuri.config.json (write a config to edit)')
    .option('--year <year>', '活动年份')
    .option('-o, --out <file>', '输出文件', 'kepuri.config.json')
    .option('--force', '覆盖已有文件')
    .action(async (opts) => {
      const { runInit } = await import('./init-command.js');
      exitCode = await runInit(opts);
    });

  program
    .command('rules')
    .description('显示当前生效的规则 (print the rules in force)')
    .option('--json', '输出 JSON')
    .option('--config <file>', '规则配置文件')
    .option('--roster <file>', '附件1 任务分解表')
    .action(async (opts) => {
      const { runRules } = await import('./rules-command.js');
      exitCode = await runRules(opts);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : 2;
    }
    if (isUsageError(err)) {
      process.stderr.write(`kepuri: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}
