/**
 * 活动网址 (SPEC §2): an http(s) address. Labels and brackets around it are dropped
 * (`直播链接:https://…`, `【https://…】`); the address is returned as written, not as the URL
 * class re-serializes it (no added trailing slash, no percent-encoding of Chinese paths).
 * An address without a scheme (`www.example.com/x`) is invalid: the clerk must add http:// or
 * https://, because guessing the scheme can send readers to a site that does not answer.
 * When a cell holds several addresses the first is taken; the cell text stays in `raw`.
 */
import { foldWidth } from './fold-text.js';

export type UrlParse = Readonly<{ kind: 'empty' } | { kind: 'ok'; value: string } | { kind: 'invalid' }>;

/** most rows have no address: one shared result (addresses are nearly all different, so not remembered) */
const EMPTY_URL: UrlParse = Object.freeze({ kind: 'empty' });

const PLACEHOLDER = /^(?:[-—–/\\_.。、]+|无|暂无|空|无网址|无链接)$/;
/** an address runs until white space or punctuation that never ends a URL in Chinese text */
const CANDIDATE = /https?:\/\/[^\s,，。;；、"'“”‘’<>《》（）【】[\]{}|]+/i;

export function parseUrl(text: string): UrlParse {
  const s = foldWidth(text).trim();
  if (s === '' || PLACEHOLDER.test(s)) return EMPTY_URL;
  const m = CANDIDATE.exec(s);
  if (!m) return { kind: 'invalid' };
  let candidate = m[0];
  // sentence punctuation after the address, and a closing bracket of the text around it
  // ((https://a.cn/x)), but not one the address opened itself (…/Foo_(bar))
  for (;;) {
    const trimmed = candidate.replace(/[.:!?]+$/, '');
    const opens = trimmed.split('(').length,
      closes = trimmed.split(')').length;
    const next = trimmed.endsWith(')') && closes > opens ? trimmed.slice(0, -1) : trimmed;
    if (next === candidate) break;
    candidate = next;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { kind: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'invalid' };
  const labels = url.hostname.split('.');
  // a dot and no empty label: example.com, not 'localhost', 'example.' or 'a..b'
  if (labels.length < 2 || labels.some((l) => l === '')) return { kind: 'invalid' };
  return { kind: 'ok', value: candidate };
}
