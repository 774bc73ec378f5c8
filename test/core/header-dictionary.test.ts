import { describe, expect, it } from 'vitest';
import { COLUMNS, UNIT_COLUMN_SYNONYMS } from '../../src/core/columns.js';
import { lookupHeader, surelyNotHeader } from '../../src/core/locate/header-dictionary.js';
import { foldHeader } from '../../src/core/values/fold-text.js';

const HEADERS = [...COLUMNS.flatMap((c) => [c.label, ...c.synonyms]), ...UNIT_COLUMN_SYNONYMS];
const KEYS = new Set(HEADERS.map(foldHeader));

const DECORATIONS: ((h: string) => string)[] = [
  (h) => h,
  (h) => ` ${h} `,
  (h) => `${h}*`,
  (h) => `*${h}`,
  (h) => `※${h}：`,
  (h) => `${h}(人)`,
  (h) => `${h}（必填）`,
  (h) => `【必填】${h}`,
  (h) => `“${h}”`,
  (h) => `《${h}》`,
  (h) => h.split('').join(' '),
  (h) => h.split('').join('\u3000'),
  (h) => h.toUpperCase(),
];

describe('lookupHeader', () => {
  it('finds every header however it is decorated, and the quick test never rules one out', () => {
    for (const h of HEADERS) {
      for (const decorate of DECORATIONS) {
        const text = decorate(h);
        expect(surelyNotHeader(text), text).toBe(false);
        expect(lookupHeader(text), text).toBeDefined();
        expect(lookupHeader(text)).toBe(lookupHeader(text));
      }
    }
  });

  it('rules out only texts whose folded form is no header', () => {
    const noise = [
      '',
      ' ',
      '(',
      ')',
      '（',
      '）',
      '【',
      '】',
      '<',
      '>',
      '"',
      '“',
      '*',
      ':',
      '※',
      '1',
      'Ａ',
      'a',
      'X',
      '企',
      '业',
      '是',
      '否',
      '\u200b',
      'é',
      '/',
      '线',
    ];
    let x = 11;
    const rnd = () => {
      x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
      return x / 0x80000000;
    };
    let ruledOut = 0;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) text += rnd() < 0.4 ? HEADERS[Math.floor(rnd() * HEADERS.length)] : noise[Math.floor(rnd() * noise.length)];
      if (surelyNotHeader(text)) {
        ruledOut++;
        expect(KEYS.has(foldHeader(text)), text).toBe(false);
        expect(lookupHeader(text)).toBeUndefined();
      } else if (KEYS.has(foldHeader(text))) {
        expect(lookupHeader(text), text).toBeDefined();
      }
    }
    expect(ruledOut).toBeGreaterThan(1000);
  });

  it.each(['企业单位10', '2023-09-18', '13912345678', '低碳生活互动体验日(第3场)'])('rules out the data cell %j quickly', (text) => {
    expect(surelyNotHeader(text)).toBe(true);
  });
});
