/**
 * Linear time on hostile text (issue 13, item 13): every pattern the audit found super-linear is
 * run here on a long hostile run, under a per-test time limit (the only timing these tests
 * assert), and on ordinary text, where it must keep its old answers.
 */
import { describe, expect, it } from 'vitest';
import { dropSealNotes } from '../../src/core/merge/assemble-merge.js';
import { textSegments } from '../../src/core/units/find-unit-in-text.js';
import { emailKey } from '../../src/core/units/match-unit.js';
import { parseDateText } from '../../src/core/values/parse-date.js';
import { FastReadTimeout, readXlsxFast } from '../../src/io/read/read-xlsx-fast.js';
import { isDateFormat, isTimeOnlyFormat } from '../../src/io/read/excel-formats.js';
import { rawXlsx } from './make-files.js';

/** the per-test limit: a quadratic scan of these runs takes tens of seconds */
const LIMIT_MS = 3_000;

describe('patterns on hostile runs end in linear time', () => {
  it(
    'Chinese numerals before 年/月/日: a run of 50,000 〇 with no unit',
    () => {
      expect(parseDateText(`${'〇'.repeat(50_000)}x`, { year: 2023 }).kind).toBe('invalid');
      expect(parseDateText('一年'.repeat(20_000), { year: 2023 }).kind).toBe('invalid');
      // unchanged on ordinary text
      expect(parseDateText('二〇二三年九月十八日', { year: 2023 })).toMatchObject({ kind: 'ok', start: '2023-09-18' });
      expect(parseDateText('九月二十三日', { year: 2023 })).toMatchObject({ kind: 'ok', start: '2023-09-23' });
      expect(parseDateText('9月十日 上午', { year: 2023 })).toMatchObject({ kind: 'ok', start: '2023-09-10' });
    },
    LIMIT_MS,
  );

  it(
    'an address of 100,000 characters without "@"',
    () => {
      expect(emailKey('=]'.repeat(50_000))).toHaveLength(100_000);
      expect(emailKey('张三 <Zhang.San@Example.cn>')).toBe('zhang.san@example.cn');
      expect(emailKey('mailto:a@b.cn')).toBe('a@b.cn');
      expect(emailKey('"x" y@z.cn')).toBe('y@z.cn');
    },
    LIMIT_MS,
  );

  it(
    "seal notes: 200,000 opening brackets, and the old pattern's answers on ordinary names",
    () => {
      const run = '('.repeat(100_000) + '（'.repeat(100_000);
      expect(dropSealNotes(run)).toBe(run);
      const old = (s: string) => s.replace(/[(（][^)）]*(盖章|公章)[^)）]*[)）]/g, '');
      const samples = [
        '官陡街道（盖章）',
        '官陡街道(加盖公章)',
        '（（盖章）街道',
        '甲（乙）丙（公章）丁',
        '甲(盖章',
        '甲)盖章)',
        '（盖章）（公章）',
        '（x（盖章）y）',
        '）（）（盖章',
      ];
      // and random strings over the characters that matter
      const alphabet = ['(', '（', ')', '）', '盖', '章', '公', 'a'];
      let seed = 7;
      for (let i = 0; i < 2000; i++) {
        let s = '';
        for (let k = 0; k < 12; k++) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          s += alphabet[seed % alphabet.length];
        }
        samples.push(s);
      }
      for (const s of samples) expect(dropSealNotes(s)).toBe(old(s));
    },
    LIMIT_MS,
  );

  it(
    'file names and subjects: a run of 100,000 关于',
    () => {
      expect(Array.isArray(textSegments('关于'.repeat(100_000), []))).toBe(true);
      expect(textSegments('关于报送2023年全国科普日活动安排表的通知-官陡街道.xlsx', [])).toContain('官陡街道');
    },
    LIMIT_MS,
  );

  it(
    'number formats longer than Excel allows (255) are no format',
    () => {
      expect(isDateFormat(`${'['.repeat(200_000)}yyyy/m/d`)).toBe(false);
      expect(isTimeOnlyFormat(`${'h'.repeat(200_000)}`)).toBe(false);
      expect(isDateFormat('yyyy/m/d')).toBe(true);
      expect(isDateFormat(`[$-804]${'"x"'.repeat(75)}yyyy"年"m"月"d"日"`)).toBe(true); // 247 characters
      expect(isTimeOnlyFormat('[h]:mm:ss')).toBe(true);
    },
    LIMIT_MS,
  );
});

describe("the fast reader's time budget", () => {
  it('a read past its budget ends in FastReadTimeout (a finding), not a hang or a hand-over', async () => {
    const rows = Array.from({ length: 3000 }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const bytes = await rawXlsx({ sheetData: rows });
    expect(readXlsxFast(bytes, 'xlsx').sheets[0].rows).toHaveLength(3000);
    expect(() => readXlsxFast(bytes, 'xlsx', { timeBudgetMs: -1 })).toThrow(FastReadTimeout);
  });
});
