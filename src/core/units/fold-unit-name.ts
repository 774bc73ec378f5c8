/**
 * Unit-name folding for matching (SPEC §4): `某区官陡街道科协` = `官陡街道`.
 *
 * The fold is a matching key only, never shown. Both sides of a comparison (what a unit wrote and
 * the roster's name) go through the same fold, so a strip only has to be consistent, not perfect.
 *
 * Steps, in order:
 * 1. `foldKey` (width, white space, quotes, case);
 * 2. brackets and their contents removed — `(盖章)`, `【定稿】` — including an unclosed one at the end;
 * 3. a label such as `填报单位:` at the start removed;
 * 4. leading prefixes stripped repeatedly: the configured `namePrefixes` (某市, 某区), their stems
 *    without the trailing 市/区/县 (某市, 某区, only for stems of two characters or more), 安徽省/安徽,
 *    and then a bare leading `区` ("区卫健委" is the district's 卫健委) when something is left after it.
 *    No other generic 省/市/区/县 prefix is guessed: 市场监管局 must stay 市场监管局;
 * 5. generic suffixes stripped repeatedly: 盖章, 公章, 科学技术协会, 科协, 委员会, 办事处, 人民政府,
 *    政府, and `街道办` → `街道`;
 * 6. separator punctuation (- _ · , 、 : ; / |) removed.
 *
 * The result may be empty: `某市某区科学技术协会` folds to ''. An empty fold never equals
 * anything by itself; `isAssociationName` tells the matcher that such a name is the district
 * association (the roster's 区科协 unit).
 */
import { foldKey } from '../values/fold-text.js';

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》/g;
/** an opening bracket never closed: drop it and everything after */
const UNCLOSED = /[([【〔<《][^)\]】〕>》]*$/;

const LABEL = /^(?:填报单位|报送单位|单位名称|填报部门|单位)[:：]+/;

const ALWAYS_PREFIXES = ['安徽省', '安徽'];

/** longest first, so 科学技术协会 goes before 协会-like shorter tails */
const SUFFIXES = ['科学技术协会', '人民政府', '委员会', '办事处', '科协', '政府', '盖章', '公章'];

const SEPARATORS = /[-_·•.,，、:：;；/\\|~—–]+/g;

/** Strip brackets and their contents, nested ones too. */
function stripBrackets(s: string): string {
  let k = s;
  for (let i = 0; i < 4 && BRACKETED.test(k); i++) k = k.replace(BRACKETED, '');
  // foldKey already turned （） into (); a dangling bracket is typically "(盖章" cut short
  return k.replace(UNCLOSED, '').replace(/[)\]】〕>》]/g, '');
}

/** Folded prefixes to strip, longest first: the configured ones, their stems, 安徽省. */
export function prefixKeys(prefixes: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const p of [...prefixes, ...ALWAYS_PREFIXES]) {
    const k = foldKey(p);
    if (!k) continue;
    keys.add(k);
    const stem = k.replace(/[省市区县]$/, '');
    if (stem !== k && stem.length >= 2) keys.add(stem);
  }
  return [...keys].sort((a, b) => b.length - a.length);
}

function stripPrefixes(s: string, keys: readonly string[]): string {
  let k = s;
  for (let guard = 0; guard < 10; guard++) {
    const p = keys.find((key) => k.startsWith(key));
    if (p) {
      k = k.slice(p.length);
      continue;
    }
    // "区卫健委": the district's own — only when something is left after it
    if (k.length > 1 && k.startsWith('区')) {
      k = k.slice(1);
      continue;
    }
    break;
  }
  return k;
}

function stripSuffixes(s: string): string {
  let k = s;
  for (let guard = 0; guard < 10; guard++) {
    if (k.endsWith('街道办')) {
      k = k.slice(0, -1);
      continue;
    }
    const sfx = SUFFIXES.find((x) => k.endsWith(x));
    if (!sfx) break;
    k = k.slice(0, -sfx.length);
  }
  return k;
}

/** Cache of prefix keys per prefix list (the matcher calls this many times with one list). */
const keyCache = new WeakMap<readonly string[], string[]>();

/** The matching key of a unit name. May be '' (see `isAssociationName`). */
export function foldUnitName(name: string, prefixes: string[]): string {
  let keys = keyCache.get(prefixes);
  if (!keys) {
    keys = prefixKeys(prefixes);
    keyCache.set(prefixes, keys);
  }
  let k = stripBrackets(foldKey(name));
  k = k.replace(LABEL, '');
  k = k.replace(SEPARATORS, '');
  k = stripPrefixes(k, keys);
  k = stripSuffixes(k);
  // a suffix strip may uncover another prefix only in odd names; one more pass is cheap
  k = stripPrefixes(k, keys);
  return k;
}

/** A name that is an association (科协 / 科学技术协会) — with an empty fold, the district's own. */
export function isAssociationName(name: string): boolean {
  const k = foldKey(name);
  return k.includes('科协') || k.includes('科学技术协会');
}

/** How unit names end (街道, 镇, 局, 委, 办, 协, 院, 校, 馆, 公司, 中心, 站, 所, 会, 队 …). */
export const UNIT_NAME_TAIL =
  /(?:街道|镇|乡|村|社区|局|委|办|协|院|校|学|馆|宫|公司|集团|中心|站|所|会|队|部|处|室|厂|园|开发区|集中区|园区|基地|银行|社|厅|团|组|场|台)$/;

/** Text that reads like the name of a unit: some Chinese, two characters or more, a unit-like ending. */
export function looksLikeUnitName(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && /[\u3400-\u9fff]/.test(t) && UNIT_NAME_TAIL.test(t);
}

/** A fold without its town tail: 官陡街道 → 官陡, 沈巷镇 → 沈巷; '' when nothing would be left. */
export function townBase(fold: string): string {
  const m = /^(.+?)(?:街道|镇|乡)$/.exec(fold);
  return m ? m[1] : fold;
}
