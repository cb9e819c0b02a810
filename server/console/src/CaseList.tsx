// Cases of the staff member's department, newest first, filtered by office and statuses.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Select, Table, Tag } from 'antd';
import type { CaseSummary, DirectoryResponse } from '../../../shared/sync/backoffice';
import { INTAKE_STATUSES } from '../../../shared/sync/backoffice';
import { REVIEW_STATUSES } from '../../../shared/sync/protocol';
import { api, ApiFailure, type CaseFilters } from './api';
import { reviewBlocker } from '../../../shared/domain/caseState';
import { formatTime, INTAKE_STATUS_LABEL, REVIEW_STATUS_COLOR, REVIEW_STATUS_LABEL } from './labels';
import { loadFilters, saveFilters } from './session';

const ALL = '';

export function CaseList({ onOpen, onForbidden }: { onOpen: (caseId: string) => void; onForbidden: (note: string) => void }) {
  const [dir, setDir] = useState<DirectoryResponse | null>(null);
  const [filters, setFilters] = useState<CaseFilters>(() => loadFilters<CaseFilters>({}));
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [more, setMore] = useState<{ hasMore: boolean; cursor: number }>({ hasMore: false, cursor: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = useCallback((e: unknown) => {
    if (e instanceof ApiFailure && e.status === 403) onForbidden(e.message);
    else setError(e instanceof ApiFailure ? e.message : '加载失败，请重试');
  }, [onForbidden]);

  useEffect(() => { api.directory().then(setDir, fail); }, [fail]);

  const load = useCallback(async (f: CaseFilters, before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.cases(f, before);
      setCases((prev) => (before ? [...prev, ...page.cases] : page.cases));
      setMore({ hasMore: page.hasMore, cursor: page.nextCursor });
    } catch (e) {
      fail(e);
    } finally {
      setLoading(false);
    }
  }, [fail]);

  useEffect(() => { saveFilters(filters); void load(filters); }, [filters, load]);

  const set = (k: keyof CaseFilters) => (v: string) => setFilters((f) => ({ ...f, [k]: v || undefined }));
  const deptName = (code: string | null) => dir?.departments.find((d) => d.code === code)?.name ?? code ?? '未归属部门';
  const officeName = (code: string) => dir?.offices.find((o) => o.code === code)?.name ?? code;

  return (
    <>
      <div className="filters">
        <Select aria-label="部门" data-testid="filter-department" value={filters.departmentCode ?? ALL} onChange={set('departmentCode')}
          options={[{ value: ALL, label: '全部部门' }, ...(dir?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))]} />
        <Select aria-label="中心" data-testid="filter-office" value={filters.officeCode ?? ALL} onChange={set('officeCode')}
          options={[{ value: ALL, label: '全部中心' }, ...(dir?.offices ?? []).map((o) => ({ value: o.code, label: o.name }))]} />
        <Select aria-label="受理状态" data-testid="filter-status" value={filters.status ?? ALL} onChange={set('status')}
          options={[{ value: ALL, label: '全部受理状态' }, ...INTAKE_STATUSES.map((s) => ({ value: s, label: INTAKE_STATUS_LABEL[s] }))]} />
        <Select aria-label="审批状态" data-testid="filter-review" value={filters.reviewStatus ?? ALL} onChange={set('reviewStatus')}
          options={[{ value: ALL, label: '全部审批状态' }, { value: 'none', label: '待审批' }, ...REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS_LABEL[s] }))]} />
        <Button onClick={() => void load(filters)}>刷新</Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={cases}
        pagination={false}
        locale={{ emptyText: '没有符合条件的办件' }}
        onRow={(c) => ({ onClick: () => onOpen(c.id), style: { cursor: 'pointer' }, 'data-case-number': c.caseNumber ?? '' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '受理编号', dataIndex: 'caseNumber', width: 230, render: (v: string | null) => <span className="nowrap">{v ?? <span className="muted">（未编号）</span>}</span> },
          {
            title: '事项', dataIndex: 'itemCode',
            render: (_: string, c) => (<><div>{c.itemName ?? '（目录中无此事项）'}</div><div className="item-code">{c.itemCode}</div></>),
          },
          { title: '部门', dataIndex: 'departmentCode', width: 150, render: deptName },
          { title: '中心', dataIndex: 'officeCode', width: 170, render: officeName },
          { title: '受理状态', dataIndex: 'status', width: 120, render: (s: CaseSummary['status']) => INTAKE_STATUS_LABEL[s] },
          {
            title: '审批状态', dataIndex: 'reviewStatus', width: 110,
            render: (s: CaseSummary['reviewStatus'], c) =>
              s ? <Tag color={REVIEW_STATUS_COLOR[s]}>{REVIEW_STATUS_LABEL[s]}</Tag> : reviewBlocker(c) === null ? <Tag>待审批</Tag> : <span className="muted">无需审批</span>,
          },
          { title: '窗口受理时间', dataIndex: 'createdDeviceTime', width: 150, render: formatTime },
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
