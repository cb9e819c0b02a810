// 本机扫描件保留 in 目录管理 (值班长): after how many days the local copies of pages the centre has
// confirmed are purged. The page records stay; a purged page opens as 已归档到中心.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, InputNumber, Space, Switch, Typography } from 'antd';
import { invoke } from '../api';
import type { RetentionView } from '../../../shared/scans/api';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function PageRetentionCard() {
  const [view, setView] = useState<RetentionView | null>(null);
  const [on, setOn] = useState(false);
  const [days, setDays] = useState<number | null>(90);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    invoke('pages.retention', {}).then((v) => {
      setView(v);
      setOn(v.purgeAfterDays !== null);
      if (v.purgeAfterDays !== null) setDays(v.purgeAfterDays);
    }, () => undefined);
  }, []);
  const save = async () => {
    setBusy(true);
    try {
      const v = await invoke('pages.setRetention', { purgeAfterDays: on ? days : null });
      setView(v);
      setMessage({ ok: true, text: on ? `已保存：中心确认保存 ${v.purgeAfterDays} 天后清理本机副本${v.purged ? `，本次清理 ${v.purged} 页` : ''}。` : '已保存：本机保留全部扫描件。' });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="本机扫描件保留" size="small" style={{ marginTop: 16 }} data-testid="page-retention">
      <Typography.Paragraph type="secondary">
        扫描件上传到中心并经中心确认保存后，可在指定天数后清理本机副本以节省磁盘空间。清理后办件仍列出这些扫描页，打开时显示“已归档到中心”。
      </Typography.Paragraph>
      <Space wrap>
        <Switch checked={on} onChange={setOn} aria-label="清理本机副本" data-testid="retention-on" />
        <span>中心确认保存</span>
        <InputNumber min={1} max={3650} value={days} onChange={(v) => setDays(v)} disabled={!on} aria-label="保留天数" data-testid="retention-days" />
        <span>天后清理本机副本</span>
        <Button type="primary" onClick={() => void save()} loading={busy} disabled={on && !days} data-testid="retention-save">保存</Button>
      </Space>
      {view && (
        <div className="muted-hint" style={{ marginTop: 8 }} data-testid="retention-holdings">
          本机现存扫描件 {mb(view.localBytes)}，已归档到中心 {view.archivedPages} 页
        </div>
      )}
      {message && <Alert type={message.ok ? 'success' : 'error'} showIcon title={message.text} style={{ marginTop: 8 }} />}
    </Card>
  );
}
