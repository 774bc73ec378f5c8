/** The page's `util` (issue 14): what yauzl, readable-stream and exceljs's libraries call. */
export function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}
export function deprecate<T>(fn: T): T {
  return fn;
}
export function inspect(v: unknown): string {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return String(v);
  }
}
export function format(f: unknown, ...args: unknown[]): string {
  let i = 0;
  const s = String(f).replace(/%[sdjoO%]/g, (m) => (m === '%%' ? '%' : i < args.length ? inspect(args[i++]) : m));
  return [s, ...args.slice(i).map(inspect)].join(' ');
}
export function debuglog(): () => void {
  return () => undefined;
}
export function promisify<T extends (...a: never[]) => void>(fn: T) {
  return (...args: unknown[]) =>
    new Promise((resolve, reject) => (fn as unknown as (...a: unknown[]) => void)(...args, (err: unknown, v: unknown) => (err ? reject(err) : resolve(v))));
}
export const TextDecoder = globalThis.TextDecoder;
export const TextEncoder = globalThis.TextEncoder;
export const types = { isUint8Array: (v: unknown) => v instanceof Uint8Array };
export default { inherits, deprecate, inspect, format, debuglog, promisify, TextDecoder, TextEncoder, types };
