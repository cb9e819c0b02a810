// The queues of the signed-in reviewer's scope — 待认领, 我的, 需补正, 即将超时 (one working day
// or less left), 已超时, 全部 — with their counts, each case's claim and legal clock as the
// server computed them, newest first, filtered by office and statuses; 导出 Excel writes the
// queue with the same filters (GET /backoffice/api/cases.xlsx).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Select, Table, Tabs, Tag } from 'antd';
import type { CaseSummary, DirectoryResponse } from '../../../shared/sync/backoffice';
import { INTAKE_STATUSES } from '../../../shared/sync/backoffice';
import { REVIEW_STATUSES } from '../../../shared/sync/protocol';
import { QUEUES, type Queue, type QueueCounts } from '../../../shared/sync/review';
import { api, ApiFailure, type CaseFilters } from './api';
import { CLOCK_COLOR, CLOCK_LABEL, formatDay, formatTime, INTAKE_STATUS_LABEL, QUEUE_LABEL, REVIEW_STATUS_COLOR, REVIEW_STATUS_LABEL } from './labels';
import { loadFilters, saveFilters } from './session';

const ALL = '';
const hhmm = (iso: string) => formatTime(iso).slice(11);

/** The clock as the server judged it: due day and working days left. */
export function ClockTag({ c }: { c: Pick<CaseSummary, 'clock'> }) {
  const k = c.clock;
  if (!k || k.band === 'none' || !k.due) return null;
  const left = k.workingDaysLeft ?? 0;
  const text = k.band === 'paused' ? `${CLOCK_LABEL.paused}` : k.band === 'overdue' ? `已超时 ${Math.max(1, -left)} 个工作日` : left === 0 ? '今日到期' : `剩 ${left} 个工作日`;
  return <Tag color={CLOCK_COLOR[k.band]} data-testid="clock" data-band={k.band}>{text}</Tag>;
}

export function CaseList({ queue, onQueue, onOpen }: { queue: Queue; onQueue: (q: Queue) => void; onOpen: (caseId: string) => void }) {
  const [dir, setDir] = useState<DirectoryResponse | null>(null);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [filters, setFilters] = useState<CaseFilters>(() => loadFilters<CaseFilters>({}));
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [more, setMore] = useState<{ hasMore: boolean; cursor: number }>({ hasMore: false, cursor: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = useCallback((e: unknown) => setError(e instanceof ApiFailure ? e.message : '加载失败，请重试'), []);
  useEffect(() => { api.directory().then(setDir, fail); }, [fail]);

  const load = useCallback(async (f: CaseFilters, before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const [page, c] = await Promise.all([api.cases(queue, f, before), before ? Promise.resolve(null) : api.queues()]);
      setCases((prev) => (before ? [...prev, ...page.cases] : page.cases));
      setMore({ hasMore: page.hasMore, cursor: page.nextCursor });
      if (c) setCounts(c);
    } catch (e) {
      fail(e);
    } finally {
      setLoading(false);
    }
  }, [fail, queue]);

  useEffect(() => { saveFilters(filters); void load(filters); }, [filters, load]);

  const set = (k: keyof CaseFilters) => (v: string) => setFilters((f) => ({ ...f, [k]: v || undefined }));
  const deptName = (code: string | null) => dir?.departments.find((d) => d.code === code)?.name ?? code ?? '未归属部门';
  const officeName = (code: string) => dir?.offices.find((o) => o.code === code)?.name ?? code;
  const danger = (q: Queue) => (q === 'overdue' ? '#cf1322' : q === 'dueSoon' ? '#d46b08' : '#1f5fa8');

  return (
    <>
      <Tabs activeKey={queue} onChange={(k) => onQueue(k as Queue)} data-testid="queue-tabs"
        items={QUEUES.map((q) => ({
          key: q,
          label: <span data-testid={`queue-${q}`}>{QUEUE_LABEL[q]} <Badge count={counts?.counts[q] ?? 0} showZero overflowCount={999} color={danger(q)} /></span>,
        }))} />
      {counts && counts.pendingExtensions > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`有 ${counts.pendingExtensions} 件延期申请等待你审批`} action={<Button size="small" href="#/extensions">去审批</Button>} />
      )}
      <div className="filters">
        <Select aria-label="部门" data-testid="filter-department" value={filters.departmentCode ?? ALL} onChange={set('departmentCode')}
          options={[{ value: ALL, label: '本人负责的全部部门' }, ...(dir?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))]} />
        <Select aria-label="中心" data-testid="filter-office" value={filters.officeCode ?? ALL} onChange={set('officeCode')}
          options={[{ value: ALL, label: '本人负责的全部中心' }, ...(dir?.offices ?? []).map((o) => ({ value: o.code, label: o.name }))]} />
        <Select aria-label="受理状态" data-testid="filter-status" value={filters.status ?? ALL} onChange={set('status')}
          options={[{ value: ALL, label: '全部受理状态' }, ...INTAKE_STATUSES.map((s) => ({ value: s, label: INTAKE_STATUS_LABEL[s] }))]} />
        <Select aria-label="审批状态" data-testid="filter-review" value={filters.reviewStatus ?? ALL} onChange={set('reviewStatus')}
          options={[{ value: ALL, label: '全部审批状态' }, { value: 'none', label: '待审批' }, ...REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS_LABEL[s] }))]} />
        <Button onClick={() => void load(filters)} data-testid="refresh">刷新</Button>
        <a href={api.casesXlsxUrl(queue, filters)} download data-testid="queue-export"><Button>导出 Excel</Button></a>
        {counts && <span className="muted today">今日：{formatDay(counts.today)}</span>}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={cases}
        pagination={false}
        locale={{ emptyText: `${QUEUE_LABEL[queue]}中没有办件` }}
        onRow={(c) => ({ onClick: () => onOpen(c.id), style: { cursor: 'pointer' }, 'data-case-number': c.caseNumber ?? '' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '受理编号', dataIndex: 'caseNumber', width: 200, render: (v: string | null) => <span className="nowrap">{v ?? <span className="muted">（未编号）</span>}</span> },
          {
            title: '事项', dataIndex: 'itemCode',
            render: (_: string, c) => (<><div>{c.itemName ?? '（目录中无此事项）'}</div><div className="item-code">{deptName(c.departmentCode)} · {officeName(c.officeCode)}</div></>),
          },
          { title: '受理状态', dataIndex: 'status', width: 110, render: (s: CaseSummary['status']) => INTAKE_STATUS_LABEL[s] },
          {
            title: '审批状态', dataIndex: 'reviewStatus', width: 110,
            render: (s: CaseSummary['reviewStatus'], c) => (
              <>
                {s ? <Tag color={REVIEW_STATUS_COLOR[s]}>{REVIEW_STATUS_LABEL[s]}</Tag> : <Tag>待审批</Tag>}
                {c.suspended && <Tag color="purple">已挂起</Tag>}
              </>
            ),
          },
          {
            title: '时限', key: 'clock', width: 170,
            render: (_: unknown, c) => (<>{c.clock?.due && <div className="nowrap">承诺 {formatDay(c.clock.due)}</div>}<ClockTag c={c} /></>),
          },
          {
            title: '认领', key: 'claim', width: 150,
            render: (_: unknown, c) => c.claim
              ? <span data-testid="claim-cell">{c.claim.mine ? <Tag color="blue">我</Tag> : c.claim.name}<span className="muted">（至 {hhmm(c.claim.expiresAt)}）</span></span>
              : <span className="muted">未认领</span>,
          },
          { title: '窗口受理时间', dataIndex: 'createdDeviceTime', width: 140, render: formatTime },
        ]}
      />
      {more.hasMore && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button loading={loading} onClick={() => void load(filters, more.cursor)}>加载更多</Button>
        </div>
      )}
    </>
  );
}
