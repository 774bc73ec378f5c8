/**
 * What a received follow-up material is, from its first bytes (issue 15): office documents by the
 * same sniffing as the inputs (classifyInput), pictures and videos by their signatures.
 */
import type { SniffedType } from '../../core/follow-up/materials.js';
import { classifyInput } from '../read/sniff-format.js';

const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

export function sniffMaterial(bytes: Uint8Array): SniffedType {
  if (bytes.length < 4) return 'unknown';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image';
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return 'image';
  if (ascii(bytes, 0, 4) === 'GIF8' || (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26)) return 'image';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image';
  if (ascii(bytes, 4, 4) === 'ftyp') return /^(heic|heix|mif1|avif)/.test(ascii(bytes, 8, 4)) ? 'image' : 'video';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 3) === 'AVI') return 'video';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'video';
  if (ascii(bytes, 0, 3) === 'FLV') return 'video';
  if (bytes[0] === 0x30 && bytes[1] === 0x26 && bytes[2] === 0xb2 && bytes[3] === 0x75) return 'video'; // ASF / WMV
  const c = classifyInput(bytes);
  if (c.kind === 'spreadsheet') return c.format === 'csv' ? 'text' : 'spreadsheet';
  if (c.kind === 'encrypted') return 'unknown';
  if (c.kind === 'unsupported') {
    if (/Word|文字文档/.test(c.what)) return 'word';
    if (/PowerPoint|演示文稿/.test(c.what)) return 'presentation';
    if (/PDF/.test(c.what)) return 'pdf';
  }
  return 'unknown';
}
