/** What a message table is, and the small helpers both languages use. */
import type { FindingCode, FindingOf, FindingParamsByCode } from '../finding.js';

/** One template per code; each reads only the params its code carries. */
export type Templates = { [C in FindingCode]: (f: FindingOf<C>, p: FindingParamsByCode[C]) => string };

/** A quoted value, cut at 40 characters. */
export const q = (v: string | undefined) => (v === undefined ? '' : `「${v.length > 40 ? v.slice(0, 40) + '…' : v}」`);
/** The column's header as written in the file. */
export const col = (f: { column?: string }) => f.column ?? '';
