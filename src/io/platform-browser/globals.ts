/**
 * Globals the page's engine gets in place of Node's (issue 14): esbuild injects these wherever
 * src/io or a library refers to `Buffer`, `process` or `setImmediate` (scripts/bundle-page.mjs).
 *
 * `Buffer` is the `buffer` package with its UTF-8 paths on the browser's own TextEncoder and
 * TextDecoder: the package's JavaScript loops cost ~0.4 s of a district merge (the reader turns
 * every sheet's XML into text, the writer every row into bytes).
 */
import { Buffer as BrowserBuffer } from 'buffer';
export { process } from './process.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
const isUtf8 = (enc: unknown) => enc === undefined || enc === 'utf8' || enc === 'utf-8' || enc === 'UTF-8';

type Proto = {
  toString(this: Uint8Array, enc?: string, start?: number, end?: number): string;
  write(this: Uint8Array, s: string, a?: unknown, b?: unknown, c?: unknown): number;
};
const proto = BrowserBuffer.prototype as unknown as Proto;
const slowToString = proto.toString;
proto.toString = function (this: Uint8Array, enc?: string, start?: number, end?: number): string {
  if (!isUtf8(enc)) return slowToString.call(this, enc, start, end);
  const s = Math.max(0, start ?? 0);
  const e = Math.min(this.length, end ?? this.length);
  return e <= s ? '' : decoder.decode(this.subarray(s, e));
};
const slowWrite = proto.write;
proto.write = function (this: Uint8Array, s: string, a?: unknown, b?: unknown, c?: unknown): number {
  // write(string[, offset[, length]][, encoding]), as Node
  let offset = 0;
  let length: number | undefined;
  let enc: unknown;
  if (typeof a === 'string') enc = a;
  else {
    offset = (a as number | undefined) ?? 0;
    if (typeof b === 'string') enc = b;
    else {
      length = b as number | undefined;
      enc = c;
    }
  }
  if (!isUtf8(enc)) return slowWrite.call(this, s, a, b, c);
  const room = Math.min(this.length - offset, length ?? Infinity);
  if (room <= 0) return 0;
  return encoder.encodeInto(s, this.subarray(offset, offset + room)).written;
};
const slowFrom = BrowserBuffer.from;
BrowserBuffer.from = ((value: unknown, enc?: unknown, len?: unknown) => {
  if (typeof value === 'string' && isUtf8(enc)) {
    const bytes = encoder.encode(value);
    return (slowFrom as (v: unknown, e?: unknown, l?: unknown) => BrowserBuffer).call(BrowserBuffer, bytes.buffer, bytes.byteOffset, bytes.length);
  }
  return (slowFrom as (v: unknown, e?: unknown, l?: unknown) => BrowserBuffer).call(BrowserBuffer, value, enc, len);
}) as typeof BrowserBuffer.from;
const slowByteLength = BrowserBuffer.byteLength;
BrowserBuffer.byteLength = ((value: unknown, enc?: unknown): number => {
  if (typeof value === 'string' && isUtf8(enc)) {
    // UTF-8 length without building the bytes
    let n = value.length;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      // 2 bytes below U+0800, 3 above; a surrogate pair (two units) is 4
      if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
    }
    return n;
  }
  return (slowByteLength as (v: unknown, e?: unknown) => number)(value, enc);
}) as typeof BrowserBuffer.byteLength;

export const Buffer = BrowserBuffer;
export function setImmediate(fn: (...a: unknown[]) => void, ...args: unknown[]): ReturnType<typeof setTimeout> {
  return setTimeout(fn, 0, ...args);
}
export function clearImmediate(t: ReturnType<typeof setTimeout>): void {
  clearTimeout(t);
}
