// One case: applicant (in full, the view is audited), item, materials received with the clerk's
// marks (named from the catalogue version the case was started under), timeline, and the review
// panel (claim, decision, 延期, 挂起) showing what the server says the signed-in person may do.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Spin, Table, Tag, Timeline } from 'antd';
import type { CaseDetailResponse, CatalogueItemResponse } from '../../../shared/sync/backoffice';
import { MARK_LABEL, DECISION_LABEL } from '../../../shared/domain/checklist';
import { evaluateChecklist, type ChecklistLine } from '../../../shared/engine/checklist';
import { api, ApiFailure } from './api';
import { EVENT_LABEL, formatDay, formatTime, INTAKE_STATUS_LABEL, LINE_STATUS_COLOR, LINE_STATUS_LABEL, REVIEW_STATUS_COLOR, REVIEW_STATUS_LABEL } from './labels';
import { ReviewPanel } from './ReviewPanel';
import { MaterialPages, type Verdicts } from './MaterialPages';
import { ApplicantCard } from './ApplicantCard';
import { ClockTag } from './CaseList';
import { backOfficeLine } from './timelineLines';
import type { StaffSession } from './session';

export function CaseView({ caseId, session, onBack }: { caseId: string; session: StaffSession; onBack: () => void }) {
  const [detail, setDetail] = useState<CaseDetailResponse | null>(null);
  const [item, setItem] = useState<CatalogueItemResponse | null>(null);
  const [itemError, setItemError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verdicts, setVerdicts] = useState<Verdicts>({});

  const load = useCallback(async () => {
    try {
      const d = await api.caseDetail(caseId);
      setDetail(d);
      // Materials are named from the catalogue version the case was started under.
      api.item(d.case.itemCode, d.state?.catalogueVersion || undefined).then(setItem, (e) => setItemError(e instanceof ApiFailure ? e.message : '无法读取事项目录'));
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '加载失败，请重试');
    }
  }, [caseId]);
  useEffect(() => { void load(); }, [load]);

  const back = <Button onClick={onBack} data-testid="back-to-list">← 返回办件列表</Button>;
  if (error) return <>{back}<Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /></>;
  if (!detail) return <Spin />;

  const c = detail.case;
  const state = detail.state;
  const answers = state?.answers ?? {};
  const marks = state?.marks ?? {};
  const checklist = item ? evaluateChecklist(item.item, answers, marks) : null;

  return (
    <>
      <div style={{ marginBottom: 16 }}>{back}</div>
      <div className="case-grid">
        <div style={{ display: 'grid', gap: 16 }}>
          <Card title={<>办件 {c.caseNumber ?? '（未编号）'} {c.reviewStatus ? <Tag color={REVIEW_STATUS_COLOR[c.reviewStatus]} data-testid="case-review-status">{REVIEW_STATUS_LABEL[c.reviewStatus]}</Tag> : <Tag data-testid="case-review-status">{detail.actions.reviewable ? '待审批' : '无需审批'}</Tag>} <ClockTag c={c} /></>}>
            <Descriptions column={2} size="small" bordered items={[
              { key: 'item', label: '事项', span: 2, children: <>{item?.item.name ?? c.itemName ?? '（目录中无此事项）'} <span className="item-code">{c.itemCode}</span></> },
              { key: 'dept', label: '部门', children: item?.department?.name ?? c.departmentCode ?? '未归属部门' },
              { key: 'status', label: '窗口受理状态', children: INTAKE_STATUS_LABEL[c.status] },
              { key: 'time', label: '窗口受理时间', children: formatTime(c.createdDeviceTime) },
              { key: 'limit', label: '承诺时限', children: item ? (item.item.promisedDays ? `${item.item.promisedDays} 个工作日` : '即办') : '—' },
              { key: 'due', label: '承诺办结日期', children: <span data-testid="promised-date">{state?.promisedDate ? formatDay(state.promisedDate) : '—'}{state?.extendedDays ? `（已延期 ${state.extendedDays} 个工作日）` : ''}</span> },
              { key: 'sus', label: '挂起', children: state?.suspension ? `挂起中：${state.suspension.reason}` : state?.suspendedWorkdays ? `累计挂起 ${state.suspendedWorkdays} 个工作日` : '无' },
            ]} />
          </Card>
          <ApplicantCard state={state} />
          <Card title="收取的材料"><div data-testid="materials">
            {itemError && <Alert type="warning" showIcon title={itemError} style={{ marginBottom: 12 }} />}
            {item && !item.exactVersion && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }}
                title={`服务器上没有该办件受理时的目录版本，材料名称按当前目录（第 ${item.version} 版）显示`} />
            )}
            {item && checklist && item.item.situations.length > 0 && (
              <Descriptions column={1} size="small" colon={false} style={{ marginBottom: 12 }} items={item.item.situations.map((s) => ({
                key: s.id, label: s.question, children: s.options.find((o) => o.value === answers[s.id])?.label ?? <span className="muted">未回答</span>,
              }))} />
            )}
            {checklist ? (
              <Table<ChecklistLine> rowKey={(l) => l.material.id} size="small" pagination={false} dataSource={checklist.lines}
                locale={{ emptyText: '本事项无需收取材料' }}
                columns={[
                  { title: '材料', render: (_, l) => <><div>{l.material.name}</div><div className="item-code">{l.material.necessity} · {l.material.form} {l.material.copies} 份 · {l.material.medium}</div></> },
                  { title: '窗口核对', width: 200, render: (_, l) => l.mark ? <>{MARK_LABEL[l.mark.mark]}{l.mark.copies !== undefined ? `，${l.mark.copies} 份` : ''}{l.mark.note ? <div className="muted">{l.mark.note}</div> : null}</> : <span className="muted">未核对</span> },
                  { title: '结果', width: 150, render: (_, l) => <><Tag color={LINE_STATUS_COLOR[l.status]}>{LINE_STATUS_LABEL[l.status]}</Tag>{l.reason && l.status !== 'deferred' ? <div className="muted">{l.reason}</div> : null}</> },
                ]} />
            ) : !item && !itemError ? <Spin /> : (
              <Table size="small" pagination={false} rowKey="id" dataSource={Object.entries(marks).map(([id, m]) => ({ id, ...m }))}
                columns={[{ title: '材料编号', dataIndex: 'id' }, { title: '窗口核对', dataIndex: 'mark', render: (m: keyof typeof MARK_LABEL) => MARK_LABEL[m] }]} />
            )}
          </div></Card>
          {checklist && (
            <MaterialPages caseId={c.id} materials={checklist.lines.map((l) => ({ id: l.material.id, name: l.material.name }))}
              verdicts={verdicts} onVerdicts={setVerdicts} editable={detail.actions.decide.length > 0} />
          )}
          <Card title="办理过程">
            <div data-testid="timeline"><Timeline items={timeline(detail)} /></div>
          </Card>
        </div>
        <div>
          <ReviewPanel detail={detail} session={session} verdicts={verdicts} onChanged={() => { setVerdicts({}); void load(); }} />
        </div>
      </div>
    </>
  );
}

/** Window events and back-office decisions in the order the server received them. */
function timeline(d: CaseDetailResponse) {
  const fromWindow = d.events.map((e) => {
    const decision = e.type === 'case.decided' ? DECISION_LABEL[e.payload.decision] : null;
    const reason = e.type === 'case.decided' || e.type === 'case.terminated' ? (e.payload.reason ?? null) : null;
    return {
      at: e.receivedAt,
      item: {
        key: e.id,
        color: 'gray',
        title: formatTime(e.deviceTime),
        content: <>{EVENT_LABEL[e.type]}{decision ? `：${decision}` : ''}{e.staffNo ? <span className="muted">（窗口工号 {e.staffNo}）</span> : null}{reason ? <div className="muted">{reason}</div> : null}</>,
      },
    };
  });
  const review = d.statuses.map((s) => ({ at: s.decidedAt, item: backOfficeLine(s) }));
  return [...fromWindow, ...review].sort((a, b) => a.at.localeCompare(b.at)).map((x) => x.item);
}
