/**
 * The rules in force, as validated data (SPEC §1, §4, §10).
 *
 * Two types: `WrittenConfig` is what a person writes in kepuri.config.json (lists may be left out
 * and fall back to the national lists; the roster may be a path), `Config` is the resolved, complete
 * object every stage reads. The embedded 2023 鸠江区 defaults (defaults-2023.ts) are one instance.
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), '不是有效日期');

const dateWindow = z
  .object({ start: isoDate, end: isoDate })
  .strict()
  .refine((w) => w.start <= w.end, { message: '结束日期早于开始日期', path: ['end'] });

export const UNIT_KINDS = ['区科协', '镇街', '区直部门', '企业', '科普教育基地', '其他'] as const;
export const unitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof unitKind>;

export const categorySchema = z
  .object({
    name: z.string().min(1),
    /** unit kinds that may hold it; omitted or empty = any */
    holders: z.array(unitKind).optional(),
    /** who normally holds it, in words, for the template's instructions */
    note: z.string().optional(),
    /** must be held online (线上 or 线上线下结合) */
    online: z.boolean().optional(),
    /** the district main event: its date must fall in windows.mainEvent */
    districtMainEvent: z.boolean().optional(),
    /** a town's main event: every 镇街 is expected to hold one */
    townMainEvent: z.boolean().optional(),
  })
  .strict();
export type Category = z.infer<typeof categorySchema>;

export const rosterUnitSchema = z
  .object({
    name: z.string().min(1),
    kind: unitKind,
    quota: z.number().int().nonnegative().optional(),
    aliases: z.array(z.string().min(1)).optional(),
    emails: z.array(z.string().min(3)).optional(),
    contact: z.string().optional(),
    phone: z.string().optional(),
  })
  .strict();
export type RosterUnit = z.infer<typeof rosterUnitSchema>;

const windowsSchema = z
  .object({
    /** 集中活动期 */
    concentrated: dateWindow,
    /** 区主场活动 */
    mainEvent: dateWindow,
    /** kepuri.cn 网站填报 */
    website: dateWindow,
  })
  .strict();

const deadlinesSchema = z
  .object({
    /** 活动安排表报送: on time if received by the end of this day */
    schedule: isoDate,
    /** 补充信息 */
    supplementary: isoDate.optional(),
    /** 镇街工作总结 */
    townSummary: isoDate.optional(),
    /** 活动总结: days after an activity ends */
    activitySummaryDays: z.number().int().positive().optional(),
    /** 镇街工作总结 的组成: what each 镇街 sends (kinds of the follow-up tracker) */
    townSummaryParts: z
      .array(z.enum(['总结', 'PPT', '图片', '视频', '汇总表']))
      .min(1)
      .optional(),
    /** 跟进清单: an obligation this many days or fewer before its due date is 即将到期 */
    dueSoonDays: z.number().int().nonnegative().max(30).optional(),
  })
  .strict();

/** The association that signs outputs (replies, 通报, the upward copy's 填报单位 line). */
export const associationSchema = z
  .object({
    /** e.g. 某某市某某区科学技术协会; defaults to `issuer` */
    name: z.string().min(1).optional(),
    /** the clerk's name */
    contact: z.string().min(1).optional(),
    phone: z.string().min(1).optional(),
    email: z.string().min(3).optional(),
  })
  .strict();
export type Association = z.infer<typeof associationSchema>;

/** Resubmission deadline for units asked to fix their table: a date, or days after the run. */
export const replyBySchema = z.union([isoDate, z.number().int().positive().max(60)]);

/** What a person writes. Lists left out fall back to the embedded defaults. */
export const writtenConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** free notes for the person editing the file (JSON has no comments) */
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    /** e.g. 某某区 */
    district: z.string().min(1),
    /** e.g. 某某市某某区科学技术协会 */
    issuer: z.string().min(1).optional(),
    year: z.number().int().min(2000).max(2100),
    theme: z.string().min(1),
    /** the notice's title, for the record */
    notice: z.string().optional(),
    windows: windowsSchema,
    deadlines: deadlinesSchema,
    categories: z.array(categorySchema).min(1).optional(),
    fields: z.array(z.string().min(1)).min(1).optional(),
    forms: z.array(z.string().min(1)).min(1).optional(),
    modes: z.array(z.string().min(1)).min(1).optional(),
    towns: z.array(z.string().min(1)).optional(),
    /** other place names seen as 所属镇街 that are not a town (开发区 …) */
    places: z.array(z.string().min(1)).optional(),
    /** prefixes stripped from unit names before matching (市名, 区名) */
    namePrefixes: z.array(z.string().min(1)).optional(),
    /** inline units, or the path of an 附件1 workbook / CSV (relative to the config file) */
    roster: z.union([z.array(rosterUnitSchema), z.string().min(1)]).optional(),
    nameMaxLength: z.number().int().positive().optional(),
    association: associationSchema.optional(),
    /** 回复中的重新报送期限: YYYY-MM-DD, or a number of days after the run (default 3) */
    replyBy: replyBySchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const key of ['concentrated', 'mainEvent', 'website'] as const) {
      const w = c.windows[key];
      if (!w.start.startsWith(String(c.year)) && !w.end.startsWith(String(c.year))) {
        ctx.addIssue({ code: 'custom', message: `不在 ${c.year} 年内`, path: ['windows', key, 'start'] });
      }
    }
  });
export type WrittenConfig = z.infer<typeof writtenConfigSchema>;

/** The complete rules every stage reads. */
export interface Config {
  district: string;
  issuer: string;
  year: number;
  theme: string;
  notice?: string;
  windows: WrittenConfig['windows'];
  deadlines: WrittenConfig['deadlines'];
  categories: Category[];
  fields: string[];
  forms: string[];
  modes: string[];
  towns: string[];
  places: string[];
  namePrefixes: string[];
  roster: RosterUnit[];
  /** where the roster came from: 'config', 'embedded' or a file path */
  rosterSource: string;
  nameMaxLength: number;
  /** who signs outputs; `name` always set (defaults to issuer) */
  association: Association & { name: string };
  /** a YYYY-MM-DD date, or days after the run; resolved against the run date where used */
  replyBy: string | number;
  timezone: 'Asia/Shanghai';
  /** where these rules came from: 'embedded' or the config file path */
  source: string;
}
