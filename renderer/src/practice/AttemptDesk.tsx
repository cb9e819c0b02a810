// The applicant at the window during one practice attempt: who they are, what they ask in
// their own words, what they answer to the item's 情形 questions, and the papers on the desk
// as cards. A card shows its defect only when inspected, like a real document. The trainee
// does the intake on the ordinary screens; 完成 hands the case they decided to scoring.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Switch, Tag } from 'antd';
import type { AttemptView, DeskCard } from '../../../shared/practice/api';
import { DECISION_LABEL } from '../../../shared/domain/checklist';
import { invoke } from '../api';
import type { IntakeFollow } from './intakeFollow';
import { RunningTime } from './RunningTime';

const KIND_LABEL: Record<DeskCard['kind'], string> = { material: '材料', extra: '其他', identity: '证件' };

export interface DeskOutcome {
  flaggedInvalidId: boolean;
}

/** Mounted once per attempt (keyed by its id), so a new attempt starts with nothing inspected or flagged. */
export function AttemptDesk({
  view,
  follow,
  startedAt,
  onFinish,
  busy,
  resumedInspected,
}: {
  view: AttemptView;
  follow: IntakeFollow;
  startedAt: number;
  onFinish: (o: DeskOutcome) => void;
  busy: boolean;
  /** Set when this attempt was found again after signing in: the cards already inspected. */
  resumedInspected?: Record<string, string>;
}) {
  const [inspected, setInspected] = useState<Record<string, string>>(() => resumedInspected ?? {});
  const [flagged, setFlagged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { persona, agent, scenario } = view;
  const { modal } = AntApp.useApp();

  const inspect = async (card: DeskCard) => {
    if (inspected[card.cardId]) return;
    try {
      const r = await invoke('practice.inspect', { attemptId: view.attemptId, cardId: card.cardId });
      setInspected((m) => ({ ...m, [r.cardId]: r.text }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const finish = () => {
    if (follow.decided) return onFinish({ flaggedInvalidId: flagged });
    modal.confirm({
      title: '还没有作出受理决定',
      content: '本次练习将按“未作出决定”评分。确定结束吗？',
      okText: '结束并评分',
      cancelText: '继续办理',
      onOk: () => onFinish({ flaggedInvalidId: flagged }),
    });
  };

  const situations = follow.item?.situations ?? [];
  return (
    <div className="practice-desk" data-testid="practice-desk" data-attempt-id={view.attemptId}>
      <div className="practice-desk-title">
        <strong data-testid="practice-scenario-title">{scenario.title}</strong>
        <RunningTime startedAt={startedAt} targetSeconds={scenario.timeTargetSeconds} />
      </div>
      <div className="practice-seat">本次练习窗口：{view.office.name}</div>
      {resumedInspected && (
        <Alert
          type="info"
          showIcon
          className="practice-resumed"
          data-testid="practice-resumed"
          title={
            <>
              <strong>已恢复未完成的练习</strong>
              <div className="practice-resumed-note">
                场景、用时{Object.keys(resumedInspected).length ? '、已查看的材料' : ''}
                {follow.decided ? '和已作出的决定' : ''}已恢复；“证件号码有误”标记和尚未作出决定的受理录入未保存，请重新填写。
              </div>
            </>
          }
        />
      )}

      <section className="practice-block" aria-label="申请人">
        <h4>申请人</h4>
        <dl className="practice-persona" data-testid="practice-persona">
          <dt>姓名</dt>
          <dd>{persona.name}</dd>
          <dt>自报身份证号</dt>
          <dd className="mono">{persona.idNumber}</dd>
          <dt>电话</dt>
          <dd className="mono">{persona.phone}</dd>
          {persona.address && (
            <>
              <dt>住址</dt>
              <dd>{persona.address}</dd>
            </>
          )}
          {persona.company && (
            <>
              <dt>单位</dt>
              <dd>
                {persona.company.name}
                {persona.company.creditCode && <div className="mono">{persona.company.creditCode}</div>}
                <div>法定代表人：{persona.company.legalRepresentative}</div>
              </dd>
            </>
          )}
          {agent && (
            <>
              <dt>代理人</dt>
              <dd>
                {agent.name}
                {agent.relation && `（${agent.relation}）`}
                <div className="mono">{agent.idNumber}</div>
                <div className="mono">{agent.phone}</div>
              </dd>
            </>
          )}
        </dl>
        {persona.description && <div className="practice-description">{persona.description}</div>}
      </section>

      <section className="practice-block" aria-label="申请人说">
        <h4>申请人说</h4>
        <blockquote className="practice-speech" data-testid="practice-request">
          {view.request}
        </blockquote>
      </section>

      <section className="practice-block" aria-label="问情形时的回答">
        <h4>问到情形时，申请人回答</h4>
        {situations.length === 0 ? (
          <div className="muted-hint">{follow.item ? '本事项没有情形问题。' : '打开事项后，这里显示申请人对各个情形问题的回答。'}</div>
        ) : (
          <ul className="practice-replies" data-testid="practice-replies">
            {situations.map((s) => (
              <li key={s.id} data-situation={s.id}>
                <div className="practice-question">问：{s.question}</div>
                <div className="practice-answer">答：“{view.replies[s.id] ?? '这个我不太清楚。'}”</div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="practice-block" aria-label="桌上的材料">
        <h4>桌上的材料 <span className="key-hint">点击或按 Enter 仔细查看</span></h4>
        <div className="practice-cards">
          {view.cards.map((c) => {
            const text = inspected[c.cardId];
            return (
              <button
                key={c.cardId}
                type="button"
                className={`practice-card kind-${c.kind}${text ? ' inspected' : ''}`}
                onClick={() => inspect(c)}
                aria-expanded={!!text}
                data-testid={`desk-card-${c.cardId}`}
              >
                <span className="practice-card-kind">{KIND_LABEL[c.kind]}</span>
                <span className="practice-card-text">{c.cardText}</span>
                {text && (
                  <span className="practice-card-detail" data-testid={`desk-card-detail-${c.cardId}`}>
                    {text}
                  </span>
                )}
              </button>
            );
          })}
        </div>
      </section>

      <section className="practice-block practice-finish" aria-label="完成">
        <label className="practice-flag">
          <Switch checked={flagged} onChange={setFlagged} data-testid="practice-flag-invalid" />
          <span>证件号码有误（申请人所报身份证号或统一社会信用代码校验不通过）</span>
        </label>
        <div className="practice-decided" data-testid="practice-decided">
          {follow.decided ? (
            <>
              已作出决定：<Tag color="purple">{DECISION_LABEL[follow.decided.decision]}</Tag>
              <span className="mono">{follow.decided.caseNumber}</span>
            </>
          ) : (
            <span className="muted-hint">尚未作出受理决定</span>
          )}
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        <Button type="primary" block size="large" loading={busy} onClick={finish} data-testid="practice-finish">
          完成，查看评分
        </Button>
      </section>
    </div>
  );
}
