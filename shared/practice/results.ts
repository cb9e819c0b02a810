// Trainee results for the trainer: every attempt is kept; this folds them into one row per
// trainee and scenario (attempts, best and latest score, the mistakes made most often), and
// defines a class session: an ordered list of scenarios a trainer runs with a class.
import { z } from 'zod';
import { ScoreResult } from './scoring';
import type { ScenarioPack } from './scenario';

export const Trainee = z.object({
  /** 工号 */
  staffNo: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(30),
});
export type Trainee = z.infer<typeof Trainee>;

export const AttemptRecord = z.object({
  trainee: Trainee,
  scenarioId: z.string().min(1),
  scenarioTitle: z.string(),
  /** When the attempt ended, ISO-8601 with offset; orders attempts for "latest". */
  at: z.string().datetime({ offset: true }),
  result: ScoreResult,
});
export type AttemptRecord = z.infer<typeof AttemptRecord>;

export interface CommonMistake {
  key: string;
  label: string;
  /** In how many of the attempts this point was not earned in full. */
  count: number;
}

export interface TraineeResult {
  trainee: Trainee;
  scenarioId: string;
  scenarioTitle: string;
  attempts: number;
  bestScore: number;
  latestScore: number;
  passed: boolean;
  commonMistakes: CommonMistake[];
}

/** How many mistakes a result row names. */
export const COMMON_MISTAKES_SHOWN = 3;

/**
 * One row per (trainee, scenario), ordered by 工号 then by scenario in first-attempt order.
 * Common mistakes: the point keys most often failed, most frequent first, ties by key.
 */
export function aggregateResults(records: readonly AttemptRecord[]): TraineeResult[] {
  const groups = new Map<string, AttemptRecord[]>();
  for (const r of records) {
    const k = `${r.trainee.staffNo}\u0000${r.scenarioId}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const rows: TraineeResult[] = [];
  for (const g of groups.values()) {
    const byTime = [...g].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const latest = byTime[byTime.length - 1];
    const mistakes = new Map<string, CommonMistake>();
    for (const r of g) {
      for (const p of r.result.points) {
        if (p.earned >= p.max) continue;
        const m = mistakes.get(p.key) ?? { key: p.key, label: p.label, count: 0 };
        m.count += 1;
        mistakes.set(p.key, m);
      }
    }
    rows.push({
      trainee: latest.trainee,
      scenarioId: latest.scenarioId,
      scenarioTitle: latest.scenarioTitle,
      attempts: g.length,
      bestScore: Math.max(...g.map((r) => r.result.score)),
      latestScore: latest.result.score,
      passed: g.some((r) => r.result.passed),
      commonMistakes: [...mistakes.values()]
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, COMMON_MISTAKES_SHOWN),
    });
  }
  const order = new Map<string, number>();
  for (const r of records) if (!order.has(r.scenarioId)) order.set(r.scenarioId, order.size);
  return rows.sort(
    (a, b) =>
      (a.trainee.staffNo < b.trainee.staffNo ? -1 : a.trainee.staffNo > b.trainee.staffNo ? 1 : 0) ||
      (order.get(a.scenarioId) ?? 0) - (order.get(b.scenarioId) ?? 0),
  );
}

/** '受理决定（2次）；材料：营业执照（1次）' for a result row. */
export function describeMistakes(mistakes: readonly CommonMistake[]): string {
  return mistakes.map((m) => `${m.label}（${m.count}次）`).join('；');
}

// ── Class sessions ──────────────────────────────────────────────────────────

export const ClassSession = z.object({
  id: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1, '请填写课程名称').max(60),
  /** The pack the scenarios come from. */
  packId: z.string().trim().min(1).max(40),
  /** Scenario ids in the order the class runs them. */
  scenarioIds: z
    .array(z.string().min(1))
    .min(1, '课程至少包含一个场景')
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, '课程中的场景不能重复'),
  createdAt: z.string().datetime({ offset: true }).optional(),
});
export type ClassSession = z.infer<typeof ClassSession>;

/** Chinese reasons a session does not fit a pack (empty when it does). */
export function sessionErrors(session: ClassSession, pack: ScenarioPack): string[] {
  const errors: string[] = [];
  if (session.packId !== pack.id) errors.push(`课程使用的场景包为 ${session.packId}，不是 ${pack.id}`);
  const known = new Set(pack.scenarios.map((s) => s.id));
  for (const id of session.scenarioIds) if (!known.has(id)) errors.push(`场景包中没有场景 ${id}`);
  return errors;
}
