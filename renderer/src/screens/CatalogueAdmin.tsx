// 目录导入/导出 for the 值班长. A bad file is refused whole by the handler; every located
// error is listed here so whoever made the file can fix all of them in one pass. A good file
// is first shown as what it would change (items added, changed, removed); 确认导入 applies it.
// Files are read as bytes and decoded by their BOM, UTF-8 or GB18030 (shared/text/decodeFile.ts).
import { useRef, useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { Out, WorkstationContext } from '../../../shared/contract';
import { ApiError, invoke } from '../api';
import { fieldLabel } from '../catalogueFields';
import { SynonymsCard } from './SynonymsCard';
import { PageRetentionCard } from './PageRetentionCard';
import { decodeTextFile } from '../../../shared/text/decodeFile';

type Preview = Out<'catalogue.previewImport'> & { text: string; fileName: string };

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

  const [preview, setPreview] = useState<Preview | null>(null);

  const refused = (e: unknown, fileName: string) => {
    const rows = e instanceof ApiError ? (e.details ?? []).map(toRow) : [];
    setFailure({ message: (e as Error).message, rows, fileName });
  };

  const chooseFile = async (f: File) => {
    setBusy(true);
    setDone(null);
    setFailure(null);
    setPreview(null);
    try {
      const { text } = decodeTextFile(new Uint8Array(await f.arrayBuffer()));
      setPreview({ ...(await invoke('catalogue.previewImport', { json: text })), text, fileName: f.name });
    } catch (e) {
      refused(e, f.name);
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };

  const applyImport = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await invoke('catalogue.import', { json: preview.text });
      setDone(`已导入目录版本 ${r.version}，共 ${r.itemCount} 项事项。`);
      setPreview(null);
      onChanged();
    } catch (e) {
      refused(e, preview.fileName);
      setPreview(null);
    } finally {
      setBusy(false);
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
          onChange={(e) => e.target.files?.[0] && chooseFile(e.target.files[0])}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          目录文件须为中心下发的 JSON 文件。文件有任何错误时整份不导入，当前目录保持不变。
        </Typography.Paragraph>
      </Card>
      {done && <Alert type="success" showIcon title={done} style={{ marginTop: 16 }} />}
      {preview && <ImportPreview preview={preview} busy={busy} onApply={applyImport} onCancel={() => setPreview(null)} />}
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
      <SynonymsCard />
      <PageRetentionCard />
    </div>
  );
}

function ImportPreview({ preview: p, busy, onApply, onCancel }: { preview: Preview; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const nothing = !p.added.length && !p.changed.length && !p.removed.length && !p.otherChanges.length;
  const list = (title: string, rows: Array<{ code: string; name: string; fields?: string[] }>, testId: string) =>
    rows.length > 0 && (
      <div className="import-diff-group" data-testid={testId}>
        <Typography.Text strong>
          {title}（{rows.length} 项）
        </Typography.Text>
        <ul className="import-diff-list">
          {rows.slice(0, 100).map((r) => (
            <li key={r.code}>
              {r.name} <span className="field-raw">{r.code}</span>
              {r.fields && <span className="import-diff-fields">：{r.fields.map(fieldLabel).join('、')}</span>}
            </li>
          ))}
          {rows.length > 100 && <li>…… 另有 {rows.length - 100} 项</li>}
        </ul>
      </div>
    );
  return (
    <Card size="small" style={{ marginTop: 16 }} title={`导入「${p.fileName}」将作出的变化`} data-testid="import-preview">
      <Typography.Paragraph>
        目录版本 {p.fromVersion} → <strong>{p.toVersion}</strong>：新增 {p.added.length} 项，修改 {p.changed.length} 项，删除 {p.removed.length} 项
        {p.otherChanges.length > 0 && `；${p.otherChanges.join('、')}有变化`}。
      </Typography.Paragraph>
      {nothing && <Alert type="info" showIcon title="文件与当前目录内容相同" style={{ marginBottom: 12 }} />}
      {p.removed.length > 0 && (
        <Alert type="warning" showIcon title={`将删除 ${p.removed.length} 项事项：删除后本窗口不能再受理这些事项（已受理的办件不受影响）`} style={{ marginBottom: 12 }} />
      )}
      {list('新增', p.added, 'import-added')}
      {list('修改', p.changed, 'import-changed')}
      {list('删除', p.removed, 'import-removed')}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={busy} onClick={onApply} data-testid="import-apply">
          确认导入
        </Button>
        <Button onClick={onCancel} data-testid="import-cancel">
          取消
        </Button>
      </Space>
    </Card>
  );
}
