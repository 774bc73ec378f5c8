/** A hand-made merge report and its activity rows, shared by the writer tests. */
import { defaultRules } from '../../src/core/config/resolve-rules.js';
import type { Config } from '../../src/core/config/schema.js';
import type { Report, ReportFinding } from '../../src/core/report.js';
import type { SummaryRow } from '../../src/io/write/write-summary.js';

export const CREATED_AT = new Date(Date.UTC(2023, 8, 14, 2, 30));

export function sampleRules(): Config {
  const rules = defaultRules();
  rules.roster = [
    { name: '官陡街道', kind: '镇街', quota: 3, contact: '王芳', phone: '0553-5864150' },
    { name: '湾里街道', kind: '镇街', quota: 2 },
    { name: '区教育局', kind: '区直部门', quota: 2, contact: '李明', phone: '13912345678', emails: ['jyj@example.cn'] },
    { name: '沈巷镇', kind: '镇街', contact: '赵六', phone: '0553-1234567' },
  ];
  rules.rosterSource = 'fixtures/附件1.xlsx';
  rules.source = 'kepuri.config.json';
  return rules;
}

export function finding(p: Partial<ReportFinding> & Pick<ReportFinding, 'code' | 'severity' | 'message' | 'file'>): ReportFinding {
  return { sheet: null, row: null, column: null, cell: null, value: null, unit: null, ...p };
}

export function sampleReport(): Report {
  const rules = sampleRules();
  const findings: ReportFinding[] = [
    finding({
      code: 'date-invalid',
      severity: 'error',
      message: '开始日期「9月31日」不存在,请核对月份和日期',
      file: 'inbox/官陡.xlsx',
      sheet: '活动安排表',
      row: 7,
      column: '开始日期',
      cell: 'G7',
      value: '9月31日',
      unit: '官陡街道',
    }),
    finding({
      code: 'phone-invalid',
      severity: 'error',
      message: '联系电话「123」不是有效号码,请填写手机号或带区号的座机号',
      file: 'inbox/官陡.xlsx',
      sheet: '活动安排表',
      row: 7,
      column: '联系电话',
      cell: 'R7',
      value: '123',
      unit: '官陡街道',
    }),
    finding({
      code: 'date-outside-window',
      severity: 'warning',
      message: '开始日期「2023-10-01」不在集中活动期(2023-09-17 至 2023-09-23)内,请确认',
      file: 'inbox/官陡.xlsx',
      sheet: '活动安排表',
      row: 8,
      column: '开始日期',
      cell: 'G8',
      value: '2023-10-01',
      unit: '官陡街道',
    }),
    finding({
      code: 'date-approximate',
      severity: 'warning',
      message: '开始日期「9月中旬」不是具体日期,暂按 2023-09-11 至 2023-09-20 统计,请填写具体日期',
      file: 'inbox/官陡.xlsx',
      sheet: '活动安排表',
      row: 8,
      column: '开始日期',
      cell: 'G8',
      value: '9月中旬',
      unit: '官陡街道',
    }),
    finding({ code: 'quota-short', severity: 'warning', message: '填报活动 2 项,少于任务数 3 项', file: 'inbox/官陡.xlsx', unit: '官陡街道' }),
    finding({
      code: 'submission-late',
      severity: 'warning',
      message: '2023-09-13 09:00 报送,晚于截止日期 2023-09-12',
      file: 'inbox/湾里.eml#湾里街道活动安排表.xlsx',
      unit: '湾里街道',
    }),
    finding({
      code: 'received-unknown',
      severity: 'info',
      message: '报送时间未知(不是邮件,清单中也没有),不按逾期处理',
      file: 'inbox/官陡.xlsx',
      unit: '官陡街道',
    }),
    finding({ code: 'submission-missing', severity: 'error', message: '区教育局未报送活动安排表', file: 'fixtures/附件1.xlsx', unit: '区教育局' }),
    finding({ code: 'submission-missing', severity: 'error', message: '沈巷镇未报送活动安排表', file: 'fixtures/附件1.xlsx', unit: '沈巷镇' }),
    finding({
      code: 'unit-unknown',
      severity: 'warning',
      message: '单位「=HYPERLINK("x")科协」不在任务分解表中,请核对单位名称',
      file: 'inbox/外单位.xlsx',
      sheet: 'Sheet1',
      row: 3,
      cell: 'C3',
      value: '=HYPERLINK("x")科协',
      unit: '=HYPERLINK("x")科协',
    }),
  ];
  return {
    version: 1,
    rules,
    files: [
      { path: 'inbox/官陡.xlsx', unit: '官陡街道', receivedAt: null, receivedFrom: null, status: 'merged', rows: 2 },
      { path: 'inbox/湾里旧.xlsx', unit: '湾里街道', receivedAt: '2023-09-10T08:00:00+08:00', receivedFrom: 'manifest', status: 'superseded', rows: 1 },
      {
        path: 'inbox/湾里.eml#湾里街道活动安排表.xlsx',
        unit: '湾里街道',
        receivedAt: '2023-09-13T01:00:00.000Z',
        receivedFrom: 'eml',
        status: 'merged',
        rows: 2,
      },
      { path: 'inbox/外单位.xlsx', unit: '=HYPERLINK("x")科协', receivedAt: '2023-09-11T10:05:00+08:00', receivedFrom: 'manifest', status: 'merged', rows: 1 },
      { path: 'inbox/readme.pdf', unit: null, receivedAt: null, receivedFrom: null, status: 'unsupported', rows: 0 },
    ],
    units: [
      { name: '官陡街道', kind: '镇街', quota: 3, activities: 2, submitted: true, late: false, errors: 2, warnings: 3 },
      { name: '湾里街道', kind: '镇街', quota: 2, activities: 2, submitted: true, late: true, errors: 0, warnings: 1 },
      { name: '区教育局', kind: '区直部门', quota: 2, activities: 0, submitted: false, late: false, errors: 0, warnings: 0 },
      { name: '沈巷镇', kind: '镇街', quota: null, activities: 0, submitted: false, late: false, errors: 0, warnings: 0 },
      { name: '=HYPERLINK("x")科协', kind: null, quota: null, activities: 1, submitted: true, late: false, errors: 0, warnings: 1 },
    ],
    totals: { files: 5, rowsRead: 8, rowsMerged: 5, rowsSuperseded: 1, rowsSkipped: 2, rowsInFilesWithoutTable: 0, errors: 4, warnings: 5, infos: 1 },
    findings,
  };
}

export function sampleRows(): SummaryRow[] {
  return [
    {
      unit: '官陡街道',
      category: '镇街主场活动',
      town: '官陡街道',
      startDate: '2023-09-17',
      endDate: '2023-09-19',
      fields: ['科学教育', '卫生健康'],
      hasError: true,
    },
    {
      unit: '官陡街道',
      category: '青少年科技教育专项行动',
      town: '官陡街道',
      startDate: '2023-09-11',
      endDate: '2023-09-20',
      fields: ['科学教育'],
      hasError: false,
    },
    { unit: '湾里街道', category: '镇街主场活动', town: '湾里街道', startDate: '2023-09-18', fields: ['应急科普'], hasError: false },
    {
      unit: '湾里街道',
      category: '“云上”科普',
      town: '全区',
      startDate: '2023-10-01',
      endDate: '2023-10-02',
      fields: ['数字素养', '未知领域'],
      hasError: false,
    },
    { unit: '=HYPERLINK("x")科协', category: undefined, town: undefined, fields: [], hasError: false },
  ];
}
