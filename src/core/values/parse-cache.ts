/**
 * The memos of one run, in one place: the value parsers and list matchers are pure, and the same
 * texts come back on every row and in every file (a province has 100,000 rows of a few thousand
 * distinct texts), so each answer is computed once per run and shared. Shared results are frozen
 * and typed readonly: never change one, copy it.
 *
 * A run (validate, merge, summary) makes one ParseCache and hands it to every file it analyses
 * (analyzeWorkbook → NormalizeContext). Nothing is remembered between runs or across tests, and a
 * parser called without a cache computes afresh.
 */
import type { Config } from '../config/schema.js';
import { ParseMemo, TextSlots } from './fold-text.js';
import type { ListMatch, Mode } from './match-enum.js';
import type { CountParse } from './parse-count.js';
import type { DateParse } from './parse-date.js';
import type { PhoneParse } from './parse-phone.js';

type ListMemos<V> = Map<readonly string[], ParseMemo<string, V>>;

function memoOf<V>(memos: ListMemos<V>, list: readonly string[], limit: number): ParseMemo<string, V> {
  let memo = memos.get(list);
  if (!memo) {
    memo = new ParseMemo<string, V>(limit);
    memos.set(list, memo);
  }
  return memo;
}

export class ParseCache {
  // dates: texts and numbers read in a campaign year (which fills a missing year); real date cells
  private readonly datesByYear = new Map<number, { texts: ParseMemo<string, DateParse>; numbers: ParseMemo<number, DateParse> }>();
  readonly dateCells = new ParseMemo<string, DateParse>();
  /** the end date a range in the start cell gives, keyed by the shared start result */
  readonly rangeEnds = new WeakMap<DateParse, DateParse>();

  readonly countTexts = new ParseMemo<string, CountParse>();
  readonly countNumbers = new ParseMemo<number, CountParse>();
  /** phone numbers are mostly different: a small slot memo, not a Map (see TextSlots) */
  readonly phones = new TextSlots<PhoneParse>(10);

  readonly modes = new ParseMemo<string, Mode | null>(1024);
  readonly yesNo = new ParseMemo<string, '是' | '否' | null>(1024);
  private readonly categoryMatches: ListMemos<string | null> = new Map();
  private readonly listMatches: ListMemos<string | null> = new Map();
  private readonly listTexts: ListMemos<ListMatch> = new Map();
  private readonly foldedLists = new Map<readonly string[], readonly { c: string; k: string }[]>();

  /** normalized cell texts, shared between rows (see normalize-row.ts textOf) */
  readonly keptTexts = new TextSlots<string>(13);
  private readonly choices = new Map<Config, { townChoices: readonly string[]; categoryNames: readonly string[] }>();

  datesIn(year: number) {
    let m = this.datesByYear.get(year);
    if (!m) {
      m = { texts: new ParseMemo(), numbers: new ParseMemo() };
      this.datesByYear.set(year, m);
    }
    return m;
  }
  categoryMatchesOf(categories: readonly string[]) {
    return memoOf(this.categoryMatches, categories, 2048);
  }
  listMatchesOf(list: readonly string[]) {
    return memoOf(this.listMatches, list, 2048);
  }
  listTextsOf(list: readonly string[]) {
    return memoOf(this.listTexts, list, 2048);
  }
  foldedListOf(list: readonly string[], fold: (list: readonly string[]) => readonly { c: string; k: string }[]) {
    let f = this.foldedLists.get(list);
    if (!f) this.foldedLists.set(list, (f = fold(list)));
    return f;
  }
  /** the towns, places and 全区 a 所属镇街 may name, and the category names, of a run's rules */
  choicesOf(rules: Config) {
    let c = this.choices.get(rules);
    if (!c) {
      c = { townChoices: Object.freeze([...rules.towns, ...rules.places, '全区']), categoryNames: Object.freeze(rules.categories.map((x) => x.name)) };
      this.choices.set(rules, c);
    }
    return c;
  }
}
