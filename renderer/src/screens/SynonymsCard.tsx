// 同义词 in 目录管理: the 值班长 adds what applicants here say (小卖部,便利店=预包装食品), one
// line each; the catalogue's own list is shown for reference. Saved by the handler, which
// names every bad line.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Typography } from 'antd';
import { ApiError, invoke } from '../api';
import { synonymLines } from '../../../shared/search/synonyms';

export function SynonymsCard() {
  const [text, setText] = useState('');
  const [catalogueLines, setCatalogueLines] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; details: string[] } | null>(null);
  useEffect(() => {
    invoke('catalogue.synonyms', {}).then((r) => {
      setText(synonymLines(r.local));
      setCatalogueLines(synonymLines(r.catalogue));
    }, () => undefined);
  }, []);
  const save = async () => {
    setBusy(true);
    try {
      const r = await invoke('catalogue.setSynonyms', { text });
      setText(synonymLines(r.local));
      setResult({ ok: true, message: `已保存 ${r.local.length} 条本窗口同义词，搜索框立即生效。`, details: [] });
    } catch (e) {
      setResult({ ok: false, message: (e as Error).message, details: e instanceof ApiError ? (e.details ?? []).map((d) => d.message) : [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="搜索同义词" size="small" style={{ marginTop: 16 }} data-testid="synonyms-card">
      <Typography.Paragraph type="secondary">
        群众常说的叫法，每行一条：「群众说法=目录用词」，多个说法用逗号隔开，如：小卖部,便利店=预包装食品。搜索不到时自动按目录用词再找。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="本窗口同义词"
        data-testid="synonyms-local"
        autoSize={{ minRows: 3, maxRows: 10 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="开饭店,开餐馆=食品经营"
      />
      <Button type="primary" style={{ marginTop: 8 }} loading={busy} onClick={save} data-testid="synonyms-save">
        保存同义词
      </Button>
      {result && (
        <Alert
          style={{ marginTop: 8 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.message}
          description={result.details.length ? <ul className="error-details">{result.details.map((d) => <li key={d}>{d}</li>)}</ul> : undefined}
          data-testid="synonyms-result"
        />
      )}
      {catalogueLines && (
        <details style={{ marginTop: 8 }}>
          <summary>目录自带的同义词（随目录更新）</summary>
          <pre className="synonyms-catalogue">{catalogueLines}</pre>
        </details>
      )}
    </Card>
  );
}
