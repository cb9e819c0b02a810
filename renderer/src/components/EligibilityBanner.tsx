// The 立等可取 verdict at the top of the item view, as the handler judges it (case.terms,
// asked again on every mark, so it changes the moment a material is ticked). Green when the case
// can be finished on the spot; amber while things are only unchecked or deferred; red when a
// material is missing or not in legal form. Every reason is listed, never just the first.
import { memo } from 'react';
import { Button } from 'antd';
import { eligibilityBanner } from '../../../shared/engine/eligibility';
import type { IntakeTerms } from '../../../shared/domain/intakeTerms';
import type { ChecklistResult } from '../../../shared/engine/checklist';
import { DECISION_LABEL, DECISIONS, type Decision } from '../../../shared/domain/checklist';
import { redirectDecisionLabel } from '../../../shared/engine/levelRedirect';

export const EligibilityBanner = memo(function EligibilityBanner({ terms, checklist, onDecide }: { terms: IntakeTerms; checklist: ChecklistResult; onDecide: (d: Decision) => void }) {
  const { eligibility } = terms;
  const blocked = checklist.outstanding.some((l) => l.status === 'missing' || l.status === 'defective');
  const tone = eligibility.eligible ? 'ok' : blocked ? 'bad' : 'warn';
  return (
    <div className={`eligibility-banner ${tone}`} data-testid="eligibility-banner" data-eligible={eligibility.eligible} role="status" aria-live="polite">
      <div className="eligibility-text">
        {eligibility.eligible ? (
          <strong>{eligibilityBanner(eligibility)}</strong>
        ) : (
          <>
            <strong>不可立等可取</strong>
            <ul>
              {eligibility.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <DecisionBar allowed={terms.allowedDecisions} onDecide={onDecide} redirectLabel={redirectDecisionLabel(terms.levelRedirect)} />
    </div>
  );
});

/** One key per decision, 受理 first (IntakeView listens; the buttons show them). */
export const DECISION_KEY: Record<Decision, string> = { accept: 'F6', acceptWithDeferral: 'F7', notifyMissing: 'F8', refuse: 'F9', redirect: 'F10' };
export const decisionForKey = (key: string): Decision | undefined => DECISIONS.find((d) => DECISION_KEY[d] === key);

/** The intake decisions the checklist currently allows; each opens its confirm dialog. */
/** `redirectLabel`: a 本级不办理 引导 names its place (shared/engine/levelRedirect.ts) instead of 分中心. */
export function DecisionBar({ allowed, onDecide, redirectLabel = null }: { allowed: readonly Decision[]; onDecide: (d: Decision) => void; redirectLabel?: string | null }) {
  return (
    <div className="decision-bar" aria-label="可作出的决定" data-testid="decision-bar">
      <span className="decision-caption">可作决定</span>
      {DECISIONS.filter((d) => allowed.includes(d)).map((d) => (
        <Button key={d} size="small" type={d === 'accept' || d === 'redirect' ? 'primary' : 'default'} danger={d === 'refuse'} onClick={() => onDecide(d)} data-testid={`decision-${d}`}>
          {(d === 'redirect' && redirectLabel) || DECISION_LABEL[d]}
          <span className="decision-key">{DECISION_KEY[d]}</span>
        </Button>
      ))}
    </div>
  );
}
