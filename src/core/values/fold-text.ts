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
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const WHITE_SPACE_RUN = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

/** White space other than single inner ASCII spaces: only then is there anything to collapse or trim. */
const UNTIDY_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

export function normalizeText(s: string): string {
  const t = foldAlnumWidth(s);
  return UNTIDY_SPACE.test(t) ? t.replace(WHITE_SPACE_RUN, ' ').trim() : t;
}

const QUOTES = /["'“”‘’「」『』《》〈〉]/g;

const SPACE_OR_QUOTE = /[\s\u00a0\u2000-\u200b\u3000\ufeff"'“”‘’「」『』《》〈〉]/;

export function foldKey(s: string): string {
  const w = foldWidth(s);
  return (SPACE_OR_QUOTE.test(w) ? w.replace(WHITE_SPACE_RUN, '').replace(QUOTES, '') : w).toLowerCase();
}

const BRACKETED = /\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>/g;

export function foldHeader(s: string): string {
  let k = foldKey(s);
  // repeat for nested brackets like (单位(盖章))
  for (let i = 0; i < 3 && /[(\[【〔<]/.test(k); i++) k = k.replace(BRACKETED, '');
  // a trailing colon or asterisk marks a required field in many templates: 活动名称*、活动名称:
  return k.replace(/[*:※]+$/g, '').replace(/^[*※]+/, '');
}
