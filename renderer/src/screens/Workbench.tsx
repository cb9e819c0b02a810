import { Button, Layout, Typography } from 'antd';
import type { WorkstationContext } from '../../../shared/contract';
import { invoke } from '../api';

export function Workbench({ context, onSignedOut }: { context: WorkstationContext; onSignedOut: () => void }) {
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ background: '#1f5fa8', color: '#fff', display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>一窗</Typography.Text>
        <span>{context.office.name} · {context.window.name}</span>
        <span style={{ marginLeft: 'auto' }}>{context.clerk?.name}（{context.clerk?.staffNo}）</span>
        <Button size="small" onClick={() => invoke('session.signOut', {}).then(onSignedOut)}>退出</Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>目录版本 {context.catalogueVersion} · 事项 {context.itemCount} 项</Layout.Content>
    </Layout>
  );
}
