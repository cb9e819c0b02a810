// 审计日志 for the centre's admin: every back-office action (who, when, from where, what),
// newest first, filtered by 工号, action and dates; exported as CSV for Excel; the hash chain checked.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, type AuditAction, type AuditQuery, type AuditRecord, type AuditVerifyResponse } from '../../../shared/sync/audit';
import { api, ApiFailure } from './api';
import { AUDIT_ACTION_LABEL, formatTime } from './labels';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const describe = (d: Record<string, unknown>) => Object.entries(d).filter(([, v]) => v !== null && v !== undefined && v !== '')
  .map(([k, v]) => `${k}: ${typeof v === 'string' ? (INSTANT.test(v) ? formatTime(v) : v) : JSON.stringify(v)}`).join('；');

export function AuditLog() {
  const [filter, setFilter] = useState<Partial<AuditQuery>>({});
  const [rows, setRows] = useState<AuditRecord[] | null>(null);
  const [more, setMore] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verified, setVerified] = useState<AuditVerifyResponse | null>(null);

  const load = useCallback(async (f: Partial<AuditQuery>, before?: number) => {
    setError(null);
    try {
      const r = await api.audit({ ...f, before, limit: 100 });
      setRows((prev) => (before ? [...(prev ?? []), ...r.records] : r.records));
      setMore(r.hasMore ? r.nextCursor : null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '加载失败');
    }
  }, []);
  useEffect(() => { void load(filter); }, [filter, load]);
  const set = (k: keyof AuditQuery) => (v: string | undefined) => setFilter((f) => ({ ...f, [k]: v || undefined }));
  const day = (k: 'from' | 'to') => (d: Dayjs | null) => set(k)(d ? d.format('YYYY-MM-DD') : undefined);

  return (
    <>
      <div className="page-head">
        <h2 className="page-title">审计日志</h2>
        <div className="filters" style={{ margin: 0 }}>
          <Input.Search placeholder="工号" allowClear onSearch={(v) => set('staffNo')(v.trim())} style={{ width: 150 }} data-testid="audit-staff" />
          <Select allowClear placeholder="全部操作" style={{ width: 180 }} value={filter.action} onChange={(v: AuditAction | undefined) => set('action')(v)}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABEL[a] }))} data-testid="audit-action" />
          <DatePicker placeholder="起始日期" onChange={day('from')} />
          <DatePicker placeholder="截止日期" onChange={day('to')} />
          <Button href={api.auditCsvUrl(filter)} data-testid="audit-export">导出 CSV</Button>
          <Button onClick={() => api.verifyAudit().then(setVerified, (e) => setError(e instanceof ApiFailure ? e.message : '校验失败'))} data-testid="audit-verify">校验完整性</Button>
        </div>
      </div>
      {verified && (verified.breaks.length
        ? <Alert type="error" showIcon title={`发现 ${verified.breaks.length} 处断裂`} description={verified.breaks.map((b) => b.message).join('；')} style={{ marginBottom: 12 }} />
        : <Alert type="success" showIcon title={`审计日志完整：共 ${verified.checked} 条记录，哈希链无断裂`} style={{ marginBottom: 12 }} data-testid="audit-verified" />)}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<AuditRecord> rowKey="seq" size="small" loading={rows === null} dataSource={rows ?? []} pagination={false} data-testid="audit-table"
        onRow={(r) => ({ 'data-action': r.action } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '时间', dataIndex: 'at', width: 140, render: formatTime },
          { title: '工号', dataIndex: 'staffNo', width: 70, render: (v: string | null) => v ?? '—' },
          { title: '姓名', dataIndex: 'staffName', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '操作', dataIndex: 'action', width: 150, render: (a: AuditAction) => <Tag color={a.includes('failed') || a.includes('locked') ? 'red' : a.startsWith('case.') || a.startsWith('extension') ? 'blue' : 'default'}>{AUDIT_ACTION_LABEL[a]}</Tag> },
          { title: '办件', dataIndex: 'caseNumber', width: 200, render: (v: string | null) => v ?? '' },
          { title: '详情', dataIndex: 'detail', render: (d: Record<string, unknown>) => <span className="audit-detail">{describe(d)}</span> },
          { title: '来源', dataIndex: 'ip', width: 120 },
        ]} />
      {more !== null && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={() => void load(filter, more)}>加载更多</Button></div>}
    </>
  );
}
