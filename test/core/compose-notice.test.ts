import { describe, expect, it } from 'vitest';
import { composeNotice, noticeFacts, noticeFileText } from '../../src/core/compose-notice.js';
import { resolveReplyBy } from '../../src/core/compose-reply.js';
import { sampleReport } from '../writers/sample-report.js';

const RUN_AT = new Date(Date.UTC(2023, 8, 14, 2, 30));

describe('报送情况通报', () => {
  it('counts roster units only, names the late, the missing with contact and phone, and those asked to resubmit', () => {
    const report = sampleReport();
    const facts = noticeFacts(report, report.rules);
    expect(facts.expected).toBe(4);
    expect(facts.reported).toEqual(['官陡街道', '湾里街道']);
    expect(facts.offRoster).toEqual(['=HYPERLINK("x")科协']);
    expect(facts.late).toEqual([{ name: '湾里街道', receivedAt: '2023-09-13T01:00:00.000Z' }]);
    expect(facts.missing).toEqual([
      { name: '区教育局', contact: '李明', phone: '13912345678' },
      { name: '沈巷镇', contact: '赵六', phone: '0553-1234567' },
    ]);
    // submission-missing is an error, but not one a unit fixes by resubmitting
    expect(facts.toFix).toEqual(['官陡街道']);
    const text = composeNotice(report, report.rules, { runAt: RUN_AT });
    expect(text).toContain('截至2023年9月14日10:30，应报送活动安排表的4个单位中，已报送2个，未报送2个');
    expect(text).toContain('逾期报送（1个）：湾里街道（9月13日报送）');
    expect(text).toContain('未报送（2个）：区教育局（联系人：李明，联系电话：13912345678）、沈巷镇（联系人：赵六，联系电话：0553-1234567）。请尽快报送。');
    expect(text).toContain('需修改后重新报送（1个）：官陡街道。请于9月17日前按反馈意见修改后重新报送。');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([report.rules.association.name, '2023年9月14日']);
  });

  it('says so when everyone reported, leaves out empty parts, and omits a contact the roster lacks', () => {
    const report = sampleReport();
    report.units = report.units.map((u) => ({ ...u, submitted: true, late: false }));
    report.findings = report.findings.filter((f) => f.severity !== 'error');
    const text = composeNotice(report, report.rules, { runAt: RUN_AT, replyBy: resolveReplyBy('2023-09-20', RUN_AT) });
    expect(text).toContain('应报送单位已全部报送。');
    expect(text).not.toMatch(/逾期报送|未报送（|需修改/);
    const missing = sampleReport();
    missing.rules.roster = missing.rules.roster.map((u) => (u.name === '沈巷镇' ? { name: u.name, kind: u.kind } : u));
    expect(composeNotice(missing, missing.rules, { runAt: RUN_AT })).toContain('、沈巷镇。请尽快报送。');
  });

  it('dates a late file by its day in 芜湖, whatever zone the time was written in', () => {
    const report = sampleReport();
    report.files = report.files.map((f) => (f.unit === '湾里街道' && f.status === 'merged' ? { ...f, receivedAt: '2023-09-12T17:30:00Z' } : f));
    expect(composeNotice(report, report.rules, { runAt: RUN_AT })).toContain('湾里街道（9月13日报送）');
  });

  it('is written with a BOM and CRLF line ends', () => {
    expect(noticeFileText('甲\n乙\n')).toBe('\ufeff甲\r\n乙\r\n');
  });
});
