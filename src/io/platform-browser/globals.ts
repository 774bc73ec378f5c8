/**
 * Globals the page's engine gets in place of Node's (issue 14): esbuild injects these wherever
 * src/io or a library refers to `Buffer`, `process` or `setImmediate` (scripts/bundle-page.mjs).
 */
import { Buffer as BrowserBuffer } from 'buffer';
export { process } from './process.js';

export const Buffer = BrowserBuffer;
export function setImmediate(fn: (...a: unknown[]) => void, ...args: unknown[]): ReturnType<typeof setTimeout> {
  return setTimeout(fn, 0, ...args);
}
export function clearImmediate(t: ReturnType<typeof setTimeout>): void {
  clearTimeout(t);
}
