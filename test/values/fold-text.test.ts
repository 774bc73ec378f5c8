import { describe, expect, it } from 'vitest';
import { detachText, normalizeText, ParseMemo, TextSlots } from '../../src/core/values/fold-text.js';

/** normalizeText as it was written before its fast path: the reference the fast path must match. */
function normalizeReference(s: string): string {
  const t = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/.test(s)
    ? s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))
    : s;
  return /[\t\n\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/.test(t)
    ? t.replace(/[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g, ' ').trim()
    : t;
}

/** a small deterministic generator, so a failure can be replayed */
function generator(seed: number) {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

const PIECES = [
  '科普讲座',
  '官陡街道',
  'VR体验',
  'abc',
  'ABC',
  '1',
  '2023-09-18',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u200b',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u0085',
  '\u0000',
  '１',
  '９',
  'Ａ',
  'Ｚ',
  'ａ',
  'ｚ',
  '（',
  '）',
  '：',
  '，',
  '＠',
  'ｰ',
  '\uff0f',
  '\uff5b',
  '\uff5e',
  '\u2009',
  '\u180e',
];

describe('normalizeText', () => {
  it('matches the regular-expression definition on mixed white space and full-width text', () => {
    const rnd = generator(7);
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const n = Math.floor(rnd() * 6);
      for (let k = 0; k < n; k++) s += PIECES[Math.floor(rnd() * PIECES.length)];
      expect(normalizeText(s), JSON.stringify(s)).toBe(normalizeReference(s));
    }
  });

  it.each([
    ['科普讲座', '科普讲座'],
    [' 科普讲座 ', '科普讲座'],
    ['科普  讲座', '科普 讲座'],
    ['科普 讲座', '科普 讲座'],
    ['ＶＲ体验（线上）', 'VR体验（线上）'],
    ['\u3000', ''],
    ['\u200b', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('returns the text itself when there is nothing to do', () => {
    const s = '湾里街道大龙科普活动室 2 楼';
    expect(normalizeText(s)).toBe(s);
  });
});

describe('detachText', () => {
  it('returns an equal text', () => {
    const big = 'x'.repeat(100) + '结合低碳生活主题,以展板展示、实物体验' + 'y'.repeat(100);
    const view = big.slice(100, 100 + 19);
    expect(detachText(view)).toBe(view);
    expect(detachText('短')).toBe('短');
    expect(detachText('')).toBe('');
  });
});

describe('TextSlots', () => {
  it('remembers a value per text and gives compute an equal text', () => {
    const slots = new TextSlots<string>(4);
    const seen: string[] = [];
    const v = slots.add('官陡街道科协主办的科普讲座', (k) => {
      seen.push(k);
      return k + '!';
    });
    expect(seen).toEqual(['官陡街道科协主办的科普讲座']);
    expect(v).toBe('官陡街道科协主办的科普讲座!');
    expect(slots.get('官陡街道科协主办的科普讲座')).toBe(v);
    expect(slots.get('官陡街道科协主办的科普讲')).toBeUndefined();
  });

  it('never answers for another text, even one that takes the same slot', () => {
    const slots = new TextSlots<number>(1); // two slots: collisions everywhere
    const texts = ['', 'a', 'b', 'ab', 'ba', '科普', '普科', '一二三', '三二一', 'a'.repeat(20), 'b'.repeat(20)];
    texts.forEach((t, i) => {
      slots.add(t, () => i);
      for (const other of texts) {
        const got = slots.get(other);
        if (got !== undefined) expect(texts[got]).toBe(other);
      }
      expect(slots.get(t)).toBe(i);
    });
  });
});

describe('ParseMemo', () => {
  it('remembers values (null included) by text or number and starts over when full', () => {
    const memo = new ParseMemo<string | number, string | null>(3);
    let calls = 0;
    const f = (k: string | number) => {
      calls++;
      return k === 'none' ? null : `v:${k}`;
    };
    expect(memo.add('a', f)).toBe('v:a');
    expect(memo.add(1, f)).toBe('v:1');
    expect(memo.add('none', f)).toBeNull();
    expect(memo.get('a')).toBe('v:a');
    expect(memo.get(1)).toBe('v:1');
    expect(memo.get('none')).toBeNull();
    expect(memo.get('b')).toBeUndefined();
    expect(calls).toBe(3);
    memo.add('c', f); // full: starts over
    expect(memo.get('c')).toBe('v:c');
    expect(memo.get('none')).toBeUndefined();
    expect(memo.get('a') === undefined || memo.get('a') === 'v:a').toBe(true);
  });

  it('finds a long text by content, not by identity', () => {
    const memo = new ParseMemo<string, number>();
    const long = '结合低碳生活主题,以展板展示、实物体验';
    memo.add(long, () => 42);
    expect(memo.get(('#' + long).slice(1))).toBe(42);
  });
});
