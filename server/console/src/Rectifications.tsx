// 差评整改: the 差评 of the caller's scope (heads) or of every centre (admins), by how each
// stands — 待整改, 整改中, 整改超期 (red, with the working days overdue), 已整改, 无效差评 — and
// the actions the server allows on each: heads 开始整改, 整改完成 (measures), 回访, 申请无效差评;
// admins 审核无效差评 and each centre's deadline (5, 7 or 15 working days).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, Modal, Radio, Segmented, Select, Table, Tag } from 'antd';
import type { RectificationActionRequest, RectificationView } from '../../../shared/sync/rectification';
import { RECTIFICATION_LABEL, REVISIT_METHOD_LABEL, REVISIT_METHODS, type RectificationAction } from '../../../shared/domain/rectification';
import { RATING_LABEL } from '../../../shared/domain/case';
import { api, ApiFailure } from './api';
import { formatDay, formatTime } from './labels';

type Standing = RectificationView['standing'];
const COLOR: Record<Standing, string> = { pending: 'gold', inProgress: 'processing', overdue: 'red', done: 'success', invalid: 'default' };
const ACTION_LABEL: Record<RectificationAction, string> = {
  start: '开始整改', complete: '整改完成', revisit: '回访', requestInvalid: '申请认定无效差评', decideInvalid: '审核无效差评',
};
const TABS = ['pending', 'inProgress', 'overdue', 'done', 'invalid'] as const satisfies readonly Standing[];

export function Rectifications({ admin, onOpenCase }: { admin: boolean; onOpenCase: (caseId: string) => void }) {
  const [tab, setTab] = useState<Standing | 'invalidPending'>(admin ? 'invalidPending' : 'pending');
  const [data, setData] = useState<Awaited<ReturnType<typeof api.rectifications>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acting, setActing] = useState<{ r: RectificationView; action: RectificationAction } | null>(null);
  const load = useCallback(() => {
    setError(null);
    api.rectifications(tab === 'invalidPending' ? { invalidPending: true } : { standing: tab }).then(setData, (e) => setError(e instanceof ApiFailure ? e.message : '加载失败'));
  }, [tab]);
  useEffect(load, [load]);

  const standingTag = (r: RectificationView) => (
    <Tag color={COLOR[r.standing]} data-testid="rectification-standing">
      {RECTIFICATION_LABEL[r.standing]}
      {r.standing === 'overdue' && r.daysLeft !== null ? `（超期 ${-r.daysLeft} 个工作日）` : ''}
      {r.doneLate ? '（超期完成）' : ''}
    </Tag>
  );
  return (
    <>
      <div className="page-head">
        <h2 className="page-title">差评整改</h2>
        <span>
          {data && <span className="muted">业务日期 {formatDay(data.today)}</span>}
          <a href={api.rectificationsXlsxUrl(tab === 'invalidPending' ? { invalidPending: true } : { standing: tab })} download style={{ marginLeft: 12 }} data-testid="export-rectifications"><Button>导出 Excel</Button></a>
        </span>
      </div>
      {admin && <DeadlineSettings />}
      <Segmented
        value={tab}
        onChange={(v) => setTab(v as typeof tab)}
        data-testid="rectification-tabs"
        options={[
          ...(admin ? [{ value: 'invalidPending', label: '无效差评待审核' }] : []),
          ...TABS.map((s) => ({ value: s, label: `${RECTIFICATION_LABEL[s]}${data ? ` ${data.counts[s]}` : ''}` })),
        ]}
        style={{ marginBottom: 12 }}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Table<RectificationView>
        rowKey="id"
        loading={data === null}
        dataSource={data?.rectifications ?? []}
        pagination={false}
        locale={{ emptyText: '没有此类差评' }}
        data-testid="rectifications"
        onRow={(r) => ({ 'data-case-number': r.caseNumber ?? '', 'data-standing': r.standing }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '受理编号', dataIndex: 'caseNumber', width: 180, render: (n: string, r) => (admin ? n : <a onClick={() => onOpenCase(r.caseId)}>{n}</a>) },
          { title: '事项', dataIndex: 'itemName', width: 130, render: (n: string | null, r) => n ?? r.itemCode },
          { title: '窗口', key: 'window', width: 90, render: (_: unknown, r) => `${r.windowCode} 号（${r.clerkStaffNo ?? '—'}）` },
          { title: '评价', key: 'level', width: 110, render: (_: unknown, r) => <><b>{RATING_LABEL[r.level]}</b><div className="muted">{formatTime(r.ratedAt)}</div></> },
          { title: '原因与意见', key: 'reasons', render: (_: unknown, r) => <>{r.reasons.map((x) => x.text).join('、') || '—'}{r.comment && <div className="muted">“{r.comment}”</div>}</> },
          { title: '整改期限', key: 'deadline', width: 130, render: (_: unknown, r) => <>{formatDay(r.deadline)}<div className="muted">{r.deadlineDays} 个工作日</div></> },
          {
            title: '整改情况', key: 'standing', width: 200,
            render: (_: unknown, r) => (
              <>
                {standingTag(r)}
                {r.measures && <div>整改措施：{r.measures}</div>}
                {r.revisit && <div className="muted">{REVISIT_METHOD_LABEL[r.revisit.method]}：{r.revisit.satisfied ? '满意' : '仍不满意'}{r.revisit.note ? `（${r.revisit.note}）` : ''}</div>}
                {r.invalid && <div className="muted">无效差评申请（{r.invalid.state === 'requested' ? '待审核' : r.invalid.state === 'approved' ? '已认定' : '已驳回'}）：{r.invalid.reason}</div>}
              </>
            ),
          },
          {
            title: '', key: 'actions', width: 130,
            render: (_: unknown, r) => r.actions.map((a) => (
              <Button key={a} size="small" block style={{ margin: '2px 0' }} onClick={() => setActing({ r, action: a })} data-testid={`rectification-${a}`}>{ACTION_LABEL[a]}</Button>
            )),
          },
        ]}
      />
      {acting && <ActionDialog {...acting} onClose={() => setActing(null)} onDone={() => { setActing(null); load(); }} />}
    </>
  );
}

function ActionDialog({ r, action, onClose, onDone }: { r: RectificationView; action: RectificationAction; onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState('');
  const [method, setMethod] = useState<(typeof REVISIT_METHODS)[number]>('phone');
  const [satisfied, setSatisfied] = useState(true);
  const [approve, setApprove] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const body = (): RectificationActionRequest => {
    switch (action) {
      case 'start': return { action, note: text };
      case 'complete': return { action, measures: text };
      case 'revisit': return { action, method, satisfied, note: text };
      case 'requestInvalid': return { action, reason: text };
      case 'decideInvalid': return { action, approve, note: text };
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.actOnRectification(r.caseId, body());
      onDone();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '提交失败');
    } finally {
      setBusy(false);
    }
  };
  const placeholder = { start: '备注（可不填）', complete: '整改措施（必填）', revisit: '回访情况（可不填）', requestInvalid: '申请理由（必填）', decideInvalid: '审核意见（可不填）' }[action];
  return (
    <Modal open title={`${ACTION_LABEL[action]} · ${r.caseNumber ?? ''}`} onCancel={onClose} onOk={submit} okText="确认" confirmLoading={busy} data-testid="rectification-dialog">
      {action === 'revisit' && (
        <div style={{ marginBottom: 8 }}>
          <Radio.Group value={method} onChange={(e) => setMethod(e.target.value)} options={REVISIT_METHODS.map((m) => ({ value: m, label: REVISIT_METHOD_LABEL[m] }))} />
          <Radio.Group value={satisfied} onChange={(e) => setSatisfied(e.target.value)} style={{ marginTop: 8 }} options={[{ value: true, label: '申请人满意' }, { value: false, label: '申请人仍不满意' }]} />
        </div>
      )}
      {action === 'decideInvalid' && (
        <div style={{ marginBottom: 8 }}>
          <div>申请理由：{r.invalid?.reason}（{r.invalid?.requestedBy}）</div>
          <Radio.Group value={approve} onChange={(e) => setApprove(e.target.value)} style={{ marginTop: 8 }} options={[{ value: true, label: '认定为无效差评' }, { value: false, label: '驳回，须整改' }]} data-testid="rectification-approve" />
        </div>
      )}
      <Input.TextArea rows={3} maxLength={action === 'complete' ? 2000 : 500} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} data-testid="rectification-text" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="rectification-error" />}
    </Modal>
  );
}

function DeadlineSettings() {
  const [rows, setRows] = useState<{ officeCode: string; officeName: string; deadlineDays: number }[] | null>(null);
  const [choices, setChoices] = useState<number[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => { api.rectificationSettings().then((r) => { setRows(r.settings); setChoices(r.choices); }, () => setRows([])); }, []);
  if (!rows) return null;
  const change = async (officeCode: string, days: number) => {
    await api.setRectificationDays(officeCode, days);
    setRows((rs) => rs!.map((x) => (x.officeCode === officeCode ? { ...x, deadlineDays: days } : x)));
    setSaved(`已设置：新登记的差评 ${days} 个工作日内整改`);
  };
  return (
    <section className="panel" style={{ marginBottom: 12 }} data-testid="rectification-settings">
      <b>各中心整改期限</b>
      {rows.map((r) => (
        <span key={r.officeCode} style={{ marginLeft: 16 }}>
          {r.officeName}：
          <Select size="small" value={r.deadlineDays} style={{ width: 120 }} onChange={(v) => void change(r.officeCode, v)} data-testid={`deadline-${r.officeCode}`}
            options={choices.map((d) => ({ value: d, label: `${d} 个工作日` }))} />
        </span>
      ))}
      {saved && <span className="muted" style={{ marginLeft: 12 }} data-testid="deadline-saved">{saved}</span>}
    </section>
  );
}
