// Shapes of the practice channels (练习模式) in the contract: what a trainee sees of a
// scenario (never its expected outcome), what a finished attempt returns, and the trainer's
// results and class sessions.
import { z } from 'zod';
import { LEVELS } from '../domain/catalogue';
import { Decision } from '../domain/checklist';
import { ClassSession } from './results';
import { SCENARIO_LEVELS } from './scenario';
import { ScoreResult } from './scoring';

export const BUILTIN_PACK_ID = 'builtin';

const id = z.string().trim().min(1).max(64);

export const PackSummary = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number().int(),
  builtin: z.boolean(),
  /** Scenarios usable with the catalogue in use (others are hidden from the list). */
  scenarioCount: z.number().int(),
});
export type PackSummary = z.infer<typeof PackSummary>;

/** One line of the scenario list: enough to choose, nothing of the expected outcome. */
export const ScenarioSummary = z.object({
  packId: z.string(),
  id: z.string(),
  title: z.string(),
  level: z.enum(SCENARIO_LEVELS),
  officeLevel: z.enum(LEVELS),
  /** '李明轩 · 代理人：…' plus the persona's description. */
  personaSummary: z.string(),
  timeTargetSeconds: z.number().int(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

export const DeskCard = z.object({
  /** Opaque id for 'practice.inspect'. */
  cardId: z.string(),
  /** material: on the desk for the item; extra: something else the applicant brought; identity: an ID card or licence. */
  kind: z.enum(['material', 'extra', 'identity']),
  cardText: z.string(),
});
export type DeskCard = z.infer<typeof DeskCard>;

/** The applicant as the trainee meets them at the window. */
export const AttemptView = z.object({
  attemptId: z.string(),
  startedAt: z.string(),
  scenario: ScenarioSummary.omit({ personaSummary: true }),
  /** The practice window moved to an office of the scenario's level: where the trainee sits now. */
  office: z.object({ code: z.string(), name: z.string() }),
  persona: z.object({
    name: z.string(),
    /** As the applicant states it and wrote it on the forms: may fail its check on purpose. */
    idNumber: z.string(),
    phone: z.string(),
    address: z.string().nullable(),
    description: z.string().nullable(),
    company: z.object({ name: z.string(), creditCode: z.string().nullable(), legalRepresentative: z.string() }).nullable(),
  }),
  agent: z.object({ name: z.string(), idNumber: z.string(), phone: z.string(), relation: z.string().nullable() }).nullable(),
  /** The request in the applicant's own words. */
  request: z.string(),
  /** situationId → the applicant's answer when the trainee asks that question. */
  replies: z.record(z.string(), z.string()),
  cards: z.array(DeskCard),
});
export type AttemptView = z.infer<typeof AttemptView>;

/** What the trainee will see of a scenario (the 练习管理 editor's preview): the attempt without its run. */
export const TraineeView = AttemptView.pick({ persona: true, agent: true, request: true, replies: true, cards: true });
export type TraineeView = z.infer<typeof TraineeView>;

/**
 * The trainee's unfinished attempt, found again after signing out and in (the renderer's own
 * state is gone by then). What the practice database holds comes back: the scenario, the time
 * run so far, the cards already inspected and the case decided in it. The intake typed but not
 * yet decided and the 证件号码有误 switch lived only on screen and are not restored.
 */
export const ResumedAttempt = z.object({
  view: AttemptView,
  /** Seconds since the attempt started, by the workstation's clock (the one scoring uses). */
  elapsedSeconds: z.number().int().min(0),
  inspected: z.array(z.object({ cardId: z.string(), text: z.string() })),
  /** The latest practice case this trainee decided since the attempt started, not counted elsewhere. */
  decided: z.object({ caseId: z.string(), caseNumber: z.string(), decision: Decision }).nullable(),
});
export type ResumedAttempt = z.infer<typeof ResumedAttempt>;

export const CurrentAttemptOutput = z.object({
  current: ResumedAttempt.nullable(),
  /** Why an unfinished attempt cannot be resumed (its scenario is no longer usable), in Chinese. */
  unavailable: z.string().nullable(),
});
export type CurrentAttemptOutput = z.infer<typeof CurrentAttemptOutput>;

export const FinishInput = z
  .object({
    attemptId: id,
    /** The practice case decided in this attempt, or null when the trainee stopped without deciding. */
    caseId: id.nullable(),
    /** The trainee reported an identity number or credit code as failing its check. */
    flaggedInvalidId: z.boolean(),
  })
  .strict();

export const FinishOutput = z.object({
  attemptId: z.string(),
  elapsedSeconds: z.number().int(),
  timeTargetSeconds: z.number().int(),
  result: ScoreResult,
  /** The trainer's explanation of the right handling, when the pack has one. */
  explanation: z.string().nullable(),
});
export type FinishOutput = z.infer<typeof FinishOutput>;

export const TraineeResultRow = z.object({
  trainee: z.object({ staffNo: z.string(), name: z.string() }),
  /** '<packId>/<scenarioId>': scenario ids are unique only within a pack. */
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  attempts: z.number().int(),
  bestScore: z.number().int(),
  latestScore: z.number().int(),
  passed: z.boolean(),
  commonMistakes: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
});

export const ResultsInput = z.object({ sessionId: id.optional() }).strict();

export const SessionView = ClassSession.extend({
  createdAt: z.string(),
  trainer: z.object({ staffNo: z.string(), name: z.string() }),
});
export type SessionView = z.infer<typeof SessionView>;

export const CreateSessionInput = ClassSession.omit({ id: true, createdAt: true }).strict();
