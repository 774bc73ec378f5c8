/**
 * Received follow-up materials (issue 15): what kind each file is (总结, PPT, 图片, 视频, 汇总表),
 * from its type (sniffed by the io layer), then its extension, then words in its name; and which
 * unit sent it, with the same unit matcher as the merge (sender address, then the file's own name,
 * its containers' names, the mail's subject and sender name).
 */
import type { RosterUnit } from '../config/schema.js';
import { findUnitInText } from '../units/find-unit-in-text.js';
import type { UnitMatcher } from '../units/match-unit.js';
import { foldKey } from '../values/fold-text.js';

export const MATERIAL_KINDS = ['总结', 'PPT', '图片', '视频', '汇总表'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** What the io layer knows of a file's content from its first bytes. */
export type SniffedType = 'word' | 'pdf' | 'presentation' | 'image' | 'video' | 'spreadsheet' | 'text' | 'unknown';

export interface ReceivedMaterial {
  /** provenance path: 'materials/a.eml#b.zip#c.pptx' */
  path: string;
  /** base name */
  name: string;
  type: SniffedType;
  /** ISO 8601 with offset, when known */
  receivedAt?: string;
  receivedFrom?: 'eml' | 'manifest';
  email?: { from?: string; fromName?: string; subject?: string };
}

export interface Material extends ReceivedMaterial {
  kind?: MaterialKind;
  unit?: string;
}

const EXT_KIND: Record<string, MaterialKind> = {};
for (const e of ['ppt', 'pptx', 'pps', 'ppsx', 'dps', 'odp', 'key']) EXT_KIND[e] = 'PPT';
for (const e of ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'heic', 'heif', 'webp', 'tif', 'tiff']) EXT_KIND[e] = '图片';
for (const e of ['mp4', 'mov', 'avi', 'wmv', 'mkv', 'flv', 'm4v', '3gp', 'mpg', 'mpeg', 'webm']) EXT_KIND[e] = '视频';
for (const e of ['xlsx', 'xls', 'xlsm', 'et', 'ods', 'csv']) EXT_KIND[e] = '汇总表';
for (const e of ['doc', 'docx', 'wps', 'pdf', 'txt', 'rtf', 'odt']) EXT_KIND[e] = '总结';

const TYPE_KIND: Partial<Record<SniffedType, MaterialKind>> = {
  presentation: 'PPT',
  image: '图片',
  video: '视频',
  spreadsheet: '汇总表',
  word: '总结',
  pdf: '总结',
};

const NAME_WORDS: [RegExp, MaterialKind][] = [
  [/ppt|演示文稿|课件/i, 'PPT'],
  [/视频|录像|短片/, '视频'],
  [/照片|图片|相片|剪影/, '图片'],
  [/汇总表|统计表/, '汇总表'],
  [/总结|小结|工作报告/, '总结'],
];

/** The kind of a material: a PDF named …PPT.pdf is the PPT, a Word file named …汇总表 is the 汇总表. */
export function classifyMaterial(name: string, type: SniffedType): MaterialKind | undefined {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  const byContent = TYPE_KIND[type] ?? (ext ? EXT_KIND[ext] : undefined);
  // media are what their bytes say; a document or sheet may be a PPT exported to PDF, a table as Word
  if (byContent === '图片' || byContent === '视频') return byContent;
  const stem = name.replace(/\.[^.]*$/, '');
  for (const [re, kind] of NAME_WORDS) if (re.test(stem)) return kind === '图片' || kind === '视频' ? (byContent ?? kind) : kind;
  return byContent;
}

/** Which roster unit sent it; undefined when nothing names one. */
export function unitOfMaterial(m: ReceivedMaterial, matcher: UnitMatcher, prefixes: string[]): RosterUnit | undefined {
  if (m.email?.from) {
    const u = matcher.matchEmail(m.email.from);
    if (u) return u;
  }
  // the file's own name, then its containers' (a zip named after the unit), innermost first
  const names = m.path
    .split('#')
    .reverse()
    .map((p) => p.split(/[\\/]/).pop() ?? p);
  const dirs = (m.path.split('#')[0] ?? '').split(/[\\/]/).slice(0, -1).reverse();
  for (const text of [...names, m.email?.subject, m.email?.fromName, ...dirs]) {
    if (!text) continue;
    const found = findUnitInText(text, matcher, prefixes);
    if (found?.unit) return found.unit;
  }
  return undefined;
}

/** Does a material's name name this activity (its folded name inside the file or subject)? */
export function materialNamesActivity(m: ReceivedMaterial, activityName: string): boolean {
  const key = foldKey(activityName).replace(/[《》“”"「」]/g, '');
  if (key.length < 4) return false;
  return [m.path, m.email?.subject ?? ''].some((t) =>
    foldKey(t)
      .replace(/[《》“”"「」]/g, '')
      .includes(key),
  );
}

export function resolveMaterials(list: readonly ReceivedMaterial[], matcher: UnitMatcher, prefixes: string[]): Material[] {
  return list.map((m) => {
    const kind = classifyMaterial(m.name, m.type);
    const unit = unitOfMaterial(m, matcher, prefixes)?.name;
    return { ...m, ...(kind ? { kind } : {}), ...(unit ? { unit } : {}) };
  });
}
