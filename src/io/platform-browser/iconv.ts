/**
 * The page's `iconv-lite` (issue 14, the engine seam): the browser's own TextDecoder decodes GBK /
 * GB18030 and UTF-16 (iconv-lite's tables would add ~300 KB to the page). src/io only decodes.
 */
function decodeUtf32(bytes: Uint8Array, little: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, little);
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out.charCodeAt(0) === 0xfeff ? out.slice(1) : out;
}

function label(enc: string): string {
  const e = enc.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (e === 'gbk' || e === 'cp936' || e === 'gb2312' || e === 'gb18030') return 'gb18030';
  if (e === 'utf16le' || e === 'ucs2' || e === 'utf16') return 'utf-16le';
  if (e === 'utf16be') return 'utf-16be';
  if (e === 'utf8') return 'utf-8';
  if (e === 'utf32le' || e === 'utf32') return 'utf-32le';
  if (e === 'utf32be') return 'utf-32be';
  if (e === 'latin1' || e === 'binary' || e === 'iso88591') return 'latin1';
  return e;
}

export function decode(bytes: Uint8Array, enc: string): string {
  const l = label(enc);
  if (l === 'utf-32le' || l === 'utf-32be') return decodeUtf32(bytes, l === 'utf-32le');
  return new TextDecoder(l).decode(bytes);
}

export function encodingExists(enc: string): boolean {
  const l = label(enc);
  if (l === 'utf-32le' || l === 'utf-32be') return true;
  try {
    new TextDecoder(l);
    return true;
  } catch {
    return false;
  }
}

export function encode(text: string, enc: string): Buffer {
  if (label(enc) !== 'utf-8') throw new Error(`encoding to ${enc} is not available in the page`);
  return Buffer.from(text, 'utf8');
}

export default { decode, encode, encodingExists };
