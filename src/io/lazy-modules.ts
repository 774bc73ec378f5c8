/**
 * Libraries only some runs need, loaded on first use (each costs 20–30 ms to load; a merge of
 * .xlsx files needs none of them): iconv-lite for GBK text, csv-parse for CSV files.
 * Synchronous (`require`), so the callers stay synchronous; both packages ship CommonJS.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Iconv = typeof import('iconv-lite');
type CsvOptions = import('csv-parse/sync').Options;
type CsvParse = (input: string, options: CsvOptions) => unknown;

let iconvModule: Iconv | undefined;
let csvParse: CsvParse | undefined;

export function iconv(): Iconv {
  return (iconvModule ??= require('iconv-lite') as Iconv);
}

export function parseCsv(input: string, options: CsvOptions): unknown {
  csvParse ??= (require('csv-parse/sync') as { parse: CsvParse }).parse;
  return csvParse(input, options);
}
