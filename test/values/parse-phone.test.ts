import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/table.js';
import { parsePhoneCell, parsePhoneText } from '../../src/core/values/parse-phone.js';

describe('parsePhoneText — one number', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
    [' 13912345678 ', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['+86 13912345678', '13912345678'],
    ['(+86)13912345678', '13912345678'],
    ['0553-5864150', '0553-5864150'],
    ['0553 5864150', '0553-5864150'],
    ['0553－5864150', '0553-5864150'],
    ['(0553)5864150', '0553-5864150'],
    ['（0553）5864150', '0553-5864150'],
    ['05535864150', '0553-5864150'],
    ['0553-586-4150', '0553-5864150'],
    ['010-12345678', '010-12345678'],
    ['021 87654321', '021-87654321'],
    ['5864150', '5864150'],
    ['58641500', '58641500'],
    ['5535864150', '0553-5864150'],
    ['2112345678', '021-12345678'],
    ['1012345678', '010-12345678'],
    ['0553-5864150-8001', '0553-5864150-8001'],
    ['0553-5864150转8001', '0553-5864150转8001'],
    ['0553-5864150 分机 8001', '0553-5864150转8001'],
    ['0553-5864150 ext.8001', '0553-5864150转8001'],
    ['400-123-4567', '400-123-4567'],
    ['张三 13912345678', '13912345678'],
    ['手机:13912345678', '13912345678'],
    ['手机：13912345678（张老师）', '13912345678'],
  ])('%s → %s', (input, value) => {
    // names beside the number are checked below
    const { names: _names, ...rest } = parsePhoneText(input) as { names?: string[] };
    expect(rest).toEqual({ kind: 'ok', value, numbers: [value] });
  });
});

describe('parsePhoneText — several numbers are joined with 、', () => {
  it.each([
    ['13912345678、0553-5864150'],
    ['13912345678,0553-5864150'],
    ['13912345678，0553-5864150'],
    ['13912345678/0553-5864150'],
    ['13912345678;0553-5864150'],
    ['13912345678；0553-5864150'],
    ['13912345678 0553-5864150'],
    ['13912345678 0553 5864150'],
    ['手机13912345678 办公室0553-5864150'],
    ['13912345678（手机）0553-5864150（办）'],
  ])('%s', (input) => {
    expect(parsePhoneText(input)).toEqual({
      kind: 'ok',
      value: '13912345678、0553-5864150',
      numbers: ['13912345678', '0553-5864150'],
    });
  });

  it('two mobiles separated by a space', () => {
    expect(parsePhoneText('13912345678 13812345678')).toMatchObject({ value: '13912345678、13812345678' });
  });

  it('the same number twice is listed once', () => {
    expect(parsePhoneText('13912345678、13912345678')).toMatchObject({ numbers: ['13912345678'] });
  });
});

describe('parsePhoneText — invalid', () => {
  it.each([
    ['139123456780553', 'run-together'], // 15 digits
    ['1391234567858641', 'run-together'], // 16 digits
    ['05535864150139123', 'run-together'],
    ['1391234567', 'bad-number'], // 10 digits starting 1: not a mobile, not a landline
    ['139123456789', 'bad-number'], // 12
    ['12345678901', 'bad-number'], // 11 digits, 12x is no mobile prefix
    ['12345', 'bad-number'],
    ['586415', 'bad-number'],
    ['13912345678、12345', 'bad-number'], // one good, one bad: the cell must be fixed
    ['同上', 'bad-number'],
    ['张三', 'bad-number'],
    ['0553', 'bad-number'],
  ] as const)('%s → %s', (input, reason) => {
    expect(parsePhoneText(input)).toEqual({ kind: 'invalid', reason });
  });

  it.each(['', '   ', '/', '-', '无'])('%j is empty', (input) => {
    expect(parsePhoneText(input)).toEqual({ kind: 'empty' });
  });
});

describe('parsePhoneCell', () => {
  it.each<[string, Cell | undefined, ReturnType<typeof parsePhoneCell>]>([
    ['missing', undefined, { kind: 'empty' }],
    ['mobile as a number', { t: 'n', v: 13912345678 }, { kind: 'ok', value: '13912345678', numbers: ['13912345678'] }],
    ['landline that lost its 0', { t: 'n', v: 5535864150 }, { kind: 'ok', value: '0553-5864150', numbers: ['0553-5864150'] }],
    ['local number', { t: 'n', v: 5864150 }, { kind: 'ok', value: '5864150', numbers: ['5864150'] }],
    ['text', { t: 's', v: '0553-5864150' }, { kind: 'ok', value: '0553-5864150', numbers: ['0553-5864150'] }],
    ['run together as a number', { t: 'n', v: 139123456780553 }, { kind: 'invalid', reason: 'run-together' }],
    ['a fraction', { t: 'n', v: 1391234.5 }, { kind: 'invalid', reason: 'bad-number' }],
    ['boolean', { t: 'b', v: true }, { kind: 'invalid', reason: 'bad-number' }],
    ['error', { t: 'e', v: '#N/A' }, { kind: 'invalid', reason: 'bad-number' }],
    ['date', { t: 'd', v: '2023-09-18' }, { kind: 'invalid', reason: 'bad-number' }],
  ])('%s', (_name, c, expected) => {
    expect(parsePhoneCell(c)).toEqual(expected);
  });
});

describe('parsePhoneText — contact cells as people write them (issue 13)', () => {
  it.each<[string, string[], string[] | undefined]>([
    // input, numbers, names
    ['张老师 13451262276；李老师 13677194498', ['13451262276', '13677194498'], ['张老师', '李老师']],
    ['电话：0553-5864150（办）', ['0553-5864150'], undefined],
    ['联系人：王主任，电话：13912345678', ['13912345678'], ['王主任']],
    ['科协办公室302室 0553-5864150', ['0553-5864150'], undefined],
    ['2号楼305室，0553-5864150、13912345678', ['0553-5864150', '13912345678'], undefined],
    ['周老师13805531234（工作日8:30-17:30）', ['13805531234'], ['周老师']],
    ['欧阳娜娜 18955317603', ['18955317603'], ['欧阳娜娜']],
    ['办公室：0553-5861019；手机：13905536218（刘站长）', ['0553-5861019', '13905536218'], ['刘站长']],
    ['张三 13912345678', ['13912345678'], ['张三']],
    ['手机：13912345678（张老师）', ['13912345678'], ['张老师']],
    ['13912345678（手机）0553-5864150（办）', ['13912345678', '0553-5864150'], undefined],
  ])('%s', (input, numbers, names) => {
    const p = parsePhoneText(input);
    expect(p).toMatchObject({ kind: 'ok', numbers, value: numbers.join('、') });
    expect(p.kind === 'ok' ? p.names : 'not ok').toEqual(names);
  });

  it.each([
    ['张老师、李老师', 'bad-number'], // names and no number
    ['302室', 'bad-number'], // only a room
    ['张老师 13451262276；李老师 1367719449', 'bad-number'], // a mistyped number is never dropped silently
    ['0553-586415 13912345678', 'bad-number'], // an area code begun
  ] as const)('%s → %s', (input, reason) => {
    expect(parsePhoneText(input)).toEqual({ kind: 'invalid', reason });
  });
});
