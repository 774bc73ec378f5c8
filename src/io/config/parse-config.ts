/**
 * A kepuri.config.json checked against the zod schema (SPEC §4): errors name the file and the
 * JSON path. Loaded by load-config.ts only when a config file exists.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { UsageError } from '../../core/errors.js';
import { writtenConfigSchema, type WrittenConfig } from '../../core/config/schema.js';

export function parseConfigFile(file: string, shown: string): WrittenConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`找不到配置文件 ${shown}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const where = m ? `第 ${lineOf(text, Number(m[1]))} 行` : '';
    throw new UsageError(`配置文件 ${shown} ${where}不是有效的 JSON:${(err as Error).message}`);
  }
  return validateConfig(json, shown);
}

export function validateConfig(json: unknown, shown: string): WrittenConfig {
  const parsed = writtenConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new UsageError(formatConfigIssues(parsed.error, shown));
}

export function formatConfigIssues(error: z.ZodError, shown: string): string {
  const lines = error.issues.slice(0, 10).map((i) => `  ${jsonPath(i.path)}: ${i.message}`);
  return `配置文件 ${shown} 有误：\n${lines.join('\n')}`;
}

/** ['windows','concentrated','start'] → $.windows.concentrated.start; [categories, 2, name] → $.categories[2].name */
function jsonPath(p: readonly PropertyKey[]): string {
  return '$' + p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
}

function lineOf(text: string, pos: number): number {
  return text.slice(0, pos).split('\n').length;
}
