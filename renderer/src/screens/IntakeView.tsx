// One item being taken in: facts, 情形, checklist, applicant, and the 立等可取 verdict.
// The checklist lines are drawn from the pure engine on every keystroke; what a decision
// would record and what blocks it (立等可取, allowed decisions, promised date) is the
// handler's (case.terms), so the screen never judges differently from the save. What is typed
// is autosaved as a 草稿 (useDraftAutosave) until the decision records the case and deletes it.
// Speed on an old PC (bench:ui, docs/benchmarks.md): a key must not re-render the whole screen.
// The checklist engine is memoised on the answers and marks; the handler's verdict is kept when
// a reply says the same; the callbacks handed down are stable; the panels are memoised, so a
// mark re-renders the banner and two checklist rows, a letter the one applicant field.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Alert, Button, Spin, Tag } from 'antd';
import type { ItemDetail, WorkstationContext } from '../../../shared/contract';
import { LEVEL_LABEL } from '../../../shared/domain/catalogue';
import { evaluateChecklist } from '../../../shared/engine/checklist';
import type { IntakeTerms } from '../../../shared/domain/intakeTerms';
import { invoke } from '../api';
import { draftReducer, newDraft, type ApplicantDraft } from '../intake/draft';
import { useDraftAutosave } from '../intake/useDraftAutosave';
import { releaseKeys } from '../intake/typeAhead';
import { DraftStatus } from '../components/DraftStatus';
import { isBlankDraft, type SavedDraft } from '../../../shared/domain/intakeDraft';
import { ApplicantPanel } from '../components/ApplicantPanel';
import { Checklist } from '../components/Checklist';
import { DecisionBar, EligibilityBanner, decisionForKey } from '../components/EligibilityBanner';
import { DecisionDialog, type Decided } from '../components/DecisionDialog';
import { DecisionDone } from '../components/DecisionDone';
import type { Decision, MaterialMark } from '../../../shared/domain/checklist';
import { ItemFacts } from '../components/ItemFacts';
import { RedirectCard } from '../components/RedirectCard';
import { SituationQuestions } from '../components/SituationQuestions';
import { TierTag } from '../components/TierTag';
import { discardDraftPages, draftIdFor, endDraft } from '../scans/draftId';
import { usePages } from '../scans/usePages';
import { applicantKeyOf, useReuseOffers } from '../scans/useReuseOffers';
import type { ReuseOffer } from '../../../shared/scans/api';

/** What the workbench asks of the intake on screen before the clerk leaves it (F4, another item, 退出). */
export interface IntakeHandle {
  /** Something was typed and not yet decided. */
  unsaved(): boolean;
  /** What the leave question names. */
  describe(): string;
  /** The clerk chose to drop it: stop autosaving and delete the draft. */
  discard(): Promise<void>;
  /** Keep it on disk (signing out): write what is pending now. */
  flush(): Promise<void>;
}

interface Props {
  context: WorkstationContext;
  code: string;
  /** A draft the clerk chose to continue (after a reload or the next sign-in). */
  restored?: SavedDraft | null;
  onNext: () => void;
  onOpenCase: (caseId: string) => void;
  handle?: (h: IntakeHandle | null) => void;
}

// After the last material: the first applicant field still empty takes the keyboard.
function focusApplicant() {
  const fields = [...document.querySelectorAll<HTMLInputElement>('[data-testid=applicant-panel] input.ant-input')];
  (fields.find((f) => f.value === '') ?? fields[0])?.focus();
}

export function IntakeView({ context, code, restored = null, onNext, onOpenCase, handle }: Props) {
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  // When the clerk began this applicant's intake: recorded on the case (device time), and the draft's identity.
  const [startedAt] = useState(() => restored?.startedAt ?? new Date().toISOString());
  const [decided, setDecided] = useState<Decided | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => (restored ? { ...restored.content } : newDraft([])));
  const fromDraft = useRef(restored !== null);
  const deciding = draft.decisionForm.open;
  const setDeciding = useCallback((open: Decision | null) => dispatch({ type: 'decisionForm', patch: { open } }), []);
  const onMark = useCallback((materialId: string, mark: MaterialMark | null) => dispatch({ type: 'mark', materialId, mark }), []);
  const onApplicant = useCallback((update: (a: ApplicantDraft) => ApplicantDraft) => dispatch({ type: 'applicantUpdate', update }), []);
  const autosave = useDraftAutosave(code, startedAt, draft, detail !== null && decided === null);
  const live = useRef({ draft, decided, autosave, name: '' });
  live.current = { draft, decided, autosave, name: detail?.item.name ?? '' };
  useEffect(() => {
    if (!handle) return;
    handle({
      unsaved: () => live.current.decided === null && !isBlankDraft(live.current.draft),
      describe: () => {
        const a = live.current.draft.applicant;
        const who = (a.kind === '自然人' ? a.person.name : a.org.name).trim();
        return `${live.current.name}${who ? `（${who}）` : ''}`;
      },
      discard: async () => {
        await live.current.autosave.stop();
        discardDraftPages(code); // the scans go with the text (scans/draftId.ts)
        await invoke('draft.discard', { startedAt });
      },
      flush: async () => {
        await live.current.autosave.flush();
      },
    });
    return () => handle(null);
  }, [handle, startedAt, code]);
  const [focusChecklist, setFocusChecklist] = useState(0);
  const [terms, setTerms] = useState<IntakeTerms | null>(null);
  // The scans of this intake wait under a draft id that survives a reload.
  const draftId = useMemo(() => draftIdFor(code), [code]);
  const scans = usePages({ draftId });
  // 共性材料: the applicant's earlier pages of the item's reusable materials, once the number is whole.
  const applicantKey = applicantKeyOf(draft.applicant);
  const offers = useReuseOffers(code, applicantKey, draftId, scans.pages);
  const takeReuse = useCallback(
    (offer: ReuseOffer) =>
      applicantKey ? invoke('pages.reuse', { itemCode: code, applicantKey, draftId, materialId: offer.materialId, fromCaseId: offer.fromCaseId }) : Promise.resolve(null),
    [applicantKey, code, draftId],
  );

  useEffect(() => {
    let live = true;
    setDetail(null);
    setTerms(null);
    setError(null);
    invoke('catalogue.item', { code }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        // A continued draft keeps what was typed; a new intake starts from the item's first applicant kind.
        if (!fromDraft.current) dispatch({ type: 'reset', serveTargets: d.item.serveTargets });
        fromDraft.current = false;
      },
      (e: Error) => {
        releaseKeys(false); // nothing to type into: held keys are dropped with the message shown
        if (live) setError(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [code]);

  const checklist = useMemo(() => (detail ? evaluateChecklist(detail.item, draft.answers, draft.marks) : null), [detail, draft.answers, draft.marks]);
  // The handler's verdict for the current answers and marks; the previous one stays on screen
  // until the next arrives (a stale reply is dropped).
  useEffect(() => {
    if (!detail) return;
    let live = true;
    invoke('case.terms', { itemCode: detail.item.code, answers: draft.answers, marks: draft.marks }).then(
      // Most marks leave the verdict as it was: keep the object, so nothing re-renders for it.
      (t) => live && setTerms((cur) => (cur && JSON.stringify(cur) === JSON.stringify(t) ? cur : t)),
      () => {}, // e.g. a note over its length while typing: the field says so; keep the last verdict
    );
    return () => {
      live = false;
    };
  }, [detail, draft.answers, draft.marks]);

  // Keyboard flow once the item is on screen (its first verdict arrived): first 情形 question, or straight to the materials.
  const shown = detail !== null && terms !== null;
  useEffect(() => {
    if (!shown) return;
    const first = document.querySelector<HTMLInputElement>('.situations input[type=radio]');
    if (first) first.focus();
    else setFocusChecklist((n) => n + 1);
    // Keys typed while the item opened go to what now has the keyboard (after the checklist took it).
    const replay = window.setTimeout(() => releaseKeys(true));
    return () => window.clearTimeout(replay);
  }, [shown, code]);

  // F6–F10: the decision's dialog, when the handler's terms allow it (and no dialog is open).
  const allowed = terms?.allowedDecisions;
  useEffect(() => {
    if (!allowed || decided) return;
    const onKey = (e: KeyboardEvent) => {
      const d = decisionForKey(e.key);
      if (!d) return;
      e.preventDefault();
      if (live.current.draft.decisionForm.open || document.querySelector('.ant-modal-confirm')) return;
      // Kept mounted behind 今日办件 and 窗口统计: only the intake on screen takes the keys.
      if (!document.querySelector<HTMLElement>('[data-testid=intake]')?.offsetParent) return;
      if (allowed.includes(d)) dispatch({ type: 'decisionForm', patch: { open: d } });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed, decided]);

  // Stable for the memoised panels; they read the latest checklist through the ref.
  const unanswered = useRef(checklist?.unansweredSituations ?? []);
  unanswered.current = checklist?.unansweredSituations ?? [];
  const answerRef = useRef((situationId: string, value: string) => {
    const left = unanswered.current;
    const wasLast = left.length === 1 && left[0].id === situationId;
    dispatch({ type: 'answer', situationId, value });
    if (wasLast) setFocusChecklist((n) => n + 1);
  });
  const checklistScans = useMemo(
    () => ({ draftId, pages: scans.pages, onChanged: scans.reload, offers: applicantKey ? offers : [], takeReuse }),
    [draftId, scans.pages, scans.reload, applicantKey, offers, takeReuse],
  );

  if (error) return <Alert type="error" showIcon title="无法打开事项" description={error} />;
  if (!detail || !checklist || !terms) return <Spin description="正在打开事项…" />;
  if (decided) return <DecisionDone decided={decided} onNext={onNext} onOpenCase={onOpenCase} />;
  const { item } = detail;
  const dialog = deciding && (
    <DecisionDialog
      decision={deciding}
      detail={detail}
      checklist={checklist}
      terms={terms}
      draft={draft}
      startedAt={startedAt}
      onForm={(patch) => dispatch({ type: 'decisionForm', patch })}
      draftId={draftId}
      onCancel={() => setDeciding(null)}
      onDecided={(d) => {
        // The decision deleted the draft in its transaction: nothing more is saved for this intake.
        void autosave.stop();
        setDecided(d);
        // The decided case took its pages; what is left (materials taken off the checklist) goes.
        void invoke('pages.discardDraft', { draftId }).catch(() => {});
        endDraft(code);
      }}
    />
  );
  const applicantPanel = (
    <ApplicantPanel
      serveTargets={item.serveTargets}
      agent={terms.needsAgent}
      redirect={checklist.redirect}
      value={draft.applicant}
      onUpdate={onApplicant}
    />
  );

  const answer = answerRef.current;

  const title = (
    <div className="intake-title">
      <h2 data-testid="item-name">{item.name}</h2>
      <TierTag tier={item.immediateTier} />
      <Tag>{detail.department.name}</Tag>
      <span className="intake-code">{item.code}</span>
      <DraftStatus status={autosave.status} />
      <Button className="intake-next" onClick={onNext} data-testid="next-applicant">
        下一位（F4）
      </Button>
    </div>
  );

  if (checklist.redirect) {
    return (
      <div className="intake redirect" data-testid="intake" data-item-code={item.code}>
        {title}
        <RedirectCard subCenter={detail.subCenter} code={item.subCenterCode} />
        <DecisionBar allowed={terms.allowedDecisions} onDecide={setDeciding} />
        <div className="intake-columns redirect-columns">
          <div className="intake-main">
            <ItemFacts detail={detail} />
          </div>
          <div className="intake-side">{applicantPanel}</div>
        </div>
        {dialog}
      </div>
    );
  }

  return (
    <div className="intake" data-testid="intake" data-item-code={item.code}>
      {/* Title and verdict stay in view while the clerk works down a long checklist. */}
      <div className="intake-sticky">
        {title}
        <EligibilityBanner terms={terms} checklist={checklist} onDecide={setDeciding} />
      </div>
      {!detail.handledHere && (
        <Alert
          type="warning"
          showIcon
          data-testid="level-warning"
          title={`本中心（${LEVEL_LABEL[context.office.level]}）不办理本事项`}
          description={`本事项在${item.levels.map((l) => LEVEL_LABEL[l]).join('、')}办理，请引导申请人前往相应的便民服务中心或代办点。`}
          style={{ marginBottom: 12 }}
        />
      )}
      <div className="intake-columns">
        <div className="intake-main">
          <SituationQuestions situations={item.situations} answers={draft.answers} onAnswer={answer} />
          {checklist.unansweredSituations.length > 0 && (
            <div className="muted-hint">选择全部情形后显示本次所需材料（当前已适用 {checklist.lines.length} 项）</div>
          )}
          <Checklist
            lines={checklist.lines}
            onMark={onMark}
            focusToken={focusChecklist}
            onDone={focusApplicant}
            scans={checklistScans}
          />
        </div>
        <div className="intake-side">
          {applicantPanel}
          <ItemFacts detail={detail} />
        </div>
      </div>
      {dialog}
    </div>
  );
}
