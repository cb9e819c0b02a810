// 打印机设置: which printer prints which notice at this window — a system printer (A4/A5/80mm)
// or a network ESC/POS thermal printer (host:9100) — or the window's default. The system's
// printers are listed to pick from; 测试页 prints a test page by the same route as the notices.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { NOTICE_KINDS, NOTICE_TITLE, type NoticeKind } from '../../../shared/notice/model';
import type { Out } from '../../../shared/contract';
import type { PrinterChoice } from '../../../shared/print/printers';
import { invoke } from '../api';
import { ErrorAlert } from './ErrorAlert';

type Slot = NoticeKind | 'default';
type View = Out<'print.settings'>;

const describe = (c: PrinterChoice | null | undefined): string =>
  !c ? '未设置' : c.type === 'escpos' ? `热敏打印机 ${c.host}:${c.port}` : `${c.deviceName}（${c.layout === 'thermal80' ? '80mm 热敏' : c.layout}）`;

export function PrinterSettings({ onClose }: { onClose: () => void }) {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Slot | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const testPage = async (slot: Slot) => {
    setTested(null);
    setError(null);
    try {
      setTested((await invoke('print.testPage', { kind: slot })).message);
    } catch (e) {
      setError(e);
    }
  };
  const [form] = Form.useForm();
  useEffect(() => {
    invoke('print.settings', {}).then(setView, setError);
  }, []);

  const save = async (choice: PrinterChoice | null) => {
    if (!editing) return;
    try {
      setView(await invoke('print.setPrinter', { kind: editing, choice }));
      setEditing(null);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  const submit = (v: { type: 'system' | 'escpos'; deviceName?: string; layout?: 'A4' | 'A5' | 'thermal80'; host?: string; port?: number }) =>
    save(v.type === 'escpos' ? { type: 'escpos', host: v.host ?? '', port: v.port ?? 9100, layout: 'thermal80' } : { type: 'system', deviceName: v.deviceName ?? '', layout: v.layout ?? 'A4' });

  const rows = (['default', ...NOTICE_KINDS] as Slot[]).map((slot) => ({
    slot,
    label: slot === 'default' ? '默认打印机' : NOTICE_TITLE[slot],
    choice: view ? (slot === 'default' ? view.printers.default : view.printers.byKind[slot]) : null,
  }));
  const type = Form.useWatch('type', form);

  return (
    <Modal open title="打印机设置（本窗口）" onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={720} data-testid="printer-settings">
      {error ? <ErrorAlert error={error} /> : null}
      {tested && <Alert type="success" showIcon title={tested} style={{ marginBottom: 8 }} data-testid="printer-test-result" />}
      <div className="muted-hint" data-testid="system-printers">
        本机系统打印机：{view ? (view.systemPrinters.length ? view.systemPrinters.join('、') : '未找到（可填写打印机名称，或使用网络热敏打印机）') : '读取中…'}
      </div>
      <Table
        size="small"
        pagination={false}
        rowKey="slot"
        dataSource={rows}
        columns={[
          { title: '文书', dataIndex: 'label' },
          { title: '打印机', render: (_, r) => (r.slot !== 'default' && !r.choice ? <span className="muted-inline">使用默认打印机</span> : describe(r.choice)) },
          {
            title: '',
            render: (_, r) => (
              <span>
                <Button size="small" onClick={() => { setEditing(r.slot); form.setFieldsValue({ type: 'system', layout: r.slot === 'materialReceipt' ? 'thermal80' : 'A4', port: 9100 }); }}>设置</Button>{' '}
                {r.choice ? <Button size="small" onClick={() => { setEditing(r.slot); void save(null); }}>清除</Button> : null}{' '}
                {r.choice ? <Button size="small" onClick={() => void testPage(r.slot)} data-testid={`printer-test-${r.slot}`}>测试页</Button> : null}
              </span>
            ),
          },
        ]}
      />
      {editing && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 16, rowGap: 8 }}>
          <Form.Item name="type" label={editing === 'default' ? '默认' : NOTICE_TITLE[editing]}>
            <Select style={{ width: 150 }} options={[{ value: 'system', label: '系统打印机' }, { value: 'escpos', label: '网络热敏打印机' }]} />
          </Form.Item>
          {type === 'escpos' ? (
            <>
              <Form.Item name="host" rules={[{ required: true, message: '请填写打印机地址' }]}><Input placeholder="IP 地址，如 192.168.1.50" style={{ width: 200 }} /></Form.Item>
              <Form.Item name="port"><InputNumber min={1} max={65535} style={{ width: 90 }} /></Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="deviceName" rules={[{ required: true, message: '请选择或填写打印机' }]}>
                {view?.systemPrinters.length ? (
                  <Select style={{ width: 220 }} placeholder="选择打印机" options={view.systemPrinters.map((p) => ({ value: p, label: p }))} />
                ) : (
                  <Input style={{ width: 220 }} placeholder="打印机名称" />
                )}
              </Form.Item>
              <Form.Item name="layout">
                <Select style={{ width: 110 }} options={[{ value: 'A4', label: 'A4' }, { value: 'A5', label: 'A5' }, { value: 'thermal80', label: '80mm 热敏' }]} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit">保存</Button>
          <Button onClick={() => setEditing(null)}>取消</Button>
        </Form>
      )}
    </Modal>
  );
}
