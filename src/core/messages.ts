/**
 * Messages are kept apart from the data (zod-style): stages emit codes and params, `renderMessage`
 * writes the sentence at output time in the user's language. One file per language in
 * ./messages/ (zh.ts, en.ts); both must have every code, which their `Templates` type enforces.
 */
import type { Finding } from './finding.js';
import { EN } from './messages/en.js';
import type { Templates } from './messages/templates.js';
import { ZH } from './messages/zh.js';

export { MARK_WORDS } from './messages/zh.js';

export type Lang = 'zh' | 'en';

export function renderMessage(f: Finding, lang: Lang = 'zh'): string {
  const table: Templates = lang === 'en' ? EN : ZH;
  // the union `Finding` is keyed on code: its params are the params of table[f.code]
  const template = table[f.code] as (f: Finding, p: object) => string;
  return template(f, f.params ?? {});
}
