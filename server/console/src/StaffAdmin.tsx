// 账号管理 for the centre's admin: every staff account; add one (with an initial password the
// person must change), change name, role, departments and offices, disable/enable, reset a password.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, type ButtonProps } from 'antd';
import type { DirectoryResponse } from '../../../shared/sync/backoffice';
import { STAFF_ROLES, type StaffAccount, type StaffRole } from '../../../shared/sync/staff';
import { api, ApiFailure } from './api';
import { formatTime, STAFF_ROLE_LABEL } from './labels';

interface Values { staffNo: string; name: string; role: StaffRole; departmentCodes: string[]; officeCodes: string[]; password?: string }
type Editing = { mode: 'add' } | { mode: 'edit'; account: StaffAccount } | { mode: 'reset'; account: StaffAccount } | null;

export function StaffAdmin({ me }: { me: string }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<StaffAccount[] | null>(null);
  const [dir, setDir] = useState<DirectoryResponse | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);

  const load = useCallback(() => { api.staff().then((r) => setRows(r.staff), (e) => setError(e instanceof ApiFailure ? e.message : '加载失败')); }, []);
  useEffect(() => { load(); api.directory().then(setDir, () => undefined); }, [load]);

  const open = (e: Editing) => {
    setError(null);
    form.resetFields();
    if (e?.mode === 'edit') form.setFieldsValue({ ...e.account });
    if (e?.mode === 'add') form.setFieldsValue({ role: 'reviewer', departmentCodes: [], officeCodes: [] });
    setEditing(e);
  };
  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (editing?.mode === 'add') await api.addStaff({ staffNo: v.staffNo.trim().toUpperCase(), name: v.name, role: v.role, departmentCodes: v.departmentCodes ?? [], officeCodes: v.officeCodes ?? [], password: v.password ?? '' });
      else if (editing?.mode === 'edit') await api.updateStaff(editing.account.staffNo, { name: v.name, role: v.role, departmentCodes: v.departmentCodes ?? [], officeCodes: v.officeCodes ?? [] });
      else if (editing?.mode === 'reset') await api.resetPassword(editing.account.staffNo, v.password ?? '');
      message.success('已保存');
      setEditing(null);
      load();
    } catch (e) {
      const f = e instanceof ApiFailure ? e : null;
      const fields = (['staffNo', 'name', 'role', 'departmentCodes', 'officeCodes', 'password'] as const).filter((k) => f?.field(k));
      if (fields.length) form.setFields(fields.map((k) => ({ name: k, errors: [f!.field(k)!] })));
      setError(f?.message ?? '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  const toggle = async (a: StaffAccount) => {
    try {
      await api.setStaffActive(a.staffNo, !a.active);
      message.success(a.active ? `已停用 ${a.name}` : `已启用 ${a.name}`);
      load();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '操作失败');
    }
  };
  const deptName = (c: string) => dir?.departments.find((d) => d.code === c)?.name ?? c;
  const officeName = (c: string) => dir?.offices.find((o) => o.code === c)?.name ?? c;

  return (
    <>
      <div className="page-head">
        <h2 className="page-title">账号管理</h2>
        <Button type="primary" onClick={() => open({ mode: 'add' })} data-testid="staff-add">新增账号</Button>
      </div>
      {error && !editing && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<StaffAccount> rowKey="staffNo" loading={rows === null} dataSource={rows ?? []} pagination={false} data-testid="staff-table"
        onRow={(a) => ({ 'data-staff-no': a.staffNo } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '工号', dataIndex: 'staffNo', width: 90 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '角色', dataIndex: 'role', width: 110, render: (r: StaffRole) => STAFF_ROLE_LABEL[r] },
          { title: '部门', dataIndex: 'departmentCodes', render: (xs: string[]) => xs.map(deptName).join('、') || <span className="muted">—</span> },
          { title: '中心', dataIndex: 'officeCodes', render: (xs: string[]) => (xs.length > 3 ? `${xs.slice(0, 3).map(officeName).join('、')} 等 ${xs.length} 个` : xs.map(officeName).join('、')) || <span className="muted">—</span> },
          {
            title: '状态', key: 'state', width: 150,
            render: (_: unknown, a) => (<>{a.active ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>}{a.lockedUntil && Date.parse(a.lockedUntil) > Date.now() ? <Tag color="red">锁定至 {formatTime(a.lockedUntil).slice(11)}</Tag> : null}{a.mustChangePassword ? <Tag color="gold">待改密码</Tag> : null}</>),
          },
          {
            title: '操作', key: 'ops', width: 230,
            render: (_: unknown, a) => (
              <Space size={4}>
                <Button size="small" onClick={() => open({ mode: 'edit', account: a })}>修改</Button>
                <Button size="small" onClick={() => open({ mode: 'reset', account: a })}>重置密码</Button>
                {a.staffNo !== me && <Button size="small" danger={a.active} onClick={() => void toggle(a)} data-testid={`staff-toggle-${a.staffNo}`}>{a.active ? '停用' : '启用'}</Button>}
              </Space>
            ),
          },
        ]} />
      <Modal open={!!editing} title={editing?.mode === 'add' ? '新增账号' : editing?.mode === 'edit' ? `修改账号 ${editing.account.staffNo}` : editing ? `重置 ${editing.account.name} 的密码` : ''}
        onCancel={() => setEditing(null)} onOk={() => form.submit()} okText="保存" cancelText="取消" okButtonProps={{ loading: busy, 'data-testid': 'staff-save' } as ButtonProps} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
          {editing?.mode === 'add' && <Form.Item name="staffNo" label="工号" rules={[{ required: true, message: '请填写工号' }]}><Input data-testid="staff-no" /></Form.Item>}
          {editing?.mode !== 'reset' && (
            <>
              <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} data-testid="staff-name-input" /></Form.Item>
              <Form.Item name="role" label="角色"><Select options={STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_LABEL[r] }))} data-testid="staff-role-input" /></Form.Item>
              {role !== 'admin' && (
                <>
                  <Form.Item name="departmentCodes" label="负责部门"><Select mode="multiple" options={(dir?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))} data-testid="staff-departments" /></Form.Item>
                  <Form.Item name="officeCodes" label="服务中心"><Select mode="multiple" options={(dir?.offices ?? []).map((o) => ({ value: o.code, label: o.name }))} data-testid="staff-offices" /></Form.Item>
                </>
              )}
            </>
          )}
          {editing?.mode !== 'edit' && (
            <Form.Item name="password" label={editing?.mode === 'reset' ? '新密码' : '初始密码'} extra="至少 8 位；本人登录后须立即修改" rules={[{ required: true, message: '请填写密码' }]}>
              <Input.Password autoComplete="new-password" data-testid="staff-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
