// 情形 questions as radio groups. Arrows move within a group (native radio behaviour), the
// digit keys 1–9 choose the n-th option and move on to the next question (one key per answer),
// Tab / Shift+Tab move between questions.
import { memo, type KeyboardEvent } from 'react';
import { Radio } from 'antd';
import type { Situation } from '../../../shared/domain/catalogue';
import type { Answers } from '../../../shared/domain/checklist';

export const SituationQuestions = memo(function SituationQuestions({ situations, answers, onAnswer }: { situations: Situation[]; answers: Answers; onAnswer: (situationId: string, value: string) => void }) {
  if (situations.length === 0) return null;
  const onKeyDown = (s: Situation) => (e: KeyboardEvent<HTMLDivElement>) => {
    const n = Number(e.key);
    if (!Number.isInteger(n) || n < 1 || n > s.options.length) return;
    e.preventDefault();
    onAnswer(s.id, s.options[n - 1].value);
    // On to the next question (its chosen option, else its first); after the last one the
    // intake moves the keyboard to the materials. Else keep focus on the chosen radio.
    const next = e.currentTarget.closest('.situation')?.nextElementSibling;
    const target = next?.querySelector<HTMLInputElement>('input[type=radio]:checked') ?? next?.querySelector<HTMLInputElement>('input[type=radio]');
    if (target) target.focus();
    else e.currentTarget.querySelectorAll<HTMLInputElement>('input[type=radio]')[n - 1]?.focus();
  };
  return (
    <section className="panel situations" aria-label="情形">
      <h3 className="panel-title">
        情形 <span className="key-hint">数字键选择并进入下一题 · Tab 切换</span>
      </h3>
      {situations.map((s, i) => (
        <div className="situation" key={s.id} data-testid={`situation-${s.id}`}>
          <div className="situation-question" id={`q-${s.id}`}>
            {i + 1}. {s.question}
            {answers[s.id] === undefined && <span className="unanswered">（待选择）</span>}
          </div>
          <div onKeyDown={onKeyDown(s)}>
            <Radio.Group
              aria-labelledby={`q-${s.id}`}
              value={answers[s.id]}
              onChange={(e) => onAnswer(s.id, e.target.value as string)}
              options={s.options.map((o, k) => ({ value: o.value, label: `${k + 1} ${o.label}` }))}
            />
          </div>
        </div>
      ))}
    </section>
  );
});
