// Trainee results as CSV for Excel (the rules of shared/csv.ts).
import { describeMistakes, type TraineeResult } from './results';
import { toCsv } from '../csv';

export { BOM, csvBytes, csvCell, toCsv } from '../csv';

/** The columns of the 成绩 screen (学员 split into name and 工号 for Excel), 结果 included. */
export const RESULT_COLUMNS = ['学员', '工号', '场景', '练习次数', '最高分', '最近得分', '结果', '常见失误'] as const;

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
      r.passed ? '通过' : '未通过',
      describeMistakes(r.commonMistakes),
    ]),
  ]);
}
