// The confirm dialog of an intake decision: what the decision will record and print, and
// whatever it still needs from the clerk (承诺 and 补正期限, 理由, …). Nothing is stored
// until 确认; the handler re-checks everything and its refusal is shown here in Chinese.
// The fields live in the intake's draft (autosaved), so a reload reopens the dialog as left.
// Keyboard: the dialog opens on 确认 (Enter confirms); in the 理由 field Ctrl+Enter confirms.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Alert, Button, DatePicker, Descriptions, Input, Modal, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemDetail } from '../../../shared/contract';
import type { ChecklistResult } from '../../../shared/engine/checklist';
import type { IntakeTerms } from '../../../shared/domain/intakeTerms';
import { DECISION_LABEL, type Decision } from '../../../shared/domain/checklist';
import { redirectDecisionLabel } from '../../../shared/engine/levelRedirect';
import { TIER_LABEL, TIER_MINUTES } from '../../../shared/domain/catalogue';
import { maskIdNumber } from '../../../shared/validate/idcard';
import { VISITOR_LABEL } from '../../../shared/domain/applicant';
import { COMMON_REFUSAL_REASONS, refusalLines } from '../../../shared/domain/case';
import { invoke } from '../api';
import type { IntakeDraft } from '../intake/draft';
import type { DraftDecisionForm } from '../../../shared/domain/intakeDraft';
import { partiesOf, partyProblems } from '../intake/parties';
import { ErrorAlert } from './ErrorAlert';
import { focusOnOpen } from './dialogFocus';
import { RedirectCard } from './RedirectCard';

export interface Decided {
  caseId: string;
  caseNumber: string;
  decision: Decision;
}

interface Props {
  decision: Decision;
  detail: ItemDetail;
  checklist: ChecklistResult;
  /** The handler's terms (case.terms): dates, bounds and blockers exactly as the save will judge. */
  terms: IntakeTerms;
  draft: IntakeDraft;
  startedAt: string;
  /** Writes the dialog's fields into the draft. */
  onForm: (patch: Partial<DraftDecisionForm>) => void;
  /** The scans taken for this intake join the case with the decision. */
  draftId?: string;
  onCancel: () => void;
  onDecided: (d: Decided) => void;
}

/** 'YYYY-MM-DD' → 'YYYY年M月D日'. */
export const cnDate = (ymd: string): string => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function DecisionDialog({ decision, detail, checklist, terms, draft, startedAt, onForm, draftId, onCancel, onDecided }: Props) {
  const { item } = detail;
  const { today, eligibility } = terms;
  const promisedDate = terms.onTheSpot ? null : terms.promisedDate;
  const deferred = checklist.lines.filter((l) => l.status === 'deferred');
  const problems = checklist.outstanding.filter((l) => l.status === 'missing' || l.status === 'defective');

  const form = draft.decisionForm;
  // Until the clerk edits it, the commitment is written from the deferred materials.
  const commitment =
    form.commitment ??
    [
      `本人（本单位）承诺在补正期限内补交以下容缺材料：${deferred.map((l, i) => `${i + 1}. ${l.material.name}`).join('；')}。`,
      '所补交材料真实有效，与申请时承诺一致；逾期未补交的，同意终止本次申请，并承担相应法律责任。',
    ].join('');
  const setCommitment = (v: string) => onForm({ commitment: v });
  const lastDeadline = terms.latestSupplementDeadline;
  const deadline: Dayjs | null = dayjs(form.supplementDeadline ?? lastDeadline);
  const offDays = useMemo(() => new Set(terms.nonWorkingDays), [terms.nonWorkingDays]);
  const setDeadline = (d: Dayjs | null) => onForm({ supplementDeadline: d ? d.format('YYYY-MM-DD') : null });
  const { reasons, applyTo } = form;
  const setReasons = (v: string) => onForm({ reasons: v });
  const setApplyTo = (v: string) => onForm({ applyTo: v });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const parties = useMemo(() => partiesOf(draft.applicant, terms.needsAgent && decision !== 'redirect', decision === 'redirect'), [draft.applicant, terms.needsAgent, decision]);
  const partyIssues = partyProblems(parties);

  const blockers: string[] = [...partyIssues, ...(terms.blockers[decision] ?? [])];
  if (decision === 'refuse' && !reasons.trim()) blockers.push('请填写不予受理的理由');
  if (decision === 'acceptWithDeferral' && !commitment.trim()) blockers.push('请填写申请人承诺内容');
  if (decision === 'acceptWithDeferral' && !deadline) blockers.push('请选择补正期限');

  const confirm = async () => {
    if (busy || blockers.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('case.decide', {
        itemCode: item.code,
        answers: draft.answers,
        marks: draft.marks,
        applicant: parties.applicant,
        agent: parties.agent,
        decision,
        startedAt,
        ...(draftId ? { draftId } : {}),
        ...(decision === 'refuse' ? { refusal: { reasons: reasons.trim(), applyTo: applyTo.trim() } } : {}),
        ...(decision === 'acceptWithDeferral' && deadline ? { deferral: { commitment: commitment.trim(), supplementDeadline: deadline.format('YYYY-MM-DD') } } : {}),
      });
      onDecided({ ...r, decision });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const confirmOnCtrlEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void confirm();
    }
  };

  const a = parties.applicant;
  const who =
    a.kind === 'visitor'
      ? [a.name?.trim() || VISITOR_LABEL, a.phone?.trim(), '引导无需登记证件'].filter(Boolean).join(' · ')
      : a.kind === 'person'
        ? `${a.name || '（未填写）'} · ${a.idNumber ? maskIdNumber(a.idNumber) : '身份证号未填写'}`
        : `${a.name || '（未填写）'} · ${a.creditCode || '统一社会信用代码未填写'}`;
  const received = checklist.lines.filter((l) => l.status === 'satisfied').length;
  // 本级不办理: 引导 names where the applicant goes, not 分中心 (shared/engine/levelRedirect.ts).
  const label = (decision === 'redirect' && redirectDecisionLabel(terms.levelRedirect)) || DECISION_LABEL[decision];

  return (
    <Modal
      open
      width={720}
      title={`${label} · ${item.name}`}
      onCancel={onCancel}
      maskClosable={false}
      afterOpenChange={focusOnOpen('decision-dialog', decision === 'refuse' ? '#refusal-reasons' : '[data-testid=decision-confirm]')}
      data-testid="decision-dialog"
      footer={
        <>
          <Button onClick={onCancel}>返回修改</Button>
          <Button
            type="primary"
            danger={decision === 'refuse'}
            size="large"
            loading={busy}
            disabled={blockers.length > 0}
            onClick={confirm}
            autoFocus={decision !== 'refuse'}
            data-testid="decision-confirm"
          >
            确认{label}
          </Button>
        </>
      }
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 110 } }}
        items={[
          { key: 'who', label: a.kind === 'person' ? '申请人' : a.kind === 'visitor' ? '来访人' : '申请单位', children: <span data-testid="decision-who">{who}</span> },
          ...(parties.agent ? [{ key: 'agent', label: '代理人', children: `${parties.agent.name || '（未填写）'} · ${parties.agent.idNumber ? maskIdNumber(parties.agent.idNumber) : '身份证号未填写'}` }] : []),
          ...(decision === 'accept' || decision === 'acceptWithDeferral'
            ? [
                { key: 'received', label: '已收材料', children: `${received} 项${deferred.length ? `，容缺 ${deferred.length} 项` : ''}` },
                {
                  key: 'kind',
                  label: '办件类型',
                  children:
                    promisedDate === null ? (
                      <span data-testid="decision-kind">
                        <Tag color="green" className="kind-tag">即办件</Tag>当场办结
                        {decision === 'accept' && eligibility.eligible && eligibility.tier && (
                          <>
                            {' '}
                            · 立等可取 {TIER_LABEL[eligibility.tier]}（{TIER_MINUTES[eligibility.tier]} 分钟内）
                          </>
                        )}
                      </span>
                    ) : (
                      <span data-testid="decision-kind">
                        <Tag color="blue" className="kind-tag">承诺件</Tag>承诺 {item.promisedDays} 个工作日，
                        <strong data-testid="promised-date">{cnDate(promisedDate)}</strong> 前办结
                      </span>
                    ),
                },
              ]
            : []),
        ]}
      />

      {decision === 'acceptWithDeferral' && (
        <div className="decision-section">
          <div className="decision-label">容缺材料</div>
          <ul className="decision-list" data-testid="deferred-list">
            {deferred.map((l) => (
              <li key={l.material.id}>{l.material.name}</li>
            ))}
          </ul>
          <label className="decision-label" htmlFor="deferral-commitment">
            申请人承诺（打印在容缺受理通知书上，由申请人签字）
          </label>
          <Input.TextArea id="deferral-commitment" autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} value={commitment} onChange={(e) => setCommitment(e.target.value)} data-testid="deferral-commitment" />
          <div className="decision-label">
            补正期限 <span className="muted-inline">（今天至{promisedDate ? `承诺办结日 ${cnDate(promisedDate)}` : ` ${cnDate(lastDeadline)}`}）</span>
          </div>
          <DatePicker
            value={deadline}
            onChange={setDeadline}
            allowClear={false}
            aria-label="补正期限"
            data-testid="deferral-deadline"
            disabledDate={(d) => d.isBefore(dayjs(today), 'day') || d.isAfter(dayjs(lastDeadline), 'day')}
            cellRender={(d, info) =>
              info.type === 'date' && dayjs.isDayjs(d) && offDays.has(d.format('YYYY-MM-DD')) ? (
                <div className="ant-picker-cell-inner off-day" title="非工作日">
                  {d.date()}
                </div>
              ) : (
                info.originNode
              )
            }
          />
          {deadline && offDays.has(deadline.format('YYYY-MM-DD')) && (
            <Alert
              type="warning"
              showIcon
              data-testid="deadline-non-working"
              style={{ marginTop: 8 }}
              title={`${cnDate(deadline.format('YYYY-MM-DD'))}是非工作日（周末或法定节假日），申请人当天可能无法补交材料，请确认或改选工作日`}
            />
          )}
        </div>
      )}

      {decision === 'notifyMissing' && (
        <div className="decision-section">
          <div className="decision-label">一次性告知以下全部问题（{problems.length} 项）</div>
          <ol className="decision-list" data-testid="missing-list">
            {problems.map((l) => (
              <li key={l.material.id} className={l.status === 'defective' && !l.mark?.note ? 'blocked' : undefined}>
                <strong>{l.material.name}</strong>
                <Tag color="red" style={{ marginLeft: 6 }}>
                  {l.status === 'missing' ? '缺失' : '不符合法定形式'}
                </Tag>
                {l.status === 'defective' && !l.mark?.note ? <span className="material-reason">须写明原因</span> : <span>{l.mark?.note || l.reason}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}

      {decision === 'refuse' && (
        <div className="decision-section">
          <div className="decision-label">常用理由（点选加入，再点移除）</div>
          <div className="refusal-picks" data-testid="refusal-picks">
            {COMMON_REFUSAL_REASONS.map((r) => {
              const lines = refusalLines(reasons);
              const on = lines.includes(r);
              return (
                <Button
                  key={r}
                  size="small"
                  type={on ? 'primary' : 'default'}
                  aria-pressed={on}
                  onClick={() => setReasons((on ? lines.filter((l) => l !== r) : [...lines, r]).join('\n'))}
                >
                  {r}
                </Button>
              );
            })}
          </div>
          <label className="decision-label" htmlFor="refusal-reasons">
            不予受理的理由（每行一条，逐条列入通知书）
          </label>
          <Input.TextArea
            id="refusal-reasons"
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
            onKeyDown={confirmOnCtrlEnter}
            placeholder="如：申请事项依法不属于本机关职权范围"
            data-testid="refusal-reasons"
          />
          <label className="decision-label" htmlFor="refusal-apply-to">
            告知申请人向以下机关申请（可不填）
          </label>
          <Input id="refusal-apply-to" maxLength={200} value={applyTo} onChange={(e) => setApplyTo(e.target.value)} data-testid="refusal-apply-to" />
          <div className="muted-hint">通知书将同时告知申请人依法申请行政复议（60日内）或提起行政诉讼（6个月内）的权利。</div>
        </div>
      )}

      {decision === 'redirect' && (
        <div className="decision-section">
          <RedirectCard subCenter={terms.levelRedirect ?? detail.subCenter} code={item.subCenterCode} />
        </div>
      )}

      {blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="decision-blockers"
          title="还不能确认"
          description={
            <ul className="error-details">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
          style={{ marginTop: 12 }}
        />
      )}
      <div style={{ marginTop: 12 }}>
        <ErrorAlert error={error} testId="decision-error" title={`未能${label}`} />
      </div>
    </Modal>
  );
}
