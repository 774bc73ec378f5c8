/**
 * A cap on the text one sheet expands to (issue 13 item 10). A shared string is stored once and
 * may be referenced by every cell: 12,000 cells pointing at one 1 MB string is a 30 KB file
 * that expands to 12 G characters, and the later stages (header search, folding, checks) walk
 * every one of them. The readers count the text of the cells they place and stop at the cap, so
 * such a file is `file-too-large` at once instead of after seconds and hundreds of MB.
 *
 * 128 Mi characters: more than twice the text of the 200,000-row benchmark sheet (about 250
 * characters a row), far below what hurts.
 */
export const MAX_SHEET_TEXT_CHARS = 128 * 1024 * 1024;

export class SheetTextTooLarge extends Error {
  constructor(readonly sheet: string) {
    super(`sheet ${sheet}: more than ${MAX_SHEET_TEXT_CHARS} characters of text`);
    this.name = 'SheetTextTooLarge';
  }
}

/** The reason shown in the file-too-large finding. */
export function sheetTextReason(sheet: string): string {
  return `工作表“${sheet}”的文字展开后超过 ${(MAX_SHEET_TEXT_CHARS / 1e8).toFixed(1)} 亿字`;
}

/** A running count for one sheet: `add` the text of each cell placed; throws past the cap. */
export function sheetTextCounter(sheet: string): { add(text: string): void } {
  let left = MAX_SHEET_TEXT_CHARS;
  return {
    add(text: string) {
      left -= text.length;
      if (left < 0) throw new SheetTextTooLarge(sheet);
    },
  };
}
