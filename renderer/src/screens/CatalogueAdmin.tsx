// 目录导入/导出 for the 值班长. A bad file is refused whole by the handler; every located
// error is listed here so whoever made the file can fix all of them in one pass.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { WorkstationContext } from '../../../shared/contract';
import { ApiError, invoke } from '../api';
import { fieldLabel } from '../catalogueFields';

interface ErrorRow {
  key: number;
  item: string;
  field: string;
  reason: string;
}

/** The handler locates errors as '事项 <code> · <field>' or just '<field>'. */
function toRow(d: { path: string; message: string }, key: number): ErrorRow {
  const m = /^事项 (.+?) · (.*)$/.exec(d.path);
  return m ? { key, item: m[1], field: m[2], reason: d.message } : { key, item: '—', field: d.path, reason: d.message };
}

export function CatalogueAdmin({ context, onChanged }: { context: WorkstationContext; onChanged: () => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: ErrorRow[]; fileName: string } | null>(null);

  const importFile = async (f: File) => {
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const r = await invoke('catalogue.import', { json: await f.text() });
      setDone(`已导入目录版本 ${r.version}，共 ${r.itemCount} 项事项。`);
      onChanged();
    } catch (e) {
      const rows = e instanceof ApiError ? (e.details ?? []).map(toRow) : [];
      setFailure({ message: (e as Error).message, rows, fileName: f.name });
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };

  const exportFile = async () => {
    const { json } = await invoke('catalogue.export', {});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    a.download = `目录-v${context.catalogueVersion}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <div className="catalogue-admin">
      <Card title="事项目录" size="small">
        <Typography.Paragraph>
          当前目录版本 <strong data-testid="catalogue-version">{context.catalogueVersion}</strong> · 共 {context.itemCount} 项事项
        </Typography.Paragraph>
        <Space>
          <Button type="primary" loading={busy} onClick={() => file.current?.click()} data-testid="import-button">
            导入目录文件…
          </Button>
          <Button onClick={exportFile}>导出当前目录</Button>
        </Space>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="目录文件"
          data-testid="import-file"
          onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          目录文件须为中心下发的 JSON 文件。文件有任何错误时整份不导入，当前目录保持不变。
        </Typography.Paragraph>
      </Card>
      {done && <Alert type="success" showIcon title={done} style={{ marginTop: 16 }} />}
      {failure && (
        <div data-testid="import-errors" style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={`「${failure.fileName}」未导入`}
            description={`${failure.message}（当前目录版本仍为 ${context.catalogueVersion}）`}
            style={{ marginBottom: 12 }}
          />
          {failure.rows.length > 0 && (
            <Table<ErrorRow>
              size="small"
              bordered
              pagination={failure.rows.length > 50 ? { pageSize: 50 } : false}
              dataSource={failure.rows}
              columns={[
                { title: '事项', dataIndex: 'item', width: 220 },
                {
                  title: '字段',
                  dataIndex: 'field',
                  width: 280,
                  render: (field: string) => (
                    <>
                      {fieldLabel(field)}
                      <span className="field-raw">{field}</span>
                    </>
                  ),
                },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          )}
        </div>
      )}
    </div>
  );
}
