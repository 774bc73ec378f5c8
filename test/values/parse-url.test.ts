import { describe, expect, it } from 'vitest';
import { parseUrl } from '../../src/core/values/parse-url.js';

describe('parseUrl', () => {
  it.each<[string, string]>([
    ['https://www.kepuri.cn/activity/123', 'https://www.kepuri.cn/activity/123'],
    ['http://example.com', 'http://example.com'],
    ['HTTPS://Example.com/X', 'HTTPS://Example.com/X'],
    ['  https://a.cn/x  ', 'https://a.cn/x'],
    ['直播链接:https://live.example.cn/room/8', 'https://live.example.cn/room/8'],
    ['直播链接：https://live.example.cn/room/8', 'https://live.example.cn/room/8'],
    ['【https://a.cn/x】', 'https://a.cn/x'],
    ['（https://a.cn/x）', 'https://a.cn/x'],
    ['(https://a.cn/x)', 'https://a.cn/x'],
    ['https://a.cn/x。', 'https://a.cn/x'],
    ['https://a.cn/x, 回放见公众号', 'https://a.cn/x'],
    ['https://a.cn/wiki/Foo_(bar)', 'https://a.cn/wiki/Foo_(bar)'],
    ['https://a.cn/search?q=科普&p=1', 'https://a.cn/search?q=科普&p=1'],
    ['ｈｔｔｐｓ：／／ａ．ｃｎ／ｘ', 'https://a.cn/x'],
    ['https://a.cn/1 https://b.cn/2', 'https://a.cn/1'],
    ['http://192.168.1.10:8080/live', 'http://192.168.1.10:8080/live'],
  ])('%s → %s', (input, value) => {
    expect(parseUrl(input)).toEqual({ kind: 'ok', value });
  });

  it.each([
    'www.example.com/x',
    'example.com',
    '微信公众号“鸠江科协”',
    'ftp://example.com/file',
    'https://localhost/x',
    'https://example./x',
    'https://',
    'http//example.com',
    'https://a..b/x',
  ])('%s is invalid', (input) => {
    expect(parseUrl(input)).toEqual({ kind: 'invalid' });
  });

  it.each(['', '   ', '无', '/', '—'])('%j is empty', (input) => {
    expect(parseUrl(input)).toEqual({ kind: 'empty' });
  });
});
