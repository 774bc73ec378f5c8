/**
 * Issue 12 §6: every Chinese sentence kepuri writes uses full-width punctuation (，：；（）), and
 * English messages carry no Chinese fragments. Scans every message in both languages (rendered
 * with sample params for each variant), the template's 填表说明 and prompts, the replies, the
 * 通报, the terminal summaries, the rules line and the defaults (theme, category notes).
 */
import { describe, expect, it } from 'vitest';
import { composeNotice } from '../../src/core/compose-notice.js';
import { composeReply } from '../../src/core/compose-reply.js';
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import { makeConfig } from '../../src/core/config/make-config.js';
import { createFinding, FINDING_CODES, type Finding } from '../../src/core/finding.js';
import { renderMessage } from '../../src/core/messages.js';
import { buildReport } from '../../src/core/report.js';
import { Chalk } from 'chalk';
import { renderMergeSummary, renderRulesLine, renderValidate } from '../../src/cli/render-terminal.js';
import { buildTemplateWorkbook } from '../../src/io/write/write-template.js';
import { sampleReport } from '../writers/sample-report.js';

const CJK = /[\u3400-\u9fff]/;

/**
 * Half-width , : ; ( ) ? touching Chinese text: the previous or next non-space character is a
 * Chinese character or full-width mark. Text quoted from a unit's file (「…」) is theirs, not ours.
 */
export function halfWidthInChinese(text: string): string[] {
  const own = text.replace(/「[^」]*」/g, '「」');
  const bad: string[] = [];
  const near = /[\u3400-\u9fff（）“”「」，。：；、]/;
  for (let i = 0; i < own.length; i++) {
    if (!',:;()?'.includes(own[i])) continue;
    let p = i - 1;
    while (p >= 0 && own[p] === ' ') p--;
    let n = i + 1;
    while (n < own.length && own[n] === ' ') n++;
    if ((p >= 0 && near.test(own[p])) || (n < own.length && near.test(own[n]))) {
      bad.push(own.slice(Math.max(0, i - 12), i + 12));
    }
  }
  return bad;
}

/** Every message variant: each code with no params, and with each param set a template branches on. */
function sampleFindings(): Finding[] {
  const where = { file: 'a.xlsx', sheet: 'Sheet1', row: 8, column: 'Start', cell: 'G8', value: 'x9', unit: 'Unit A' };
  const variants: Record<string, string | number>[] = [
    {},
    { reason: '文件已损坏或不是有效的表格', what: 'Word 文档(.doc)', field: '开始日期', other: 'Start2', date: '2023-09-20' },
    { reason: 'tbd', start: '2023-09-17', end: '2023-09-23', year: 2023, holders: '镇街', kind: '区直部门', unknown: 'foo' },
    { reason: 'impossible', offline: 1, category: 'Cloud', mode: 'online', count: 100, length: 70, max: 60, district: 'Jiujiang' },
    { reason: 'run-together', nearest: 'Unit B', header: 'Mon, 1 Sep', receivedAt: '2023-09-13 09:00', deadline: '2023-09-12', by: 'b.xlsx' },
    {
      reason: '12 MB,超过 50 MB 上限',
      what: 'PDF 文件',
      activities: 2,
      quota: 3,
      otherRow: 6,
      otherCell: 'B6',
      otherUnit: 'Unit B',
      otherFile: 'b.xlsx',
      sameFile: 0,
    },
    { otherRow: 6, otherFile: 'a.xlsx', sameFile: 1 },
  ];
  // every code with every variant, whatever params it declares: a message must not break on any
  return FINDING_CODES.flatMap((code) => variants.map((p) => createFinding(code, where, p as never) as Finding));
}

describe('full-width punctuation in Chinese text', () => {
  it('the checker finds half-width marks in Chinese and passes numbers, times and addresses', () => {
    expect(halfWidthInChinese('文件无法读取(PDF)')).toHaveLength(1);
    expect(halfWidthInChinese('请核对,谢谢')).toHaveLength(1);
    expect(halfWidthInChinese('联系人:张三')).toHaveLength(1);
    expect(halfWidthInChinese('9:00-11:30 在 http://a.cn 报名（200 人）')).toEqual([]);
    expect(halfWidthInChinese('开始日期「9月1日,上午」不存在')).toEqual([]);
  });

  it('every Chinese message, in every variant', () => {
    const bad = sampleFindings().flatMap((f) => halfWidthInChinese(renderMessage(f, 'zh')).map((b) => `${f.code}: ${b}`));
    expect(bad).toEqual([]);
  });

  it('the template: 填报单位 line, 填表说明, prompts and error texts of the dropdowns', async () => {
    const wb = await buildTemplateWorkbook(defaultRules(), { unit: '官陡街道' });
    const texts: string[] = [];
    wb.eachSheet((ws) => {
      ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && texts.push(cell.value)));
      const dv = (
        ws as unknown as { dataValidations: { model: Record<string, { prompt?: string; error?: string; promptTitle?: string; errorTitle?: string }> } }
      ).dataValidations.model;
      for (const v of Object.values(dv)) texts.push(v.prompt ?? '', v.error ?? '', v.promptTitle ?? '', v.errorTitle ?? '');
    });
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.flatMap(halfWidthInChinese)).toEqual([]);
  });

  it('defaults and the config kepuri init writes: theme, category notes, comments', () => {
    const rules = defaultRules();
    const strings = [rules.theme, rules.notice ?? '', ...rules.categories.map((c) => c.note ?? '')];
    const init = makeConfig(2024);
    strings.push(...[init.$comment ?? []].flat(), init.theme, init.association?.contact ?? '', init.association?.phone ?? '');
    expect(strings.flatMap(halfWidthInChinese)).toEqual([]);
    expect(rules.theme).toBe('提升全民科学素质，助力科技自立自强');
  });

  it('replies, the 通报, the terminal and the rules line', () => {
    const report = sampleReport();
    const zh = buildReport({
      rules: report.rules,
      files: report.files,
      units: report.units,
      rows: { read: 5, merged: 4, superseded: 0, skipped: 1 },
      findings: sampleFindings().filter((f) => f.severity !== 'info'),
      lang: 'zh',
    });
    const runAt = new Date(Date.UTC(2023, 8, 14, 2, 30));
    const texts = [
      composeReply('官陡街道', zh.findings, report.rules, { runAt, annotated: true }),
      composeReply(
        '官陡街道',
        zh.findings.filter((f) => f.code === 'submission-late'),
        report.rules,
        { runAt, receivedAt: '2023-09-13T09:00:00+08:00' },
      ),
      composeNotice(report, report.rules, { runAt }),
      renderMergeSummary(zh, ['输出/活动汇总表.xlsx'], new Chalk({ level: 0 }), 'zh', 1000, [{ path: 'a.pdf', message: 'x' }]),
      renderValidate(zh, new Chalk({ level: 0 }), 'zh'),
      renderRulesLine(report.rules, 'zh'),
      renderRulesLine(defaultRules(), 'zh'),
    ];
    // the sample's off-roster unit is a hostile name from a file, not our text
    expect(texts.map((t) => t.replaceAll('=HYPERLINK("x")科协', '外单位')).flatMap(halfWidthInChinese)).toEqual([]);
  });
});

describe('English messages carry no Chinese', () => {
  it('every English message, in every variant (values from the file aside)', () => {
    const bad = sampleFindings()
      .map((f) => [f.code, renderMessage(f, 'en')] as const)
      .filter(([, m]) => CJK.test(m.replace(/「[^」]*」/g, '')));
    expect(bad).toEqual([]);
  });

  it('duplicate-activity names the other row in each language’s own words', () => {
    const same = createFinding('duplicate-activity', { file: 'a.xlsx', row: 8, value: 'Talk' }, { otherFile: 'a.xlsx', otherRow: 6, sameFile: 1, count: 2 });
    expect(renderMessage(same, 'en')).toContain('duplicates row 6');
    expect(renderMessage(same, 'zh')).toContain('与第6行重复');
    const across = createFinding(
      'duplicate-activity',
      { file: 'a.xlsx', row: 8, value: 'Talk' },
      { otherFile: 'b.xlsx', otherRow: 6, otherCell: 'B6', otherUnit: '二坝镇', sameFile: 0, count: 2 },
    );
    expect(renderMessage(across, 'zh')).toContain('与二坝镇（B6）重复');
    expect(renderMessage(across, 'en')).toContain('duplicates 二坝镇 (B6)');
  });

  it('the rules line and the merge summary in English', () => {
    expect(renderRulesLine(defaultRules(), 'en')).toBe('rules: 2023 鸠江区 (built-in)');
    expect(renderRulesLine(defaultRules(), 'zh')).toBe('规则：2023 鸠江区（内置）');
  });
});
