/**
 * Text Excel would take for a formula (or a DDE call) when the cell is edited: starting with
 * = + - @, tab or carriage return (SPEC §9). Every writer flags such text cells with quotePrefix.
 * No imports: the writers of the offline page use it too.
 */
export function looksLikeFormula(text: string): boolean {
  if (text === '') return false;
  const c = text.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 || c === 13;
}
