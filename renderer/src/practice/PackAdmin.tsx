// Scenario packs for the trainer: the packs in use, export of any of them, and import of a
// pack file. An import with errors changes nothing; its errors are listed by place.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import type { ErrorDetail } from '../../../shared/errors';
import type { PackSummary } from '../../../shared/practice/api';
import { ApiError, invoke } from '../api';
import { decodeTextFile } from '../../../shared/text/decodeFile';
import { downloadText } from './download';

type Outcome = { ok: true; text: string } | { ok: false; message: string; details: ErrorDetail[] };

export function PackAdmin({ onChanged }: { onChanged: () => void }) {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    invoke('practice.scenarios', {}).then(
      (r) => setPacks(r.packs),
      (e: Error) => setOutcome({ ok: false, message: e.message, details: [] }),
    );
  }, []);
  useEffect(load, [load]);

  const importFile = async (f: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      // Bytes decoded by BOM, UTF-8 or GB18030: a pack saved by an older editor is not garbled.
      const r = await invoke('practice.importPack', { json: decodeTextFile(new Uint8Array(await f.arrayBuffer())).text });
      setOutcome({ ok: true, text: `已导入场景包「${r.title}」第 ${r.version} 版，共 ${r.scenarioCount} 个场景${r.replaced ? '（替换了同编号的原有场景包）' : ''}。` });
      load();
      onChanged();
    } catch (e) {
      setOutcome({ ok: false, message: (e as Error).message, details: e instanceof ApiError ? (e.details ?? []) : [] });
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };

  const exportPack = async (id: string) => {
    try {
      const r = await invoke('practice.exportPack', { packId: id });
      downloadText(r.fileName, r.json, 'application/json');
    } catch (e) {
      setOutcome({ ok: false, message: (e as Error).message, details: [] });
    }
  };

  return (
    <div className="practice-admin" data-testid="pack-admin">
      <div className="practice-admin-bar">
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="pack-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
          }}
        />
        <Button type="primary" loading={busy} onClick={() => file.current?.click()} data-testid="pack-import">
          导入场景包…
        </Button>
        <span className="muted-hint">场景包为 JSON 文件；有任何错误时不导入，现有场景包保持不变。</span>
      </div>
      {outcome?.ok && <Alert type="success" showIcon title={outcome.text} data-testid="pack-import-ok" style={{ marginBottom: 12 }} />}
      {outcome && !outcome.ok && (
        <div data-testid="pack-import-errors">
          <Alert type="error" showIcon title={outcome.message} style={{ marginBottom: 8 }} />
          {outcome.details.length > 0 && (
            <Table<ErrorDetail & { key: number }>
              size="small"
              pagination={false}
              scroll={{ y: 240 }}
              dataSource={outcome.details.map((d, key) => ({ ...d, key }))}
              columns={[
                { title: '位置', dataIndex: 'path', width: 280 },
                { title: '问题', dataIndex: 'message' },
              ]}
              style={{ marginBottom: 12 }}
            />
          )}
        </div>
      )}
      <Table<PackSummary>
        size="small"
        rowKey="id"
        loading={!packs}
        pagination={false}
        dataSource={packs ?? []}
        columns={[
          { title: '场景包', dataIndex: 'title', render: (t: string, p) => (p.builtin ? <>{t} <Tag>内置</Tag></> : t) },
          { title: '编号', dataIndex: 'id', width: 140 },
          { title: '版本', dataIndex: 'version', width: 70 },
          { title: '可用场景', dataIndex: 'scenarioCount', width: 90 },
          {
            title: '',
            width: 90,
            render: (_: unknown, p) => (
              <Button size="small" onClick={() => exportPack(p.id)} data-testid={`pack-export-${p.id}`}>
                导出
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
