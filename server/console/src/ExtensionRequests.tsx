// 延期审批 for heads: the requests waiting in their departments and offices; each opens its case.
import { useEffect, useState } from 'react';
import { Alert, Button, Table } from 'antd';
import type { ExtensionRequestView } from '../../../shared/sync/review';
import { api, ApiFailure } from './api';
import { formatTime } from './labels';

export function ExtensionRequests({ onOpen }: { onOpen: (caseId: string) => void }) {
  const [rows, setRows] = useState<ExtensionRequestView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.pendingExtensions().then((r) => setRows(r.requests), (e) => setError(e instanceof ApiFailure ? e.message : '加载失败')); }, []);
  return (
    <>
      <h2 className="page-title">待审批的延期申请</h2>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<ExtensionRequestView> rowKey="id" loading={rows === null} dataSource={rows ?? []} pagination={false} locale={{ emptyText: '没有待审批的延期申请' }}
        data-testid="extension-requests"
        columns={[
          { title: '受理编号', dataIndex: 'caseNumber', width: 220 },
          { title: '延长', dataIndex: 'days', width: 110, render: (d: number) => `${d} 个工作日` },
          { title: '理由', dataIndex: 'reason' },
          { title: '申请人', dataIndex: 'requestedByName', width: 120 },
          { title: '申请时间', dataIndex: 'requestedAt', width: 150, render: formatTime },
          { title: '', key: 'open', width: 100, render: (_: unknown, x) => <Button size="small" onClick={() => onOpen(x.caseId)}>去审批</Button> },
        ]} />
    </>
  );
}
