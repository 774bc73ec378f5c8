import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, DEFAULT_FIELDS, DEFAULT_FORMS, DEFAULT_TOWNS_2023 } from '../../src/core/config/defaults-2023.js';
import { matchCategory, matchFromList, matchMode, matchYesNo, splitList } from '../../src/core/values/match-enum.js';

const CATEGORIES = DEFAULT_CATEGORIES.map((c) => c.name);
const TOWNS = [...DEFAULT_TOWNS_2023, '鸠江经济开发区', '江北产业集中区', '全区'];

describe('splitList', () => {
  it.each<[string, string[]]>([
    ['科技创新、卫生健康', ['科技创新', '卫生健康']],
    ['科技创新,卫生健康，应急科普', ['科技创新', '卫生健康', '应急科普']],
    ['科技创新;卫生健康；应急科普', ['科技创新', '卫生健康', '应急科普']],
    ['科技创新/卫生健康／应急科普', ['科技创新', '卫生健康', '应急科普']],
    ['科技创新 卫生健康\n应急科普', ['科技创新', '卫生健康', '应急科普']],
    ['科技创新、、 ，卫生健康、', ['科技创新', '卫生健康']],
    ['VR体验', ['VR体验']],
    ['', []],
    ['  、 ', []],
  ])('%j', (input, parts) => {
    expect(splitList(input)).toEqual(parts);
  });
});

describe('matchCategory', () => {
  it.each<[string, string]>([
    ['区主场活动', '区主场活动'],
    ['镇街主场活动', '镇街主场活动'],
    ['"云上科普日"专项行动', '云上科普日专项行动'],
    ['“云上科普日”专项行动', '云上科普日专项行动'],
    ['云上 科普日 专项行动', '云上科普日专项行动'],
    ['青少年科技教育专项', '青少年科技教育专项行动'],
    ['云上科普日', '云上科普日专项行动'],
    ['部门系统联合', '部门系统联合行动'],
    ['农村科普', '农村科普联合行动'],
    ['区级主场活动', '区主场活动'],
    ['全国科普日青少年科技教育专项行动', '青少年科技教育专项行动'],
    ['专家讲科普专项行动（讲座）', '专家讲科普专项行动'],
    ['企业科普联合行动 ', '企业科普联合行动'],
  ])('%s → %s', (input, expected) => {
    expect(matchCategory(input, CATEGORIES)).toBe(expected);
  });

  it.each(['主场活动', '联合行动', '专项行动', '科普', '讲座', '', '区主场', '科普日活动'])('%j matches nothing', (input) => {
    expect(matchCategory(input, CATEGORIES)).toBeUndefined();
  });
});

describe('matchMode', () => {
  it.each<[string, string]>([
    ['线下', '线下'],
    ['现场', '线下'],
    ['实地', '线下'],
    ['线下活动', '线下'],
    ['线上', '线上'],
    ['网络', '线上'],
    ['在线', '线上'],
    ['云上', '线上'],
    ['线上活动', '线上'],
    ['线上线下结合', '线上线下结合'],
    ['线上+线下', '线上线下结合'],
    ['线上、线下', '线上线下结合'],
    ['线上/线下', '线上线下结合'],
    ['线上线下', '线上线下结合'],
    ['线上和线下', '线上线下结合'],
    ['结合', '线上线下结合'],
    ['现场+直播', '线上线下结合'],
    [' 线 下 ', '线下'],
    ['是', '线上'],
    ['否', '线下'],
  ])('%s → %s', (input, expected) => {
    expect(matchMode(input)).toBe(expected);
  });

  it.each(['', '讲座', '无', '未知', '社区'])('%j matches nothing', (input) => {
    expect(matchMode(input)).toBeUndefined();
  });
});

describe('matchFromList', () => {
  it.each<[string, string[], string]>([
    ['科普讲座', DEFAULT_FORMS, '科普讲座'],
    ['vr体验', DEFAULT_FORMS, 'VR体验'],
    ['ＶＲ体验', DEFAULT_FORMS, 'VR体验'],
    [' 科普 讲座 ', DEFAULT_FORMS, '科普讲座'],
    ['卫生健康', DEFAULT_FIELDS, '卫生健康'],
    ['官陡街道', TOWNS, '官陡街道'],
    ['官陡', TOWNS, '官陡街道'],
    ['官陡街道办', TOWNS, '官陡街道'],
    ['官陡街道办事处', TOWNS, '官陡街道'],
    ['沈巷', TOWNS, '沈巷镇'],
    ['沈巷镇', TOWNS, '沈巷镇'],
    ['二坝', TOWNS, '二坝镇'],
    ['全区', TOWNS, '全区'],
    ['湾里街道（社区）', TOWNS, '湾里街道'],
  ])('%s → %s', (input, list, expected) => {
    expect(matchFromList(input, list)).toBe(expected);
  });

  it.each<[string, string[]]>([
    ['讲座', DEFAULT_FORMS],
    ['健康', DEFAULT_FIELDS],
    ['', DEFAULT_FORMS],
    ['芜湖市', TOWNS],
    ['官', TOWNS],
    ['镇', TOWNS],
  ])('%j matches nothing', (input, list) => {
    expect(matchFromList(input, list)).toBeUndefined();
  });

  it('a stripped name that fits two entries matches neither', () => {
    expect(matchFromList('新城', ['新城镇', '新城街道'])).toBeUndefined();
    expect(matchFromList('新城镇', ['新城镇', '新城街道'])).toBe('新城镇');
  });
});

describe('matchYesNo', () => {
  it.each(['是', '已发布', '已填报', '已', 'Y', 'yes', 'YES', '√', '✓', 'true', 'TRUE', ' 是 ', '是（已发布）', '已上传网站'])('%j → 是', (input) => {
    expect(matchYesNo(input)).toBe('是');
  });
  it.each(['否', '未', '未发布', 'N', 'no', '×', 'false', 'FALSE', '尚未发布', '没有'])('%j → 否', (input) => {
    expect(matchYesNo(input)).toBe('否');
  });
  it.each(['', '不清楚吗', '待定', '9月18日'])('%j → undefined', (input) => {
    expect(matchYesNo(input)).toBeUndefined();
  });
});
