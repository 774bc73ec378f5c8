/**
 * Text folding (SPEC §2, §3). Three strengths:
 * - `normalizeText`: what we store — trim, full-width letters/digits/space to half-width,
 *   inner white space collapsed, Chinese punctuation kept as written;
 * - `foldKey`: what we compare values with — normalizeText, all white space and quote marks removed,
 *   full-width ASCII punctuation folded too, letters lower-cased;
 * - `foldHeader`: what we match headers with — foldKey, then brackets and their contents removed
 *   (`预计参与人数(人)` → `预计参与人数`).
 */

/** Full-width ASCII (U+FF01–FF5E) → ASCII; ideographic space → space. */
const WIDE = /[\uff01-\uff5e\u3000]/;

export function foldWidth(s: string): string {
  if (!WIDE.test(s)) return s; // the common case: nothing to fold, no copy
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Full-width letters and digits only (Chinese punctuation such as ，：（ stays as written). */
const WIDE_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/;

function foldAlnumWidth(s: string): string {
  if (!WIDE_ALNUM.test(s)) return s;
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const WHITE_SPACE_RUN = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

/** White space other than single inner ASCII spaces: only then is there anything to collapse or trim. */
const UNTIDY_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

export function normalizeText(s: string): string {
  return isTidy(s) ? s : normalizeUntidy(s);
}

/**
 * True when normalizeText has nothing to do: no full-width letter, digit or space, no white space
 * but single inner ASCII spaces. Most cells are like this; one pass over the characters instead
 * of two regular expressions. (It may say false for a text that needs nothing: that only costs the
 * full path.)
 */
function isTidy(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) {
      if (c !== 0x20 || s.charCodeAt(i + 1) === 0x20) return false;
    } else if (c >= 0x80) {
      if (c < 0x3000) {
        if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) return false;
      } else if (c === 0x3000 || c === 0xfeff || (c >= 0xff10 && c <= 0xff5a)) return false;
    }
  }
  return true;
}

function normalizeUntidy(s: string): string {
  const t = foldAlnumWidth(s);
  return UNTIDY_SPACE.test(t) ? t.replace(WHITE_SPACE_RUN, ' ').trim() : t;
}

const QUOTES = /["'“”‘’「」『』《》〈〉]/g;

const SPACE_OR_QUOTE = /[\s\u00a0\u2000-\u200b\u3000\ufeff"'“”‘’「」『』《》〈〉]/;

export function foldKey(s: string): string {
  const w = foldWidth(s);
  return (SPACE_OR_QUOTE.test(w) ? w.replace(WHITE_SPACE_RUN, '').replace(QUOTES, '') : w).toLowerCase();
}

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>/g;

export function foldHeader(s: string): string {
  let k = foldKey(s);
  // repeat for nested brackets like (单位(盖章))
  for (let i = 0; i < 3 && /[([【〔<]/.test(k); i++) k = k.replace(BRACKETED, '');
  // a trailing colon or asterisk marks a required field in many templates: 活动名称*、活动名称:
  return k.replace(/[*:※]+$/g, '').replace(/^[*※]+/, '');
}

/**
 * V8 keeps a substring of 13 or more characters as a view into the string it was cut from: a
 * cell's text can hold a whole XML part (tens of KB) alive for as long as the text lives. A copy
 * made through a fresh string does not. Shorter substrings are copies already.
 */
export const MIN_VIEW_LENGTH = 13;

export function detachText(s: string): string {
  return s.length < MIN_VIEW_LENGTH ? s : (' ' + s).slice(1);
}

/**
 * A small direct-mapped memo from text to a value: one slot per text, picked from its length and
 * a few of its characters, and a newer text simply takes the slot. For texts that are mostly
 * different (names, summaries, phone numbers) where a large Map would cost more in cache misses
 * than it saves; equal texts close together (the rows of one file) still meet. Keys are detached
 * (see `detachText`).
 */
export class TextSlots<V> {
  private readonly keys: (string | undefined)[];
  private readonly values: (V | undefined)[];
  private readonly mask: number;
  constructor(bits = 12) {
    this.keys = new Array<string | undefined>(1 << bits).fill(undefined);
    this.values = new Array<V | undefined>(1 << bits).fill(undefined);
    this.mask = (1 << bits) - 1;
  }
  private slot(s: string): number {
    const n = s.length;
    if (n === 0) return 0;
    let h = Math.imul(n, 0x9e3779b1) ^ s.charCodeAt(0);
    h = Math.imul(h, 31) ^ s.charCodeAt(n >> 1);
    h = Math.imul(h, 31) ^ s.charCodeAt(n - 1);
    if (n > 2) h = Math.imul(h, 31) ^ s.charCodeAt(n - 2);
    return (h ^ (h >>> 15)) & this.mask;
  }
  get(key: string): V | undefined {
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i] : undefined;
  }
  /** Remember `compute(k)` for `key`, where `k` is a detached copy of `key`. */
  add(key: string, compute: (key: string) => V): V {
    const k = detachText(key);
    const value = compute(k);
    const i = this.slot(k);
    this.keys[i] = k;
    this.values[i] = value;
    return value;
  }
}

/**
 * A bounded memo for pure parsers: the same few date, count and enum texts come back on every
 * row of a province, so equal inputs share one (frozen) result instead of parsing it again and
 * keeping a copy per row. Dropped wholesale when full: it only ever costs a re-parse.
 */
export class ParseMemo<K extends string | number, V> {
  private map = new Map<K, V>();
  /** the last key asked for and its value: rows of a file often repeat a cell (the very same string) */
  private lastKey: K | undefined = undefined;
  private lastValue: V | undefined = undefined;
  constructor(private readonly limit = 4096) {}
  get(key: K): V | undefined {
    if (key === this.lastKey) return this.lastValue;
    const value = this.map.get(key);
    // a long text asked for may be a view (see detachText): only the memo's own copy is kept
    if (value !== undefined && (typeof key === 'number' || key.length < MIN_VIEW_LENGTH)) {
      this.lastKey = key;
      this.lastValue = value;
    }
    return value;
  }
  /**
   * Remember `compute(key)`. A text key is detached first and `compute` gets the copy, so
   * neither the memo nor a result holding part of the text keeps a larger string alive.
   */
  add(key: K, compute: (key: K) => V): V {
    const k = (typeof key === 'string' ? detachText(key) : key) as K;
    const value = compute(k);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(k, value);
    this.lastKey = k;
    this.lastValue = value;
    return value;
  }
}

/** Freeze a parse result (and the arrays it holds) before it is shared between rows. */
export function freezeParse<T extends object>(p: T): T {
  for (const v of Object.values(p)) if (Array.isArray(v)) Object.freeze(v);
  return Object.freeze(p);
}
