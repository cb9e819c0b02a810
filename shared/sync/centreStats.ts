// The centre dashboard API (GET /backoffice/api/stats/centre): a period, a grouping, the
// figures of shared/stats/centre.ts and the names to show them with.
import { z } from 'zod';
import { GROUP_BYS } from '../stats/centre';

const Day = z.iso.date({ message: '日期应为 YYYY-MM-DD' });
export const CentreStatsQuery = z
  .object({
    /** China days, both included. */
    from: Day,
    to: Day,
    groupBy: z.enum(GROUP_BYS).default('office'),
    officeCode: z.string().max(20).optional(),
    departmentCode: z.string().max(64).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: '统计区间最长一年', path: ['to'] });
export type CentreStatsQuery = z.infer<typeof CentreStatsQuery>;

const Figures = z.looseObject({ key: z.string() });
export const CentreStatsResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  groupBy: z.enum(GROUP_BYS),
  total: Figures,
  groups: z.array(Figures),
  repeat: z.object({ notified: z.number().int(), repeated: z.number().int(), rate: z.number().nullable() }),
  supplementByItem: z.array(z.looseObject({ key: z.string() })),
  failingMaterials: z.array(z.looseObject({ itemCode: z.string(), materialId: z.string() })),
  overdue: z.array(z.looseObject({ caseId: z.string(), daysOverdue: z.number().int() })),
  daily: z.array(z.object({ day: z.string(), decided: z.number().int(), good: z.number().int(), bad: z.number().int() })),
  /** Names of what the keys stand for (offices, windows `office:code`, departments, items, materials `item:material`). */
  names: z.record(z.string(), z.string()),
  /** Cases read to compute it (in scope). */
  casesRead: z.number().int(),
});
export type CentreStatsResponse = z.infer<typeof CentreStatsResponse>;
