/** report.json is written in pieces; the pieces must join to exactly JSON.stringify(report, null, 2). */
import { describe, expect, it } from 'vitest';
import { reportJsonChunks } from '../../src/core/report.js';
import { sampleReport } from '../writers/sample-report.js';

describe('reportJsonChunks', () => {
  it('joins to JSON.stringify(report, null, 2), for any batch size', () => {
    const report = sampleReport();
    expect(report.findings.length).toBeGreaterThan(2);
    // awkward values: quotes, line breaks and backslashes inside strings, nulls, Chinese
    report.findings[0] = { ...report.findings[0], value: '第一行\n"第二行"\\ 末尾', message: '单元格 G9:日期\t有误' };
    const whole = JSON.stringify(report, null, 2);
    for (const batch of [1, 2, 3, 1000]) expect([...reportJsonChunks(report, batch)].join(''), `batch ${batch}`).toBe(whole);
    expect(JSON.parse([...reportJsonChunks(report, 2)].join(''))).toEqual(report);
  });

  it('handles a report without findings', () => {
    const report = { ...sampleReport(), findings: [] };
    expect([...reportJsonChunks(report)].join('')).toBe(JSON.stringify(report, null, 2));
  });

  it('never builds the findings as one string', () => {
    const base = sampleReport();
    const findings = Array.from({ length: 2500 }, (_, i) => ({ ...base.findings[i % base.findings.length], row: i }));
    const pieces = [...reportJsonChunks({ ...base, findings }, 1000)];
    expect(pieces.length).toBe(1 + 3 + 1);
    expect(pieces.join('')).toBe(JSON.stringify({ ...base, findings }, null, 2));
  });
});
