/**
 * Finding and loading the rules in force: `--config FILE`, else ./kepuri.config.json, else the
 * embedded 2023 鸠江区 defaults (core/config/defaults-2023.ts); then the roster from `--roster`, the config, or the embedded list.
 * A config or roster that does not parse throws UsageError naming the file and the JSON path or
 * cell (the CLI prints it and exits 2, writing nothing).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { DEFAULTS_2023 } from '../../core/config/defaults-2023.js';
import { resolveRules } from '../../core/config/resolve-rules.js';
import type { RosterUnit, Config, WrittenConfig } from '../../core/config/schema.js';
import { parseRoster } from '../../core/units/parse-roster.js';
import { readWorkbook } from '../read/read-workbook.js';

export const CONFIG_FILE_NAME = 'kepuri.config.json';

export interface LoadRulesOptions {
  config?: string;
  roster?: string;
  cwd?: string;
}

export async function loadRules(opts: LoadRulesOptions = {}): Promise<Config> {
  const cwd = opts.cwd ?? process.cwd();
  let written: WrittenConfig = DEFAULTS_2023;
  let source = 'embedded';
  const configPath = opts.config ? path.resolve(cwd, opts.config) : path.join(cwd, CONFIG_FILE_NAME);
  if (opts.config || existsSync(configPath)) {
    // zod and the schema load only when there is a file to check (the embedded defaults are
    // checked by the tests), which keeps ~0.1 s off every run without a config file
    const { parseConfigFile } = await import('./parse-config.js');
    written = parseConfigFile(configPath, opts.config ?? CONFIG_FILE_NAME);
    source = opts.config ?? CONFIG_FILE_NAME;
  }
  let loaded: { units: RosterUnit[]; source: string } | undefined;
  if (opts.roster) {
    loaded = { units: await loadRosterFile(path.resolve(cwd, opts.roster), opts.roster), source: opts.roster };
  } else if (typeof written.roster === 'string') {
    const base = source === 'embedded' ? cwd : path.dirname(configPath);
    loaded = { units: await loadRosterFile(path.resolve(base, written.roster), written.roster), source: written.roster };
  } else if (source === 'embedded') {
    loaded = { units: DEFAULTS_2023.roster as RosterUnit[], source: 'embedded' };
  }
  return resolveRules(written, source, loaded);
}

export async function loadRosterFile(file: string, shown: string): Promise<RosterUnit[]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`找不到任务分解表 ${shown}`);
  }
  const read = await readWorkbook(bytes, shown);
  if (!read.ok) throw new UsageError(`任务分解表 ${shown} 无法读取`);
  const { units, errors } = parseRoster(read.workbook, shown);
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((e) => `  ${e.cell ? e.cell + ': ' : ''}${e.message}`);
    throw new UsageError(`任务分解表 ${shown} 有误：\n${lines.join('\n')}`);
  }
  if (units.length === 0) throw new UsageError(`任务分解表 ${shown} 中没有单位`);
  return units;
}
