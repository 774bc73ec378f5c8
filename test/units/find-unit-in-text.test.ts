import { describe, expect, it } from 'vitest';
import type { RosterUnit } from '../../src/core/config/schema.js';
import { DEFAULT_ROSTER_2023 } from '../../src/core/config/defaults-2023.js';
import { findUnitInText, textSegments } from '../../src/core/units/find-unit-in-text.js';
import { createUnitMatcher } from '../../src/core/units/match-unit.js';

const P = ['芜湖市', '鸠江区'];
const towns = createUnitMatcher(DEFAULT_ROSTER_2023, P);
const WJW: RosterUnit = { name: '芜湖市鸠江区卫生健康委员会', kind: '区直部门', aliases: ['区卫健委'] };
const full = createUnitMatcher([...DEFAULT_ROSTER_2023, WJW], P);

describe('findUnitInText', () => {
  it.each([
    ['2023科普日活动安排表-官陡街道科协.xlsx', '官陡街道科协', '官陡街道'],
    ['官陡街道.xlsx', '官陡街道', '官陡街道'],
    ['【湾里街道】科普日活动安排表.xlsx', '湾里街道', '湾里街道'],
    ['回复：关于报送2023年全国科普日活动安排表的通知-二坝镇', '二坝镇', '二坝镇'],
    ['Re: 关于报送2023年全国科普日活动安排表的通知 - 沈巷镇', '沈巷镇', '沈巷镇'],
    ['转发：四褐山街道2023年全国科普日活动安排表（定稿）v2.xlsx', '四褐山街道', '四褐山街道'],
    ['清水街道活动安排表(最终版)(1).xls', '清水街道', '清水街道'],
    ['C:\\Users\\kx\\Desktop\\裕溪口街道办事处-科普日活动.xlsx', '裕溪口街道办事处', '裕溪口街道'],
    ['mail.eml#汤沟镇科普日活动安排表.xlsx', '汤沟镇', '汤沟镇'],
    ['白茆2023年科普日.xlsx', '白茆', '白茆镇'],
  ])('%s → %s', (text, name, unit) => {
    expect(findUnitInText(text, towns, P)).toEqual({ name, unit: DEFAULT_ROSTER_2023.find((u) => u.name === unit) });
  });

  it('附件2：鸠江区卫健委活动安排表（盖章版）.xls — not in the roster: the cleaned name', () => {
    expect(findUnitInText('附件2：鸠江区卫健委活动安排表（盖章版）.xls', towns, P)).toEqual({ name: '鸠江区卫健委' });
  });

  it('附件2：鸠江区卫健委活动安排表（盖章版）.xls — in the roster by alias', () => {
    expect(findUnitInText('附件2：鸠江区卫健委活动安排表（盖章版）.xls', full, P)).toEqual({ name: '鸠江区卫健委', unit: WJW });
  });

  it('a roster unit contained in a longer segment', () => {
    expect(findUnitInText('官陡街道张三-科普日.xlsx', towns, P)).toEqual({
      name: '官陡街道张三',
      unit: DEFAULT_ROSTER_2023.find((u) => u.name === '官陡街道'),
    });
  });

  it('a different unit inside a town is not the town', () => {
    expect(findUnitInText('湾里街道中心小学活动安排表.xlsx', towns, P)).toEqual({ name: '湾里街道中心小学' });
  });

  it('nothing that names a unit', () => {
    expect(findUnitInText('2023年全国科普日活动安排表.xlsx', towns, P)).toBeUndefined();
    expect(findUnitInText('附件2.xlsx', towns, P)).toBeUndefined();
    expect(findUnitInText('新建 Microsoft Excel 工作表.xlsx', towns, P)).toBeUndefined();
    expect(findUnitInText('张三.xlsx', towns, P)).toBeUndefined();
    expect(findUnitInText('鸠江区.xlsx', towns, P)).toBeUndefined();
    expect(findUnitInText('', towns, P)).toBeUndefined();
  });

  it('segments are cleaned of the common words', () => {
    expect(textSegments('回复：关于报送2023年全国科普日活动安排表的通知-二坝镇', P)).toEqual(['二坝镇']);
    expect(textSegments('附件2：鸠江区卫健委活动安排表（盖章版）.xls', P)).toEqual(['鸠江区卫健委']);
  });

  it('a unit whose name holds 活动 keeps it', () => {
    expect(findUnitInText('鸠江区青少年活动中心-科普日活动安排表.xlsx', towns, P)).toEqual({ name: '鸠江区青少年活动中心' });
  });
});
