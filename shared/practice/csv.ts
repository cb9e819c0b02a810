// Trainee results as CSV for Excel (the rules of shared/csv.ts).
import { describeMistakes, type TraineeResult } from './results';
import { toCsv } from '../csv';

export { BOM, csvBytes, csvCell, toCsv } from '../csv';

export const RESULT_COLUMNS = ['学员', '工号', '场景', '尝试次数', '最高分', '最近得分', '常见错误'] as const;

export function resultsCsv(results: readonly TraineeResult[]): string {
  return toCsv([
    [...RESULT_COLUMNS],
    ...results.map((r) => [
      r.trainee.name,
      r.trainee.staffNo,
      r.scenarioTitle,
      r.attempts,
      r.bestScore,
      r.latestScore,
      describeMistakes(r.commonMistakes),
    ]),
  ]);
}
